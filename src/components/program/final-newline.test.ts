import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dropFinalNewline } from './final-newline.ts';

test('drops only the one newline that ends the text', () => {
  assert.equal(dropFinalNewline('a\nb\n'), 'a\nb');
  assert.equal(dropFinalNewline('a\n\n'), 'a\n');
  assert.equal(dropFinalNewline('a'), 'a');
  assert.equal(dropFinalNewline(''), '');
});
