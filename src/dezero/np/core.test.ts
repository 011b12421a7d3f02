/** Hand-written checks of the np core: views, promotion, indexing rules, errors (expected values from numpy 2.4). */
import { test } from 'node:test';
import { allocStorage } from './dtype.ts';
import assert from 'node:assert/strict';
import { np } from './index.ts';
import { fromFlat, isNDArray } from './ndarray.ts';

const i64 = (xs: number[]): ReturnType<typeof np.array> => np.array(xs, { dtype: 'int64' });

test('fromFlat casts into the dtype storage', () => {
  assert.ok(fromFlat([1.5, -2.7], [2], 'float32').storage instanceof Float32Array);
  assert.deepEqual([...fromFlat([1.5, -2.7], [2], 'int64').toFlat()], [1, -2]);
  assert.deepEqual([...fromFlat([0, 3, NaN], [3], 'bool').toFlat()], [0, 1, 1]);
  assert.equal(fromFlat([0.1], [], 'float32').item(), Math.fround(0.1));
  assert.throws(() => fromFlat([1, 2, 3], [2, 2]));
});

test('np.array: numbers are float64, bools bool, ragged lists refused', () => {
  assert.equal(np.array(1).dtype, 'float64');
  assert.equal(String(np.array(1)), '1.0');
  assert.equal(np.array([[true, false]]).dtype, 'bool');
  assert.deepEqual(
    np.array([
      [1, 2],
      [3, 4],
    ]).shape,
    [2, 2],
  );
  assert.throws(() => np.array([[1, 2], [3]]));
  const a = np.array([1, 2]);
  assert.notEqual(np.array(a).storage, a.storage);
  assert.equal(np.asarray(a), a);
  assert.ok(isNDArray(a) && !isNDArray(1));
});

test('promotion follows NEP 50 with numbers as weak floats', () => {
  const f32 = np.ones(2, { dtype: 'float32' });
  assert.equal(f32.mul(2).dtype, 'float32');
  assert.equal(np.arange(3).add(2.5).dtype, 'float64');
  assert.equal(np.arange(3).add(np.ones(1, { dtype: 'float32' })).dtype, 'float64');
  // A 0-d array is strong, unlike a number.
  assert.equal(f32.mul(np.array(2)).dtype, 'float64');
  assert.equal(String(f32.mul(0.1)), '[0.1 0.1]');
  // The number is cast to float32 before comparing, as numpy does.
  assert.deepEqual([...np.array([0.1, 0.2], { dtype: 'float32' }).gt(0.1).toFlat()], [0, 1]);
  assert.equal(
    String(
      np.sum(
        np.array([
          [true, false],
          [true, true],
        ]),
        0,
      ),
    ),
    '[2 1]',
  );
});

test('bool arithmetic as numpy: + is or, - refused', () => {
  const t = np.array([true, false]);
  assert.equal(String(t.add(t)), '[ True False]');
  assert.throws(() => t.sub(t), TypeError);
  assert.throws(() => t.neg(), TypeError);
});

test('broadcast errors name both shapes', () => {
  assert.throws(
    () => np.zeros([2, 3]).add(np.zeros([2])),
    /could not be broadcast together with shapes \(2,3\) \(2,\)/,
  );
});

test('maximum and minimum return the second operand on ties and propagate nan', () => {
  assert.ok(Object.is(np.maximum(0, -0).item(), -0));
  assert.ok(Object.is(np.maximum(-0, 0).item(), 0));
  assert.ok(Object.is(np.minimum(0, -0).item(), -0));
  assert.ok(Number.isNaN(np.maximum(1, NaN).item()));
  assert.ok(Object.is(np.array([0, -0]).max().item(), -0));
});

test('basic indexing gives views that share storage', () => {
  const x = np.arange(12).astype('float64').reshape(3, 4);
  assert.equal(String(x.get('1:', '::-2')), '[[ 7.  5.]\n [11.  9.]]');
  assert.deepEqual(x.get('...', null).shape, [3, 4, 1]);
  const row = x.get(1);
  row.set(0, 100);
  assert.equal(x.get(1, 0).item(), 100);
  x.T.set([0, ':'], -1);
  assert.deepEqual(x.get(':', 0).tolist(), [-1, -1, -1]);
  assert.throws(() => x.get(3), /out of bounds for axis 0 with size 3/);
  assert.throws(() => x.get(0, 0, 0), /too many indices/);
});

test('fancy indexing: adjacent arrays stay in place, separated ones go first', () => {
  const x = np.zeros([2, 3, 4]);
  assert.deepEqual(x.get(':', [0, 1], [1, 2]).shape, [2, 2]);
  assert.deepEqual(x.get([0, 1], ':', [1, 2]).shape, [2, 3]);
  const y = np.arange(12).astype('float64').reshape(3, 4);
  assert.deepEqual(y.get([0, 2]).get(':', [1]).tolist(), [[1], [9]]);
  assert.deepEqual(y.get(np.arange(3), i64([0, 3, 1])).tolist(), [0, 7, 9]);
  assert.deepEqual(y.get(y.gt(8)).tolist(), [9, 10, 11]);
  assert.throws(() => y.get(np.array([0.0, 1.0])), TypeError);
});

test('set with a mask, and add.at accumulates repeated positions', () => {
  const x = np.array([-1, 2, -3]);
  x.set(x.lt(0), 0);
  assert.deepEqual(x.tolist(), [0, 2, 0]);
  const z = np.zeros(3);
  np.add.at(z, [[0, 0, 2]], 1);
  assert.deepEqual(z.tolist(), [2, 0, 1]);
  const w = np.zeros(3);
  w.set([[0, 0, 2]], w.get([0, 0, 2]).add(1));
  assert.deepEqual(w.tolist(), [1, 0, 1]);
});

test('reshape is a view of contiguous data and copies otherwise', () => {
  const a = np.arange(6).astype('float64');
  const r = a.reshape(2, -1);
  assert.deepEqual(r.shape, [2, 3]);
  assert.equal(r.storage, a.storage);
  assert.notEqual(r.T.reshape(-1).storage, a.storage);
  assert.deepEqual(r.T.reshape(-1).tolist(), [0, 3, 1, 4, 2, 5]);
  assert.throws(() => a.reshape(4, -1));
});

test('creation helpers match numpy', () => {
  assert.deepEqual(
    np.arange(0, 1, 0.1).tolist(),
    [
      0.0, 0.1, 0.2, 0.30000000000000004, 0.4, 0.5, 0.6000000000000001, 0.7000000000000001, 0.8,
      0.9,
    ],
  );
  assert.equal(np.arange(5).dtype, 'int64');
  assert.equal(
    String(np.meshgrid(np.arange(3).astype('float64'), np.arange(2).astype('float64'))[0]),
    '[[0. 1. 2.]\n [0. 1. 2.]]',
  );
  assert.deepEqual(np.full([2], 7, { dtype: 'int64' }).tolist(), [7, 7]);
  assert.deepEqual(np.zerosLike(np.ones(2, { dtype: 'float32' })).dtype, 'float32');
});

test('reductions: keepdims, empty sums, argmax of nan', () => {
  const a = np.arange(24).astype('float64').reshape(2, 3, 4);
  assert.deepEqual(a.sum({ axis: [0, 2], keepdims: true }).shape, [1, 3, 1]);
  assert.deepEqual(a.sum([0, 2]).tolist(), [60, 92, 124]);
  assert.equal(np.zeros([0, 3]).sum().item(), 0);
  assert.throws(() => np.zeros([0]).max());
  assert.equal(np.array([1, NaN, 3]).argmax().item(), 1);
  assert.equal(np.array([1, 5, 5]).argmax().dtype, 'int64');
  assert.ok(np.allclose(np.array([1, 2]), np.array([1, 2 + 1e-9])));
  assert.ok(!np.allclose(np.array([1, 2]), np.array([1, 2.1])));
});

test('elementwise ops read strided views without copying first', () => {
  const a = np.arange(6).astype('float64').reshape(2, 3);
  assert.deepEqual(a.T.add(a.T).tolist(), [
    [0, 6],
    [2, 8],
    [4, 10],
  ]);
  assert.deepEqual(np.broadcastTo(np.array([1, 2]), [2, 2]).strides, [0, 1]);
  assert.deepEqual(np.where(a.gt(2), a, 0).tolist(), [
    [0, 0, 0],
    [3, 4, 5],
  ]);
});

test('np refuses what is not an array or a number, naming it', () => {
  // A stand-in for a DeZero Variable: np recognises one by its NDArray `data`.
  class Variable {
    data = np.array(1);
  }
  const v = new Variable() as unknown as number;
  assert.throws(() => np.array(3.0).add(v), {
    name: 'TypeError',
    message:
      "np.add: expected an NDArray or a number, got a Variable (pass x.data, or use the Variable's own add)",
  });
  assert.throws(
    () => np.multiply(v, 2),
    /np\.multiply: .* got a Variable \(pass x\.data, or use the Variable's own mul\)/,
  );
  assert.throws(
    () => np.exp(v),
    /np\.exp: expected an NDArray or a number, got a Variable \(pass x\.data\)/,
  );
  assert.throws(() => np.sum(v), /np\.sum: .*got a Variable/);
  assert.throws(() => np.dot(np.ones([2]), v), /np\.dot: .*got a Variable/);
  assert.throws(() => np.array(v), /np\.array: .*got a Variable/);
  assert.throws(
    () => np.ones([2]).add([1, 2] as unknown as number),
    /got a JS list \(wrap it in np\.array\(\.\.\.\)\)/,
  );
  assert.throws(() => np.ones([2]).mul('2' as unknown as number), /np\.multiply: .*got a string/);
});

test('an array never shares a shape list its caller can change', () => {
  const shape = [2, 3];
  const a = np.zeros(shape);
  shape[0] = 5;
  assert.deepEqual(a.shape, [2, 3]);
  const b = new np.ndarray(new Float64Array(6), [2, 3], 'float64');
  assert.ok(Object.isFrozen(b.shape) && Object.isFrozen(b.strides));
  const strides = [1, 2];
  const t = new np.ndarray(new Float64Array(6), [2, 3], 'float64', strides);
  strides[0] = 99;
  assert.deepEqual(t.strides, [1, 2]);
  assert.equal(t.isContiguous(), false);
  // Results share their input's frozen shape instead of copying it.
  assert.equal(a.add(1).shape, a.shape);
  assert.deepEqual(np.ones([2, 3, 4]).strides, [12, 4, 1]);
});

test('integer floor division and remainder follow numpy: floor, sign of the divisor, 0 for x // 0', () => {
  assert.equal(String(np.floorDivide(i64([-7, 7, 5]), i64([2, -2, 0]))), '[-4 -4  0]');
  assert.equal(String(np.mod(i64([-7, 7, 5]), i64([2, -2, 0]))), '[ 1 -1  0]');
  assert.equal(String(np.mod(np.array([-6, 6]), -3)), '[-0. -0.]');
  assert.throws(
    () => np.power(i64([2]), i64([-1])),
    /Integers to negative integer powers are not allowed\./,
  );
});

test('allocStorage: small arrays carved from a shared slab start at zero and never overlap', () => {
  const arrays = [];
  for (let i = 0; i < 400; i++) {
    const dtype = (['float64', 'float32', 'bool', 'int64'] as const)[i % 4]!;
    const size = [1, 9, 17, 65, 90, 255, 300, 513][i % 8]!;
    const s = allocStorage(dtype, size);
    assert.equal(s.length, size);
    assert.ok(s.every((v) => v === 0));
    s.fill(i + 1);
    arrays.push(s);
  }
  arrays.forEach((s, i) =>
    assert.ok(s.every((v) => v === i + 1 || (s instanceof Uint8Array && v === ((i + 1) & 255)))),
  );
});
