import { test } from 'node:test';
import assert from 'node:assert/strict';
import { np } from './index.ts';
import type { NDArray } from './index.ts';
import { reduceGeneral, reduceInto } from './reduce.ts';

test('x.get(i), the one-row fast path, gives the view the general path gives (negative, strided, errors)', () => {
  const a = np.arange(24).astype('float32').reshape(4, 6);
  const views = [a, a.T, a.get('::2', '1::2'), a.get('::-1')];
  for (const v of views) {
    for (const i of [0, 1, -1]) {
      const fast = v.get(i);
      const general = v.get(i, '...');
      assert.deepEqual(
        [fast.shape, fast.strides, fast.offset],
        [general.shape, general.strides, general.offset],
      );
      assert.equal(fast.storage, v.storage);
      assert.equal(String(fast), String(general));
    }
  }
  assert.throws(() => a.get(4), { message: 'index 4 is out of bounds for axis 0 with size 4' });
  assert.throws(() => a.get(-5), { message: 'index -5 is out of bounds for axis 0 with size 4' });
  assert.equal(String(np.arange(3).get(-1)), '2');
});

test('concatenate and stack copy views straight in: same values for strided, offset, mixed-dtype and 0-d inputs', () => {
  const a = np.arange(12).astype('float64').reshape(3, 4);
  const parts = [a.get('1:'), a.T.get(':2', ':'), a.get(':', '::-2').T];
  assert.equal(
    String(np.concatenate(parts.map((p) => p.reshape(-1)))),
    String(np.array([...parts.flatMap((p) => [...p.toFlat()])])),
  );
  assert.equal(
    String(np.concatenate([a.get(':1'), a.get('2:')], 0)),
    '[[ 0.  1.  2.  3.]\n [ 8.  9. 10. 11.]]',
  );
  assert.equal(
    String(np.concatenate([a.get(':', ':1'), a.get(':', '3:')], 1)),
    '[[ 0.  3.]\n [ 4.  7.]\n [ 8. 11.]]',
  );
  const mixed = np.concatenate([np.array([1.5], { dtype: 'float32' }), np.arange(2)]);
  assert.deepEqual([mixed.dtype, String(mixed)], ['float64', '[1.5 0.  1. ]']);
  const labels = np.stack([np.arange(5).get(3), np.arange(5).get(-1), np.arange(5).get(0)]);
  assert.deepEqual([labels.dtype, String(labels)], ['int64', '[3 4 0]']);
  const long = np.arange(40).astype('float32');
  assert.equal(String(np.stack([long.get('5:25'), long.get('20:')]).sum(1)), '[290. 590.]');
});

test('dot of two 2-D arrays (its own path) equals matmul and tensordot (the general paths) on views, edge sizes and dtypes', () => {
  np.random.seed(7);
  const views = (r: number, c: number): NDArray[] => {
    const a = np.random.randn(r, c);
    const wide = np.random.randn(r * 2, c * 3);
    return [a, np.random.randn(c, r).T, wide.get('::2', '1::3'), wide.get('::-2', ':' + c)];
  };
  for (const [n, k, m] of [
    [30, 2, 10],
    [30, 10, 3],
    [1, 1, 1],
    [1, 5, 1],
    [3, 1, 4],
    [7, 9, 5],
    [0, 3, 2],
    [2, 0, 3],
    [40, 40, 40],
  ] as [number, number, number][]) {
    for (const x of views(n, k)) {
      for (const y of views(k, m)) {
        for (const dtype of ['float64', 'float32', 'int64', 'bool'] as const) {
          const [a, b] = dtype === 'int64' ? [x.mul(4), y.mul(4)] : [x, y];
          const [xa, yb] = [a.astype(dtype), b.astype(dtype)];
          const fast = np.dot(xa, yb);
          for (const general of [np.matmul(xa, yb), np.tensordot(xa, yb, 1)]) {
            assert.equal(fast.dtype, general.dtype);
            assert.deepEqual(fast.shape, general.shape);
            assert.deepEqual(fast.toFlat(), general.toFlat(), `${n}x${k}x${m} ${dtype}`);
          }
        }
      }
    }
  }
});

test('reductions of contiguous arrays over one axis or all (their own path) equal the general path', () => {
  np.random.seed(3);
  const shapes = [
    [1],
    [7],
    [8],
    [9],
    [300],
    [30, 3],
    [30, 10],
    [3, 1],
    [1, 4],
    [2, 3, 4],
    [2, 1, 3],
    [4, 9, 1],
    [130, 2],
    [2, 130],
  ];
  for (const shape of shapes as [number, ...number[]][]) {
    const values = np.random.randn(...shape);
    values.set([0], Number.NaN);
    for (const a of [
      values,
      values.astype('float32'),
      values.gt(0),
      np.random
        .randn(...shape)
        .mul(5)
        .astype('int64'),
    ]) {
      for (const axes of [...shape.keys()].map((d) => [d]).concat([[...shape.keys()]])) {
        for (const kind of ['sum', 'max', 'min'] as const) {
          const outType = kind === 'sum' && a.dtype === 'bool' ? 'int64' : a.dtype;
          const fast = reduceInto(kind, a, axes, outType);
          const general = reduceGeneral(kind, a, axes, outType);
          assert.deepEqual(fast.shape, general.shape);
          assert.deepEqual(
            fast.toFlat(),
            general.toFlat(),
            `${kind} ${a.dtype} ${shape} over ${axes}`,
          );
        }
      }
    }
  }
});

test('integer-array gathers (their own path) equal the general selection: rows, one array per axis, errors', () => {
  np.random.seed(5);
  // Strided index arrays and a trailing '...' keep the general path's selection in play.
  const strided = (ix: NDArray): NDArray => np.stack([ix, ix], -1).get('...', 0);
  const general = (a: NDArray, ...index: NDArray[]): NDArray => a.get(...index.map(strided), '...');
  const arrays = [
    np.random.randn(300, 2).astype('float32'),
    np.arange(300),
    np.random.randn(4, 3, 2),
    np.random.randn(5, 0),
    np.arange(12).reshape(3, 4).gt(5),
  ];
  for (const a of arrays) {
    const n = a.shape[0]!;
    for (const idx of [
      np.random.permutation(n).get('0:30'),
      np.array([0, n - 1, -1, 0]).astype('int64'),
      np.array(1).astype('int64'),
      np.zeros([0]).astype('int64'),
      np
        .array([
          [0, 1],
          [2, 0],
        ])
        .astype('int64')
        .get(':', ':1'),
    ]) {
      if (idx.size > 0 && n < 3) continue;
      const fast = a.get(idx);
      const slow = general(a, idx);
      assert.deepEqual([fast.dtype, fast.shape], [slow.dtype, slow.shape]);
      assert.deepEqual(fast.toFlat(), slow.toFlat());
    }
  }
  const m = np.random.randn(30, 3).astype('float32');
  const rows = np.arange(30);
  const labels = np.array(Array.from({ length: 30 }, (_, i) => i % 3)).astype('int64');
  const picked = m.get(rows, labels);
  assert.deepEqual(picked.toFlat(), general(m, rows, labels).toFlat());
  assert.deepEqual(
    picked.toFlat(),
    Float32Array.from({ length: 30 }, (_, i) => m.item(i * 3 + (i % 3))),
  );
  for (const [a, idx] of [
    [np.arange(5), [np.array([1, 5]).astype('int64')]],
    [
      np.arange(6).reshape(2, 3),
      [np.array([0, 1]).astype('int64'), np.array([2, -4]).astype('int64')],
    ],
  ] as [NDArray, NDArray[]][]) {
    assert.throws(
      () => a.get(...idx),
      (e: Error) => {
        assert.throws(() => general(a, ...idx), { message: e.message });
        return /out of bounds/.test(e.message);
      },
    );
  }
});

test('binary operations on 2-D results from contiguous whole/row/column/scalar operands equal the general strided walk', () => {
  np.random.seed(11);
  // The same values in a non-contiguous view: the general path.
  const strided = (x: NDArray): NDArray => (x.ndim === 0 ? x : np.stack([x, x], -1).get('...', 0));
  const pairs: [number[], number[]][] = [
    [[30, 10], [10]],
    [
      [30, 10],
      [1, 10],
    ],
    [
      [30, 3],
      [30, 1],
    ],
    [
      [30, 1],
      [30, 3],
    ],
    [[10], [30, 10]],
    [[30, 10], []],
    [[1], [5, 4]],
    [
      [5, 1],
      [1, 4],
    ],
    [
      [1, 1],
      [3, 1],
    ],
    [
      [7, 1],
      [7, 1],
    ],
    [[1, 6], [6]],
    [
      [2, 3],
      [2, 3],
    ],
  ];
  for (const [sa, sb] of pairs) {
    for (const dtype of ['float64', 'float32', 'int64'] as const) {
      const rand = (s: number[]): NDArray =>
        s.length ? np.random.randn(...(s as [number, ...number[]])) : np.array(-1.7);
      const x = rand(sa).mul(3).astype(dtype);
      const y = rand(sb).mul(3).astype(dtype);
      for (const f of [np.add, np.subtract, np.multiply, np.divide, np.maximum, np.greater]) {
        const fast = f(x, y);
        const general = f(strided(x), strided(y));
        assert.deepEqual([fast.dtype, fast.shape], [general.dtype, general.shape]);
        assert.deepEqual(fast.toFlat(), general.toFlat(), `${f.name} ${sa} ${sb} ${dtype}`);
      }
    }
  }
});

test('the transpose of a matrix (its own path) is the view the general permutation gives', () => {
  const a = np.arange(24).astype('float32').reshape(4, 6);
  for (const v of [a, a.get('::2', '1::3'), a.get('::-1'), a.get(':1'), np.zeros([0, 3])]) {
    const fast = v.T;
    const general = v.transpose(1, 0);
    assert.deepEqual(
      [fast.shape, fast.strides, fast.offset, fast.storage],
      [general.shape, general.strides, general.offset, general.storage],
    );
    assert.equal(String(fast), String(general));
  }
});

test('a += b, -=, *=, /= straight into the array store what the result, cast back, stores', () => {
  np.random.seed(3);
  const dtypes = ['float32', 'float64'] as const;
  const ops = ['iadd', 'isub', 'imul', 'idiv'] as const;
  const general = { iadd: 'add', isub: 'sub', imul: 'mul', idiv: 'div' } as const;
  for (const dtype of dtypes) {
    const base = np.random.randn(4, 6).astype(dtype);
    const others: (number | NDArray)[] = [
      0.1,
      -3,
      np.random.randn(4, 6).astype('float32'),
      np.random.randn(4, 6), // float64 into float32: computed in float64, then rounded
      np.random.randn(6).astype(dtype), // a bias for each row
      np.random.randn(1, 6),
      np.arange(6), // int64
      np.random.randn(6, 4).T, // not contiguous: the general path
      np.random.randn(4, 1), // broadcast down the columns: the general path
    ];
    for (const op of ops) {
      for (const other of others) {
        const fast = base.copy();
        fast[op](other);
        const expected = base[general[op]](other).astype(dtype);
        assert.equal(fast.dtype, dtype);
        assert.deepEqual(
          Array.from(fast.toFlat()),
          Array.from(expected.toFlat()),
          `${dtype} ${op}`,
        );
      }
    }
  }
  // Errors are still numpy's: the general path takes every case the fast one refuses.
  const ints = np.arange(3);
  assert.throws(() => ints.iadd(0.5), /Cannot cast ufunc 'add' output/);
  assert.throws(() => np.zeros([2, 3]).iadd(np.ones([2, 4])), /operands could not be broadcast/);
  // A view of the same storage is read before it is written, as numpy does.
  const a = np.arange(4).astype('float64');
  a.iadd(a.get('::-1'));
  assert.deepEqual(Array.from(a.toFlat()), [3, 3, 3, 3]);
});
