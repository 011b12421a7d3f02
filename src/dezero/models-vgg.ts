/**
 * `models.VGG16`, as the book's step 58 and DeZero's `models.py`: thirteen 3×3 convolutions in
 * five blocks, each block halved by a 2×2 max pooling, then three fully connected layers. The
 * pretrained weights (528 MB) are not shipped with this course, so `pretrained: true` says so.
 */
import type { Variable } from './core.ts';
import type { NDArray } from './np/ndarray.ts';
import { Conv2d } from './layers-conv.ts';
import { Linear } from './layers.ts';
import { relu } from './functions-nn.ts';
import { reshape } from './functions.ts';
import { pooling } from './functions-conv.ts';
import { dropout } from './functions-dropout.ts';
import { Model } from './models.ts';

/** Options of `VGG16`, as DeZero's keyword argument. */
export interface VGG16Options {
  /** Load the weights trained on ImageNet: not available in this course, so it throws. @default false */
  pretrained?: boolean;
}

/** The output channels of the convolutions, block by block (VGG's configuration "D"). */
const BLOCKS: readonly (readonly number[])[] = [
  [64, 64],
  [128, 128],
  [256, 256, 256],
  [512, 512, 512],
  [512, 512, 512],
];

/** A 3×3 convolution that keeps the image's size: stride 1, one pixel of zeros around it. */
const conv3x3 = (outChannels: number): Conv2d => new Conv2d(outChannels, 3, { stride: 1, pad: 1 });

/**
 * VGG16: `conv1_1` … `conv5_3` (3×3, stride 1, pad 1), ReLU after each, a 2×2 max pooling of
 * stride 2 after each block, then `fc6` (4096), `fc7` (4096) with ReLU and dropout, and `fc8`
 * (1000 ImageNet classes). Its weights are made at the first call, from the input's shape.
 */
export class VGG16 extends Model {
  /** DeZero's address of the pretrained weights (a 528 MB `.npz`). */
  static readonly WEIGHTS_PATH =
    'https://github.com/koki0702/dezero-models/releases/download/v0.1/vgg16.npz';

  /** The convolutions, block by block (also properties `conv1_1`, …, which `params()` walks). */
  blocks: Conv2d[][];
  // NOTE: declared, not initialised here, so that they are assigned after the convolutions and
  // params() walks the layers in the order the image goes through them.
  declare fc6: Linear;
  declare fc7: Linear;
  declare fc8: Linear;

  /** The layers with empty weights; `{ pretrained: true }` throws, saying why. */
  constructor({ pretrained = false }: VGG16Options = {}) {
    super();
    if (pretrained)
      throw new Error(
        `VGG16's pretrained weights are not available in this course: they are a 528 MB file (${VGG16.WEIGHTS_PATH}), too big to ship with a web page or to hold in a browser tab as numbers; build it with pretrained: false (random weights) to see its shapes`,
      );
    this.blocks = BLOCKS.map((channels, b) =>
      channels.map((outChannels, i) => {
        const conv = conv3x3(outChannels);
        Reflect.set(this, `conv${b + 1}_${i + 1}`, conv); // Python's self.conv1_1 = ...
        return conv;
      }),
    );
    this.fc6 = new Linear(4096);
    this.fc7 = new Linear(4096);
    this.fc8 = new Linear(1000);
  }

  /** Each block's convolutions with ReLU, then its pooling; then the classifier. */
  override forward(x: Variable | NDArray): Variable {
    let h = x;
    for (const block of this.blocks) h = this.block(h, block);
    return this.classify(h);
  }

  /** One block: its convolutions, each followed by ReLU, then 2×2 max pooling of stride 2. */
  block(x: Variable | NDArray, convs: readonly Conv2d[]): Variable {
    let h = x;
    for (const conv of convs) h = relu(conv.call(h));
    // NOTE: our F.pooling's stride defaults to 1, as DeZero's does: VGG halves, so stride 2.
    return pooling(h, 2, { stride: 2 });
  }

  /** The classifier on the last block's features: flatten, fc6, fc7 (ReLU, dropout), fc8. */
  classify(features: Variable | NDArray): Variable {
    let h = reshape(features, [features.shape[0]!, -1]);
    h = dropout(relu(this.fc6.call(h)));
    h = dropout(relu(this.fc7.call(h)));
    return this.fc8.call(h);
  }
}
