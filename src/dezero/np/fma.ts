/**
 * `fma(a, b, c)`: the fused multiply-add that the C library's FMA builds execute, which JavaScript
 * lacks. The libm ports (log, exp, sin/cos, tanh) need it to round exactly as glibc does.
 */

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
const LOW = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1; // little-endian: low word first
const HIGH = 1 - LOW;
const SPLIT = 134217729; // 2^27 + 1, Veltkamp's splitter

/**
 * `a * b + c` rounded once, as the FMA instruction computes it (Boldo and Melquiond, "Emulation
 * of FMA and correctly rounded sums: proved algorithms using rounding to odd", 2008). Exact for
 * finite inputs whose product neither overflows nor underflows, which holds for every call below.
 */
export function fma(a: number, b: number, c: number): number {
  // Exact product p + e (Dekker).
  const p = a * b;
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  const e = ah * bh - p + ah * bl + al * bh + al * bl;
  // Exact sum s + r = c + p (Knuth's TwoSum).
  const s = c + p;
  let v = s - c;
  const r = c - (s - v) + (p - v);
  // The tail r + e rounded to odd, so that the final rounding cannot round twice.
  const u = r + e;
  v = u - r;
  const err = r - (u - v) + (e - v);
  if (err === 0) return s + u;
  bits[0] = u;
  if ((words[LOW]! & 1) === 0) {
    if (err > 0 === u > 0) {
      words[LOW] = words[LOW]! + 1;
      if (words[LOW] === 0) words[HIGH] = words[HIGH]! + 1;
    } else {
      if (words[LOW] === 0) words[HIGH] = words[HIGH]! - 1;
      words[LOW] = words[LOW]! - 1;
    }
  }
  return s + bits[0]!;
}
