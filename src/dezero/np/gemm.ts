/**
 * The f64 matrix-multiply kernel under `matmul`, `dot` and `tensordot`, on raw typed arrays.
 *
 * GotoBLAS's loop order: a KC x NC panel of B and an MC x KC block of A are copied ("packed")
 * into contiguous buffers laid out in the order the micro-kernel reads them, so its inner loop
 * is unit-stride whatever the operands' strides (transposed views need no copy first). The
 * micro-kernel keeps a 4x4 tile of C in 16 local variables. Measured on this machine (Node 22):
 * ~6.5 GFLOP/s at 512-1024 against ~2.6 for a plain i-k-j triple loop; 3x4, 4x6 and 2x8 tiles
 * measured the same within noise, 2x4 and 3x3 slower.
 */

/** Anything indexable by number: the operands may be Float64Array, Float32Array or Uint8Array. */
type Source = ArrayLike<number>;

const MR = 4; // rows of the register tile
const NR = 4; // columns of the register tile
const KC = 256; // depth of a packed panel: one B strip (KC x NR) stays in L1
const MC = 96; // rows of a packed A block (MC x KC, ~200 KB, in L2)
const NC = 1024; // columns of a packed B panel
const SMALL_WORK = 4096; // multiply-adds up to which the unpacked path runs (so k <= KC there)

// Pack buffers are reused across calls (JS is single-threaded and gemm never re-enters).
let packedA = new Float64Array(0);
let packedB = new Float64Array(0);
const edgeTile = new Float64Array(MR * NR);

/**
 * C += A·B for an m x k matrix A and a k x n matrix B, each read through (offset, row stride,
 * column stride) in elements, into C (row stride `cRowStride`, unit column stride).
 */
export function gemm(
  m: number,
  n: number,
  k: number,
  a: Source,
  aOffset: number,
  aRowStride: number,
  aColStride: number,
  b: Source,
  bOffset: number,
  bRowStride: number,
  bColStride: number,
  c: Float64Array,
  cOffset: number,
  cRowStride: number,
): void {
  if (m === 0 || n === 0 || k === 0) return;
  // NOTE: packing pays off from 4x4x4 up in a loop of one size (measured: 1.6 vs 1.1 GFLOP/s at 4,
  // 3.2 vs 1.6 at 8), but a training step's products (30x2 by 2x10, 30x10 by 10x3) are so small
  // that packing and the 4x4 edge tiles cost more than the products: below SMALL_WORK, and for
  // operands thinner than a register tile, the unpacked path runs. Into a zeroed C (as every
  // caller's), both paths sum each entry as 0 + a0·b0 + a1·b1 + … in that order while k <= KC, so
  // they give the same bits (gemm.test.ts checks it on random real-valued shapes).
  if (m < MR || n < NR || m * n * k <= SMALL_WORK) {
    // prettier-ignore
    gemmSmall(m, n, k, a, aOffset, aRowStride, aColStride, b, bOffset, bRowStride, bColStride,
      c, cOffset, cRowStride);
    return;
  }
  // prettier-ignore
  gemmPacked(m, n, k, a, aOffset, aRowStride, aColStride, b, bOffset, bRowStride, bColStride,
    c, cOffset, cRowStride);
}

/** The packed (GotoBLAS) path of `gemm` for every size; exported so tests can compare the paths. */
export function gemmPacked(
  m: number,
  n: number,
  k: number,
  a: Source,
  aOffset: number,
  aRowStride: number,
  aColStride: number,
  b: Source,
  bOffset: number,
  bRowStride: number,
  bColStride: number,
  c: Float64Array,
  cOffset: number,
  cRowStride: number,
): void {
  const ncMax = Math.min(NC, roundUp(n, NR));
  const kcMax = Math.min(KC, k);
  if (packedB.length < kcMax * ncMax) packedB = new Float64Array(kcMax * ncMax);
  if (packedA.length < kcMax * MC) packedA = new Float64Array(kcMax * MC);
  const ap = packedA;
  const bp = packedB;
  for (let jc = 0; jc < n; jc += NC) {
    const nc = Math.min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = Math.min(KC, k - pc);
      packB(kc, nc, b, bOffset + pc * bRowStride + jc * bColStride, bRowStride, bColStride, bp);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = Math.min(MC, m - ic);
        packA(mc, kc, a, aOffset + ic * aRowStride + pc * aColStride, aRowStride, aColStride, ap);
        const cBlock = cOffset + ic * cRowStride + jc;
        for (let jr = 0; jr < nc; jr += NR) {
          const nr = Math.min(NR, nc - jr);
          for (let ir = 0; ir < mc; ir += MR) {
            const mr = Math.min(MR, mc - ir);
            microKernel(
              kc,
              ap,
              ir * kc,
              bp,
              jr * kc,
              c,
              cBlock + ir * cRowStride + jr,
              cRowStride,
              mr,
              nr,
            );
          }
        }
      }
    }
  }
}

/** Smallest multiple of `step` that is >= n. */
function roundUp(n: number, step: number): number {
  return Math.ceil(n / step) * step;
}

/** Copies an mc x kc block of A into strips of MR rows, column by column, zero-padding the last strip. */
function packA(
  mc: number,
  kc: number,
  a: Source,
  start: number,
  rs: number,
  cs: number,
  out: Float64Array,
): void {
  let q = 0;
  for (let ir = 0; ir < mc; ir += MR) {
    const rows = Math.min(MR, mc - ir);
    const rowStart = start + ir * rs;
    if (rows === MR) {
      for (let p = 0, s = rowStart; p < kc; p++, s += cs) {
        out[q] = a[s]!;
        out[q + 1] = a[s + rs]!;
        out[q + 2] = a[s + 2 * rs]!;
        out[q + 3] = a[s + 3 * rs]!;
        q += MR;
      }
    } else {
      for (let p = 0, s = rowStart; p < kc; p++, s += cs) {
        for (let i = 0; i < MR; i++) out[q + i] = i < rows ? a[s + i * rs]! : 0;
        q += MR;
      }
    }
  }
}

/** Copies a kc x nc panel of B into strips of NR columns, row by row, zero-padding the last strip. */
function packB(
  kc: number,
  nc: number,
  b: Source,
  start: number,
  rs: number,
  cs: number,
  out: Float64Array,
): void {
  let q = 0;
  for (let jr = 0; jr < nc; jr += NR) {
    const cols = Math.min(NR, nc - jr);
    const colStart = start + jr * cs;
    if (cols === NR) {
      for (let p = 0, s = colStart; p < kc; p++, s += rs) {
        out[q] = b[s]!;
        out[q + 1] = b[s + cs]!;
        out[q + 2] = b[s + 2 * cs]!;
        out[q + 3] = b[s + 3 * cs]!;
        q += NR;
      }
    } else {
      for (let p = 0, s = colStart; p < kc; p++, s += rs) {
        for (let j = 0; j < NR; j++) out[q + j] = j < cols ? b[s + j * cs]! : 0;
        q += NR;
      }
    }
  }
}

/** C[mr x nr tile at ci] += (packed A strip) · (packed B strip); padding makes every tile 4x4 inside. */
function microKernel(
  kc: number,
  ap: Float64Array,
  ai: number,
  bp: Float64Array,
  bi: number,
  c: Float64Array,
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
    c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
    c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
    c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
    c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
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

/** C += A·B by dot products straight from the strided operands: best for tiny or skinny shapes. */
export function gemmSmall(
  m: number,
  n: number,
  k: number,
  a: Source,
  aOffset: number,
  ars: number,
  acs: number,
  b: Source,
  bOffset: number,
  brs: number,
  bcs: number,
  c: Float64Array,
  cOffset: number,
  crs: number,
): void {
  if (bcs === 1 && n > 1) {
    // Row-major B: add a[i,p] times B's row p to C's row i, so both inner reads are unit-stride.
    for (let i = 0; i < m; i++) {
      const cRow = cOffset + i * crs;
      for (let p = 0, ia = aOffset + i * ars, bRow = bOffset; p < k; p++, ia += acs, bRow += brs) {
        const x = a[ia]!;
        for (let j = 0; j < n; j++) c[cRow + j] = c[cRow + j]! + x * b[bRow + j]!;
      }
    }
    return;
  }
  for (let i = 0; i < m; i++) {
    const aRow = aOffset + i * ars;
    const cRow = cOffset + i * crs;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0, ia = aRow, ib = bOffset + j * bcs; p < k; p++, ia += acs, ib += brs)
        s += a[ia]! * b[ib]!;
      c[cRow + j] = c[cRow + j]! + s;
    }
  }
}
