/**
 * Elementwise functions with broadcasting and numpy 2's type promotion. A JS number is a weak
 * Python float: `float32Array.mul(2)` stays float32, `int64Array.add(1)` becomes float64.
 */
import { NDArray, contiguousStrides, fromStorage, shapeSize } from './ndarray.ts';
import type { ArrayLikeInput } from './ndarray.ts';
import { allocStorage, castValue, floatType, promoteTypes, promoteWithScalar } from './dtype.ts';
import type { DType, Storage } from './dtype.ts';
import { broadcastShapes, broadcastStrides } from './broadcast.ts';
import { binaryRow, unaryRow } from './kernels.ts';
import type { BinaryOp, UnaryOp } from './kernels.ts';
import { coalesce, walkRows } from './iterate.ts';
import { checkOperand, operandArray } from './operand.ts';

const NO_AXES: readonly number[] = Object.freeze([]);

/** A 0-d array holding `value` in `dtype`. */
export function scalarArray(value: number, dtype: DType = 'float64'): NDArray {
  const storage = allocStorage(dtype, 1);
  storage[0] = castValue(value, dtype);
  return fromStorage(storage, NO_AXES, dtype);
}

/** The dtype numpy computes `x op y` in, with numbers as weak floats; checks both operands of `fn`. */
export function commonType(x: ArrayLikeInput, y: ArrayLikeInput, fn = 'op'): DType {
  checkOperand(x, fn);
  checkOperand(y, fn);
  if (typeof x === 'number') return typeof y === 'number' ? 'float64' : promoteWithScalar(y.dtype);
  if (typeof y === 'number') return promoteWithScalar(x.dtype);
  return promoteTypes(x.dtype, y.dtype);
}

/** An operand as an array; numbers are cast to `dtype` first, as numpy casts a weak scalar. */
function operand(x: ArrayLikeInput, dtype: DType): NDArray {
  return typeof x === 'number' ? scalarArray(x, dtype) : x;
}

/** Runs a binary kernel over the broadcast of `x` and `y`, writing a new array of `outType`. */
export function binaryInto(
  op: BinaryOp,
  x: ArrayLikeInput,
  y: ArrayLikeInput,
  computeType: DType,
  outType: DType,
): NDArray {
  const a = operand(x, computeType);
  const b = operand(y, computeType);
  // Reuse an operand's (frozen) shape when the result has it: no new shape list per operation.
  const shape =
    b.ndim === 0 || sameShape(a.shape, b.shape)
      ? a.shape
      : a.ndim === 0
        ? b.shape
        : broadcastResult(a.shape, b.shape);
  const size = shape === a.shape ? a.size : shape === b.shape ? b.size : shapeSize(shape);
  const out = allocStorage(outType, size);
  const result = fromStorage(out, shape, outType);
  if (size === 0) return result;
  const aFull = a.size === size && a.isContiguous();
  const bFull = b.size === size && b.isContiguous();
  // Fast paths: same-shape contiguous, and contiguous with a scalar on either side.
  if (aFull && (bFull || b.size === 1)) {
    binaryRow(op, a.storage, a.offset, 1, b.storage, b.offset, bFull ? 1 : 0, out, 0, size);
  } else if (a.size === 1 && bFull) {
    binaryRow(op, a.storage, a.offset, 0, b.storage, b.offset, 1, out, 0, size);
  } else if (!binaryRows(op, a, b, shape, out)) {
    binaryStrided(op, a, b, shape, out);
  }
  if (outType === 'int64') clearNegativeZero(out);
  return result;
}

/** The broadcast of two shapes, frozen: one of them when it is the result (a bias added to a batch). */
function broadcastResult(a: readonly number[], b: readonly number[]): readonly number[] {
  const shape = broadcastShapes(a, b);
  if (sameShape(shape, a)) return a;
  if (sameShape(shape, b)) return b;
  return Object.freeze(shape);
}

/**
 * A 2-D result from contiguous operands that are each whole, a row (n,) or (1, n), a column
 * (m, 1) or one value (a bias added to a batch, `x - max(x, 1, keepdims)`): row by row, without
 * the general walk's plan. False when the operands are anything else. Each element is `a op b`
 * of the same pair either way, so the order of the walk cannot change a bit.
 */
function binaryRows(
  op: BinaryOp,
  a: NDArray,
  b: NDArray,
  shape: readonly number[],
  out: Storage,
): boolean {
  if (shape.length !== 2 || !a.isContiguous() || !b.isContiguous()) return false;
  const [m, n] = shape as [number, number];
  const ra = rowStep(a, m, n);
  const rb = rowStep(b, m, n);
  if (ra < 0 || rb < 0) return false;
  const ca = ra === 1 || a.size === 1 ? 0 : 1;
  const cb = rb === 1 || b.size === 1 ? 0 : 1;
  for (let r = 0; r < m; r++)
    binaryRow(
      op,
      a.storage,
      a.offset + r * ra,
      ca,
      b.storage,
      b.offset + r * rb,
      cb,
      out,
      r * n,
      n,
    );
  return true;
}

/** How far a contiguous operand of an (m, n) result moves per row: n whole, 0 a row or one value, 1 a column; -1 otherwise. */
function rowStep(x: NDArray, m: number, n: number): number {
  if (x.size === 1) return 0;
  const s = x.shape;
  if (s.length === 1) return s[0] === n ? 0 : -1;
  if (s.length !== 2) return -1;
  if (s[0] === m && s[1] === n) return n;
  if (s[0] === 1 && s[1] === n) return 0;
  if (s[0] === m && s[1] === 1) return 1;
  return -1;
}

function binaryStrided(
  op: BinaryOp,
  a: NDArray,
  b: NDArray,
  shape: readonly number[],
  out: Storage,
): void {
  const plan = coalesce(shape, [
    broadcastStrides(a, shape),
    broadcastStrides(b, shape),
    contiguousStrides(shape),
  ]);
  const last = plan.shape.length - 1;
  const sa = plan.strides[0]![last]!;
  const sb = plan.strides[1]![last]!;
  walkRows(plan, [a.offset, b.offset, 0], (pos, n) => {
    binaryRow(op, a.storage, pos[0]!, sa, b.storage, pos[1]!, sb, out, pos[2]!, n);
  });
}

/**
 * Integers have no -0: `0 * -9` and `-0` computed in floats must read back as 0; nor nan or
 * inf: numpy's integer `x % 0` and `x // 0` give 0.
 */
function clearNegativeZero(out: Storage): void {
  for (let i = 0; i < out.length; i++) {
    const v = out[i]!;
    out[i] = v - v === 0 ? v + 0 : 0;
  }
}

/** Runs a unary kernel over `a`, writing a new C-contiguous array of `outType`. */
export function unaryInto(op: UnaryOp, a: NDArray, outType: DType): NDArray {
  const size = a.size;
  const out = allocStorage(outType, size);
  const result = fromStorage(out, a.shape, outType);
  if (size === 0) return result;
  if (a.isContiguous()) {
    unaryRow(op, a.storage, a.offset, 1, out, 0, size);
  } else {
    const plan = coalesce(a.shape, [a.strides, contiguousStrides(a.shape)]);
    const sa = plan.strides[0]![plan.shape.length - 1]!;
    walkRows(plan, [a.offset, 0], (pos, n) =>
      unaryRow(op, a.storage, pos[0]!, sa, out, pos[1]!, n),
    );
  }
  if (outType === 'int64') clearNegativeZero(out);
  return result;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// ==== Arithmetic: add / subtract / multiply / divide / power ====

/** `x + y` (on two bool arrays: logical or, as numpy). */
export function add(x: ArrayLikeInput, y: ArrayLikeInput): NDArray {
  const t = commonType(x, y, 'add');
  return binaryInto(t === 'bool' ? 'or' : 'add', x, y, t, t);
}

/**
 * Python's `dst op= src` written straight into `dst`'s storage, when that stores what `dst op src`
 * cast to `dst`'s dtype stores: `dst` a contiguous float array; `src` a number, or an array in
 * other storage, contiguous, of `dst`'s shape or of its last axes (a bias added to each row).
 * False, with nothing written, otherwise: the caller takes the general path.
 */
export function binaryInPlace(
  op: 'add' | 'sub' | 'mul' | 'div',
  dst: NDArray,
  src: ArrayLikeInput,
): boolean {
  if ((dst.dtype !== 'float32' && dst.dtype !== 'float64') || !dst.isContiguous()) return false;
  const out = dst.storage;
  if (typeof src === 'number') {
    // A weak scalar is cast to the array's dtype first, as `binaryInto` casts it.
    const s = scalarArray(src, dst.dtype);
    binaryRow(op, out, dst.offset, 1, s.storage, 0, 0, out, dst.offset, dst.size);
    return true;
  }
  if (src.storage === out || !src.isContiguous() || !isTrailingShape(src.shape, dst.shape))
    return false;
  const n = src.size;
  if (n === 0) return true;
  for (let at = dst.offset, end = dst.offset + dst.size; at < end; at += n) {
    binaryRow(op, out, at, 1, src.storage, src.offset, 1, out, at, n);
  }
  return true;
}

/** True when `inner`, leading 1s aside, is the last axes of `outer`. */
function isTrailingShape(inner: readonly number[], outer: readonly number[]): boolean {
  let i = inner.length - 1;
  let o = outer.length - 1;
  for (; i >= 0 && o >= 0; i--, o--) if (inner[i] !== outer[o]) return false;
  for (; i >= 0; i--) if (inner[i] !== 1) return false;
  return true;
}

/**
 * `dst += src` in `dst`'s own storage, when that gives exactly `add(dst, src)`, dtype included:
 * same shape, same float dtype, both contiguous, no shared storage. False, with nothing written, otherwise.
 */
export function addInPlace(dst: NDArray, src: NDArray): boolean {
  if (dst.dtype !== src.dtype || !sameShape(dst.shape, src.shape)) return false;
  return binaryInPlace('add', dst, src);
}

/** `x - y` (numpy refuses bool - bool). */
export function subtract(x: ArrayLikeInput, y: ArrayLikeInput): NDArray {
  const t = commonType(x, y, 'subtract');
  if (t === 'bool')
    throw new TypeError('numpy boolean subtract, the `-` operator, is not supported');
  return binaryInto('sub', x, y, t, t);
}

/** `x * y` (on two bool arrays: logical and). */
export function multiply(x: ArrayLikeInput, y: ArrayLikeInput): NDArray {
  const t = commonType(x, y, 'multiply');
  return binaryInto(t === 'bool' ? 'and' : 'mul', x, y, t, t);
}

/** `x / y`, true division: ints and bools give float64. */
export function divide(x: ArrayLikeInput, y: ArrayLikeInput): NDArray {
  const t = floatType(commonType(x, y, 'divide'));
  return binaryInto('div', x, y, t, t);
}

/** `x ** y` (bool ** bool gives int64 here, int8 in numpy); integers refuse negative powers. */
export function power(x: ArrayLikeInput, y: ArrayLikeInput): NDArray {
  let t = commonType(x, y, 'power');
  if (t === 'bool') t = 'int64';
  if (
    t === 'int64' &&
    typeof y !== 'number' &&
    y.dtype === 'int64' &&
    y.size > 0 &&
    y.min().item() < 0
  ) {
    throw new RangeError('Integers to negative integer powers are not allowed.');
  }
  return binaryInto('pow', x, y, t, t);
}

/** Python's `x % y`: the remainder takes the sign of `y` (integer `x % 0` is 0, as numpy). */
export function mod(x: ArrayLikeInput, y: ArrayLikeInput): NDArray {
  let t = commonType(x, y, 'mod');
  if (t === 'bool') t = 'int64';
  return binaryInto('mod', x, y, t, t);
}

/** Python's `x // y`: the quotient rounded toward -inf (integer `x // 0` is 0, as numpy). */
export function floorDivide(x: ArrayLikeInput, y: ArrayLikeInput): NDArray {
  let t = commonType(x, y, 'floorDivide');
  if (t === 'bool') t = 'int64';
  return binaryInto('floordiv', x, y, t, t);
}

/** Elementwise larger value; nan wins. */
export function maximum(x: ArrayLikeInput, y: ArrayLikeInput): NDArray {
  const t = commonType(x, y, 'maximum');
  return binaryInto(t === 'bool' ? 'or' : 'maximum', x, y, t, t);
}

/** Elementwise smaller value; nan wins. */
export function minimum(x: ArrayLikeInput, y: ArrayLikeInput): NDArray {
  const t = commonType(x, y, 'minimum');
  return binaryInto(t === 'bool' ? 'and' : 'minimum', x, y, t, t);
}

/**
 * `a` limited to [lo, hi] (`null` leaves that side open), as `minimum(maximum(a, lo), hi)`.
 * With both bounds scalars numpy's clip loop keeps `a` on ties (`clip(-0, 0, 1)` is -0); with
 * array bounds, or one side open, a tie takes the bound, as maximum and minimum do.
 */
export function clip(
  a: ArrayLikeInput,
  lo: ArrayLikeInput | null,
  hi: ArrayLikeInput | null,
): NDArray {
  let r = operandArray(a, 'clip');
  const scalar = (b: ArrayLikeInput | null): boolean =>
    typeof b === 'number' || (b instanceof NDArray && b.ndim === 0);
  if (scalar(lo) && scalar(hi)) {
    const lower = lo as ArrayLikeInput;
    const upper = hi as ArrayLikeInput;
    const t1 = commonType(r, lower, 'clip');
    r = binaryInto(t1 === 'bool' ? 'or' : 'clipLow', r, lower, t1, t1);
    const t2 = commonType(r, upper, 'clip');
    return binaryInto(t2 === 'bool' ? 'and' : 'clipHigh', r, upper, t2, t2);
  }
  if (lo !== null) r = maximum(r, lo);
  if (hi !== null) r = minimum(r, hi);
  return r === a ? r.copy() : r;
}

// ==== Comparisons (bool results) ====

function compare(op: BinaryOp, x: ArrayLikeInput, y: ArrayLikeInput): NDArray {
  return binaryInto(op, x, y, commonType(x, y, op), 'bool');
}

/** `x > y`. */
export const greater = (x: ArrayLikeInput, y: ArrayLikeInput): NDArray => compare('gt', x, y);
/** `x >= y`. */
export const greaterEqual = (x: ArrayLikeInput, y: ArrayLikeInput): NDArray => compare('ge', x, y);
/** `x < y`. */
export const less = (x: ArrayLikeInput, y: ArrayLikeInput): NDArray => compare('lt', x, y);
/** `x <= y`. */
export const lessEqual = (x: ArrayLikeInput, y: ArrayLikeInput): NDArray => compare('le', x, y);
/** `x == y`. */
export const equal = (x: ArrayLikeInput, y: ArrayLikeInput): NDArray => compare('eq', x, y);
/** `x != y`. */
export const notEqual = (x: ArrayLikeInput, y: ArrayLikeInput): NDArray => compare('ne', x, y);
/** Elementwise logical and (truthiness of each side). */
export const logicalAnd = (x: ArrayLikeInput, y: ArrayLikeInput): NDArray => compare('and', x, y);
/** Elementwise logical or. */
export const logicalOr = (x: ArrayLikeInput, y: ArrayLikeInput): NDArray => compare('or', x, y);
/** Elementwise logical xor. */
export const logicalXor = (x: ArrayLikeInput, y: ArrayLikeInput): NDArray => compare('xor', x, y);
/** Elementwise logical not. */
export const logicalNot = (x: ArrayLikeInput): NDArray =>
  unaryInto('not', operandArray(x, 'logicalNot'), 'bool');

// ==== Unary functions ====

/** True where x is nan. */
export const isnan = (x: ArrayLikeInput): NDArray =>
  unaryInto('isnan', operandArray(x, 'isnan'), 'bool');
/** True where x is +inf or -inf. */
export const isinf = (x: ArrayLikeInput): NDArray =>
  unaryInto('isinf', operandArray(x, 'isinf'), 'bool');
/** True where x is neither nan nor infinite. */
export const isfinite = (x: ArrayLikeInput): NDArray =>
  unaryInto('isfinite', operandArray(x, 'isfinite'), 'bool');

function floatUnary(op: UnaryOp, x: ArrayLikeInput): NDArray {
  const a = operandArray(x, op);
  return unaryInto(op, a, floatType(a.dtype));
}

/** `-x` (numpy refuses it on bool). */
export function negative(x: ArrayLikeInput): NDArray {
  const a = operandArray(x, 'negative');
  if (a.dtype === 'bool')
    throw new TypeError('The numpy boolean negative, the `-` operator, is not supported');
  return unaryInto('neg', a, a.dtype);
}

/** Absolute value, same dtype. */
export function abs(x: ArrayLikeInput): NDArray {
  const a = operandArray(x, 'abs');
  return unaryInto(a.dtype === 'bool' ? 'copy' : 'abs', a, a.dtype);
}

/** `x * x`, same dtype (bool gives int64). */
export function square(x: ArrayLikeInput): NDArray {
  const a = operandArray(x, 'square');
  return unaryInto('square', a, a.dtype === 'bool' ? 'int64' : a.dtype);
}

/** -1, 0 or 1 by sign (nan stays nan). */
export function sign(x: ArrayLikeInput): NDArray {
  const a = operandArray(x, 'sign');
  return unaryInto('sign', a, a.dtype === 'bool' ? 'int64' : a.dtype);
}

/** e to the x (float32 through `expF32`, which rounds to the same values). */
export function exp(x: ArrayLikeInput): NDArray {
  const a = operandArray(x, 'exp');
  return a.dtype === 'float32' ? unaryInto('expF32', a, 'float32') : floatUnary('exp', a);
}
/** Natural logarithm. */
export const log = (x: ArrayLikeInput): NDArray => floatUnary('log', x);
/** Sine. */
export const sin = (x: ArrayLikeInput): NDArray => floatUnary('sin', x);
/** Cosine. */
export const cos = (x: ArrayLikeInput): NDArray => floatUnary('cos', x);
/** Tangent. */
export const tan = (x: ArrayLikeInput): NDArray => floatUnary('tan', x);
/** Hyperbolic tangent (float32 through the cheaper `tanhToF32`, which rounds to the same values). */
export function tanh(x: ArrayLikeInput): NDArray {
  const a = operandArray(x, 'tanh');
  return a.dtype === 'float32' ? unaryInto('tanhF32', a, 'float32') : floatUnary('tanh', a);
}
/** Square root. */
export const sqrt = (x: ArrayLikeInput): NDArray => floatUnary('sqrt', x);
/** `log(1 + x)`, accurate near 0. */
export const log1p = (x: ArrayLikeInput): NDArray => floatUnary('log1p', x);
/** `exp(x) - 1`, accurate near 0. */
export const expm1 = (x: ArrayLikeInput): NDArray => floatUnary('expm1', x);

/** Largest integer not above x (ints keep their dtype). */
export function floor(x: ArrayLikeInput): NDArray {
  const a = operandArray(x, 'floor');
  return unaryInto('floor', a, a.dtype === 'bool' ? 'float64' : a.dtype);
}

/** Smallest integer not below x (ints keep their dtype). */
export function ceil(x: ArrayLikeInput): NDArray {
  const a = operandArray(x, 'ceil');
  return unaryInto('ceil', a, a.dtype === 'bool' ? 'float64' : a.dtype);
}

// ==== where ====

/** `x` where `cond` is true, else `y`, all broadcast together (numpy's three-argument `where`). */
export function where(cond: ArrayLikeInput, x: ArrayLikeInput, y: ArrayLikeInput): NDArray {
  const c = operandArray(cond, 'where');
  const t = commonType(x, y, 'where');
  const a = operand(x, t);
  const b = operand(y, t);
  const shape = broadcastShapes(c.shape, a.shape, b.shape);
  const out = allocStorage(t, shapeSize(shape));
  const plan = coalesce(shape, [
    broadcastStrides(c, shape),
    broadcastStrides(a, shape),
    broadcastStrides(b, shape),
    contiguousStrides(shape),
  ]);
  const last = plan.shape.length - 1;
  const [sc, sa, sb] = [plan.strides[0]![last]!, plan.strides[1]![last]!, plan.strides[2]![last]!];
  const cs = c.storage;
  const as = a.storage;
  const bs = b.storage;
  walkRows(plan, [c.offset, a.offset, b.offset, 0], (pos, n) => {
    let ic = pos[0]!;
    let ia = pos[1]!;
    let ib = pos[2]!;
    let io = pos[3]!;
    for (let k = 0; k < n; k++, ic += sc, ia += sa, ib += sb)
      out[io++] = cs[ic]! !== 0 ? as[ia]! : bs[ib]!;
  });
  return new NDArray(out, shape, t);
}
