/**
 * The fixture that `scripts/fixtures/conv.py` recorded from the book's DeZero (im2col, col2im,
 * conv2d, pooling on seeded inputs), read for the tests of `im2col.ts` and `functions-conv.ts`.
 */
import { readFileSync } from 'node:fs';
import type { NDArray } from './np/ndarray.ts';
import { fromFlat } from './np/ndarray.ts';
import type { DType } from './np/dtype.ts';
import type { Pair } from './conv-sizes.ts';

/** One recorded array. */
export interface Recorded {
  shape: number[];
  dtype: DType;
  data: number[];
}

/** A case's geometry, as DeZero was called with it (a pair is a JSON list). */
export interface RecordedGeometry {
  kernel: Pair;
  stride: Pair;
  pad: Pair;
}

export interface ConvFixture {
  numpy: string;
  im2col: (RecordedGeometry &
    Record<'x' | 'col' | 'col6' | 'g' | 'img' | 'g6' | 'img6', Recorded>)[];
  conv2d: (RecordedGeometry &
    Record<'x' | 'W' | 'b' | 'gy' | 'y' | 'ySimple' | 'gx' | 'gW' | 'gb', Recorded>)[];
  pooling: (RecordedGeometry &
    Record<'x' | 'gy' | 'y' | 'ySimple' | 'gx', Recorded> &
    Partial<Record<'yAverage' | 'gxAverage', Recorded>>)[];
}

export const convFixture = JSON.parse(
  readFileSync(new URL('./fixtures/conv.json', import.meta.url), 'utf8'),
) as ConvFixture;

/** The recorded array as an NDArray of its dtype. */
export function arrayOf(r: Recorded): NDArray {
  return fromFlat(r.data, r.shape, r.dtype);
}

/** A short name for a case in test messages. */
export function caseName(c: RecordedGeometry & { x: Recorded }): string {
  const s = (p: Pair | readonly number[]): string => JSON.stringify(p);
  return `x ${s(c.x.shape)} ${c.x.dtype}, kernel ${s(c.kernel)}, stride ${s(c.stride)}, pad ${s(c.pad)}`;
}
