/**
 * GotoBLAS's loop order for the plain JS kernels (gemm-f64.ts, gemm-f32.ts): a KC x NC panel of
 * B and an MC x KC block of A are copied ("packed") into contiguous buffers laid out in the order
 * the micro-kernel reads them, so its inner loop is unit-stride whatever the operands' strides
 * (transposed views need no copy first). Measured on this machine (Node 22, float64): ~6.5
 * GFLOP/s at 512-1024 against ~2.6 for a plain i-k-j triple loop; 3x4, 4x6 and 2x8 tiles
 * measured the same as 4x4 within noise, 2x4 and 3x3 slower.
 */
import { KC } from './gemm-blocking.ts';
import type { Storage } from './dtype.ts';

export const MR = 4; // rows of the register tile
export const NR = 4; // columns of the register tile
const MC = 96; // rows of a packed A block (MC x KC, ~200 KB, in L2)
const NC = 1024; // columns of a packed B panel

/** A packed buffer: float64 for the float64 kernel, float32 for the float32 one. */
export type Packed = Float64Array | Float32Array;

/** C's storage. */
export type Target = Float64Array | Float32Array;

/**
 * C[mr x nr tile at ci, row stride ldc] += (packed A strip from ai) · (packed B strip from bi),
 * summing each entry from 0 in k order before adding it to C.
 */
export type MicroKernel<P extends Packed, C extends Target> = (
  kc: number,
  ap: P,
  ai: number,
  bp: P,
  bi: number,
  c: C,
  ci: number,
  ldc: number,
  mr: number,
  nr: number,
) => void;

/** Pack buffers of one element type, grown as needed and reused (gemm never re-enters). */
export interface PackBuffers<P extends Packed> {
  a: P;
  b: P;
  make: (size: number) => P;
}

/**
 * C = A·B through packed panels, into the m x n window of `c` at cOffset (row stride cRowStride):
 * each entry is the sum of its KC-deep panels' sums, added in order.
 */
export function gemmPacked<P extends Packed, C extends Target>(
  kernel: MicroKernel<P, C>,
  buffers: PackBuffers<P>,
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
  c: C,
  cOffset: number,
  cRowStride: number,
): void {
  for (let i = 0; i < m; i++) c.fill(0, cOffset + i * cRowStride, cOffset + i * cRowStride + n);
  const ncMax = Math.min(NC, Math.ceil(n / NR) * NR);
  const kcMax = Math.min(KC, k);
  if (buffers.b.length < kcMax * ncMax) buffers.b = buffers.make(kcMax * ncMax);
  if (buffers.a.length < kcMax * MC) buffers.a = buffers.make(kcMax * MC);
  const ap = buffers.a;
  const bp = buffers.b;
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
            // prettier-ignore
            kernel(kc, ap, ir * kc, bp, jr * kc, c, cBlock + ir * cRowStride + jr, cRowStride, mr, nr);
          }
        }
      }
    }
  }
}

/** Copies an mc x kc block of A into strips of MR rows, column by column, zero-padding the last strip. */
function packA(
  mc: number,
  kc: number,
  a: Storage,
  start: number,
  rs: number,
  cs: number,
  out: Packed,
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
  b: Storage,
  start: number,
  rs: number,
  cs: number,
  out: Packed,
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
