/**
 * The digit generator of numpy's Dragon4 (`numpy/_core/src/multiarray/dragon4.c`, after Ryan
 * Juckett), in BigInt: digits come from the exact binary value, shortest round-trip in "unique"
 * mode (IEEE round-half-even margins), or cut off with round-half-even on the exact remainder.
 */

// ==== Taking an IEEE float apart ====

/** An IEEE float taken apart: value = mantissa * 2**exponent. */
export interface Decomposed {
  readonly negative: boolean;
  /** NaN or infinity: not for Dragon4. */
  readonly special: boolean;
  readonly mantissa: bigint;
  readonly exponent: number;
  readonly mantissaBit: number;
  /** At a power of two the gap below is half the gap above. */
  readonly unequalMargins: boolean;
}

const view = new DataView(new ArrayBuffer(8));

/** Takes a float64 (or, with `float32`, the value rounded to float32) apart into its bits. */
export function decompose(x: number, float32: boolean): Decomposed {
  if (float32) {
    view.setFloat32(0, x);
    const bits = view.getUint32(0);
    const biased = (bits >>> 23) & 0xff;
    const fraction = bits & 0x7fffff;
    const negative = bits >>> 31 === 1;
    if (biased === 0xff)
      return {
        negative,
        special: true,
        mantissa: 0n,
        exponent: 0,
        mantissaBit: 0,
        unequalMargins: false,
      };
    if (biased !== 0) {
      const mantissa = BigInt(fraction | 0x800000);
      return {
        negative,
        special: false,
        mantissa,
        exponent: biased - 150,
        mantissaBit: 23,
        unequalMargins: biased !== 1 && fraction === 0,
      };
    }
    return {
      negative,
      special: false,
      mantissa: BigInt(fraction),
      exponent: -149,
      mantissaBit: 31 - Math.clz32(fraction),
      unequalMargins: false,
    };
  }
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const fraction = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  const negative = hi >>> 31 === 1;
  if (biased === 0x7ff)
    return {
      negative,
      special: true,
      mantissa: 0n,
      exponent: 0,
      mantissaBit: 0,
      unequalMargins: false,
    };
  if (biased !== 0) {
    return {
      negative,
      special: false,
      mantissa: fraction | (1n << 52n),
      exponent: biased - 1075,
      mantissaBit: 52,
      unequalMargins: biased !== 1 && fraction === 0n,
    };
  }
  const mantissaBit = fraction === 0n ? 0 : fraction.toString(2).length - 1;
  return {
    negative,
    special: false,
    mantissa: fraction,
    exponent: -1074,
    mantissaBit,
    unequalMargins: false,
  };
}

// ==== Digit generation ====

const pow10Cache: bigint[] = [1n];
function pow10(n: number): bigint {
  for (let i = pow10Cache.length; i <= n; i++) pow10Cache.push((pow10Cache[i - 1] as bigint) * 10n);
  return pow10Cache[n] as bigint;
}

/** numpy's output buffer size: the cutoff when none is asked for. */
const BUFFER_SIZE = 16384;
const LOG10_2 = 0.3010299956639812;

/** The digits Dragon4 produced. */
export interface Digits {
  readonly digits: string;
  /** Base-10 exponent of the first digit. */
  readonly exponent: number;
}

/**
 * numpy's `Dragon4()`: decimal digits of `d`, shortest round-trip when `unique`, cut off after
 * `cutoffMax` digits (after the point when `fractional`) and continued to at least `cutoffMin`.
 */
export function dragon4Digits(
  d: Decomposed,
  unique: boolean,
  fractional: boolean,
  cutoffMax: number,
  cutoffMin: number,
): Digits {
  const { mantissa, exponent, mantissaBit, unequalMargins } = d;
  if (mantissa === 0n) return { digits: '0', exponent: 0 };
  const isEven = (mantissa & 1n) === 0n;
  // value = scaledValue / scale; the margins are half the gaps to the neighbouring floats.
  const extra = unequalMargins ? 2 : 1;
  let scaledValue: bigint;
  let scale: bigint;
  let marginLow: bigint;
  if (exponent > 0) {
    scaledValue = mantissa << BigInt(exponent + extra);
    scale = BigInt(2 * extra);
    marginLow = 1n << BigInt(exponent);
  } else {
    scaledValue = mantissa << BigInt(extra);
    scale = 1n << BigInt(-exponent + extra);
    marginLow = 1n;
  }
  const highFactor = unequalMargins ? 2n : 1n;

  // NOTE: an estimate of floor(log10(v)) + 1 that is right or one too low (Burger & Dybvig).
  let digitExponent = Math.ceil((mantissaBit + exponent) * LOG10_2 - 0.69);
  if (cutoffMax >= 0 && fractional && digitExponent <= -cutoffMax) digitExponent = -cutoffMax + 1;
  if (digitExponent > 0) {
    scale *= pow10(digitExponent);
  } else if (digitExponent < 0) {
    const p = pow10(-digitExponent);
    scaledValue *= p;
    marginLow *= p;
  }
  if (scaledValue >= scale) {
    digitExponent += 1;
  } else {
    scaledValue *= 10n;
    marginLow *= 10n;
  }

  let cutoffMaxExponent = digitExponent - BUFFER_SIZE;
  if (cutoffMax >= 0) {
    const desired = fractional ? -cutoffMax : digitExponent - cutoffMax;
    if (desired > cutoffMaxExponent) cutoffMaxExponent = desired;
  }
  let cutoffMinExponent = digitExponent;
  if (cutoffMin >= 0) {
    const desired = fractional ? -cutoffMin : digitExponent - cutoffMin;
    if (desired < cutoffMinExponent) cutoffMinExponent = desired;
  }
  let outExponent = digitExponent - 1;

  const out: number[] = [];
  let low = false;
  let high = false;
  let digit: number;
  if (unique) {
    for (;;) {
      digitExponent -= 1;
      digit = Number(scaledValue / scale);
      scaledValue %= scale;
      const marginHigh = marginLow * highFactor;
      low = isEven ? scaledValue <= marginLow : scaledValue < marginLow;
      high = isEven ? scaledValue + marginHigh >= scale : scaledValue + marginHigh > scale;
      if (
        ((low || high) && digitExponent <= cutoffMinExponent) ||
        digitExponent === cutoffMaxExponent
      )
        break;
      out.push(digit);
      scaledValue *= 10n;
      marginLow *= 10n;
    }
  } else {
    for (;;) {
      digitExponent -= 1;
      digit = Number(scaledValue / scale);
      scaledValue %= scale;
      if (scaledValue === 0n || digitExponent === cutoffMaxExponent) break;
      out.push(digit);
      scaledValue *= 10n;
    }
  }

  let roundDown = low;
  if (low === high) {
    const twice = scaledValue * 2n;
    roundDown = twice < scale || (twice === scale && (digit & 1) === 0);
  }
  if (roundDown) {
    out.push(digit);
  } else if (digit !== 9) {
    out.push(digit + 1);
  } else {
    while (out.length > 0 && out[out.length - 1] === 9) out.pop();
    if (out.length === 0) {
      out.push(1);
      outExponent += 1;
    } else {
      out[out.length - 1] = (out[out.length - 1] as number) + 1;
    }
  }
  return { digits: out.join(''), exponent: outExponent };
}
