/**
 * The WebAssembly backend of `gemm`: copies the operands into one WebAssembly.Memory, runs the
 * module of gemm-module.ts (compiled synchronously at first use: a module of ~2 KB compiles in
 * well under a millisecond), and copies C back.
 *
 * Operands are copied as they lie (row- or column-major: transposed views stay transposed; a
 * native `TypedArray.set` per contiguous run, which also converts bool and float32 sources), and
 * the module packs from there. Very large operands go through in chunks of rows and columns, so
 * the memory (which can grow but never shrink) stays within a few tens of MB.
 */
import { MC, MR, NC, NR32, NR64, SCRATCH_BYTES, gemmModuleBytes } from './gemm-module.ts';
import { KC } from '../gemm-blocking.ts';
import type { Storage } from '../dtype.ts';
import { wasmFailed } from '../backend.ts';

/** C's storage: float32 results are summed in float32, everything else in float64. */
type Target = Float32Array | Float64Array;

type GemmExport = (...args: number[]) => void;

/** Elements of one operand staged at a time; larger ones go in row / column chunks. */
const STAGE_LIMIT = 1 << 21;
/** A run shorter than this is copied by a JS loop: a `set` call costs more than it saves. */
const RUN_MIN = 32;
const PAGE = 65536;

let memory: WebAssembly.Memory | null = null;
const kernels = new Map<'float32' | 'float64', GemmExport>();

/** The module's `gemm` for `dtype`, compiled at first use; null when this engine refuses to compile it. */
function kernelFor(dtype: 'float32' | 'float64'): GemmExport | null {
  let gemm = kernels.get(dtype);
  if (!gemm) {
    try {
      memory ??= new WebAssembly.Memory({ initial: 16 });
      const module = new WebAssembly.Module(gemmModuleBytes(dtype));
      const instance = new WebAssembly.Instance(module, { env: { memory } });
      gemm = instance.exports['gemm'] as GemmExport;
    } catch {
      // A Content-Security-Policy without 'wasm-unsafe-eval', or no memory to be had.
      wasmFailed();
      return null;
    }
    kernels.set(dtype, gemm);
  }
  return gemm;
}

/** The memory as `dtype` elements, grown to hold at least `bytes`; null when it cannot grow. */
function view(dtype: 'float32' | 'float64', bytes: number): Target | null {
  const mem = memory!;
  const have = mem.buffer.byteLength;
  if (bytes > have) {
    try {
      mem.grow(Math.ceil((bytes - have) / PAGE));
    } catch {
      return null;
    }
  }
  return dtype === 'float32' ? new Float32Array(mem.buffer) : new Float64Array(mem.buffer);
}

const align = (bytes: number): number => (bytes + 63) & ~63;

/**
 * Copies the r x c matrix at (off, rs, cs) of `src` to `dst` from element `at`, compact and in the
 * orientation it has; returns the copy's (row stride, column stride).
 */
function stage(
  src: Storage,
  off: number,
  r: number,
  c: number,
  rs: number,
  cs: number,
  dst: Target,
  at: number,
): [number, number] {
  const rowRuns = c === 1 || cs === 1; // each row is a contiguous run
  const colRuns = r === 1 || rs === 1; // each column is a contiguous run
  if ((rowRuns && (r === 1 || rs === c)) || (colRuns && (c === 1 || cs === r))) {
    dst.set(src.subarray(off, off + r * c), at);
    return rowRuns ? [c, 1] : [1, r];
  }
  if (rowRuns && c >= RUN_MIN) {
    for (let i = 0; i < r; i++) dst.set(src.subarray(off + i * rs, off + i * rs + c), at + i * c);
    return [c, 1];
  }
  if (colRuns && r >= RUN_MIN) {
    for (let j = 0; j < c; j++) dst.set(src.subarray(off + j * cs, off + j * cs + r), at + j * r);
    return [1, r];
  }
  for (let i = 0, q = at; i < r; i++) {
    for (let j = 0, s = off + i * rs; j < c; j++, s += cs) dst[q++] = src[s]!;
  }
  return [c, 1];
}

/** Copies the r x c window of `src` (row stride `rs`, unit column stride) to `dst` (row stride `ds`). */
function copyRows(
  src: Target,
  off: number,
  rs: number,
  dst: Target,
  at: number,
  ds: number,
  r: number,
  c: number,
): void {
  if (rs === c && ds === c) {
    dst.set(src.subarray(off, off + r * c), at);
    return;
  }
  for (let i = 0; i < r; i++) dst.set(src.subarray(off + i * rs, off + i * rs + c), at + i * ds);
}

/**
 * C = A·B (the signature of `gemm`), summed in C's element type by the WebAssembly module: the
 * bits of gemm-f32.ts / gemm-f64.ts for every shape and layout. False when it could not run (the
 * module would not compile, or the memory would not grow), and C is untouched.
 */
export function gemmWasm(
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
): boolean {
  const dtype = c instanceof Float32Array ? 'float32' : 'float64';
  const gemm = kernelFor(dtype);
  if (!gemm) return false;
  const size = dtype === 'float32' ? 4 : 8;
  const nr = dtype === 'float32' ? NR32 : NR64;
  // NOTE: chunks split only m and n, never k, so every entry is summed in the same order.
  const cols = k * n <= STAGE_LIMIT ? n : Math.max(NC, Math.floor(STAGE_LIMIT / k / NC) * NC);
  const rowsFit = Math.floor(STAGE_LIMIT / Math.max(k, cols) / MC) * MC;
  const rows = k * m <= STAGE_LIMIT && m * cols <= STAGE_LIMIT ? m : Math.max(MC, rowsFit);
  const kc = Math.min(KC, k);
  const pa = SCRATCH_BYTES;
  const pb = pa + align(Math.min(MC, Math.ceil(rows / MR) * MR) * kc * size);
  const aAt = pb + align(kc * Math.min(NC, Math.ceil(cols / nr) * nr) * size);
  const bAt = aAt + align(rows * k * size);
  const cAt = bAt + align(k * cols * size);
  const mem = view(dtype, cAt + rows * cols * size);
  if (!mem) return false;
  for (let j0 = 0; j0 < n; j0 += cols) {
    const nc = Math.min(cols, n - j0);
    const bOff = bOffset + j0 * bColStride;
    const [brs, bcs] = stage(b, bOff, k, nc, bRowStride, bColStride, mem, bAt / size);
    for (let i0 = 0; i0 < m; i0 += rows) {
      const mc = Math.min(rows, m - i0);
      const aOff = aOffset + i0 * aRowStride;
      const [ars, acs] = stage(a, aOff, mc, k, aRowStride, aColStride, mem, aAt / size);
      const cOff = cOffset + i0 * cRowStride + j0;
      gemm(mc, nc, k, aAt, ars, acs, bAt, brs, bcs, cAt, nc, pa, pb);
      // The module never grows the memory, so the view is still attached.
      copyRows(mem, cAt / size, nc, c, cOff, cRowStride, mc, nc);
    }
  }
  return true;
}
