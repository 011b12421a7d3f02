/**
 * The convolutional layer of `L` (the book's step 57): `Conv2d`, whose kernels are made at the
 * first call from the input's channels, as `Linear` makes its weight. `layers.ts` exports it.
 */
import { Parameter, Variable } from './core.ts';
import type { NDArray } from './np/ndarray.ts';
import type { DType } from './np/dtype.ts';
import { zeros } from './np/create.ts';
import { random } from './np/random.ts';
import { shapeTuple } from './np/shape-text.ts';
import { pair } from './conv-sizes.ts';
import type { Pair } from './conv-sizes.ts';
import { conv2d } from './functions-conv.ts';
import { Layer } from './layers.ts';

/** Options of `Conv2d`, as DeZero's keyword arguments. */
export interface Conv2dOptions {
  /** How far the kernel moves each time: one number or [height, width]. @default 1 */
  stride?: Pair;
  /** Zeros added on each side of the input. @default 0 */
  pad?: Pair;
  /** No bias. @default false */
  nobias?: boolean;
  /** The parameters' dtype. @default 'float32' */
  dtype?: DType;
  /** The input's channels; when omitted, the kernels are made at the first call. @default null */
  inChannels?: number | null;
}

/**
 * The 2-D convolution layer: `outChannels` kernels of `kernelSize` over the input's channels,
 * W (OC, C, KH, KW) drawn as `randn(OC, C, KH, KW) * sqrt(1 / (C·KH·KW))` (float32 by default, as
 * DeZero's), b (OC) zeros. Without `inChannels`, W stays empty until the first call.
 */
export class Conv2d extends Layer {
  /** The input's channels; null until known. */
  inChannels: number | null;
  /** The number of kernels, so of output channels. */
  outChannels: number;
  kernelSize: Pair;
  stride: Pair;
  pad: Pair;
  /** The parameters' dtype. */
  dtype: DType;
  /** The kernels, (OC, C, KH, KW); empty until the first call when `inChannels` was not given. */
  W: Parameter;
  /** The bias, (OC,); null with `nobias`. */
  b: Parameter | null;

  /** A layer of `outChannels` kernels: `new L.Conv2d(30, 5)`, `new L.Conv2d(16, 3, { stride: 1, pad: 1 })`. */
  constructor(
    outChannels: number,
    kernelSize: Pair,
    {
      stride = 1,
      pad = 0,
      nobias = false,
      dtype = 'float32',
      inChannels = null,
    }: Conv2dOptions = {},
  ) {
    super();
    pair(kernelSize); // NOTE: a bad size fails here, not at the first call.
    this.inChannels = inChannels;
    this.outChannels = outChannels;
    this.kernelSize = kernelSize;
    this.stride = stride;
    this.pad = pad;
    this.dtype = dtype;
    this.W = new Parameter(null, 'W');
    if (this.inChannels !== null) this.initW();
    this.b = nobias ? null : new Parameter(zeros(outChannels, { dtype }), 'b');
  }

  /** W is (OC, C, KH, KW), b is (OC,). */
  override expectedShape(name: string): readonly (number | null)[] | null {
    const [KH, KW] = pair(this.kernelSize);
    if (name === 'W') return [this.outChannels, this.inChannels, KH, KW];
    return name === 'b' ? [this.outChannels] : null;
  }

  /** Draws W: `randn(OC, C, KH, KW)` cast to the dtype, times sqrt(1 / (C·KH·KW)) (a number: float32 stays float32). */
  private initW(): void {
    const C = this.inChannels!;
    const [KH, KW] = pair(this.kernelSize);
    this.W.data = random
      .randn(this.outChannels, C, KH, KW)
      .astype(this.dtype)
      .mul(Math.sqrt(1 / (C * KH * KW)));
  }

  /** conv2d(x, W, b); at the first call, W is made from x's channels (its second axis). */
  override forward(x: Variable | NDArray): Variable {
    if (!this.W.hasData) {
      if (x.shape.length !== 4)
        throw new RangeError(
          `Conv2d expects images of shape (N, C, H, W), got shape ${shapeTuple(x.shape)}`,
        );
      this.inChannels = x.shape[1]!;
      this.initW();
    }
    return conv2d(x, this.W, this.b, { stride: this.stride, pad: this.pad });
  }
}
