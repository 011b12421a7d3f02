/**
 * `NDArray`: a strided view over a typed array, as in numpy. Views (reshape of contiguous data,
 * transpose, slices, broadcastTo) share `storage` and differ in `shape`, `strides` and `offset`
 * (both counted in elements, not bytes). The operations live in their own files; the methods
 * here only forward to them so that `a.add(b).sum(0)` reads like numpy.
 */
import { allocStorage, castValue } from './dtype.ts';
import type { DType, Storage } from './dtype.ts';
import { formatArray } from './format.ts';
import { shapeCompact } from './shape-text.ts';
import * as ew from './elementwise.ts';
import * as red from './reduce.ts';
import * as shp from './shape.ts';
import * as idx from './indexing.ts';
import type { Index } from './indexing.ts';
import { dot as linalgDot } from './linalg.ts';
import { assignInPlace } from './assign.ts';

/** A number or an array: wherever numpy takes an array, a JS number counts as a 0-d float64 array. */
export type ArrayLikeInput = NDArray | number;

/** Options of the reductions (`sum`, `max`, `min`, `mean`, `argmax`). */
export interface ReduceOptions {
  /** Axis or axes to reduce; all when omitted. Negative counts from the end. */
  axis?: number | readonly number[] | null | undefined;
  /** Keep reduced axes as length 1, so the result broadcasts against the input. @default false */
  keepdims?: boolean | undefined;
}

/** C-order (row-major) strides of a shape, in elements. */
export function contiguousStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let step = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = step;
    step *= shape[d]!;
  }
  return strides;
}

/** The number of elements of a shape. */
export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (const s of shape) n *= s;
  return n;
}

const NO_AXES: readonly number[] = Object.freeze([]);
const UNIT_STRIDE: readonly number[] = Object.freeze([1]);

/** `list` itself when frozen, else a frozen copy: an array never shares a list someone can change. */
export function frozenCopy(list: readonly number[]): readonly number[] {
  if (Object.isFrozen(list)) return list;
  return list.length === 0 ? NO_AXES : Object.freeze(list.slice());
}

/** C-order strides of `shape`, frozen; 0-d and 1-d arrays share one constant list. */
function frozenContiguousStrides(shape: readonly number[]): readonly number[] {
  if (shape.length === 0) return NO_AXES;
  if (shape.length === 1) return UNIT_STRIDE;
  return Object.freeze(contiguousStrides(shape));
}

// NOTE: set by `fromStorage` for the one constructor call it makes, so that np's own results,
// which pass a shape already frozen and storage of exactly their size, skip the frozen check
// (Object.isFrozen is a runtime call, ~15 ns) and the size count without a seventh parameter in
// the constructor every reader sees.
let trustedSize = -1;

/** An n-dimensional array of one dtype, numpy's `ndarray`. */
export class NDArray {
  /** Element type. */
  readonly dtype: DType;
  /** Length of each axis. */
  readonly shape: readonly number[];
  /** Index in `storage` of the first element. */
  readonly offset: number;
  /** The typed array holding the values; views share it. */
  readonly storage: Storage;

  /** Number of elements. */
  readonly size: number;
  /** The strides as given, or undefined for C order until someone asks (most results never do). */
  private stridesGiven: readonly number[] | undefined;

  /**
   * Wraps existing storage; most code wants `fromFlat` or `np.array` instead. `shape` and
   * `strides` are copied and frozen unless they already are frozen (then they are shared, which
   * is safe and free: results reuse their inputs' shapes), so the caller may go on to change its
   * own lists. Omitted strides are C order.
   */
  constructor(
    storage: Storage,
    shape: readonly number[],
    dtype: DType,
    strides?: readonly number[],
    offset = 0,
  ) {
    this.storage = storage;
    this.dtype = dtype;
    this.offset = offset;
    if (trustedSize >= 0) {
      this.shape = shape;
      this.stridesGiven = undefined;
      this.size = trustedSize;
      trustedSize = -1;
      return;
    }
    this.shape = frozenCopy(shape);
    this.stridesGiven = strides === undefined ? undefined : frozenCopy(strides);
    this.size = shapeSize(this.shape);
  }

  /** Step in `storage` between neighbours along each axis, in elements (0 for broadcast axes). */
  get strides(): readonly number[] {
    return (this.stridesGiven ??= frozenContiguousStrides(this.shape));
  }

  /** Number of axes. */
  get ndim(): number {
    return this.shape.length;
  }

  /** The transpose (axes reversed), a view. */
  get T(): NDArray {
    return shp.transpose(this);
  }

  /** True when the elements sit in C order with no gaps from `offset` on. */
  isContiguous(): boolean {
    const strides = this.stridesGiven;
    if (strides === undefined) return true;
    let step = 1;
    for (let d = this.shape.length - 1; d >= 0; d--) {
      const n = this.shape[d]!;
      if (n !== 1 && strides[d] !== step) return false;
      step *= n;
    }
    return true;
  }

  /** A C-order copy of the values in a new typed array of this dtype. */
  toFlat(): Storage {
    const out = allocStorage(this.dtype, this.size);
    copyStrided(this, out, 0);
    return out;
  }

  /** numpy's `str(a)`. */
  toString(): string {
    return formatArray(this.toFlat(), this.shape, this.dtype);
  }

  /** Nested JS arrays of the values (bool as 0/1); a 0-d array gives its number. */
  tolist(): NestedList {
    const flat = this.toFlat();
    if (this.ndim === 0) return flat[0]!;
    const build = (dim: number, start: number): NestedList[] => {
      const n = this.shape[dim]!;
      const out: NestedList[] = [];
      if (dim === this.ndim - 1) {
        for (let i = 0; i < n; i++) out.push(flat[start + i]!);
        return out;
      }
      const block = shapeSize(this.shape.slice(dim + 1));
      for (let i = 0; i < n; i++) out.push(build(dim + 1, start + i * block));
      return out;
    };
    return build(0, 0);
  }

  /** The one element of a size-1 array as a JS number (bool as 0/1), or the element at a flat index. */
  item(flatIndex?: number): number {
    if (flatIndex === undefined) {
      if (this.size !== 1)
        throw new RangeError('can only convert an array of size 1 to a Python scalar');
      flatIndex = 0;
    }
    if (flatIndex < 0) flatIndex += this.size;
    if (!(flatIndex >= 0 && flatIndex < this.size))
      throw new RangeError(`index ${flatIndex} is out of bounds for size ${this.size}`);
    let pos = this.offset;
    for (let d = this.ndim - 1; d >= 0; d--) {
      const n = this.shape[d]!;
      pos += (flatIndex % n) * this.strides[d]!;
      flatIndex = Math.floor(flatIndex / n);
    }
    return this.storage[pos]!;
  }

  // ==== Elementwise ====
  /** `this + b`. */
  add(b: ArrayLikeInput): NDArray {
    return ew.add(this, b);
  }
  /** `this - b`. */
  sub(b: ArrayLikeInput): NDArray {
    return ew.subtract(this, b);
  }
  /** `this * b`. */
  mul(b: ArrayLikeInput): NDArray {
    return ew.multiply(this, b);
  }
  /** `this / b` (true division). */
  div(b: ArrayLikeInput): NDArray {
    return ew.divide(this, b);
  }
  /** `this ** b`. */
  pow(b: ArrayLikeInput): NDArray {
    return ew.power(this, b);
  }
  /** `-this`. */
  neg(): NDArray {
    return ew.negative(this);
  }
  /** `this > b` as a bool array (Python's `__gt__`). */
  gt(b: ArrayLikeInput): NDArray {
    return ew.greater(this, b);
  }
  /** `this >= b`. */
  ge(b: ArrayLikeInput): NDArray {
    return ew.greaterEqual(this, b);
  }
  /** `this < b`. */
  lt(b: ArrayLikeInput): NDArray {
    return ew.less(this, b);
  }
  /** `this <= b`. */
  le(b: ArrayLikeInput): NDArray {
    return ew.lessEqual(this, b);
  }
  /** `this == b` elementwise. */
  eq(b: ArrayLikeInput): NDArray {
    return ew.equal(this, b);
  }
  /** `this != b` elementwise. */
  ne(b: ArrayLikeInput): NDArray {
    return ew.notEqual(this, b);
  }

  // ==== In place: Python's a += b, a -= b, a *= b, a /= b ====
  // NOTE: straight into this array's storage when that stores the same numbers (binaryInPlace);
  // else the result is made, then written back with numpy's casting rules.
  /** Python's `a += b`: adds into this array, keeping its dtype and shape (float32 stays float32). */
  iadd(b: ArrayLikeInput): void {
    if (!ew.binaryInPlace('add', this, b)) assignInPlace(this, ew.add(this, b), 'add');
  }
  /** Python's `a -= b`: `W.data.isub(W.grad.data.mul(lr))` updates a weight in place, in its own dtype. */
  isub(b: ArrayLikeInput): void {
    if (!ew.binaryInPlace('sub', this, b)) assignInPlace(this, ew.subtract(this, b), 'sub');
  }
  /** Python's `a *= b`, in place, keeping this array's dtype. */
  imul(b: ArrayLikeInput): void {
    if (!ew.binaryInPlace('mul', this, b)) assignInPlace(this, ew.multiply(this, b), 'mul');
  }
  /** Python's `a /= b`, in place, keeping this array's dtype. */
  idiv(b: ArrayLikeInput): void {
    if (!ew.binaryInPlace('div', this, b)) assignInPlace(this, ew.divide(this, b), 'div');
  }

  // ==== Reductions ====
  /** Sum over `axis` (all when omitted); `a.sum(0)` or `a.sum({ axis: 0, keepdims: true })`. */
  sum(axis?: number | readonly number[] | ReduceOptions | null, keepdims?: boolean): NDArray {
    return red.sum(this, axis, keepdims);
  }
  /** Maximum over `axis`. */
  max(axis?: number | readonly number[] | ReduceOptions | null, keepdims?: boolean): NDArray {
    return red.max(this, axis, keepdims);
  }
  /** Minimum over `axis`. */
  min(axis?: number | readonly number[] | ReduceOptions | null, keepdims?: boolean): NDArray {
    return red.min(this, axis, keepdims);
  }
  /** Arithmetic mean over `axis`. */
  mean(axis?: number | readonly number[] | ReduceOptions | null, keepdims?: boolean): NDArray {
    return red.mean(this, axis, keepdims);
  }
  /** Index of the maximum along `axis` (of the flattened array when omitted), int64. */
  argmax(axis?: number | ReduceOptions | null, keepdims?: boolean): NDArray {
    return red.argmax(this, axis, keepdims);
  }

  // ==== Shape ====
  /** The same values in a new shape (one entry may be -1); a view when the data is contiguous. */
  reshape(...shape: (number | readonly number[])[]): NDArray {
    return shp.reshape(this, shape.flat());
  }
  /** Axes permuted (reversed when none are given), a view. */
  transpose(...axes: (number | readonly number[])[]): NDArray {
    const flat = axes.flat();
    return shp.transpose(this, flat.length ? flat : undefined);
  }
  /** A 1-D copy in C order. */
  flatten(): NDArray {
    return copyAs(this, [this.size], this.dtype);
  }
  /** A 1-D array in C order (a view when contiguous). */
  ravel(): NDArray {
    return shp.reshape(this, [-1]);
  }
  /** Removes axes of length 1 (or the given ones), a view. */
  squeeze(axis?: number | readonly number[]): NDArray {
    return shp.squeeze(this, axis);
  }
  /** A C-contiguous copy. */
  copy(): NDArray {
    return copyAs(this, this.shape, this.dtype);
  }
  /** A copy converted to `dtype` (float to int truncates; nonzero to bool is 1). */
  astype(dtype: DType): NDArray {
    return copyAs(this, this.shape, dtype);
  }
  /** Values clipped to [lo, hi]. */
  clip(lo: ArrayLikeInput | null, hi: ArrayLikeInput | null): NDArray {
    return ew.clip(this, lo, hi);
  }
  /** `np.dot(this, b)`. */
  dot(b: NDArray): NDArray {
    return linalgDot(this, b);
  }

  // ==== Indexing ====
  /** Python's `x[i, j]` is `x.get(i, j)`; see `getIndex` in indexing.ts for slices and masks. */
  get(...index: Index[]): NDArray {
    return idx.getIndex(this, index);
  }
  /** Python's `x[i, j] = v` is `x.set([i, j], v)` (or `x.set(i, v)` for one index). */
  set(index: Index | readonly Index[], value: ArrayLikeInput): void {
    idx.setIndex(
      this,
      Array.isArray(index) ? (index as readonly Index[]) : [index as Index],
      value,
    );
  }
}

/** What `tolist()` returns: numbers nested as deep as the array has axes. */
export type NestedList = number | NestedList[];

/** True when `x` is an `NDArray` (numpy's `isinstance(x, np.ndarray)`). */
export function isNDArray(x: unknown): x is NDArray {
  return x instanceof NDArray;
}

/**
 * A C-contiguous array over `storage`, which holds exactly its elements, in a shape that is
 * already frozen (another array's `shape`, or a list the caller froze): how np's operations wrap
 * their results, without the constructor's copy of the shape.
 */
export function fromStorage(storage: Storage, shape: readonly number[], dtype: DType): NDArray {
  trustedSize = storage.length;
  return new NDArray(storage, shape, dtype);
}

/**
 * A C-contiguous copy of `x` in `dtype` and `shape` (of x's size). A contiguous x is copied in
 * one `set`, which converts as element assignment does (a float32 store rounds like
 * `Math.fround`), where no cast rule of ours applies: to a float dtype, or to x's own dtype.
 * NOTE: each MNIST example is flattened and converted once per batch; two copies cost 3% of training.
 */
function copyAs(x: NDArray, shape: readonly number[], dtype: DType): NDArray {
  if (!x.isContiguous() || !(dtype === x.dtype || dtype === 'float32' || dtype === 'float64'))
    return fromFlat(x.toFlat(), shape, dtype);
  const storage = allocStorage(dtype, x.size);
  storage.set(x.storage.subarray(x.offset, x.offset + x.size));
  return new NDArray(storage, shape, dtype);
}

/** A new C-contiguous array of `dtype` holding a copy of `values` (cast to the dtype). */
export function fromFlat(
  values: ArrayLike<number>,
  shape: readonly number[],
  dtype: DType = 'float64',
): NDArray {
  const size = shapeSize(shape);
  if (values.length !== size)
    throw new RangeError(`cannot make shape ${shapeCompact(shape)} from ${values.length} values`);
  const storage = allocStorage(dtype, size);
  if (dtype === 'float64' || dtype === 'float32') {
    // NOTE: Float32Array assignment rounds to nearest like Math.fround.
    for (let i = 0; i < size; i++) storage[i] = values[i]!;
  } else {
    for (let i = 0; i < size; i++) storage[i] = castValue(values[i]!, dtype);
  }
  return new NDArray(storage, shape, dtype);
}

/**
 * Copies the (possibly strided or broadcast) view `src` in C order into `out` from `outStart`.
 * Outer axes advance like an odometer; the innermost axis is a tight strided loop.
 */
export function copyStrided(src: NDArray, out: Storage, outStart: number): void {
  const { shape, strides, storage } = src;
  const nd = shape.length;
  const size = shapeSize(shape);
  if (size === 0) return;
  if (nd === 0) {
    out[outStart] = storage[src.offset]!;
    return;
  }
  if (src.isContiguous()) {
    // NOTE: `set` needs a `subarray` object per call, which costs more than a short loop.
    if (out.constructor === storage.constructor && size > 16) {
      out.set(storage.subarray(src.offset, src.offset + size), outStart);
    } else {
      for (let i = 0; i < size; i++) out[outStart + i] = storage[src.offset + i]!;
    }
    return;
  }
  const inner = shape[nd - 1]!;
  const innerStride = strides[nd - 1]!;
  const counter = new Array<number>(nd).fill(0);
  let pos = src.offset;
  let o = outStart;
  const rows = size / inner;
  for (let r = 0; r < rows; r++) {
    let p = pos;
    for (let i = 0; i < inner; i++, p += innerStride) out[o++] = storage[p]!;
    // Advance the odometer over the outer axes.
    for (let d = nd - 2; d >= 0; d--) {
      pos += strides[d]!;
      if (++counter[d]! < shape[d]!) break;
      pos -= strides[d]! * shape[d]!;
      counter[d] = 0;
    }
  }
}
