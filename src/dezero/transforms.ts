/**
 * `transforms`, as the book's `transforms.py` (its NumPy part): functions a `Dataset` applies to
 * each example as it hands it out. A transform is a function of an array, or an object whose
 * `call` is one (Python's `__call__`): `new transforms.Compose([new transforms.Flatten(),
 * new transforms.ToFloat(), new transforms.Normalize({ mean: 0, std: 255 })])`.
 */
import type { NDArray } from './np/ndarray.ts';
import type { DType } from './np/dtype.ts';
import { array } from './np/create.ts';
import { binaryInPlace, commonType } from './np/elementwise.ts';

/** A transform: a function of an array, or an object with `call` (as a Python callable). */
export type Transform = ((x: NDArray) => NDArray) | { call(x: NDArray): NDArray };

/** Applies a transform of either kind. */
export function applyTransform(f: Transform, x: NDArray): NDArray {
  return typeof f === 'function' ? f(x) : f.call(x);
}

// ==== Compose ====

/** Several transforms, one after the other (none: the input as is). */
export class Compose {
  transforms: Transform[];
  /** `new Compose([a, b])` applies a, then b. */
  constructor(transforms: Transform[] = []) {
    this.transforms = transforms;
  }
  /** Runs the transforms in order. */
  call(x: NDArray): NDArray {
    let y = x;
    for (const t of this.transforms) y = applyTransform(t, y);
    return y;
  }
}

// ==== Transforms for arrays: Normalize / Flatten / AsType / ToFloat / ToInt ====

/** Options of `Normalize`. */
export interface NormalizeOptions {
  /** One mean, or one per channel (the first axis). @default 0 */
  mean?: number | readonly number[];
  /** One standard deviation, or one per channel. @default 1 */
  std?: number | readonly number[];
}

/** (x − mean) / std, with per-channel lists laid along the first axis. */
export class Normalize {
  mean: number | readonly number[];
  std: number | readonly number[];
  /** `new Normalize({ mean: 0, std: 255 })`. */
  constructor({ mean = 0, std = 1 }: NormalizeOptions = {}) {
    this.mean = mean;
    this.std = std;
  }
  /** Normalizes `x`. */
  call(x: NDArray): NDArray {
    const centred = x.sub(perChannel(this.mean, x));
    const std = perChannel(this.std, x);
    // The division goes into the new difference when it keeps its dtype: the same numbers, one array.
    if (commonType(centred, std) === centred.dtype && binaryInPlace('div', centred, std))
      return centred;
    return centred.div(std);
  }
}

/** A number as is; a list as an array of x's dtype shaped (channels, 1, 1, …) to broadcast over x. */
function perChannel(value: number | readonly number[], x: NDArray): NDArray | number {
  if (typeof value === 'number') return value;
  const shape = x.shape.map(() => 1);
  shape[0] = value.length;
  return array(value, { dtype: x.dtype }).reshape(shape);
}

/** The array as 1-D (a copy). */
export class Flatten {
  /** Flattens `x`. */
  call(x: NDArray): NDArray {
    return x.flatten();
  }
}

/** Options of `AsType`. */
export interface AsTypeOptions {
  /** The dtype to convert to. @default 'float32' */
  dtype?: DType;
}

/** The array converted to `dtype`. */
export class AsType {
  dtype: DType;
  /** `new AsType({ dtype: 'float64' })`. */
  constructor({ dtype = 'float32' }: AsTypeOptions = {}) {
    this.dtype = dtype;
  }
  /** Converts `x`. */
  call(x: NDArray): NDArray {
    return x.astype(this.dtype);
  }
}

/** `AsType` (float32 by default), under DeZero's other name. */
export const ToFloat = AsType;

/** `AsType` converting to int64 by default (Python's `int`). */
export class ToInt extends AsType {
  /** `new ToInt()`. */
  constructor({ dtype = 'int64' }: AsTypeOptions = {}) {
    super({ dtype });
  }
}
