import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gemm } from './gemm.ts';
import { KC } from './gemm-blocking.ts';
import { gemmPacked64, gemmSmall64 } from './gemm-f64.ts';
import { gemmPacked32, gemmSmall32 } from './gemm-f32.ts';
import type { Target } from './gemm-packed.ts';
import type { Storage } from './dtype.ts';
import { gemmWasm } from './wasm/gemm-wasm.ts';

type Kernel = (
  m: number,
  n: number,
  k: number,
  a: Storage,
  aOffset: number,
  ars: number,
  acs: number,
  b: Storage,
  bOffset: number,
  brs: number,
  bcs: number,
  c: Target,
  cOffset: number,
  crs: number,
) => void;

const wasm: Kernel = (...args) => assert.ok(gemmWasm(...args), 'the WebAssembly kernel ran');
const paths64: [string, Kernel][] = [
  ['js small', gemmSmall64 as Kernel],
  ['js packed', gemmPacked64 as Kernel],
  ['wasm', wasm],
];
const paths32: [string, Kernel][] = [
  ['js small', gemmSmall32 as Kernel],
  ['js packed', gemmPacked32 as Kernel],
  ['wasm', wasm],
];

let seed = 12345;
function next(): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed;
}
/** Small integers: every product and partial sum is exact, so any order of summing agrees. */
const randInt = (): number => (next() % 17) - 8;
/** Reals over several binades, so that rounding differs with the order of summing. */
const randReal = (): number => (next() / 2147483648 - 0.5) * 2 ** ((next() % 9) - 4);

function filled(dtype: 'float32' | 'float64', length: number, fill: () => number): Target {
  const values = Float64Array.from({ length }, fill);
  return dtype === 'float32' ? Float32Array.from(values) : values;
}

/** How an r x c operand lies in its buffer. */
type Layout = 'C' | 'F' | 'padded' | 'stepped' | 'reversed' | 'broadcast';
const LAYOUTS: readonly Layout[] = ['C', 'F', 'padded', 'stepped', 'reversed', 'broadcast'];

interface Operand {
  data: Float64Array | Float32Array;
  offset: number;
  rs: number;
  cs: number;
  at: (i: number, j: number) => number;
}

function operand(
  r: number,
  c: number,
  layout: Layout,
  dtype: 'float32' | 'float64',
  fill: () => number,
): Operand {
  const pad = 3;
  const [len, offset, rs, cs] =
    layout === 'C'
      ? [r * c, pad, c, 1]
      : layout === 'F'
        ? [r * c, pad, 1, r]
        : layout === 'padded'
          ? [r * (c + 3), pad, c + 3, 1]
          : layout === 'stepped'
            ? [4 * r * c, pad, 2 * c, 2]
            : layout === 'reversed'
              ? [r * c, pad + (r - 1) * c, -c, 1]
              : [c, pad, 0, 1];
  const data = filled(dtype, pad + len + 2, fill);
  return { data, offset, rs, cs, at: (i, j) => data[offset + i * rs + j * cs]! };
}

/** Runs `kernel` into a C window (row stride n + 2, offset 7) inside a buffer of junk. */
function run(
  kernel: Kernel,
  m: number,
  n: number,
  k: number,
  a: Operand,
  b: Operand,
  dtype: 'float32' | 'float64',
): { c: Target; ldc: number } {
  const ldc = n + 2;
  const c = filled(dtype, 7 + m * ldc + 4, randInt);
  // prettier-ignore
  kernel(m, n, k, a.data, a.offset, a.rs, a.cs, b.data, b.offset, b.rs, b.cs, c, 7, ldc);
  return { c, ldc };
}

/** The order every kernel promises, written out: per entry, sum each KC panel from 0, add panels. */
function reference(
  m: number,
  n: number,
  k: number,
  a: Operand,
  b: Operand,
  dtype: 'float32' | 'float64',
): number[] {
  const round = dtype === 'float32' ? Math.fround : (x: number): number => x;
  const out: number[] = [];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let total = 0;
      for (let pc = 0; pc < k; pc += KC) {
        let s = 0;
        for (let p = pc; p < Math.min(k, pc + KC); p++)
          s = round(s + round(a.at(i, p) * b.at(p, j)));
        total = round(total + s);
      }
      out.push(total);
    }
  }
  return out;
}

function window(c: Target, m: number, n: number, ldc: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out.push(c[7 + i * ldc + j]!);
  return out;
}

const shapes: [number, number, number][] = [
  [1, 1, 1],
  [1, 7, 63],
  [7, 1, 65],
  [63, 65, 7],
  [65, 63, 1],
  [4, 8, 3],
  [97, 7, 13], // more rows than one wasm MC block
  [6, 520, 10],
  [513, 9, 5],
  [5, 513, 3],
  [9, 11, 513], // three KC panels, the last one deep
  [63, 65, 513],
  [130, 70, 300],
  [3, 2100, 4], // more columns than one wasm NC panel
  [2, 1, 600],
];

for (const dtype of ['float64', 'float32'] as const) {
  const paths = dtype === 'float32' ? paths32 : paths64;

  test(`${dtype}: every path gives the stated order's bits on real values, for every layout`, () => {
    let t = 0;
    for (const [m, n, k] of shapes) {
      // Each shape meets two layouts of A and two of B, cycling through all of them.
      for (let v = 0; v < 2; v++, t++) {
        const a = operand(m, k, LAYOUTS[t % LAYOUTS.length]!, dtype, randReal);
        const b = operand(k, n, LAYOUTS[(t * 5 + 1) % LAYOUTS.length]!, dtype, randReal);
        const want = reference(m, n, k, a, b, dtype);
        for (const [name, kernel] of paths) {
          const { c, ldc } = run(kernel, m, n, k, a, b, dtype);
          const got = window(c, m, n, ldc);
          for (let q = 0; q < want.length; q++) {
            if (!Object.is(got[q], want[q]))
              assert.fail(`${name} ${m}x${k}·${k}x${n} at ${q}: ${got[q]} != ${want[q]}`);
          }
        }
      }
    }
  });

  test(`${dtype}: every path writes exactly its C window and nothing around it`, () => {
    for (const [m, n, k] of [
      [5, 9, 3],
      [63, 65, 300],
    ] as const) {
      const a = operand(m, k, 'C', dtype, randInt);
      const b = operand(k, n, 'F', dtype, randInt);
      for (const [name, kernel] of paths) {
        const ldc = n + 2;
        const c = filled(dtype, 7 + m * ldc + 4, randInt);
        const before = c.slice();
        // prettier-ignore
        kernel(m, n, k, a.data, a.offset, a.rs, a.cs, b.data, b.offset, b.rs, b.cs, c, 7, ldc);
        const inside = (x: number): boolean => x >= 7 && x < 7 + m * ldc && (x - 7) % ldc < n;
        for (let x = 0; x < c.length; x++)
          if (!inside(x)) assert.equal(c[x], before[x], `${name} wrote outside C at ${x}`);
        assert.deepEqual(window(c, m, n, ldc), reference(m, n, k, a, b, dtype), name);
      }
    }
  });
}

test('gemm reads Float32Array and Uint8Array operands and zero-stride (broadcast) rows', () => {
  const m = 9,
    n = 6,
    k = 11;
  const a32 = Float32Array.from({ length: m * k }, () => randInt() / 4);
  const bBool = Uint8Array.from({ length: n }, (_, j) => j % 2);
  const runs = [
    ...paths64.map(([name, kernel]) => [name, kernel, new Float64Array(m * n)] as const),
    ...paths32.map(([name, kernel]) => [name, kernel, new Float32Array(m * n)] as const),
  ];
  for (const [name, kernel, c] of runs) {
    kernel(m, n, k, a32, 0, k, 1, bBool, 0, 0, 1, c, 0, n);
    for (let i = 0; i < m; i++) {
      let rowSum = 0;
      for (let p = 0; p < k; p++) rowSum += a32[i * k + p]!;
      for (let j = 0; j < n; j++) assert.equal(c[i * n + j], j % 2 ? rowSum : 0, name);
    }
  }
});

test('gemm with k = 0 writes zeros; with m or n = 0 it writes nothing', () => {
  const c = Float64Array.of(1, 2, 3, 4);
  gemm(2, 2, 0, new Float64Array(0), 0, 0, 1, new Float64Array(0), 0, 2, 1, c, 0, 2);
  assert.deepEqual(Array.from(c), [0, 0, 0, 0]);
  const d = Float32Array.of(1, 2);
  gemm(0, 2, 3, new Float32Array(0), 0, 3, 1, new Float32Array(6), 0, 2, 1, d, 0, 2);
  assert.deepEqual(Array.from(d), [1, 2]);
});

test('operands larger than the WebAssembly staging area go through in chunks of rows and columns', () => {
  // More than 2^21 elements of B (k x n) and of A (m x k): column chunks, then row chunks.
  for (const [m, n, k] of [
    [3, 4500, 600],
    [4500, 3, 600],
  ] as const) {
    for (const dtype of ['float32', 'float64'] as const) {
      const a = operand(m, k, 'C', dtype, randReal);
      const b = operand(k, n, m === 3 ? 'C' : 'F', dtype, randReal);
      const want = reference(m, n, k, a, b, dtype);
      const { c, ldc } = run(wasm, m, n, k, a, b, dtype);
      assert.deepEqual(window(c, m, n, ldc), want, `${m}x${k}·${k}x${n} ${dtype}`);
    }
  }
});
