/**
 * The core of `dezero`, as the book's `core.py`: `Variable`, `Function`, generation-ordered
 * backprop, and the arithmetic operators. TypeScript has no operator overloading, so `a * b + c`
 * is `a.mul(b).add(c)` (or `add(mul(a, b), c)`); numbers and arrays are accepted wherever a
 * Variable is. The two shape functions the operators need for broadcasting (`sumTo`,
 * `broadcastTo`) live here too.
 * NOTE: one file on purpose (the book's core.py is one file too). `Variable`'s methods create
 * `Add`, `Mul`, … and those classes extend `Function`: split across modules, that import cycle
 * crashes (`extends` of a class not yet evaluated) whenever the wrong file is imported first.
 * `functions.ts` builds on this file, never the other way round; the checks behind its error
 * messages live in `checks.ts`, which needs nothing from here at run time.
 */
import type { NDArray } from './np/ndarray.ts';
import { onesLike, zerosLike } from './np/create.ts';
import { broadcastTo as npBroadcastTo } from './np/broadcast.ts';
import { scalarArray } from './np/elementwise.ts';
import { formatVariable } from './np/format.ts';
import type { DType } from './np/dtype.ts';
import { Config } from './config.ts';
import { sumTo as npSumTo } from './utils.ts';
import { GenerationQueue } from './generation-queue.ts';
import { checkData, describe, inputGradients, nameOperation, sameShape } from './checks.ts';

/** Anything accepted where a Variable is: a Variable, an array, or a number (a 0-d float64 array). */
export type VariableLike = Variable | NDArray | number;

/** Options of `Variable.backward`. */
export interface BackwardOptions {
  /** Keep the gradients of intermediate variables (by default only the inputs' grads survive). @default false */
  retainGrad?: boolean;
  /** Record the backward pass as a graph too, so gradients can be differentiated again. @default false */
  createGraph?: boolean;
}

// ==== Variable ====

/** A box around an array that remembers the function that made it, so gradients can flow back. */
export class Variable {
  #data: NDArray;
  /** A label for printing and graph drawings. */
  name: string | null;
  /** d(output)/d(this) after `backward()`, itself a Variable; null until then. */
  grad: Variable | null = null;
  /** The function that produced this variable; null for inputs the user made. */
  creator: Function<Variable | Variable[]> | null = null;
  /** Distance from the inputs: one more than the creator's generation. */
  generation = 0;

  /** Wraps an array (or another Variable's array). Numbers are refused, as in the book's step 9. */
  constructor(data: NDArray | Variable, name: string | null = null) {
    this.#data = checkData(data instanceof Variable ? data.data : data, false);
    this.name = name;
  }

  /** The value: always an array (a number or a plain list assigned here is refused). */
  get data(): NDArray {
    return this.#data;
  }
  set data(value: NDArray) {
    this.#data = checkData(value, true);
  }

  /** Length of each axis. */
  get shape(): readonly number[] {
    return this.data.shape;
  }
  /** Number of axes. */
  get ndim(): number {
    return this.data.ndim;
  }
  /** Number of elements. */
  get size(): number {
    return this.data.size;
  }
  /** Element type of the data. */
  get dtype(): DType {
    return this.data.dtype;
  }
  /** Python's `len(x)`: the length of the first axis. */
  get length(): number {
    const n = this.data.shape[0];
    if (n === undefined) throw new TypeError('len() of unsized object');
    return n;
  }

  /** DeZero's repr: `variable(...)`, continuation lines indented by 9 spaces. */
  toString(): string {
    return formatVariable(String(this.data));
  }
  /** Node's console.log shows the same text as `print`. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }

  /** Records `fn` as this variable's creator; the generation follows from it. */
  setCreator(fn: Function<Variable | Variable[]>): void {
    this.creator = fn;
    this.generation = fn.generation + 1;
  }

  /** Forgets the gradient, so the next `backward()` starts from zero. */
  cleargrad(): void {
    this.grad = null;
  }

  /**
   * Backpropagates from this variable: every variable it depends on gets `grad` = d(this)/d(it)
   * (summed over elements when this is not a scalar, seeded with ones). Functions run in
   * decreasing generation, so each one sees its outputs' gradients complete.
   */
  backward({ retainGrad = false, createGraph = false }: BackwardOptions = {}): void {
    if (this.grad === null) this.grad = new Variable(onesLike(this.data));
    if (this.creator === null) return;
    const queue = new GenerationQueue();
    const seen = new Set<Function<Variable | Variable[]>>();
    const addFunc = (f: Function<Variable | Variable[]>): void => {
      if (seen.has(f)) return;
      seen.add(f);
      queue.push(f);
    };
    addFunc(this.creator);
    while (queue.size > 0) {
      const f = queue.pop();
      // NOTE: an output nobody used has no grad; it contributes nothing, so its gradient is zero.
      const gys = f.outputs.map((y) => y.grad ?? new Variable(zerosLike(y.data)));
      const previous = Config.enableBackprop;
      Config.enableBackprop = createGraph;
      try {
        const gxs = inputGradients(f, gys);
        for (let i = 0; i < f.inputs.length; i++) {
          const x = f.inputs[i]!;
          const gx = gxs[i]!;
          x.grad = x.grad === null ? gx : add(x.grad, gx);
          if (x.creator !== null) addFunc(x.creator);
        }
      } finally {
        Config.enableBackprop = previous;
      }
      if (!retainGrad) for (const y of f.outputs) y.grad = null;
    }
  }

  // ==== Operators as methods ====
  /** `this + other`. */
  add(other: VariableLike): Variable {
    return add(this, other);
  }
  /** `this - other`. */
  sub(other: VariableLike): Variable {
    return sub(this, other);
  }
  /** `this * other`. */
  mul(other: VariableLike): Variable {
    return mul(this, other);
  }
  /** `this / other`. */
  div(other: VariableLike): Variable {
    return div(this, other);
  }
  /** `this ** c` for a constant exponent. */
  pow(c: number): Variable {
    return pow(this, c);
  }
  /** `-this`. */
  neg(): Variable {
    return neg(this);
  }
}

/** An array for a number (0-d float64) or the array itself. */
export function asArray(x: NDArray | number): NDArray {
  return typeof x === 'number' ? scalarArray(x) : x;
}

/** The variable itself, or a new Variable around an array or a number. */
export function asVariable(x: VariableLike): Variable {
  return x instanceof Variable ? x : new Variable(asArray(x));
}

// ==== Function ====

/**
 * The base class of every operation: `call` unwraps the inputs' arrays, runs `forward`, wraps the
 * results in Variables and (while `Config.enableBackprop`) links them into the graph. Subclasses
 * write `forward` on arrays and `backward` on Variables, so the backward pass is a graph too.
 * `Out` is `Variable` for one output (the default) or `Variable[]` for several.
 */
export class Function<Out extends Variable | Variable[] = Variable> {
  /** The input variables of the last call (kept only while backprop is enabled). */
  inputs: Variable[] = [];
  /** The outputs of the last call: plain references, no WeakRef (see the lesson for step 17). */
  outputs: Variable[] = [];
  /** The largest generation among the inputs. */
  generation = 0;

  /** Applies the function; one output comes back as a Variable, several as an array. */
  call(...inputs: VariableLike[]): Out {
    const xs = inputs.map(asVariable);
    let ys: NDArray | NDArray[];
    try {
      ys = this.forward(...xs.map((x) => x.data));
    } catch (error) {
      throw nameOperation(error, this.constructor.name);
    }
    const outputs = (Array.isArray(ys) ? ys : [ys]).map((y) => new Variable(asArray(y)));
    if (Config.enableBackprop) {
      let generation = 0;
      for (const x of xs) if (x.generation > generation) generation = x.generation;
      this.generation = generation;
      for (const y of outputs) y.setCreator(this as Function<Variable | Variable[]>);
      this.inputs = xs;
      this.outputs = outputs;
    }
    return (outputs.length > 1 ? outputs : outputs[0]) as Out;
  }

  /** The computation on arrays; subclasses override it. */
  forward(..._xs: NDArray[]): NDArray | NDArray[] {
    throw new Error(`${this.constructor.name} does not implement forward`);
  }

  /** Gradients of the inputs from the outputs' gradients, written with Variables; subclasses override it. */
  backward(..._gys: Variable[]): Variable | Variable[] {
    throw new Error(`${this.constructor.name} does not implement backward`);
  }
}

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

// ==== Arithmetic: add / mul / neg / sub / div / pow ====

/** The base of the two-input operators: remembers the input shapes to undo broadcasting in backward. */
class BinaryOperator extends Function {
  protected x0Shape: readonly number[] = [];
  protected x1Shape: readonly number[] = [];
  protected remember(x0: NDArray, x1: NDArray): void {
    this.x0Shape = x0.shape;
    this.x1Shape = x1.shape;
  }
  /** The input gradients, each summed back to its input's shape when broadcasting widened it. */
  protected unbroadcast(gx0: Variable, gx1: Variable): Variable[] {
    if (sameShape(this.x0Shape, this.x1Shape)) return [gx0, gx1];
    return [sumTo(gx0, this.x0Shape), sumTo(gx1, this.x1Shape)];
  }
}

/** y = x0 + x1; both inputs get gy. */
export class Add extends BinaryOperator {
  override forward(x0: NDArray, x1: NDArray): NDArray {
    this.remember(x0, x1);
    return x0.add(x1);
  }
  override backward(gy: Variable): Variable[] {
    return this.unbroadcast(gy, gy);
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
}

/** y = -x; gx = -gy. */
export class Neg extends Function {
  override forward(x: NDArray): NDArray {
    return x.neg();
  }
  override backward(gy: Variable): Variable {
    return neg(gy);
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
