/**
 * The IDX format of the MNIST files: a 4-byte magic number (two zero bytes, the element type,
 * the number of dimensions), each dimension as a big-endian 32-bit integer, then the elements in
 * C order. MNIST uses only unsigned bytes (type 0x08), which become a uint8 array sharing the
 * file's bytes: 60,000 images stay 47 MB, not 188 MB of float32.
 */
import type { NDArray } from './np/ndarray.ts';
import { fromStorage } from './np/ndarray.ts';

const UNSIGNED_BYTE = 0x08;

/** The array in an IDX file of unsigned bytes; `name` is for the error messages. */
export function parseIdx(bytes: Uint8Array, name: string): NDArray {
  if (bytes.length < 4)
    throw new Error(`${name} is not an IDX file: it has only ${bytes.length} bytes`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ndim = bytes[3]!;
  if (bytes[0] !== 0 || bytes[1] !== 0 || ndim === 0)
    throw new Error(`${name} is not an IDX file: its first bytes are not an IDX header`);
  if (bytes[2] !== UNSIGNED_BYTE)
    throw new Error(
      `${name} holds elements of type 0x${bytes[2]!.toString(16)}; only unsigned bytes (0x08) are read`,
    );
  const header = 4 + 4 * ndim;
  if (bytes.length < header) throw new Error(`${name} is truncated: its header is incomplete`);
  const shape = Array.from({ length: ndim }, (_, d) => view.getUint32(4 + 4 * d));
  const size = shape.reduce((a, b) => a * b, 1);
  if (bytes.length !== header + size)
    throw new Error(
      `${name} is ${bytes.length < header + size ? 'truncated' : 'too long'}: a ${shape.join('x')} array needs ${header + size} bytes, the file has ${bytes.length}`,
    );
  return fromStorage(bytes.subarray(header), shape, 'uint8');
}
