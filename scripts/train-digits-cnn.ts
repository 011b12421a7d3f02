/**
 * Trains step 58's small CNN on MNIST and writes its weights to public/data/models/digits-cnn.npz,
 * the file the lesson's `classify` program loads: `npm run train-digits-cnn`. Seeded, so a rerun
 * writes the same bytes; it takes a few minutes in Node. The model is the one `classify.ts`
 * defines (conv 8 → pool → conv 16 → pool → linear 10), and the keys are DeZero's parameter
 * paths (`conv1/W`, `conv1/b`, …), so Python DeZero's `load_weights` reads the file too.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataLoader, F, Parameter, datasets, noGrad, np, optimizers } from '../src/dezero/index.ts';
import { setDataFileReader } from '../src/dezero/data-files.ts';
import { savez } from '../src/dezero/np/npz.ts';
import { nodeDataFileReader } from '../src/runner/node-data-files.ts';
import { DIGITS_CNN_FILE } from '../src/runner/data-needs.ts';
import { DigitsCNN, digitsTransform } from './digits-cnn.ts';

const OUT = fileURLToPath(new URL(`../public/data/models/${DIGITS_CNN_FILE}`, import.meta.url));
const EPOCHS = 3;

setDataFileReader(nodeDataFileReader);
np.random.seed(0);
const transform = digitsTransform();
const trainSet = new datasets.MNIST({ train: true, transform });
const testSet = new datasets.MNIST({ train: false, transform });
const model = new DigitsCNN();
const optimizer = new optimizers.Adam().setup(model);

for (let epoch = 1; epoch <= EPOCHS; epoch++) {
  const start = performance.now();
  let sumLoss = 0;
  let sumAcc = 0;
  for (const [x, t] of new DataLoader(trainSet, 100)) {
    const y = model.call(x);
    const loss = F.softmaxCrossEntropy(y, t);
    model.cleargrads();
    loss.backward();
    optimizer.update();
    sumLoss += loss.data.item() * t.shape[0]!;
    sumAcc += F.accuracy(y, t).data.item() * t.shape[0]!;
  }
  const n = trainSet.length;
  console.log(
    `epoch ${epoch}: loss ${(sumLoss / n).toFixed(4)}, accuracy ${(sumAcc / n).toFixed(4)} (${((performance.now() - start) / 1000).toFixed(0)} s)`,
  );
}

let correct = 0;
noGrad(() => {
  for (const [x, t] of new DataLoader(testSet, 1000, { shuffle: false }))
    correct += F.accuracy(model.call(x), t).data.item() * t.shape[0]!;
});
console.log(`test accuracy: ${(correct / testSet.length).toFixed(4)}`);

const params = new Map<string, Parameter>();
model.flattenParams(params);
const bytes = savez(new Map([...params].map(([key, param]) => [key, param.data])));
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, bytes);
console.log(
  `wrote ${OUT}: ${[...params.keys()].join(', ')}, ${(bytes.length / 1024).toFixed(1)} KB`,
);
