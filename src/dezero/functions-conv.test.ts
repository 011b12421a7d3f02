import { test } from 'node:test';
import assert from 'node:assert/strict';
import { F, L, Variable, np } from './index.ts';
import type { NDArray } from './np/ndarray.ts';
import { allclose } from './np/compare.ts';
import { assertGradient, randomArray, seededRandom } from './gradient-check.ts';
import { arrayOf, caseName, convFixture } from './conv-fixture.ts';
import type { Recorded } from './conv-fixture.ts';

/** `a` matches the recorded array: shape and dtype exactly, values to float rounding of its dtype. */
function assertClose(a: NDArray, r: Recorded, what: string): void {
  assert.deepEqual(a.shape, r.shape, `${what}: shape`);
  assert.equal(a.dtype, r.dtype, `${what}: dtype`);
  const tol = r.dtype === 'float32' ? { rtol: 1e-5, atol: 1e-5 } : { rtol: 1e-12, atol: 1e-12 };
  assert.ok(allclose(a, arrayOf(r), tol), `${what}: values differ from DeZero's`);
}

/** The gradients of sum(f(...inputs) * gy), through backwardArrays or, with createGraph, the Variable backward. */
function gradsOf(
  f: (...xs: Variable[]) => Variable,
  inputs: NDArray[],
  gy: NDArray,
  createGraph: boolean,
): { y: NDArray; grads: NDArray[] } {
  const vs = inputs.map((x) => new Variable(x));
  const y = f(...vs);
  F.sum(y.mul(gy)).backward({ createGraph });
  return { y: y.data, grads: vs.map((v) => v.grad!.data) };
}

test("conv2d and conv2dSimple: DeZero's outputs and gradients, float64 and float32", () => {
  assert.ok(convFixture.conv2d.length >= 8);
  for (const c of convFixture.conv2d) {
    const options = { stride: c.stride, pad: c.pad };
    const inputs = [arrayOf(c.x), arrayOf(c.W), arrayOf(c.b)];
    const gy = arrayOf(c.gy);
    for (const createGraph of [false, true]) {
      for (const [name, conv] of [
        ['conv2d', F.conv2d],
        ['conv2dSimple', F.conv2dSimple],
      ] as const) {
        const what = `${name} ${caseName(c)}${createGraph ? ' (createGraph)' : ''}`;
        const { y, grads } = gradsOf((x, W, b) => conv(x, W, b, options), inputs, gy, createGraph);
        assertClose(y, c.y, `${what} y`);
        assertClose(grads[0]!, c.gx, `${what} gx`);
        assertClose(grads[1]!, c.gW, `${what} gW`);
        assertClose(grads[2]!, c.gb, `${what} gb`);
      }
    }
    assertClose(
      F.conv2dSimple(inputs[0]!, inputs[1]!, inputs[2]!, options).data,
      c.ySimple,
      'ySimple',
    );
  }
});

test("pooling, poolingSimple and averagePooling: DeZero's outputs and gradients", () => {
  let averages = 0;
  for (const c of convFixture.pooling) {
    const options = { stride: c.stride, pad: c.pad };
    const x = arrayOf(c.x);
    const gy = arrayOf(c.gy);
    for (const createGraph of [false, true]) {
      const what = `${caseName(c)}${createGraph ? ' (createGraph)' : ''}`;
      const max = gradsOf((v) => F.pooling(v, c.kernel, options), [x], gy, createGraph);
      assertClose(max.y, c.y, `pooling ${what} y`);
      assertClose(max.grads[0]!, c.gx, `pooling ${what} gx`);
      const simple = gradsOf((v) => F.poolingSimple(v, c.kernel, options), [x], gy, createGraph);
      assertClose(simple.y, c.ySimple, `poolingSimple ${what} y`);
      assertClose(simple.grads[0]!, c.gx, `poolingSimple ${what} gx`);
      if (c.yAverage === undefined || c.gxAverage === undefined) continue;
      const avg = gradsOf((v) => F.averagePooling(v, c.kernel, options), [x], gy, createGraph);
      assertClose(avg.y, c.yAverage, `averagePooling ${what} y`);
      // NOTE: DeZero divides gy by the int KH·KW as a 0-d array: float32 under numpy 1.24 (the
      // book's, and ours), float64 under numpy 2, which made the fixture. The values agree.
      const gxAverage = { ...c.gxAverage, dtype: c.x.dtype };
      assertClose(avg.grads[0]!, gxAverage, `averagePooling ${what} gx`);
      averages++;
    }
  }
  assert.ok(averages >= 8);
});

// Random shapes with padding and stride, in float64; each output weighted by its own number.
const geometries = [
  { x: [2, 3, 5, 6], oc: 4, kernel: [3, 2], stride: [2, 1], pad: [1, 2] },
  { x: [1, 2, 7, 7], oc: 3, kernel: 3, stride: 2, pad: 1 },
  { x: [2, 2, 6, 5], oc: 2, kernel: 2, stride: 1, pad: 0 },
] as const;

test('gradient check: conv2d and conv2dSimple for x, W and b', () => {
  const rand = seededRandom(2);
  for (const s of geometries) {
    const options = { stride: s.stride, pad: s.pad };
    const [KH, KW] = typeof s.kernel === 'number' ? [s.kernel, s.kernel] : s.kernel;
    const x = randomArray(rand, s.x);
    const W = randomArray(rand, [s.oc, s.x[1], KH, KW]);
    const b = randomArray(rand, [s.oc]);
    const w = randomArray(rand, F.conv2d(x, W, b, options).shape);
    for (const [name, conv] of [
      ['conv2d', F.conv2d],
      ['conv2dSimple', F.conv2dSimple],
    ] as const) {
      const what = `${name} ${JSON.stringify(s)}`;
      // NOTE: x as a Variable, so that Conv2d computes gx (an array input gets none).
      assertGradient(`${what} x`, (v) => conv(v, W, b, options).mul(w), x);
      assertGradient(`${what} W`, (v) => conv(new Variable(x), v, b, options).mul(w), W);
      assertGradient(`${what} b`, (v) => conv(new Variable(x), W, v, options).mul(w), b);
    }
  }
});

test('gradient check: pooling, poolingSimple and averagePooling', () => {
  const rand = seededRandom(3);
  for (const s of geometries) {
    const options = { stride: s.stride, pad: s.pad };
    // Values far apart, so that a step of eps never changes which one is the maximum.
    const x = np.random
      .permutation(s.x.reduce((a: number, b: number) => a * b, 1))
      .astype('float64')
      .reshape(s.x)
      .div(10);
    const w = randomArray(rand, F.pooling(x, s.kernel, options).shape);
    const what = JSON.stringify(s);
    assertGradient(`pooling ${what}`, (v) => F.pooling(v, s.kernel, options).mul(w), x);
    assertGradient(`poolingSimple ${what}`, (v) => F.poolingSimple(v, s.kernel, options).mul(w), x);
    assertGradient(
      `averagePooling ${what}`,
      (v) => F.averagePooling(v, s.kernel, options).mul(w),
      x,
    );
  }
});

test("max pooling's backward has a backward: gradients of gradients, against numerical ones", () => {
  const rand = seededRandom(4);
  const x = np.random
    .permutation(2 * 2 * 5 * 5)
    .astype('float64')
    .reshape(2, 2, 5, 5);
  const options = { stride: 2, pad: 1 };
  const w = randomArray(rand, F.pooling(x, 3, options).shape);
  // gx = Pooling2DGrad(gy): linear in gy, so its gradient w.r.t. gy is checked like any function.
  const gxOf = (gy: Variable): Variable => {
    const v = new Variable(x);
    F.sum(F.pooling(v, 3, options).mul(gy)).backward({ createGraph: true });
    gy.cleargrad(); // NOTE: that backward gave gy a gradient too; only the one through v.grad is checked.
    return v.grad!.mul(randomArray(seededRandom(9), x.shape));
  };
  assertGradient('Pooling2DGrad', gxOf, w);
  const avgOf = (gy: Variable): Variable => {
    const v = new Variable(x);
    F.sum(F.averagePooling(v, 3, options).mul(gy)).backward({ createGraph: true });
    gy.cleargrad();
    return v.grad!.mul(randomArray(seededRandom(9), x.shape));
  };
  assertGradient('AveragePoolingGrad', avgOf, w);
});

test('conv2d with an array input computes no gx, and says when shapes do not fit', () => {
  const rand = seededRandom(5);
  const x = randomArray(rand, [2, 3, 5, 5]);
  const W = new Variable(randomArray(rand, [4, 3, 3, 3]));
  const y = F.conv2d(x, W, null, { pad: 1 });
  assert.deepEqual(y.shape, [2, 4, 5, 5]);
  F.sum(y).backward();
  assert.deepEqual(W.grad!.shape, [4, 3, 3, 3]);
  assert.throws(
    () => F.conv2d(x, randomArray(rand, [4, 2, 3, 3])),
    /the input has 3 channels, the weight expects 2/,
  );
  assert.throws(
    () => F.conv2d(x, randomArray(rand, [4, 3, 3])),
    /weight of shape \(OC, C, KH, KW\), got shape \(4, 3, 3\)/,
  );
  assert.throws(
    () => F.pooling(x.reshape(6, 5, 5), 2),
    /pooling expects images of shape \(N, C, H, W\)/,
  );
});

test('L.Conv2d makes its kernels at the first call, as DeZero: randn(OC, C, KH, KW) * sqrt(1 / (C·KH·KW))', () => {
  np.random.seed(0);
  const layer = new L.Conv2d(4, [3, 2], { stride: 2, pad: 1 });
  assert.equal(layer.W.hasData, false);
  const x = randomArray(seededRandom(6), [2, 3, 6, 6]).astype('float32');
  const y = layer.call(x);
  assert.equal(layer.inChannels, 3);
  assert.deepEqual(layer.W.shape, [4, 3, 3, 2]);
  assert.equal(layer.W.dtype, 'float32');
  assert.deepEqual(y.shape, [2, 4, 3, 4]); // ⌊(6 + 2 − 3) / 2⌋ + 1 = 3, ⌊(6 + 2 − 2) / 2⌋ + 1 = 4
  assert.equal(y.dtype, 'float32');
  np.random.seed(0);
  const expected = np.random
    .randn(4, 3, 3, 2)
    .astype('float32')
    .mul(Math.sqrt(1 / 18));
  assert.deepEqual(Array.from(layer.W.data.toFlat()), Array.from(expected.toFlat()));
  assert.deepEqual(
    [...layer.params()].map((p) => p.name),
    ['W', 'b'],
  );
  const given = new L.Conv2d(2, 3, { inChannels: 5, nobias: true, dtype: 'float64' });
  assert.deepEqual(given.W.shape, [2, 5, 3, 3]);
  assert.equal(given.b, null);
  assert.throws(
    () => new L.Conv2d(2, 3).call(randomArray(seededRandom(1), [2, 3])),
    /Conv2d expects images of shape \(N, C, H, W\), got shape \(2, 3\)/,
  );
});
