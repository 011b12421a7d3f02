/**
 * glibc's `__branred` (sysdeps/ieee754/dbl-64/branred.c): reduces a huge x (|x| >= 105414336)
 * to x = n pi/2 + (a + aa) using 2/pi to 1800 bits. It is compiled without FMA, so every
 * product and sum below rounds separately, in the same order as the C.
 */

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
const LOW = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;
const HIGH = 1 - LOW;

/** 2/pi in base 2^24 digits. */
const TOVERP = [
  10680707, 7228996, 1387004, 2578385, 16069853, 12639074, 9804092, 4427841, 16666979, 11263675,
  12935607, 2387514, 4345298, 14681673, 3074569, 13734428, 16653803, 1880361, 10960616, 8533493,
  3062596, 8710556, 7349940, 6258241, 3772886, 3769171, 3798172, 8675211, 12450088, 3874808,
  9961438, 366607, 15675153, 9132554, 7151469, 3571407, 2607881, 12013382, 4155038, 6285869,
  7677882, 13102053, 15825725, 473591, 9065106, 15363067, 6271263, 9264392, 5636912, 4652155,
  7056368, 13614112, 10155062, 1944035, 9527646, 15080200, 6658437, 6231200, 6832269, 16767104,
  5075751, 3212806, 1398474, 7579849, 6349435, 12618859, 4703257, 12806093, 14477321, 2786137,
  12875403, 9837734, 14528324, 13719321, 343717,
];
const TM600 = 2.409919865102884e-181; // 2^-600
const TM24 = 5.960464477539063e-8; // 2^-24
const SPLIT = 134217729; // 2^27 + 1
const BIG = 6755399441055744; // 1.5 * 2^52
const BIG1 = 27021597764222976; // 1.5 * 2^54
const HP0 = 1.5707963267948966; // pi/2 high
const HP1 = 6.123233995736766e-17; // pi/2 low
const MP1 = 1.5707963407039642; // pi/2 in 28 + 24 bits
const MP2 = -1.3909067675399456e-8;

const r = new Float64Array(6);
/** Results of the last `branred`: the high and low parts of the reduced argument. */
export const reduced = { a: 0, aa: 0 };

// One 2^24-digit slice of x * 2/pi: the integer part mod 4 into `part.sum`, the fraction b + bb.
const part = { sum: 0, b: 0, bb: 0 };
function reducePart(xi: number): void {
  bits[0] = xi;
  let k = Math.trunc((((words[HIGH]! >>> 20) & 2047) - 450) / 24);
  if (k < 0) k = 0;
  words[LOW] = 0;
  words[HIGH] = 0x63f00000 - ((k * 24) << 20); // 2^(576 - 24k)
  let gor = bits[0]!;
  for (let i = 0; i < 6; i++) {
    r[i] = xi * TOVERP[k + i]! * gor;
    gor *= TM24;
  }
  let sum = 0;
  for (let i = 0; i < 3; i++) {
    const s = r[i]! + BIG - BIG;
    sum += s;
    r[i] = r[i]! - s;
  }
  let t = 0;
  for (let i = 0; i < 6; i++) t += r[5 - i]!;
  let bb = r[0]! - t + r[1]! + r[2]! + r[3]! + r[4]! + r[5]!;
  let s = t + BIG - BIG;
  sum += s;
  t -= s;
  const b = t + bb;
  bb = t - b + bb;
  s = sum + BIG1 - BIG1;
  part.sum = sum - s;
  part.b = b;
  part.bb = bb;
}

/** n mod 4 for x = n pi/2 + (a + aa), |a + aa| <= pi/4; a and aa are left in `reduced`. */
export function branred(x: number): number {
  x *= TM600;
  let t = x * SPLIT;
  const x1 = t - (t - x);
  const x2 = x - x1;
  reducePart(x1);
  const sum1 = part.sum;
  const b1 = part.b;
  const bb1 = part.bb;
  reducePart(x2);
  const b2 = part.b;
  const bb2 = part.bb;
  let sum = sum1 + part.sum;
  let b = b1 + b2;
  let bb = Math.abs(b1) > Math.abs(b2) ? b1 - b + b2 : b2 - b + b1;
  if (b > 0.5) {
    b -= 1;
    sum += 1;
  } else if (b < -0.5) {
    b += 1;
    sum -= 1;
  }
  let s = b + (bb + bb1 + bb2);
  t = b - s + bb + (bb1 + bb2);
  b = s * SPLIT;
  const t1 = b - (b - s);
  const t2 = s - t1;
  b = s * HP0;
  bb = t1 * MP1 - b + t1 * MP2 + t2 * MP1 + (t2 * MP2 + s * HP1 + t * HP0);
  s = b + bb;
  reduced.a = s;
  reduced.aa = b - s + bb;
  return Math.trunc(sum) & 3;
}
