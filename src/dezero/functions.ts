/**
 * `F`, the functions of `dezero` (the book's `functions.py`): one class per operation with its
 * forward (on arrays) and backward (on Variables, so `createGraph` can differentiate it again)
 * side by side, and a lowercase function that applies it: `F.sin(x)`.
 */
import type { NDArray } from './np/ndarray.ts';
import { parseAxes } from './np/reduce.ts';
import type { AxisArg } from './np/reduce.ts';
import * as np from './np/elementwise.ts';
import { Function, Variable, asVariable, broadcastTo, rsub } from './core.ts';
import { sameShape } from './checks.ts';
import type { VariableLike } from './core.ts';

export { SumTo, BroadcastTo, sumTo, broadcastTo } from './core.ts';

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
}

/** y = tanh x; gx = gy · (1 − y²). */
export class Tanh extends Function {
  override forward(x: NDArray): NDArray {
    return np.tanh(x);
  }
  override backward(gy: Variable): Variable {
    const y = this.outputs[0]!;
    return gy.mul(rsub(y.mul(y), 1));
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

// ==== Tensor shape: reshape / transpose / sum ====

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
    if (this.axes === null) return transpose(gy);
    const n = this.axes.length;
    const inverse = new Array<number>(n);
    this.axes.forEach((axis, i) => (inverse[((axis % n) + n) % n] = i));
    return transpose(gy, inverse);
  }
}

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
    const { axes, keepdims } = parseAxes(this.xShape.length, this.axis, this.keepdims);
    const shape = keepdims ? gy.shape : this.xShape.map((n, d) => (axes.includes(d) ? 1 : n));
    return broadcastTo(reshape(gy, shape), this.xShape);
  }
}

/** `x` in a new shape (one entry may be -1); the variable itself when the shape is unchanged. */
export function reshape(x: VariableLike, shape: number | readonly number[]): Variable {
  const v = asVariable(x);
  const target = typeof shape === 'number' ? [shape] : shape;
  return sameShape(v.shape, target) ? v : new Reshape(target).call(v);
}

/** `x` with its axes permuted (reversed when `axes` is omitted). */
export function transpose(x: VariableLike, axes: readonly number[] | null = null): Variable {
  return new Transpose(axes).call(x);
}

/** Sum over `axis` (all when omitted): `F.sum(x)`, `F.sum(x, 0)`, `F.sum(x, { axis: 0, keepdims: true })`. */
export function sum(x: VariableLike, axis: AxisArg = null, keepdims = false): Variable {
  return new Sum(axis, keepdims).call(x);
}
