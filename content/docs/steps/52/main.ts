// Step 51's model, trained for the same 20 batches on each backend: plain JavaScript, then WebAssembly SIMD.
import { F, np, print, models, optimizers, datasets, DataLoader } from 'dezero';

const batchSize = 100;
const batches = 20; // per backend: 2,000 of the 60,000 images
const trainSet = new datasets.MNIST({ train: true });

const seconds = new Map<string, number>();
// NEW: the backends this engine can run, ['js', 'wasm'] (only 'js' where WebAssembly SIMD is missing).
for (const backend of np.backends()) {
  np.setBackend(backend); // NEW: every matrix product from here on runs on it
  np.random.seed(0); // the same weights and the same batches for each backend
  const trainLoader = new DataLoader(trainSet, batchSize);
  const model = new models.MLP([1000, 10]);
  const optimizer = new optimizers.SGD().setup(model);

  const start = performance.now();
  let sumLoss = 0;
  let done = 0;
  for (const [x, t] of trainLoader) {
    const loss = F.softmaxCrossEntropy(model.call(x), t);
    model.cleargrads();
    loss.backward();
    optimizer.update();
    sumLoss += loss.data.item();
    if (++done === batches) break;
  }
  const took = (performance.now() - start) / 1000;
  seconds.set(backend, took);

  print(`${backend}: mean loss over ${batches} batches ${(sumLoss / batches).toFixed(8)}`);
  // NEW: times differ on every run and every machine (the expected output leaves them out).
  print(
    `${backend}: ${((1000 * took) / batches).toFixed(1)} ms per batch, so about ${((took / batches) * trainLoader.maxIter).toFixed(1)} s per epoch`,
  );
}
const js = seconds.get('js')!;
const wasm = seconds.get('wasm');
print(
  wasm === undefined
    ? 'no WebAssembly SIMD here: only js ran'
    : `wasm is ${(js / wasm).toFixed(1)} times as fast`,
);
print('backend now:', np.getBackend());
