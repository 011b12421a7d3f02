/**
 * The arithmetic operators (`+ - * / **` and negation, the book's core.py section of the same
 * name) and the broadcasting pair they need: `sumTo` and `broadcastTo`, each the other's backward.
 * TypeScript has no operator overloading, so `a * b + c` is `a.mul(b).add(c)` (the methods are
 * bound in `variable-methods.ts`) or `add(mul(a, b), c)`; numbers and arrays are accepted wherever
 * a Variable is. Two-input operators broadcast, and their backward sums each gradient back to its
 * input's shape (the book's step 40).
 */
import type { NDArray } from './np/ndarray.ts';
import { broadcastTo as npBroadcastTo } from './np/broadcast.ts';
import { scalarArray } from './np/elementwise.ts';
import { Function, Variable, asVariable } from './core.ts';
import type { VariableLike } from './core.ts';
import { describe, sameShape } from './checks.ts';
import { sumTo as npSumTo } from './utils.ts';

// ==== Broadcasting: sumTo / broadcastTo ====

/** Sums the array down to `shape` (the inverse of broadcasting); backward broadcasts again. */
export class SumTo extends Function {
  private xShape: readonly number[] = [];
  readonly shape: readonly number[];
  constructor(shape: readonly number[]) {
    super();
    this.shape = shape;
  }
  override forward(x: NDArray): NDArray {
    this.xShape = x.shape;
    return npSumTo(x, this.shape);
  }
  override backward(gy: Variable): Variable {
    return broadcastTo(gy, this.xShape);
  }
  override backwardArrays(gy: NDArray): NDArray {
    return broadcastArray(gy, this.xShape);
  }
}

/** Repeats the array along broadcast axes up to `shape`; backward sums back. */
export class BroadcastTo extends Function {
  private xShape: readonly number[] = [];
  readonly shape: readonly number[];
  constructor(shape: readonly number[]) {
    super();
    this.shape = shape;
  }
  override forward(x: NDArray): NDArray {
    this.xShape = x.shape;
    return npBroadcastTo(x, this.shape);
  }
  override backward(gy: Variable): Variable {
    return sumTo(gy, this.xShape);
  }
  override backwardArrays(gy: NDArray): NDArray {
    return sumToArray(gy, this.xShape);
  }
}

/** `x` summed to `shape` (the variable itself when the shape already matches). */
export function sumTo(x: VariableLike, shape: readonly number[]): Variable {
  const v = asVariable(x);
  return sameShape(v.shape, shape) ? v : new SumTo(shape).call(v);
}

/** `x` broadcast to `shape` (the variable itself when the shape already matches). */
export function broadcastTo(x: VariableLike, shape: readonly number[]): Variable {
  const v = asVariable(x);
  return sameShape(v.shape, shape) ? v : new BroadcastTo(shape).call(v);
}

/** `sumTo` on an array, for `backwardArrays`: the array itself when the shape already matches. */
export function sumToArray(x: NDArray, shape: readonly number[]): NDArray {
  return sameShape(x.shape, shape) ? x : npSumTo(x, shape);
}

/** `broadcastTo` on an array, for `backwardArrays`: the array itself when the shape already matches. */
export function broadcastArray(x: NDArray, shape: readonly number[]): NDArray {
  return sameShape(x.shape, shape) ? x : npBroadcastTo(x, shape);
}

/**
 * A number as the Variable operations see it, for `backwardArrays`: `gy.mul(2)` wraps the 2 in a
 * 0-d float64 array (DeZero's `as_array`), which is not the weak scalar `gyArray.mul(2)` is (a
 * float32 gradient times it becomes float64), so the array path multiplies by this instead.
 */
export function constant(c: number): NDArray {
  return scalarArray(c);
}

// ==== Arithmetic: add / mul / neg / sub / div / pow ====

/** The base of the two-input operators: remembers the input shapes to undo broadcasting in backward. */
class BinaryOperator extends Function {
  protected x0Shape: readonly number[] = NO_AXES;
  protected x1Shape: readonly number[] = NO_AXES;
  protected remember(x0: NDArray, x1: NDArray): void {
    this.x0Shape = x0.shape;
    this.x1Shape = x1.shape;
  }
  /** The input gradients, each summed back to its input's shape when broadcasting widened it. */
  protected unbroadcast(gx0: Variable, gx1: Variable): Variable[] {
    if (sameShape(this.x0Shape, this.x1Shape)) return [gx0, gx1];
    return [sumTo(gx0, this.x0Shape), sumTo(gx1, this.x1Shape)];
  }
  /** `unbroadcast` on arrays. */
  protected unbroadcastArrays(gx0: NDArray, gx1: NDArray): NDArray[] {
    if (sameShape(this.x0Shape, this.x1Shape)) return [gx0, gx1];
    return [sumToArray(gx0, this.x0Shape), sumToArray(gx1, this.x1Shape)];
  }
}

const NO_AXES: readonly number[] = Object.freeze([]);

/** y = x0 + x1; both inputs get gy. */
export class Add extends BinaryOperator {
  override forward(x0: NDArray, x1: NDArray): NDArray {
    this.remember(x0, x1);
    return x0.add(x1);
  }
  override backward(gy: Variable): Variable[] {
    return this.unbroadcast(gy, gy);
  }
  override backwardArrays(gy: NDArray): NDArray[] {
    return this.unbroadcastArrays(gy, gy);
  }
}

/** y = x0 * x1; each input gets gy times the other. */
export class Mul extends BinaryOperator {
  override forward(x0: NDArray, x1: NDArray): NDArray {
    this.remember(x0, x1);
    return x0.mul(x1);
  }
  override backward(gy: Variable): Variable[] {
    const [x0, x1] = this.inputs as [Variable, Variable];
    return this.unbroadcast(gy.mul(x1), gy.mul(x0));
  }
  override backwardArrays(gy: NDArray): NDArray[] {
    const [x0, x1] = this.inputs as [Variable, Variable];
    return this.unbroadcastArrays(gy.mul(x1.data), gy.mul(x0.data));
  }
}

/** y = -x; gx = -gy. */
export class Neg extends Function {
  override forward(x: NDArray): NDArray {
    return x.neg();
  }
  override backward(gy: Variable): Variable {
    return neg(gy);
  }
  override backwardArrays(gy: NDArray): NDArray {
    return gy.neg();
  }
}

/** y = x0 - x1; gx0 = gy, gx1 = -gy. */
export class Sub extends BinaryOperator {
  override forward(x0: NDArray, x1: NDArray): NDArray {
    this.remember(x0, x1);
    return x0.sub(x1);
  }
  override backward(gy: Variable): Variable[] {
    return this.unbroadcast(gy, neg(gy));
  }
  override backwardArrays(gy: NDArray): NDArray[] {
    return this.unbroadcastArrays(gy, gy.neg());
  }
}

/** y = x0 / x1; gx0 = gy / x1, gx1 = gy * (-x0 / x1²). */
export class Div extends BinaryOperator {
  override forward(x0: NDArray, x1: NDArray): NDArray {
    this.remember(x0, x1);
    return x0.div(x1);
  }
  override backward(gy: Variable): Variable[] {
    const [x0, x1] = this.inputs as [Variable, Variable];
    return this.unbroadcast(gy.div(x1), gy.mul(neg(x0).div(x1.pow(2))));
  }
  override backwardArrays(gy: NDArray): NDArray[] {
    const x0 = this.inputs[0]!.data;
    const x1 = this.inputs[1]!.data;
    return this.unbroadcastArrays(gy.div(x1), gy.mul(x0.neg().div(x1.pow(2))));
  }
}

/** y = x ** c for a constant c; gx = c * x ** (c - 1) * gy. */
export class Pow extends Function {
  readonly c: number;
  constructor(c: number) {
    super();
    if (typeof c !== 'number')
      throw new TypeError(`Pow: the exponent must be a number (a constant c), not ${describe(c)}`);
    this.c = c;
  }
  override forward(x: NDArray): NDArray {
    return x.pow(this.c);
  }
  override backward(gy: Variable): Variable {
    const x = this.inputs[0]!;
    return x
      .pow(this.c - 1)
      .mul(this.c)
      .mul(gy);
  }
  override backwardArrays(gy: NDArray): NDArray {
    const x = this.inputs[0]!.data;
    return x
      .pow(this.c - 1)
      .mul(constant(this.c))
      .mul(gy);
  }
}

/** `x0 + x1` (numbers and arrays welcome on either side). */
export function add(x0: VariableLike, x1: VariableLike): Variable {
  return new Add().call(x0, x1);
}
/** `x0 * x1`. */
export function mul(x0: VariableLike, x1: VariableLike): Variable {
  return new Mul().call(x0, x1);
}
/** `-x`. */
export function neg(x: VariableLike): Variable {
  return new Neg().call(x);
}
/** `x0 - x1`. */
export function sub(x0: VariableLike, x1: VariableLike): Variable {
  return new Sub().call(x0, x1);
}
/** Python's reflected `x1 - x0` (`__rsub__`): `rsub(x, 2)` is `2 - x`. */
export function rsub(x0: VariableLike, x1: VariableLike): Variable {
  return new Sub().call(x1, x0);
}
/** `x0 / x1`. */
export function div(x0: VariableLike, x1: VariableLike): Variable {
  return new Div().call(x0, x1);
}
/** Python's reflected `x1 / x0` (`__rtruediv__`): `rdiv(x, 2)` is `2 / x`. */
export function rdiv(x0: VariableLike, x1: VariableLike): Variable {
  return new Div().call(x1, x0);
}
/** `x ** c` for a constant exponent c. */
export function pow(x: VariableLike, c: number): Variable {
  return new Pow(c).call(x);
}
