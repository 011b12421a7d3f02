/**
 * Training benchmark: step 48's loop (spiral data, MLP([10, 3]) with sigmoid, SGD lr 1.0, 300
 * epochs of 10 batches of 30: 3,000 optimizer steps), timed in Node beside the book's own Python
 * DeZero with numpy (scripts/bench/train_bench.py). Runs alternate, ours then Python's, so both
 * see the same load on a busy machine.
 * The Python column needs DEZERO_PYTHON, the folder holding the book's `dezero` package (e.g.
 * /work/shared/reference/dezero-python), and python3 with numpy; without them it says n/a.
 * Both sides build the data set before the clock starts; each figure is the median of REPEATS
 * runs (ours after one warm-up run, whose time is printed as "cold": a lesson's program runs once). Both must end at the book's
 * last loss (0.13 to two places); the full values are printed, since they differ in the 6th digit:
 * numpy's float32 matmul (BLAS, fused multiply-adds) and SIMD float32 loops round their own way.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { F, datasets, models, np, optimizers } from '../src/dezero/index.ts';

const REPEATS = 5;

/** One training run from a fresh model; returns its milliseconds and the last epoch's mean loss. */
function train(): { ms: number; loss: number } {
  const [x, t] = datasets.getSpiral({ train: true });
  const start = performance.now();
  const model = new models.MLP([10, 3]);
  const optimizer = new optimizers.SGD({ lr: 1.0 }).setup(model);
  const dataSize = x.shape[0]!;
  const batchSize = 30;
  const maxIter = Math.ceil(dataSize / batchSize);
  let meanLoss = NaN;
  for (let epoch = 0; epoch < 300; epoch++) {
    const index = np.random.permutation(dataSize);
    let sumLoss = 0;
    for (let i = 0; i < maxIter; i++) {
      const batchIndex = index.get(`${i * batchSize}:${(i + 1) * batchSize}`);
      const batchT = t.get(batchIndex);
      const loss = F.softmaxCrossEntropy(model.call(x.get(batchIndex)), batchT);
      model.cleargrads();
      loss.backward();
      optimizer.update();
      sumLoss += loss.data.item() * batchT.shape[0]!;
    }
    meanLoss = sumLoss / dataSize;
  }
  return { ms: performance.now() - start, loss: meanLoss };
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** One Python run's milliseconds and last loss, or why there is none. */
function python(): { ms: number; loss: number } | string {
  const home = process.env['DEZERO_PYTHON'];
  if (!home) return 'n/a (set DEZERO_PYTHON to the book’s dezero folder)';
  const script = fileURLToPath(new URL('../scripts/bench/train_bench.py', import.meta.url));
  const r = spawnSync('python3', [script, '1'], {
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...process.env, DEZERO_PYTHON: home },
  });
  const fields = r.status === 0 ? (r.stdout ?? '').trim().split(/\s+/).map(Number) : [];
  if (fields.length !== 2 || !fields.every(Number.isFinite))
    return `n/a (python3 with numpy failed: ${(r.stderr ?? r.error?.message ?? '').trim().split('\n').at(-1)})`;
  return { ms: fields[0]!, loss: fields[1]! };
}

/** Prints the training figures. */
export async function run(print: (line: string) => void): Promise<void> {
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  const cold = train();
  const runs: { ms: number; loss: number }[] = [];
  const py: { ms: number; loss: number }[] = [];
  let pyMissing = '';
  for (let r = 0; r < REPEATS; r++) {
    runs.push(train());
    const p = pyMissing ? pyMissing : python();
    if (typeof p === 'string') pyMissing = p;
    else py.push(p);
  }
  const ours = median(runs.map((r) => r.ms));
  if (runs.some((r) => r.loss !== cold.loss)) throw new Error('step 48: runs disagree');
  if (cold.loss.toFixed(2) !== '0.13') throw new Error(`step 48 ends at ${cold.loss}, not 0.13`);
  print(`train: step 48 (spiral, MLP([10, 3]), 3,000 SGD steps), median of ${REPEATS}`);
  print(`  load average before: ${load}`);
  print(`  dezero-ts: ${ours.toFixed(0)} ms (cold run ${cold.ms.toFixed(0)} ms)`);
  if (pyMissing) {
    print(`  python DeZero + numpy: ${pyMissing}`);
    return;
  }
  if (py[0]!.loss.toFixed(2) !== cold.loss.toFixed(2))
    throw new Error(`step 48: our last loss ${cold.loss} is not Python's ${py[0]!.loss}`);
  const theirs = median(py.map((p) => p.ms));
  print(`  python DeZero + numpy: ${theirs.toFixed(0)} ms (runs alternating with ours)`);
  print(`  last mean loss: ours ${cold.loss}, Python's ${py[0]!.loss}`);
  print(`  ratio: dezero-ts is ${(theirs / ours).toFixed(2)}x faster (target >= 4x)`);
  print(`  load average after: ${loadavg()[0]!.toFixed(2)}`);
}

if (import.meta.main) await run(console.log);
