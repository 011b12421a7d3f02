/**
 * numpy's `dragon4_positional` and `dragon4_scientific` (`FormatPositional` / `FormatScientific`
 * in `dragon4.c`): Dragon4's digits laid out with numpy's trimming and padding rules. For float32
 * the digits are the shortest that round-trip *as float32*.
 */
import { decompose, dragon4Digits } from './float-digits.ts';
import type { Decomposed } from './float-digits.ts';

/** How trailing zeros and the decimal point are trimmed: numpy's `trim` argument. */
export type TrimMode = 'k' | '.' | '0' | '-';

/** The options of numpy's `dragon4_positional` / `dragon4_scientific` (-1 means "not given"). */
export interface Dragon4Options {
  /** Shortest round-trip digits (`unique=True`) instead of exactly `precision` digits. */
  readonly unique: boolean;
  /** Count `precision` in digits after the point (positional `fractional=True`). */
  readonly fractional: boolean;
  /** At most this many digits (after the point, or after the first digit in scientific). */
  readonly precision: number;
  /** At least this many digits, even past uniqueness. */
  readonly minDigits: number;
  /** `k` keeps zeros, `.` trims zeros, `0` trims but keeps one zero, `-` also drops the point. */
  readonly trim: TrimMode;
  /** Pad with spaces on the left until this many characters precede the point. */
  readonly padLeft: number;
  /** Pad with spaces on the right until this many characters follow the point (positional). */
  readonly padRight: number;
  /** Minimum number of exponent digits (scientific); -1 means 2. */
  readonly expDigits: number;
}

/** The defaults of numpy's Python-level wrappers. */
export const DRAGON4_DEFAULTS: Dragon4Options = {
  unique: true,
  fractional: true,
  precision: -1,
  minDigits: -1,
  trim: 'k',
  padLeft: -1,
  padRight: -1,
  expDigits: -1,
};

// ==== Positional and scientific layouts ====

function signOf(d: Decomposed): string {
  return d.negative ? '-' : '';
}

function specialString(x: number, d: Decomposed): string {
  return Number.isNaN(x) ? 'nan' : signOf(d) + 'inf';
}

/** numpy's `dragon4_positional(x, ...)`: `ddd.ddd` with numpy's trimming and padding. */
export function dragon4Positional(x: number, float32: boolean, o: Dragon4Options): string {
  const d = decompose(x, float32);
  if (d.special) return specialString(x, d);
  const sign = signOf(d);
  const { digits, exponent } = dragon4Digits(d, o.unique, o.fractional, o.precision, o.minDigits);

  let text: string;
  let wholeDigits: number;
  let fractionDigits: number;
  if (exponent >= 0) {
    wholeDigits = exponent + 1;
    if (digits.length <= wholeDigits) {
      text = digits + '0'.repeat(wholeDigits - digits.length);
      fractionDigits = 0;
    } else {
      text = digits.slice(0, wholeDigits) + '.' + digits.slice(wholeDigits);
      fractionDigits = digits.length - wholeDigits;
    }
  } else {
    const zeros = -(exponent + 1);
    text = '0.' + '0'.repeat(zeros) + digits;
    fractionDigits = zeros + digits.length;
    wholeDigits = 1;
  }
  if (o.trim !== '-' && fractionDigits === 0) text += '.';

  const addDigits = o.unique ? o.minDigits : o.precision;
  const desiredFraction = o.fractional ? Math.max(addDigits, 0) : addDigits - wholeDigits;
  if (o.trim === '0') {
    if (fractionDigits === 0) {
      text += '0';
      fractionDigits += 1;
    }
  } else if (o.trim === 'k' && desiredFraction > fractionDigits) {
    text += '0'.repeat(desiredFraction - fractionDigits);
    fractionDigits = desiredFraction;
  }
  if (o.trim !== 'k' && fractionDigits > 0) {
    while (text.endsWith('0')) {
      text = text.slice(0, -1);
      fractionDigits -= 1;
    }
    if (text.endsWith('.')) {
      if (o.trim === '0') {
        text += '0';
        fractionDigits += 1;
      } else if (o.trim === '-') {
        text = text.slice(0, -1);
      }
    }
  }

  if (o.padRight >= fractionDigits) {
    if (o.trim === '-' && fractionDigits === 0) text += ' ';
    text += ' '.repeat(o.padRight - fractionDigits);
  }
  const left = o.padLeft - (wholeDigits + sign.length);
  return (left > 0 ? ' '.repeat(left) : '') + sign + text;
}

/** numpy's `dragon4_scientific(x, ...)`: `d.ddde+XX` with numpy's trimming and padding. */
export function dragon4Scientific(x: number, float32: boolean, o: Dragon4Options): string {
  const d = decompose(x, float32);
  if (d.special) return specialString(x, d);
  const sign = signOf(d);
  const leftChars = 1 + sign.length;
  const pad = o.padLeft > leftChars ? ' '.repeat(o.padLeft - leftChars) : '';
  const cutoffMax = o.precision < 0 ? -1 : o.precision + 1;
  const cutoffMin = o.minDigits < 0 ? -1 : o.minDigits + 1;
  const { digits, exponent } = dragon4Digits(d, o.unique, false, cutoffMax, cutoffMin);

  let text = digits.slice(0, 1);
  let fractionDigits = digits.length - 1;
  if (fractionDigits > 0) text += '.' + digits.slice(1);
  if (o.trim !== '-' && fractionDigits === 0) text += '.';

  const addDigits = Math.max(o.unique ? o.minDigits : o.precision, 0);
  if (o.trim === '0') {
    if (fractionDigits === 0) {
      text += '0';
      fractionDigits += 1;
    }
  } else if (o.trim === 'k' && addDigits > fractionDigits) {
    text += '0'.repeat(addDigits - fractionDigits);
    fractionDigits = addDigits;
  }
  // NOTE: unlike the positional layout, numpy keeps a bare '.' here in trim mode '-'.
  if (o.trim !== 'k' && fractionDigits > 0) {
    while (text.endsWith('0')) text = text.slice(0, -1);
    if (o.trim === '0' && text.endsWith('.')) text += '0';
  }

  const expDigits = o.expDigits < 0 ? 2 : Math.min(o.expDigits, 5);
  const expText = String(Math.abs(exponent)).padStart(expDigits, '0');
  return pad + sign + text + 'e' + (exponent >= 0 ? '+' : '-') + expText;
}
