/**
 * The plain JS float32 matmul kernels, the reference the WebAssembly kernel is held to: float64's
 * (gemm-f64.ts) with every product and every sum rounded to float32 (`Math.fround`; a float32
 * result stored into a Float32Array is rounded by the store). Both sum every entry of C as the
 * WebAssembly kernel does (from 0 in k order within each KC-deep panel, the panels added in
 * order), so all of them give the same bits.
 */
import { KC } from './gemm-blocking.ts';
import { MR, NR, gemmPacked } from './gemm-packed.ts';
import type { PackBuffers } from './gemm-packed.ts';
import type { Storage } from './dtype.ts';

const buffers: PackBuffers<Float32Array> = {
  a: new Float32Array(0),
  b: new Float32Array(0),
  make: (size) => new Float32Array(size),
};
const edgeTile = new Float32Array(MR * NR);
const fr = Math.fround;
let rowScratch = new Float32Array(64);

/** C = A·B through packed panels (any size; `gemm` picks it for the larger products). */
export function gemmPacked32(
  m: number,
  n: number,
  k: number,
  a: Storage,
  aOffset: number,
  aRowStride: number,
  aColStride: number,
  b: Storage,
  bOffset: number,
  bRowStride: number,
  bColStride: number,
  c: Float32Array,
  cOffset: number,
  cRowStride: number,
): void {
  // prettier-ignore
  gemmPacked(microKernel, buffers, m, n, k, a, aOffset, aRowStride, aColStride,
    b, bOffset, bRowStride, bColStride, c, cOffset, cRowStride);
}

/** C[mr x nr tile at ci] += (packed A strip) · (packed B strip); padding makes every tile 4x4 inside. */
function microKernel(
  kc: number,
  ap: Float32Array,
  ai: number,
  bp: Float32Array,
  bi: number,
  c: Float32Array,
  ci: number,
  ldc: number,
  mr: number,
  nr: number,
): void {
  // prettier-ignore
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0,
    c10 = 0, c11 = 0, c12 = 0, c13 = 0,
    c20 = 0, c21 = 0, c22 = 0, c23 = 0,
    c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  // prettier-ignore
  for (let p = 0; p < kc; p++) {
    const a0 = ap[ai]!, a1 = ap[ai + 1]!, a2 = ap[ai + 2]!, a3 = ap[ai + 3]!;
    const b0 = bp[bi]!, b1 = bp[bi + 1]!, b2 = bp[bi + 2]!, b3 = bp[bi + 3]!;
    c00 = fr(c00 + fr(a0 * b0)); c01 = fr(c01 + fr(a0 * b1)); c02 = fr(c02 + fr(a0 * b2)); c03 = fr(c03 + fr(a0 * b3));
    c10 = fr(c10 + fr(a1 * b0)); c11 = fr(c11 + fr(a1 * b1)); c12 = fr(c12 + fr(a1 * b2)); c13 = fr(c13 + fr(a1 * b3));
    c20 = fr(c20 + fr(a2 * b0)); c21 = fr(c21 + fr(a2 * b1)); c22 = fr(c22 + fr(a2 * b2)); c23 = fr(c23 + fr(a2 * b3));
    c30 = fr(c30 + fr(a3 * b0)); c31 = fr(c31 + fr(a3 * b1)); c32 = fr(c32 + fr(a3 * b2)); c33 = fr(c33 + fr(a3 * b3));
    ai += MR;
    bi += NR;
  }
  // prettier-ignore
  if (mr === MR && nr === NR) {
    let r = ci;
    c[r] = c[r]! + c00; c[r + 1] = c[r + 1]! + c01; c[r + 2] = c[r + 2]! + c02; c[r + 3] = c[r + 3]! + c03;
    r += ldc;
    c[r] = c[r]! + c10; c[r + 1] = c[r + 1]! + c11; c[r + 2] = c[r + 2]! + c12; c[r + 3] = c[r + 3]! + c13;
    r += ldc;
    c[r] = c[r]! + c20; c[r + 1] = c[r + 1]! + c21; c[r + 2] = c[r + 2]! + c22; c[r + 3] = c[r + 3]! + c23;
    r += ldc;
    c[r] = c[r]! + c30; c[r + 1] = c[r + 1]! + c31; c[r + 2] = c[r + 2]! + c32; c[r + 3] = c[r + 3]! + c33;
    return;
  }
  // An edge tile: only its top-left mr x nr corner lies inside C.
  const t = edgeTile;
  // prettier-ignore
  t.set([
    c00, c01, c02, c03,
    c10, c11, c12, c13,
    c20, c21, c22, c23,
    c30, c31, c32, c33,
  ]);
  for (let i = 0; i < mr; i++) {
    for (let j = 0; j < nr; j++) {
      const q = ci + i * ldc + j;
      c[q] = c[q]! + t[i * NR + j]!;
    }
  }
}

/** C = A·B straight from the strided operands, with no packing: best for tiny or skinny shapes. */
export function gemmSmall32(
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
  c: Float32Array,
  cOffset: number,
  crs: number,
): void {
  if (bcs === 1 && n > 1) {
    // Row-major B: add a[i,p] times B's row p to a row of sums, so both inner reads are
    // unit-stride. The first panel sums straight into C's row (zeroed, so it holds exactly the
    // panel's sums); each later panel sums into a scratch row that is then added to C's.
    if (rowScratch.length < n) rowScratch = new Float32Array(n);
    const acc = rowScratch;
    for (let i = 0; i < m; i++) {
      const cRow = cOffset + i * crs;
      c.fill(0, cRow, cRow + n);
      for (let pc = 0; pc < k; pc += KC) {
        const end = Math.min(k, pc + KC);
        const ia = aOffset + i * ars + pc * acs;
        if (pc === 0) {
          for (let p = 0, s = ia, bRow = bOffset; p < end; p++, s += acs, bRow += brs) {
            const x = a[s]!;
            for (let j = 0; j < n; j++) c[cRow + j] = c[cRow + j]! + fr(x * b[bRow + j]!);
          }
          continue;
        }
        acc.fill(0, 0, n);
        for (let p = pc, s = ia, bRow = bOffset + pc * brs; p < end; p++, s += acs, bRow += brs) {
          const x = a[s]!;
          for (let j = 0; j < n; j++) acc[j] = acc[j]! + fr(x * b[bRow + j]!);
        }
        for (let j = 0; j < n; j++) c[cRow + j] = c[cRow + j]! + acc[j]!;
      }
    }
    return;
  }
  for (let i = 0; i < m; i++) {
    const aRow = aOffset + i * ars;
    const cRow = cOffset + i * crs;
    for (let j = 0; j < n; j++) {
      let total = 0;
      for (let pc = 0; pc < k; pc += KC) {
        const end = Math.min(k, pc + KC);
        let s = 0;
        for (let p = pc, ia = aRow + pc * acs, ib = bOffset + j * bcs + pc * brs; p < end; p++) {
          s = fr(s + fr(a[ia]! * b[ib]!));
          ia += acs;
          ib += brs;
        }
        total = fr(total + s);
      }
      c[cRow + j] = total;
    }
  }
}
