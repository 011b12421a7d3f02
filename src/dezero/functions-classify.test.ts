import { test } from 'node:test';
import assert from 'node:assert/strict';
import { F, Variable, np } from './index.ts';
import type { NDArray } from './index.ts';
import { assertGradient, derivative, randomArray, seededRandom } from './gradient-check.ts';
import { logsumexp, logsumexpComposed, softmaxComposed } from './functions-nn.ts';

const rand = seededRandom(47);
const any = (shape: number[], low = -1, high = 1): NDArray => randomArray(rand, shape, low, high);
const close = (a: NDArray, b: NDArray): void =>
  assert.ok(np.allclose(a, b), `${String(a)}\n  differs from\n${String(b)}`);
const int64 = (values: number[]): NDArray => np.array(values, { dtype: 'int64' });

test('getItem: the book test_getitem cases and the step-47 examples (forward and the gradient it scatters)', () => {
  const x = new Variable(
    np.array([
      [1, 2, 3],
      [4, 5, 6],
    ]),
  );
  const y = F.getItem(x, 1);
  assert.equal(String(y), 'variable([4. 5. 6.])');
  y.backward();
  assert.equal(String(x.grad), 'variable([[0. 0. 0.]\n          [1. 1. 1.]])');
  x.cleargrad();
  const z = x.getItem(np.array([0, 0, 1], { dtype: 'int64' }));
  assert.equal(String(z), 'variable([[1. 2. 3.]\n          [1. 2. 3.]\n          [4. 5. 6.]])');
  z.backward();
  assert.equal(String(x.grad), 'variable([[2. 2. 2.]\n          [1. 1. 1.]])'); // row 0 twice: np.add.at
  const a = np.arange(12).astype('float64').reshape(2, 2, 3);
  assert.equal(String(F.getItem(a, [0, 0, '0:2'])), 'variable([0. 1.])');
  assert.equal(String(F.getItem(a, ['...', 2])), 'variable([[ 2.  5.]\n          [ 8. 11.]])');
  assert.deepEqual(new Variable(a).getItem(':', -1, '1:').shape, [2, 2]);
  // A JS list: F.getItem's list is the tuple (so a fancy list needs its own brackets); the method's is one entry.
  assert.equal(String(F.getItem(x, [[0, 0, 1]]).shape), '3,3');
  assert.equal(String(x.getItem([0, 0, 1]).shape), '3,3');
  assert.equal(String(F.getItem(x, [0, -1]).data), '3.0');
});

test('getItem: gradient checks for slices, negative indices and integer arrays with repeats', () => {
  const x = any([4, 5]);
  assertGradient('x[1]', (v) => F.getItem(v, 1), x);
  assertGradient('x[-1]', (v) => F.getItem(v, -1), x);
  assertGradient('x[1:3, :]', (v) => F.getItem(v, ['1:3', ':']), x);
  assertGradient('x[::-2, -3:]', (v) => v.getItem('::-2', '-3:'), x);
  assertGradient('x[:, 2]', (v) => v.getItem(':', 2).mul(v.getItem(':', 2)), x);
  assertGradient('x[[0, 0, 3, 0]]', (v) => F.getItem(v, int64([0, 0, 3, 0])).pow(2), x);
  assertGradient(
    'x[arange(3), [4, 4, -1]]',
    (v) => F.getItem(v, [np.arange(3), int64([4, 4, -1])]).pow(3),
    x,
  );
  assertGradient(
    'second derivative through GetItemGrad',
    derivative((v) => F.getItem(v, int64([1, 1])).pow(3)),
    x,
  );
});

test('relu and clip: values and gradients (kinks avoided)', () => {
  const x = np.array([
    [-1, 0],
    [2, -3],
    [-2, 1],
  ]);
  assert.equal(String(F.relu(x).data), '[[0. 0.]\n [2. 0.]\n [0. 1.]]');
  assert.equal(String(F.clip(x, -1.5, 1.5).data), '[[-1.   0. ]\n [ 1.5 -1.5]\n [-1.5  1. ]]');
  const away = any([3, 4])
    .mul(2)
    .add(np.sign(any([3, 4])).mul(0.1));
  assertGradient('relu', (v) => F.relu(v).pow(2), away);
  assertGradient('clip', (v) => F.clip(v, -1, 1).pow(2), away);
  assert.equal(F.relu(np.ones([2], { dtype: 'float32' })).dtype, 'float32');
});

test('softmax and logSoftmax: rows sum to 1, equal softmaxSimple and log(softmax), large scores do not overflow, gradients', () => {
  const x = any([3, 4], -3, 3);
  const p = F.softmax(x);
  close(p.data.sum(1), np.ones([3]));
  close(p.data, F.softmaxSimple(x).data);
  close(F.logSoftmax(x).data, np.log(p.data));
  close(F.softmax(x, 0).data.sum(0), np.ones([4]));
  const big = np.array([[1000, 1001, 1002]]);
  close(F.softmax(big).data, F.softmax(np.array([[0, 1, 2]])).data);
  close(F.logSoftmax(big).data, F.logSoftmax(np.array([[0, 1, 2]])).data);
  const w = any([3, 4]);
  assertGradient('softmax (weighted sum)', (v) => F.softmax(v).mul(w), x);
  assertGradient('softmax axis 0', (v) => F.softmax(v, 0).mul(w), x);
  assertGradient('softmaxSimple', (v) => F.softmaxSimple(v).mul(w), x);
  assertGradient('logSoftmax', (v) => F.logSoftmax(v).mul(w), x);
});

test('softmaxCrossEntropy: the book test values, equals the simple version, gradient checks (2x4, 10x10, 100x10)', () => {
  const x = np.array([
    [-1, 0, 1, 2],
    [2, 0, 1, -1],
  ]);
  const t = int64([3, 0]);
  const loss = F.softmaxCrossEntropy(x, t);
  // -mean(log softmax(x)[t]): both rows pick their largest score, 2 - logsumexp([-1, 0, 1, 2]).
  const expected = -(2 - Math.log(Math.exp(-1) + 1 + Math.exp(1) + Math.exp(2)));
  assert.ok(Math.abs(loss.data.item() - expected) < 1e-15);
  assert.ok(Math.abs(F.softmaxCrossEntropySimple(x, t).data.item() - expected) < 1e-15);
  assert.equal(F.softmaxCrossEntropy(x, np.array([3, 0])).data.item(), loss.data.item()); // float labels cast
  assertGradient('softmaxCrossEntropy 2x4', (v) => F.softmaxCrossEntropy(v, t), x);
  assertGradient('softmaxCrossEntropySimple 2x4', (v) => F.softmaxCrossEntropySimple(v, t), x);
  np.random.seed(0);
  for (const [N, C] of [
    [10, 10],
    [100, 10],
  ] as const) {
    const xs = np.random.randn(N, C);
    const ts = np.random.randint(0, C, { size: N });
    assertGradient(`softmaxCrossEntropy ${N}x${C}`, (v) => F.softmaxCrossEntropy(v, ts), xs);
  }
  assert.throws(() => F.softmaxCrossEntropy(x, np.array([0.5, 1])), /labels must be integers/);
});

test('softmaxCrossEntropy keeps float32 scores float32 (the loss) and gives float64 gradients, as numpy 1.24 does', () => {
  const x = new Variable(np.array([[0.2, -0.4, 1]], { dtype: 'float32' }));
  const loss = F.softmaxCrossEntropy(x, int64([2]));
  assert.equal(loss.dtype, 'float32');
  loss.backward();
  assert.equal(x.grad!.dtype, 'float64');
});

test('accuracy: the book example, a Variable with no graph', () => {
  const y = np.array([
    [0.2, 0.8, 0],
    [0.1, 0.9, 0],
    [0.8, 0.1, 0.1],
  ]);
  const acc = F.accuracy(y, int64([1, 2, 0]));
  assert.ok(acc instanceof Variable);
  assert.equal(String(acc), 'variable(0.6666666666666666)');
  assert.equal(acc.creator, null);
});

test('softmax and logsumexp over rows in one pass give the bits of the composed operations (float32, float64, edge values)', () => {
  np.random.seed(50);
  const edges = np.array([
    [0, -0, 1e-45, 3],
    [1e30, -1e30, 5, 5],
    [Infinity, 1, 2, 3],
    [-Infinity, -Infinity, 0, 1],
    [NaN, 1, 2, 3],
    [88, 89, 90, -200],
  ]);
  for (const [rows, cols] of [
    [30, 3],
    [1, 2],
    [7, 9],
    [4, 130],
    [0, 3],
  ] as [number, number][]) {
    const values = np.random.randn(rows, cols).mul(8);
    for (const x of [values, values.astype('float32'), edges, edges.astype('float32')]) {
      const s = F.softmax(x).data;
      const l = logsumexp(x);
      assert.deepEqual(s.toFlat(), softmaxComposed(x).toFlat(), `softmax ${x.dtype} ${x.shape}`);
      assert.deepEqual(
        l.toFlat(),
        logsumexpComposed(x).toFlat(),
        `logsumexp ${x.dtype} ${x.shape}`,
      );
      assert.deepEqual(
        [s.dtype, s.shape, l.dtype, l.shape],
        [x.dtype, x.shape, x.dtype, [x.shape[0], 1]],
      );
    }
  }
});
