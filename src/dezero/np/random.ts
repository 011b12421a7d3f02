/**
 * `np.random`: numpy's legacy `RandomState` (MT19937), bit for bit, including how calls share
 * one stream (and the cached second gaussian of `randn`). Floats come back as float64 arrays,
 * integers as int64 arrays. Where numpy returns a scalar (no shape or `size` given) these return
 * a plain JS number.
 */
import { NDArray, fromFlat, isNDArray, shapeSize } from './ndarray.ts';
import type { DType } from './dtype.ts';
import { MT19937 } from './mt19937.ts';
import { libmLog } from './libm-log.ts';

/** An output shape: a length or a list of lengths, as numpy's `size`. */
export type Size = number | readonly number[];
/** numpy's `size=` keyword; omitted or null means "return a scalar". */
export interface SizeOptions {
  size?: Size | null | undefined;
}
/** `size` given, so the result is an array. */
export interface WithSize {
  size: Size;
}
/** A seed: an integer in [0, 2**32 - 1] or a non-empty list of them; none draws one from the OS. */
export type Seed = number | readonly number[];

/** Options of `choice`. */
export interface ChoiceOptions extends SizeOptions {
  /** Sample with replacement. @default true */
  replace?: boolean;
  /** Probabilities of each entry of `a`; uniform when omitted. */
  p?: NDArray | readonly number[] | null;
}

const TWO32 = 4294967296;

/** numpy's `RandomState`: an independent MT19937 stream with numpy's legacy samplers. */
export class RandomState {
  private readonly mt = new MT19937();
  private hasGauss = false;
  private gauss = 0;

  /** A stream seeded like `np.random.RandomState(seed)`. */
  constructor(seed?: Seed | null) {
    this.seed(seed);
  }

  /** Reseeds the stream; an int seeds as numpy's `mt19937_seed`, a list through `init_by_array`. */
  seed(seed?: Seed | null): void {
    if (seed === undefined || seed === null) {
      this.mt.seedByArray(globalThis.crypto.getRandomValues(new Uint32Array(624)));
    } else if (typeof seed === 'number') {
      this.mt.seed(checkSeed(seed));
    } else {
      if (seed.length === 0) throw new RangeError('Seed must be non-empty');
      this.mt.seedByArray(seed.map(checkSeed));
    }
    this.hasGauss = false;
    this.gauss = 0;
  }

  /** Uniform floats in [0, 1) of the given shape; a JS number when called with no arguments. */
  rand(): number;
  rand(...shape: [number, ...number[]]): NDArray;
  rand(...shape: number[]): number | NDArray {
    return this.randomSample(shape.length === 0 ? null : shape);
  }

  /** Standard normal floats of the given shape; a JS number when called with no arguments. */
  randn(): number;
  randn(...shape: [number, ...number[]]): NDArray;
  randn(...shape: number[]): number | NDArray {
    return this.normal(0, 1, shape.length === 0 ? null : shape);
  }

  /** numpy's `random_sample(size)`: uniform floats in [0, 1); a JS number when `size` is omitted. */
  randomSample(size?: null): number;
  randomSample(size: Size): NDArray;
  randomSample(size?: Size | null): number | NDArray;
  randomSample(size?: Size | null): number | NDArray {
    return this.fill(size, 'float64', () => this.mt.nextDouble());
  }

  /**
   * Integers in [low, high) (or [0, low) when `high` is omitted) as int64; a JS number when no
   * size is given. Bounds must lie within +-2**53. Uses numpy's masked rejection sampling.
   */
  randint(low: number, high?: number | null): number;
  randint(low: number, options: WithSize): NDArray;
  randint(low: number, high: number | null | undefined, size: Size | WithSize): NDArray;
  randint(
    low: number,
    high?: number | null | SizeOptions,
    size?: Size | SizeOptions | null,
  ): number | NDArray;
  randint(
    low: number,
    high?: number | null | SizeOptions,
    size?: Size | SizeOptions | null,
  ): number | NDArray {
    if (typeof high === 'object' && high !== null) return this.randint(low, null, high);
    const [lo, hi] = high === undefined || high === null ? [0, low] : [low, high];
    if (!Number.isInteger(lo) || !Number.isInteger(hi))
      throw new TypeError('randint bounds must be integers');
    // NOTE: int64 lives in a Float64Array, so results must stay within +-2**53 to be exact.
    if (Math.abs(lo) > 2 ** 53 || Math.abs(hi) > 2 ** 53)
      throw new RangeError('randint bounds exceed 2**53');
    if (lo >= hi) throw new RangeError('low >= high');
    const rng = hi - 1 - lo;
    if (!Number.isSafeInteger(rng)) {
      // A range past 2**53 (e.g. [-2**53, 2**53)) has exact bounds and results but not an exact width.
      const big = BigInt(hi) - 1n - BigInt(lo);
      return this.fill(sizeArg(size), 'int64', () => Number(BigInt(lo) + this.boundedBig(big)));
    }
    return this.fill(sizeArg(size), 'int64', () => lo + this.bounded(rng));
  }

  /** Uniform floats in [low, high): `low + (high - low) * u`; a JS number when `size` is omitted. */
  uniform(low?: number, high?: number): number;
  uniform(low: number, high: number, size: Size | WithSize): NDArray;
  uniform(low?: number, high?: number, size?: Size | SizeOptions | null): number | NDArray;
  uniform(low = 0, high = 1, size?: Size | SizeOptions | null): number | NDArray {
    const range = high - low;
    if (!Number.isFinite(range)) throw new RangeError('Range exceeds valid bounds');
    return this.fill(sizeArg(size), 'float64', () => low + range * this.mt.nextDouble());
  }

  /** Normal floats `loc + scale * gauss`; a JS number when `size` is omitted. */
  normal(loc?: number, scale?: number): number;
  normal(loc: number, scale: number, size: Size | WithSize): NDArray;
  normal(loc?: number, scale?: number, size?: Size | SizeOptions | null): number | NDArray;
  normal(loc = 0, scale = 1, size?: Size | SizeOptions | null): number | NDArray {
    if (!(scale >= 0)) throw new RangeError('scale < 0');
    return this.fill(sizeArg(size), 'float64', () => loc + scale * this.nextGauss());
  }

  /** A shuffled `arange(n)` (int64), or a shuffled copy of `x` along its first axis. */
  permutation(x: number | NDArray): NDArray {
    if (typeof x === 'number') {
      if (!Number.isInteger(x))
        throw new TypeError('x must be an integer or at least 1-dimensional');
      const n = Math.max(0, x);
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = i;
      const arr = new NDArray(out, [n], 'int64');
      this.shuffle(arr);
      return arr;
    }
    if (x.ndim < 1) throw new TypeError('x must be an integer or at least 1-dimensional');
    // NOTE: numpy shuffles an index and gathers rows; the draws and the result are the same.
    const copy = new NDArray(x.toFlat(), x.shape, x.dtype);
    this.shuffle(copy);
    return copy;
  }

  /** Shuffles `x` in place along its first axis (numpy's Fisher-Yates with `random_interval`). */
  shuffle(x: NDArray | unknown[]): void {
    if (!isNDArray(x)) {
      for (let i = x.length - 1; i > 0; i--) {
        const j = this.bounded(i);
        [x[i], x[j]] = [x[j], x[i]];
      }
      return;
    }
    if (x.ndim === 0) throw new TypeError('len() of unsized object');
    const { storage, strides, offset } = x;
    const n = x.shape[0]!;
    const step = strides[0]!;
    if (x.ndim === 1) {
      for (let i = n - 1; i > 0; i--) {
        const j = this.bounded(i);
        const a = offset + i * step;
        const b = offset + j * step;
        const t = storage[a]!;
        storage[a] = storage[b]!;
        storage[b] = t;
      }
      return;
    }
    // Storage offsets of one row's elements, relative to the row's start, in C order.
    const rowShape = x.shape.slice(1);
    const rel = rowOffsets(rowShape, strides.slice(1), new Float64Array(shapeSize(rowShape)));
    for (let i = n - 1; i > 0; i--) {
      const j = this.bounded(i);
      if (i === j) continue;
      const a = offset + i * step;
      const b = offset + j * step;
      for (let k = 0; k < rel.length; k++) {
        const t = storage[a + rel[k]!]!;
        storage[a + rel[k]!] = storage[b + rel[k]!]!;
        storage[b + rel[k]!] = t;
      }
    }
  }

  /**
   * Samples from `arange(a)` (int64) or from the 1-d array `a`, numpy's legacy algorithm:
   * `randint` draws, a CDF search when `p` is given, a permutation prefix without replacement.
   * A JS number when `size` is omitted.
   */
  choice(
    a: number | NDArray | readonly number[],
    options?: ChoiceOptions & { size?: null },
  ): number;
  choice(a: number | NDArray | readonly number[], options: ChoiceOptions & WithSize): NDArray;
  choice(a: number | NDArray | readonly number[], options?: ChoiceOptions): number | NDArray;
  choice(a: number | NDArray | readonly number[], options: ChoiceOptions = {}): number | NDArray {
    const { replace = true, p = null } = options;
    const shape =
      options.size === undefined || options.size === null ? null : toShape(options.size);
    const count = shape === null ? 1 : shapeSize(shape);
    const pool = typeof a === 'number' ? null : isNDArray(a) ? a : fromFlat(a, [a.length]);
    if (pool !== null && pool.ndim !== 1) throw new RangeError('a must be 1-dimensional');
    if (pool === null && !Number.isInteger(a))
      throw new TypeError('a must be 1-dimensional or an integer');
    const popSize = pool === null ? (a as number) : pool.shape[0]!;
    if (popSize <= 0 && count !== 0)
      throw new RangeError('a must be greater than 0 unless no samples are taken');
    const probs = p === null ? null : checkProbabilities(p, popSize);
    const idx = new Float64Array(count);
    if (replace) {
      if (probs !== null) {
        const cdf = normalizedCdf(probs);
        for (let i = 0; i < count; i++) idx[i] = searchRight(cdf, this.mt.nextDouble());
      } else {
        for (let i = 0; i < count; i++) idx[i] = this.bounded(popSize - 1);
      }
    } else if (count > popSize) {
      throw new RangeError("Cannot take a larger sample than population when 'replace=False'");
    } else if (probs !== null) {
      this.chooseUnique(probs, idx);
    } else {
      idx.set(this.permutation(popSize).storage.subarray(0, count));
    }
    if (pool === null) return shape === null ? idx[0]! : new NDArray(idx, shape, 'int64');
    const values = new Float64Array(count);
    for (let i = 0; i < count; i++)
      values[i] = pool.storage[pool.offset + idx[i]! * pool.strides[0]!]!;
    return shape === null ? values[0]! : fromFlat(values, shape, pool.dtype);
  }

  /** Without replacement and with `p`: draw, keep new indices in first-seen order, zero their p. */
  private chooseUnique(probs: Float64Array, found: Float64Array): void {
    const size = found.length;
    let nonzero = 0;
    for (const q of probs) if (q > 0) nonzero++;
    if (nonzero < size) throw new RangeError('Fewer non-zero entries in p than size');
    const p = probs.slice();
    const seen = new Uint8Array(p.length);
    let nUniq = 0;
    while (nUniq < size) {
      const x = this.randomSample(size - nUniq);
      for (let k = 0; k < nUniq; k++) p[found[k]!] = 0;
      const cdf = normalizedCdf(p);
      seen.fill(0);
      const fresh: number[] = [];
      for (const u of x.storage) {
        const j = searchRight(cdf, u);
        if (!seen[j]) fresh.push(j);
        seen[j] = 1;
      }
      found.set(fresh, nUniq);
      nUniq += fresh.length;
    }
  }

  /** numpy's `legacy_gauss`: polar Box-Muller, caching the second value of each pair. */
  private nextGauss(): number {
    if (this.hasGauss) {
      this.hasGauss = false;
      return this.gauss;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * this.mt.nextDouble() - 1;
      x2 = 2 * this.mt.nextDouble() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    // NOTE: glibc's log, not Math.log: they differ in the last bit for some r2.
    const f = Math.sqrt((-2 * libmLog(r2)) / r2);
    this.gauss = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  /** A uniform integer in [0, rng] by masked rejection: numpy's `random_interval` and randint's fill. */
  private bounded(rng: number): number {
    if (rng === 0) return 0;
    if (rng <= 0xffffffff) {
      const mask = 0xffffffff >>> Math.clz32(rng);
      let v: number;
      do v = (this.mt.nextUint32() & mask) >>> 0;
      while (v > rng);
      return v;
    }
    // 64-bit draw, high word first (numpy's next_uint64), masked by the smallest 2^k - 1 >= rng.
    const rngHi = Math.floor(rng / TWO32);
    const rngLo = rng % TWO32;
    const maskHi = 0xffffffff >>> Math.clz32(rngHi);
    for (;;) {
      const hi = (this.mt.nextUint32() & maskHi) >>> 0;
      const lo = this.mt.nextUint32();
      if (hi < rngHi || (hi === rngHi && lo <= rngLo)) return hi * TWO32 + lo;
    }
  }

  /** `bounded` for a range wider than 2**53, in BigInt: the same 64-bit masked draws. */
  private boundedBig(rng: bigint): bigint {
    let mask = rng;
    for (let shift = 1n; shift <= 32n; shift *= 2n) mask |= mask >> shift;
    for (;;) {
      const hi = BigInt(this.mt.nextUint32());
      const v = ((hi << 32n) | BigInt(this.mt.nextUint32())) & mask;
      if (v <= rng) return v;
    }
  }

  /** `size` values from `draw` as an array of `dtype`, or one value as a number when `size` is null. */
  private fill(size: Size | null | undefined, dtype: DType, draw: () => number): number | NDArray {
    if (size === undefined || size === null) return draw();
    const shape = toShape(size);
    const out = new Float64Array(shapeSize(shape));
    for (let i = 0; i < out.length; i++) out[i] = draw();
    return new NDArray(out, shape, dtype);
  }
}

// ==== Argument helpers ====

function checkSeed(seed: number): number {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError('Seed must be between 0 and 2**32 - 1');
  }
  return seed;
}

/** The `size` of a trailing argument that is either a size or `{ size }`. */
function sizeArg(size: Size | SizeOptions | null | undefined): Size | null | undefined {
  if (typeof size === 'object' && size !== null && !Array.isArray(size))
    return (size as SizeOptions).size;
  return size as Size | null | undefined;
}

function toShape(size: Size): number[] {
  const shape = typeof size === 'number' ? [size] : [...size];
  for (const n of shape) {
    if (!Number.isInteger(n) || n < 0) throw new RangeError('negative dimensions are not allowed');
  }
  return shape;
}

/** Relative storage offsets of every element of a (shape, strides) block, in C order. */
function rowOffsets(
  shape: readonly number[],
  strides: readonly number[],
  out: Float64Array,
): Float64Array {
  let k = 0;
  const walk = (dim: number, base: number): void => {
    if (dim === shape.length) {
      out[k++] = base;
      return;
    }
    for (let i = 0; i < shape[dim]!; i++) walk(dim + 1, base + i * strides[dim]!);
  };
  walk(0, 0);
  return out;
}

/** `p` as float64, checked as numpy's `choice` checks it (Kahan sum within sqrt(eps) of 1). */
function checkProbabilities(p: NDArray | readonly number[], popSize: number): Float64Array {
  const probs = isNDArray(p) ? Float64Array.from(p.toFlat()) : Float64Array.from(p);
  if (isNDArray(p) && p.ndim !== 1) throw new RangeError("'p' must be 1-dimensional");
  if (probs.length !== popSize) throw new RangeError("'a' and 'p' must have same size");
  let atol = Math.sqrt(2.220446049250313e-16);
  if (isNDArray(p) && p.dtype === 'float32')
    atol = Math.max(atol, Math.sqrt(1.1920928955078125e-7));
  let sum = probs[0] ?? 0;
  let c = 0;
  for (let i = 1; i < probs.length; i++) {
    const y = probs[i]! - c;
    const t = sum + y;
    c = t - sum - y;
    sum = t;
  }
  if (Number.isNaN(sum)) throw new RangeError('probabilities contain NaN');
  if (probs.some((q) => q < 0)) throw new RangeError('probabilities are not non-negative');
  if (Math.abs(sum - 1) > atol) throw new RangeError('probabilities do not sum to 1');
  return probs;
}

/** `cumsum(p) / cumsum(p)[-1]`, summed left to right as numpy's cumsum does. */
function normalizedCdf(p: Float64Array): Float64Array {
  const cdf = new Float64Array(p.length);
  let acc = 0;
  for (let i = 0; i < p.length; i++) cdf[i] = acc += p[i]!;
  const total = cdf[cdf.length - 1]!;
  for (let i = 0; i < cdf.length; i++) cdf[i] = cdf[i]! / total;
  return cdf;
}

/** numpy's `searchsorted(side='right')`: the number of entries <= u in the sorted `cdf`. */
function searchRight(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid]! <= u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// ==== The global stream ====

const globalState = new RandomState();

/** `np.random`: numpy's module-level functions on one global `RandomState`, plus the class. */
export const random = {
  seed: globalState.seed.bind(globalState) as RandomState['seed'],
  rand: globalState.rand.bind(globalState) as RandomState['rand'],
  randn: globalState.randn.bind(globalState) as RandomState['randn'],
  randomSample: globalState.randomSample.bind(globalState) as RandomState['randomSample'],
  randint: globalState.randint.bind(globalState) as RandomState['randint'],
  uniform: globalState.uniform.bind(globalState) as RandomState['uniform'],
  normal: globalState.normal.bind(globalState) as RandomState['normal'],
  permutation: globalState.permutation.bind(globalState) as RandomState['permutation'],
  shuffle: globalState.shuffle.bind(globalState) as RandomState['shuffle'],
  choice: globalState.choice.bind(globalState) as RandomState['choice'],
  RandomState,
};
