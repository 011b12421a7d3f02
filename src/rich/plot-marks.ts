/**
 * Vega data and marks for each kind of series, drawn inside an axes group whose scales are named
 * `x` and `y`. Colours from colormaps are computed here, so the Vega spec holds only plain colours.
 */
import type {
  ContourSeries,
  ImageSeries,
  LineSeries,
  ScatterSeries,
  SeriesSpec,
} from '../dezero/plt-spec.ts';
import { PT } from './plot-layout.ts';

/** A piece of a Vega spec (the renderer does not need Vega's own types to build one). */
export type VegaObject = Record<string, unknown>;

/** A colormap by matplotlib name: t in [0, 1] to a CSS colour. */
export type Colormap = (name: string) => (t: number) => string;

/** An affine map from data to axes pixels, `pixel = offset + slope * value`. */
export interface Axis {
  offset: number;
  slope: number;
}

/** What one series adds to its axes group. */
export interface SeriesParts {
  data: VegaObject[];
  scales: VegaObject[];
  marks: VegaObject[];
}

// ==== Markers ====

function polygon(n: number, inner = 1): string {
  const points = Array.from({ length: inner === 1 ? n : 2 * n }, (_, i) => {
    const r = i % 2 === 1 && inner !== 1 ? inner : 1;
    const a = (i * Math.PI * 2) / (inner === 1 ? n : 2 * n) - Math.PI / 2;
    return `${(r * Math.cos(a)).toFixed(4)},${(r * Math.sin(a)).toFixed(4)}`;
  });
  return `M${points.join('L')}Z`;
}

// matplotlib marker code -> Vega symbol shape; `lines` markers are strokes, not filled shapes.
const SHAPES: Readonly<Record<string, { shape: string; lines?: true; scale?: number }>> = {
  o: { shape: 'circle' },
  '.': { shape: 'circle', scale: 0.25 },
  ',': { shape: 'square', scale: 0.03 },
  s: { shape: 'square' },
  D: { shape: 'diamond' },
  d: { shape: 'M0,-1L0.6,0L0,1L-0.6,0Z' },
  '^': { shape: 'triangle-up' },
  v: { shape: 'triangle-down' },
  '<': { shape: 'triangle-left' },
  '>': { shape: 'triangle-right' },
  x: { shape: 'M-1,-1L1,1M-1,1L1,-1', lines: true },
  '+': { shape: 'M-1,0L1,0M0,-1L0,1', lines: true },
  '*': { shape: polygon(5, 0.4) },
  p: { shape: polygon(5) },
  h: { shape: polygon(6) },
};

/** Encoding of a marker: its shape, its area (matplotlib's points², as Vega's px²), fill or stroke. */
function markerEncoding(
  marker: string,
  color: string | { field: string },
  area: number | { field: string },
): VegaObject {
  const { shape, lines, scale = 1 } = SHAPES[marker] ?? SHAPES['o']!;
  const paint = typeof color === 'string' ? { value: color } : color;
  const size =
    typeof area === 'number'
      ? { value: area * PT * PT * scale }
      : { field: area.field, mult: PT * PT * scale };
  return lines
    ? { shape: { value: shape }, size, stroke: paint, strokeWidth: { value: 1.5 * PT } }
    : { shape: { value: shape }, size, fill: paint };
}

// ==== Lines and scatter ====

// matplotlib's dash patterns, in multiples of the line width.
const DASHES: Readonly<Record<string, number[]>> = {
  '--': [3.7, 1.6],
  ':': [1, 1.65],
  '-.': [6.4, 1.6, 1, 1.6],
};

/** Stroke encoding of a line of this style (shared with legend handles). */
export function lineStroke(series: LineSeries): VegaObject {
  const width = series.linewidth * PT;
  const dash = DASHES[series.linestyle];
  return {
    stroke: { value: series.color },
    strokeWidth: { value: width },
    ...(dash ? { strokeDash: { value: dash.map((d) => d * width) } } : {}),
  };
}

/** Marker encoding of a line's or a scatter's markers (shared with legend handles). */
export function seriesMarker(series: LineSeries | ScatterSeries, colormap: Colormap): VegaObject {
  if (series.type === 'line')
    return markerEncoding(series.marker ?? 'o', series.color, series.markersize ** 2);
  const color = series.color ?? colormap(series.cmap)(0.5);
  const area = typeof series.size === 'number' ? series.size : (series.size[0] ?? 36);
  return { ...markerEncoding(series.marker, color, area), opacity: { value: series.alpha } };
}

const position = { x: { scale: 'x', field: 'x' }, y: { scale: 'y', field: 'y' } };

function lineParts(series: LineSeries, name: string): SeriesParts {
  const values = series.x.map((x, i) => ({ x, y: series.y[i]! }));
  const marks: VegaObject[] = [];
  if (series.linestyle !== '') {
    const defined = { signal: 'isFinite(datum.x) && isFinite(datum.y)' };
    marks.push({
      type: 'line',
      from: { data: name },
      encode: {
        enter: { ...position, defined, ...lineStroke(series), strokeJoin: { value: 'round' } },
      },
    });
  }
  if (series.marker !== null) {
    marks.push({
      type: 'symbol',
      from: { data: name },
      encode: {
        enter: {
          ...position,
          ...markerEncoding(series.marker, series.color, series.markersize ** 2),
        },
      },
    });
  }
  return { data: [{ name, values }], scales: [], marks };
}

function normalizer(values: readonly number[]): (v: number) => number {
  const finite = values.filter(Number.isFinite);
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  return (v) => (hi > lo ? (v - lo) / (hi - lo) : 0.5);
}

function scatterParts(series: ScatterSeries, name: string, colormap: Colormap): SeriesParts {
  const norm = series.values ? normalizer(series.values) : null;
  const cmap = colormap(series.cmap);
  const values = series.x.map((x, i) => ({
    x,
    y: series.y[i]!,
    c: norm && series.values ? cmap(norm(series.values[i]!)) : series.color,
    s: typeof series.size === 'number' ? series.size : (series.size[i] ?? 36),
  }));
  const enter = {
    ...position,
    ...markerEncoding(series.marker, { field: 'c' }, { field: 's' }),
    opacity: { value: series.alpha },
  };
  return {
    data: [{ name, values }],
    scales: [],
    marks: [{ type: 'symbol', from: { data: name }, encode: { enter } }],
  };
}

// ==== Contours ====

function contourParts(
  series: ContourSeries,
  name: string,
  x: Axis,
  y: Axis,
  colormap: Colormap,
): SeriesParts {
  const nx = series.x.length;
  const ny = series.y.length;
  const dx = nx > 1 ? (series.x[nx - 1]! - series.x[0]!) / (nx - 1) : 1;
  const dy = ny > 1 ? (series.y[ny - 1]! - series.y[0]!) / (ny - 1) : 1;
  // NOTE: Vega's isocontour puts value i at grid coordinate i + 0.5; scale and translate map that to pixels.
  const grid = {
    width: nx,
    height: ny,
    values: series.z.map((v) => (Number.isFinite(v) ? v : NaN)),
    scale: [x.slope * dx, y.slope * dy],
    translate: [
      x.offset + x.slope * (series.x[0]! - dx / 2),
      y.offset + y.slope * (series.y[0]! - dy / 2),
    ],
  };
  const { levels } = series;
  const lo = levels[0]!;
  const span = levels[levels.length - 1]! - lo || 1;
  const cmap = colormap(series.cmap);
  const colorAt = (v: number): string => series.colors ?? cmap((v - lo) / span);
  // A filled band is everything above its lower level (above, not at, as matplotlib), painted in order.
  const thresholds = series.filled
    ? levels.slice(0, -1).map((l, k) => (k === 0 ? l : l + Math.max(Math.abs(l) * 1e-12, 1e-300)))
    : levels.slice();
  const colors = series.filled
    ? levels.slice(0, -1).map((l, k) => colorAt((l + levels[k + 1]!) / 2))
    : levels.map(colorAt);
  const scale = `${name}-color`;
  const paint = series.filled
    ? { fill: { scale, field: 'contour.value' }, fillOpacity: { value: series.alpha } }
    : {
        stroke: { scale, field: 'contour.value' },
        strokeWidth: { value: series.linewidth * PT },
        strokeOpacity: { value: series.alpha },
      };
  return {
    data: [{ name, values: [grid], transform: [{ type: 'isocontour', thresholds, smooth: true }] }],
    scales: [{ name: scale, type: 'ordinal', domain: thresholds, range: colors }],
    marks: [
      {
        type: 'shape',
        from: { data: name },
        encode: { enter: paint },
        transform: [{ type: 'geoshape', field: 'datum.contour' }],
      },
    ],
  };
}

// ==== Images ====

function imageParts(series: ImageSeries, name: string, colormap: Colormap): SeriesParts {
  const cmap = colormap(series.cmap);
  const span = series.vmax - series.vmin;
  const values = [];
  for (let row = 0; row < series.height; row++) {
    for (let col = 0; col < series.width; col++) {
      const i = row * series.width + col;
      let fill: string;
      if (series.rgb) {
        const [r, g, b] = [0, 1, 2].map((k) => Math.round(series.data[3 * i + k]! * 255));
        fill = `rgb(${r},${g},${b})`;
      } else {
        const t = span > 0 ? (series.data[i]! - series.vmin) / span : 0;
        fill = cmap(Math.min(1, Math.max(0, t)));
      }
      values.push({ x0: col - 0.5, x1: col + 0.5, y0: row - 0.5, y1: row + 0.5, fill });
    }
  }
  // NOTE: each pixel overlaps its neighbours by half a screen pixel, so no hairline seams show.
  const enter = {
    x: { scale: 'x', field: 'x0' },
    x2: { scale: 'x', field: 'x1', offset: 0.5 },
    y: { scale: 'y', field: 'y0' },
    y2: { scale: 'y', field: 'y1', offset: 0.5 },
    fill: { field: 'fill' },
  };
  return {
    data: [{ name, values }],
    scales: [],
    marks: [{ type: 'rect', from: { data: name }, encode: { enter } }],
  };
}

/** The Vega parts of one series; `name` keeps its data and scales apart from other series'. */
export function seriesParts(
  series: SeriesSpec,
  name: string,
  x: Axis,
  y: Axis,
  colormap: Colormap,
): SeriesParts {
  switch (series.type) {
    case 'line':
      return lineParts(series, name);
    case 'scatter':
      return scatterParts(series, name, colormap);
    case 'contour':
      return contourParts(series, name, x, y, colormap);
    case 'image':
      return imageParts(series, name, colormap);
  }
}
