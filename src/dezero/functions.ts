/**
 * `F`, the functions of `dezero` (the book's `functions.py`): one class per operation with its
 * forward (on arrays) and backward (on Variables, so `createGraph` can differentiate it again)
 * side by side, and a lowercase function that applies it: `F.sin(x)`. Backward formulas use
 * Variable's methods (`gy.mul(y)`), which `variable-methods.ts` binds when `dezero` loads.
 */
import { NDArray, fromStorage } from './np/ndarray.ts';
import { allocStorage, promoteTypes } from './np/dtype.ts';
import { ones } from './np/create.ts';
import { libmTanh } from './np/libm-tanh.ts';
import { tanhToF32 } from './np/libm-f32.ts';
import { parseAxes } from './np/reduce.ts';
import type { AxisArg } from './np/reduce.ts';
import { dot, dotAddInto, dotInto } from './np/linalg.ts';
import * as np from './np/elementwise.ts';
import { Function, Variable, asVariable, handOver, ownedGradient, spareGradient } from './core.ts';
import type { VariableLike } from './core.ts';
import { broadcastArray, broadcastTo, constant, sumTo, sumToArray } from './operators.ts';
import { sameShape } from './checks.ts';

export { SumTo, BroadcastTo, sumTo, broadcastTo } from './operators.ts';

// ==== Basic functions: square / exp / log ====

/** y = x²; gx = 2x · gy. */
export class Square extends Function {
  override forward(x: NDArray): NDArray {
    return np.square(x);
  }
  override backward(gy: Variable): Variable {
    const x = this.inputs[0]!;
    return x.mul(2).mul(gy);
  }
  override backwardArrays(gy: NDArray): NDArray {
    return this.inputs[0]!.data.mul(constant(2)).mul(gy);
  }
}

/** y = eˣ; gx = y · gy (the output is its own derivative). */
export class Exp extends Function {
  override forward(x: NDArray): NDArray {
    return np.exp(x);
  }
  override backward(gy: Variable): Variable {
    const y = this.outputs[0]!;
    return gy.mul(y);
  }
  override backwardArrays(gy: NDArray): NDArray {
    return gy.mul(this.outputs[0]!.data);
  }
}

/** y = ln x; gx = gy / x. */
export class Log extends Function {
  override forward(x: NDArray): NDArray {
    return np.log(x);
  }
  override backward(gy: Variable): Variable {
    const x = this.inputs[0]!;
    return gy.div(x);
  }
  override backwardArrays(gy: NDArray): NDArray {
    return gy.div(this.inputs[0]!.data);
  }
}

/** x². */
export function square(x: VariableLike): Variable {
  return new Square().call(x);
}
/** eˣ. */
export function exp(x: VariableLike): Variable {
  return new Exp().call(x);
}
/** Natural logarithm. */
export function log(x: VariableLike): Variable {
  return new Log().call(x);
}

// ==== Basic functions: sin / cos / tanh ====

/** y = sin x; gx = gy · cos x. */
export class Sin extends Function {
  override forward(x: NDArray): NDArray {
    return np.sin(x);
  }
  override backward(gy: Variable): Variable {
    const x = this.inputs[0]!;
    return gy.mul(cos(x));
  }
  override backwardArrays(gy: NDArray): NDArray {
    return gy.mul(np.cos(this.inputs[0]!.data));
  }
}

/** y = cos x; gx = gy · (−sin x). */
export class Cos extends Function {
  override forward(x: NDArray): NDArray {
    return np.cos(x);
  }
  override backward(gy: Variable): Variable {
    const x = this.inputs[0]!;
    return gy.mul(sin(x).neg());
  }
  override backwardArrays(gy: NDArray): NDArray {
    return gy.mul(np.sin(this.inputs[0]!.data).neg());
  }
}

/** y = tanh x; gx = gy · (1 − y²). */
export class Tanh extends Function {
  override forward(x: NDArray): NDArray {
    return np.tanh(x);
  }
  override backward(gy: Variable): Variable {
    const y = this.outputs[0]!;
    return gy.mul(y.mul(y).rsub(1));
  }
  override backwardArrays(gy: NDArray): NDArray {
    const y = this.outputs[0]!.data;
    return gy.mul(constant(1).sub(y.mul(y)));
  }
}

/** Sine. */
export function sin(x: VariableLike): Variable {
  return new Sin().call(x);
}
/** Cosine. */
export function cos(x: VariableLike): Variable {
  return new Cos().call(x);
}
/** Hyperbolic tangent. */
export function tanh(x: VariableLike): Variable {
  return new Tanh().call(x);
}

// ==== Tensor operations: reshape / transpose ====

/** The same values in a new shape; backward reshapes the gradient back. */
export class Reshape extends Function {
  readonly shape: readonly number[];
  private xShape: readonly number[] = [];
  constructor(shape: readonly number[]) {
    super();
    this.shape = shape;
  }
  override forward(x: NDArray): NDArray {
    this.xShape = x.shape;
    return x.reshape(this.shape);
  }
  override backward(gy: Variable): Variable {
    return reshape(gy, this.xShape);
  }
  override backwardArrays(gy: NDArray): NDArray {
    return reshapeArray(gy, this.xShape);
  }
}

/** Permuted axes (reversed when none are given); backward applies the inverse permutation. */
export class Transpose extends Function {
  readonly axes: readonly number[] | null;
  constructor(axes: readonly number[] | null = null) {
    super();
    this.axes = axes;
  }
  override forward(x: NDArray): NDArray {
    return this.axes === null ? x.transpose() : x.transpose(this.axes);
  }
  override backward(gy: Variable): Variable {
    return this.axes === null ? transpose(gy) : transpose(gy, this.inverse());
  }
  override backwardArrays(gy: NDArray): NDArray {
    return this.axes === null ? gy.transpose() : gy.transpose(this.inverse());
  }
  /** The permutation that undoes `axes`. */
  private inverse(): number[] {
    const axes = this.axes!;
    const n = axes.length;
    const inverse = new Array<number>(n);
    axes.forEach((axis, i) => (inverse[((axis % n) + n) % n] = i));
    return inverse;
  }
}

/** `x` in a new shape (one entry may be -1); the variable itself when the shape is unchanged. */
export function reshape(x: VariableLike, shape: number | readonly number[]): Variable {
  const v = asVariable(x);
  const target = typeof shape === 'number' ? [shape] : shape;
  return sameShape(v.shape, target) ? v : new Reshape(target).call(v);
}

/** `reshape` on an array, for `backwardArrays`: the array itself when the shape is unchanged. */
function reshapeArray(x: NDArray, shape: readonly number[]): NDArray {
  return sameShape(x.shape, shape) ? x : x.reshape(shape);
}

/** `x` with its axes permuted (reversed when `axes` is omitted). */
export function transpose(x: VariableLike, axes: readonly number[] | null = null): Variable {
  return new Transpose(axes).call(x);
}

// ==== sum / sumTo / broadcastTo / matmul / linear ====

/** Sum over axes (all by default); backward spreads the gradient back over the summed axes. */
export class Sum extends Function {
  readonly axis: AxisArg;
  readonly keepdims: boolean;
  private xShape: readonly number[] = [];
  constructor(axis: AxisArg = null, keepdims = false) {
    super();
    this.axis = axis;
    this.keepdims = keepdims;
  }
  override forward(x: NDArray): NDArray {
    this.xShape = x.shape;
    return x.sum(this.axis, this.keepdims);
  }
  override backward(gy: Variable): Variable {
    // Put back the summed axes as length 1 (unless keepdims kept them), then broadcast.
    return broadcastTo(reshape(gy, this.keptShape(gy.shape)), this.xShape);
  }
  override backwardArrays(gy: NDArray): NDArray {
    return broadcastArray(reshapeArray(gy, this.keptShape(gy.shape)), this.xShape);
  }
  /** The gradient's shape with the summed axes put back as length 1. */
  private keptShape(gyShape: readonly number[]): readonly number[] {
    const { axes, keepdims } = parseAxes(this.xShape.length, this.axis, this.keepdims);
    return keepdims ? gyShape : this.xShape.map((n, d) => (axes.includes(d) ? 1 : n));
  }
}

/** Sum over `axis` (all when omitted; a number, a list, negative from the end); `keepdims` keeps summed axes as 1. */
export function sum(x: VariableLike, axis: AxisArg = null, keepdims = false): Variable {
  return new Sum(axis, keepdims).call(x);
}

/** y = x·W (numpy's `dot`); gx = gy·Wᵀ, gW = xᵀ·gy. */
export class MatMul extends Function {
  override forward(x: NDArray, W: NDArray): NDArray {
    return dot(x, W);
  }
  override backward(gy: Variable): Variable[] {
    const [x, W] = this.inputs as [Variable, Variable];
    return [matmul(gy, W.T), matmul(x.T, gy)];
  }
  override backwardArrays(gy: NDArray): NDArray[] {
    const [x, W] = this.inputs as [Variable, Variable];
    return [dot(gy, W.data.transpose()), dot(x.data.transpose(), gy)];
  }
}

/**
 * y = x·W + b in one Function (b optional). The product x·W is never a Variable of its own, so no
 * graph keeps it alive: the memory the book's `linear_simple` frees with `t.data = None`. Backward
 * needs only the inputs: gx = gy·Wᵀ, gW = xᵀ·gy, gb = gy summed to b's shape.
 */
export class Linear extends Function {
  /**
   * x came in as an array, not a Variable (a mini-batch from a DataLoader): the Variable that
   * wraps it is the call's own, so no program can read its gradient, and a pass that records no
   * graph skips gy·Wᵀ (a third of an MNIST step's products).
   */
  xIsArray = false;
  override forward(x: NDArray, W: NDArray, b?: NDArray): NDArray {
    const y = dot(x, W);
    if (b === undefined) return y;
    // The book's `y += b`: into the new product, when the sum keeps its dtype; no second array.
    return np.commonType(y, b) === y.dtype && np.binaryInPlace('add', y, b) ? y : y.add(b);
  }
  override backward(gy: Variable): Variable[] {
    const [x, W, b] = this.inputs as [Variable, Variable, Variable | undefined];
    const gx = matmul(gy, W.T);
    const gW = matmul(x.T, gy);
    return b === undefined ? [gx, gW] : [gx, gW, sumTo(gy, b.shape)];
  }
  override backwardArrays(gy: NDArray): (NDArray | null)[] {
    const [x, W, b] = this.inputs as [Variable, Variable, Variable | undefined];
    const gx = this.xIsArray ? null : dot(gy, W.data.transpose());
    const xT = x.data.transpose();
    // NOTE: a weight used at many steps (an RNN's) has a gradient this pass summed already: xᵀ·gy
    // goes straight into it (null: nothing left to add). Else it is new, written into the array
    // of the gradient cleargrads forgot when there is one, and handed to the pass as the
    // weight's own. Either way no new array for each step.
    const summed = ownedGradient(this, 1);
    let gW: NDArray | null = null;
    if (summed === null || !dotAddInto(summed, xT, gy)) {
      const shape = [xT.shape[0]!, gy.shape[gy.ndim - 1]!];
      const spare = spareGradient(this, 1, shape, promoteTypes(xT.dtype, gy.dtype));
      gW = handOver(spare !== null && dotInto(spare, xT, gy) ? spare : dot(xT, gy));
    }
    return b === undefined ? [gx, gW] : [gx, gW, sumToArray(gy, b.shape)];
  }
}

/** The matrix product x·W (numpy's `dot`), as DeZero's `F.matmul`. */
export function matmul(x: VariableLike, W: VariableLike): Variable {
  return new MatMul().call(x, W);
}

/** x·W + b (b omitted or null: x·W), as one Function; see `Linear`. */
export function linear(x: VariableLike, W: VariableLike, b: VariableLike | null = null): Variable {
  const f = new Linear();
  f.xIsArray = !(x instanceof Variable);
  return b === null ? f.call(x, W) : f.call(x, W, b);
}

/**
 * x·W + b from two Functions (the book's `linear_simple`): once the sum is taken, the product's
 * data is released (`t.data = null`), since neither backward reads it; only its shape was needed.
 */
export function linearSimple(
  x: VariableLike,
  W: VariableLike,
  b: VariableLike | null = null,
): Variable {
  const t = matmul(x, W);
  if (b === null) return t;
  const y = t.add(b);
  t.data = null; // NOTE: Add's backward never reads its inputs' data, so the product can go.
  return y;
}

// ==== Activation functions: sigmoid ====

/** y = 1 / (1 + e⁻ˣ), computed as tanh(x/2)/2 + 1/2 (no overflow); gx = gy · y(1 − y). */
export class Sigmoid extends Function {
  override forward(x: NDArray): NDArray {
    return x.isContiguous() ? sigmoidContiguous(x) : sigmoidComposed(x);
  }
  // NOTE: 1 − y in y's own dtype, as the book's `1 - y` is under numpy 1.24 (a Python int next to
  // an array is weak): a float32 network then keeps float32 gradients, as the book's MNIST MLP does.
  override backward(gy: Variable): Variable {
    const y = this.outputs[0]!;
    return gy.mul(y).mul(y.rsub(ones([], { dtype: y.dtype })));
  }
  override backwardArrays(gy: NDArray): NDArray {
    const y = this.outputs[0]!.data;
    return sigmoidGradContiguous(gy, y) ?? gy.mul(y).mul(y.neg().add(1));
  }
}

/**
 * gy · y · (1 − y) in one pass, rounding where the three operations round (each float32 result
 * is stored, so rounded); null unless gy and y are contiguous, of one shape and one float dtype.
 * NOTE: three passes and three arrays of 100,000 floats were 4% of an MNIST training step.
 */
export function sigmoidGradContiguous(gy: NDArray, y: NDArray): NDArray | null {
  if (gy.dtype !== y.dtype || !gy.isContiguous() || !y.isContiguous()) return null;
  if (!sameShape(gy.shape, y.shape)) return null;
  const size = y.size;
  const g = gy.storage;
  const v = y.storage;
  const p = gy.offset;
  const q = y.offset;
  if (y.dtype === 'float32') {
    const out = allocStorage('float32', size);
    const f = Math.fround;
    for (let i = 0; i < size; i++) {
      const yi = v[q + i]!;
      out[i] = f(g[p + i]! * yi) * f(1 - yi);
    }
    return fromStorage(out, y.shape, 'float32');
  }
  if (y.dtype === 'float64') {
    const out = allocStorage('float64', size);
    for (let i = 0; i < size; i++) {
      const yi = v[q + i]!;
      out[i] = g[p + i]! * yi * (1 - yi);
    }
    return fromStorage(out, y.shape, 'float64');
  }
  return null;
}

/** The book's sigmoid forward on arrays, operation by operation: the reference for `sigmoidContiguous`. */
export function sigmoidComposed(x: NDArray): NDArray {
  return np.tanh(x.mul(0.5)).mul(0.5).add(0.5);
}

/**
 * `sigmoidComposed` in one pass over a contiguous array, rounding where each of its four
 * operations rounds (float32 results are stored, so rounded, at every step; other dtypes compute
 * in float64 as `x.mul(0.5)` makes them): one result array instead of four.
 */
export function sigmoidContiguous(x: NDArray): NDArray {
  const f32 = x.dtype === 'float32';
  const size = x.size;
  const out = allocStorage(f32 ? 'float32' : 'float64', size);
  const src = x.storage;
  const at = x.offset;
  if (f32) {
    const f = Math.fround;
    for (let i = 0; i < size; i++) out[i] = f(f(tanhToF32(f(src[at + i]! * 0.5)) * 0.5) + 0.5);
  } else {
    for (let i = 0; i < size; i++) out[i] = libmTanh(src[at + i]! * 0.5) * 0.5 + 0.5;
  }
  return fromStorage(out, x.shape, f32 ? 'float32' : 'float64');
}

/** The logistic sigmoid 1 / (1 + e⁻ˣ), as one Function. */
export function sigmoid(x: VariableLike): Variable {
  return new Sigmoid().call(x);
}

/** The sigmoid written with the operators (the book's `sigmoid_simple`): 1 / (1 + exp(−x)). */
export function sigmoidSimple(x: VariableLike): Variable {
  return exp(asVariable(x).neg()).add(1).rdiv(1);
}

// ==== Loss functions: meanSquaredError ====

/** y = Σ(x0 − x1)² / N, N the length of the first axis; gx0 = gy · (x0 − x1) · 2/N, gx1 = −gx0. */
export class MeanSquaredError extends Function {
  override forward(x0: NDArray, x1: NDArray): NDArray {
    const diff = x0.sub(x1);
    return diff.pow(2).sum().div(lengthOf(diff));
  }
  override backward(gy: Variable): Variable[] {
    const [x0, x1] = this.inputs as [Variable, Variable];
    const diff = x0.sub(x1);
    const gx0 = gy.mul(diff).mul(2 / diff.length);
    return [gx0, gx0.neg()];
  }
  override backwardArrays(gy: NDArray): NDArray[] {
    const diff = this.inputs[0]!.data.sub(this.inputs[1]!.data);
    const gx0 = gy.mul(diff).mul(constant(2 / lengthOf(diff)));
    return [gx0, gx0.neg()];
  }
}

/** Python's `len(a)` of an array: the length of its first axis. */
function lengthOf(a: NDArray): number {
  const n = a.shape[0];
  if (n === undefined) throw new TypeError('len() of unsized object');
  return n;
}

/** The mean of the squared differences over the first axis: Σ(x0 − x1)² / len(x0), as one Function. */
export function meanSquaredError(x0: VariableLike, x1: VariableLike): Variable {
  return new MeanSquaredError().call(x0, x1);
}

/** The same loss written with the operators (the book's `mean_squared_error_simple`, step 42). */
export function meanSquaredErrorSimple(x0: VariableLike, x1: VariableLike): Variable {
  const diff = asVariable(x0).sub(x1);
  return sum(diff.pow(2)).div(diff.length);
}
