// uint8, the dtype of image data (MNIST's pixels): numpy's printing, wrapping casts, promotion
// and sums, with the values numpy 2.4 gives for the same expressions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { np } from './index.ts';

const pixels = (): ReturnType<typeof np.array> => np.array([3, 250, 7], { dtype: np.uint8 });

test('uint8 arrays print as numpy prints them', () => {
  assert.equal(String(pixels()), '[  3 250   7]');
  assert.equal(pixels().dtype, 'uint8');
  assert.equal(String(pixels().get(1)), '250');
});

test('uint8 arithmetic wraps modulo 256, as numpy does', () => {
  const sum = np.add(pixels(), pixels());
  assert.equal(sum.dtype, 'uint8');
  assert.equal(String(sum), '[  6 244  14]');
});

test('casting to uint8 truncates and wraps', () => {
  assert.equal(String(np.array([1.5, -1, 300]).astype('uint8')), '[  1 255  44]');
});

test('uint8 promotes to float32 with float32, to float64 with a Python float', () => {
  assert.equal(np.multiply(pixels(), np.array(0.5, { dtype: 'float32' })).dtype, 'float32');
  assert.equal(String(np.divide(pixels(), 255)), '[0.01176471 0.98039216 0.02745098]');
  assert.equal(np.add(pixels(), np.array([1, 2, 3], { dtype: 'int64' })).dtype, 'int64');
});

test('a uint8 sum does not wrap, and a uint8 array indexes like an int array', () => {
  assert.equal(String(pixels().sum()), '260');
  const x = np.array([10.5, 11.5, 12.5, 13.5, 14.5, 15.5, 16.5, 17.5]);
  assert.equal(String(x.get(pixels().get([0, 2]))), '[13.5 17.5]');
});
