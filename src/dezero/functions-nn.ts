/**
 * The functions of `F` for classification (the book's steps 47–50): `getItem` (slices and
 * integer-array indexing, with backward through `np.add.at`), `clip`, `relu`, `softmax`,
 * `logSoftmax`, `softmaxCrossEntropy` and `accuracy`. `f.ts` puts them in `F` beside
 * `functions.ts`. Indexes are written as `NDArray.get` takes them: a number, a slice string in
 * Python's syntax (`':'`, `'1:3'`, `'::-1'`), `'...'`, `null`, or an int array.
 */
import { NDArray, fromStorage } from './np/ndarray.ts';
import type { Index } from './np/indexing.ts';
import { allocStorage } from './np/dtype.ts';
import type { Storage } from './np/dtype.ts';
import { libmExp } from './np/libm-exp.ts';
import { expF32 } from './np/libm-f32.ts';
import { libmLog } from './np/libm-log.ts';
import { pairwiseSum } from './np/reduce.ts';
import { addAt } from './np/indexing.ts';
import { arange, eye, zeros } from './np/create.ts';
import * as np from './np/elementwise.ts';
import { Function, Variable, asArray, asVariable } from './core.ts';
import type { VariableLike } from './core.ts';
import { exp, log } from './functions.ts';

// ==== Tensor operations: getItem ====

/** An index as `getItem` takes it: one entry, or a list of entries (Python's tuple `x[1, :]`). */
export type Slices = Index | readonly Index[];

/** The index as a list of entries; a JS list is the tuple, as in `np.add.at` (see indexing.ts). */
function entries(slices: Slices): readonly Index[] {
  return Array.isArray(slices) ? (slices as readonly Index[]) : [slices as Index];
}

/** y = x[slices]; gx = zeros with gy added back at the same positions (`GetItemGrad`). */
export class GetItem extends Function {
  readonly slices: Slices;
  constructor(slices: Slices) {
    super();
    this.slices = slices;
  }
  override forward(x: NDArray): NDArray {
    return x.get(...entries(this.slices));
  }
  override backward(gy: Variable): Variable {
    const x = this.inputs[0]!;
    return new GetItemGrad(this.slices, x.shape).call(gy);
  }
  override backwardArrays(gy: NDArray): NDArray {
    return scatterAdd(gy, this.slices, this.inputs[0]!.shape);
  }
}

/** gx = zeros(inShape) with `np.add.at(gx, slices, gy)`: repeated positions add up; backward is getItem again. */
export class GetItemGrad extends Function {
  readonly slices: Slices;
  readonly inShape: readonly number[];
  constructor(slices: Slices, inShape: readonly number[]) {
    super();
    this.slices = slices;
    this.inShape = inShape;
  }
  override forward(gy: NDArray): NDArray {
    return scatterAdd(gy, this.slices, this.inShape);
  }
  override backward(ggx: Variable): Variable {
    return getItem(ggx, this.slices);
  }
  override backwardArrays(ggx: NDArray): NDArray {
    return ggx.get(...entries(this.slices));
  }
}

/** Zeros of `inShape` with `gy` added at `slices` (`np.add.at`): GetItem's gradient. */
function scatterAdd(gy: NDArray, slices: Slices, inShape: readonly number[]): NDArray {
  const gx = zeros(inShape, { dtype: gy.dtype });
  addAt(gx, entries(slices), gy);
  return gx;
}

/**
 * Python's `x[slices]` with backward: `F.getItem(x, 1)` is `x[1]`, `F.getItem(x, [':', 2])` is
 * `x[:, 2]`, `F.getItem(x, np.array([0, 0, 1]))` (or `[[0, 0, 1]]`) is `x[[0, 0, 1]]`.
 */
export function getItem(x: VariableLike, slices: Slices): Variable {
  return new GetItem(slices).call(x);
}

// ==== clip ====

/** y = x clipped to [xMin, xMax]; gx = gy where x was inside (ends included), else 0. */
export class Clip extends Function {
  readonly xMin: number;
  readonly xMax: number;
  constructor(xMin: number, xMax: number) {
    super();
    this.xMin = xMin;
    this.xMax = xMax;
  }
  override forward(x: NDArray): NDArray {
    return np.clip(x, this.xMin, this.xMax);
  }
  override backward(gy: Variable): Variable {
    const x = this.inputs[0]!.data;
    const mask = x.ge(this.xMin).mul(x.le(this.xMax));
    return gy.mul(mask);
  }
  override backwardArrays(gy: NDArray): NDArray {
    const x = this.inputs[0]!.data;
    return gy.mul(x.ge(this.xMin).mul(x.le(this.xMax)));
  }
}

/** `x` clipped to [xMin, xMax]. */
export function clip(x: VariableLike, xMin: number, xMax: number): Variable {
  return new Clip(xMin, xMax).call(x);
}

// ==== Activation functions: relu / softmax / logSoftmax ====

/** y = max(x, 0); gx = gy where x > 0, else 0. */
export class ReLU extends Function {
  override forward(x: NDArray): NDArray {
    return np.maximum(x, 0);
  }
  override backward(gy: Variable): Variable {
    return gy.mul(this.inputs[0]!.data.gt(0));
  }
  override backwardArrays(gy: NDArray): NDArray {
    return gy.mul(this.inputs[0]!.data.gt(0));
  }
}

/** The rectified linear unit max(x, 0). */
export function relu(x: VariableLike): Variable {
  return new ReLU().call(x);
}

/** The softmax written with the operators (the book's `softmax_simple`): exp(x) / Σ exp(x) over `axis`. */
export function softmaxSimple(x: VariableLike, axis = 1): Variable {
  const y = exp(x);
  return y.div(y.sum(axis, true));
}

/** y = exp(x − max) / Σ exp(x − max) over `axis`; gx = y·gy − y·Σ(y·gy). */
export class Softmax extends Function {
  readonly axis: number;
  constructor(axis = 1) {
    super();
    this.axis = axis;
  }
  override forward(x: NDArray): NDArray {
    return softmaxForward(x, this.axis);
  }
  override backward(gy: Variable): Variable {
    const y = this.outputs[0]!;
    const gx = y.mul(gy);
    const sumdx = gx.sum(this.axis, true);
    return gx.sub(y.mul(sumdx));
  }
  override backwardArrays(gy: NDArray): NDArray {
    const y = this.outputs[0]!.data;
    const gx = y.mul(gy);
    const sumdx = gx.sum(this.axis, true);
    return gx.sub(y.mul(sumdx));
  }
}

/** Softmax's forward: by rows in one pass where it can, else operation by operation. */
function softmaxForward(x: NDArray, axis: number): NDArray {
  return rowsOf(x, axis) ? softmaxRows(x) : softmaxComposed(x, axis);
}

/** Softmax over `axis` (each row sums to 1 by default), as one Function. */
export function softmax(x: VariableLike, axis = 1): Variable {
  return new Softmax(axis).call(x);
}

/** log Σ exp(x) over `axis`, kept as a length-1 axis, computed as max + log Σ exp(x − max). */
export function logsumexp(x: NDArray, axis = 1): NDArray {
  return rowsOf(x, axis) ? logsumexpRows(x) : logsumexpComposed(x, axis);
}

/** `logsumexp` operation by operation: the reference for `logsumexpRows`. */
export function logsumexpComposed(x: NDArray, axis = 1): NDArray {
  const m = x.max(axis, true);
  const s = np.exp(x.sub(m)).sum(axis, true);
  return m.add(np.log(s));
}

/** Softmax's forward operation by operation: the reference for `softmaxRows`. */
export function softmaxComposed(x: NDArray, axis = 1): NDArray {
  const y = np.exp(x.sub(x.max(axis, true)));
  return y.div(y.sum(axis, true));
}

// ==== One-pass row kernels: softmax and logsumexp over the last axis of a 2-D array ====
// The scores of a classifier, (batch, classes), one row at a time instead of five or six whole
// array operations. Each step rounds where the composed operations round (a float32 value is
// rounded when stored), sums are numpy's pairwise sums, and the maximum follows numpy's rules, so
// the results are the composed ones bit for bit (functions-classify.test.ts compares them).

/** True for a contiguous 2-D float array reduced over its last axis: where the row kernels apply. */
function rowsOf(x: NDArray, axis: number): boolean {
  return (
    x.ndim === 2 &&
    (axis === 1 || axis === -1) &&
    x.shape[1]! > 1 &&
    (x.dtype === 'float32' || x.dtype === 'float64') &&
    x.isContiguous()
  );
}

/** The maximum of a row, as numpy's: nan wins, else the largest. */
function rowMax(src: Storage, start: number, n: number): number {
  let acc = src[start]!;
  for (let i = 1; i < n; i++) {
    const v = src[start + i]!;
    if (!(acc > v || acc !== acc)) acc = v;
  }
  return acc;
}

/** exp(x − m) of one row of `src` into `out` from `at` (rounded there, as np.exp stores it). */
function expShifted(
  src: Storage,
  start: number,
  n: number,
  m: number,
  out: Storage,
  at: number,
  f32: boolean,
): void {
  if (f32) for (let j = 0; j < n; j++) out[at + j] = expF32(Math.fround(src[start + j]! - m));
  else for (let j = 0; j < n; j++) out[at + j] = libmExp(src[start + j]! - m);
}

function softmaxRows(x: NDArray): NDArray {
  const [rows, n] = x.shape as [number, number];
  const f32 = x.dtype === 'float32';
  const out = allocStorage(x.dtype, rows * n);
  const src = x.storage;
  for (let r = 0, start = x.offset, at = 0; r < rows; r++, start += n, at += n) {
    expShifted(src, start, n, rowMax(src, start, n), out, at, f32);
    const s = 0 + pairwiseSum(out, at, n, 1, f32);
    for (let j = 0; j < n; j++) out[at + j] = out[at + j]! / s;
  }
  return fromStorage(out, x.shape, x.dtype);
}

function logsumexpRows(x: NDArray): NDArray {
  const [rows, n] = x.shape as [number, number];
  const f32 = x.dtype === 'float32';
  const round = f32 ? Math.fround : (v: number): number => v;
  const out = allocStorage(x.dtype, rows);
  const e = allocStorage(x.dtype, n);
  const src = x.storage;
  for (let r = 0, start = x.offset; r < rows; r++, start += n) {
    const m = rowMax(src, start, n);
    expShifted(src, start, n, m, e, 0, f32);
    const s = 0 + pairwiseSum(e, 0, n, 1, f32);
    out[r] = m + round(libmLog(s));
  }
  return fromStorage(out, Object.freeze([rows, 1]), x.dtype);
}

/** y = x − logsumexp(x); gx = gy − exp(y)·Σ gy. */
export class LogSoftmax extends Function {
  readonly axis: number;
  constructor(axis = 1) {
    super();
    this.axis = axis;
  }
  override forward(x: NDArray): NDArray {
    return x.sub(logsumexp(x, this.axis));
  }
  override backward(gy: Variable): Variable {
    const y = this.outputs[0]!;
    return gy.sub(exp(y).mul(gy.sum(this.axis, true)));
  }
  override backwardArrays(gy: NDArray): NDArray {
    const y = this.outputs[0]!.data;
    return gy.sub(np.exp(y).mul(gy.sum(this.axis, true)));
  }
}

/** log(softmax(x)) over `axis`, without overflow, as one Function. */
export function logSoftmax(x: VariableLike, axis = 1): Variable {
  return new LogSoftmax(axis).call(x);
}

// ==== Loss functions: softmaxCrossEntropy ====

/** Class labels as an int64 index array: int64 as is, float arrays of whole numbers cast (JS has no int literal). */
function labels(t: NDArray): NDArray {
  if (t.dtype === 'int64') return t;
  for (const v of t.toFlat())
    if (!Number.isInteger(v)) throw new TypeError(`class labels must be integers, got ${v}`);
  return t.astype('int64');
}

/** The same loss written with the operators (the book's `softmax_cross_entropy_simple`, step 47). */
export function softmaxCrossEntropySimple(x: VariableLike, t: VariableLike): Variable {
  const xv = asVariable(x);
  const tv = asVariable(t);
  const N = xv.shape[0]!;
  const p = clip(softmax(xv), 1e-15, 1.0); // NOTE: clipped so that log never sees 0
  const tlogP = getItem(log(p), [arange(N), labels(tv.data)]);
  return tlogP.sum().mul(-1).div(N);
}

/**
 * The mean over the batch of −log softmax(x)[t]: x is (N, classes) scores, t N integer labels.
 * Forward via logsumexp; gx = (softmax(x) − onehot(t)) · gy / N. t gets no gradient.
 */
export class SoftmaxCrossEntropy extends Function {
  override forward(x: NDArray, t: NDArray): NDArray {
    const N = x.shape[0]!;
    const logP = x.sub(logsumexp(x, 1));
    const picked = logP.get(arange(N), labels(t).ravel());
    return picked.sum().neg().div(N);
  }
  // NOTE: 1/N is a weak Python float here, so gx keeps the dtype of softmax(x) - onehot: float32
  // for float32 scores and uint8 labels (MNIST), as DeZero's `gy *= 1/N` gives under numpy 1.24,
  // the book's era; numpy 2 would make that 0-d float64 strong and every gradient float64 (and
  // matmuls twice as slow). int64 labels give float64 either way, with the same bits as before.
  override backward(gy: Variable): Variable[] {
    const [x, t] = this.inputs as [Variable, Variable];
    const [N, classes] = x.shape as [number, number];
    const onehot = eye(classes, null, { dtype: t.dtype }).get(labels(t.data));
    const gx = softmax(x)
      .sub(onehot)
      .mul(gy)
      .mul(1 / N);
    return [gx, new Variable(zeros(t.shape, { dtype: t.dtype }))];
  }
  override backwardArrays(gy: NDArray): NDArray[] {
    const [x, t] = this.inputs as [Variable, Variable];
    const [N, classes] = x.shape as [number, number];
    const onehot = eye(classes, null, { dtype: t.dtype }).get(labels(t.data));
    const gx = softmaxForward(x.data, 1)
      .sub(onehot)
      .mul(gy)
      .mul(1 / N);
    return [gx, zeros(t.shape, { dtype: t.dtype })];
  }
}

/** The softmax cross-entropy loss of scores `x` (N, classes) against integer labels `t` (N), as one Function. */
export function softmaxCrossEntropy(x: VariableLike, t: VariableLike): Variable {
  return new SoftmaxCrossEntropy().call(x, t);
}

// ==== Evaluation: accuracy ====

/** The fraction of rows of `y` whose largest score is at the label `t`: a Variable, not differentiable (as DeZero's). */
export function accuracy(y: VariableLike, t: VariableLike): Variable {
  const yv = asVariable(y);
  const tv = asVariable(t);
  const pred = yv.data.argmax(1).reshape(tv.shape);
  return new Variable(asArray(pred.eq(tv.data).mean()));
}
