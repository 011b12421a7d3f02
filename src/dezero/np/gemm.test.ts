import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gemm, gemmPacked, gemmSmall } from './gemm.ts';

// NOTE: small integer entries make every product and partial sum exact in f64, so the blocked
// kernel must agree with a plain triple loop bit for bit whatever order it sums in.
let seed = 12345;
function randInt(): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return (seed % 17) - 8;
}

interface Layout {
  data: Float64Array;
  offset: number;
  rowStride: number;
  colStride: number;
}

/** An r x c matrix of random integers, stored transposed or not, after `pad` unused elements. */
function matrix(
  r: number,
  c: number,
  transposed: boolean,
  pad: number,
): { at: (i: number, j: number) => number } & Layout {
  const data = new Float64Array(pad + r * c);
  for (let i = 0; i < data.length; i++) data[i] = randInt();
  const rowStride = transposed ? 1 : c;
  const colStride = transposed ? r : 1;
  return {
    data,
    offset: pad,
    rowStride,
    colStride,
    at: (i, j) => data[pad + i * rowStride + j * colStride]!,
  };
}

const shapes: [number, number, number][] = [
  [1, 1, 1],
  [3, 5, 2],
  [4, 4, 4],
  [5, 9, 3],
  [97, 7, 13], // two MC row blocks
  [6, 520, 10], // three KC depth panels
  [5, 1030, 3], // two NC column panels with a ragged edge
  [193, 300, 37],
  [2, 1, 600], // thinner than a register tile: the unpacked path
  [700, 2, 1],
];

test('gemm equals a triple loop for every layout, including C += A·B into a strided window', () => {
  for (const [m, n, k] of shapes) {
    for (const [ta, tb] of [
      [false, false],
      [true, false],
      [false, true],
      [true, true],
    ] as const) {
      const a = matrix(m, k, ta, 3);
      const b = matrix(k, n, tb, 5);
      // C lives in a wider buffer (row stride n + 2, offset 7) that starts non-zero.
      const ldc = n + 2;
      const c = new Float64Array(7 + m * ldc + 4);
      for (let i = 0; i < c.length; i++) c[i] = randInt();
      const before = c.slice();
      gemm(
        m,
        n,
        k,
        a.data,
        a.offset,
        a.rowStride,
        a.colStride,
        b.data,
        b.offset,
        b.rowStride,
        b.colStride,
        c,
        7,
        ldc,
      );
      const inside = new Set<number>();
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          let s = before[7 + i * ldc + j]!;
          for (let p = 0; p < k; p++) s += a.at(i, p) * b.at(p, j);
          inside.add(7 + i * ldc + j);
          if (c[7 + i * ldc + j] !== s)
            assert.fail(
              `${m}x${n}x${k} (ta=${ta}, tb=${tb}) at [${i},${j}]: ${c[7 + i * ldc + j]} != ${s}`,
            );
        }
      }
      for (let x = 0; x < c.length; x++)
        if (!inside.has(x)) assert.equal(c[x], before[x], `wrote outside C at ${x}`);
    }
  }
});

test('gemm reads Float32Array and Uint8Array operands and zero-stride (broadcast) rows', () => {
  const m = 9,
    n = 6,
    k = 11;
  const a32 = Float32Array.from({ length: m * k }, () => randInt() / 4);
  const bBool = Uint8Array.from({ length: n }, (_, j) => j % 2);
  // B: k identical rows (row stride 0) of the 0/1 pattern.
  const c = new Float64Array(m * n);
  gemm(m, n, k, a32, 0, k, 1, bBool, 0, 0, 1, c, 0, n);
  for (let i = 0; i < m; i++) {
    let rowSum = 0;
    for (let p = 0; p < k; p++) rowSum += a32[i * k + p]!;
    for (let j = 0; j < n; j++) assert.equal(c[i * n + j], j % 2 ? rowSum : 0);
  }
});

test('gemm with an empty dimension leaves C as it was', () => {
  const c = Float64Array.of(1, 2, 3, 4);
  gemm(2, 2, 0, new Float64Array(0), 0, 0, 1, new Float64Array(0), 0, 2, 1, c, 0, 2);
  assert.deepEqual(Array.from(c), [1, 2, 3, 4]);
});

test('the unpacked path gives the packed path’s bits on small real-valued products into a zeroed C', () => {
  let s = 99;
  const real = (): number => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return (s / 2147483648 - 0.5) * 2 ** ((s % 9) - 4);
  };
  const sizes = [1, 2, 3, 4, 5, 7, 10, 16, 30];
  for (const m of sizes) {
    for (const n of sizes) {
      for (const k of [1, 2, 3, 10, 17, 64]) {
        for (const [ta, tb] of [
          [false, false],
          [true, true],
          [false, true],
        ] as const) {
          const a = Float64Array.from({ length: m * k }, real);
          const b = Float64Array.from({ length: k * n }, real);
          const [ars, acs] = ta ? [1, m] : [k, 1];
          const [brs, bcs] = tb ? [1, k] : [n, 1];
          const small = new Float64Array(m * n);
          const packed = new Float64Array(m * n);
          gemmSmall(m, n, k, a, 0, ars, acs, b, 0, brs, bcs, small, 0, n);
          gemmPacked(m, n, k, a, 0, ars, acs, b, 0, brs, bcs, packed, 0, n);
          assert.deepEqual(small, packed, `${m}x${k} by ${k}x${n}, ${ta} ${tb}`);
        }
      }
    }
  }
});
