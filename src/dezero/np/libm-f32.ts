/**
 * e^x and tanh(x) for float32 arrays, rounded to float32: the values `Math.fround(libmExp(x))`
 * and `Math.fround(libmTanh(x))` that the exact glibc ports give, at a fraction of their cost.
 *
 * A float32 result needs 24 bits, not 53. Each function computes its value in double with a
 * plain polynomial (relative error below 2^-46), then rounds both ends of the interval
 * value·(1 ± 2^-36) to float32: when they agree, every double in between, the exact port's
 * result included, rounds to the same float32. When they do not (about one input in 3,000, a
 * value next to a float32 rounding boundary), the exact port decides. So the fast path can only
 * ever be as right as the port; scripts/check-f32-libm.ts checks every float32 input anyway.
 */
import { libmExp } from './libm-exp.ts';
import { libmTanh } from './libm-tanh.ts';

const fround = Math.fround;
const BELOW = 1 - 2 ** -36;
const ABOVE = 1 + 2 ** -36;

// e^x = 2^(k/32) · e^r, k = round(32x / ln 2), |r| <= ln2/64 (a table of 32 values and a short
// polynomial: half the latency of one long polynomial on |r| <= ln2/2).
const INV_LN2_32 = 46.16624130844683; // 32 / ln 2
const LN2_HI_32 = 0.6931471803691238 / 32; // ln2/32 = LN2_HI_32 + LN2_LO_32; 27 bits, so k·LN2_HI_32 is exact
const LN2_LO_32 = 1.9082149292705877e-10 / 32;
const ROUND_SHIFT = 1.5 * 2 ** 52;
/** 2^(j/32), j = 0 … 31, each rounded to double (2^-53: far below what the float32 result needs). */
const EXP2_32 = Float64Array.from({ length: 32 }, (_, j) => 2 ** (j / 32));
/** 2^m for m = -160 … 160, the exact scalings. */
const POW2 = Float64Array.from({ length: 321 }, (_, i) => 2 ** (i - 160));
// 1/n! for n = 2 … 5: e^r to a relative 2^-48 for |r| <= ln2/64 (the next term, r⁶/720).
const E2 = 1 / 2;
const E3 = 1 / 6;
const E4 = 1 / 24;
const E5 = 1 / 120;

/** e^x in double, relative error below 2^-47, for -110 < x < 90. */
function expApprox(x: number): number {
  // NOTE: adding and taking away 1.5·2^52 rounds to an integer in two additions, where
  // Math.round's checks cost a quarter of the function (a tie may go either way: |r| <= ln2/64
  // holds for both).
  const k = x * INV_LN2_32 + ROUND_SHIFT - ROUND_SHIFT;
  const r = x - k * LN2_HI_32 - k * LN2_LO_32;
  const p = 1 + r * (1 + r * (E2 + r * (E3 + r * (E4 + r * E5))));
  const j = k | 0;
  return p * EXP2_32[j & 31]! * POW2[(j >> 5) + 160]!;
}

/** `Math.fround(libmExp(x))` for a float32 x: numpy's float32 exp as this module computes it. */
export function expF32(x: number): number {
  if (!(x > -110 && x < 90)) {
    if (x !== x) return x;
    return x < 0 ? 0 : Infinity; // e^-110 is below half the least float32, e^90 above the largest
  }
  const e = expApprox(x);
  const lo = fround(e * BELOW);
  return lo === fround(e * ABOVE) ? lo : fround(libmExp(x));
}

// tanh's Taylor series to a^17: relative error below 2^-53 for |a| < 0.2.
const T3 = -1 / 3;
const T5 = 2 / 15;
const T7 = -17 / 315;
const T9 = 62 / 2835;
const T11 = -1382 / 155925;
const T13 = 21844 / 6081075;
const T15 = -929569 / 638512875;
const T17 = 6404582 / 10854718875;

/** `Math.fround(libmTanh(x))` for a float32 x (numpy's float32 tanh as this module computes it). */
export function tanhToF32(x: number): number {
  const a = Math.abs(x);
  let t: number;
  // NOTE: both branches work on x itself, not on |x| and a sign put back at the end: the sign of
  // a hidden layer's inputs is random, and a branch on it mispredicted half the time (a third of
  // the function's cost). tanh is odd and the rounding check is symmetric, so nothing else changes.
  if (a < 0.2) {
    if (a === 0) return x; // keeps -0
    const s = x * x;
    t =
      x +
      x * s * (T3 + s * (T5 + s * (T7 + s * (T9 + s * (T11 + s * (T13 + s * (T15 + s * T17)))))));
  } else if (a < 20) {
    // NOTE: e = e^2x is at least e^0.4 = 1.49 or at most e^-0.4 = 0.67, so e - 1 loses at most
    // 2 bits to cancellation.
    const e = expApprox(2 * x);
    t = (e - 1) / (e + 1);
  } else {
    if (a !== a) return x; // nan
    return x < 0 ? -1 : 1; // 1 - tanh(20) is below 2^-57: float32 (and glibc) give 1
  }
  const lo = fround(t * BELOW);
  return lo === fround(t * ABOVE) ? lo : fround(libmTanh(x));
}
