import { test } from 'node:test';
import assert from 'node:assert/strict';
import { np } from './index.ts';

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
