/** numpy's broadcasting: the common shape of several arrays and zero-stride views onto it. */
import { NDArray } from './ndarray.ts';
import { shapeCompact } from './shape-text.ts';

/** True when an array of shape `from` broadcasts to exactly `to`. */
export function broadcastsTo(from: readonly number[], to: readonly number[]): boolean {
  const lead = to.length - from.length;
  if (lead < 0) return false;
  for (let i = 0; i < from.length; i++) if (from[i] !== 1 && from[i] !== to[lead + i]) return false;
  return true;
}

/** The shape that arrays of the given shapes broadcast to (numpy's `broadcast_shapes`). */
export function broadcastShapes(...shapes: (readonly number[])[]): number[] {
  let nd = 0;
  for (const s of shapes) nd = Math.max(nd, s.length);
  const out = new Array<number>(nd).fill(1);
  for (const s of shapes) {
    for (let i = 0; i < s.length; i++) {
      const d = nd - s.length + i;
      const n = s[i]!;
      if (n === out[d]) continue;
      if (out[d] === 1) out[d] = n;
      else if (n !== 1) {
        // NOTE: numpy's message ends with a space after the last shape.
        const text = shapes.map((x) => shapeCompact(x) + ' ').join('');
        throw new RangeError(`operands could not be broadcast together with shapes ${text}`);
      }
    }
  }
  return out;
}

/** The strides that read `a` as if it had `shape` (0 along broadcast axes); `shape` must be reachable. */
export function broadcastStrides(a: NDArray, shape: readonly number[]): number[] {
  const nd = shape.length;
  const lead = nd - a.ndim;
  if (lead < 0)
    throw new RangeError(
      `cannot broadcast shape ${shapeCompact(a.shape)} to ${shapeCompact(shape)}`,
    );
  const strides = new Array<number>(nd).fill(0);
  for (let i = 0; i < a.ndim; i++) {
    const n = a.shape[i]!;
    const target = shape[lead + i]!;
    if (n === target) strides[lead + i] = n === 1 ? 0 : a.strides[i]!;
    else if (n !== 1)
      throw new RangeError(
        `cannot broadcast shape ${shapeCompact(a.shape)} to ${shapeCompact(shape)}`,
      );
  }
  return strides;
}

/** A read-only-in-spirit view of `a` broadcast to `shape` (numpy's `broadcast_to`). */
export function broadcastTo(a: NDArray, shape: readonly number[]): NDArray {
  if (!broadcastsTo(a.shape, shape)) {
    if (shape.length === 0) throw new RangeError('cannot broadcast a non-scalar to a scalar array');
    throw new RangeError(
      `operands could not be broadcast together with remapped shapes [original->remapped]: ${shapeCompact(a.shape)}  and requested shape ${shapeCompact(shape)}`,
    );
  }
  return new NDArray(a.storage, shape, a.dtype, broadcastStrides(a, shape), a.offset);
}
