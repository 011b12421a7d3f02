/**
 * The core of `dezero`, as the book's `core.py`: `Variable`, `Parameter`, `Function` and the
 * generation-ordered backward pass. Nothing else: the operations (`operators.ts` for `+ - * / **`,
 * `functions.ts` for `F`) build on this file, and `variable-methods.ts` binds them to `Variable`
 * as methods (`x.add(y)`, `x.reshape(2, 3)`, `x.T`), as DeZero's `setup_variable` does. This file
 * imports none of them, so no import cycle runs at load time.
 */
import type { NDArray } from './np/ndarray.ts';
import { onesLike, zerosLike } from './np/create.ts';
import { addInPlace, scalarArray } from './np/elementwise.ts';
import { formatVariable } from './np/format.ts';
import type { DType } from './np/dtype.ts';
import { Config } from './config.ts';
import { GenerationQueue } from './generation-queue.ts';
import { observeBackward } from './backward-hook.ts';
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
  /** @internal The gradient, as the engine reads it: reading `grad` hands it to the program. */
  _grad: Variable | null = null;
  /** @internal This gradient array was read by the program (`x.grad`): never reused. */
  _handedOut = false;
  /** @internal Made by a backward pass for one variable alone (see `cleargrad`). */
  _exclusive = false;
  /** @internal The array of a gradient `cleargrad` forgot, for the next pass to write into. */
  _spare: NDArray | null = null;
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

  /** d(output)/d(this) after `backward()`, itself a Variable; null until then. */
  get grad(): Variable | null {
    const g = this._grad;
    if (g !== null) g._handedOut = true;
    return g;
  }
  set grad(value: Variable | null) {
    this._grad = value;
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

  /** Cuts this variable from the function that made it: backprop stops here (DeZero's `unchain`). */
  unchain(): void {
    this.creator = null;
  }

  /**
   * Cuts the graph behind this variable: every variable upstream forgets its creator, so the next
   * `backward()` from a variable computed after this one stops at this one's creator. This one keeps
   * its own creator, as DeZero's `unchain_backward` does. Truncated backpropagation calls it after
   * each `backward()`, so a long sequence never builds one ever-longer graph. A loop with a stack, not
   * recursion: a sequence's graph is thousands of functions deep.
   */
  unchainBackward(): void {
    if (this.creator === null) return;
    const funcs: AnyFunction[] = [this.creator];
    while (funcs.length > 0) {
      const f = funcs.pop()!;
      for (const x of f.inputs) {
        // NOTE: unchained as soon as it is pushed, so a variable used twice is walked once.
        if (x.creator !== null) {
          funcs.push(x.creator);
          x.unchain();
        }
      }
    }
  }

  /** Forgets the gradient, so the next `backward()` starts from zero. */
  cleargrad(): void {
    const g = this._grad;
    // NOTE: a gradient a backward pass made for this variable alone, which the program never
    // read, is kept: the next pass writes this variable's gradient into it (an MNIST weight's
    // 3 MB at every step), instead of into a new array.
    this._spare = g !== null && g._exclusive && !g._handedOut ? g.data : null;
    this._grad = null;
  }

  /**
   * Backpropagates from this variable: every variable it depends on gets `grad` = d(this)/d(it)
   * (summed over elements when this is not a scalar, seeded with ones). Functions run in
   * decreasing generation, so each one sees its outputs' gradients complete.
   */
  backward({ retainGrad = false, createGraph = false }: BackwardOptions = {}): void {
    if (this.grad === null) this.grad = new Variable(onesLike(this.data));
    const top = this.creator;
    if (top === null) return;
    const queue = new GenerationQueue<AnyFunction>();
    // NOTE: each function is marked with this pass's number when queued, not kept in a Set: Set
    // lookups were an eighth of a small graph's backward. A backward started inside another one
    // (from a Function's own backward) keeps a Set, so the outer pass's marks stay valid.
    const pass = markingPass === 0 ? ++backwardPasses : 0;
    const seen = pass === 0 ? new Set<AnyFunction>() : null;
    firstVisit(top, pass, seen);
    queue.push(top);
    const previous = Config.enableBackprop;
    // NOTE: null unless the reader asked the graph view to record; then it hears each step.
    const listener = observeBackward(this);
    // NOTE: the gradients this pass made by summing, which nothing else holds yet: a further sum
    // goes into them in place instead of into a new array (a weight used at each of 30 steps of an
    // RNN gets one array, not 30). Off while the graph view records, which keeps what it saw.
    const owned = createGraph || listener !== null ? null : new Set<Variable>();
    const outerOwned = passOwned;
    passOwned = owned;
    try {
      if (pass !== 0) markingPass = pass;
      while (queue.size > 0) {
        const f = queue.pop();
        if (listener !== null) listener.pop(f, queue.waiting());
        Config.enableBackprop = createGraph;
        const arrays = createGraph ? undefined : arrayBackward(f);
        // f's backward may hand its outputs' gradients on (Add gives gy to both inputs): shared now.
        if (owned !== null) for (const y of f.outputs) if (y._grad !== null) owned.delete(y._grad);
        if (arrays === undefined) backwardStep(f);
        else backwardStepOnArrays(f, arrays, owned);
        for (const x of f.inputs) {
          const g = x.creator;
          if (g !== null && firstVisit(g, pass, seen)) queue.push(g);
        }
        if (listener !== null) listener.stepped(f);
        if (!retainGrad) for (const y of f.outputs) y._grad = null;
      }
      // What the pass still owns is each held by one variable: reusable once it is forgotten.
      if (owned !== null && outerOwned === null) for (const g of owned) g._exclusive = true;
    } finally {
      passOwned = outerOwned;
      if (pass !== 0) markingPass = 0;
      Config.enableBackprop = previous;
      listener?.end();
    }
  }
}

type AnyFunction = Function<Variable | Variable[]>;

/** Numbers `backward` passes, for `Function.queuedIn`; the one marking now, or 0. */
let backwardPasses = 0;
let markingPass = 0;

/** True the first time `backward` meets `f` in a pass: by its mark, or by `seen` when nested. */
function firstVisit(f: AnyFunction, pass: number, seen: Set<AnyFunction> | null): boolean {
  if (seen === null) {
    if (f.queuedIn === pass) return false;
    f.queuedIn = pass;
    return true;
  }
  if (seen.has(f)) return false;
  seen.add(f);
  return true;
}

/** One function's part of `backward`, as the book writes it: its `backward` on Variables. */
function backwardStep(f: AnyFunction): void {
  // NOTE: an output nobody used has no grad; it contributes nothing, so its gradient is zero.
  const gys = f.outputs.map((y) => y.grad ?? new Variable(zerosLike(y.data)));
  const gxs = inputGradients(f, gys);
  for (let i = 0; i < f.inputs.length; i++) {
    const x = f.inputs[i]!;
    const gx = gxs[i]!;
    x.grad = x.grad === null ? gx : x.grad.add(gx);
  }
}

/**
 * `backwardStep` through `backwardArrays`, for a pass that records no graph: the same arrays
 * from the same operations, without a Function and a Variable for each one.
 */
function backwardStepOnArrays(
  f: AnyFunction,
  arrays: ArrayBackward,
  owned: Set<Variable> | null,
): void {
  const { inputs, outputs } = f;
  freshTerm = null;
  const gxs =
    outputs.length === 1
      ? arrays.call(f, gradArray(outputs[0]!))
      : arrays.apply(f, outputs.map(gradArray));
  if (!Array.isArray(gxs)) {
    const x = inputs[0]!;
    x._grad = x._grad === null ? wrap(gxs, outputs, null) : accumulate(x._grad, gxs, owned);
    return;
  }
  const fresh = freshTerm;
  freshTerm = null;
  // NOTE: where `backward` hands one Variable to two inputs (Add's gy, gy), so does this path.
  let made: Variable[] | null = null;
  for (let i = 0; i < inputs.length; i++) {
    const x = inputs[i]!;
    const gx = gxs[i];
    if (gx === null || gx === undefined) continue;
    if (x._grad !== null) {
      x._grad = accumulate(x._grad, gx, owned);
      continue;
    }
    made ??= [];
    x._grad = wrap(gx, outputs, made);
    if (gx === fresh && owned !== null) owned.add(x._grad);
  }
}

/** The gradients the running pass may sum into in place (`owned` in `backward`), or null. */
let passOwned: Set<Variable> | null = null;

/**
 * The gradient array of `f`'s input `i` when a `backwardArrays` may add its term straight into
 * it (and then return null for that input): the running pass made it and nothing else holds it.
 */
export function ownedGradient(f: AnyFunction, i: number): NDArray | null {
  const x = f.inputs[i];
  if (passOwned === null || x === undefined || x._grad === null || !passOwned.has(x._grad))
    return null;
  // An input given twice (f(W, W)) gets two terms: only the separate path adds them both.
  for (let j = 0; j < f.inputs.length; j++) if (j !== i && f.inputs[j] === x) return null;
  return x._grad.data;
}

/** The term a `backwardArrays` made for one input alone (see `handOver`), for its caller. */
let freshTerm: NDArray | null = null;

/**
 * Tells the running pass that `gx`, returned for one input, is a new array that nothing else
 * holds: the pass may then sum into it and reuse it (see `cleargrad`). Returns `gx`.
 */
export function handOver(gx: NDArray): NDArray {
  freshTerm = passOwned === null ? null : gx;
  return gx;
}

/**
 * The array `cleargrad` kept for `f`'s input `i`, when it has no gradient yet in this pass and
 * the array has this shape and dtype: the input's gradient is to be written into it. Else null.
 */
export function spareGradient(
  f: AnyFunction,
  i: number,
  shape: readonly number[],
  dtype: DType,
): NDArray | null {
  const x = f.inputs[i];
  if (passOwned === null || x === undefined || x._grad !== null) return null;
  const spare = x._spare;
  if (spare === null || spare.dtype !== dtype || spare.ndim !== shape.length) return null;
  for (let d = 0; d < shape.length; d++) if (spare.shape[d] !== shape[d]) return null;
  for (let j = 0; j < f.inputs.length; j++) if (j !== i && f.inputs[j] === x) return null;
  x._spare = null;
  return spare;
}

/** `grad + gx`: in place when this pass made `grad` and holds it alone (see `owned`), else new. */
function accumulate(grad: Variable, gx: NDArray, owned: Set<Variable> | null): Variable {
  if (owned === null) return new Variable(grad.data.add(gx));
  if (owned.has(grad) && addInPlace(grad.data, gx)) return grad;
  const sum = new Variable(grad.data.add(gx));
  owned.add(sum);
  return sum;
}

/** An output's gradient array (zeros for an output nobody used, as in `backwardStep`). */
function gradArray(y: Variable): NDArray {
  return y._grad === null ? zerosLike(y.data) : y._grad.data;
}

/**
 * The Variable for a gradient array: an output's own gradient when the array is its data (the
 * gradient passed through, as `backward` returns `gy` itself), one made before for the same
 * array, or a new one (remembered in `made`).
 */
function wrap(gx: NDArray, outputs: readonly Variable[], made: Variable[] | null): Variable {
  for (const y of outputs) if (y._grad !== null && y._grad.data === gx) return y._grad;
  if (made !== null) for (const v of made) if (v.data === gx) return v;
  const v = new Variable(gx);
  made?.push(v);
  return v;
}

// NOTE: null for an input whose gradient no program can read (see Linear.xIsArray): it gets none.
type ArrayBackward = (this: AnyFunction, ...gys: NDArray[]) => NDArray | (NDArray | null)[];

/**
 * The `backward` each `backwardArrays` was written beside, found once per method and kept on the
 * method itself (a property read is a fraction of a WeakMap lookup, once per function per pass).
 */
const PAIRED = Symbol('the backward beside this backwardArrays');
type TaggedArrayBackward = ArrayBackward & { [PAIRED]?: unknown };

/**
 * f's `backwardArrays` when it stands for f's `backward`: when both come from the same class.
 * A lesson's subclass that overrides only `backward`, or a `backward` patched in place, must run
 * what it says, so it gets the Variable path.
 */
function arrayBackward(f: AnyFunction): ArrayBackward | undefined {
  const arrays = f.backwardArrays as TaggedArrayBackward | undefined;
  if (arrays === undefined) return undefined;
  let paired = arrays[PAIRED];
  if (paired === undefined) {
    let owner: object | null = Object.getPrototypeOf(f) as object | null;
    while (owner !== null && !Object.hasOwn(owner, 'backwardArrays'))
      owner = Object.getPrototypeOf(owner) as object | null;
    paired = owner === null ? null : (owner as AnyFunction).backward;
    arrays[PAIRED] = paired;
  }
  return f.backward === paired ? arrays : undefined;
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
  inputs: Variable[] = NO_VARIABLES;
  /** The outputs of the last call: plain references, no WeakRef (see the lesson for step 17). */
  outputs: Variable[] = NO_VARIABLES;
  /** The largest generation among the inputs. */
  generation = 0;
  /** The `backward` pass that last queued this function (see `backwardPasses`). */
  queuedIn = 0;

  /** Applies the function; one output comes back as a Variable, several as an array. */
  call(...inputs: VariableLike[]): Out {
    // NOTE: the rest list is this call's own, so it becomes `this.inputs` once its numbers and
    // arrays are wrapped: this runs for every operation, so no second list and no spread for one or two inputs.
    const n = inputs.length;
    for (let i = 0; i < n; i++) {
      const x = inputs[i]!;
      if (!(x instanceof Variable)) inputs[i] = asVariable(x);
    }
    const xs = inputs as Variable[];
    let ys: NDArray | NDArray[];
    try {
      if (n === 1) ys = this.forward(xs[0]!.data);
      else if (n === 2) ys = this.forward(xs[0]!.data, xs[1]!.data);
      else ys = this.forward(...xs.map((x) => x.data));
    } catch (error) {
      throw nameOperation(error, this.constructor.name);
    }
    if (!Array.isArray(ys)) {
      const y = new Variable(asArray(ys));
      if (Config.enableBackprop) this.link(xs, [y]);
      return y as Out;
    }
    const outputs = ys.map((y) => new Variable(asArray(y)));
    if (Config.enableBackprop) this.link(xs, outputs);
    return (outputs.length > 1 ? outputs : outputs[0]) as Out;
  }

  /** Records the call in the graph: inputs, outputs, and the generation between them. */
  private link(xs: Variable[], outputs: Variable[]): void {
    let generation = 0;
    for (const x of xs) if (x.generation > generation) generation = x.generation;
    this.generation = generation;
    for (const y of outputs) y.setCreator(this as Function<Variable | Variable[]>);
    this.inputs = xs;
    this.outputs = outputs;
  }

  /** The computation on arrays; subclasses override it. */
  forward(..._xs: NDArray[]): NDArray | NDArray[] {
    throw new Error(`${this.constructor.name} does not implement forward`);
  }

  /** Gradients of the inputs from the outputs' gradients, written with Variables; subclasses override it. */
  backward(..._gys: Variable[]): Variable | Variable[] {
    throw new Error(`${this.constructor.name} does not implement backward`);
  }

  /**
   * Optional: `backward` on arrays, the same operations in the same order, which `Variable.backward`
   * runs instead when it records no graph (`createGraph` false), saving a Function and a Variable
   * per operation. The built-in functions write it beside `backward` (tests hold the two to the
   * same bits); a Function without it, or whose `backward` comes from another class, runs `backward`.
   */
  backwardArrays?(...gys: NDArray[]): NDArray | (NDArray | null)[];
}

// NOTE: one shared empty list for a function not yet called, instead of two new lists per operation.
const NO_VARIABLES: Variable[] = Object.freeze([]) as unknown as Variable[];
