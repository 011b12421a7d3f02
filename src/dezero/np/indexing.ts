/**
 * Indexing. Python's `x[i, j]` is written `x.get(i, j)`, one argument per comma-separated entry:
 *
 * - a number picks one position (negative counts from the end): `x.get(0, -1)` is `x[0, -1]`;
 * - a slice is a string in Python's syntax: `x.get(':', 1)` is `x[:, 1]`, `x.get('1:3', '::2')`
 *   is `x[1:3, ::2]`, or an object from `np.slice(start, stop, step)`;
 * - `'...'` is the ellipsis and `null` (`np.newaxis`) a new axis: `x.get('...', null)`;
 * - an int64 `NDArray` or a JS number list is numpy's integer-array (fancy) index:
 *   `x.get(np.arange(N), t)` is `x[np.arange(N), t]`;
 * - a bool `NDArray` (or boolean list) is a mask: `x.get(x.greater(0))` is `x[x > 0]`.
 *
 * Basic indexing (numbers, slices, `...`, `null`) returns a view; fancy indexing and masks copy,
 * as in numpy. `x.set(index, value)` writes (Python's `x[index] = value`); a JS list given to
 * `set` or `addAt` is the tuple of entries: `x.set([0, ':'], 1)` is `x[0, :] = 1`, so a fancy list
 * index needs its own brackets or an array: `x.set([[0, 2]], 1)` is `x[[0, 2]] = 1`.
 * `addAt(a, index, b)` is numpy's unbuffered `np.add.at`.
 */
import { NDArray, fromFlat, fromStorage, shapeSize } from './ndarray.ts';
import type { ArrayLikeInput } from './ndarray.ts';
import { allocStorage, castValue, promoteWithScalar, promoteTypes } from './dtype.ts';
import { broadcastShapes, broadcastTo } from './broadcast.ts';
import { assign } from './assign.ts';
import { transpose } from './shape.ts';
import { array } from './create.ts';
import type { NestedInput } from './create.ts';

/** A Python slice `start:stop:step`; missing parts are `null` or left out. */
export interface Slice {
  /** First position (default: the start in the direction of `step`). */
  start?: number | null;
  /** Position to stop before (default: past the end). */
  stop?: number | null;
  /** Step, never 0. @default 1 */
  step?: number | null;
}

/** One entry of an index: number, slice (string or object), `'...'`, `null`, int or bool array. */
export type Index = number | string | Slice | null | NDArray | readonly NestedInput[];

/** numpy's `np.s_[start:stop:step]` as a function. */
export function slice(
  start: number | null = null,
  stop: number | null = null,
  step: number | null = null,
): Slice {
  return { start, stop, step };
}

function parseSlice(text: string): Slice {
  const parts = text.split(':');
  if (parts.length < 2 || parts.length > 3) throw new SyntaxError(`not a slice: '${text}'`);
  const num = (s: string | undefined): number | null => {
    if (s === undefined || s.trim() === '') return null;
    const v = Number(s);
    if (!Number.isInteger(v)) throw new SyntaxError(`slice indices must be integers: '${text}'`);
    return v;
  };
  return { start: num(parts[0]), stop: num(parts[1]), step: num(parts[2]) };
}

/** Python's `slice.indices(n)`: concrete start, step and element count. */
function resolveSlice(s: Slice, n: number): { start: number; step: number; count: number } {
  const step = s.step ?? 1;
  if (step === 0) throw new RangeError('slice step cannot be zero');
  const clamp = (v: number | null | undefined, dflt: number): number => {
    if (v === null || v === undefined) return dflt;
    if (v < 0) v += n;
    if (step > 0) return Math.min(Math.max(v, 0), n);
    return Math.min(Math.max(v, -1), n - 1);
  };
  const start = clamp(s.start, step > 0 ? 0 : n - 1);
  const stop = clamp(s.stop, step > 0 ? n : -1);
  const count =
    step > 0
      ? Math.max(0, Math.ceil((stop - start) / step))
      : Math.max(0, Math.ceil((start - stop) / -step));
  return { start, step, count };
}

type Entry =
  | { kind: 'int'; value: number }
  | { kind: 'slice'; slice: Slice }
  | { kind: 'newaxis' }
  | { kind: 'array'; array: NDArray };

/** Turns the user's index into entries: ellipsis expanded, masks turned into int arrays. */
function parseIndex(a: NDArray, index: readonly Index[]): Entry[] {
  const entries: (Entry | 'ellipsis')[] = [];
  for (const ix of index) {
    if (ix === null) entries.push({ kind: 'newaxis' });
    else if (typeof ix === 'number') entries.push({ kind: 'int', value: ix });
    else if (typeof ix === 'string')
      entries.push(ix === '...' ? 'ellipsis' : { kind: 'slice', slice: parseSlice(ix) });
    else if (ix instanceof NDArray || Array.isArray(ix)) {
      const arr = ix instanceof NDArray ? ix : listToArray(ix as NestedInput);
      if (arr.dtype === 'bool')
        for (const nz of nonzero(arr)) entries.push({ kind: 'array', array: nz });
      else if (arr.dtype === 'int64') entries.push({ kind: 'array', array: arr });
      else if (arr.dtype === 'uint8') entries.push({ kind: 'array', array: arr.astype('int64') });
      else throw new TypeError('arrays used as indices must be of integer (or boolean) type');
    } else entries.push({ kind: 'slice', slice: ix as Slice });
  }
  const used = entries.filter((e) => e !== 'ellipsis' && e.kind !== 'newaxis').length;
  if (used > a.ndim)
    throw new RangeError(
      `too many indices for array: array is ${a.ndim}-dimensional, but ${used} were indexed`,
    );
  const ell = entries.indexOf('ellipsis');
  if (ell !== entries.lastIndexOf('ellipsis'))
    throw new SyntaxError("an index can only have a single ellipsis ('...')");
  const fill: Entry[] = Array.from({ length: a.ndim - used }, () => ({ kind: 'slice', slice: {} }));
  const out =
    ell < 0
      ? [...(entries as Entry[]), ...fill]
      : [...(entries.slice(0, ell) as Entry[]), ...fill, ...(entries.slice(ell + 1) as Entry[])];
  return out;
}

/** A (nested) JS list as an index array: booleans make a mask, numbers must be integers. */
function listToArray(list: NestedInput): NDArray {
  const a = array(list);
  if (a.dtype === 'bool') return a;
  for (const v of a.toFlat())
    if (!Number.isInteger(v))
      throw new TypeError('arrays used as indices must be of integer (or boolean) type');
  return a.astype('int64');
}

/** numpy's `nonzero`: one int64 array of positions per axis. */
export function nonzero(a: NDArray): NDArray[] {
  const flat = a.toFlat();
  const hits: number[] = [];
  for (let i = 0; i < flat.length; i++) if (flat[i] !== 0) hits.push(i);
  return a.shape.map((_, d) => {
    const block = shapeSize(a.shape.slice(d + 1));
    const n = a.shape[d]!;
    return fromFlat(
      hits.map((h) => Math.floor(h / block) % n),
      [hits.length],
      'int64',
    );
  });
}

function checkedIndex(i: number, n: number, axis: number): number {
  const j = i < 0 ? i + n : i;
  if (!Number.isInteger(j) || j < 0 || j >= n)
    throw new RangeError(`index ${i} is out of bounds for axis ${axis} with size ${n}`);
  return j;
}

/** Applies the basic entries as a view; array entries stay as whole axes and are reported back. */
function basicView(
  a: NDArray,
  entries: readonly Entry[],
  keepInts: boolean,
): { view: NDArray; advanced: { axis: number; entry: number }[] } {
  const shape: number[] = [];
  const strides: number[] = [];
  const advanced: { axis: number; entry: number }[] = [];
  let offset = a.offset;
  let src = 0;
  entries.forEach((e, k) => {
    if (e.kind === 'newaxis') {
      shape.push(1);
      strides.push(0);
      return;
    }
    const n = a.shape[src]!;
    const st = a.strides[src]!;
    if (e.kind === 'int' && !keepInts) offset += checkedIndex(e.value, n, src) * st;
    else if (e.kind === 'slice') {
      const r = resolveSlice(e.slice, n);
      offset += r.count > 0 ? r.start * st : 0;
      shape.push(r.count);
      strides.push(r.step * st);
    } else {
      advanced.push({ axis: shape.length, entry: k });
      shape.push(n);
      strides.push(st);
    }
    src++;
  });
  return { view: new NDArray(a.storage, shape, a.dtype, strides, offset), advanced };
}

/** Storage positions of every selected element, in the C order of numpy's result, and its shape. */
interface Selection {
  positions: Float64Array;
  shape: number[];
}

function advancedSelection(a: NDArray, entries: readonly Entry[]): Selection {
  const { view, advanced } = basicView(a, entries, true);
  const arrays = advanced.map(({ entry, axis }) => {
    const e = entries[entry]!;
    return e.kind === 'int'
      ? fromFlat([checkedIndex(e.value, view.shape[axis]!, axis)], [], 'int64')
      : (e as { array: NDArray }).array;
  });
  const bShape = broadcastShapes(...arrays.map((x) => x.shape));
  const bSize = shapeSize(bShape);
  const idx = arrays.map((x) => broadcastTo(x, bShape).toFlat());
  const advAxes = advanced.map((x) => x.axis);
  const rest = [...view.shape.keys()].filter((d) => !advAxes.includes(d));
  const rShape = rest.map((d) => view.shape[d]!);
  const rStrides = rest.map((d) => view.strides[d]!);
  const rSize = shapeSize(rShape);
  // Offsets of the remaining (sliced) block, in C order.
  const block = new NDArray(new Float64Array(0), rShape, 'float64', rStrides, 0);
  const blockOffsets = offsetsOf(block);
  const positions = new Float64Array(bSize * rSize);
  for (let b = 0; b < bSize; b++) {
    let base = view.offset;
    for (let k = 0; k < idx.length; k++) {
      const ax = advAxes[k]!;
      base += checkedIndex(idx[k]![b]!, view.shape[ax]!, ax) * view.strides[ax]!;
    }
    for (let r = 0; r < rSize; r++) positions[b * rSize + r] = base + blockOffsets[r]!;
  }
  // numpy keeps the broadcast axes in place when the array entries are adjacent.
  const entryIds = advanced.map((x) => x.entry);
  const adjacent = entryIds.every((id, i) => i === 0 || id === entryIds[i - 1]! + 1);
  const first = advAxes[0]!;
  const advFirstShape = [...bShape, ...rShape];
  if (!adjacent || first === 0) return { positions, shape: advFirstShape };
  const nb = bShape.length;
  const perm = [...Array(first).keys()]
    .map((i) => nb + i)
    .concat(
      [...Array(nb).keys()],
      [...Array(rest.length - first).keys()].map((i) => nb + first + i),
    );
  const shape = perm.map((p) => advFirstShape[p]!);
  // positions are in advanced-first order; reorder into numpy's order.
  const moved = transpose(
    new NDArray(positions, advFirstShape, 'float64'),
    perm,
  ).toFlat() as Float64Array;
  return { positions: moved, shape };
}

/** Storage offsets (relative to `a.offset`) of every element of `a` in C order. */
function offsetsOf(a: NDArray): Float64Array {
  const n = a.size;
  const out = new Float64Array(n);
  const nd = a.ndim;
  for (let i = 0; i < n; i++) {
    let rem = i;
    let off = 0;
    for (let d = nd - 1; d >= 0; d--) {
      const s = a.shape[d]!;
      off += (rem % s) * a.strides[d]!;
      rem = Math.floor(rem / s);
    }
    out[i] = off;
  }
  return out;
}

function hasArray(entries: readonly Entry[]): boolean {
  return entries.some((e) => e.kind === 'array');
}

/** `a[index]`: a view for basic indexes, a copy for fancy ones (see the module comment). */
export function getIndex(a: NDArray, index: readonly Index[]): NDArray {
  // NOTE: `x.get(i)`, one row, is what a data set does per example: skip the general parse.
  if (index.length === 1 && typeof index[0] === 'number' && a.ndim > 0) return row(a, index[0]);
  const gathered = gather(a, index);
  if (gathered !== null) return gathered;
  const entries = parseIndex(a, index);
  if (!hasArray(entries)) return basicView(a, entries, false).view;
  const sel = advancedSelection(a, entries);
  const out = allocStorage(a.dtype, sel.positions.length);
  const src = a.storage;
  const pos = sel.positions;
  for (let i = 0; i < pos.length; i++) out[i] = src[pos[i]!]!;
  return new NDArray(out, sel.shape, a.dtype);
}

/**
 * The integer-array indexes of a training step, copied without the general path's selection
 * lists: `a[idx]` (rows of a contiguous array, a mini-batch) and `a[i0, i1, …]` (one int64 array
 * of one shape per axis, as `logP[arange(N), t]`); null for anything else. Same result, and the
 * same error for the first index out of bounds, as `advancedSelection` (fast-paths.test.ts).
 */
function gather(a: NDArray, index: readonly Index[]): NDArray | null {
  const n = index.length;
  if (n === 0 || n > a.ndim) return null;
  for (let k = 0; k < n; k++) {
    const ix = index[k];
    if (!(ix instanceof NDArray) || ix.dtype !== 'int64' || !ix.isContiguous()) return null;
    if (k > 0 && !sameShape(ix.shape, (index[0] as NDArray).shape)) return null;
  }
  const first = index[0] as NDArray;
  const count = first.size;
  const src = a.storage;
  if (n === 1) {
    if (!a.isContiguous()) return null;
    const rows = a.shape[0]!;
    let rowSize = 1;
    for (let d = 1; d < a.ndim; d++) rowSize *= a.shape[d]!;
    const out = allocStorage(a.dtype, count * rowSize);
    const ids = first.storage;
    for (let b = 0, o = 0; b < count; b++) {
      const start = a.offset + checkedIndex(ids[first.offset + b]!, rows, 0) * rowSize;
      for (let r = 0; r < rowSize; r++) out[o++] = src[start + r]!;
    }
    return fromStorage(out, Object.freeze([...first.shape, ...a.shape.slice(1)]), a.dtype);
  }
  if (n !== a.ndim) return null;
  const strides = a.strides;
  const out = allocStorage(a.dtype, count);
  for (let b = 0; b < count; b++) {
    let pos = a.offset;
    for (let k = 0; k < n; k++) {
      const ix = index[k] as NDArray;
      pos += checkedIndex(ix.storage[ix.offset + b]!, a.shape[k]!, k) * strides[k]!;
    }
    out[b] = src[pos]!;
  }
  return fromStorage(out, first.shape, a.dtype);
}

function sameShape(x: readonly number[], y: readonly number[]): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** `a[i]` for one number i: the view of row i, the same array the general path gives. */
function row(a: NDArray, i: number): NDArray {
  const j = checkedIndex(i, a.shape[0]!, 0);
  const strides = a.strides;
  const shape = Object.freeze(a.shape.slice(1));
  return new NDArray(
    a.storage,
    shape,
    a.dtype,
    Object.freeze(strides.slice(1)),
    a.offset + j * strides[0]!,
  );
}

/** `a[index] = value`, with `value` broadcast to the selection and cast to `a.dtype`. */
export function setIndex(a: NDArray, index: readonly Index[], value: ArrayLikeInput): void {
  const entries = parseIndex(a, index);
  if (!hasArray(entries)) {
    assign(basicView(a, entries, false).view, value);
    return;
  }
  const sel = advancedSelection(a, entries);
  const values = selectionValues(sel, value, a.dtype === 'float32' ? 'float32' : 'float64');
  const dst = a.storage;
  const pos = sel.positions;
  const cast = a.dtype === 'int64' || a.dtype === 'uint8' || a.dtype === 'bool';
  for (let i = 0; i < pos.length; i++)
    dst[pos[i]!] = cast ? castValue(values[i]!, a.dtype) : values[i]!;
}

function selectionValues(
  sel: Selection,
  value: ArrayLikeInput,
  dtype: 'float32' | 'float64',
): ArrayLike<number> {
  if (typeof value === 'number')
    return new Float64Array(sel.positions.length).fill(
      dtype === 'float32' ? Math.fround(value) : value,
    );
  return broadcastTo(value, sel.shape).toFlat();
}

/**
 * numpy's `np.add.at(a, index, b)`: `a[index] += b` where repeated positions add up. As in `set`,
 * a JS list is the tuple of entries: `addAt(dx, [np.arange(N), t], dy)`.
 */
export function addAt(a: NDArray, index: Index | readonly Index[], b: ArrayLikeInput): void {
  const list = Array.isArray(index) ? (index as readonly Index[]) : [index as Index];
  const entries = parseIndex(a, list);
  const sel = hasArray(entries)
    ? advancedSelection(a, entries)
    : (() => {
        const v = basicView(a, entries, false).view;
        const rel = offsetsOf(v);
        for (let i = 0; i < rel.length; i++) rel[i] = rel[i]! + v.offset;
        return { positions: rel, shape: v.shape.slice() };
      })();
  const t = typeof b === 'number' ? promoteWithScalar(a.dtype) : promoteTypes(a.dtype, b.dtype);
  if (t !== a.dtype && !(a.dtype === 'float32' && t === 'float64')) {
    throw new TypeError(
      `Cannot cast ufunc 'add' output from dtype('${t}') to dtype('${a.dtype}') with casting rule 'same_kind'`,
    );
  }
  const values = selectionValues(sel, b, a.dtype === 'float32' ? 'float32' : 'float64');
  const dst = a.storage;
  const pos = sel.positions;
  for (let i = 0; i < pos.length; i++) dst[pos[i]!] = dst[pos[i]!]! + values[i]!;
}

/** A new array of the selected values, for callers that want `take`-like copies. */
export function take(a: NDArray, indices: NDArray | readonly number[], axis?: number): NDArray {
  if (axis === undefined) return getIndex(a.ravel(), [indices]);
  const entries: Index[] = Array.from({ length: a.ndim }, () => ':');
  entries[axis < 0 ? axis + a.ndim : axis] = indices;
  return getIndex(a, entries);
}
