import { test } from 'node:test';
import assert from 'node:assert/strict';
import { F, Variable, np } from './index.ts';
import type { NDArray } from './index.ts';
import { assertGradient, randomArray, seededRandom } from './gradient-check.ts';

const rand = seededRandom(11);
const any = (shape: number[]): NDArray => randomArray(rand, shape);
const close = (a: NDArray, b: NDArray): void =>
  assert.ok(np.allclose(a, b), `${String(a)}\n  differs from\n${String(b)}`);

test('matmul: the book test_matmul values, shapes of the gradients (book step 41), gradient checks', () => {
  const x = new Variable(
    np.array([
      [1, 2, 3],
      [4, 5, 6],
    ]),
  );
  assert.equal(String(F.matmul(x, x.T).data), '[[14. 32.]\n [32. 77.]]');
  const a = new Variable(np.random.randn(2, 3));
  const W = new Variable(np.random.randn(3, 4));
  F.sum(F.matmul(a, W)).backward();
  assert.deepEqual(
    [a.grad!.shape, W.grad!.shape],
    [
      [2, 3],
      [3, 4],
    ],
  );
  const w32 = any([3, 2]);
  const x32 = any([3, 2]);
  assertGradient('matmul wrt x (3,2)·(2,3)', (v) => F.matmul(v, w32.T), any([3, 2]));
  const x101 = any([10, 1]);
  assertGradient('matmul wrt W (10,1)·(1,5)', (v) => F.matmul(x101, v), any([1, 5]));
  assertGradient('matmul x·xᵀ (both inputs)', (v) => F.matmul(v, v.T), x32);
  assertGradient('Variable.dot', (v) => v.dot(w32.T), any([4, 2]));
});

test('linear: x·W + b with and without a bias, as matmul + add; gradient checks for x, W and b', () => {
  const x = any([3, 2]);
  const W = any([2, 4]);
  const b = any([4]);
  close(F.linear(x, W, b).data, x.dot(W).add(b));
  close(F.linear(x, W).data, x.dot(W));
  close(F.linearSimple(x, W, b).data, x.dot(W).add(b));
  const book = np.array([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  assert.equal(String(F.linear(book, book.T).data), '[[14. 32.]\n [32. 77.]]');
  assertGradient('linear wrt x', (v) => F.linear(v, W, b), x);
  assertGradient('linear wrt W', (v) => F.linear(x, v, b), W);
  assertGradient('linear wrt b (broadcast over the batch)', (v) => F.linear(x, W, v), b);
  assertGradient('linear without bias', (v) => F.linear(x, v), W);
  assertGradient('linearSimple wrt W', (v) => F.linearSimple(x, v, b), W);
  assertGradient('linearSimple wrt b', (v) => F.linearSimple(x, W, v), b);
  const [xBig, WBig] = [any([20, 50]), any([50, 30])];
  assertGradient('linear (20,50)·(50,30) wrt b', (v) => F.linear(xBig, WBig, v), any([30]));
});

test('linear keeps only its inputs; linearSimple releases the product once the sum is taken', () => {
  const y = F.linear(any([3, 2]), any([2, 4]), any([4]));
  assert.equal(y.creator!.constructor.name, 'Linear');
  assert.equal(y.creator!.inputs.length, 3);
  const ys = F.linearSimple(any([3, 2]), any([2, 4]), any([4]));
  const t = ys.creator!.inputs[0]!;
  assert.equal(t.hasData, false);
  assert.equal(String(t), 'variable(None)');
  ys.backward(); // Add's and MatMul's backward never read t.data
  assert.deepEqual(t.grad, null);
});

test('sigmoid: 1 / (1 + e⁻ˣ), the simple and the class version agree; gradient checks', () => {
  const x = any([2, 3]).mul(4);
  close(F.sigmoid(x).data, np.exp(x.neg()).add(1).pow(-1));
  close(F.sigmoidSimple(x).data, F.sigmoid(x).data);
  for (const shape of [[2, 3], [5], []]) {
    assertGradient(`sigmoid ${shape}`, F.sigmoid, any(shape));
    assertGradient(`sigmoidSimple ${shape}`, F.sigmoidSimple, any(shape));
  }
  assert.equal(F.sigmoid(np.array([1000, -1000])).data.toString(), '[1. 0.]');
});

test('meanSquaredError: Σ(x0 − x1)² / N; zero on equal inputs (book test_loss); gradient checks', () => {
  const a = np.array([0, 1, 2]);
  assert.equal(String(F.meanSquaredError(a, a)), 'variable(0.0)');
  const x0 = any([10, 1]);
  const x1 = any([10, 1]);
  const diff = x0.sub(x1);
  close(F.meanSquaredError(x0, x1).data, diff.mul(diff).sum().div(10));
  close(F.meanSquaredErrorSimple(x0, x1).data, F.meanSquaredError(x0, x1).data);
  const [t10, t100] = [any([10]), any([100])];
  assertGradient('mse wrt x0 (10,)', (v) => F.meanSquaredError(v, t10), any([10]));
  assertGradient('mse wrt x1 (100, 1)', (v) => F.meanSquaredError(x0.reshape(10, 1), v), x1);
  assertGradient('mse wrt x0 (100,)', (v) => F.meanSquaredError(v, t100), any([100]));
  assertGradient('mseSimple wrt x0', (v) => F.meanSquaredErrorSimple(v, x1), x0);
});

test("Variable's tensor methods: reshape, transpose, T, sum, matmul, as DeZero's Variable", () => {
  const x = new Variable(any([2, 3]));
  assert.deepEqual(x.reshape(6).shape, [6]);
  assert.deepEqual(x.reshape(3, 2).shape, [3, 2]);
  assert.deepEqual(x.reshape([3, -1]).shape, [3, 2]);
  assert.equal(x.reshape(2, 3), x);
  assert.deepEqual(x.T.shape, [3, 2]);
  assert.deepEqual(x.transpose().shape, [3, 2]);
  const t = new Variable(any([2, 3, 4]));
  assert.deepEqual(t.transpose(2, 0, 1).shape, [4, 2, 3]);
  assert.deepEqual(t.transpose([2, 0, 1]).shape, [4, 2, 3]);
  assert.deepEqual(t.transpose(null).shape, [4, 3, 2]);
  assert.deepEqual(t.sum().shape, []);
  assert.deepEqual(t.sum(1).shape, [2, 4]);
  assert.deepEqual(t.sum([0, -1], true).shape, [1, 3, 1]);
  assert.deepEqual(t.sum(null, true).shape, [1, 1, 1]);
  assert.deepEqual(x.matmul(x.T).shape, [2, 2]);
  const w = any([4, 3, 2]);
  assertGradient(
    'x.reshape(3, 2, 4)',
    (v) => v.reshape(3, 2, 4).mul(w.reshape(3, 2, 4)),
    any([2, 3, 4]),
  );
  assertGradient('x.transpose(2, 1, 0)', (v) => v.transpose(2, 1, 0).mul(w), any([2, 3, 4]));
  assertGradient('x.T', (v) => v.T.mul(w), any([2, 3, 4]));
  const w34 = any([3, 4]);
  assertGradient('x.sum(0)', (v) => v.sum(0).mul(w34), any([2, 3, 4]));
  const [w214, w3] = [any([2, 1, 4]), any([3])];
  assertGradient('x.sum(-2, true)', (v) => v.sum(-2, true).mul(w214), any([2, 3, 4]));
  assertGradient('x.sum([0, -1])', (v) => v.sum([0, -1]).mul(w3), any([2, 3, 4]));
});

test('broadcasting operators sum their gradients back: (3,) + (1,) (book step 40), (2,3) * (3,), (2,1) / (1,3)', () => {
  const x0 = new Variable(np.array([1, 2, 3], { dtype: 'int64' }));
  const x1 = new Variable(np.array([10], { dtype: 'int64' }));
  const y = x0.add(x1);
  y.backward();
  assert.equal(`${y} ${x1.grad}`, 'variable([11 12 13]) variable([3])');
  const [a23, w23, a21] = [any([2, 3]), any([2, 3]), new Variable(any([2, 1]))];
  assertGradient('(2,3) * (3,) wrt the (3,)', (v) => v.mul(a23).mul(w23), any([3]));
  assertGradient('(2,3) - (2,1) wrt the (2,1)', (v) => v.rsub(a23).mul(w23), any([2, 1]));
  const positive13 = randomArray(rand, [1, 3], 0.5, 2);
  assertGradient('(2,1) / (1,3) wrt the (1,3)', (v) => a21.div(v).mul(w23), positive13);
  assertGradient('(2,1) / (1,3) wrt the (2,1)', (v) => v.div(positive13).mul(w23), any([2, 1]));
  assertGradient('() + (2,3) wrt the 0-d', (v) => v.add(a23).mul(w23), any([]));
});

test('integer arrays keep their dtype through sum and its backward (book steps 37 and 39)', () => {
  const x = new Variable(
    np.array(
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      { dtype: 'int64' },
    ),
  );
  const c = new Variable(
    np.array(
      [
        [10, 20, 30],
        [40, 50, 60],
      ],
      { dtype: 'int64' },
    ),
  );
  const y = F.sum(x.add(c));
  y.backward({ retainGrad: true });
  assert.equal(`${y.grad} ${x.grad}`, 'variable(1) variable([[1 1 1]\n          [1 1 1]])');
  const s = x.sum(0);
  assert.equal(String(s), 'variable([5 7 9])');
  assert.equal(String(x.sum()), 'variable(21)');
});
