/** Tolerance comparisons: numpy's `isclose` and `allclose`. */
import type { NDArray, ArrayLikeInput } from './ndarray.ts';
import {
  abs,
  add,
  equal,
  isnan,
  lessEqual,
  logicalAnd,
  logicalOr,
  multiply,
  subtract,
} from './elementwise.ts';

/** Tolerances: `|a - b| <= atol + rtol * |b|`. */
export interface CloseOptions {
  /** Relative tolerance. @default 1e-5 */
  rtol?: number;
  /** Absolute tolerance. @default 1e-8 */
  atol?: number;
  /** Count two nans as equal. @default false */
  equalNan?: boolean;
}

/** Elementwise `|a - b| <= atol + rtol * |b|` (infinities equal only to themselves), as bools. */
export function isclose(a: ArrayLikeInput, b: ArrayLikeInput, options: CloseOptions = {}): NDArray {
  const { rtol = 1e-5, atol = 1e-8, equalNan = false } = options;
  // NOTE: equal() catches matching infinities, whose difference is nan.
  const within = logicalOr(
    lessEqual(abs(subtract(a, b)), add(multiply(abs(b), rtol), atol)),
    equal(a, b),
  );
  return equalNan ? logicalOr(within, logicalAnd(isnan(a), isnan(b))) : within;
}

/** True when every element is `isclose`. */
export function allclose(
  a: ArrayLikeInput,
  b: ArrayLikeInput,
  options: CloseOptions = {},
): boolean {
  const c = isclose(a, b, options);
  return c.size === 0 || c.min().item() === 1;
}
