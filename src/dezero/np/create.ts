/**
 * Creating arrays: `array`, `asarray`, `zeros`, `ones`, `full`, the `*Like` versions, `arange`,
 * `linspace`, `eye`, `meshgrid`. JS numbers are floats, so `array([1, 2])` is float64; give
 * `{ dtype: 'int64' }` for ints. `arange` is the exception: with all-integer arguments it gives
 * int64 like numpy's `arange(5)`, because its results are mostly used as indices.
 */
import { NDArray, fromFlat, fromStorage, isNDArray, shapeSize } from './ndarray.ts';
import { allocStorage, castValue } from './dtype.ts';
import type { DType } from './dtype.ts';
import { operandError } from './operand.ts';

/** Nested JS arrays of numbers or booleans, as `np.array` accepts them. */
export type NestedInput = number | boolean | readonly NestedInput[];

/** The `dtype` option of the creation functions. */
export interface DTypeOption {
  /** Element type; float64 unless the function says otherwise. */
  dtype?: DType;
}

/** A shape: one length or a list of lengths. */
export type ShapeInput = number | readonly number[];

function toShape(shape: ShapeInput): number[] {
  const s = typeof shape === 'number' ? [shape] : shape.slice();
  for (const n of s)
    if (!Number.isInteger(n) || n < 0) throw new RangeError('negative dimensions are not allowed');
  return s;
}

/** An array from nested lists, a number or another array (always a copy); bools give bool. */
export function array(data: NDArray | NestedInput, options: DTypeOption = {}): NDArray {
  if (isNDArray(data)) return data.astype(options.dtype ?? data.dtype);
  if (
    data === null ||
    (typeof data !== 'number' && typeof data !== 'boolean' && !Array.isArray(data))
  ) {
    throw operandError(data, 'array');
  }
  const shape: number[] = [];
  let probe: NestedInput = data;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    if (probe.length === 0) break;
    probe = (probe as readonly NestedInput[])[0]!;
  }
  const values: number[] = [];
  let sawBool = false;
  const walk = (x: NestedInput, depth: number): void => {
    if (Array.isArray(x)) {
      if (depth >= shape.length || x.length !== shape[depth])
        throw new RangeError(
          'setting an array element with a sequence: the nested lists are ragged',
        );
      for (const y of x as readonly NestedInput[]) walk(y, depth + 1);
      return;
    }
    if (depth !== shape.length)
      throw new RangeError('setting an array element with a sequence: the nested lists are ragged');
    if (typeof x !== 'number' && typeof x !== 'boolean') throw operandError(x, 'array');
    if (typeof x === 'boolean') sawBool = true;
    values.push(Number(x));
  };
  walk(data, 0);
  const dtype = options.dtype ?? (sawBool && values.length > 0 ? 'bool' : 'float64');
  return fromFlat(values, shape, dtype);
}

/** Like `array`, but returns `data` itself when it already is an array of the wanted dtype. */
export function asarray(data: NDArray | NestedInput, options: DTypeOption = {}): NDArray {
  if (isNDArray(data) && (options.dtype === undefined || options.dtype === data.dtype)) return data;
  return array(data, options);
}

/** An array of `shape` filled with `value` (float64 unless `dtype` is given). */
export function full(
  shape: ShapeInput,
  value: number | boolean,
  options: DTypeOption = {},
): NDArray {
  const dtype = options.dtype ?? (typeof value === 'boolean' ? 'bool' : 'float64');
  return filled(Object.freeze(toShape(shape)), Number(value), dtype);
}

/** A new array of a valid, frozen `shape` holding `value` everywhere. */
function filled(shape: readonly number[], value: number, dtype: DType): NDArray {
  const storage = allocStorage(dtype, shapeSize(shape));
  const v = castValue(value, dtype);
  // NOTE: new storage is zeros already (and +0 is all a zero fill would write; -0 is not).
  if (!Object.is(v, 0)) storage.fill(v);
  return fromStorage(storage, shape, dtype);
}

/** An array of zeros. */
export function zeros(shape: ShapeInput, options: DTypeOption = {}): NDArray {
  return full(shape, 0, options);
}

/** An array of ones. */
export function ones(shape: ShapeInput, options: DTypeOption = {}): NDArray {
  return full(shape, 1, options);
}

/** numpy's `empty`: here always zero-filled, since typed arrays start at zero. */
export function empty(shape: ShapeInput, options: DTypeOption = {}): NDArray {
  return full(shape, 0, options);
}

/** `full` with the shape (and, unless given, the dtype) of `a`. */
export function fullLike(a: NDArray, value: number | boolean, options: DTypeOption = {}): NDArray {
  // NOTE: an array's shape is valid and frozen already: no check, no copy.
  return filled(a.shape, Number(value), options.dtype ?? a.dtype);
}

/** Zeros with the shape and dtype of `a`. */
export function zerosLike(a: NDArray, options: DTypeOption = {}): NDArray {
  return fullLike(a, 0, options);
}

/** Ones with the shape and dtype of `a`. */
export function onesLike(a: NDArray, options: DTypeOption = {}): NDArray {
  return fullLike(a, 1, options);
}

/**
 * Evenly spaced values in [start, stop): `arange(stop)`, `arange(start, stop, step?)`.
 * int64 when every argument is an integer, else float64 (override with `{ dtype }`).
 */
export function arange(
  start: number,
  stop?: number | DTypeOption,
  step?: number | DTypeOption,
  options: DTypeOption = {},
): NDArray {
  const args = [start, stop, step].filter((x): x is number => typeof x === 'number');
  const opts =
    [stop, step, options].find((x): x is DTypeOption => typeof x === 'object') ?? options;
  let [lo, hi, by] = [0, args[0]!, 1];
  if (args.length >= 2) [lo, hi] = [args[0]!, args[1]!];
  if (args.length === 3) by = args[2]!;
  if (by === 0) throw new RangeError('Maximum allowed size exceeded');
  // NOTE: past 2**53 an integer-valued number is surely a float (and int64 could not hold the steps).
  const dtype = opts.dtype ?? (args.every(Number.isSafeInteger) ? 'int64' : 'float64');
  const n = Math.max(0, Math.ceil((hi - lo) / by));
  const out = allocStorage(dtype, n);
  // numpy fills from the first two values: x[i] = start + i * ((start + step) - start).
  const delta = lo + by - lo;
  if (n > 0) out[0] = castValue(lo, dtype);
  if (n > 1) out[1] = castValue(lo + by, dtype);
  for (let i = 2; i < n; i++) out[i] = castValue(lo + i * delta, dtype);
  return new NDArray(out, [n], dtype);
}

/** Options of `linspace`. */
export interface LinspaceOptions extends DTypeOption {
  /** Include `stop` as the last value. @default true */
  endpoint?: boolean;
}

/** `num` evenly spaced values from `start` to `stop`, computed as numpy does (`i * step + start`). */
export function linspace(
  start: number,
  stop: number,
  num = 50,
  options: LinspaceOptions = {},
): NDArray {
  if (!Number.isInteger(num) || num < 0)
    throw new RangeError(`Number of samples, ${num}, must be non-negative.`);
  const endpoint = options.endpoint ?? true;
  const div = endpoint ? num - 1 : num;
  const delta = stop - start;
  const step = div > 0 ? delta / div : NaN;
  const values = new Float64Array(num);
  for (let i = 0; i < num; i++) {
    values[i] =
      div > 0 && step === 0
        ? (i / div) * delta + start
        : div > 0
          ? i * step + start
          : i * delta + start;
  }
  if (endpoint && num > 1) values[num - 1] = stop;
  return fromFlat(values, [num], options.dtype ?? 'float64');
}

/** Options of `eye`. */
export interface EyeOptions extends DTypeOption {
  /** Diagonal: 0 the main one, positive above it. @default 0 */
  k?: number;
}

/** A 2-D array with ones on a diagonal (`n` rows, `m` columns, default `n`). */
export function eye(n: number, m?: number | null, options: EyeOptions = {}): NDArray {
  const cols = m ?? n;
  const k = options.k ?? 0;
  const a = zeros([n, cols], options.dtype === undefined ? {} : { dtype: options.dtype });
  for (let i = 0; i < n; i++) {
    const j = i + k;
    if (j >= 0 && j < cols) a.storage[i * cols + j] = 1;
  }
  return a;
}

/** Options of `meshgrid`. */
export interface MeshgridOptions {
  /** 'xy' (Cartesian, the default) swaps the first two output axes; 'ij' is matrix indexing. */
  indexing?: 'xy' | 'ij';
}

/** Coordinate matrices from coordinate vectors (copies, as numpy's default). */
export function meshgrid(...args: (NDArray | MeshgridOptions)[]): NDArray[] {
  const last = args[args.length - 1];
  const opts = last !== undefined && !isNDArray(last) ? (last as MeshgridOptions) : {};
  const xs = args.filter(isNDArray).map((x) => x.ravel());
  const nd = xs.length;
  const xy = (opts.indexing ?? 'xy') === 'xy' && nd >= 2;
  const lens = xs.map((x) => x.size);
  const shape = lens.slice();
  if (xy) [shape[0], shape[1]] = [lens[1]!, lens[0]!];
  return xs.map((x, i) => {
    const axis = xy && i < 2 ? 1 - i : i;
    const strides = shape.map((_, d) => (d === axis ? x.strides[0]! : 0));
    return new NDArray(x.storage, shape, x.dtype, strides, x.offset).copy();
  });
}
