/**
 * Shape manipulation. `reshape` of contiguous data, `transpose`, `squeeze`, `expandDims` and
 * `broadcastTo` are views sharing storage, as in numpy; `concatenate`, `stack` and `pad` copy.
 */
import { NDArray, copyStrided, fromFlat, shapeSize } from './ndarray.ts';
import { assign } from './assign.ts';
import { reshapeRequestText } from './shape-text.ts';
import { allocStorage, castValue, promoteTypes } from './dtype.ts';

/** Resolves a possibly negative axis against `ndim`, with numpy's error when out of range. */
export function normalizeAxis(axis: number, ndim: number): number {
  const a = axis < 0 ? axis + ndim : axis;
  if (!Number.isInteger(a) || a < 0 || a >= ndim) {
    throw new RangeError(`axis ${axis} is out of bounds for array of dimension ${ndim}`);
  }
  return a;
}

/** The shape with one -1 entry filled in so the sizes match. */
function resolveShape(shape: readonly number[], size: number): number[] {
  const out = shape.slice();
  const text = (): string => reshapeRequestText(shape);
  const unknown = out.indexOf(-1);
  const known = shapeSize(out.filter((_, i) => i !== unknown));
  if (unknown >= 0) {
    if (known === 0 || size % known !== 0)
      throw new RangeError(`cannot reshape array of size ${size} into shape ${text()}`);
    out[unknown] = size / known;
  }
  if (shapeSize(out) !== size)
    throw new RangeError(`cannot reshape array of size ${size} into shape ${text()}`);
  return out;
}

/** `a` with a new shape (one entry may be -1): a view when `a` is contiguous, else a copy. */
export function reshape(a: NDArray, shape: readonly number[]): NDArray {
  const target = resolveShape(shape, a.size);
  if (a.isContiguous()) return new NDArray(a.storage, target, a.dtype, undefined, a.offset);
  return fromFlat(a.toFlat(), target, a.dtype);
}

/** Permutes the axes (reverses them when `axes` is omitted), a view. */
export function transpose(a: NDArray, axes?: readonly number[]): NDArray {
  const nd = a.ndim;
  // NOTE: `x.T` of a matrix, twice in every Linear backward: the same view without the lists.
  if (axes === undefined && nd === 2) {
    const [r, c] = a.shape as [number, number];
    const [sr, sc] = a.strides as [number, number];
    return new NDArray(a.storage, [c, r], a.dtype, [sc, sr], a.offset);
  }
  const perm = axes ? axes.map((ax) => normalizeAxis(ax, nd)) : [...Array(nd).keys()].reverse();
  if (perm.length !== nd || new Set(perm).size !== nd)
    throw new RangeError("axes don't match array");
  return new NDArray(
    a.storage,
    perm.map((p) => a.shape[p]!),
    a.dtype,
    perm.map((p) => a.strides[p]!),
    a.offset,
  );
}

/** Swaps two axes, a view. */
export function swapaxes(a: NDArray, axis1: number, axis2: number): NDArray {
  const perm = [...Array(a.ndim).keys()];
  const i = normalizeAxis(axis1, a.ndim);
  const j = normalizeAxis(axis2, a.ndim);
  perm[i] = j;
  perm[j] = i;
  return transpose(a, perm);
}

/** Removes length-1 axes (all of them, or the given ones, which must have length 1), a view. */
export function squeeze(a: NDArray, axis?: number | readonly number[]): NDArray {
  const drop = new Set<number>();
  if (axis === undefined) a.shape.forEach((n, d) => n === 1 && drop.add(d));
  else {
    for (const ax of typeof axis === 'number' ? [axis] : axis) {
      const d = normalizeAxis(ax, a.ndim);
      if (a.shape[d] !== 1)
        throw new RangeError(
          'cannot select an axis to squeeze out which has size not equal to one',
        );
      drop.add(d);
    }
  }
  const keep = [...a.shape.keys()].filter((d) => !drop.has(d));
  return new NDArray(
    a.storage,
    keep.map((d) => a.shape[d]!),
    a.dtype,
    keep.map((d) => a.strides[d]!),
    a.offset,
  );
}

/** Inserts length-1 axes at the given positions of the result, a view. */
export function expandDims(a: NDArray, axis: number | readonly number[]): NDArray {
  const axes = typeof axis === 'number' ? [axis] : axis;
  const nd = a.ndim + axes.length;
  const at = new Set(axes.map((ax) => normalizeAxis(ax, nd)));
  if (at.size !== axes.length) throw new RangeError('repeated axis');
  const shape: number[] = [];
  const strides: number[] = [];
  let src = 0;
  for (let d = 0; d < nd; d++) {
    if (at.has(d)) {
      shape.push(1);
      strides.push(0);
    } else {
      shape.push(a.shape[src]!);
      strides.push(a.strides[src]!);
      src++;
    }
  }
  return new NDArray(a.storage, shape, a.dtype, strides, a.offset);
}

/** Joins arrays along an existing axis (numpy's `concatenate`); dtypes promote. */
export function concatenate(arrays: readonly NDArray[], axis = 0): NDArray {
  const first = arrays[0];
  if (!first) throw new RangeError('need at least one array to concatenate');
  if (first.ndim === 0) throw new RangeError('zero-dimensional arrays cannot be concatenated');
  const ax = normalizeAxis(axis, first.ndim);
  let dtype = first.dtype;
  let total = 0;
  for (const a of arrays) {
    if (a.ndim !== first.ndim)
      throw new RangeError('all the input arrays must have same number of dimensions');
    for (let d = 0; d < a.ndim; d++) {
      if (d !== ax && a.shape[d] !== first.shape[d]) {
        throw new RangeError(
          'all the input array dimensions except for the concatenation axis must match exactly, ' +
            `but along dimension ${d}, the array at index 0 has size ${first.shape[d]} and the array at index ${arrays.indexOf(a)} has size ${a.shape[d]}`,
        );
      }
    }
    dtype = promoteTypes(dtype, a.dtype);
    total += a.shape[ax]!;
  }
  const shape = first.shape.slice();
  shape[ax] = total;
  const out = allocStorage(dtype, shapeSize(shape));
  const outer = shapeSize(shape.slice(0, ax));
  const innerOut = shapeSize(shape.slice(ax));
  let start = 0;
  for (const a of arrays) {
    const block = shapeSize(a.shape.slice(ax));
    if (outer === 1 && a.dtype === dtype) {
      // NOTE: one block per array (axis 0, or all outer axes of length 1): copy it straight in.
      copyStrided(a, out, start);
      start += block;
      continue;
    }
    const flat = a.dtype === dtype ? a.toFlat() : a.astype(dtype).storage;
    for (let o = 0; o < outer; o++)
      out.set(flat.subarray(o * block, (o + 1) * block), o * innerOut + start);
    start += block;
  }
  return new NDArray(out, shape, dtype);
}

/** Joins arrays of one shape along a new axis (numpy's `stack`). */
export function stack(arrays: readonly NDArray[], axis = 0): NDArray {
  const first = arrays[0];
  if (!first) throw new RangeError('need at least one array to stack');
  for (const a of arrays) {
    if (a.shape.join() !== first.shape.join())
      throw new RangeError('all input arrays must have the same shape');
  }
  const ax = normalizeAxis(axis, first.ndim + 1);
  return concatenate(
    arrays.map((a) => expandDims(a, ax)),
    ax,
  );
}

/** Padding widths as numpy takes them: one number, one (before, after) pair, or a pair per axis. */
export type PadWidth = number | readonly [number, number] | readonly (readonly [number, number])[];

/** Pads with a constant (numpy's `pad(a, width, mode='constant', constant_values=value)`). */
export function pad(
  a: NDArray,
  width: PadWidth,
  options: { constantValues?: number } = {},
): NDArray {
  const nd = a.ndim;
  const pairs: [number, number][] = [];
  for (let d = 0; d < nd; d++) {
    if (typeof width === 'number') pairs.push([width, width]);
    else if (typeof width[0] === 'number')
      pairs.push([width[0], (width as readonly [number, number])[1]]);
    else {
      const p = (width as readonly (readonly [number, number])[])[width.length === 1 ? 0 : d];
      if (!p) throw new RangeError('pad width must have one pair per axis');
      pairs.push([p[0], p[1]]);
    }
  }
  const shape = a.shape.map((n, d) => n + pairs[d]![0] + pairs[d]![1]);
  const out = allocStorage(a.dtype, shapeSize(shape));
  out.fill(castValue(options.constantValues ?? 0, a.dtype));
  const result = new NDArray(out, shape, a.dtype);
  // Copy `a` into the interior view of the result.
  let offset = 0;
  for (let d = 0; d < nd; d++) offset += pairs[d]![0] * result.strides[d]!;
  const interior = new NDArray(out, a.shape, a.dtype, result.strides, offset);
  assign(interior, a);
  return result;
}
