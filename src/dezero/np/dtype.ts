/**
 * The five dtypes of `np`, their storage, and numpy 2's promotion rules (NEP 50).
 * A JS number is a "weak" Python float: it never widens a float32 array, but it turns bool and
 * int64 arrays into float64 (we cannot tell `2` from `2.0`, so a number always counts as a float).
 */

/** The element types `np` supports. */
export type DType = 'float64' | 'float32' | 'int64' | 'uint8' | 'bool';

/** The typed array behind an array: float64 and int64 in Float64Array, float32, uint8 and bool (as 0/1) in Uint8Array. */
export type Storage = Float64Array | Float32Array | Uint8Array;

const DTYPES: readonly string[] = ['float64', 'float32', 'int64', 'uint8', 'bool'];

/** True when `x` names one of our dtypes. */
export function isDType(x: unknown): x is DType {
  return typeof x === 'string' && DTYPES.includes(x);
}

// NOTE: V8 keeps a typed array of up to 64 bytes inside the JS heap, which is cheap; a larger one
// gets its own ArrayBuffer outside it, which costs ~1 µs to make and more for the garbage collector
// to free (measured: new Float32Array(300) 1.2 µs, a view on a shared buffer 0.15 µs). Small
// arrays, the bulk of a training loop's results, are therefore views carved from a shared
// slab, never reused: fresh, so zero-filled. A slab is freed when its last view is; SLAB_BYTES
// bounds what one long-lived small array can keep alive.
const SLAB_BYTES = 16384;
const SLAB_MAX = 2048; // the largest array (in bytes) taken from a slab
let slab = new ArrayBuffer(SLAB_BYTES);
let slabUsed = 0;

/** The byte offset of `bytes` (a multiple of 8) of fresh zeros in the current slab, now reserved. */
function reserve(bytes: number): number {
  if (slabUsed + bytes > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    slabUsed = 0;
  }
  const at = slabUsed;
  slabUsed += bytes;
  return at;
}

/** A zero-filled typed array of `size` elements for `dtype`. */
export function allocStorage(dtype: DType, size: number): Storage {
  // NOTE: each branch names its own constructor: one call site per type stays monomorphic.
  if (dtype === 'float32') {
    if (size <= 16 || size > SLAB_MAX / 4) return new Float32Array(size);
    // Whole 8-byte words, so every view starts where a Float64Array may.
    const at = reserve(((size + 1) & ~1) * 4);
    return new Float32Array(slab, at, size);
  }
  if (dtype === 'bool' || dtype === 'uint8') {
    if (size <= 64 || size > SLAB_MAX) return new Uint8Array(size);
    const at = reserve((size + 7) & ~7);
    return new Uint8Array(slab, at, size);
  }
  if (size <= 8 || size > SLAB_MAX / 8) return new Float64Array(size);
  const at = reserve(size * 8);
  return new Float64Array(slab, at, size);
}

/** Converts one JS number to a value the dtype can hold (f32 rounding, int truncation, 0/1). */
export function castValue(value: number, dtype: DType): number {
  switch (dtype) {
    case 'float64':
      return value;
    case 'float32':
      return Math.fround(value);
    case 'int64':
      // NOTE: numpy's float -> int cast truncates toward zero; nan/inf have no int value.
      if (!Number.isFinite(value)) throw new RangeError(`cannot convert ${value} to int64`);
      return Math.trunc(value) + 0;
    case 'uint8': {
      // NOTE: numpy wraps an integer cast to uint8 modulo 256 (-1 -> 255, 256 -> 0).
      if (!Number.isFinite(value)) throw new RangeError(`cannot convert ${value} to uint8`);
      const wrapped = Math.trunc(value) % 256;
      return wrapped < 0 ? wrapped + 256 : wrapped + 0;
    }
    case 'bool':
      // NOTE: like Python's bool(), nan is truthy.
      return value !== 0 ? 1 : 0;
  }
}

const RANK: Record<DType, number> = { bool: 0, uint8: 1, int64: 2, float32: 3, float64: 4 };

/** numpy's `result_type` of two arrays (both "strong"): bool < uint8 < int64 < float32 < float64, int64+float32 = float64. */
export function promoteTypes(a: DType, b: DType): DType {
  if (a === b) return a;
  if ((a === 'int64' && b === 'float32') || (a === 'float32' && b === 'int64')) return 'float64';
  return RANK[a] >= RANK[b] ? a : b;
}

/** The dtype of an array combined with a weak Python float (a JS number). */
export function promoteWithScalar(a: DType): DType {
  return a === 'float32' ? 'float32' : 'float64';
}

/** The dtype of a float-valued function (exp, sqrt, true division) of `a`: floats keep theirs. */
export function floatType(a: DType): DType {
  return a === 'float32' ? 'float32' : 'float64';
}

/** True for float64 and float32. */
export function isFloat(dtype: DType): boolean {
  return dtype === 'float64' || dtype === 'float32';
}

/** True for int64 and uint8 (bool is its own kind, as in numpy). */
export function isInteger(dtype: DType): boolean {
  return dtype === 'int64' || dtype === 'uint8';
}
