// VGG16, built layer by layer: the shapes an image takes through it, and what its weights would cost.
import { np, print, models, noGrad } from 'dezero';
import type { NDArray, Variable } from 'dezero';

np.random.seed(0);

// NEW: random weights. { pretrained: true } would throw: the trained ones are not shipped.
const model = new models.VGG16();

// A made-up "photo": one image, 3 colour channels, 224×224 pixels.
const x = np.random.randn(1, 3, 224, 224).astype('float32');
row('image', x.shape, '');

// The 13 convolutions run for real, block by block (their weights are made at the first call).
let h: NDArray | Variable = x;
let convCount = 0;
noGrad(() => {
  model.blocks.forEach((block, b) => {
    h = model.block(h, block);
    let count = 0;
    for (const conv of block) for (const param of conv.params()) count += param.data!.size;
    row(`block ${b + 1}`, h.shape, `${block.length} convs, ${grouped(count)} parameters`);
    convCount += count;
  });
});

// NEW: the classifier's weights are NOT made: each Linear's size follows from its input's.
let inSize = h.size; // 512 channels × 7 × 7 per image, once flattened
row('flatten', [1, inSize], '');
let fcCount = 0;
for (const [name, fc] of [
  ['fc6', model.fc6],
  ['fc7', model.fc7],
  ['fc8', model.fc8],
] as const) {
  const count = inSize * fc.outSize + fc.outSize; // W is (inSize, outSize), b is (outSize)
  row(name, [1, fc.outSize], `${grouped(count)} parameters (not allocated)`);
  fcCount += count;
  inSize = fc.outSize;
}

const total = convCount + fcCount;
print(`parameters: ${grouped(total)}, ${grouped(convCount)} of them in the convolutions`);
print(`as float32: ${((total * 4) / 1e6).toFixed(1)} MB`);

/** One line of the table: a name, a shape and a note, in columns. */
function row(name: string, shape: readonly number[], note: string): void {
  print(`${name.padEnd(8)} ${`[${shape.join(', ')}]`.padEnd(18)} ${note}`.trimEnd());
}

/** 138357544 → "138,357,544". */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}
