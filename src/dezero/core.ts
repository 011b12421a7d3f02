/**
 * The core of `dezero`, as the book's `core.py`: `Variable`, `Parameter`, `Function` and the
 * generation-ordered backward pass. Nothing else: the operations (`operators.ts` for `+ - * / **`,
 * `functions.ts` for `F`) build on this file, and `variable-methods.ts` binds them to `Variable`
 * as methods (`x.add(y)`, `x.reshape(2, 3)`, `x.T`), as DeZero's `setup_variable` does. This file
 * imports none of them, so no import cycle runs at load time.
 */
import type { NDArray } from './np/ndarray.ts';
import { onesLike, zerosLike } from './np/create.ts';
import { scalarArray } from './np/elementwise.ts';
import { formatVariable } from './np/format.ts';
import type { DType } from './np/dtype.ts';
import { Config } from './config.ts';
import { GenerationQueue } from './generation-queue.ts';
import { checkData, inputGradients, nameOperation, noData } from './checks.ts';

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
  #data: NDArray | null;
  /** A label for printing and graph drawings. */
  name: string | null;
  /** d(output)/d(this) after `backward()`, itself a Variable; null until then. */
  grad: Variable | null = null;
  /** The function that produced this variable; null for inputs the user made. */
  creator: Function<Variable | Variable[]> | null = null;
  /** Distance from the inputs: one more than the creator's generation. */
  generation = 0;

  /**
   * Wraps an array (or another Variable's array). Numbers are refused, as in the book's step 9;
   * `null` makes an empty variable, as DeZero's `Variable(None)` (a layer's weight before its first call).
   */
  constructor(data: NDArray | Variable | null, name: string | null = null) {
    this.#data =
      data === null ? null : checkData(data instanceof Variable ? data.data : data, false);
    this.name = name;
  }

  /** The value: an array (a number or a plain list assigned here is refused; `null` empties it). */
  get data(): NDArray {
    if (this.#data === null) throw noData(this.name);
    return this.#data;
  }
  set data(value: NDArray | null) {
    this.#data = value === null ? null : checkData(value, true);
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
    const queue = new GenerationQueue<Function<Variable | Variable[]>>();
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
          x.grad = x.grad === null ? gx : x.grad.add(gx);
          if (x.creator !== null) addFunc(x.creator);
        }
      } finally {
        Config.enableBackprop = previous;
      }
      if (!retainGrad) for (const y of f.outputs) y.grad = null;
    }
  }
}

/** A parameter of a model: a Variable that `Layer.params()` collects (DeZero's `Parameter`). */
export class Parameter extends Variable {}

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
    // NOTE: plain loops and no spread for one or two inputs: this runs for every operation.
    const n = inputs.length;
    const xs = new Array<Variable>(n);
    for (let i = 0; i < n; i++) xs[i] = asVariable(inputs[i]!);
    let ys: NDArray | NDArray[];
    try {
      if (n === 1) ys = this.forward(xs[0]!.data);
      else if (n === 2) ys = this.forward(xs[0]!.data, xs[1]!.data);
      else ys = this.forward(...xs.map((x) => x.data));
    } catch (error) {
      throw nameOperation(error, this.constructor.name);
    }
    const outputs = Array.isArray(ys)
      ? ys.map((y) => new Variable(asArray(y)))
      : [new Variable(asArray(ys))];
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
