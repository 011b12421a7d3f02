/**
 * numpy's `.npy` format: a magic string, a header that is a Python dict literal (dtype, memory
 * order, shape), then the raw little-endian elements. `toNpy` writes exactly the bytes
 * `np.save` writes (header padded to 64 bytes, with numpy's spare room to grow the first axis),
 * so a file of ours is a file of numpy's; `fromNpy` also reads what other numpy programs write:
 * Fortran order, big-endian data and integer widths our dtypes do not have.
 */
import { NDArray, fromFlat } from './ndarray.ts';
import type { DType } from './dtype.ts';
import { shapeTuple } from './shape-text.ts';

const MAGIC = [0x93, ...'NUMPY'].map((c) => (typeof c === 'number' ? c : c.charCodeAt(0)));
const ALIGN = 64;
// NOTE: numpy pads the header so that a writer can grow the first axis in place up to 21 digits.
const GROWTH_AXIS_MAX_DIGITS = 21;

/** The `descr` numpy writes for each of our dtypes. */
const DESCR: Record<DType, string> = {
  float64: '<f8',
  float32: '<f4',
  int64: '<i8',
  uint8: '|u1',
  bool: '|b1',
};

/** Python's repr of a shape tuple: `()`, `(3,)`, `(2, 3)`. */
function pythonTuple(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** The bytes `np.save` writes for `x`. */
export function toNpy(x: NDArray): Uint8Array {
  let header = `{'descr': '${DESCR[x.dtype]}', 'fortran_order': False, 'shape': ${pythonTuple(x.shape)}, }`;
  if (x.shape.length > 0) header += ' '.repeat(GROWTH_AXIS_MAX_DIGITS - String(x.shape[0]).length);
  const unpadded = MAGIC.length + 2 + 2 + header.length + 1;
  header += `${' '.repeat(ALIGN - (unpadded % ALIGN))}\n`;
  const body = elementBytes(x);
  const out = new Uint8Array(MAGIC.length + 4 + header.length + body.length);
  out.set(MAGIC);
  out[6] = 1; // format version 1.0: a 2-byte header length
  out[7] = 0;
  new DataView(out.buffer).setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  out.set(body, 10 + header.length);
  return out;
}

/** x's elements in C order as numpy stores them (int64 as 8-byte integers, bool as 0/1 bytes). */
function elementBytes(x: NDArray): Uint8Array {
  const flat = x.isContiguous() ? x : x.copy();
  const values = flat.storage.subarray(flat.offset, flat.offset + flat.size);
  if (x.dtype === 'int64') {
    const ints = BigInt64Array.from(values, (v) => BigInt(v));
    return new Uint8Array(ints.buffer);
  }
  // NOTE: typed arrays are little-endian on every platform JavaScript runs on, as the file is.
  const copy = values.slice();
  return new Uint8Array(copy.buffer, copy.byteOffset, copy.byteLength);
}

/** What a `.npy` header says. */
export interface NpyHeader {
  /** numpy's type string, e.g. '<f4'. */
  descr: string;
  fortranOrder: boolean;
  shape: number[];
  /** Where the elements start. */
  dataOffset: number;
}

/** Reads the header of the `.npy` bytes `bytes`; `name` names them in errors. */
export function readNpyHeader(bytes: Uint8Array, name: string): NpyHeader {
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b))
    throw new Error(`${name} is not a .npy array: it does not start with numpy's magic string`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const major = bytes[6]!;
  if (major < 1 || major > 3)
    throw new Error(`${name} is a .npy array of format version ${major}, which is not supported`);
  const lengthSize = major === 1 ? 2 : 4;
  const headerLength = lengthSize === 2 ? view.getUint16(8, true) : view.getUint32(8, true);
  const dataOffset = 8 + lengthSize + headerLength;
  if (dataOffset > bytes.length) throw new Error(`${name} is truncated: its header is incomplete`);
  const header = new TextDecoder().decode(bytes.subarray(8 + lengthSize, dataOffset));
  const descr = /'descr':\s*'([^']*)'/.exec(header)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined)
    throw new Error(`${name} has a .npy header that cannot be read: ${header.trim()}`);
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(Number);
  return { descr, fortranOrder: fortran === 'True', shape, dataOffset };
}

/** How to read one element of each numpy type we accept, and the dtype it becomes. */
const READERS: Record<
  string,
  { size: number; dtype: DType; get: (v: DataView, at: number, le: boolean) => number }
> = {
  f8: { size: 8, dtype: 'float64', get: (v, at, le) => v.getFloat64(at, le) },
  f4: { size: 4, dtype: 'float32', get: (v, at, le) => v.getFloat32(at, le) },
  i8: { size: 8, dtype: 'int64', get: (v, at, le) => Number(v.getBigInt64(at, le)) },
  i4: { size: 4, dtype: 'int64', get: (v, at, le) => v.getInt32(at, le) },
  i2: { size: 2, dtype: 'int64', get: (v, at, le) => v.getInt16(at, le) },
  i1: { size: 1, dtype: 'int64', get: (v, at) => v.getInt8(at) },
  u4: { size: 4, dtype: 'int64', get: (v, at, le) => v.getUint32(at, le) },
  u2: { size: 2, dtype: 'int64', get: (v, at, le) => v.getUint16(at, le) },
  u1: { size: 1, dtype: 'uint8', get: (v, at) => v.getUint8(at) },
  b1: { size: 1, dtype: 'bool', get: (v, at) => v.getUint8(at) },
};

/**
 * The array in the `.npy` bytes `bytes`, as `np.load` reads it; `name` names the file in every
 * error (a type we have no dtype for, a truncated file). Narrow integers become int64, as our
 * only signed integer type.
 */
export function fromNpy(bytes: Uint8Array, name: string): NDArray {
  const { descr, fortranOrder, shape, dataOffset } = readNpyHeader(bytes, name);
  const reader = READERS[descr.slice(1)];
  const order = descr[0];
  if (reader === undefined || !['<', '>', '|', '='].includes(order ?? ''))
    throw new Error(`${name} holds elements of numpy type '${descr}', which dezero cannot load`);
  const size = shape.reduce((n, s) => n * s, 1);
  if (bytes.length < dataOffset + size * reader.size)
    throw new Error(
      `${name} is truncated: shape ${shapeTuple(shape)} needs ${size * reader.size} bytes of data, the file has ${bytes.length - dataOffset}`,
    );
  const view = new DataView(bytes.buffer, bytes.byteOffset + dataOffset, size * reader.size);
  const littleEndian = order !== '>';
  const values = new Float64Array(size);
  for (let i = 0; i < size; i++) values[i] = reader.get(view, i * reader.size, littleEndian);
  if (!fortranOrder) return fromFlat(values, shape, reader.dtype);
  // Fortran order lists the first axis fastest: the reversed shape in C order, transposed back.
  return fromFlat(values, shape.slice().reverse(), reader.dtype).T.copy();
}
