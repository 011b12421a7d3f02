/**
 * Array benchmark: matmul GFLOP/s (float64 and float32, on the WebAssembly SIMD backend and the
 * plain JS one, and the MNIST layer's shape 100x784 · 784x1000), a broadcast add and the two axis
 * sums of a 1000x1000 array, each beside numpy's figure for the same case
 * (scripts/bench/np_bench.py, timed the same way) when python3 has numpy. Higher is better
 * everywhere. The machine may be shared: figures are the best of several batches.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { np } from '../src/dezero/np/index.ts';
import { fromFlat } from '../src/dezero/np/ndarray.ts';
import type { Backend, NDArray } from '../src/dezero/np/index.ts';

interface Case {
  /** Key shared with np_bench.py. */
  key: string;
  label: string;
  unit: 'GFLOP/s' | 'M elem/s';
  /** Work per call in the unit's base (flops or elements). */
  work: number;
  call: () => unknown;
  /** The backend the case runs on (the default one when absent). */
  backend?: Backend;
  /** Issue 11's goal for the case, in its unit, and what stands in the way when it is missed. */
  goal?: { atLeast: number; inTheWay: string };
}

// NOTE: the measurements behind this are in the header of src/dezero/np/wasm/gemm-module.ts.
const MATMUL_LIMIT =
  'the micro-kernel needs six loads per k step (two of B, four splats of A) beside its 16 ' +
  'multiply and add instructions; with operands in registers it runs ~48-50 f32 / ~25 f64, with ' +
  'the loads ~38 / ~19; fused multiply-add would close the gap but rounds differently, so the ' +
  "backends would no longer give numpy's bits (details: src/dezero/np/wasm/gemm-module.ts)";
const GOALS: Record<string, number> = { matmul512: 25, matmul512f32: 50 };

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
function rand(rows: number, cols: number, dtype: 'float64' | 'float32' = 'float64'): NDArray {
  let s = 1;
  const values = new Float64Array(rows * cols);
  for (let i = 0; i < values.length; i++) values[i] = (s = (s * 48271) % 2147483647) / 2147483647;
  return fromFlat(values, [rows, cols], dtype);
}

function cases(): Case[] {
  const out: Case[] = [];
  const wasm = np.backends().includes('wasm');
  for (const n of [64, 256, 512, 1024]) {
    const a = rand(n, n);
    const b = rand(n, n);
    out.push({
      key: `matmul${n}`,
      label: `matmul ${n}x${n} f64`,
      unit: 'GFLOP/s',
      work: 2 * n ** 3,
      call: () => np.matmul(a, b),
    });
  }
  // The two backends side by side: 512x512 in both dtypes, and the layer of step 51's MLP.
  const products: [string, string, NDArray, NDArray][] = [
    ['matmul512', 'matmul 512x512 f64', rand(512, 512), rand(512, 512)],
    ['matmul512f32', 'matmul 512x512 f32', rand(512, 512, 'float32'), rand(512, 512, 'float32')],
    ['mnist_f32', 'matmul 100x784x1000 f32', rand(100, 784, 'float32'), rand(784, 1000, 'float32')],
    // The MLP's two backward products, on transposed views as backward makes them: gW = x^T gy
    // (784x100 . 100x1000) and gx = gy W^T (100x1000 . 1000x784).
    [
      'mnist_gw_f32',
      'matmul gW 784x100x1000 f32',
      rand(100, 784, 'float32').T,
      rand(100, 1000, 'float32'),
    ],
    [
      'mnist_gx_f32',
      'matmul gx 100x1000x784 f32',
      rand(100, 1000, 'float32'),
      rand(784, 1000, 'float32').T,
    ],
  ];
  for (const backend of wasm ? (['wasm', 'js'] as const) : (['js'] as const)) {
    for (const [key, label, a, b] of products) {
      out.push({
        key,
        label: `${label} ${backend}`,
        unit: 'GFLOP/s',
        work: 2 * a.shape[0]! * a.shape[1]! * b.shape[1]!,
        call: () => np.matmul(a, b),
        backend,
        ...(backend === 'wasm' && GOALS[key] !== undefined
          ? { goal: { atLeast: GOALS[key], inTheWay: MATMUL_LIMIT } }
          : {}),
      });
    }
  }
  const x = rand(1000, 1000);
  const row = rand(1, 1000).reshape([1000]);
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
    `np    ${'case'.padEnd(32)}${'unit'.padEnd(10)}${'ours'.padStart(9)}${'numpy'.padStart(10)}${'ours/numpy'.padStart(12)}`,
  );
  const backend = np.getBackend();
  for (const c of cases()) {
    np.setBackend(c.backend ?? backend);
    const ours = c.work / perCall(c.call) / (c.unit === 'GFLOP/s' ? 1e9 : 1e6);
    np.setBackend(backend);
    const head = `np    ${c.label.padEnd(32)}${c.unit.padEnd(10)}${ours.toFixed(2).padStart(9)}`;
    const theirs = numpy?.[c.key];
    if (theirs === undefined) print(`${head}  numpy: not available`);
    else
      print(`${head}${theirs.toFixed(2).padStart(10)}${(ours / theirs).toFixed(3).padStart(12)}`);
    if (c.goal !== undefined) {
      const met = ours >= c.goal.atLeast;
      print(
        `        goal >= ${c.goal.atLeast} ${c.unit}: ${met ? 'met' : `missed. In the way: ${c.goal.inTheWay}`}`,
      );
    }
  }
}

if (import.meta.main) await run(console.log);
