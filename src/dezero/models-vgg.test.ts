// VGG16: its layers and their names, the shapes through it, its 138,357,544 parameters at 224×224
// (the classifier counted from the layer sizes, not allocated), and pretrained weights refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Parameter, Variable, models, noGrad, np } from './index.ts';
import type { NDArray } from './index.ts';

test('VGG16 runs a small image through all 16 layers to 1000 scores', () => {
  np.random.seed(0);
  const model = new models.VGG16();
  const x = np.random.randn(1, 3, 32, 32).astype('float32');
  const sizes: number[] = [];
  const y = noGrad(() => {
    let h: Variable | NDArray = x;
    for (const block of model.blocks) {
      h = model.block(h, block);
      sizes.push(h.shape[2]!);
    }
    assert.deepEqual(h.shape, [1, 512, 1, 1]);
    return model.classify(h);
  });
  assert.deepEqual(sizes, [16, 8, 4, 2, 1], 'each block halves the image');
  assert.deepEqual(y.shape, [1, 1000]);
  assert.equal(y.dtype, 'float32');
});

test('VGG16 has 13 convolutions and 3 linear layers under DeZero names, 138,357,544 parameters at 224×224', () => {
  np.random.seed(0);
  const model = new models.VGG16();
  const params = new Map<string, Parameter>();
  model.flattenParams(params);
  assert.equal(params.size, 32);
  assert.deepEqual([...params.keys()].slice(0, 2), ['conv1_1/W', 'conv1_1/b']);
  assert.deepEqual([...params.keys()].slice(-2), ['fc8/W', 'fc8/b']);
  assert.deepEqual(
    model.blocks.map((block) => block.map((conv) => conv.outChannels)),
    [
      [64, 64],
      [128, 128],
      [256, 256, 256],
      [512, 512, 512],
      [512, 512, 512],
    ],
  );
  // Counted from the layers' definitions: a 3×3 kernel per (input, output) channel pair plus a
  // bias per output; the first Linear sees 512 × 7 × 7 features of a 224×224 image.
  let inChannels = 3;
  let count = 0;
  for (const conv of model.blocks.flat()) {
    assert.deepEqual([conv.kernelSize, conv.stride, conv.pad], [3, 1, 1]);
    count += conv.outChannels * inChannels * 9 + conv.outChannels;
    inChannels = conv.outChannels;
  }
  assert.equal(count, 14_714_688);
  let inSize = 512 * 7 * 7;
  for (const fc of [model.fc6, model.fc7, model.fc8]) {
    count += inSize * fc.outSize + fc.outSize;
    inSize = fc.outSize;
  }
  assert.equal(count, 138_357_544);
});

test('VGG16 with pretrained weights says why they are not available', () => {
  assert.throws(
    () => new models.VGG16({ pretrained: true }),
    /pretrained weights are not available in this course: they are a 528 MB file/,
  );
});
