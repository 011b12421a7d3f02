/** Writing values into a (possibly strided) view: the core of `x.set(...)`, `pad` and friends. */
import type { NDArray } from './ndarray.ts';
import type { ArrayLikeInput } from './ndarray.ts';
import { castValue, isInteger } from './dtype.ts';
import { broadcastStrides, broadcastsTo } from './broadcast.ts';
import { shapeCompact } from './shape-text.ts';
import { coalesce, walkRows } from './iterate.ts';

/** Copies `src`, broadcast to `dst.shape` and cast to `dst.dtype`, into the view `dst`. */
export function assign(dst: NDArray, src: ArrayLikeInput): void {
  if (dst.size === 0) return;
  const out = dst.storage;
  if (typeof src === 'number') {
    const v = castValue(src, dst.dtype);
    const plan = coalesce(dst.shape, [dst.strides]);
    const step = plan.strides[0]![plan.shape.length - 1]!;
    walkRows(plan, [dst.offset], (pos, n) => {
      for (let k = 0, p = pos[0]!; k < n; k++, p += step) out[p] = v;
    });
    return;
  }
  if (!broadcastsTo(src.shape, dst.shape)) {
    throw new RangeError(
      `could not broadcast input array from shape ${shapeCompact(src.shape)} into shape ${shapeCompact(dst.shape)}`,
    );
  }
  // NOTE: copy first when src shares storage with dst, so overlapping views read old values.
  const source = src.storage === out ? src.copy() : src;
  const values = source.storage;
  const needsCast =
    (dst.dtype === 'int64' && source.dtype !== 'int64' && source.dtype !== 'bool') ||
    (dst.dtype === 'bool' && source.dtype !== 'bool');
  const plan = coalesce(dst.shape, [dst.strides, broadcastStrides(source, dst.shape)]);
  const last = plan.shape.length - 1;
  const sd = plan.strides[0]![last]!;
  const ss = plan.strides[1]![last]!;
  const dtype = dst.dtype;
  walkRows(plan, [dst.offset, source.offset], (pos, n) => {
    let p = pos[0]!;
    let q = pos[1]!;
    if (needsCast)
      for (let k = 0; k < n; k++, p += sd, q += ss) out[p] = castValue(values[q]!, dtype);
    else for (let k = 0; k < n; k++, p += sd, q += ss) out[p] = values[q]!;
  });
}

const UFUNC_NAMES = { add: 'add', sub: 'subtract', mul: 'multiply', div: 'divide' } as const;

/**
 * Python's `a op= b` (`a -= b`): writes `result` (already `a op b`) back into `a`, cast to a's
 * dtype, as numpy's in-place operators do (so a float32 weight stays float32). Like numpy, the
 * result must have a's shape, and a float result cannot go into an int or bool array.
 */
export function assignInPlace(dst: NDArray, result: NDArray, op: keyof typeof UFUNC_NAMES): void {
  if (!sameShape(result.shape, dst.shape)) {
    throw new RangeError(
      `non-broadcastable output operand with shape ${shapeCompact(dst.shape)} doesn't match the broadcast shape ${shapeCompact(result.shape)}`,
    );
  }
  const floatIntoInt =
    (result.dtype === 'float64' || result.dtype === 'float32') &&
    (isInteger(dst.dtype) || dst.dtype === 'bool');
  if (floatIntoInt || (isInteger(result.dtype) && dst.dtype === 'bool')) {
    throw new TypeError(
      `Cannot cast ufunc '${UFUNC_NAMES[op]}' output from dtype('${result.dtype}') to dtype('${dst.dtype}') with casting rule 'same_kind'`,
    );
  }
  // NOTE: the optimizers' update (`W.data.isub(...)`): a fresh contiguous result of the same
  // shape goes straight in, with the cast the general path makes (float32 rounds on store).
  if (dst.isContiguous() && result.isContiguous() && result.storage !== dst.storage) {
    const needsCast = dst.dtype === 'int64' && result.dtype !== 'int64' && result.dtype !== 'bool';
    if (!needsCast && dst.dtype !== 'bool') {
      const out = dst.storage;
      const values = result.storage;
      for (let i = 0, p = dst.offset, q = result.offset; i < dst.size; i++) out[p++] = values[q++]!;
      return;
    }
  }
  assign(dst, result);
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
