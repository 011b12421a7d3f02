/**
 * The text alternative of a figure in the output panel: what a plot shows (its title, axes and
 * kinds of marks) or what a computational graph holds (its functions and variables), so that a
 * screen-reader user learns more than "Plot 1".
 */
import type { AxesSpec, FigureSpec, SeriesSpec } from '../../dezero/plt-spec.ts';
import type { RichItem } from '../../dezero/rich.ts';

/** How many function names a graph's description lists before it says "…". */
const MAX_NAMES = 8;

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** `Add, Mul ×2, Square`: each name once, in order of first appearance, with its count. */
function tally(names: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  const listed = [...counts].map(([name, n]) => (n === 1 ? name : `${name} ×${n}`));
  const shown = listed.slice(0, MAX_NAMES).join(', ');
  return listed.length > MAX_NAMES ? `${shown}, …` : shown;
}

/**
 * Describes the DOT text of `getDotGraph` (src/dezero/utils.ts): functions are the box-shaped
 * nodes, variables the other nodes (ellipses); edges are not counted.
 */
export function describeGraph(dot: string): string {
  // NOTE: a variable that feeds several functions is declared once per use: count distinct ids.
  const functions = new Map<string, string>();
  const variables = new Set<string>();
  for (const line of dot.split('\n')) {
    // A node statement: `id [attributes]`, where an edge statement has `->` before its `[`.
    const node = /^\s*("(?:[^"\\]|\\.)*"|[\w.]+)\s*\[(.*)\]\s*;?\s*$/.exec(line);
    const [, id, attributes] = node ?? [];
    if (id === undefined || attributes === undefined) continue;
    if (/\bshape\s*=\s*"?box\b/.test(attributes)) {
      functions.set(id, /\blabel\s*=\s*"((?:[^"\\]|\\.)*)"/.exec(attributes)?.[1] ?? '?');
    } else {
      variables.add(id);
    }
  }
  const names = functions.size > 0 ? ` (${tally([...functions.values()])})` : '';
  return `a computational graph of ${plural(functions.size, 'function')}${names} and ${plural(variables.size, 'variable')}`;
}

const MARKS: Record<SeriesSpec['type'], (series: readonly SeriesSpec[]) => string> = {
  line: (series) => plural(series.length, 'line'),
  scatter: (series) => plural(series.length, 'scatter series', 'scatter series'),
  contour: (series) =>
    series.every((s) => s.type === 'contour' && s.filled)
      ? plural(series.length, 'filled contour map')
      : plural(series.length, 'contour map'),
  image: (series) => plural(series.length, 'image'),
};

function describeAxes(axes: AxesSpec): string {
  const parts: string[] = [];
  if (axes.title) parts.push(`“${axes.title}”`);
  const byType = new Map<SeriesSpec['type'], SeriesSpec[]>();
  for (const series of axes.series)
    byType.set(series.type, [...(byType.get(series.type) ?? []), series]);
  const marks = [...byType].map(([type, series]) => MARKS[type](series));
  parts.push(marks.length > 0 ? marks.join(', ') : 'nothing drawn');
  const labels = axes.series.flatMap((s) => ('label' in s && s.label ? [s.label] : []));
  if (labels.length > 0) parts.push(`labelled ${labels.join(', ')}`);
  if (!axes.axisOff) {
    if (axes.xlabel) parts.push(`x axis “${axes.xlabel}”`);
    if (axes.ylabel) parts.push(`y axis “${axes.ylabel}”`);
  }
  return parts.join('; ');
}

/** Describes a `plt` figure: each of its plots' title, marks (with their legend labels) and axes. */
export function describePlot(figure: FigureSpec): string {
  if (figure.axes.length === 0) return 'an empty plot';
  if (figure.axes.length === 1) return `a plot: ${describeAxes(figure.axes[0]!)}`;
  const plots = figure.axes.map((axes, i) => `(${i + 1}) ${describeAxes(axes)}`);
  return `${plural(figure.axes.length, 'plot')}: ${plots.join('. ')}`;
}

/** The label of the `index`th figure of a run, e.g. `Plot 1: a plot: “loss”; 1 line; …`. */
export function describeRich(item: RichItem, index: number): string {
  return item.kind === 'dot'
    ? `Graph ${index}: ${item.title ? `${item.title}, ` : ''}${describeGraph(item.dot)}`
    : `Plot ${index}: ${describePlot(item.figure)}`;
}
