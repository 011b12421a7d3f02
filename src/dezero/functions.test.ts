import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Variable } from './index.ts';
import * as F from './functions.ts';
import { fromFlat } from './np/ndarray.ts';
import type { NDArray } from './np/ndarray.ts';
import * as np from './np/elementwise.ts';
import { np as npx } from './np/index.ts';
import { assertGradient, randomArray, seededRandom } from './gradient-check.ts';
import type { VariableFn } from './gradient-check.ts';

const rand = seededRandom(7);
const any = (shape: number[]): NDArray => randomArray(rand, shape);
const positive = (shape: number[]): NDArray => randomArray(rand, shape, 0.5, 2);
const flat = (a: NDArray): number[] => Array.from(a.toFlat());

test('elementwise functions compute what np computes', () => {
  const a = positive([2, 3]);
  const pairs: [VariableFn, (x: NDArray) => NDArray][] = [
    [F.square, np.square],
    [F.exp, np.exp],
    [F.log, np.log],
    [F.sin, np.sin],
    [F.cos, np.cos],
    [F.tanh, np.tanh],
  ];
  for (const [f, ref] of pairs) assert.deepEqual(flat(f(new Variable(a)).data), flat(ref(a)));
});

test('elementwise functions: gradient checks on (2, 3), (5,) and 0-d inputs', () => {
  const cases: [string, VariableFn, (s: number[]) => NDArray][] = [
    ['square', F.square, any],
    ['exp', F.exp, any],
    ['log', F.log, positive],
    ['sin', F.sin, any],
    ['cos', F.cos, any],
    ['tanh', F.tanh, any],
  ];
  for (const [name, f, make] of cases) {
    for (const shape of [[2, 3], [5], []]) assertGradient(`${name} ${shape}`, f, make(shape));
  }
});

test('sum: values, shapes and gradients for every axis and keepdims (book test_sum)', () => {
  const a = any([2, 3, 4]);
  const variants: [string, () => Variable, number[]][] = [
    ['all', () => F.sum(new Variable(a)), []],
    ['axis 0', () => F.sum(new Variable(a), 0), [3, 4]],
    ['axis -1 keepdims', () => F.sum(new Variable(a), -1, true), [2, 3, 1]],
    ['axes [0, 2]', () => F.sum(new Variable(a), [0, 2]), [3]],
    ['options', () => F.sum(new Variable(a), { axis: 1, keepdims: true }), [2, 1, 4]],
    ['all keepdims', () => F.sum(new Variable(a), null, true), [1, 1, 1]],
  ];
  for (const [name, make, shape] of variants) assert.deepEqual(make().shape, shape, name);
  assert.deepEqual(flat(F.sum(new Variable(a), 1).data), flat(a.sum(1)));
  assertGradient('sum all', (x) => F.sum(x), a);
  assertGradient('sum axis 0', (x) => F.sum(x, 0), a);
  const w24 = any([2, 4]);
  assertGradient('sum axis 1', (x) => F.sum(x, 1).mul(w24), a);
  assertGradient('sum axis -1 keepdims', (x) => F.sum(x, -1, true), a);
  assertGradient('sum axes [0, 2]', (x) => F.sum(x, [0, 2]), a);
  assertGradient('sum of a 0-d', (x) => F.sum(x), any([]));
  const weights = any([3]);
  assertGradient('weighted sum axes [0, 2]', (x) => F.sum(x, [0, 2]).mul(weights), a);
});

test('sumTo and broadcastTo: shapes, values and gradients', () => {
  const a = any([2, 3]);
  assert.deepEqual(F.sumTo(new Variable(a), [1, 3]).shape, [1, 3]);
  assert.deepEqual(flat(F.sumTo(new Variable(a), [1, 3]).data), flat(a.sum(0)));
  assert.deepEqual(F.sumTo(new Variable(any([10])), [1]).shape, [1]);
  const same = new Variable(a);
  assert.equal(F.sumTo(same, [2, 3]), same);
  assert.deepEqual(F.broadcastTo(new Variable(any([3])), [2, 3]).shape, [2, 3]);
  const w1 = any([1, 3]);
  assertGradient('sumTo (1, 3)', (x) => F.sumTo(x, [1, 3]).mul(w1), a);
  const w3 = any([3]);
  assertGradient('sumTo (3,)', (x) => F.sumTo(x, [3]).mul(w3), a);
  assertGradient('sumTo ()', (x) => F.sumTo(x, []), a);
  const w23 = any([2, 3]);
  assertGradient(
    'broadcastTo (2, 3) from (3,)',
    (x) => F.broadcastTo(x, [2, 3]).mul(w23),
    any([3]),
  );
  assertGradient(
    'broadcastTo (2, 3) from (2, 1)',
    (x) => F.broadcastTo(x, [2, 3]).mul(w23),
    any([2, 1]),
  );
  assertGradient('broadcastTo (2, 3) from ()', (x) => F.broadcastTo(x, [2, 3]).mul(w23), any([]));
});

test('reshape and transpose: values, shapes and gradients (book test_transpose)', () => {
  const a = any([2, 3]);
  const w6 = any([6]);
  assert.deepEqual(F.reshape(new Variable(a), [6]).shape, [6]);
  assert.deepEqual(F.reshape(new Variable(a), [3, -1]).shape, [3, 2]);
  assertGradient('reshape (6,)', (x) => F.reshape(x, 6).mul(w6), a);
  const w32r = any([3, 2]);
  assertGradient('reshape (3, -1)', (x) => F.reshape(x, [3, -1]).mul(w32r), a);
  assert.deepEqual(F.transpose(new Variable(a)).shape, [3, 2]);
  assert.deepEqual(flat(F.transpose(new Variable(a)).data), flat(a.transpose().copy()));
  const w32 = any([3, 2]);
  assertGradient('transpose 2-d', (x) => F.transpose(x).mul(w32), a);
  assertGradient('transpose 1-d', (x) => F.transpose(x), any([3]));
  const b = any([2, 3, 4]);
  const w = any([4, 2, 3]);
  assert.deepEqual(F.transpose(new Variable(b), [2, 0, 1]).shape, [4, 2, 3]);
  assertGradient('transpose axes [2, 0, 1]', (x) => F.transpose(x, [2, 0, 1]).mul(w), b);
  assertGradient('transpose axes [-1, 0, 1]', (x) => F.transpose(x, [-1, 0, 1]).mul(w), b);
});

test('F.sin at π/4: the value and the gradient print as np.sin and np.cos do (book step 27)', () => {
  const a = fromFlat([Math.PI / 4], []);
  const x = new Variable(a);
  const y = F.sin(x);
  y.backward();
  assert.equal(String(y), `variable(${np.sin(a)})`);
  assert.equal(String(x.grad), `variable(${np.cos(a)})`);
});

test('sigmoid in one pass (contiguous arrays) gives the bits of the book’s four operations, every dtype and edge value', () => {
  npx.random.seed(48);
  const edges = [
    0,
    -0,
    1e-45,
    -1e-40,
    1e-30,
    0.5,
    -3,
    17.9,
    40,
    -45,
    1e300,
    Infinity,
    -Infinity,
    NaN,
  ];
  const base = npx.concatenate([npx.random.randn(997).mul(6), npx.array(edges)]);
  for (const x of [
    base,
    base.astype('float32'),
    base.get('0:30').reshape(5, 6).astype('float32'),
    npx.array(0.25),
    npx.random.randn(20).mul(4).astype('int64'),
    base.gt(0),
    npx.zeros([0, 3]).astype('float32'),
  ]) {
    const fast = F.sigmoidContiguous(x);
    const composed = F.sigmoidComposed(x);
    assert.deepEqual([fast.dtype, fast.shape], [composed.dtype, composed.shape]);
    assert.deepEqual(fast.toFlat(), composed.toFlat(), x.dtype);
  }
});

test("sigmoid's one-pass backward gives the bits of gy * y * (1 - y) as three operations", () => {
  npx.random.seed(3);
  for (const dtype of ['float32', 'float64'] as const) {
    for (const shape of [[1], [7], [63, 65], [0, 3], [1, 1]] as [number, ...number[]][]) {
      const y = F.sigmoidContiguous(
        npx.random
          .randn(...shape)
          .mul(5)
          .astype(dtype),
      );
      const gy = npx.random.randn(...shape).astype(dtype);
      const fast = F.sigmoidGradContiguous(gy, y)!;
      const composed = gy.mul(y).mul(y.neg().add(1));
      assert.deepEqual([fast.dtype, fast.shape], [composed.dtype, composed.shape]);
      assert.deepEqual(fast.toFlat(), composed.toFlat(), `${dtype} ${String(shape)}`);
    }
  }
  const y = npx.random.rand(3, 4).astype('float32');
  assert.equal(F.sigmoidGradContiguous(npx.ones([3, 4]), y), null, 'mixed dtypes');
  assert.equal(F.sigmoidGradContiguous(y.T, y.T.copy()), null, 'a transposed view');
});
