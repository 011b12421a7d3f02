/**
 * The inner loops of elementwise operations. Each kernel runs one strided row: the operation is
 * chosen once per row by a `switch`, never per element, so the loops stay monomorphic and free of
 * closures. A stride of 0 repeats a value (a broadcast scalar or row).
 */
import type { Storage } from './dtype.ts';
import { libmExp } from './libm-exp.ts';
import { libmLog } from './libm-log.ts';
import { libmExpm1, libmTanh } from './libm-tanh.ts';
import { expF32, tanhToF32 } from './libm-f32.ts';
import { libmCos, libmSin } from './libm-trig.ts';
import { libmPow } from './libm-pow.ts';

/** Binary operations with a kernel; results are stored into the output's typed array. */
export type BinaryOp =
  | 'add'
  | 'sub'
  | 'mul'
  | 'div'
  | 'pow'
  | 'maximum'
  | 'minimum'
  | 'mod'
  | 'floordiv'
  | 'clipLow'
  | 'clipHigh'
  | 'gt'
  | 'ge'
  | 'lt'
  | 'le'
  | 'eq'
  | 'ne'
  | 'and'
  | 'or'
  | 'xor';

/** Unary operations with a kernel. */
export type UnaryOp =
  | 'neg'
  | 'exp'
  | 'expF32'
  | 'log'
  | 'sin'
  | 'cos'
  | 'tan'
  | 'tanh'
  | 'tanhF32'
  | 'sqrt'
  | 'abs'
  | 'square'
  | 'sign'
  | 'floor'
  | 'ceil'
  | 'log1p'
  | 'expm1'
  | 'not'
  | 'copy'
  | 'isnan'
  | 'isinf'
  | 'isfinite';

/**
 * `binaryRow`'s four arithmetic loops on float32 operands and result, the types a training step
 * works in; false for any other op. The same loops, so the same bits: kept apart so that V8
 * compiles each for one element type, not for every typed array that `binaryRow` sees (measured:
 * a 300-element float32 row in 1 µs instead of 2 once `binaryRow` has met other types).
 */
function binaryRowF32(
  op: BinaryOp,
  a: Float32Array,
  ia: number,
  sa: number,
  b: Float32Array,
  ib: number,
  sb: number,
  out: Float32Array,
  io: number,
  n: number,
): boolean {
  const end = io + n;
  switch (op) {
    case 'add':
      for (; io < end; io++, ia += sa, ib += sb) out[io] = a[ia]! + b[ib]!;
      return true;
    case 'sub':
      for (; io < end; io++, ia += sa, ib += sb) out[io] = a[ia]! - b[ib]!;
      return true;
    case 'mul':
      for (; io < end; io++, ia += sa, ib += sb) out[io] = a[ia]! * b[ib]!;
      return true;
    case 'div':
      for (; io < end; io++, ia += sa, ib += sb) out[io] = a[ia]! / b[ib]!;
      return true;
    default:
      return false;
  }
}

/** `out[io + k] = a[ia + k*sa] op b[ib + k*sb]` for k < n. */
export function binaryRow(
  op: BinaryOp,
  a: Storage,
  ia: number,
  sa: number,
  b: Storage,
  ib: number,
  sb: number,
  out: Storage,
  io: number,
  n: number,
): void {
  if (
    a instanceof Float32Array &&
    b instanceof Float32Array &&
    out instanceof Float32Array &&
    binaryRowF32(op, a, ia, sa, b, ib, sb, out, io, n)
  )
    return;
  const end = io + n;
  switch (op) {
    case 'add':
      for (; io < end; io++, ia += sa, ib += sb) out[io] = a[ia]! + b[ib]!;
      return;
    case 'sub':
      for (; io < end; io++, ia += sa, ib += sb) out[io] = a[ia]! - b[ib]!;
      return;
    case 'mul':
      for (; io < end; io++, ia += sa, ib += sb) out[io] = a[ia]! * b[ib]!;
      return;
    case 'div':
      for (; io < end; io++, ia += sa, ib += sb) out[io] = a[ia]! / b[ib]!;
      return;
    case 'pow':
      for (; io < end; io++, ia += sa, ib += sb) {
        const x = a[ia]!;
        const y = b[ib]!;
        // NOTE: x*x is the correctly rounded square; keep it exact like C's pow(x, 2).
        out[io] = y === 2 ? x * x : libmPow(x, y);
      }
      return;
    case 'maximum':
      // numpy propagates nan from either side and returns y on ties (so maximum(0, -0) is -0).
      for (; io < end; io++, ia += sa, ib += sb) {
        const x = a[ia]!;
        const y = b[ib]!;
        out[io] = x > y || x !== x ? x : y;
      }
      return;
    case 'minimum':
      for (; io < end; io++, ia += sa, ib += sb) {
        const x = a[ia]!;
        const y = b[ib]!;
        out[io] = x < y || x !== x ? x : y;
      }
      return;
    case 'mod':
      // Python's modulo (numpy's npy_divmod): the result, zero included, takes the sign of y.
      for (; io < end; io++, ia += sa, ib += sb) {
        const x = a[ia]!;
        const y = b[ib]!;
        const r = x % y;
        out[io] = r !== 0 ? (r < 0 !== y < 0 ? r + y : r) : y < 0 || Object.is(y, -0) ? -0 : 0;
      }
      return;
    case 'floordiv':
      for (; io < end; io++, ia += sa, ib += sb) out[io] = floorDiv(a[ia]!, b[ib]!);
      return;
    case 'clipLow':
      // np.clip's loop with scalar bounds: nan from either side wins, a tie keeps x.
      for (; io < end; io++, ia += sa, ib += sb) {
        const x = a[ia]!;
        const y = b[ib]!;
        out[io] = y !== y || x < y ? y : x;
      }
      return;
    case 'clipHigh':
      for (; io < end; io++, ia += sa, ib += sb) {
        const x = a[ia]!;
        const y = b[ib]!;
        out[io] = y !== y || x > y ? y : x;
      }
      return;
    case 'gt':
      for (; io < end; io++, ia += sa, ib += sb) out[io] = a[ia]! > b[ib]! ? 1 : 0;
      return;
    case 'ge':
      for (; io < end; io++, ia += sa, ib += sb) out[io] = a[ia]! >= b[ib]! ? 1 : 0;
      return;
    case 'lt':
      for (; io < end; io++, ia += sa, ib += sb) out[io] = a[ia]! < b[ib]! ? 1 : 0;
      return;
    case 'le':
      for (; io < end; io++, ia += sa, ib += sb) out[io] = a[ia]! <= b[ib]! ? 1 : 0;
      return;
    case 'eq':
      for (; io < end; io++, ia += sa, ib += sb) out[io] = a[ia]! === b[ib]! ? 1 : 0;
      return;
    case 'ne':
      for (; io < end; io++, ia += sa, ib += sb) out[io] = a[ia]! !== b[ib]! ? 1 : 0;
      return;
    case 'and':
      for (; io < end; io++, ia += sa, ib += sb) out[io] = a[ia]! !== 0 && b[ib]! !== 0 ? 1 : 0;
      return;
    case 'or':
      for (; io < end; io++, ia += sa, ib += sb) out[io] = a[ia]! !== 0 || b[ib]! !== 0 ? 1 : 0;
      return;
    case 'xor':
      for (; io < end; io++, ia += sa, ib += sb)
        out[io] = (a[ia]! !== 0) !== (b[ib]! !== 0) ? 1 : 0;
      return;
  }
}

/** numpy's floor division (npy_divmod): exact for integers, `x / 0` for a zero divisor. */
function floorDiv(x: number, y: number): number {
  if (y === 0) return x / y;
  const mod = x % y;
  let div = (x - mod) / y;
  if (mod !== 0 && y < 0 !== mod < 0) div -= 1;
  if (div === 0) return x / y < 0 || Object.is(x / y, -0) ? -0 : 0;
  const floor = Math.floor(div);
  return div - floor > 0.5 ? floor + 1 : floor;
}

/** `out[io + k] = op(a[ia + k*sa])` for k < n. */
export function unaryRow(
  op: UnaryOp,
  a: Storage,
  ia: number,
  sa: number,
  out: Storage,
  io: number,
  n: number,
): void {
  const end = io + n;
  switch (op) {
    case 'neg':
      for (; io < end; io++, ia += sa) out[io] = -a[ia]!;
      return;
    case 'exp':
      for (; io < end; io++, ia += sa) out[io] = libmExp(a[ia]!);
      return;
    case 'expF32':
      // NOTE: float32 in and out only (see expF32).
      for (; io < end; io++, ia += sa) out[io] = expF32(a[ia]!);
      return;
    case 'log':
      for (; io < end; io++, ia += sa) out[io] = libmLog(a[ia]!);
      return;
    case 'sin':
      for (; io < end; io++, ia += sa) out[io] = libmSin(a[ia]!);
      return;
    case 'cos':
      for (; io < end; io++, ia += sa) out[io] = libmCos(a[ia]!);
      return;
    case 'tan':
      for (; io < end; io++, ia += sa) out[io] = Math.tan(a[ia]!);
      return;
    case 'tanh':
      for (; io < end; io++, ia += sa) out[io] = libmTanh(a[ia]!);
      return;
    case 'tanhF32':
      // NOTE: float32 in and out only (see tanhToF32).
      for (; io < end; io++, ia += sa) out[io] = tanhToF32(a[ia]!);
      return;
    case 'sqrt':
      for (; io < end; io++, ia += sa) out[io] = Math.sqrt(a[ia]!);
      return;
    case 'abs':
      for (; io < end; io++, ia += sa) out[io] = Math.abs(a[ia]!);
      return;
    case 'square':
      for (; io < end; io++, ia += sa) {
        const x = a[ia]!;
        out[io] = x * x;
      }
      return;
    case 'sign':
      // numpy's sign keeps nan and maps -0 to 0.
      for (; io < end; io++, ia += sa) {
        const x = a[ia]!;
        out[io] = x > 0 ? 1 : x < 0 ? -1 : x === 0 ? 0 : x;
      }
      return;
    case 'floor':
      for (; io < end; io++, ia += sa) out[io] = Math.floor(a[ia]!);
      return;
    case 'ceil':
      for (; io < end; io++, ia += sa) out[io] = Math.ceil(a[ia]!);
      return;
    case 'log1p':
      for (; io < end; io++, ia += sa) out[io] = Math.log1p(a[ia]!);
      return;
    case 'expm1':
      for (; io < end; io++, ia += sa) out[io] = libmExpm1(a[ia]!);
      return;
    case 'not':
      for (; io < end; io++, ia += sa) out[io] = a[ia]! === 0 ? 1 : 0;
      return;
    case 'copy':
      for (; io < end; io++, ia += sa) out[io] = a[ia]!;
      return;
    case 'isnan':
      for (; io < end; io++, ia += sa) out[io] = Number.isNaN(a[ia]!) ? 1 : 0;
      return;
    case 'isinf':
      for (; io < end; io++, ia += sa) out[io] = Math.abs(a[ia]!) === Infinity ? 1 : 0;
      return;
    case 'isfinite':
      for (; io < end; io++, ia += sa) out[io] = Number.isFinite(a[ia]!) ? 1 : 0;
      return;
  }
}
