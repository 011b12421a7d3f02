/** The options objects of `plt`'s calls: matplotlib's keyword arguments, with their defaults. */
import type { LineStyle } from './plt-spec.ts';
import type { PlotData } from './plt-data.ts';

/** Options of `plt.figure`. */
export interface FigureOptions {
  /** Width and height in inches, drawn at 100 pixels per inch. @default [6.4, 4.8] */
  figsize?: readonly [number, number];
}

/** Options of `plt.plot`. */
export interface PlotOptions {
  label?: string;
  /** A colour: a CSS name, `'#1f77b4'`, matplotlib's `'r'` or `'C1'`. @default the next tab10 colour */
  color?: string;
  /** `'-'`, `'--'`, `':'`, `'-.'` or `''` (none). @default '-' */
  linestyle?: LineStyle;
  /** Line width in points. @default 1.5 */
  linewidth?: number;
  /** A marker at each point: `'o'`, `'x'`, `'^'`, `'s'`, `'.'`, ... */
  marker?: string;
  /** Marker width in points. @default 6 */
  markersize?: number;
}

/** Options of `plt.scatter`. */
export interface ScatterOptions {
  /** One colour for every point, or one number per point mapped through `cmap`. */
  c?: string | PlotData;
  /** Marker area in points², for all points or per point. @default 36 */
  s?: PlotData;
  /** @default 'o' */
  marker?: string;
  /** The colormap for numeric `c`. @default 'viridis' */
  cmap?: string;
  /** Opacity from 0 to 1. @default 1 */
  alpha?: number;
  label?: string;
}

/** Options of `plt.contour` and `plt.contourf`. */
export interface ContourOptions {
  /** How many automatic levels, or the level values themselves. @default 7 */
  levels?: number | readonly number[];
  /** @default 1 */
  alpha?: number;
  /** @default 'viridis' */
  cmap?: string;
  /** One colour for every level instead of a colormap. */
  colors?: string;
  /** Line width in points (`contour` only). @default 1.5 */
  linewidths?: number;
}

/** Options of `plt.imshow`. */
export interface ImshowOptions {
  /** Colormap for a 2-D image: `'gray'`, `'viridis'`, ... @default 'viridis' */
  cmap?: string;
  /** The values drawn as the colormap's ends. @default the image's min and max */
  vmin?: number;
  vmax?: number;
}
