/**
 * Reductions `sum max min mean argmax` over any axes, with `keepdims`. Sums add in numpy's order
 * so results match to the last bit: along the innermost axis numpy uses pairwise summation (blocks
 * of 8 accumulators, split at 128), across outer axes it adds slab by slab.
 */
import { NDArray, contiguousStrides, fromStorage, shapeSize } from './ndarray.ts';
import type { ReduceOptions } from './ndarray.ts';
import { allocStorage, floatType } from './dtype.ts';
import type { DType, Storage } from './dtype.ts';
import { normalizeAxis } from './shape.ts';
import { binaryRow } from './kernels.ts';
import { coalesce, walkRows } from './iterate.ts';

/** The axis argument as the methods take it: a number, a list, null, or an options object. */
export type AxisArg = number | readonly number[] | ReduceOptions | null | undefined;

/** Splits the flexible `(axis, keepdims)` arguments into sorted axes and a keepdims flag. */
export function parseAxes(
  ndim: number,
  axis: AxisArg,
  keepdims?: boolean,
): { axes: number[]; keepdims: boolean } {
  let keep = keepdims ?? false;
  let ax: number | readonly number[] | null | undefined;
  if (axis !== null && typeof axis === 'object' && !Array.isArray(axis)) {
    const opts = axis as ReduceOptions;
    ax = opts.axis;
    keep = opts.keepdims ?? keep;
  } else ax = axis as number | readonly number[] | null | undefined;
  if (typeof ax === 'number') return { axes: [normalizeAxis(ax, ndim)], keepdims: keep };
  const list = ax === undefined || ax === null ? [...Array(ndim).keys()] : ax;
  const axes = list.map((a) => normalizeAxis(a, ndim));
  if (new Set(axes).size !== axes.length) throw new RangeError('duplicate value in "axis"');
  return { axes: axes.sort((x, y) => x - y), keepdims: keep };
}

function outShapeOf(
  shape: readonly number[],
  axes: readonly number[],
  keepdims: boolean,
): number[] {
  const out: number[] = [];
  shape.forEach((n, d) => {
    if (!axes.includes(d)) out.push(n);
    else if (keepdims) out.push(1);
  });
  return out;
}

/** numpy's pairwise sum of `n` values from `start` with `stride` (float32 rounds every step). */
export function pairwiseSum(
  x: Storage,
  start: number,
  n: number,
  stride: number,
  f32: boolean,
): number {
  if (n < 8) {
    let res = 0;
    if (f32) for (let i = 0; i < n; i++) res = Math.fround(res + x[start + i * stride]!);
    else for (let i = 0; i < n; i++) res += x[start + i * stride]!;
    return res;
  }
  if (n <= 128) {
    let r0 = x[start]!,
      r1 = x[start + stride]!,
      r2 = x[start + 2 * stride]!,
      r3 = x[start + 3 * stride]!;
    let r4 = x[start + 4 * stride]!,
      r5 = x[start + 5 * stride]!,
      r6 = x[start + 6 * stride]!,
      r7 = x[start + 7 * stride]!;
    const whole = n - (n % 8);
    let i = 8;
    if (f32) {
      const f = Math.fround;
      for (; i < whole; i += 8) {
        const p = start + i * stride;
        r0 = f(r0 + x[p]!);
        r1 = f(r1 + x[p + stride]!);
        r2 = f(r2 + x[p + 2 * stride]!);
        r3 = f(r3 + x[p + 3 * stride]!);
        r4 = f(r4 + x[p + 4 * stride]!);
        r5 = f(r5 + x[p + 5 * stride]!);
        r6 = f(r6 + x[p + 6 * stride]!);
        r7 = f(r7 + x[p + 7 * stride]!);
      }
      let res = f(f(f(r0 + r1) + f(r2 + r3)) + f(f(r4 + r5) + f(r6 + r7)));
      for (; i < n; i++) res = f(res + x[start + i * stride]!);
      return res;
    }
    for (; i < whole; i += 8) {
      const p = start + i * stride;
      r0 += x[p]!;
      r1 += x[p + stride]!;
      r2 += x[p + 2 * stride]!;
      r3 += x[p + 3 * stride]!;
      r4 += x[p + 4 * stride]!;
      r5 += x[p + 5 * stride]!;
      r6 += x[p + 6 * stride]!;
      r7 += x[p + 7 * stride]!;
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) res += x[start + i * stride]!;
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  const sum =
    pairwiseSum(x, start, n2, stride, f32) +
    pairwiseSum(x, start + n2 * stride, n - n2, stride, f32);
  return f32 ? Math.fround(sum) : sum;
}

/** What a reduction computes. */
export type ReduceKind = 'sum' | 'max' | 'min';

/**
 * Reduces `a` over `axes` into a new C-contiguous array of `outType` (shape without the axes).
 * When the innermost axis (smallest stride) is reduced, each output element is built from
 * contiguous runs, as numpy's inner loop does; otherwise whole slabs are combined in order.
 */
export function reduceInto(
  kind: ReduceKind,
  a: NDArray,
  axes: readonly number[],
  outType: DType,
): NDArray {
  return reduceContiguous(kind, a, axes, outType) ?? reduceGeneral(kind, a, axes, outType);
}

/**
 * `reduceInto` for a C-contiguous array reduced over one axis or all of them, the reductions of
 * a training step (`sum(1, true)`, `max(1, true)`, `sum(0)`, `sum()`), without the general path's
 * axis plans and row walks; null for anything else. It makes the same choice the general path
 * makes: the reduced axis, when nothing but length-1 axes follow it, is the innermost one, so
 * each output is a pairwise sum (or fold) of one run; otherwise the later axes are, and the
 * slabs along the reduced axis are combined in order. fast-paths.test.ts compares the two.
 */
function reduceContiguous(
  kind: ReduceKind,
  a: NDArray,
  axes: readonly number[],
  outType: DType,
): NDArray | null {
  const nd = a.ndim;
  const size = a.size;
  if (size === 0 || !a.isContiguous()) return null;
  const shape = a.shape;
  let outer = 1;
  let n = size;
  let inner = 1;
  let outShape: readonly number[] = [];
  if (axes.length === 1 && nd > 1) {
    const d = axes[0]!;
    n = shape[d]!;
    for (let i = 0; i < d; i++) outer *= shape[i]!;
    for (let i = d + 1; i < nd; i++) inner *= shape[i]!;
    outShape = shape.filter((_, i) => i !== d);
  } else if (axes.length !== nd) return null;
  if (n <= 1) return null;
  const src = a.storage;
  const base = a.offset;
  const out = allocStorage(outType, outer * inner);
  if (inner === 1) {
    const f32 = outType === 'float32';
    for (let o = 0, start = base; o < outer; o++, start += n) {
      out[o] =
        kind === 'sum'
          ? 0 + pairwiseSum(src, start, n, 1, f32)
          : extremeRun(kind, src, start, n, 1, NaN, true);
    }
  } else {
    const op = kind === 'sum' ? 'add' : kind === 'max' ? 'maximum' : 'minimum';
    for (let o = 0; o < outer; o++) {
      const at = o * inner;
      let q = base + o * n * inner;
      let r = 0;
      if (kind !== 'sum') {
        for (let j = 0; j < inner; j++) out[at + j] = src[q + j]!;
        r = 1;
        q += inner;
      }
      for (; r < n; r++, q += inner) binaryRow(op, out, at, 1, src, q, 1, out, at, inner);
    }
  }
  return fromStorage(out, Object.freeze(outShape), outType);
}

/** The general path of `reduceInto`, for any strides and axes; exported so tests can compare the paths. */
export function reduceGeneral(
  kind: ReduceKind,
  a: NDArray,
  axes: readonly number[],
  outType: DType,
): NDArray {
  const kept = [...a.shape.keys()].filter((d) => !axes.includes(d));
  const outShape = kept.map((d) => a.shape[d]!);
  const outSize = shapeSize(outShape);
  const out = allocStorage(outType, outSize);
  const result = new NDArray(out, outShape, outType);
  const redShape = axes.map((d) => a.shape[d]!);
  const count = shapeSize(redShape);
  if (count === 0) {
    if (kind !== 'sum')
      throw new RangeError(
        `zero-size array to reduction operation ${kind}imum which has no identity`,
      );
    return result;
  }
  if (outSize === 0) return result;
  // numpy iterates in memory order: order the reduced axes by decreasing stride.
  const red = axes.slice().sort((x, y) => Math.abs(a.strides[y]!) - Math.abs(a.strides[x]!));
  const innermost = [...a.shape.keys()]
    .filter((d) => a.shape[d]! > 1)
    .sort((x, y) => Math.abs(a.strides[x]!) - Math.abs(a.strides[y]!))[0];
  const src = a.storage;
  const f32 = outType === 'float32';
  const redPlan = coalesce(
    red.map((d) => a.shape[d]!),
    [red.map((d) => a.strides[d]!)],
  );
  const keptPlan = coalesce(outShape, [
    kept.map((d) => a.strides[d]!),
    contiguousStrides(outShape),
  ]);
  if (innermost === undefined || axes.includes(innermost)) {
    // Each output element from runs along the innermost reduced axis.
    const last = redPlan.shape.length - 1;
    const run = redPlan.shape[last]!;
    const runStride = redPlan.strides[0]![last]!;
    const outerPlan = {
      shape: redPlan.shape.slice(0, last).concat([1]),
      strides: [redPlan.strides[0]!.slice(0, last).concat([0])],
    };
    const ks = keptPlan.strides[0]![keptPlan.shape.length - 1]!;
    const single = outerPlan.shape.length === 1;
    walkRows(keptPlan, [a.offset, 0], (pos, n) => {
      for (let k = 0; k < n; k++) {
        const start = pos[0]! + k * ks;
        let acc: number;
        if (single) {
          // The common case (one run per output, e.g. the last axis): no inner walk.
          acc =
            kind === 'sum'
              ? 0 + pairwiseSum(src, start, run, runStride, f32)
              : extremeRun(kind, src, start, run, runStride, NaN, true);
        } else {
          acc = kind === 'sum' ? 0 : NaN;
          let first = kind !== 'sum';
          walkRows(outerPlan, [start], (p) => {
            if (kind === 'sum') {
              const s = pairwiseSum(src, p[0]!, run, runStride, f32);
              acc = f32 ? Math.fround(acc + s) : acc + s;
            } else {
              acc = extremeRun(kind, src, p[0]!, run, runStride, acc, first);
              first = false;
            }
          });
        }
        out[pos[1]! + k] = acc;
      }
    });
    return result;
  }
  // Combine whole slabs: out (op)= a[r] for each reduced index r in order.
  const redStride = redPlan.strides[0]!;
  const redCounter = new Array<number>(redPlan.shape.length).fill(0);
  const op = kind === 'sum' ? 'add' : kind === 'max' ? 'maximum' : 'minimum';
  const sa = keptPlan.strides[0]![keptPlan.shape.length - 1]!;
  let base = a.offset;
  for (let r = 0; r < count; r++) {
    const firstSlab = r === 0 && kind !== 'sum';
    walkRows(keptPlan, [base, 0], (pos, n) => {
      if (firstSlab) for (let k = 0, q = pos[0]!; k < n; k++, q += sa) out[pos[1]! + k] = src[q]!;
      else binaryRow(op, out, pos[1]!, 1, src, pos[0]!, sa, out, pos[1]!, n);
    });
    for (let d = redCounter.length - 1; d >= 0; d--) {
      base += redStride[d]!;
      if (++redCounter[d]! < redPlan.shape[d]!) break;
      base -= redStride[d]! * redPlan.shape[d]!;
      redCounter[d] = 0;
    }
  }
  return result;
}

/** maximum/minimum of a run folded into `acc` (numpy's rules: nan wins, ties take the newer value). */
function extremeRun(
  kind: ReduceKind,
  x: Storage,
  start: number,
  n: number,
  stride: number,
  acc: number,
  fresh: boolean,
): number {
  let i = 0;
  let q = start;
  if (fresh) {
    acc = x[q]!;
    i = 1;
    q += stride;
  }
  if (kind === 'max') {
    for (; i < n; i++, q += stride) {
      const v = x[q]!;
      if (!(acc > v || acc !== acc)) acc = v;
    }
  } else {
    for (; i < n; i++, q += stride) {
      const v = x[q]!;
      if (!(acc < v || acc !== acc)) acc = v;
    }
  }
  return acc;
}

function finish(
  r: NDArray,
  shape: readonly number[],
  axes: readonly number[],
  keepdims: boolean,
): NDArray {
  if (!keepdims) return r;
  const kept = Object.freeze(outShapeOf(shape, axes, true));
  // A fresh result (all of its storage, from 0) is wrapped as is; anything else is copied by the constructor.
  return r.offset === 0 && r.storage.length === r.size
    ? fromStorage(r.storage, kept, r.dtype)
    : new NDArray(r.storage, kept, r.dtype, undefined, r.offset);
}

/** Sum over axes (all by default); bool, uint8 and int64 sum to int64. */
export function sum(a: NDArray, axis?: AxisArg, keepdims?: boolean): NDArray {
  const p = parseAxes(a.ndim, axis, keepdims);
  // NOTE: numpy sums bool and uint8 in its widest integer type (uint8 in uint64; int64 holds the same values).
  const t: DType = a.dtype === 'bool' || a.dtype === 'uint8' ? 'int64' : a.dtype;
  return finish(reduceInto('sum', a, p.axes, t), a.shape, p.axes, p.keepdims);
}

/** Maximum over axes; nan propagates. */
export function max(a: NDArray, axis?: AxisArg, keepdims?: boolean): NDArray {
  const p = parseAxes(a.ndim, axis, keepdims);
  return finish(reduceInto('max', a, p.axes, a.dtype), a.shape, p.axes, p.keepdims);
}

/** Minimum over axes; nan propagates. */
export function min(a: NDArray, axis?: AxisArg, keepdims?: boolean): NDArray {
  const p = parseAxes(a.ndim, axis, keepdims);
  return finish(reduceInto('min', a, p.axes, a.dtype), a.shape, p.axes, p.keepdims);
}

/** Mean over axes: the sum divided by the count (ints and bools average in float64). */
export function mean(a: NDArray, axis?: AxisArg, keepdims?: boolean): NDArray {
  const p = parseAxes(a.ndim, axis, keepdims);
  const t = floatType(a.dtype);
  const s = reduceInto('sum', a.dtype === t ? a : a.astype(t), p.axes, t);
  const count = shapeSize(p.axes.map((d) => a.shape[d]!));
  const out = s.storage;
  for (let i = 0; i < out.length; i++) out[i] = out[i]! / count;
  return finish(s, a.shape, p.axes, p.keepdims);
}

/** Index of the first maximum along `axis` (of the flattened array when none), int64. */
export function argmax(
  a: NDArray,
  axis?: number | ReduceOptions | null,
  keepdims?: boolean,
): NDArray {
  return argBest(a, axis, keepdims, true);
}

/** Index of the first minimum along `axis` (of the flattened array when none), int64. */
export function argmin(
  a: NDArray,
  axis?: number | ReduceOptions | null,
  keepdims?: boolean,
): NDArray {
  return argBest(a, axis, keepdims, false);
}

function argBest(
  a: NDArray,
  axis: number | ReduceOptions | null | undefined,
  keepdims: boolean | undefined,
  isMax: boolean,
): NDArray {
  const opts: ReduceOptions = axis !== null && typeof axis === 'object' ? axis : { axis };
  const keep = opts.keepdims ?? keepdims ?? false;
  if (opts.axis === undefined || opts.axis === null) {
    const flat = a.isContiguous() ? a : a.copy();
    const r = argRow(flat.storage, flat.offset, a.size, 1, isMax);
    const shape = keep ? a.shape.map(() => 1) : [];
    return new NDArray(new Float64Array([r]), shape, 'int64');
  }
  if (typeof opts.axis !== 'number') throw new TypeError('argmax takes one axis');
  const ax = normalizeAxis(opts.axis, a.ndim);
  const n = a.shape[ax]!;
  if (n === 0) throw new RangeError('attempt to get argmax of an empty sequence');
  const kept = [...a.shape.keys()].filter((d) => d !== ax);
  const outShape = kept.map((d) => a.shape[d]!);
  const out = new Float64Array(shapeSize(outShape));
  const stride = a.strides[ax]!;
  const plan = coalesce(outShape, [kept.map((d) => a.strides[d]!), contiguousStrides(outShape)]);
  const ks = plan.strides[0]![plan.shape.length - 1]!;
  if (out.length > 0) {
    walkRows(plan, [a.offset, 0], (pos, m) => {
      for (let k = 0; k < m; k++)
        out[pos[1]! + k] = argRow(a.storage, pos[0]! + k * ks, n, stride, isMax);
    });
  }
  const shape = keep ? a.shape.map((s, d) => (d === ax ? 1 : s)) : outShape;
  return new NDArray(out, shape, 'int64');
}

function argRow(x: Storage, start: number, n: number, stride: number, isMax: boolean): number {
  if (n === 0) throw new RangeError('attempt to get argmax of an empty sequence');
  let best = x[start]!;
  let at = 0;
  if (best !== best) return 0;
  for (let i = 1, q = start + stride; i < n; i++, q += stride) {
    const v = x[q]!;
    if (v !== v) return i;
    if (isMax ? v > best : v < best) {
      best = v;
      at = i;
    }
  }
  return at;
}
