/**
 * `optimizers`, as the book's `optimizers.py`: an `Optimizer` holds a model (`setup`) and, at each
 * `update()`, changes every parameter that has a gradient. Python's keyword arguments are one
 * options object, as `L.Linear`'s are: `new optimizers.SGD({ lr: 0.2 }).setup(model)`.
 * Updates write into `param.data` in place (Python's `param.data -= ...`), so float32 weights stay
 * float32 and are rounded to float32 at every step, as numpy does.
 */
import { libmPow } from './np/libm-pow.ts';
import { Parameter } from './core.ts';
import { sameShape } from './checks.ts';
import type { Layer } from './layers.ts';
import type { NDArray } from './np/ndarray.ts';
import { zerosLike } from './np/create.ts';
import { sqrt } from './np/elementwise.ts';
import { getBackend } from './np/backend.ts';
import { sgdWasm } from './np/wasm/sgd-wasm.ts';

/** A function of the parameters that `update()` runs before it changes them: a function or an object with `call`. */
export type OptimizerHook = ((params: Parameter[]) => void) | { call(params: Parameter[]): void };

/** What an optimizer updates: a layer or model (its `params()`). */
export type OptimizerTarget = Pick<Layer, 'params'>;

// ==== Optimizer (base class) ====

/** The base class: `setup(target)`, then `update()` after each `backward()`; subclasses write `updateOne`. */
export class Optimizer {
  /** The model whose parameters are updated; null until `setup`. */
  target: OptimizerTarget | null = null;
  /** Run in order on the parameters at each update, before they change. */
  hooks: OptimizerHook[] = [];

  /** Takes the model to update; returns the optimizer, so `new SGD().setup(model)` reads as one line. */
  setup(target: OptimizerTarget): this {
    this.target = target;
    return this;
  }

  /** Runs the hooks, then `updateOne` on every parameter that (still) has a gradient. */
  update(): void {
    if (this.target === null) throw new Error(`${this.constructor.name}.update before setup`);
    const params: Parameter[] = [];
    for (const p of this.target.params()) if (p._grad !== null) params.push(p);
    for (const f of this.hooks) {
      if (typeof f === 'function') f(params);
      else f.call(params);
    }
    // NOTE: a hook may drop gradients (FreezeParam); DeZero would then fail on `None.data`.
    for (const param of params) if (param._grad !== null) this.updateOne(param);
  }

  /** Changes one parameter from its gradient; subclasses override it. */
  updateOne(_param: Parameter): void {
    throw new Error(`${this.constructor.name} does not implement updateOne`);
  }

  /** Adds a hook (e.g. `new optimizers.WeightDecay(1e-4)`), run at each update. */
  addHook(f: OptimizerHook): void {
    this.hooks.push(f);
  }
}

/** The gradient's array (update only sees parameters that have one). */
function gradOf(param: Parameter): NDArray {
  return param._grad!.data;
}

/** The state array kept for `param` in `store`, made as zeros of its shape and dtype the first time. */
function stateOf(store: Map<Parameter, NDArray>, param: Parameter): NDArray {
  let state = store.get(param);
  if (state === undefined) {
    state = zerosLike(param.data);
    store.set(param, state);
  }
  return state;
}

// ==== Hooks: WeightDecay / ClipGrad / FreezeParam ====

/** Adds `rate · param` to every gradient (L2 regularisation of rate/2 · Σ param²). */
export class WeightDecay {
  rate: number;
  /** A hook with the given rate. */
  constructor(rate: number) {
    this.rate = rate;
  }
  /** Applies the decay to the gradients. */
  call(params: Parameter[]): void {
    for (const param of params) gradOf(param).iadd(param.data.mul(this.rate));
  }
}

/** Scales all gradients down together when their overall L2 norm exceeds `maxNorm`. */
export class ClipGrad {
  maxNorm: number;
  /** A hook with the given largest norm. */
  constructor(maxNorm: number) {
    this.maxNorm = maxNorm;
  }
  /** Clips the gradients. */
  call(params: Parameter[]): void {
    let total = 0;
    for (const param of params) total += gradOf(param).pow(2).sum().item();
    const rate = this.maxNorm / (Math.sqrt(total) + 1e-6);
    if (rate < 1) for (const param of params) gradOf(param).imul(rate);
  }
}

/** Keeps the given parameters (or every parameter of the given layers) unchanged: drops their gradients. */
export class FreezeParam {
  freezeParams: Parameter[] = [];
  /** A hook freezing these parameters and layers. */
  constructor(...layers: (Parameter | OptimizerTarget)[]) {
    for (const l of layers) {
      if (l instanceof Parameter) this.freezeParams.push(l);
      else this.freezeParams.push(...l.params());
    }
  }
  /** Forgets the frozen parameters' gradients. */
  call(_params: Parameter[]): void {
    for (const p of this.freezeParams) p.grad = null;
  }
}

// ==== SGD / MomentumSGD ====

/** Options of `SGD`. */
export interface SGDOptions {
  /** Learning rate. @default 0.01 */
  lr?: number;
}

/** Stochastic gradient descent: param −= lr · grad. */
export class SGD extends Optimizer {
  lr: number;
  /** `new SGD({ lr: 0.2 })`. */
  constructor({ lr = 0.01 }: SGDOptions = {}) {
    super();
    this.lr = lr;
  }
  override updateOne(param: Parameter): void {
    const grad = gradOf(param);
    if (!sgdInPlace(param.data, grad, this.lr)) param.data.isub(grad.mul(this.lr));
  }
}

/** Below this many weights the copies into WebAssembly memory cost more than the loop saves. */
const SGD_WASM_MIN = 4096;

/**
 * W -= lr * grad in one pass over contiguous float arrays of one shape, with the same roundings
 * as the two operations (a float32 grad times lr rounded to float32, as numpy rounds the weak
 * scalar and the product; the difference rounded to W's dtype on store); false for any other case.
 * NOTE: the two-pass form reads and writes 795,010 floats three times per MNIST step, one ms.
 */
export function sgdInPlace(w: NDArray, grad: NDArray, lr: number): boolean {
  if (!w.isContiguous() || !grad.isContiguous() || !sameShape(w.shape, grad.shape)) return false;
  const out = w.storage;
  const g = grad.storage;
  if (out instanceof Uint8Array || g instanceof Uint8Array || out === g) return false;
  if (w.dtype !== 'float32' && w.dtype !== 'float64') return false;
  const n = w.size;
  const o = w.offset;
  const q = grad.offset;
  if (w.dtype === grad.dtype && n >= SGD_WASM_MIN && getBackend() === 'wasm') {
    if (sgdWasm(out as Float32Array | Float64Array, o, g as Float32Array | Float64Array, q, n, lr))
      return true;
  }
  if (grad.dtype === 'float32') {
    const lr32 = Math.fround(lr);
    for (let i = 0; i < n; i++) out[o + i] = out[o + i]! - Math.fround(lr32 * g[q + i]!);
  } else if (grad.dtype === 'float64') {
    for (let i = 0; i < n; i++) out[o + i] = out[o + i]! - lr * g[q + i]!;
  } else return false;
  return true;
}

/** Options of `MomentumSGD`. */
export interface MomentumSGDOptions {
  /** Learning rate. @default 0.01 */
  lr?: number;
  /** How much of the last step's velocity is kept. @default 0.9 */
  momentum?: number;
}

/** SGD with momentum: v ← momentum · v − lr · grad; param += v (v per parameter, zeros at first). */
export class MomentumSGD extends Optimizer {
  lr: number;
  momentum: number;
  /** The velocity of each parameter (DeZero's `vs`, keyed by `id(param)`). */
  vs = new Map<Parameter, NDArray>();
  /** `new MomentumSGD({ lr: 0.2, momentum: 0.9 })`. */
  constructor({ lr = 0.01, momentum = 0.9 }: MomentumSGDOptions = {}) {
    super();
    this.lr = lr;
    this.momentum = momentum;
  }
  override updateOne(param: Parameter): void {
    const v = stateOf(this.vs, param);
    v.imul(this.momentum);
    v.isub(gradOf(param).mul(this.lr));
    param.data.iadd(v);
  }
}

// ==== AdaGrad / AdaDelta / Adam ====

/** Options of `AdaGrad`. */
export interface AdaGradOptions {
  /** Learning rate. @default 0.001 */
  lr?: number;
  /** Added to the root so that it never divides by 0. @default 1e-8 */
  eps?: number;
}

/** AdaGrad: h += grad²; param −= lr · grad / (√h + eps). */
export class AdaGrad extends Optimizer {
  lr: number;
  eps: number;
  /** The sum of squared gradients of each parameter. */
  hs = new Map<Parameter, NDArray>();
  /** `new AdaGrad({ lr: 0.01 })`. */
  constructor({ lr = 0.001, eps = 1e-8 }: AdaGradOptions = {}) {
    super();
    this.lr = lr;
    this.eps = eps;
  }
  override updateOne(param: Parameter): void {
    const grad = gradOf(param);
    const h = stateOf(this.hs, param);
    h.iadd(grad.mul(grad));
    param.data.isub(grad.mul(this.lr).div(sqrt(h).add(this.eps)));
  }
}

/** Options of `AdaDelta`. */
export interface AdaDeltaOptions {
  /** Decay of the running averages. @default 0.95 */
  rho?: number;
  /** Added inside both roots. @default 1e-6 */
  eps?: number;
}

/** AdaDelta: running means of grad² (msg) and of step² (msdx); step = √((msdx + eps)/(msg + eps)) · grad. */
export class AdaDelta extends Optimizer {
  rho: number;
  eps: number;
  /** The running mean of squared gradients of each parameter. */
  msg = new Map<Parameter, NDArray>();
  /** The running mean of squared steps of each parameter. */
  msdx = new Map<Parameter, NDArray>();
  /** `new AdaDelta({ rho: 0.95 })`. */
  constructor({ rho = 0.95, eps = 1e-6 }: AdaDeltaOptions = {}) {
    super();
    this.rho = rho;
    this.eps = eps;
  }
  override updateOne(param: Parameter): void {
    const grad = gradOf(param);
    const msg = stateOf(this.msg, param);
    const msdx = stateOf(this.msdx, param);
    const { rho, eps } = this;
    msg.imul(rho);
    msg.iadd(grad.mul(1 - rho).mul(grad));
    const dx = sqrt(msdx.add(eps).div(msg.add(eps))).mul(grad);
    msdx.imul(rho);
    msdx.iadd(dx.mul(1 - rho).mul(dx));
    param.data.isub(dx);
  }
}

/** Options of `Adam`. */
export interface AdamOptions {
  /** Step size. @default 0.001 */
  alpha?: number;
  /** Decay of the mean of gradients. @default 0.9 */
  beta1?: number;
  /** Decay of the mean of squared gradients. @default 0.999 */
  beta2?: number;
  /** Added to the root so that it never divides by 0. @default 1e-8 */
  eps?: number;
}

/** Adam: running means m of grad and v of grad², param −= lr · m / (√v + eps) with the bias-corrected `lr`. */
export class Adam extends Optimizer {
  /** The number of updates so far. */
  t = 0;
  alpha: number;
  beta1: number;
  beta2: number;
  eps: number;
  /** The running mean of gradients of each parameter. */
  ms = new Map<Parameter, NDArray>();
  /** The running mean of squared gradients of each parameter. */
  vs = new Map<Parameter, NDArray>();
  /** `new Adam({ alpha: 0.001 })`. */
  constructor({ alpha = 0.001, beta1 = 0.9, beta2 = 0.999, eps = 1e-8 }: AdamOptions = {}) {
    super();
    this.alpha = alpha;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
  }
  /** Counts the step, then updates. */
  override update(): void {
    this.t += 1;
    super.update();
  }
  /** The step size at step t: alpha · √(1 − beta2ᵗ) / (1 − beta1ᵗ). */
  get lr(): number {
    const fix1 = 1 - libmPow(this.beta1, this.t);
    const fix2 = 1 - libmPow(this.beta2, this.t);
    return (this.alpha * Math.sqrt(fix2)) / fix1;
  }
  override updateOne(param: Parameter): void {
    const grad = gradOf(param);
    const m = stateOf(this.ms, param);
    const v = stateOf(this.vs, param);
    m.iadd(grad.sub(m).mul(1 - this.beta1));
    v.iadd(
      grad
        .mul(grad)
        .sub(v)
        .mul(1 - this.beta2),
    );
    param.data.isub(m.mul(this.lr).div(sqrt(v).add(this.eps)));
  }
}
