// numpy's .npy and .npz formats against files numpy wrote (scripts/fixtures/npz.py): our savez
// writes numpy's bytes exactly, and np.load reads numpy's files, compressed ones included; each
// damaged file gives an error that names it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { np, NpzFile } from './index.ts';
import type { NDArray } from './index.ts';
import { crc32, loadNpz, savez } from './npz.ts';
import { fromNpy, toNpy } from './npy.ts';
import { fromFlat } from './ndarray.ts';
import type { DType } from './dtype.ts';
import { mapFileStore, setFileStore } from '../file-store.ts';

const FIXTURES = new URL('./fixtures/npz/', import.meta.url);
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(name, FIXTURES)));

interface Listed {
  dtype: DType;
  shape: number[];
  values: number[];
}
const values = JSON.parse(readFileSync(new URL('values.json', FIXTURES), 'utf8')) as {
  arrays: Record<string, Listed>;
  matrix: Listed;
  int32: number[];
};
const arrayOf = ({ values: v, shape, dtype }: Listed): NDArray => fromFlat(v, shape, dtype);
const ARRAYS = new Map(Object.entries(values.arrays).map(([key, a]) => [key, arrayOf(a)]));

function assertSameArray(actual: NDArray, expected: NDArray, what: string): void {
  assert.equal(actual.dtype, expected.dtype, `${what}: dtype`);
  assert.deepEqual(actual.shape, expected.shape, `${what}: shape`);
  assert.deepEqual(Array.from(actual.toFlat()), Array.from(expected.toFlat()), `${what}: values`);
}

test('savez writes the very bytes np.savez writes (clock at 1980-01-01)', () => {
  assert.deepEqual(savez(ARRAYS), fixture('arrays.npz'));
});

test('loadNpz reads np.savez and np.savez_compressed archives', () => {
  for (const file of ['arrays.npz', 'compressed.npz']) {
    const loaded = loadNpz(fixture(file), file);
    assert.deepEqual([...loaded.keys()], [...ARRAYS.keys()]);
    for (const [key, expected] of ARRAYS)
      assertSameArray(loaded.get(key)!, expected, `${file} ${key}`);
  }
});

test('a round trip through our own bytes keeps every dtype, shape and value', () => {
  for (const [key, array] of ARRAYS) assertSameArray(fromNpy(toNpy(array), key), array, key);
  const view = np.arange(12).reshape(3, 4).T; // not C-contiguous: saved in C order
  assertSameArray(fromNpy(toNpy(view), 'view'), view.copy(), 'transposed view');
});

test('np.load reads Fortran-order, big-endian and int32 .npy files', () => {
  const matrix = arrayOf(values.matrix);
  assertSameArray(fromNpy(fixture('fortran.npy'), 'fortran.npy'), matrix, 'fortran');
  assertSameArray(fromNpy(fixture('big-endian.npy'), 'big-endian.npy'), matrix, 'big-endian');
  const ints = fromNpy(fixture('int32.npy'), 'int32.npy');
  assert.equal(ints.dtype, 'int64');
  assert.deepEqual(Array.from(ints.toFlat()), values.int32);
});

test("crc32 is zip's CRC-32", () => {
  assert.equal(crc32(new TextEncoder().encode('123456789')), 0xcbf43926);
  assert.equal(crc32(new Uint8Array(0)), 0);
});

test('a truncated, damaged or foreign file gives an error that names it', () => {
  const bytes = fixture('arrays.npz');
  assert.throws(() => loadNpz(bytes.subarray(0, 1000), 'cut.npz'), /cut\.npz is truncated/);
  const flipped = bytes.slice();
  flipped[200] = flipped[200]! ^ 0xff; // inside the first entry's data
  assert.throws(
    () => loadNpz(flipped, 'bad.npz'),
    /bad\.npz \(entry f64\.npy\) is damaged: its checksum/,
  );
  assert.throws(
    () => loadNpz(new TextEncoder().encode('hello, world'), 'text.npz'),
    /text\.npz is not an \.npz file/,
  );
  const npy = fixture('fortran.npy');
  assert.throws(
    () => fromNpy(npy.subarray(0, 150), 'short.npy'),
    /short\.npy is truncated: shape \(2, 3\) needs 48 bytes/,
  );
});

test('np.save, np.savez and np.load go through the file store', () => {
  const files = new Map<string, Uint8Array>();
  const written: string[] = [];
  const previous = setFileStore(mapFileStore(files, (name) => written.push(name)));
  try {
    const x = np.array([1, 2, 3]);
    np.save('x', x); // numpy adds the extension
    np.savez('pair.npz', { x, y: x.mul(2) });
    assert.deepEqual(written, ['x.npy', 'pair.npz']);
    assertSameArray(np.load('x.npy'), x, 'x.npy');
    const pair = np.load('pair.npz');
    assert.ok(pair instanceof NpzFile);
    assert.deepEqual(pair.files, ['x', 'y']);
    assert.equal(String(pair.get('y')), '[2. 4. 6.]');
    assert.throws(() => pair.get('z'), /pair\.npz has no array named z; it has x, y/);
    assert.throws(() => np.load('missing.npz'), /there is no file named missing\.npz/);
    assert.throws(() => np.save('dir/x.npy', x), /not a plain file name/);
  } finally {
    setFileStore(previous);
  }
});

test('without a file store, saving says this runner keeps no files', () => {
  const previous = setFileStore(null);
  try {
    assert.throws(
      () => np.save('x.npy', np.array(1)),
      /cannot use the file x\.npy: this runner keeps no files/,
    );
  } finally {
    setFileStore(previous);
  }
});
