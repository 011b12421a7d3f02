/**
 * `plt`: the part of matplotlib's pyplot the book's programs use. Drawing calls record into the
 * current figure; `plt.show()` hands each open figure to the rich-output sink (the page draws it
 * with Vega; Node records it) and starts afresh. Keyword arguments become one options object:
 * `plt.plot(x, y, { label: 'sin', color: 'r' })`.
 *
 * A figure can also be drawn while the program runs, as matplotlib's interactive loop does it:
 * `plt.cla(); plt.plot(losses); plt.pause(0.01)` each epoch. `pause` and `draw` send the current
 * figure as a live figure, which the page redraws in place (at most ten times a second, see
 * `plt-live.ts`) until `show`, `close` or the end of the run leaves it as an ordinary figure.
 */
import type { NDArray } from './np/ndarray.ts';
import { emitRich } from './rich.ts';
import type { LiveFigure } from './rich.ts';
import { LiveThrottle } from './plt-live.ts';
import type { AxesSpec, FigureSpec, LegendLoc, SeriesSpec } from './plt-spec.ts';
import { TAB10, parseFormat, resolveCmap, resolveColor } from './plt-style.ts';
import { contourLevels, toGrid, toImage, toNumbers } from './plt-data.ts';
import type { PlotData } from './plt-data.ts';
import type {
  ContourOptions,
  FigureOptions,
  ImshowOptions,
  PlotOptions,
  ScatterOptions,
} from './plt-options.ts';

export type { PlotData } from './plt-data.ts';
export type {
  ContourOptions,
  FigureOptions,
  ImshowOptions,
  PlotOptions,
  ScatterOptions,
} from './plt-options.ts';

// ==== State: open figures, the current axes, the colour cycles ====

interface AxesState {
  spec: AxesSpec;
  // NOTE: matplotlib keeps separate colour cycles for lines and for scatter/patches.
  lineColors: number;
  patchColors: number;
}

interface FigureState {
  spec: FigureSpec;
  axes: AxesState[];
  current: AxesState | null;
}

let open: FigureState[] = [];
let current: FigureState | null = null;

function newFigure(width = 640, height = 480): FigureState {
  const figure: FigureState = { spec: { width, height, axes: [] }, axes: [], current: null };
  open.push(figure);
  current = figure;
  return figure;
}

function gcf(): FigureState {
  return current ?? newFigure();
}

function axesAt(rows: number, cols: number, index: number): AxesState {
  const figure = gcf();
  let axes = figure.axes.find(
    (a) => a.spec.rows === rows && a.spec.cols === cols && a.spec.index === index,
  );
  if (!axes) {
    const spec = emptyAxes(rows, cols, index);
    axes = { spec, lineColors: 0, patchColors: 0 };
    figure.axes.push(axes);
    figure.spec.axes.push(spec);
  }
  figure.current = axes;
  return axes;
}

function emptyAxes(rows: number, cols: number, index: number): AxesSpec {
  return {
    rows,
    cols,
    index,
    title: null,
    xlabel: null,
    ylabel: null,
    xlim: null,
    ylim: null,
    grid: false,
    axisOff: false,
    legend: null,
    series: [],
  };
}

function gca(): AxesState {
  return gcf().current ?? axesAt(1, 1, 1);
}

function add(series: SeriesSpec): void {
  gca().spec.series.push(series);
}

const nextColor = (cycle: number): string => TAB10[cycle % TAB10.length]!;

function checkLengths(x: number[], y: number[], where: string): void {
  if (x.length !== y.length) {
    throw new RangeError(
      `${where}: x and y must have the same first dimension, but have lengths ${x.length} and ${y.length}`,
    );
  }
}

/** Options objects are plain objects; anything else (arrays, a Variable by mistake) is data. */
function isOptions(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype
  );
}

function checkCmap(name = 'viridis'): string {
  resolveCmap(name);
  return name;
}

// ==== Drawing ====

function plot(...args: (PlotData | string | PlotOptions)[]): void {
  const where = 'plt.plot';
  let options: PlotOptions = {};
  const last = args.at(-1);
  if (isOptions(last)) {
    options = last as PlotOptions;
    args = args.slice(0, -1);
  }
  const fmt = typeof args.at(-1) === 'string' ? parseFormat(args.pop() as string) : {};
  if (args.length < 1 || args.length > 2)
    throw new TypeError(`${where}: expected plot(y) or plot(x, y)`);
  const y = toNumbers(args.at(-1) as PlotData, where);
  const x = args.length === 2 ? toNumbers(args[0] as PlotData, where) : y.map((_, i) => i);
  checkLengths(x, y, where);
  const axes = gca();
  const given = options.color ?? fmt.color;
  add({
    type: 'line',
    x,
    y,
    color: given !== undefined ? resolveColor(given) : nextColor(axes.lineColors++),
    linewidth: options.linewidth ?? 1.5,
    linestyle: options.linestyle ?? fmt.linestyle ?? '-',
    marker: options.marker ?? fmt.marker ?? null,
    markersize: options.markersize ?? 6,
    label: options.label ?? null,
  });
}

function scatter(x: PlotData, y: PlotData, options: ScatterOptions = {}): void {
  const where = 'plt.scatter';
  const xs = toNumbers(x, where);
  const ys = toNumbers(y, where);
  checkLengths(xs, ys, where);
  const axes = gca();
  const { c } = options;
  const values = c === undefined || typeof c === 'string' ? null : toNumbers(c, where);
  if (values && values.length !== xs.length)
    throw new RangeError(`${where}: 'c' has ${values.length} values for ${xs.length} points`);
  const sizes = options.s === undefined ? 36 : toNumbers(options.s, where);
  const color =
    typeof c === 'string' ? resolveColor(c) : values ? null : nextColor(axes.patchColors);
  if (c === undefined) axes.patchColors++;
  add({
    type: 'scatter',
    x: xs,
    y: ys,
    color,
    values,
    cmap: checkCmap(options.cmap),
    size: Array.isArray(sizes) && sizes.length === 1 ? sizes[0]! : sizes,
    marker: options.marker ?? 'o',
    alpha: options.alpha ?? 1,
    label: options.label ?? null,
  });
}

function contourWith(filled: boolean, args: (NDArray | ContourOptions)[]): void {
  const where = filled ? 'plt.contourf' : 'plt.contour';
  const last = args.at(-1);
  const options = isOptions(last) ? (args.pop() as ContourOptions) : {};
  const arrays = args as NDArray[];
  if (arrays.length !== 1 && arrays.length !== 3)
    throw new TypeError(`${where}: expected (Z) or (X, Y, Z)`);
  const grid =
    arrays.length === 3
      ? toGrid(arrays[0]!, arrays[1]!, arrays[2]!, where)
      : toGrid(null, null, arrays[0]!, where);
  add({
    type: 'contour',
    filled,
    ...grid,
    levels: contourLevels(grid.z, options.levels),
    cmap: checkCmap(options.cmap),
    colors: options.colors !== undefined ? resolveColor(options.colors) : null,
    alpha: options.alpha ?? 1,
    linewidth: options.linewidths ?? 1.5,
  });
}

function imshow(img: NDArray, options: ImshowOptions = {}): void {
  const image = toImage(img, 'plt.imshow');
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of image.data) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  add({
    type: 'image',
    ...image,
    cmap: checkCmap(options.cmap),
    vmin: options.vmin ?? lo,
    vmax: options.vmax ?? hi,
  });
}

// ==== Showing, and drawing live ====

let interactive = false;
const live = new LiveThrottle<FigureState>();

function emitFigure(figure: FigureState, extra: { toFile?: string; live?: LiveFigure }): void {
  // NOTE: a deep copy, so a sink that keeps the item never sees later drawing.
  emitRich({ kind: 'plot', figure: structuredClone(figure.spec), ...extra });
}

/** Sends the figure's final state: under its live id when it was drawn live, so it replaces that. */
function emitFinal(figure: FigureState, toFile?: string): void {
  const id = live.end(figure);
  emitFigure(figure, {
    ...(toFile === undefined ? {} : { toFile }),
    ...(id === null ? {} : { live: { id, final: true } }),
  });
}

function show(toFile?: string): void {
  const figures = toFile === undefined ? open : current ? [current] : [];
  for (const figure of figures) emitFinal(figure, toFile);
  close(toFile === undefined ? 'all' : undefined, false);
}

function close(which?: 'all', final = true): void {
  const closing = which === 'all' ? open : open.filter((f) => f === current);
  // A live figure is already on the page: closing it leaves its last state there, not a skipped one.
  if (final) {
    for (const figure of closing) {
      const id = live.end(figure);
      if (id !== null) emitFigure(figure, { live: { id, final: true } });
    }
  }
  open = open.filter((f) => !closing.includes(f));
  current = open.at(-1) ?? null;
}

function drawLive(): void {
  if (!current) return;
  const id = live.update(current);
  if (id !== null) emitFigure(current, { live: { id, final: false } });
}

/**
 * Ends the run's live drawing: every live figure still open goes out in its final state. The
 * runner calls this when the program has finished; programs have no need to.
 */
export function endLiveFigures(): void {
  for (const [figure, id] of live.endAll()) emitFigure(figure, { live: { id, final: true } });
}

// ==== The namespace ====

/** matplotlib's `pyplot`, as lesson programs use it: `import { plt } from 'dezero'`. */
export const plt = {
  /** Starts a new figure, which becomes the current one. */
  figure({ figsize = [6.4, 4.8] }: FigureOptions = {}): void {
    newFigure(Math.round(figsize[0] * 100), Math.round(figsize[1] * 100));
  },
  /** Makes cell `index` (from 1) of a rows×cols grid the current axes; `subplot(221)` works too. */
  subplot(rows: number, cols?: number, index?: number): void {
    if (cols === undefined || index === undefined) {
      [rows, cols, index] = [Math.floor(rows / 100), Math.floor(rows / 10) % 10, rows % 10];
    }
    if (!(index >= 1 && index <= rows * cols))
      throw new RangeError(`plt.subplot: index ${index} is outside a ${rows}x${cols} grid`);
    axesAt(rows, cols, index);
  },
  /** A line through the points: `plot(y)`, `plot(x, y)`, `plot(x, y, 'r--')`, each with options last. */
  plot: plot as {
    (y: PlotData, options?: PlotOptions): void;
    (y: PlotData, fmt: string, options?: PlotOptions): void;
    (x: PlotData, y: PlotData, options?: PlotOptions): void;
    (x: PlotData, y: PlotData, fmt: string, options?: PlotOptions): void;
  },
  /** A marker at each point. */
  scatter,
  /** Filled bands between levels of Z on the grid X, Y (from `np.meshgrid`). */
  contourf: ((...args: (NDArray | ContourOptions)[]) => contourWith(true, args)) as {
    (Z: NDArray, options?: ContourOptions): void;
    (X: NDArray, Y: NDArray, Z: NDArray, options?: ContourOptions): void;
  },
  /** Lines at levels of Z on the grid X, Y. */
  contour: ((...args: (NDArray | ContourOptions)[]) => contourWith(false, args)) as {
    (Z: NDArray, options?: ContourOptions): void;
    (X: NDArray, Y: NDArray, Z: NDArray, options?: ContourOptions): void;
  },
  /** Shows an image: 2-D through a colormap, or HxWx3 colour. */
  imshow,
  title(text: string): void {
    gca().spec.title = text;
  },
  xlabel(text: string): void {
    gca().spec.xlabel = text;
  },
  ylabel(text: string): void {
    gca().spec.ylabel = text;
  },
  /** Fixes the x range: `xlim(lo, hi)` or `xlim([lo, hi])`. */
  xlim(lo: number | readonly [number, number], hi?: number): void {
    gca().spec.xlim = typeof lo === 'number' ? [lo, hi ?? NaN] : [lo[0], lo[1]];
  },
  /** Fixes the y range: `ylim(lo, hi)` or `ylim([lo, hi])`. */
  ylim(lo: number | readonly [number, number], hi?: number): void {
    gca().spec.ylim = typeof lo === 'number' ? [lo, hi ?? NaN] : [lo[0], lo[1]];
  },
  /** Grid lines at the ticks (on, or toggled when called with no argument). */
  grid(visible?: boolean): void {
    const spec = gca().spec;
    spec.grid = visible ?? !spec.grid;
  },
  /** A legend of the labelled lines and markers. @default { loc: 'best' } */
  legend({ loc = 'best' }: { loc?: LegendLoc } = {}): void {
    gca().spec.legend = { loc };
  },
  /** `axis('off')` hides the frame, ticks and labels; `axis('on')` brings them back. */
  axis(state: 'off' | 'on'): void {
    gca().spec.axisOff = state === 'off';
  },
  /** Draws every open figure, in order, then starts afresh; a live figure stays where it is, now final. */
  show(): void {
    show();
  },
  /** Draws the current figure, keeping `name` as its file name, then closes it. */
  savefig(name: string): void {
    show(name);
  },
  /**
   * Discards the current figure, or every figure with `'all'`, without drawing; a live figure
   * already on the page stays there in its last state.
   */
  close(which?: 'all'): void {
    close(which);
  },
  /** Clears the current figure (its axes and what they hold), keeping its size. */
  clf(): void {
    const figure = gcf();
    figure.spec.axes = [];
    figure.axes = [];
    figure.current = null;
  },
  /** Clears the current axes: its lines, labels, title, limits and legend, and its colour cycles. */
  cla(): void {
    const axes = gca();
    const { rows, cols, index } = axes.spec;
    Object.assign(axes.spec, emptyAxes(rows, cols, index));
    axes.lineColors = axes.patchColors = 0;
  },
  /**
   * Draws the current figure now, while the program runs (matplotlib's idiom: redraw in a loop).
   * The page shows it as a live figure, updated in place at most ten times a second; in Node only
   * its final state is recorded. Returns at once (see `pause`).
   */
  draw(): void {
    drawLive();
  },
  /**
   * Draws the current figure, as `draw`, then returns at once. matplotlib draws and then waits
   * `interval` seconds while its window's event loop runs; a program here runs in a worker that
   * has no window to serve, and waiting would only slow the training down, so `interval` is
   * accepted and ignored. Nothing happens when no figure is open.
   */
  pause(interval: number): void {
    if (!(interval >= 0)) throw new RangeError(`plt.pause: interval must be >= 0, got ${interval}`);
    drawLive();
  },
  /**
   * Turns matplotlib's interactive mode on. Here it only records the mode: `pause` and `draw`
   * draw live figures in either mode (as matplotlib's `pause` shows a figure in either), and
   * nothing is redrawn between them, since the program holds the worker until it yields.
   */
  ion(): void {
    interactive = true;
  },
  /** Turns interactive mode off (see `ion`). */
  ioff(): void {
    interactive = false;
  },
  /** Whether interactive mode is on (`ion`), as matplotlib's `plt.isinteractive()`. */
  isinteractive(): boolean {
    return interactive;
  },
};
