// datasets.MNIST on a tiny stand-in of its four files, through the runner's data-file reader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MNIST } from './datasets.ts';
import { setDataFileReader } from './data-files.ts';

function idx(shape: number[], values: number[]): Uint8Array {
  const header = new Uint8Array(4 + 4 * shape.length);
  header[2] = 0x08;
  header[3] = shape.length;
  shape.forEach((d, i) => new DataView(header.buffer).setUint32(4 + 4 * i, d));
  return new Uint8Array([...header, ...values]);
}

// Two 2x2 "images" per split.
const files: Record<string, Uint8Array> = {
  'train-images-idx3-ubyte': idx([2, 2, 2], [0, 255, 51, 102, 1, 2, 3, 4]),
  'train-labels-idx1-ubyte': idx([2], [7, 3]),
  't10k-images-idx3-ubyte': idx([2, 2, 2], [9, 9, 9, 9, 8, 8, 8, 8]),
  't10k-labels-idx1-ubyte': idx([2], [1, 2]),
};

function withFiles<T>(f: () => T, source: Record<string, Uint8Array> = files): T {
  const previous = setDataFileReader((name) => {
    const bytes = source[name];
    if (!bytes) throw new Error(`no ${name}`);
    return bytes;
  });
  try {
    return f();
  } finally {
    setDataFileReader(previous);
  }
}

test('MNIST keeps the bytes as (N, 1, H, W) uint8 and hands out float32 in [0, 1]', () => {
  const train = withFiles(() => new MNIST());
  assert.equal(train.length, 2);
  assert.deepEqual(train.data!.shape, [2, 1, 2, 2]);
  assert.equal(train.data!.dtype, 'uint8');
  const [x, t] = train.get(0);
  assert.deepEqual(x.shape, [4]);
  assert.equal(x.dtype, 'float32');
  assert.equal(String(x), '[0.  1.  0.2 0.4]');
  assert.equal(String(t), '7');
});

test('the test split, and transform: null for the raw bytes', () => {
  const test = withFiles(() => new MNIST({ train: false, transform: null }));
  const [x, t] = test.get(1);
  assert.equal(String(x), '[[[8 8]\n  [8 8]]]');
  assert.equal(String(t), '2');
  assert.equal(MNIST.labels()[4], '4');
});

test('missing or mismatched files give errors that name them', () => {
  assert.throws(() => new MNIST(), /not available here: this runner loads no data files/);
  const mismatched = { ...files, 'train-labels-idx1-ubyte': idx([3], [1, 2, 3]) };
  assert.throws(
    () => withFiles(() => new MNIST(), mismatched),
    /train-images-idx3-ubyte and train-labels-idx1-ubyte do not match/,
  );
});
