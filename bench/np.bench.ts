/**
 * Array benchmark: float64 matmul GFLOP/s, a broadcast add and the two axis sums of a 1000x1000
 * array, each beside numpy's figure for the same case (scripts/bench/np_bench.py, timed the same
 * way) when python3 has numpy. Higher is better everywhere.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { np } from '../src/dezero/np/index.ts';
import { fromFlat } from '../src/dezero/np/ndarray.ts';
import type { NDArray } from '../src/dezero/np/index.ts';

interface Case {
  /** Key shared with np_bench.py. */
  key: string;
  label: string;
  unit: 'GFLOP/s' | 'M elem/s';
  /** Work per call in the unit's base (flops or elements). */
  work: number;
  call: () => unknown;
}

/** Best mean seconds per call over batches of at least 20 ms, after one warm-up call (as np_bench.py). */
function perCall(fn: () => unknown, minSeconds = 0.3, minBatches = 3): number {
  fn();
  let reps = 1;
  for (;;) {
    const t = performance.now();
    for (let i = 0; i < reps; i++) fn();
    if (performance.now() - t >= 20) break;
    reps *= 2;
  }
  let best = Infinity;
  let total = 0;
  for (let batches = 0; total < minSeconds || batches < minBatches; batches++) {
    const t = performance.now();
    for (let i = 0; i < reps; i++) fn();
    const dt = (performance.now() - t) / 1000;
    best = Math.min(best, dt / reps);
    total += dt;
  }
  return best;
}

/** Uniform [0, 1) values from a fixed linear congruential stream: the data never changes timings. */
function rand(...shape: number[]): NDArray {
  let s = 1;
  const size = shape.reduce((p, d) => p * d, 1);
  const values = new Float64Array(size);
  for (let i = 0; i < size; i++) values[i] = (s = (s * 48271) % 2147483647) / 2147483647;
  return fromFlat(values, shape);
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const n of [64, 256, 512, 1024]) {
    const a = rand(n, n);
    const b = rand(n, n);
    out.push({
      key: `matmul${n}`,
      label: `matmul ${n}x${n} (square)`,
      unit: 'GFLOP/s',
      work: 2 * n ** 3,
      call: () => np.matmul(a, b),
    });
  }
  const x = rand(1000, 1000);
  const row = rand(1000);
  out.push({
    key: 'add',
    label: 'add 1000x1000 + 1000',
    unit: 'M elem/s',
    work: x.size,
    call: () => np.add(x, row),
  });
  out.push({
    key: 'sum0',
    label: 'sum 1000x1000 axis=0',
    unit: 'M elem/s',
    work: x.size,
    call: () => np.sum(x, 0),
  });
  out.push({
    key: 'sum1',
    label: 'sum 1000x1000 axis=1',
    unit: 'M elem/s',
    work: x.size,
    call: () => np.sum(x, 1),
  });
  return out;
}

/** numpy's figures by case key, or null when python3 cannot import numpy. */
function numpyFigures(): Record<string, number> | null {
  if (spawnSync('python3', ['-c', 'import numpy']).status !== 0) return null;
  const script = fileURLToPath(new URL('../scripts/bench/np_bench.py', import.meta.url));
  const result = spawnSync('python3', [script], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`np_bench.py failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, number>;
}

/** Prints one line per case: ours, numpy's, and the ratio ours/numpy. */
export async function run(print: (line: string) => void): Promise<void> {
  const numpy = numpyFigures();
  print(
    `np    ${'case'.padEnd(28)}${'unit'.padEnd(10)}${'ours'.padStart(9)}${'numpy'.padStart(10)}${'ours/numpy'.padStart(12)}`,
  );
  for (const c of cases()) {
    const ours = c.work / perCall(c.call) / (c.unit === 'GFLOP/s' ? 1e9 : 1e6);
    const head = `np    ${c.label.padEnd(28)}${c.unit.padEnd(10)}${ours.toFixed(2).padStart(9)}`;
    const theirs = numpy?.[c.key];
    if (theirs === undefined) print(`${head}  numpy: not available`);
    else
      print(`${head}${theirs.toFixed(2).padStart(10)}${(ours / theirs).toFixed(3).padStart(12)}`);
  }
}

if (import.meta.main) await run(console.log);
