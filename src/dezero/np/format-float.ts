/**
 * numpy's `FloatingFormat` under the default print options (precision 8, floatmode 'maxprec',
 * suppress False, sign '-'), and the `str()` of a float scalar, which 0-d arrays print as.
 */
import { DRAGON4_DEFAULTS, dragon4Positional, dragon4Scientific } from './dragon4.ts';
import type { TrimMode } from './dragon4.ts';

const PRECISION = 8;

/** A function that formats one element to its padded width. */
export type ElementFormatter = (x: number) => string;

/**
 * Builds numpy's float element formatter for `data`: the (possibly summarised) values that will be
 * printed, which decide between positional and scientific notation and the common widths.
 */
export function floatFormatter(data: readonly number[], float32: boolean): ElementFormatter {
  // NOTE: float32 callers may hand over unrounded doubles; numpy sees float32 values.
  const finite = (float32 ? data.map(Math.fround) : data).filter(Number.isFinite);
  let expFormat = false;
  let maxAbs = 0;
  let minAbs = Infinity;
  for (const v of finite) {
    const a = Math.abs(v);
    if (a === 0) continue;
    if (a > maxAbs) maxAbs = a;
    if (a < minAbs) minAbs = a;
  }
  if (maxAbs > 0) {
    // NOTE: numpy compares in the array's dtype, and cuts over at 10**min(8, finfo.precision).
    const cutoff = float32 ? 1e6 : 1e8;
    const small = float32 ? Math.fround(1e-4) : 1e-4;
    const ratio = float32 ? Math.fround(maxAbs / minAbs) : maxAbs / minAbs;
    expFormat = maxAbs >= cutoff || minAbs < small || ratio > 1000;
  }

  let padLeft = 0;
  let padRight = 0;
  let precision = PRECISION;
  let minDigits = -1;
  let trim: TrimMode = '.';
  let expSize = -1;
  const firstPass = { ...DRAGON4_DEFAULTS, precision: PRECISION, trim: '.' as const };
  if (finite.length > 0 && expFormat) {
    let fracMax = 0;
    for (const v of finite) {
      const s = dragon4Scientific(v, float32, firstPass);
      const e = s.indexOf('e');
      const point = s.indexOf('.');
      padLeft = Math.max(padLeft, point);
      fracMax = Math.max(fracMax, e - point - 1);
      expSize = Math.max(expSize, s.length - e - 2);
    }
    trim = 'k';
    precision = fracMax;
    minDigits = fracMax;
    padRight = expSize + 2 + precision;
  } else if (finite.length > 0) {
    for (const v of finite) {
      const s = dragon4Positional(v, float32, firstPass);
      const point = s.indexOf('.');
      padLeft = Math.max(padLeft, point);
      padRight = Math.max(padRight, s.length - point - 1);
    }
    minDigits = 0;
  }
  if (finite.length !== data.length) {
    const negInf = data.some((v) => v === -Infinity) ? 1 : 0;
    const offset = padRight + 1;
    padLeft = Math.max(padLeft, 3 - offset, 3 + negInf - offset);
  }

  const options = {
    ...DRAGON4_DEFAULTS,
    precision,
    minDigits,
    trim,
    padLeft,
    padRight,
    expDigits: expSize,
  };
  return (x) => {
    if (!Number.isFinite(x)) {
      const text = Number.isNaN(x) ? 'nan' : x < 0 ? '-inf' : 'inf';
      return ' '.repeat(Math.max(0, padLeft + padRight + 1 - text.length)) + text;
    }
    return expFormat
      ? dragon4Scientific(x, float32, options)
      : dragon4Positional(x, float32, options);
  };
}

/**
 * `str()` of a numpy float64 / float32 scalar (what a 0-d array prints): shortest round-trip
 * digits, positional from 1e-4 up to 1e16 (float64) or 1e6 (float32), scientific outside.
 */
export function formatFloatScalar(x: number, float32: boolean): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x < 0 ? '-inf' : 'inf';
  const value = float32 ? Math.fround(x) : x;
  const a = Math.abs(value);
  if (a === 0 || (a >= 1e-4 && a < (float32 ? 1e6 : 1e16))) {
    return dragon4Positional(value, float32, { ...DRAGON4_DEFAULTS, trim: '0' });
  }
  return dragon4Scientific(value, float32, { ...DRAGON4_DEFAULTS, trim: '-' });
}
