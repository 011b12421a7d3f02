/**
 * What `plt` records: a figure as plain JSON (numbers, strings, arrays), so it crosses the worker
 * boundary by postMessage and renders the same in the page and in Node. Colours are resolved when
 * the program draws (matplotlib's colour cycle); limits, ticks and layout when the figure renders.
 */

/** A whole figure: its size and its axes, in the order they were created. */
export interface FigureSpec {
  /** Width in pixels: matplotlib's `figsize` width in inches at 100 dpi. @default 640 */
  width: number;
  /** Height in pixels. @default 480 */
  height: number;
  /** One entry per `plt.subplot` cell that was drawn into. */
  axes: AxesSpec[];
}

/** Where a legend goes: matplotlib's `loc` names; `best` picks the corner that hides the least data. */
export type LegendLoc =
  | 'best'
  | 'upper right'
  | 'upper left'
  | 'lower left'
  | 'lower right'
  | 'right'
  | 'center left'
  | 'center right'
  | 'lower center'
  | 'upper center'
  | 'center';

/** One plot area in the figure's grid. */
export interface AxesSpec {
  /** Rows of the subplot grid this axes belongs to. */
  rows: number;
  /** Columns of the subplot grid. */
  cols: number;
  /** Cell number, counted from 1 along rows, as `plt.subplot(rows, cols, index)`. */
  index: number;
  title: string | null;
  xlabel: string | null;
  ylabel: string | null;
  /** Limits set by `plt.xlim`; null means autoscale from the data. */
  xlim: [number, number] | null;
  ylim: [number, number] | null;
  /** `plt.grid()`: draw grid lines at the ticks. */
  grid: boolean;
  /** `plt.axis('off')`: no frame, ticks or labels. */
  axisOff: boolean;
  /** Set by `plt.legend()`; null when no legend was asked for. */
  legend: { loc: LegendLoc } | null;
  /** What was drawn, in order (later series paint over earlier ones). */
  series: SeriesSpec[];
}

/** matplotlib line styles: solid, dashed, dotted, dash-dot, none. */
export type LineStyle = '-' | '--' | ':' | '-.' | '';

/** `plt.plot`: a polyline, optionally with markers at its points. */
export interface LineSeries {
  type: 'line';
  x: number[];
  y: number[];
  /** A CSS colour. */
  color: string;
  /** Width in points (matplotlib's unit; 1 pt = 100/72 px at 100 dpi). */
  linewidth: number;
  linestyle: LineStyle;
  /** A matplotlib marker code (`o`, `x`, `^`, `s`, `.`, `+`, `D`, `v`, `*`), or null for none. */
  marker: string | null;
  /** Marker width in points. */
  markersize: number;
  label: string | null;
}

/** `plt.scatter`: a marker per point. */
export interface ScatterSeries {
  type: 'scatter';
  x: number[];
  y: number[];
  /** One CSS colour for all points, or null when `values` colour them through `cmap`. */
  color: string | null;
  /** Per-point numbers mapped through `cmap` (matplotlib's numeric `c`), or null. */
  values: number[] | null;
  cmap: string;
  /** Marker area in points², one for all or one per point (matplotlib's `s`). */
  size: number | number[];
  marker: string;
  alpha: number;
  label: string | null;
}

/** `plt.contour` / `plt.contourf` on a regular grid. */
export interface ContourSeries {
  type: 'contour';
  /** True for `contourf` (bands between levels), false for lines at the levels. */
  filled: boolean;
  /** Grid coordinates along x (one per column), increasing and evenly spaced. */
  x: number[];
  /** Grid coordinates along y (one per row). */
  y: number[];
  /** Values in row-major order: z[row * x.length + col]. */
  z: number[];
  /** Level values, increasing; a filled band lies between two neighbours. */
  levels: number[];
  cmap: string;
  /** One colour for every level instead of the colormap (matplotlib's `colors`), or null. */
  colors: string | null;
  alpha: number;
  /** Line width in points (contour lines only). */
  linewidth: number;
}

/** `plt.imshow`: a grid of pixels, row 0 at the top. */
export interface ImageSeries {
  type: 'image';
  width: number;
  height: number;
  /** True when `data` holds r, g, b in [0, 1] per pixel; false for one value mapped through `cmap`. */
  rgb: boolean;
  /** Pixel values, row-major (times 3 when `rgb`). */
  data: number[];
  cmap: string;
  /** The values mapped to the ends of the colormap (data min and max unless given). */
  vmin: number;
  vmax: number;
}

/** Anything drawn into an axes. */
export type SeriesSpec = LineSeries | ScatterSeries | ContourSeries | ImageSeries;
