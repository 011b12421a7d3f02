/**
 * The matrix-multiply kernel under `matmul`, `dot` and `tensordot`, on raw typed arrays: C = A·B
 * with the operands read through (offset, row stride, column stride), summed in C's element type
 * (float32 or float64). It picks a kernel by backend and size; every kernel sums each entry of C
 * from 0 in k order within each KC-deep panel and adds the panels in order, so the choice never
 * changes a bit of the result, only the time.
 */
import { getBackend } from './backend.ts';
import type { Storage } from './dtype.ts';
import { MR, NR } from './gemm-packed.ts';
import type { Target } from './gemm-packed.ts';
import { gemmPacked64, gemmSmall64 } from './gemm-f64.ts';
import { gemmPacked32, gemmSmall32 } from './gemm-f32.ts';
import { gemmWasm } from './wasm/gemm-wasm.ts';

// NOTE: packing pays off from 4x4x4 up in a loop of one size (measured: 1.6 vs 1.1 GFLOP/s at 4,
// 3.2 vs 1.6 at 8), but a training step's products (30x2 by 2x10, 30x10 by 10x3) are so small
// that packing and the 4x4 edge tiles cost more than the products: below SMALL_WORK, and for
// operands thinner than a register tile, the unpacked path runs.
const SMALL_WORK = 4096; // multiply-adds up to which the JS kernels run unpacked
// NOTE: a call into the WebAssembly kernel costs ~0.4 µs whatever its size (copies in and out,
// views on its memory), and the JS loops ~4 ns per multiply-add at these sizes, so from ~100
// multiply-adds the WebAssembly kernel wins (measured: 30x10x2 in 0.7 µs against 2.1 µs, 5x5x5
// even, 3x3x3 0.5 against 0.2). A product thinner than its tile in both m and n fills a few of its
// 32 lanes: 1x1x100 took 0.85 µs against 0.3.
const WASM_WORK = 256; // multiply-adds from which the WebAssembly kernel runs
const WASM_ENTRIES = 8; // entries of C (m x n) from which it runs

/**
 * C = A·B for an m x k matrix A and a k x n matrix B into the m x n window of C at cOffset (row
 * stride cRowStride, unit column stride), overwriting it. A float32 C sums in float32 and wants
 * float32-valued operands (float32 or bool storage); a float64 C takes any storage.
 */
export function gemm(
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
  c: Target,
  cOffset: number,
  cRowStride: number,
): void {
  if (m === 0 || n === 0) return;
  if (k === 0) {
    for (let i = 0; i < m; i++) c.fill(0, cOffset + i * cRowStride, cOffset + i * cRowStride + n);
    return;
  }
  const work = m * n * k;
  // prettier-ignore
  if (work >= WASM_WORK && m * n >= WASM_ENTRIES && getBackend() === 'wasm' &&
    gemmWasm(m, n, k, a, aOffset, aRowStride, aColStride, b, bOffset, bRowStride, bColStride,
      c, cOffset, cRowStride)) return;
  const small = m < MR || n < NR || work <= SMALL_WORK;
  // prettier-ignore
  if (c instanceof Float32Array) {
    (small ? gemmSmall32 : gemmPacked32)(m, n, k, a, aOffset, aRowStride, aColStride,
      b, bOffset, bRowStride, bColStride, c, cOffset, cRowStride);
  } else {
    (small ? gemmSmall64 : gemmPacked64)(m, n, k, a, aOffset, aRowStride, aColStride,
      b, bOffset, bRowStride, bColStride, c, cOffset, cRowStride);
  }
}
