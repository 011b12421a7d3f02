/**
 * Core benchmark: small scalar graphs (step 24's Goldstein-Price gradient, built and
 * differentiated 10,000 times) and the backward bookkeeping on long chains, which must grow
 * as O(n log n) in the number of functions. Beside it, the book's own Python DeZero on the same
 * graph (scripts/bench/goldstein_bench.py, which needs DEZERO_PYTHON as bench/train.bench.ts
 * does), in rounds that alternate with ours so both see the same load; and a minimal Python
 * autograd on numpy (scripts/bench/core_bench.py), which needs only python3 with numpy.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { F, Variable, add, sub } from '../src/dezero/index.ts';
import { fromFlat } from '../src/dezero/np/ndarray.ts';

const GRAPHS = 10_000;
const ROUNDS = 5;
const PY_GRAPHS = 1_000; // per Python batch: ~0.4 s at DeZero's pace

function goldstein(x: Variable, y: Variable): Variable {
  const q = sub(19, x.mul(14))
    .add(x.pow(2).mul(3))
    .sub(y.mul(14))
    .add(x.mul(6).mul(y))
    .add(y.pow(2).mul(3));
  const s = sub(18, x.mul(32))
    .add(x.pow(2).mul(12))
    .add(y.mul(48))
    .sub(x.mul(36).mul(y))
    .add(y.pow(2).mul(27));
  return x
    .add(y)
    .add(1)
    .pow(2)
    .mul(q)
    .add(1)
    .mul(x.mul(2).sub(y.mul(3)).pow(2).mul(s).add(30));
}

function oneGraph(): number {
  const x = new Variable(fromFlat([1], []));
  const y = new Variable(fromFlat([1], []));
  goldstein(x, y).backward();
  return x.grad!.data.item();
}

/** Best of three timed runs of `n` calls, in ms per call, after a warm-up. */
function msPer(n: number, fn: () => unknown): number {
  for (let i = 0; i < n / 10; i++) fn();
  let best = Infinity;
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    for (let i = 0; i < n; i++) fn();
    best = Math.min(best, (performance.now() - t) / n);
  }
  return best;
}

function chainBackwardMs(n: number): number {
  const x = new Variable(fromFlat([0.5], []));
  let h = x;
  // A chain with a shortcut at every link: each function waits on two consumers.
  for (let i = 0; i < n; i++) h = add(F.sin(h), h);
  const t = performance.now();
  h.backward();
  return performance.now() - t;
}

/** Python DeZero's best µs per graph over three batches, or why there is none. */
function dezeroPython(): number | string {
  const home = process.env['DEZERO_PYTHON'];
  if (!home) return 'n/a (set DEZERO_PYTHON to the book’s dezero folder)';
  const script = fileURLToPath(new URL('../scripts/bench/goldstein_bench.py', import.meta.url));
  const r = spawnSync('python3', [script, String(PY_GRAPHS), '3'], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, DEZERO_PYTHON: home },
  });
  const figures = r.status === 0 ? (r.stdout ?? '').trim().split(/\s+/).map(Number) : [];
  if (figures.length !== 3 || !figures.every(Number.isFinite))
    return `n/a (python3 with numpy failed: ${(r.stderr ?? r.error?.message ?? '').trim().split('\n').at(-1)})`;
  return Math.min(...figures);
}

function python(): string {
  const script = fileURLToPath(new URL('../scripts/bench/core_bench.py', import.meta.url));
  const r = spawnSync('python3', [script, String(GRAPHS)], { encoding: 'utf8', timeout: 120_000 });
  const ms = Number(r.stdout?.trim());
  return r.status === 0 && Number.isFinite(ms) ? `${(ms * 1000).toFixed(1)} µs/graph` : 'n/a';
}

/** Prints the core figures. */
export async function run(print: (line: string) => void): Promise<void> {
  if (oneGraph() !== -5376) throw new Error('goldstein gradient is wrong');
  print(`core: Goldstein-Price value + gradient (38 functions), ${ROUNDS} rounds`);
  const ours: number[] = [];
  const theirs: number[] = [];
  let missing = '';
  for (let r = 0; r < ROUNDS; r++) {
    ours.push(msPer(GRAPHS, oneGraph) * 1000);
    const p = missing ? missing : dezeroPython();
    if (typeof p === 'string') missing = p;
    else theirs.push(p);
  }
  const spread = (v: readonly number[]): string =>
    `best ${Math.min(...v).toFixed(1)} µs/graph (rounds ${v.map((x) => x.toFixed(1)).join(', ')})`;
  print(`  dezero-ts: ${spread(ours)}, each the best of 3 batches of ${GRAPHS}`);
  if (missing) {
    print(`  python DeZero + numpy: ${missing}`);
  } else {
    print(`  python DeZero + numpy: ${spread(theirs)}, each the best of 3 batches of ${PY_GRAPHS}`);
    const ratios = ours.map((o, i) => (theirs[i]! / o).toFixed(1)).join(', ');
    const best = Math.min(...theirs) / Math.min(...ours);
    print(
      `  ratio: dezero-ts is ${best.toFixed(1)}x faster, best to best (per round: ${ratios}; target >= 30x)`,
    );
  }
  print(`  python (minimal Python autograd + numpy, not DeZero): ${python()}`);
  print('core: backward of a chain of n functions with shortcuts');
  for (const n of [10_000, 100_000]) print(`  n=${n}: ${chainBackwardMs(n).toFixed(1)} ms`);
}

if (import.meta.main) await run(console.log);
