/**
 * `L`, the layers of `dezero` (the book's `layers.py`): `Layer`, a function with parameters, and
 * `Linear`, the fully connected layer whose weight is made at its first call.
 *
 * How a Layer finds its parameters. Python's DeZero overrides `__setattr__`, so every
 * `self.W = Parameter(...)` or `self.l1 = Linear(...)` records the name as it is assigned.
 * JavaScript has no such hook on plain objects, and the alternatives cost something: a
 * registration call (`this.W = this.register(new Parameter(...))`) is ceremony a reader can forget,
 * and a `Proxy` around every layer slows each property read in the training loop and breaks
 * private `#fields`. But a JavaScript object already remembers its own properties in the order
 * they were assigned. So `params()` walks them when it is called: each property holding a
 * `Parameter` is one, each holding a `Layer` contributes that layer's parameters, and nothing else
 * counts (a list of layers does not, as in DeZero, where `MLP` also sets `l0`, `l1`, … for that
 * reason). Assigning `this.b = null` later simply drops the bias: the walk sees what is there now.
 */
import { Parameter, Variable } from './core.ts';
import type { VariableLike } from './core.ts';
import type { NDArray } from './np/ndarray.ts';
import type { DType } from './np/dtype.ts';
import { zeros } from './np/create.ts';
import { random } from './np/random.ts';
import { shapeTuple } from './np/shape-text.ts';
import { linear } from './functions.ts';
import { loadParams, saveParams } from './weights.ts';

// ==== Layer ====

/**
 * The base class of layers and models: `call` runs `forward` (Python's `layer(x)`), `params()`
 * yields every Parameter it holds, nested layers included, and `cleargrads()` resets their grads.
 * Subclasses assign their parameters and sublayers as properties and override `forward`.
 */
export class Layer {
  /** The inputs of the last call (DeZero keeps weak references; see the lesson for step 17). */
  inputs: unknown[] = [];
  /** The outputs of the last call. */
  outputs: Variable[] = [];

  /** Applies the layer: `forward` with the same arguments, its result as is. */
  call(...inputs: Parameters<this['forward']>): ReturnType<this['forward']> {
    const outputs = this.forward(...inputs) as ReturnType<this['forward']>;
    this.inputs = inputs;
    this.outputs = Array.isArray(outputs) ? outputs : [outputs];
    return outputs;
  }

  /** The computation, written with Variables and `F`; subclasses override it. */
  forward(..._inputs: VariableLike[]): Variable | Variable[] {
    throw new Error(`${this.constructor.name} does not implement forward`);
  }

  /** Every Parameter of this layer and of the layers it holds, in the order they were assigned. */
  *params(): Generator<Parameter> {
    yield* collectParams(this, []);
  }

  /**
   * Adds each Parameter to `paramsDict` under its path from this layer (`W`, `l0/W`, `l0/b`),
   * walking nested layers as `params()` does; DeZero's `_flatten_params`.
   */
  flattenParams(paramsDict: Map<string, Parameter>, parentKey = ''): void {
    for (const [name, value] of Object.entries(this)) {
      const key = parentKey === '' ? name : `${parentKey}/${name}`;
      if (value instanceof Parameter) paramsDict.set(key, value);
      else if (value instanceof Layer) value.flattenParams(paramsDict, key);
    }
  }

  /**
   * The shape parameter `name` must have, as far as the layer knows it before making it (null for
   * an axis it learns at its first call), or null when it declares none: `loadWeights` holds a file
   * to it, so weights of another size fail at once instead of quietly resizing the layer.
   */
  expectedShape(_name: string): readonly (number | null)[] | null {
    return null;
  }

  /** Saves every parameter to the `.npz` file `path`, by its path (`model.saveWeights('my_mlp.npz')`). */
  saveWeights(path: string): void {
    const params = new Map<string, Parameter>();
    this.flattenParams(params);
    saveParams(params, path);
  }

  /** Loads the parameters from the `.npz` file `path`, which `saveWeights` (or Python DeZero's) wrote. */
  loadWeights(path: string): void {
    const params = new Map<string, Parameter>();
    this.flattenParams(params);
    loadParams(params, path, this);
  }

  /** Clears the gradient of every parameter, before the next `backward()`. */
  cleargrads(): void {
    const params = this.params === Layer.prototype.params ? collectParams(this, []) : this.params();
    for (const param of params) param.cleargrad();
  }
}

/**
 * The walk behind `params()`: the layer's own properties in the order they were assigned, each
 * Parameter taken and each Layer walked in turn. A plain loop into one list: a generator per
 * nested layer cost more than a training step's parameter updates (measured in step 48's loop).
 */
function collectParams(layer: Layer, into: Parameter[]): Parameter[] {
  for (const value of Object.values(layer)) {
    if (value instanceof Parameter) into.push(value);
    else if (value instanceof Layer) {
      // A layer with its own params() (a reader's subclass) is asked, as the generator would ask it.
      if (value.params === Layer.prototype.params) collectParams(value, into);
      else into.push(...value.params());
    }
  }
  return into;
}

// ==== Linear ====

/** Options of `Linear`, as DeZero's keyword arguments. */
export interface LinearOptions {
  /** No bias: y = x·W. @default false */
  nobias?: boolean;
  /** The parameters' dtype. @default 'float32' */
  dtype?: DType;
  /** The input size; when omitted, the weight is made at the first call from the input's shape. @default null */
  inSize?: number | null;
}

/**
 * The fully connected layer y = x·W + b, with W of shape (inSize, outSize) drawn as
 * `randn(I, O) * sqrt(1 / I)` (float32 by default, as DeZero's) and b zeros. Without `inSize`, W
 * stays empty until the first call, which reads the size from the input's second axis.
 */
export class Linear extends Layer {
  /** Length of the input's feature axis; null until known. */
  inSize: number | null;
  /** Length of the output's feature axis. */
  outSize: number;
  /** The parameters' dtype. */
  dtype: DType;
  /** The weight, (inSize, outSize); empty until the first call when `inSize` was not given. */
  W: Parameter;
  /** The bias, (outSize,); null with `nobias`. */
  b: Parameter | null;

  /** A layer with `outSize` outputs: `new L.Linear(10)`, `new L.Linear(3, { nobias: true, inSize: 2 })`. */
  constructor(
    outSize: number,
    { nobias = false, dtype = 'float32', inSize = null }: LinearOptions = {},
  ) {
    super();
    this.inSize = inSize;
    this.outSize = outSize;
    this.dtype = dtype;
    this.W = new Parameter(null, 'W');
    if (this.inSize !== null) this.initW();
    this.b = nobias ? null : new Parameter(zeros(outSize, { dtype }), 'b');
  }

  /** Draws W: `randn(I, O)` cast to the dtype, times sqrt(1 / I) (a number, so float32 stays float32). */
  private initW(): void {
    const I = this.inSize!;
    const O = this.outSize;
    this.W.data = random
      .randn(I, O)
      .astype(this.dtype)
      .mul(Math.sqrt(1 / I));
  }

  /** W is (inSize, outSize), b is (outSize,). */
  override expectedShape(name: string): readonly (number | null)[] | null {
    if (name === 'W') return [this.inSize, this.outSize];
    return name === 'b' ? [this.outSize] : null;
  }

  /** x·W + b; at the first call, W is made from x's second axis. */
  override forward(x: Variable | NDArray): Variable {
    if (!this.W.hasData) {
      const inSize = x.shape[1];
      if (x.shape.length !== 2 || inSize === undefined)
        throw new RangeError(
          `Linear expects a 2-D input (batch, features), got shape ${shapeTuple(x.shape)}`,
        );
      this.inSize = inSize;
      this.initW();
    }
    return linear(x, this.W, this.b);
  }
}
