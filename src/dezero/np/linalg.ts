/**
 * numpy's `matmul`, `dot` and `tensordot` on top of the kernel in gemm.ts.
 *
 * Operands are read in place through `storage`/`strides`/`offset` (a transposed view is packed
 * straight from its storage); a view is copied only when its axes cannot be merged into the
 * rows and columns of a matrix. float32 products are summed in float32 and float64 ones in
 * float64, as numpy does (in another order than OpenBLAS, so the last bits can differ); int64
 * and bool products are summed in float64 and cast at the end: int64 results are exact up to
 * 2^53 (numpy wraps on overflow), and bool results are "any a[i,p] and b[p,j]", as numpy's.
 */
import { NDArray, fromFlat, shapeSize } from './ndarray.ts';
import { allocStorage, promoteTypes } from './dtype.ts';
import type { DType, Storage } from './dtype.ts';
import { coalesce } from './iterate.ts';
import { gemm } from './gemm.ts';
import { binaryRow } from './kernels.ts';
import type { Target } from './gemm-packed.ts';
import { operandArray } from './operand.ts';
import { shapeCompact } from './shape-text.ts';

/**
 * An operand: an array or a JS number. A number is a 0-d float64 array here, even next to
 * float32: these functions are not ufuncs, so numpy's `asarray` makes a Python float strong.
 */
export type LinalgInput = NDArray | number;

/** The `axes` of `tensordot`: a count of trailing/leading axes, or the two lists of axes to sum. */
export type TensordotAxes =
  number | readonly [number | readonly number[], number | readonly number[]];

const MATMUL_SIGNATURE = '(n?,k),(k,m?)->(n?,m?)';

// ==== Helpers ====

/** A 2-D window on storage: what the kernel reads. */
interface Matrix {
  data: Storage;
  offset: number;
  rows: number;
  cols: number;
  rowStride: number;
  colStride: number;
}

/** A `Matrix` from its six fields. */
function matrix(
  data: Storage,
  offset: number,
  rows: number,
  cols: number,
  rowStride: number,
  colStride: number,
): Matrix {
  return { data, offset, rows, cols, rowStride, colStride };
}

/** Where a product of `dtype` is summed: the result's own storage for the float dtypes, else float64. */
function productBuffer(dtype: DType, size: number): Target {
  if (dtype === 'float32' || dtype === 'float64') return allocStorage(dtype, size) as Target;
  return new Float64Array(size);
}

/** Wraps the sums as an array of `dtype`: no copy for the float dtypes, a cast for int64 and bool. */
function finish(values: Target, shape: readonly number[], dtype: DType): NDArray {
  return dtype === 'float64' || dtype === 'float32'
    ? new NDArray(values, shape, dtype)
    : fromFlat(values, shape, dtype);
}

/** One stride for axes [from, to) of a view, or null when they do not step as one. */
function mergedAxes(
  shape: readonly number[],
  strides: readonly number[],
  from: number,
  to: number,
): { size: number; stride: number } | null {
  const sub = shape.slice(from, to);
  const size = shapeSize(sub);
  if (size <= 1) return { size, stride: 0 };
  const plan = coalesce(sub, [strides.slice(from, to)]);
  return plan.shape.length === 1 ? { size, stride: plan.strides[0]![0]! } : null;
}

/** A view as a matrix with axes [0, split) as rows and [split, ndim) as columns; copies only if it must. */
function asMatrix(x: NDArray, split: number): Matrix {
  const rows = mergedAxes(x.shape, x.strides, 0, split);
  const cols = mergedAxes(x.shape, x.strides, split, x.ndim);
  if (rows && cols) {
    return matrix(x.storage, x.offset, rows.size, cols.size, rows.stride, cols.stride);
  }
  const r = shapeSize(x.shape.slice(0, split));
  const c = shapeSize(x.shape.slice(split));
  return matrix(x.toFlat(), 0, r, c, c, 1);
}

/** out[outOffset..] = A·B with C's rows `outRowStride` apart. */
function multiply(
  a: Matrix,
  b: Matrix,
  out: Target,
  outOffset: number,
  outRowStride: number,
): void {
  // prettier-ignore
  gemm(a.rows, b.cols, a.cols, a.data, a.offset, a.rowStride, a.colStride,
    b.data, b.offset, b.rowStride, b.colStride, out, outOffset, outRowStride);
}

/** Elementwise product with a 0-d operand, which is what `dot` does when either side is a scalar. */
function scale(a: NDArray, b: NDArray, dtype: DType): NDArray {
  const [arr, scalar] = a.ndim === 0 ? [b, a] : [a, b];
  const s = scalar.storage[scalar.offset]!;
  const values = arr.toFlat();
  const out = new Float64Array(values.length);
  for (let i = 0; i < out.length; i++) out[i] = values[i]! * s;
  return finish(out, arr.shape, dtype);
}

// ==== matmul ====

/** numpy's `matmul` (`a @ b`): 1-D operands become a row/column, leading axes broadcast as a batch. */
export function matmul(a: LinalgInput, b: LinalgInput): NDArray {
  const x = operandArray(a, 'matmul');
  const y = operandArray(b, 'matmul');
  [x, y].forEach((v, i) => {
    if (v.ndim === 0) {
      throw new RangeError(
        `matmul: Input operand ${i} does not have enough dimensions (has 0, gufunc core with signature ${MATMUL_SIGNATURE} requires 1)`,
      );
    }
  });
  // NOTE: a 1-D operand gets a length-1 axis (stride 0) that the result drops again.
  const aShape = x.ndim === 1 ? [1, x.shape[0]!] : x.shape.slice();
  const aStrides = x.ndim === 1 ? [0, x.strides[0]!] : x.strides.slice();
  const bShape = y.ndim === 1 ? [y.shape[0]!, 1] : y.shape.slice();
  const bStrides = y.ndim === 1 ? [y.strides[0]!, 0] : y.strides.slice();
  const n = aShape[aShape.length - 2]!;
  const k = aShape[aShape.length - 1]!;
  const kb = bShape[bShape.length - 2]!;
  const m = bShape[bShape.length - 1]!;
  if (kb !== k) {
    throw new RangeError(
      `matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature ${MATMUL_SIGNATURE} (size ${kb} is different from ${k})`,
    );
  }
  const batch = batchShape(x, y, aShape.slice(0, -2), bShape.slice(0, -2), [n, m]);
  const outShape = [...batch, ...(x.ndim === 1 ? [] : [n]), ...(y.ndim === 1 ? [] : [m])];
  const dtype = promoteTypes(x.dtype, y.dtype);
  const out = productBuffer(dtype, shapeSize(batch) * n * m);
  if (out.length === 0) return finish(out, outShape, dtype);

  const bBatch = bShape.length - 2;
  const B = matrix(y.storage, y.offset, k, m, bStrides[bBatch]!, bStrides[bBatch + 1]!);
  const rows = bShape.slice(0, bBatch).every((d) => d === 1)
    ? mergedAxes(aShape, aStrides, 0, aShape.length - 1)
    : null;
  if (rows) {
    // One B for every batch entry, and A's batch and row axes step as one: a single big product.
    const A = matrix(x.storage, x.offset, rows.size, k, rows.stride, aStrides.at(-1)!);
    multiply(A, B, out, 0, m);
    return finish(out, outShape, dtype);
  }
  const aBatchStrides = batchStrides(aShape, aStrides, batch);
  const bBatchStrides = batchStrides(bShape, bStrides, batch);
  const A = matrix(x.storage, x.offset, n, k, aStrides.at(-2)!, aStrides.at(-1)!);
  const counter = new Array<number>(batch.length).fill(0);
  const count = shapeSize(batch);
  let aPos = x.offset;
  let bPos = y.offset;
  for (let t = 0; t < count; t++) {
    A.offset = aPos;
    B.offset = bPos;
    multiply(A, B, out, t * n * m, m);
    // Advance the batch index like an odometer.
    for (let d = batch.length - 1; d >= 0; d--) {
      aPos += aBatchStrides[d]!;
      bPos += bBatchStrides[d]!;
      if (++counter[d]! < batch[d]!) break;
      aPos -= aBatchStrides[d]! * batch[d]!;
      bPos -= bBatchStrides[d]! * batch[d]!;
      counter[d] = 0;
    }
  }
  return finish(out, outShape, dtype);
}

/** The broadcast batch shape of matmul's operands, with numpy's "remapped shapes" error. */
function batchShape(
  x: NDArray,
  y: NDArray,
  aBatch: readonly number[],
  bBatch: readonly number[],
  core: readonly number[],
): number[] {
  const nd = Math.max(aBatch.length, bBatch.length);
  const out: number[] = [];
  for (let d = 0; d < nd; d++) {
    const p = aBatch[d - (nd - aBatch.length)] ?? 1;
    const q = bBatch[d - (nd - bBatch.length)] ?? 1;
    if (p !== q && p !== 1 && q !== 1) {
      const remap = (v: NDArray, batch: readonly number[]): string =>
        `${shapeCompact(v.shape)}->(${[...batch, ...new Array<string>(v.ndim - batch.length).fill('newaxis')].join(',')})`;
      throw new RangeError(
        `operands could not be broadcast together with remapped shapes [original->remapped]: ${remap(x, aBatch)} ${remap(y, bBatch)}  and requested shape ${shapeCompact(core)}`,
      );
    }
    out.push(p === 1 ? q : p);
  }
  return out;
}

/** An operand's strides over the broadcast batch axes (0 where it has length 1 or no axis). */
function batchStrides(
  shape: readonly number[],
  strides: readonly number[],
  batch: readonly number[],
): number[] {
  const lead = batch.length - (shape.length - 2);
  return batch.map((_, d) => (d < lead || shape[d - lead] === 1 ? 0 : strides[d - lead]!));
}

// ==== dot ====

/** numpy's `dot`: scalars multiply, 1-D·1-D is a 0-d inner product, else a's last axis meets b's second-to-last. */
export function dot(a: LinalgInput, b: LinalgInput): NDArray {
  const x = operandArray(a, 'dot');
  const y = operandArray(b, 'dot');
  const dtype = promoteTypes(x.dtype, y.dtype);
  if (x.ndim === 0 || y.ndim === 0) return scale(x, y, dtype);
  const bAxis = Math.max(y.ndim - 2, 0);
  const k = x.shape[x.ndim - 1]!;
  if (y.shape[bAxis] !== k) {
    throw new RangeError(
      `shapes ${shapeCompact(x.shape)} and ${shapeCompact(y.shape)} not aligned: ${k} (dim ${x.ndim - 1}) != ${y.shape[bAxis]} (dim ${bAxis})`,
    );
  }
  if (x.ndim === 2 && y.ndim === 2) return dot2d(x, y, dtype);
  const outShape = [
    ...x.shape.slice(0, -1),
    ...y.shape.slice(0, bAxis),
    ...(y.ndim === 1 ? [] : [y.shape[y.ndim - 1]!]),
  ];
  const out = productBuffer(dtype, shapeSize(outShape));
  if (out.length === 0) return finish(out, outShape, dtype);
  const A = asMatrix(x, x.ndim - 1);
  if (y.ndim <= 2) {
    const B = asMatrix(
      y.ndim === 1 ? new NDArray(y.storage, [k, 1], y.dtype, [y.strides[0]!, 0], y.offset) : y,
      1,
    );
    multiply(A, B, out, 0, B.cols);
    return finish(out, outShape, dtype);
  }
  // out[i, t, j] = sum_p A[i, p] · y[t, p, j]: one product per matrix t of y, into a strided slab of out.
  let yv = y;
  let batch = mergedAxes(y.shape, y.strides, 0, y.ndim - 2);
  if (!batch) {
    yv = new NDArray(y.toFlat(), y.shape, y.dtype);
    batch = mergedAxes(yv.shape, yv.strides, 0, yv.ndim - 2)!;
  }
  const m = y.shape[y.ndim - 1]!;
  const B = matrix(yv.storage, yv.offset, k, m, yv.strides.at(-2)!, yv.strides.at(-1)!);
  for (let t = 0; t < batch.size; t++) {
    B.offset = yv.offset + t * batch.stride;
    multiply(A, B, out, t * m, batch.size * m);
  }
  return finish(out, outShape, dtype);
}

/**
 * `dot` of two 2-D arrays: what the general path computes (rows and columns read in place, an
 * axis of length 1 with stride 0), without its shape lists and copies.
 */
function dot2d(x: NDArray, y: NDArray, dtype: DType): NDArray {
  const [n, k] = x.shape as [number, number];
  const m = y.shape[1]!;
  const xs = x.isContiguous() ? null : x.strides;
  const ys = y.isContiguous() ? null : y.strides;
  const aRow = n <= 1 ? 0 : xs ? xs[0]! : k;
  const aCol = k <= 1 ? 0 : xs ? xs[1]! : 1;
  const bRow = k <= 1 ? 0 : ys ? ys[0]! : m;
  const bCol = m <= 1 ? 0 : ys ? ys[1]! : 1;
  const out = productBuffer(dtype, n * m);
  // prettier-ignore
  gemm(n, m, k, x.storage, x.offset, aRow, aCol, y.storage, y.offset, bRow, bCol, out, 0, m);
  return finish(out, [n, m], dtype);
}

/** The product `dotAddInto` sums from, kept between calls (one per float dtype). */
const scratch = { float32: new Float32Array(0), float64: new Float64Array(0) };

/** `[n, m]` when `out = dot(x, y)` for 2-D float arrays would keep `out`'s shape and dtype. */
function productShape(out: NDArray, x: NDArray, y: NDArray): [number, number] | null {
  const dtype = promoteTypes(x.dtype, y.dtype);
  if (dtype !== out.dtype || (dtype !== 'float32' && dtype !== 'float64')) return null;
  if (x.ndim !== 2 || y.ndim !== 2 || out.ndim !== 2 || !out.isContiguous()) return null;
  const [n, k] = x.shape as [number, number];
  const m = y.shape[1]!;
  if (y.shape[0] !== k || out.shape[0] !== n || out.shape[1] !== m) return null;
  if (out.storage === x.storage || out.storage === y.storage) return null;
  return [n, m];
}

/** `dot2d`'s product of x and y, written into `c` from `offset` (zero-filled first, as a new array is). */
function product2d(x: NDArray, y: NDArray, c: Target, offset: number): void {
  const [n, k] = x.shape as [number, number];
  const m = y.shape[1]!;
  c.fill(0, offset, offset + n * m);
  const xs = x.isContiguous() ? null : x.strides;
  const ys = y.isContiguous() ? null : y.strides;
  // prettier-ignore
  gemm(n, m, k, x.storage, x.offset, n <= 1 ? 0 : xs ? xs[0]! : k, k <= 1 ? 0 : xs ? xs[1]! : 1,
    y.storage, y.offset, k <= 1 ? 0 : ys ? ys[0]! : m, m <= 1 ? 0 : ys ? ys[1]! : 1, c, offset, m);
}

/**
 * `out = dot(x, y)` for 2-D float arrays, into `out`'s storage: the same numbers as a new
 * product. False, with nothing written, when the dtypes or shapes differ or `out` is a view.
 */
export function dotInto(out: NDArray, x: NDArray, y: NDArray): boolean {
  if (productShape(out, x, y) === null) return false;
  product2d(x, y, out.storage as Target, out.offset);
  return true;
}

/**
 * `out += dot(x, y)` for 2-D float arrays, when that writes exactly what `out.add(dot(x, y))`
 * would: the product goes into a buffer kept for the next call, then into `out`, so neither makes
 * a new array. False, with nothing written, when the dtypes or shapes differ or `out` is a view.
 */
export function dotAddInto(out: NDArray, x: NDArray, y: NDArray): boolean {
  const nm = productShape(out, x, y);
  if (nm === null) return false;
  const size = nm[0] * nm[1];
  const dtype = out.dtype as 'float32' | 'float64';
  if (scratch[dtype].length < size) {
    if (dtype === 'float32') scratch.float32 = new Float32Array(size);
    else scratch.float64 = new Float64Array(size);
  }
  const product = scratch[dtype];
  product2d(x, y, product, 0);
  binaryRow('add', out.storage, out.offset, 1, product, 0, 1, out.storage, out.offset, size);
  return true;
}

// ==== tensordot ====

/** numpy's `tensordot`: sums products over `axes` (the last N of a with the first N of b, or two lists). */
export function tensordot(a: LinalgInput, b: LinalgInput, axes: TensordotAxes = 2): NDArray {
  const list = (v: number | readonly number[]): number[] =>
    typeof v === 'number' ? [v] : v.slice();
  const [axesA, axesB] =
    typeof axes === 'number'
      ? [
          Array.from({ length: Math.max(axes, 0) }, (_, i) => i - axes),
          Array.from({ length: Math.max(axes, 0) }, (_, i) => i),
        ]
      : [list(axes[0]), list(axes[1])];
  for (const ax of [axesA, axesB]) {
    if (new Set(ax).size !== ax.length)
      throw new RangeError('duplicate axes are not allowed in tensordot');
  }
  const x = operandArray(a, 'tensordot');
  const y = operandArray(b, 'tensordot');
  if (axesA.length !== axesB.length) throw new RangeError('shape-mismatch for sum');
  for (let i = 0; i < axesA.length; i++) {
    const p = pythonIndex(axesA[i]!, x.ndim);
    const q = pythonIndex(axesB[i]!, y.ndim);
    if (x.shape[p] !== y.shape[q]) throw new RangeError('shape-mismatch for sum');
    axesA[i] = p;
    axesB[i] = q;
  }
  const notinA = x.shape.map((_, d) => d).filter((d) => !axesA.includes(d));
  const notinB = y.shape.map((_, d) => d).filter((d) => !axesB.includes(d));
  const A = asMatrix(permuted(x, [...notinA, ...axesA]), notinA.length);
  const B = asMatrix(permuted(y, [...axesB, ...notinB]), axesB.length);
  const outShape = [...notinA.map((d) => x.shape[d]!), ...notinB.map((d) => y.shape[d]!)];
  const dtype = promoteTypes(x.dtype, y.dtype);
  const out = productBuffer(dtype, shapeSize(outShape));
  multiply(A, B, out, 0, B.cols);
  return finish(out, outShape, dtype);
}

/** Python's tuple indexing: negative counts from the end; out of range is numpy's IndexError. */
function pythonIndex(i: number, length: number): number {
  if (i < -length || i >= length) throw new RangeError('tuple index out of range');
  return i < 0 ? i + length : i;
}

/** A view with its axes in the order `perm` (numpy's `transpose(perm)`). */
function permuted(x: NDArray, perm: readonly number[]): NDArray {
  if (perm.length !== x.ndim || new Set(perm).size !== x.ndim)
    throw new RangeError("axes don't match array");
  return new NDArray(
    x.storage,
    perm.map((d) => x.shape[d]!),
    x.dtype,
    perm.map((d) => x.strides[d]!),
    x.offset,
  );
}
