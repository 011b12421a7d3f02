/**
 * The simple core, as the book's `core_simple.py`: what steps 1–22 built, packaged for steps 23–31
 * (`import { Variable } from 'dezero/simple'`). Backward rules work on plain arrays, so a gradient
 * is an `NDArray` and prints as one (`8.0`), and nothing the backward pass computes is recorded.
 * Step 32 switches to the full core (`../core.ts`), where gradients are Variables and
 * `backward({ createGraph: true })` records them. Like the book's file, this one holds the
 * arithmetic too, without broadcasting in backward (that comes with step 40, in the full core).
 */
import type { NDArray } from '../np/ndarray.ts';
import { onesLike, zerosLike } from '../np/create.ts';
import { scalarArray } from '../np/elementwise.ts';
import { formatVariable } from '../np/format.ts';
import type { DType } from '../np/dtype.ts';
import { Config } from '../config.ts';
import { GenerationQueue } from '../generation-queue.ts';
import { observeBackward } from '../backward-hook.ts';
import {
  checkData,
  describe,
  inputGradients,
  nameOperation,
  noCreateGraph,
  noData,
} from '../checks.ts';

/** Anything accepted where a Variable is: a Variable, an array, or a number (a 0-d float64 array). */
export type VariableLike = Variable | NDArray | number;

/** Options of `Variable.backward` in the simple core. */
export interface BackwardOptions {
  /** Keep the gradients of intermediate variables (by default only the inputs' grads survive). @default false */
  retainGrad?: boolean;
}

/** A function of the graph, whatever its number of outputs. */
type AnyFunction = Function<Variable | Variable[]>;

// ==== Variable ====

/** A box around an array that remembers the function that made it; its gradient is a bare array. */
export class Variable {
  #data: NDArray | null;
  /** A label for printing and graph drawings. */
  name: string | null;
  /** d(output)/d(this) after `backward()`, a plain array with no graph behind it; null until then. */
  grad: NDArray | null = null;
  /** The function that produced this variable; null for inputs the user made. */
  creator: AnyFunction | null = null;
  /** Distance from the inputs: one more than the creator's generation. */
  generation = 0;

  /** Wraps an array (numbers are refused, as in the book's step 9); `null` makes an empty variable. */
  constructor(data: NDArray | null, name: string | null = null) {
    this.#data = data === null ? null : checkData(data, false);
    this.name = name;
  }

  /** The value: an array (a number assigned here is refused; `null` empties it). */
  get data(): NDArray {
    if (this.#data === null) throw noData(this.name);
    return this.#data;
  }
  set data(value: NDArray | null) {
    this.#data = value === null ? null : checkData(value, true, 'x.data.sub(x.grad.mul(lr))');
  }
  /** False while the variable is empty: Python's `x.data is not None`. */
  get hasData(): boolean {
    return this.#data !== null;
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
    return this.#data === null ? 'variable(None)' : formatVariable(String(this.#data));
  }
  /** Node's console.log shows the same text as `print`. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }

  /** Records `fn` as this variable's creator; the generation follows from it. */
  setCreator(fn: AnyFunction): void {
    this.creator = fn;
    this.generation = fn.generation + 1;
  }

  /** Forgets the gradient, so the next `backward()` starts from zero. */
  cleargrad(): void {
    this.grad = null;
  }

  /**
   * Backpropagates from this variable: every variable it depends on gets `grad` = d(this)/d(it)
   * as an array (seeded with ones). Functions run in decreasing generation, so each one sees its
   * outputs' gradients complete. The rules compute on arrays, so no graph is left behind.
   */
  backward({ retainGrad = false, ...others }: BackwardOptions = {}): void {
    if ('createGraph' in others) throw noCreateGraph();
    if (this.grad === null) this.grad = onesLike(this.data);
    if (this.creator === null) return;
    const queue = new GenerationQueue<AnyFunction>();
    const seen = new Set<AnyFunction>();
    const addFunc = (f: AnyFunction): void => {
      if (seen.has(f)) return;
      seen.add(f);
      queue.push(f);
    };
    addFunc(this.creator);
    // NOTE: null unless the reader asked the graph view to record; then it hears each step.
    const listener = observeBackward(this);
    try {
      while (queue.size > 0) {
        const f = queue.pop();
        if (listener !== null) listener.pop(f, queue.waiting());
        // NOTE: an output nobody used has no grad; it contributes nothing, so its gradient is zero.
        const gys = f.outputs.map((y) => y.grad ?? zerosLike(y.data));
        // NOTE: no shape check, as the book's core_simple: without broadcasting in backward, an
        // input that forward broadcast gets a gradient of the output's shape (step 40 fixes that).
        const gxs = inputGradients(f, gys, { checkShapes: false });
        for (let i = 0; i < f.inputs.length; i++) {
          const x = f.inputs[i]!;
          const gx = gxs[i]!;
          x.grad = x.grad === null ? gx : x.grad.add(gx);
          if (x.creator !== null) addFunc(x.creator);
        }
        if (listener !== null) listener.stepped(f);
        if (!retainGrad) for (const y of f.outputs) y.grad = null;
      }
    } finally {
      listener?.end();
    }
  }

  // ==== Operators (the book's setup_variable) ====

  /** `this + other` (Python's `x + y`). */
  add(other: VariableLike): Variable {
    return add(this, other);
  }
  /** `this - other`. */
  sub(other: VariableLike): Variable {
    return sub(this, other);
  }
  /** `other - this` (Python's reflected `__rsub__`: `x.rsub(1)` is `1 - x`). */
  rsub(other: VariableLike): Variable {
    return rsub(this, other);
  }
  /** `this * other`. */
  mul(other: VariableLike): Variable {
    return mul(this, other);
  }
  /** `this / other`. */
  div(other: VariableLike): Variable {
    return div(this, other);
  }
  /** `other / this` (Python's reflected `__rtruediv__`: `x.rdiv(1)` is `1 / x`). */
  rdiv(other: VariableLike): Variable {
    return rdiv(this, other);
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

/** DeZero's `as_array`: a number as a 0-d float64 array; an array as itself. */
export function asArray(x: NDArray | number): NDArray {
  return typeof x === 'number' ? scalarArray(x) : x;
}

/** DeZero's `as_variable`: the variable itself, or a new Variable around an array or a number. */
export function asVariable(x: VariableLike): Variable {
  return x instanceof Variable ? x : new Variable(asArray(x));
}

// ==== Function ====

/**
 * The base class of every operation: `call` unwraps the inputs' arrays, runs `forward`, wraps the
 * results in Variables and (while `Config.enableBackprop`) links them into the graph. Subclasses
 * write both `forward` and `backward` on arrays. `Out` is `Variable` for one output (the default)
 * or `Variable[]` for several.
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
      for (const y of outputs) y.setCreator(this as AnyFunction);
      this.inputs = xs;
      this.outputs = outputs;
    }
    return (outputs.length > 1 ? outputs : outputs[0]) as Out;
  }

  /** The computation on arrays; subclasses override it. */
  forward(..._xs: NDArray[]): NDArray | NDArray[] {
    throw new Error(`${this.constructor.name} does not implement forward`);
  }

  /** Gradients of the inputs from the outputs' gradients, on arrays; subclasses override it. */
  backward(..._gys: NDArray[]): NDArray | NDArray[] {
    throw new Error(`${this.constructor.name} does not implement backward`);
  }
}

// ==== Arithmetic: add / mul / neg / sub / div / pow ====

/** y = x0 + x1; both inputs get gy. */
export class Add extends Function {
  override forward(x0: NDArray, x1: NDArray): NDArray {
    return x0.add(x1);
  }
  override backward(gy: NDArray): NDArray[] {
    return [gy, gy];
  }
}

/** y = x0 * x1; each input gets gy times the other. */
export class Mul extends Function {
  override forward(x0: NDArray, x1: NDArray): NDArray {
    return x0.mul(x1);
  }
  override backward(gy: NDArray): NDArray[] {
    const x0 = this.inputs[0]!.data;
    const x1 = this.inputs[1]!.data;
    return [gy.mul(x1), gy.mul(x0)];
  }
}

/** y = -x; gx = -gy. */
export class Neg extends Function {
  override forward(x: NDArray): NDArray {
    return x.neg();
  }
  override backward(gy: NDArray): NDArray {
    return gy.neg();
  }
}

/** y = x0 - x1; gx0 = gy, gx1 = -gy. */
export class Sub extends Function {
  override forward(x0: NDArray, x1: NDArray): NDArray {
    return x0.sub(x1);
  }
  override backward(gy: NDArray): NDArray[] {
    return [gy, gy.neg()];
  }
}

/** y = x0 / x1; gx0 = gy / x1, gx1 = gy * (-x0 / x1²). */
export class Div extends Function {
  override forward(x0: NDArray, x1: NDArray): NDArray {
    return x0.div(x1);
  }
  override backward(gy: NDArray): NDArray[] {
    const x0 = this.inputs[0]!.data;
    const x1 = this.inputs[1]!.data;
    return [gy.div(x1), gy.mul(x0.neg().div(x1.pow(2)))];
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
  override backward(gy: NDArray): NDArray {
    const x = this.inputs[0]!.data;
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
