import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchesExpected } from './expected-output.ts';

test('without … the comparison is exact', () => {
  assert.ok(matchesExpected('a\nb\n', 'a\nb\n'));
  assert.ok(!matchesExpected('a\nb', 'a\nb\n'));
  assert.ok(!matchesExpected('a.b\n', 'a*b\n'));
});

test('… matches any text within its line, and only there', () => {
  const expected = 'loss 2.1\ntime: … s per epoch\n';
  assert.ok(matchesExpected('loss 2.1\ntime: 4.25 s per epoch\n', expected));
  assert.ok(matchesExpected('loss 2.1\ntime:  s per epoch\n', expected));
  assert.ok(!matchesExpected('loss 2.2\ntime: 4.25 s per epoch\n', expected));
  assert.ok(!matchesExpected('loss 2.1\ntime: 4\nextra s per epoch\n', expected));
  assert.ok(!matchesExpected('loss 2.1\ntime: 4.25 ms per epoch\n', expected));
});
