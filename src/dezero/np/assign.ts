/** Writing values into a (possibly strided) view: the core of `x.set(...)`, `pad` and friends. */
import type { NDArray } from './ndarray.ts';
import type { ArrayLikeInput } from './ndarray.ts';
import { castValue } from './dtype.ts';
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
