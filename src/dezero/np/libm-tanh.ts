/**
 * glibc's `tanh` (sysdeps/ieee754/dbl-64/s_tanh.c) and the `expm1` it calls (s_expm1.c, both
 * fdlibm's algorithms), step for step as glibc 2.36 runs them on x86-64 with FMA: `tanh` is
 * compiled without FMA, `expm1` dispatches to `__expm1_fma`, whose fused multiply-adds we
 * reproduce exactly. numpy's float64 tanh is the C library's; V8's `Math.tanh` is not.
 */

import { fma } from './fma.ts';

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
const LOW = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1; // little-endian: low word first
const HIGH = 1 - LOW;

const O_THRESHOLD = 709.782712893384; // above it e^x overflows
const LN2_HI = 0.6931471803691238; // ln 2 = LN2_HI + LN2_LO, LN2_HI with 32 bits so k * LN2_HI is exact
const LN2_LO = 1.9082149292705877e-10;
const INV_LN2 = 1.4426950408889634;
const HALF_LN2_UP = 0.3465735912322998; // the least |x| whose high word is above ln2/2's (0x3fd62e42)
// expm1's rational approximation on |r| <= ln2/2, coefficients scaled as fdlibm does.
const Q1 = -0.03333333333333313;
const Q2 = 0.0015873015872548146;
const Q3 = -7.93650757867488e-5;
const Q4 = 4.008217827329362e-6;
const Q5 = -2.0109921818362437e-7;

/** e^x - 1, bit for bit equal to glibc's `expm1` on x86-64 with FMA. */
export function libmExpm1(x: number): number {
  const ax = Math.abs(x);
  let k = 0;
  let c = 0;
  if (ax >= 38.81622314453125) {
    // |x| >= 56 ln 2: the answer is -1 below and e^x above.
    if (!(ax < Infinity)) return x === -Infinity ? -1 : x + x;
    if (x > O_THRESHOLD) return Infinity;
    if (x < 0) return -1;
  }
  if (ax >= HALF_LN2_UP) {
    // |x| > ln2/2: x = k ln2 + (hi - lo), and c corrects the rounding of hi - lo.
    let hi: number;
    let lo: number;
    if (ax < 1.0397205352783203) {
      k = x < 0 ? -1 : 1;
      hi = x < 0 ? x + LN2_HI : x - LN2_HI;
      lo = x < 0 ? -LN2_LO : LN2_LO;
    } else {
      k = Math.trunc(INV_LN2 * x + (x < 0 ? -0.5 : 0.5)); // the compiled code does not fuse here
      hi = x - k * LN2_HI; // exact product, so the fused form rounds identically
      lo = k * LN2_LO;
    }
    x = hi - lo;
    c = hi - x - lo;
  } else if (ax < 5.551115123125783e-17) {
    return x; // |x| < 2^-54
  }
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const h2 = hxs * hxs;
  const r1 = fma(h2 * h2, fma(hxs, Q5, Q4), fma(h2, fma(hxs, Q3, Q2), fma(hxs, Q1, 1)));
  const t = fma(-r1, hfx, 3);
  let e = hxs * ((r1 - t) / fma(-x, t, 6));
  if (k === 0) return x - fma(e, x, -hxs);
  e = fma(e - c, x, -c) - hxs;
  if (k === -1) return (x - e) * 0.5 - 0.5; // products by 1/2 and 2 are exact: no fma needed
  if (k === 1) return x < -0.25 ? -2 * (e - (x + 0.5)) : (x - e) * 2 + 1;
  if (k <= -2 || k > 56) {
    // Add k to the exponent of e^r, then subtract 1.
    bits[0] = 1 - (e - x);
    words[HIGH] = words[HIGH]! + (k << 20);
    return bits[0]! - 1;
  }
  if (k < 20) {
    bits[0] = 1 - 2 ** -k - (e - x); // 1 - 2^-k is exact
  } else {
    bits[0] = x - (e + 2 ** -k) + 1;
  }
  words[HIGH] = words[HIGH]! + (k << 20);
  return bits[0]!;
}

/** Hyperbolic tangent, bit for bit equal to glibc's `tanh` on x86-64 with FMA (numpy's float64 tanh). */
export function libmTanh(x: number): number {
  const ax = Math.abs(x);
  let z: number;
  if (!(ax < 22)) {
    if (ax !== ax) return x + x; // nan
    z = 1; // 1 - 1e-300 rounds to 1
  } else if (ax < 2.7755575615628914e-17) {
    return x * (1 + x); // |x| < 2^-55, and keeps the sign of 0
  } else if (ax >= 1) {
    z = 1 - 2 / (libmExpm1(2 * ax) + 2);
  } else {
    const t = libmExpm1(-2 * ax);
    z = -t / (t + 2);
  }
  return x < 0 ? -z : z;
}

// ==== float32 tanh ====

/**
 * fdlibm's expm1 with the multiply-adds of glibc's FMA build (libmExpm1) written unfused. Its
 * double result can differ from libmExpm1's in the last bit; `tanhF32` below is why that is fine.
 */
function expm1Unfused(x: number): number {
  const ax = Math.abs(x);
  let k = 0;
  let c = 0;
  if (ax >= HALF_LN2_UP) {
    let hi: number;
    let lo: number;
    if (ax < 1.0397205352783203) {
      k = x < 0 ? -1 : 1;
      hi = x < 0 ? x + LN2_HI : x - LN2_HI;
      lo = x < 0 ? -LN2_LO : LN2_LO;
    } else {
      k = Math.trunc(INV_LN2 * x + (x < 0 ? -0.5 : 0.5));
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    x = hi - lo;
    c = hi - x - lo;
  }
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const h2 = hxs * hxs;
  const r1 = h2 * h2 * (hxs * Q5 + Q4) + (h2 * (hxs * Q3 + Q2) + (hxs * Q1 + 1));
  const t = -r1 * hfx + 3;
  let e = hxs * ((r1 - t) / (-x * t + 6));
  if (k === 0) return x - (e * x - hxs);
  e = (e - c) * x - c - hxs;
  if (k === -1) return (x - e) * 0.5 - 0.5;
  if (k === 1) return x < -0.25 ? -2 * (e - (x + 0.5)) : (x - e) * 2 + 1;
  // NOTE: libmExpm1 adds k to the exponent field; multiplying by 2^k is the same exact scaling
  // (the results here are normal), and cheaper than going through memory.
  const scale = k >= -64 && k <= 64 ? POW2[k + 64]! : 2 ** k;
  if (k <= -2 || k > 56) return (1 - (e - x)) * scale - 1;
  if (k < 20) return (1 - POW2[64 - k]! - (e - x)) * scale;
  return (x - (e + POW2[64 - k]!) + 1) * scale;
}

const POW2 = Float64Array.from({ length: 129 }, (_, i) => 2 ** (i - 64)); // 2^-64 … 2^64

/**
 * numpy's float32 tanh as we compute it (libmTanh of the float32 value, rounded to float32), at a
 * fraction of the cost: the same algorithm without emulated fused multiply-adds. Its double can
 * differ from libmTanh's in the last bit, but never so that the float32 roundings differ: checked
 * for every float32 input by scripts/check-tanh-f32.ts (80,526 inputs differ in double, none in
 * float32; outside [2^-55, 22) both take the same branch). Only for float32 inputs and outputs.
 */
export function tanhF32(x: number): number {
  const ax = Math.abs(x);
  let z: number;
  if (!(ax < 22)) {
    if (ax !== ax) return x + x;
    z = 1;
  } else if (ax < 2.7755575615628914e-17) {
    return x * (1 + x);
  } else if (ax >= 1) {
    z = 1 - 2 / (expm1Unfused(2 * ax) + 2);
  } else {
    const t = expm1Unfused(-2 * ax);
    z = -t / (t + 2);
  }
  return x < 0 ? -z : z;
}
