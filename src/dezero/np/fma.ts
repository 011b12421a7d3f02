/**
 * `fma(a, b, c)`: the fused multiply-add that the C library's FMA builds execute, which JavaScript
 * lacks. The libm ports (log, exp, sin/cos, tanh) need it to round exactly as glibc does.
 *
 * NOTE: `fma` is kept small on purpose. V8 inlines only a limited amount of bytecode into each
 * caller; an fma that is not inlined boxes its three arguments and its result as heap numbers,
 * which made it cost about 20 ns a call, 90% of the old ports' run time. The rare last step lives
 * in `nearTie`, out of line.
 */

const SPLIT = 134217729; // 2^27 + 1, Veltkamp's splitter

/** a * b - p exactly, for p = a * b rounded (Dekker's product), when a * b neither overflows nor underflows. */
export function productError(a: number, b: number, p: number): number {
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

/**
 * `a * b + c` rounded once, as the FMA instruction computes it. Exact for finite inputs whose
 * product neither overflows nor underflows, which holds for every call in the ports.
 *
 * a * b + c = s + r + e exactly, with p + e the exact product (Dekker) and s + r = c + p
 * (Knuth's TwoSum). z = s + (r + e), rounded twice, is already the answer unless s + u,
 * u = r + e rounded, lies exactly halfway between two doubles: if r + e rounds (err != 0) then
 * r != 0, so c + p was inexact, so |p| < 2|s| and |u| <= 2 ulp(s); then s + u and the exact sum lie
 * on a grid far finer than the midpoints of z's binade, and only a midpoint at s + u itself can
 * round them apart. The same bound makes w = u - (z - s) the exact tail of s + u (Fast2Sum), and
 * s + u is a midpoint exactly when z + 2w is z's neighbour. This replaces the rounding to odd of
 * Boldo and Melquiond (2008), which needed the double's bits; both give the exact answer.
 */
export function fma(a: number, b: number, c: number): number {
  const p = a * b;
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  const e = ah * bh - p + ah * bl + al * bh + al * bl;
  const s = c + p;
  const v = s - c;
  const r = c - (s - v) + (p - v);
  const u = r + e;
  const z = s + u;
  const w = u - (z - s);
  if (w === 0 || z + 2 * w - z !== 2 * w) return z;
  return nearTie(r, e, u, z, w);
}

/**
 * s + u = z + w is a midpoint (or w is not exact, which forces err = 0): the exact sum
 * s + u + err rounds to z's neighbour z + 2w when err pushes it past the midpoint.
 */
function nearTie(r: number, e: number, u: number, z: number, w: number): number {
  const v = u - r;
  const err = r - (u - v) + (e - v);
  if (err === 0) return z;
  return err > 0 === w > 0 ? z + 2 * w : z;
}
