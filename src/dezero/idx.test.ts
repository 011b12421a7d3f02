// The IDX reader against small files built by hand, and its errors, which name the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIdx } from './idx.ts';

function idx(shape: number[], values: number[], type = 0x08): Uint8Array {
  const header = new Uint8Array(4 + 4 * shape.length);
  const view = new DataView(header.buffer);
  header[2] = type;
  header[3] = shape.length;
  shape.forEach((d, i) => view.setUint32(4 + 4 * i, d));
  return new Uint8Array([...header, ...values]);
}

test('an IDX file of bytes becomes a uint8 array of its shape', () => {
  const a = parseIdx(idx([2, 3], [0, 1, 2, 253, 254, 255]), 'x');
  assert.deepEqual(a.shape, [2, 3]);
  assert.equal(a.dtype, 'uint8');
  assert.equal(String(a), '[[  0   1   2]\n [253 254 255]]');
});

test('a broken file is refused with its name and the reason', () => {
  assert.throws(() => parseIdx(new Uint8Array([1, 2]), 'f'), /f is not an IDX file/);
  assert.throws(
    () => parseIdx(new Uint8Array([9, 9, 8, 1, 0, 0, 0, 1, 0]), 'f'),
    /f is not an IDX file/,
  );
  assert.throws(() => parseIdx(idx([2], [1, 2], 0x0d), 'f'), /only unsigned bytes/);
  assert.throws(
    () => parseIdx(idx([2, 3], [1, 2, 3]), 'f'),
    /f is truncated: a 2x3 array needs 18 bytes, the file has 15/,
  );
  assert.throws(() => parseIdx(idx([1], [1, 2]), 'f'), /f is too long/);
});
