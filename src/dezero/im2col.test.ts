import { test } from 'node:test';
import assert from 'node:assert/strict';
import { F, Variable } from './index.ts';
import type { NDArray } from './np/ndarray.ts';
import { assertGradient, randomArray, seededRandom } from './gradient-check.ts';
import { col2imArray, im2colArray } from './im2col.ts';
import { arrayOf, caseName, convFixture } from './conv-fixture.ts';
import type { Recorded } from './conv-fixture.ts';

/** `a` equals the recorded array exactly: shape, dtype and every value. */
function assertRecorded(a: NDArray, r: Recorded, what: string): void {
  assert.deepEqual(a.shape, r.shape, `${what}: shape`);
  assert.equal(a.dtype, r.dtype, `${what}: dtype`);
  assert.deepEqual(Array.from(a.toFlat()), r.data, `${what}: values`);
}

test("im2col's columns are DeZero's, in both layouts, float64 and float32", () => {
  assert.ok(convFixture.im2col.length >= 8);
  for (const c of convFixture.im2col) {
    const x = arrayOf(c.x);
    const { kernel, stride, pad } = c;
    assertRecorded(im2colArray(x, kernel, stride, pad, true), c.col, `${caseName(c)} matrix`);
    assertRecorded(im2colArray(x, kernel, stride, pad, false), c.col6, `${caseName(c)} 6-D`);
    // The Function gives the same columns.
    assertRecorded(F.im2col(x, kernel, { stride, pad }).data, c.col, `${caseName(c)} F.im2col`);
  }
});

test("col2im's images are DeZero's to the last bit (the same order of additions)", () => {
  for (const c of convFixture.im2col) {
    const { kernel, stride, pad } = c;
    const shape = c.x.shape;
    assertRecorded(
      col2imArray(arrayOf(c.g), shape, kernel, stride, pad, true),
      c.img,
      `${caseName(c)} matrix`,
    );
    assertRecorded(
      col2imArray(arrayOf(c.g6), shape, kernel, stride, pad, false),
      c.img6,
      `${caseName(c)} 6-D`,
    );
    const viaF = F.col2im(arrayOf(c.g6), shape, kernel, { stride, pad, toMatrix: false });
    assertRecorded(viaF.data, c.img6, `${caseName(c)} F.col2im`);
  }
});

test('im2col reads strided views as they are: a transposed input gives the columns of its copy', () => {
  const x = randomArray(seededRandom(3), [2, 5, 4, 3]).transpose(0, 1, 3, 2);
  assert.equal(x.isContiguous(), false);
  for (const toMatrix of [true, false]) {
    const a = im2colArray(x, [2, 3], [1, 2], [1, 1], toMatrix);
    const b = im2colArray(x.copy(), [2, 3], [1, 2], [1, 1], toMatrix);
    assert.deepEqual(Array.from(a.toFlat()), Array.from(b.toFlat()));
    const back = col2imArray(a.T.T, x.shape, [2, 3], [1, 2], [1, 1], toMatrix);
    const backCopy = col2imArray(b, x.shape, [2, 3], [1, 2], [1, 1], toMatrix);
    assert.deepEqual(Array.from(back.toFlat()), Array.from(backCopy.toFlat()));
  }
});

test('im2col and col2im are adjoint: <im2col(x), c> = <x, col2im(c)>', () => {
  const rand = seededRandom(11);
  const x = randomArray(rand, [2, 3, 6, 5]);
  const geometry = [
    [3, 2],
    [2, 1],
    [1, 2],
  ] as const;
  const col = im2colArray(x, ...geometry);
  const c = randomArray(rand, col.shape);
  const lhs = col.mul(c).sum().item();
  const rhs = x
    .mul(col2imArray(c, x.shape, ...geometry))
    .sum()
    .item();
  assert.ok(Math.abs(lhs - rhs) < 1e-12 * Math.abs(lhs) + 1e-12, `${lhs} vs ${rhs}`);
});

// Random shapes with padding and stride; each output element weighted differently, so the
// check sees more than a gradient of ones.
const shapes = [
  { x: [2, 3, 5, 6], kernel: [3, 2], stride: [2, 1], pad: [1, 2] },
  { x: [1, 2, 7, 7], kernel: 3, stride: 2, pad: 1 },
  { x: [2, 1, 6, 5], kernel: 2, stride: 2, pad: 0 },
] as const;

test('gradient check: im2col and col2im, both layouts, through backward and backwardArrays', () => {
  const rand = seededRandom(57);
  for (const s of shapes) {
    for (const toMatrix of [true, false]) {
      const options = { stride: s.stride, pad: s.pad, toMatrix };
      const x = randomArray(rand, s.x);
      const colShape = F.im2col(x, s.kernel, options).shape;
      const wCol = randomArray(rand, colShape);
      const wImg = randomArray(rand, s.x);
      const what = `${JSON.stringify(s)} toMatrix ${toMatrix}`;
      assertGradient(`im2col ${what}`, (v) => F.im2col(v, s.kernel, options).mul(wCol), x);
      const c = randomArray(rand, colShape);
      assertGradient(`col2im ${what}`, (v) => F.col2im(v, s.x, s.kernel, options).mul(wImg), c);
      // The Variable backward (recorded with createGraph) gives the same gradient.
      for (const [f, input] of [
        [(v: Variable) => F.im2col(v, s.kernel, options).mul(wCol), x],
        [(v: Variable) => F.col2im(v, s.x, s.kernel, options).mul(wImg), c],
      ] as const) {
        const a = new Variable(input);
        F.sum(f(a)).backward();
        const b = new Variable(input);
        F.sum(f(b)).backward({ createGraph: true });
        assert.deepEqual(Array.from(b.grad!.data.toFlat()), Array.from(a.grad!.data.toFlat()));
        assert.notEqual(b.grad!.creator, null);
      }
    }
  }
});

test('im2col and col2im say what is wrong with their input', () => {
  const x = randomArray(seededRandom(1), [3, 4, 4]);
  assert.throws(
    () => F.im2col(x, 3),
    /im2col expects images of shape \(N, C, H, W\), got shape \(3, 4, 4\)/,
  );
  assert.throws(
    () => F.im2col(x.reshape(1, 3, 4, 4), 5),
    /kernel \(5\) is larger than the padded input/,
  );
  assert.throws(
    () => F.col2im(randomArray(seededRandom(1), [5, 27]), [1, 3, 4, 4], 3),
    /col2im: columns of shape \(5, 27\) do not fit images \(1, 3, 4, 4\) with kernel 3×3, stride 1×1 and padding 0×0: expected \(4, 27\)/,
  );
  const col = F.im2col(x.reshape(1, 3, 4, 4), 3).data.astype('bool');
  assert.throws(() => F.col2im(col, [1, 3, 4, 4], 3), /bool columns cannot be summed/);
});
