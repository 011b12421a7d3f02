import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { formatConsoleArgs } from './format.ts';

test('maps, sets, bigints and dates print as Node prints them, not as {}', () => {
  const values = [new Map([[1, 'a']]), new Set([1, 2]), new Map(), 10n, new Date(0)];
  // Node's own console.log, for values whose format we share with it.
  const node = (value: unknown): string => inspect(value).replace(/'/g, '"');
  for (const value of values) assert.equal(formatConsoleArgs([value]), node(value));
});

test('undefined, null and nested arrays print plainly', () => {
  assert.equal(formatConsoleArgs([undefined, null, [1, [2]]]), 'undefined null [1, [2]]');
});
