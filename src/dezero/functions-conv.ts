/**
 * The convolution functions of `F` (the book's step 57, DeZero's `functions_conv.py`): `im2col`
 * and `col2im`, each the other's backward; `conv2d`, one matrix product over im2col's columns,
 * and `conv2dSimple`, the same from `im2col` and `linear`; max pooling (`pooling`, with its
 * backward through the argmax, and `poolingSimple`) and `averagePooling`. The loops are in
 * `im2col.ts`; `f.ts` puts these in `F`.
 *
 * Options are DeZero's keyword arguments: `F.conv2d(x, W, b, { stride: 2, pad: 1 })`; a size is
 * one number for both axes or a pair [height, width].
 */
import type { NDArray } from './np/ndarray.ts';
import { dot } from './np/linalg.ts';
import { Function, Variable, asVariable } from './core.ts';
import type { VariableLike } from './core.ts';
import { pair } from './conv-sizes.ts';
import type { Pair } from './conv-sizes.ts';
import { linear, matmul, reshape } from './functions.ts';
import { broadcastTo } from './operators.ts';
import {
  averagePoolArray,
  averagePoolSpread,
  col2imArray,
  convGeometry,
  im2colArray,
  maxPoolArray,
  maxPoolGather,
  maxPoolScatter,
} from './im2col.ts';
import type { ConvGeometry } from './im2col.ts';

/** How a kernel moves: `stride` cells at a time over an input padded with `pad` zeros on each side. */
export interface ConvOptions {
  /** @default 1 */
  stride?: Pair;
  /** @default 0 */
  pad?: Pair;
}

/** Options of `im2col` and `col2im`. */
export interface Im2colOptions extends ConvOptions {
  /** Columns as a matrix (N·OH·OW, C·KH·KW), else (N, C, KH, KW, OH, OW). @default true */
  toMatrix?: boolean;
}

// ==== im2col / col2im ====

/** col = every kernel-sized window of x laid out as columns; gx = col2im(gy). */
export class Im2col extends Function {
  readonly kernelSize: Pair;
  readonly stride: Pair;
  readonly pad: Pair;
  readonly toMatrix: boolean;
  constructor(kernelSize: Pair, { stride = 1, pad = 0, toMatrix = true }: Im2colOptions = {}) {
    super();
    this.kernelSize = kernelSize;
    this.stride = stride;
    this.pad = pad;
    this.toMatrix = toMatrix;
  }
  override forward(x: NDArray): NDArray {
    return im2colArray(x, this.kernelSize, this.stride, this.pad, this.toMatrix);
  }
  override backward(gy: Variable): Variable {
    return col2im(gy, this.inputs[0]!.shape, this.kernelSize, this);
  }
  override backwardArrays(gy: NDArray): NDArray {
    const { kernelSize, stride, pad, toMatrix } = this;
    return col2imArray(gy, this.inputs[0]!.shape, kernelSize, stride, pad, toMatrix);
  }
}

/** img = the images of `inputShape` whose columns x are, overlaps added; gx = im2col(gy). */
export class Col2im extends Function {
  readonly inputShape: readonly number[];
  readonly kernelSize: Pair;
  readonly stride: Pair;
  readonly pad: Pair;
  readonly toMatrix: boolean;
  constructor(
    inputShape: readonly number[],
    kernelSize: Pair,
    { stride = 1, pad = 0, toMatrix = true }: Im2colOptions = {},
  ) {
    super();
    this.inputShape = inputShape;
    this.kernelSize = kernelSize;
    this.stride = stride;
    this.pad = pad;
    this.toMatrix = toMatrix;
  }
  override forward(x: NDArray): NDArray {
    const { inputShape, kernelSize, stride, pad, toMatrix } = this;
    return col2imArray(x, inputShape, kernelSize, stride, pad, toMatrix);
  }
  override backward(gy: Variable): Variable {
    return im2col(gy, this.kernelSize, this);
  }
  override backwardArrays(gy: NDArray): NDArray {
    return im2colArray(gy, this.kernelSize, this.stride, this.pad, this.toMatrix);
  }
}

/**
 * The windows of images x (N, C, H, W) as columns: with `toMatrix` (the default) a matrix with
 * one row per output position, (N·OH·OW, C·KH·KW); else (N, C, KH, KW, OH, OW).
 */
export function im2col(x: VariableLike, kernelSize: Pair, options: Im2colOptions = {}): Variable {
  return new Im2col(kernelSize, options).call(x);
}

/** Columns back to images of `inputShape` (N, C, H, W), each pixel the sum of the entries read from it. */
export function col2im(
  x: VariableLike,
  inputShape: readonly number[],
  kernelSize: Pair,
  options: Im2colOptions = {},
): Variable {
  return new Col2im(inputShape, kernelSize, options).call(x);
}

// ==== conv2d / conv2dSimple ====

/** W (OC, C, KH, KW) checked against x (N, C, H, W), and the convolution's geometry. */
function convShapes(
  x: { shape: readonly number[] },
  W: { shape: readonly number[] },
  o: ConvOptions,
): ConvGeometry {
  if (W.shape.length !== 4)
    throw new RangeError(
      `conv2d expects a weight of shape (OC, C, KH, KW), got shape (${W.shape.join(', ')})`,
    );
  const [, C, KH, KW] = W.shape as [number, number, number, number];
  const g = convGeometry(x.shape, [KH, KW], o.stride ?? 1, o.pad ?? 0, 'conv2d');
  if (g.C !== C)
    throw new RangeError(`conv2d: the input has ${g.C} channels, the weight expects ${C}`);
  return g;
}

/**
 * y = the convolution of images x (N, C, H, W) with OC kernels W (OC, C, KH, KW), plus b (OC),
 * as one matrix product: im2col(x) · W as (OC, C·KH·KW)ᵀ, (N·OH·OW, OC), seen as (N, OC, OH, OW).
 * gx = col2im(gy · W), gW = gyᵀ · im2col(x), gb = gy summed over N, OH, OW.
 *
 * Where the time goes (`npx node --cpu-prof`, one training step of a small MNIST CNN: batch 100
 * float32, conv 30×5×5, relu, 2×2 pooling, conv 30×3×3 pad 1, relu, pooling, linear 100, linear
 * 10; ~300 ms on this 2-core machine): im2col 12% (twice per layer, forward and gW), the matrix
 * products in WebAssembly 18%, elementwise work 10%, col2im 8%, max pooling 11%. im2col is the
 * largest single kernel, not the bulk.
 */
export class Conv2d extends Function {
  readonly stride: Pair;
  readonly pad: Pair;
  /** x came in as an array (a mini-batch), so no one can read its gradient: see `Linear`. */
  xIsArray = false;
  constructor({ stride = 1, pad = 0 }: ConvOptions = {}) {
    super();
    this.stride = pair(stride);
    this.pad = pair(pad);
  }
  override forward(x: NDArray, W: NDArray, b?: NDArray): NDArray {
    const g = convShapes(x, W, this);
    const col = im2colArray(x, [g.KH, g.KW], this.stride, this.pad, true);
    const Wm = W.reshape(W.shape[0]!, -1);
    let y = dot(col, Wm.transpose());
    if (b !== undefined) y = y.add(b);
    return y.reshape(g.N, g.OH, g.OW, -1).transpose(0, 3, 1, 2);
  }
  override backward(gy: Variable): Variable[] {
    const [x, W, b] = this.inputs as [Variable, Variable, Variable | undefined];
    const g = convShapes(x, W, this);
    const OC = W.shape[0]!;
    const options = { stride: this.stride, pad: this.pad };
    const gyM = gy.transpose(0, 2, 3, 1).reshape(-1, OC);
    const gx = col2im(matmul(gyM, W.reshape(OC, -1)), x.shape, [g.KH, g.KW], options);
    const gW = matmul(gyM.T, im2col(x, [g.KH, g.KW], options)).reshape(W.shape);
    return b === undefined ? [gx, gW] : [gx, gW, gy.sum([0, 2, 3])];
  }
  override backwardArrays(gy: NDArray): (NDArray | null)[] {
    const [x, W, b] = this.inputs as [Variable, Variable, Variable | undefined];
    const g = convShapes(x, W, this);
    const OC = W.shape[0]!;
    const gyM = gy.transpose(0, 2, 3, 1).reshape(-1, OC);
    const gx = this.xIsArray
      ? null
      : col2imArray(dot(gyM, W.data.reshape(OC, -1)), x.shape, [g.KH, g.KW], this.stride, this.pad);
    // NOTE: the columns are made again rather than kept from forward, as DeZero does: a kept
    // copy is KH·KW times the input, for every layer of a graph (VGG16's first layers: 100 MB each).
    const col = im2colArray(x.data, [g.KH, g.KW], this.stride, this.pad, true);
    const gW = dot(gyM.transpose(), col).reshape(W.shape);
    return b === undefined ? [gx, gW] : [gx, gW, gy.sum([0, 2, 3])];
  }
}

/** The 2-D convolution of images x (N, C, H, W) with weights W (OC, C, KH, KW) and bias b (OC) or null. */
export function conv2d(
  x: VariableLike,
  W: VariableLike,
  b: VariableLike | null = null,
  options: ConvOptions = {},
): Variable {
  const f = new Conv2d(options);
  f.xIsArray = !(x instanceof Variable);
  return b === null ? f.call(x, W) : f.call(x, W, b);
}

/** The same convolution from Functions already there (the book's `conv2d_simple`): im2col, linear, reshape, transpose. */
export function conv2dSimple(
  x: VariableLike,
  W: VariableLike,
  b: VariableLike | null = null,
  options: ConvOptions = {},
): Variable {
  const xv = asVariable(x);
  const Wv = asVariable(W);
  const g = convShapes(xv, Wv, options);
  const col = im2col(xv, [g.KH, g.KW], options);
  const Wm = Wv.reshape(Wv.shape[0]!, -1).transpose();
  const t = linear(col, Wm, b);
  return t.reshape(g.N, g.OH, g.OW, -1).transpose(0, 3, 1, 2);
}

// ==== max: for poolingSimple ====

/** y = the maximum over `axis`; gy flows to every element equal to it (ties all get it, as DeZero's). */
export class Max extends Function {
  readonly axis: number | readonly number[] | null;
  readonly keepdims: boolean;
  constructor(axis: number | readonly number[] | null = null, keepdims = false) {
    super();
    this.axis = axis;
    this.keepdims = keepdims;
  }
  override forward(x: NDArray): NDArray {
    return x.max({ axis: this.axis, keepdims: this.keepdims });
  }
  override backward(gy: Variable): Variable {
    const x = this.inputs[0]!;
    const kept = x.data.max({ axis: this.axis, keepdims: true });
    const cond = x.data.eq(kept);
    return broadcastTo(reshape(gy, kept.shape), x.shape).mul(cond);
  }
}

/** The maximum of x over `axis` (all axes when null), as DeZero's `F.max`. */
export function max(
  x: VariableLike,
  axis: number | readonly number[] | null = null,
  keepdims = false,
): Variable {
  return new Max(axis, keepdims).call(x);
}

// ==== pooling / poolingSimple / averagePooling ====

/** y = the largest value of each window (padding counts as 0); gx = gy at each window's argmax. */
export class Pooling extends Function {
  readonly kernelSize: Pair;
  readonly stride: Pair;
  readonly pad: Pair;
  /** Per output, the window position kh·KW + kw of its maximum, from the last forward. */
  indexes: Int32Array = new Int32Array(0);
  geometry: ConvGeometry | null = null;
  constructor(kernelSize: Pair, { stride = 1, pad = 0 }: ConvOptions = {}) {
    super();
    this.kernelSize = kernelSize;
    this.stride = stride;
    this.pad = pad;
  }
  override forward(x: NDArray): NDArray {
    this.geometry = convGeometry(x.shape, this.kernelSize, this.stride, this.pad, 'pooling');
    const { y, indexes } = maxPoolArray(x, this.geometry);
    this.indexes = indexes;
    return y;
  }
  override backward(gy: Variable): Variable {
    return new Pooling2DGrad(this).call(gy);
  }
  override backwardArrays(gy: NDArray): NDArray {
    return maxPoolScatter(gy, this.indexes, this.geometry!);
  }
}

/** gx = zeros with gy put at each window's argmax (max pooling's backward); its own backward gathers. */
export class Pooling2DGrad extends Function {
  readonly pooling: Pooling;
  constructor(pooling: Pooling) {
    super();
    this.pooling = pooling;
  }
  override forward(gy: NDArray): NDArray {
    return maxPoolScatter(gy, this.pooling.indexes, this.pooling.geometry!);
  }
  override backward(ggx: Variable): Variable {
    return new Pooling2DWithIndexes(this.pooling).call(ggx);
  }
  override backwardArrays(ggx: NDArray): NDArray {
    return maxPoolGather(ggx, this.pooling.indexes, this.pooling.geometry!);
  }
}

/** y = x read at the argmax positions of an earlier max pooling; backward scatters back (`Pooling2DGrad`). */
export class Pooling2DWithIndexes extends Function {
  readonly pooling: Pooling;
  constructor(pooling: Pooling) {
    super();
    this.pooling = pooling;
  }
  override forward(x: NDArray): NDArray {
    return maxPoolGather(x, this.pooling.indexes, this.pooling.geometry!);
  }
  override backward(gy: Variable): Variable {
    return new Pooling2DGrad(this.pooling).call(gy);
  }
  override backwardArrays(gy: NDArray): NDArray {
    return maxPoolScatter(gy, this.pooling.indexes, this.pooling.geometry!);
  }
}

/** Max pooling of images x (N, C, H, W): the largest value of each kernel-sized window. */
export function pooling(x: VariableLike, kernelSize: Pair, options: ConvOptions = {}): Variable {
  return new Pooling(kernelSize, options).call(x);
}

/** The same max pooling from im2col and `max` (the book's `pooling_simple`). */
export function poolingSimple(
  x: VariableLike,
  kernelSize: Pair,
  options: ConvOptions = {},
): Variable {
  const xv = asVariable(x);
  const g = convGeometry(xv.shape, kernelSize, options.stride ?? 1, options.pad ?? 0, 'pooling');
  const col = im2col(xv, kernelSize, options).reshape(-1, g.KH * g.KW);
  return max(col, 1).reshape(g.N, g.OH, g.OW, g.C).transpose(0, 3, 1, 2);
}

/** y = the mean of each window (padding counts as 0); gx = gy / (KH·KW) spread over the window. */
export class AveragePooling extends Function {
  readonly kernelSize: Pair;
  readonly stride: Pair;
  readonly pad: Pair;
  constructor(kernelSize: Pair, { stride = 1, pad = 0 }: ConvOptions = {}) {
    super();
    this.kernelSize = kernelSize;
    this.stride = stride;
    this.pad = pad;
  }
  geometryOf(shape: readonly number[]): ConvGeometry {
    return convGeometry(shape, this.kernelSize, this.stride, this.pad, 'averagePooling');
  }
  override forward(x: NDArray): NDArray {
    return averagePoolArray(x, this.geometryOf(x.shape));
  }
  override backward(gy: Variable): Variable {
    return new AveragePoolingGrad(this, this.inputs[0]!.shape).call(gy);
  }
  override backwardArrays(gy: NDArray): NDArray {
    return averagePoolSpread(gy, this.geometryOf(this.inputs[0]!.shape));
  }
}

/** Average pooling's backward as a Function: spreading is linear, and its own backward is the average again. */
export class AveragePoolingGrad extends Function {
  readonly pooling: AveragePooling;
  readonly inputShape: readonly number[];
  constructor(pooling: AveragePooling, inputShape: readonly number[]) {
    super();
    this.pooling = pooling;
    this.inputShape = inputShape;
  }
  override forward(gy: NDArray): NDArray {
    return averagePoolSpread(gy, this.pooling.geometryOf(this.inputShape));
  }
  override backward(ggx: Variable): Variable {
    return new AveragePooling(this.pooling.kernelSize, this.pooling).call(ggx);
  }
  override backwardArrays(ggx: NDArray): NDArray {
    return averagePoolArray(ggx, this.pooling.geometryOf(this.inputShape));
  }
}

/** Average pooling of images x (N, C, H, W): the mean of each kernel-sized window. */
export function averagePooling(
  x: VariableLike,
  kernelSize: Pair,
  options: ConvOptions = {},
): Variable {
  return new AveragePooling(kernelSize, options).call(x);
}
