/**
 * Where things go in a figure, as matplotlib places them: each axes' box in the subplot grid, its
 * data limits (5% margins, but flush with contours and images), and the legend's corner.
 */
import type { AxesSpec, FigureSpec, LegendLoc, SeriesSpec } from '../dezero/plt-spec.ts';

/** Pixels per point at matplotlib's 100 dpi. */
export const PT = 100 / 72;
/** matplotlib's default font size (10 pt), in pixels. */
export const FONT_SIZE = 10 * PT;

/** A rectangle in figure pixels, y down. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Data ranges of an axes; `yDown` when y grows downward (images, as matplotlib's `origin='upper'`). */
export interface Limits {
  x: [number, number];
  y: [number, number];
  yDown: boolean;
}

// matplotlib's figure.subplot.* defaults.
const LEFT = 0.125;
const RIGHT = 0.9;
const BOTTOM = 0.11;
const TOP = 0.88;
const SPACE = 0.2;
const MARGIN = 0.05;

/** The axes' cell in the figure's subplot grid; an image shrinks it to square pixels, centred. */
export function axesBox(figure: FigureSpec, axes: AxesSpec, limits: Limits): Box {
  const cell = (total: number, n: number, i: number, start: number): [number, number] => {
    const size = total / (n + SPACE * (n - 1));
    return [start + i * size * (1 + SPACE), size];
  };
  const col = (axes.index - 1) % axes.cols;
  const row = Math.floor((axes.index - 1) / axes.cols);
  const [left, width] = cell((RIGHT - LEFT) * figure.width, axes.cols, col, LEFT * figure.width);
  const [top, height] = cell(
    (TOP - BOTTOM) * figure.height,
    axes.rows,
    row,
    (1 - TOP) * figure.height,
  );
  if (!axes.series.some((s) => s.type === 'image')) return { left, top, width, height };
  const aspect = Math.abs(limits.y[1] - limits.y[0]) / Math.abs(limits.x[1] - limits.x[0]);
  const w = Math.min(width, height / aspect);
  const h = w * aspect;
  return { left: left + (width - w) / 2, top: top + (height - h) / 2, width: w, height: h };
}

interface Extent {
  lo: number;
  hi: number;
  /** Edges the margins may not cross (matplotlib's sticky edges). */
  sticky: number[];
}

function extentOf(values: readonly number[]): Extent {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return { lo, hi, sticky: [] };
}

function seriesExtent(series: SeriesSpec, axis: 'x' | 'y'): Extent {
  switch (series.type) {
    case 'line':
    case 'scatter':
      return extentOf(series[axis]);
    case 'contour': {
      const e = extentOf(series[axis]);
      return { ...e, sticky: [e.lo, e.hi] };
    }
    case 'image': {
      const n = axis === 'x' ? series.width : series.height;
      return { lo: -0.5, hi: n - 0.5, sticky: [-0.5, n - 0.5] };
    }
  }
}

function autoscale(axes: AxesSpec, axis: 'x' | 'y'): [number, number] {
  const extents = axes.series.map((s) => seriesExtent(s, axis));
  let lo = Math.min(...extents.map((e) => e.lo));
  let hi = Math.max(...extents.map((e) => e.hi));
  if (!(lo <= hi)) return [-0.055, 0.055];
  if (lo === hi) {
    const d = lo === 0 ? 0.05 : Math.abs(lo) * 0.05;
    [lo, hi] = [lo - d, hi + d];
  }
  const sticky = extents.flatMap((e) => e.sticky);
  const pad = (hi - lo) * MARGIN;
  // NOTE: as matplotlib: a margin stops at the nearest sticky edge lying outside the data.
  const floor = Math.max(-Infinity, ...sticky.filter((s) => s <= lo));
  const ceil = Math.min(Infinity, ...sticky.filter((s) => s >= hi));
  return [Math.max(lo - pad, floor), Math.min(hi + pad, ceil)];
}

/** The axes' x and y ranges: `xlim`/`ylim` where set, the data's range with margins otherwise. */
export function axesLimits(axes: AxesSpec): Limits {
  const pick = (given: [number, number] | null, auto: [number, number]): [number, number] => [
    given !== null && Number.isFinite(given[0]) ? given[0] : auto[0],
    given !== null && Number.isFinite(given[1]) ? given[1] : auto[1],
  ];
  const yDown = axes.series.some((s) => s.type === 'image');
  const y = autoscale(axes, 'y');
  return {
    x: pick(axes.xlim, autoscale(axes, 'x')),
    y: pick(axes.ylim, yDown ? [y[1], y[0]] : y),
    yDown,
  };
}

// ==== Legend ====

/** One legend row: the series it stands for (its handle) and its label. */
export interface LegendEntry {
  series: SeriesSpec & { type: 'line' | 'scatter' };
  label: string;
}

/** Series with a label (not starting with `_`, as matplotlib), in drawing order. */
export function legendEntries(axes: AxesSpec): LegendEntry[] {
  return axes.series.flatMap((series) =>
    (series.type === 'line' || series.type === 'scatter') &&
    series.label !== null &&
    !series.label.startsWith('_')
      ? [{ series, label: series.label }]
      : [],
  );
}

/** Legend metrics in font sizes, matplotlib's defaults. */
export const LEGEND = {
  borderPad: 0.4,
  handleLength: 2,
  handleTextPad: 0.8,
  labelSpacing: 0.5,
  axesPad: 0.5,
};

/** Width and height of a legend box with these labels (text width estimated at 0.55 em a character). */
export function legendSize(labels: readonly string[]): { width: number; height: number } {
  const text = Math.max(0, ...labels.map((l) => l.length)) * 0.55 * FONT_SIZE;
  const n = labels.length;
  return {
    width: (2 * LEGEND.borderPad + LEGEND.handleLength + LEGEND.handleTextPad) * FONT_SIZE + text,
    height: (2 * LEGEND.borderPad + n + (n - 1) * LEGEND.labelSpacing) * FONT_SIZE,
  };
}

// Fractions of the free space left of and above the legend, per location.
const ANCHORS: Readonly<Record<Exclude<LegendLoc, 'best'>, [number, number]>> = {
  'upper right': [1, 0],
  'upper left': [0, 0],
  'lower left': [0, 1],
  'lower right': [1, 1],
  right: [1, 0.5],
  'center left': [0, 0.5],
  'center right': [1, 0.5],
  'lower center': [0.5, 1],
  'upper center': [0.5, 0],
  center: [0.5, 0.5],
};

/**
 * The legend's top-left corner inside an axes box (axes pixels). `best` tries matplotlib's
 * locations in its order and takes the first that covers the fewest data points.
 */
export function legendPosition(
  loc: LegendLoc,
  size: { width: number; height: number },
  box: { width: number; height: number },
  points: readonly (readonly [number, number])[],
): [number, number] {
  const pad = LEGEND.axesPad * FONT_SIZE;
  const at = (name: Exclude<LegendLoc, 'best'>): [number, number] => {
    const [fx, fy] = ANCHORS[name];
    return [
      pad + fx * (box.width - 2 * pad - size.width),
      pad + fy * (box.height - 2 * pad - size.height),
    ];
  };
  if (loc !== 'best') return at(loc);
  let best = at('upper right');
  let fewest = Infinity;
  for (const name of Object.keys(ANCHORS) as Exclude<LegendLoc, 'best'>[]) {
    const [x, y] = at(name);
    const covered = points.filter(
      ([px, py]) => px >= x && px <= x + size.width && py >= y && py <= y + size.height,
    ).length;
    if (covered < fewest) [best, fewest] = [[x, y], covered];
  }
  return best;
}
