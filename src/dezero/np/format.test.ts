import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { DType } from './dtype.ts';
import { formatArray, formatVariable } from './format.ts';

/** One numpy `str(a)` case written by scripts/fixtures/np_format.py. */
interface FormatCase {
  readonly note: string;
  readonly dtype: DType;
  readonly shape: number[];
  /** Floats as Python repr() strings ('nan', 'inf', '-0.0'); ints and bools (0/1) as numbers. */
  readonly values: (string | number)[];
  readonly expected: string;
}

interface FormatFixture {
  readonly numpy: string;
  readonly cases: FormatCase[];
  readonly variable: FormatCase[];
  readonly large: { readonly shape: number[]; readonly expected: string };
}

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/format.json', import.meta.url), 'utf8'),
) as FormatFixture;

function parseValue(v: string | number): number {
  if (typeof v === 'number') return v;
  if (v === 'nan') return NaN;
  if (v === 'inf') return Infinity;
  if (v === '-inf') return -Infinity;
  return Number(v);
}

function storage(c: FormatCase): ArrayLike<number> {
  const values = c.values.map(parseValue);
  if (c.dtype === 'float32') return Float32Array.from(values);
  if (c.dtype === 'bool') return Uint8Array.from(values);
  return Float64Array.from(values);
}

function describe(c: FormatCase): string {
  return `${c.note} ${c.dtype} shape=(${c.shape.join(', ')})`;
}

test(`numpy ${fixture.numpy} str() of ${fixture.cases.length} arrays, byte for byte`, () => {
  assert.ok(fixture.cases.length > 400);
  for (const c of fixture.cases) {
    assert.equal(formatArray(storage(c), c.shape, c.dtype), c.expected, describe(c));
  }
});

test('DeZero repr(Variable) cases of print_formats.numpy2.txt', () => {
  for (const c of fixture.variable) {
    assert.equal(formatVariable(formatArray(storage(c), c.shape, c.dtype)), c.expected, c.note);
  }
});

test('plain JS number arrays format like typed arrays', () => {
  assert.equal(formatArray([1, 2.5, -3], [3], 'float64'), '[ 1.   2.5 -3. ]');
  assert.equal(formatArray([1, 0, 1], [3], 'bool'), '[ True False  True]');
});

test('a 1000x1000 array summarises quickly (only edge items are formatted)', () => {
  const values = new Float64Array(1_000_000);
  for (let i = 0; i < values.length; i++) values[i] = i / 7;
  const start = performance.now();
  const text = formatArray(values, fixture.large.shape, 'float64');
  const elapsed = performance.now() - start;
  assert.equal(text, fixture.large.expected);
  assert.ok(elapsed < 500, `took ${elapsed.toFixed(0)} ms`);
});
