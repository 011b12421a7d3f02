import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { NDArray, fromFlat } from './ndarray.ts';
import type { DType } from './dtype.ts';
import { dot, matmul, tensordot } from './linalg.ts';
import type { LinalgInput, TensordotAxes } from './linalg.ts';

// Recorded by scripts/fixtures/np_linalg.py (numpy 2.x).
interface ArraySpec {
  dtype: DType;
  base: number[];
  shape: number[];
  strides: number[];
  offset: number;
}
interface Case {
  op: 'matmul' | 'dot' | 'tensordot';
  a: ArraySpec | { scalar: number };
  b: ArraySpec | { scalar: number };
  axes?: TensordotAxes;
  error?: string;
  expect?: { shape: number[]; dtype: DType; values: number[]; scale: number[] };
}
const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/linalg.json', import.meta.url), 'utf8'),
) as { cases: Case[] };

/** The operand numpy saw: a view (shape, strides, offset) of a base array, or a JS number. */
function build(spec: Case['a']): LinalgInput {
  if ('scalar' in spec) return spec.scalar;
  const base = fromFlat(spec.base, [spec.base.length], spec.dtype);
  return new NDArray(base.storage, spec.shape, spec.dtype, spec.strides, spec.offset);
}

function describe(spec: Case['a']): string {
  if ('scalar' in spec) return String(spec.scalar);
  return `${spec.dtype}(${spec.shape.join(',')}; strides ${spec.strides.join(',')})`;
}

function run(c: Case): NDArray {
  const a = build(c.a);
  const b = build(c.b);
  if (c.op === 'matmul') return matmul(a, b);
  if (c.op === 'dot') return dot(a, b);
  return c.axes === undefined ? tensordot(a, b) : tensordot(a, b, c.axes);
}

/**
 * Per element, |ours - numpy| <= tol * scale, where scale is the same product over |a| and |b|:
 * summation order differs from OpenBLAS, and float32 results are f64 sums rounded once where
 * numpy accumulates in float32.
 */
function tolerance(dtype: DType): number {
  if (dtype === 'float64') return 1e-12;
  if (dtype === 'float32') return 1e-5;
  return 0;
}

test(`linalg matches numpy on ${fixture.cases.length} recorded cases`, () => {
  assert.ok(fixture.cases.length >= 150);
  for (const c of fixture.cases) {
    const name = `${c.op}(${describe(c.a)}, ${describe(c.b)}${c.axes === undefined ? '' : `, ${JSON.stringify(c.axes)}`})`;
    if (c.error !== undefined) {
      assert.throws(() => run(c), { message: c.error }, name);
      continue;
    }
    const want = c.expect!;
    const got = run(c);
    assert.deepEqual(got.shape, want.shape, `${name}: shape`);
    assert.equal(got.dtype, want.dtype, `${name}: dtype`);
    const values = got.toFlat();
    const tol = tolerance(want.dtype);
    for (let i = 0; i < want.values.length; i++) {
      const err = Math.abs(values[i]! - want.values[i]!);
      if (!(err <= tol * want.scale[i]!))
        assert.fail(`${name}: element ${i} is ${values[i]}, numpy ${want.values[i]}`);
    }
  }
});

test('results are fresh arrays: writing to one leaves the operands alone', () => {
  const a = fromFlat([1, 2, 3, 4], [2, 2]);
  const b = fromFlat([5, 6, 7, 8], [2, 2]);
  const c = matmul(a, b);
  c.storage.fill(0);
  assert.deepEqual(Array.from(a.toFlat()), [1, 2, 3, 4]);
  assert.deepEqual(Array.from(b.toFlat()), [5, 6, 7, 8]);
  assert.notEqual(dot(a, 1).storage, a.storage);
});

test('NDArray.dot is np.dot', () => {
  const a = fromFlat([1, 2, 3, 4, 5, 6], [2, 3]);
  const b = fromFlat([1, 0, -1], [3]);
  assert.deepEqual(Array.from(a.dot(b).toFlat()), Array.from(dot(a, b).toFlat()));
});
