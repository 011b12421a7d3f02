/**
 * Turning what a program passes to `plt` into the plain numbers a `FigureSpec` holds: flat data,
 * contour grids (from `np.meshgrid`, thinned so a figure stays small), images, and matplotlib's
 * automatic contour levels.
 */
import { isNDArray } from './np/ndarray.ts';
import type { NDArray } from './np/ndarray.ts';

/** Data `plt` accepts: an array, a list of numbers, or one number. */
export type PlotData = NDArray | readonly number[] | number;

/** Most grid points kept along each axis of a contour, and pixels along each side of an image. */
export const MAX_GRID = 300;
export const MAX_IMAGE = 160;

/** The values of `data`, flattened, as plain numbers. */
export function toNumbers(data: PlotData, where: string): number[] {
  if (typeof data === 'number') return [data];
  if (isNDArray(data)) return Array.from(data.toFlat(), Number);
  if (Array.isArray(data) && data.every((v) => typeof v === 'number')) return data.slice();
  const hint =
    typeof data === 'object' && data !== null && 'data' in data
      ? " (for a Variable, pass its '.data')"
      : '';
  throw new TypeError(`${where}: expected an NDArray, a number[] or a number${hint}`);
}

function asArray2d(data: NDArray, where: string): NDArray {
  if (!isNDArray(data) || data.ndim !== 2) throw new TypeError(`${where}: expected a 2-D NDArray`);
  return data;
}

/** Indices 0, step, 2*step, ... below n, with step chosen so at most `max` remain. */
function thin(n: number, max: number): number[] {
  const step = Math.ceil(n / max);
  return Array.from({ length: Math.ceil(n / step) }, (_, i) => i * step);
}

/** A contour grid: coordinates along x (columns) and y (rows), and z row-major. */
export interface Grid {
  x: number[];
  y: number[];
  z: number[];
}

/**
 * The grid of `contour(X, Y, Z)`: X and Y as from `np.meshgrid` (2-D) or as 1-D coordinates, or
 * absent (column and row numbers). Thinned to at most MAX_GRID points along each axis.
 */
export function toGrid(X: NDArray | null, Y: NDArray | null, Z: NDArray, where: string): Grid {
  const z2 = asArray2d(Z, where);
  const [rows, cols] = z2.shape as [number, number];
  const zFlat = z2.toFlat();
  const coords = (A: NDArray | null, n: number, along: 'x' | 'y'): number[] => {
    if (A === null) return Array.from({ length: n }, (_, i) => i);
    const flat = toNumbers(A, where);
    if (A.ndim === 1 && flat.length === n) return flat;
    if (A.ndim === 2 && A.shape[0] === rows && A.shape[1] === cols) {
      return Array.from({ length: n }, (_, i) => flat[along === 'x' ? i : i * cols]!);
    }
    throw new TypeError(`${where}: ${along.toUpperCase()} must match Z's shape (${rows}, ${cols})`);
  };
  const xs = coords(X, cols, 'x');
  const ys = coords(Y, rows, 'y');
  const keepCols = thin(cols, MAX_GRID);
  const keepRows = thin(rows, MAX_GRID);
  return {
    x: keepCols.map((c) => xs[c]!),
    y: keepRows.map((r) => ys[r]!),
    z: keepRows.flatMap((r) => keepCols.map((c) => Number(zFlat[r * cols + c]))),
  };
}

/** Pixels of `imshow`: 2-D grayscale, or HxWx3 / HxWx4 colour (floats in [0, 1], integers in 0..255). */
export function toImage(
  img: NDArray,
  where: string,
): { width: number; height: number; rgb: boolean; data: number[] } {
  if (!isNDArray(img) || (img.ndim !== 2 && img.ndim !== 3))
    throw new TypeError(`${where}: expected a 2-D or 3-D NDArray`);
  const [h, w, c = 1] = img.shape as [number, number, number?];
  if (img.ndim === 3 && c !== 3 && c !== 4)
    throw new TypeError(`${where}: a colour image needs 3 or 4 channels, not ${c}`);
  const flat = img.toFlat();
  const rows = thin(h, MAX_IMAGE);
  const cols = thin(w, MAX_IMAGE);
  const scale = img.dtype === 'float64' || img.dtype === 'float32' ? 1 : 1 / 255;
  const data: number[] = [];
  for (const r of rows) {
    for (const col of cols) {
      if (img.ndim === 2) data.push(Number(flat[r * w + col]));
      // NOTE: matplotlib clips colour values to [0, 1]; the alpha channel is dropped.
      else
        for (let k = 0; k < 3; k++)
          data.push(Math.min(1, Math.max(0, Number(flat[(r * w + col) * c + k]) * scale)));
    }
  }
  return { width: cols.length, height: rows.length, rgb: img.ndim === 3, data };
}

// ==== Automatic levels: matplotlib's MaxNLocator ====

const STAIRCASE = [0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 20];

function closeTo(ms: number, edge: number, step: number, offset: number): boolean {
  const tol =
    offset > 0 ? Math.max(1e-10, 10 ** (Math.log10(Math.abs(offset) / step) - 12)) : 1e-10;
  return Math.abs(ms - edge) < tol;
}

/** Python's divmod for floats: floor quotient and a remainder with the divisor's sign. */
function divmod(x: number, y: number): [number, number] {
  const d = Math.floor(x / y);
  return [d, x - d * y];
}

/**
 * The "nice" values matplotlib's `MaxNLocator(nbins)` puts on [vmin, vmax] (steps 1, 2, 2.5, 5 × 10^k);
 * `contourf(..., levels=N)` uses nbins = N + 1, and N = 7 by default.
 */
export function maxNLocator(vmin: number, vmax: number, nbins: number): number[] {
  if (!(vmax - vmin > Math.abs(vmax) * 1e-13 + 1e-14)) [vmin, vmax] = [vmin - 1, vmax + 1];
  const dv = vmax - vmin;
  const meanv = (vmax + vmin) / 2;
  const offset =
    Math.abs(meanv) / dv < 100
      ? 0
      : Math.sign(meanv) * 10 ** Math.floor(Math.log10(Math.abs(meanv)));
  const scale = 10 ** Math.floor(Math.log10(dv / nbins));
  const lo = vmin - offset;
  const hi = vmax - offset;
  const steps = STAIRCASE.map((s) => s * scale);
  const rawStep = dv / nbins;
  const istep = steps.findIndex((s) => s >= rawStep);
  let ticks: number[] = [];
  for (let i = istep; i >= 0; i--) {
    const step = steps[i]!;
    const best = Math.floor(lo / step) * step;
    const [dl, ml] = divmod(lo - best, step);
    const low = closeTo(ml / step, 1, step, offset) ? dl + 1 : dl;
    const [dh, mh] = divmod(hi - best, step);
    const high = closeTo(mh / step, 0, step, offset) ? dh : dh + 1;
    ticks = Array.from({ length: high - low + 1 }, (_, k) => (low + k) * step + best);
    if (ticks.some((t) => t >= lo && t <= hi)) break;
  }
  return ticks.map((t) => t + offset);
}

/** Contour levels: the given list, or `n` (default 7) automatic levels over the data's range. */
export function contourLevels(
  z: readonly number[],
  levels: number | readonly number[] | undefined,
): number[] {
  if (Array.isArray(levels)) return levels.slice();
  let zmin = Infinity;
  let zmax = -Infinity;
  for (const v of z) {
    if (!Number.isFinite(v)) continue;
    if (v < zmin) zmin = v;
    if (v > zmax) zmax = v;
  }
  if (zmin > zmax) return [0, 1];
  return maxNLocator(zmin, zmax, (typeof levels === 'number' ? levels : 7) + 1);
}
