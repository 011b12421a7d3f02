/**
 * glibc's `pow` (2.28+, the FMA build that x86-64 machines with FMA run), step for step: numpy's
 * float64 `power` is the C library's, and V8's `Math.pow` rounds differently for some inputs
 * (printed digits change). sysdeps/ieee754/dbl-64/e_pow.c computes log(x) to about 68 bits as a
 * double-double (hi + lo) with the table in libm-pow-data.ts, multiplies it by y, and takes exp of
 * that with the exp table of libm-exp.ts. Where the compiled `__pow_fma` fuses a multiply into an
 * add (GCC contracts every product whose only use is a sum), so does this code.
 */
import { fma } from './fma.ts';
import {
  C2,
  C3,
  C4,
  C5,
  INV_LN2_N,
  NEG_LN2_HI_N,
  NEG_LN2_LO_N,
  SHIFT,
  TAB_F64,
  TAB_U32,
} from './libm-exp.ts';
import { POW_INVC, POW_LOG_POLY, POW_LOGC, POW_LOGCTAIL } from './libm-pow-data.ts';

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
const LOW = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1; // little-endian: low word first
const HIGH = 1 - LOW;

const LN2_HI = 0.6931471805598903; // 0x1.62e42fefa3800p-1
const LN2_LO = 5.497923018708371e-14; // 0x1.ef35793c76730p-45
const [A0, A1, A2, A3, A4, A5, A6] = POW_LOG_POLY;
/** The high word of 0x3fe6955500000000: log's subintervals are centred on 1, from 0x1.69555p-1. */
const OFF_HIGH = 0x3fe69555;
/** Added to k's bits, it flips the sign of exp's scale: x^y for x < 0 and an odd integer y. */
const SIGN_BIAS = 0x800 << 7;
const TWO_1009 = 5.486124068793689e303;
const TWO_M1022 = 2.2250738585072014e-308;

let tail = 0; // log's low part, beside the value it returns

/** log(x) as hi + `tail` for the bits (high, low) of a positive x, subnormals pre-scaled. */
function logInline(high: number, low: number): number {
  const tmp = (high - OFF_HIGH) | 0;
  const i = (tmp >>> 13) & 127;
  const k = tmp >> 20;
  words[HIGH] = high - (tmp & 0xfff00000);
  words[LOW] = low;
  const z = bits[0]!;
  const invc = POW_INVC[i]!;
  // x = 2^k z, z in [0x1.69555p-1, 0x1.69555p0); log(x) = k ln2 + log(c) + log1p(z/c - 1).
  const r = fma(z, invc, -1);
  const t1 = fma(k, LN2_HI, POW_LOGC[i]!);
  const t2 = t1 + r;
  const lo1 = fma(k, LN2_LO, POW_LOGCTAIL[i]!);
  const lo2 = t1 - t2 + r;
  const ar = A0 * r;
  const ar2 = r * ar;
  const ar3 = r * ar2;
  const hi = t2 + ar2;
  const lo3 = fma(ar, r, -ar2);
  const lo4 = t2 - hi + ar2;
  const q = fma(ar2, fma(ar2, fma(r, A6, A5), fma(r, A4, A3)), fma(r, A2, A1));
  const lo = fma(ar3, q, lo1 + lo2 + lo3 + lo4);
  const y = hi + lo;
  tail = hi - y + lo;
  return y;
}

/** e^(x + xtail), its sign flipped by signBias; |xtail| is tiny next to x. */
function expInline(x: number, xtail: number, signBias: number): number {
  bits[0] = x;
  let abstop = (words[HIGH]! >>> 20) & 0x7ff;
  if ((abstop - 0x3c9) >>> 0 >= 0x408 - 0x3c9) {
    if (abstop < 0x3c9) {
      // |x| < 2^-54: e^x rounds to 1 (1 + x keeps the rounding direction's answer).
      const one = 1 + x;
      return signBias ? -one : one;
    }
    if (abstop >= 0x409) {
      if (x < 0) return signBias ? -0 : 0;
      return signBias ? -Infinity : Infinity;
    }
    abstop = 0; // 512 <= |x| < 1024: may overflow or underflow, see specialCase
  }
  const z = INV_LN2_N * x;
  let kd = z + SHIFT - SHIFT;
  // As in libmExp: the fused product decides k only when the plain one is a half-integer.
  if (Math.abs(z - kd) === 0.5) kd = fma(INV_LN2_N, x, SHIFT) - SHIFT;
  let r = fma(kd, NEG_LN2_LO_N, fma(kd, NEG_LN2_HI_N, x));
  r += xtail;
  const k = kd | 0;
  const idx = 2 * (k & 127);
  const r2 = r * r;
  const tmp = fma(r2 * r2, fma(r, C5, C4), fma(r2, fma(r, C3, C2), TAB_F64[idx]! + r));
  words[LOW] = TAB_U32[2 * idx + 2 + LOW]!;
  words[HIGH] = TAB_U32[2 * idx + 2 + HIGH]! + ((k + signBias) << 13);
  if (abstop === 0) return specialCase(tmp, k);
  const scale = bits[0]!;
  return fma(scale, tmp, scale);
}

/** scale · (1 + tmp) where scale's exponent (in `bits`) may be out of range. */
function specialCase(tmp: number, k: number): number {
  if (k >= 0) {
    words[HIGH] = words[HIGH]! - (1009 << 20);
    const scale = bits[0]!;
    return TWO_1009 * fma(scale, tmp, scale);
  }
  words[HIGH] = words[HIGH]! + (1022 << 20);
  const scale = bits[0]!;
  const negative = words[HIGH]! >>> 31 === 1;
  const st = scale * tmp;
  let y = scale + st;
  if (Math.abs(y) < 1) {
    // Round to the subnormal precision in one step, not two.
    const one = y < 0 ? -1 : 1;
    let lo = scale - y + st;
    const hi = one + y;
    lo = one - hi + y + lo;
    y = hi + lo - one;
    if (y === 0) y = negative ? -0 : 0;
  }
  return TWO_M1022 * y;
}

/** 0 if the finite non-zero y is not an integer, 1 if it is odd, 2 if even. */
function checkInt(y: number): 0 | 1 | 2 {
  if (!Number.isInteger(y)) return 0;
  // Beyond 2^53 every double is even; below, the remainder is exact.
  return Math.abs(y) < 2 ** 53 && Math.abs(y) % 2 === 1 ? 1 : 2;
}

/** x^y, bit for bit equal to glibc's `pow` on x86-64 with FMA (numpy's float64 power). */
export function libmPow(x: number, y: number): number {
  // NOTE: glibc takes the long way, but its error (far below half an ulp of the exact x) always
  // rounds to x itself; step 24's backward asks for x^1 in every Pow.
  if (y === 1) return x;
  bits[0] = x;
  let high = words[HIGH]!;
  let low = words[LOW]!;
  bits[0] = y;
  const yHigh = words[HIGH]!;
  let topx = high >>> 20;
  const topy = yHigh >>> 20;
  let signBias = 0;
  if ((topx - 1) >>> 0 >= 0x7ff - 1 || ((topy & 0x7ff) - 0x3be) >>> 0 >= 0x43e - 0x3be) {
    // x < 2^-1022 (or negative, inf, nan), or |y| < 2^-65, |y| >= 2^63, inf or nan.
    if (y === 0 || !Number.isFinite(y)) {
      if (y === 0) return 1;
      if (x === 1) return 1;
      if (x !== x || y !== y) return x + y;
      if (Math.abs(x) === 1) return 1;
      if (Math.abs(x) < 1 === y > 0) return 0; // |x| < 1 and y = inf, or |x| > 1 and y = -inf
      return y * y;
    }
    if (x === 0 || !Number.isFinite(x)) {
      let x2 = x * x;
      if (high >>> 31 === 1 && checkInt(y) === 1) x2 = -x2;
      return y < 0 ? 1 / x2 : x2;
    }
    // x and y are finite and non-zero.
    if (x < 0) {
      const yint = checkInt(y);
      if (yint === 0) return NaN;
      if (yint === 1) signBias = SIGN_BIAS;
      high &= 0x7fffffff;
      topx &= 0x7ff;
    }
    if (((topy & 0x7ff) - 0x3be) >>> 0 >= 0x43e - 0x3be) {
      const ax = Math.abs(x);
      if (ax === 1) return 1;
      // |y| < 2^-65: x^y = 1 + y log(x), which rounds to 1 (the sum keeps the rounding mode's).
      if ((topy & 0x7ff) < 0x3be) return ax > 1 ? 1 + y : 1 - y;
      return ax > 1 === topy < 0x800 ? Infinity : 0;
    }
    if (topx === 0) {
      // A subnormal x: scale it into the normal range and take 52 off its exponent.
      bits[0] = Math.abs(x) * 4503599627370496; // 2^52
      high = (words[HIGH]! - (52 << 20)) | 0;
      low = words[LOW]!;
    }
  }
  const hi = logInline(high, low);
  const lo = tail;
  const ehi = y * hi;
  const elo = fma(y, lo, fma(y, hi, -ehi));
  return expInline(ehi, elo, signBias);
}
