/**
 * Helpers, as the book's `utils.py`: drawing a graph as DOT text (`getDotGraph`), handing it to
 * the page (`plotDotGraph`), a numerical derivative to check backprop against, and `sumTo` on
 * arrays (the reverse of broadcasting) that the core's `SumTo` uses.
 */
import type { NDArray } from './np/ndarray.ts';
import { Variable } from './core.ts';
import type { Function } from './core.ts';

// ==== Arrays: sumTo ====

/** Sums `x` down to `shape`: over leading axes it lacks and over axes where `shape` has 1. */
export function sumTo(x: NDArray, shape: readonly number[]): NDArray {
  const lead = x.ndim - shape.length;
  const leadAxes = [...Array(lead).keys()];
  const ones = shape.flatMap((n, i) => (n === 1 ? [i + lead] : []));
  const y = x.sum({ axis: [...leadAxes, ...ones], keepdims: true });
  return lead > 0 ? y.squeeze(leadAxes) : y;
}

// ==== Numerical differentiation ====

/** The central difference (f(x + eps) - f(x - eps)) / 2eps, elementwise (the book's step 4). */
export function numericalDiff(f: (x: Variable) => Variable, x: Variable, eps = 1e-4): NDArray {
  const y0 = f(new Variable(x.data.sub(eps)));
  const y1 = f(new Variable(x.data.add(eps)));
  return y1.data.sub(y0.data).div(2 * eps);
}

// ==== Graphs as DOT text ====

/** Options of `getDotGraph` and `plotDotGraph`. */
export interface DotOptions {
  /** Label variables with `name: shape dtype`, not just their name. @default true */
  verbose?: boolean;
}

// NOTE: Python's id() is a number per live object; a WeakMap gives each node one for its lifetime.
const ids = new WeakMap<object, number>();
let nextId = 0;
function idOf(node: object): number {
  let id = ids.get(node);
  if (id === undefined) {
    id = nextId++;
    ids.set(node, id);
  }
  return id;
}

/** Python's `str(tuple)` of a shape: `()`, `(3,)`, `(2, 3)`. */
function pythonShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

function dotVar(v: Variable, verbose: boolean): string {
  let label = v.name ?? '';
  if (verbose) label += (v.name !== null ? ': ' : '') + `${pythonShape(v.shape)} ${v.dtype}`;
  return `${idOf(v)} [label="${label}", color=orange, style=filled]\n`;
}

function dotFunc(f: Function<Variable | Variable[]>): string {
  const id = idOf(f);
  let text = `${id} [label="${f.constructor.name}", color=lightblue, style=filled, shape=box]\n`;
  for (const x of f.inputs) text += `${idOf(x)} -> ${id}\n`;
  for (const y of f.outputs) text += `${id} -> ${idOf(y)}\n`;
  return text;
}

/**
 * The graph that produced `output` in Graphviz's DOT language: variables as orange ellipses,
 * functions as blue boxes, in the book's node and edge format. Walks back from the output.
 */
export function getDotGraph(output: Variable, { verbose = true }: DotOptions = {}): string {
  let text = dotVar(output, verbose);
  const funcs: Function<Variable | Variable[]>[] = [];
  const seen = new Set<Function<Variable | Variable[]>>();
  const addFunc = (f: Function<Variable | Variable[]> | null): void => {
    if (f === null || seen.has(f)) return;
    funcs.push(f);
    seen.add(f);
  };
  addFunc(output.creator);
  for (let f = funcs.pop(); f !== undefined; f = funcs.pop()) {
    text += dotFunc(f);
    for (const x of f.inputs) {
      text += dotVar(x, verbose);
      addFunc(x.creator);
    }
  }
  return 'digraph g {\n' + text + '}';
}

// ==== Rich output: plotDotGraph ====

/** A graph to draw: the DOT text, and the file name the program asked for, if any. */
export interface DotItem {
  kind: 'dot';
  /** Graphviz DOT text from `getDotGraph`. */
  dot: string;
  /** Python's `to_file`: where the program wanted the picture saved. */
  toFile?: string;
}

/** Where drawings go: the runner sets it to draw in the page. */
export type RichSink = (item: DotItem) => void;

/** Everything drawn while no other sink is set (Node, tests), in order. */
export const recorded: DotItem[] = [];

let richSink: RichSink = (item) => {
  recorded.push(item);
};

/** Redirects drawings; returns the previous sink so a caller can restore it. */
export function setRichSink(next: RichSink): RichSink {
  const previous = richSink;
  richSink = next;
  return previous;
}

/** Options of `plotDotGraph`. */
export interface PlotDotOptions extends DotOptions {
  /** A file name, as the book's `to_file` (the runner may offer it as the download name). */
  toFile?: string;
}

/** Draws the graph that produced `output` (the book's `plot_dot_graph`) by handing its DOT text to the sink. */
export function plotDotGraph(
  output: Variable,
  { verbose = true, toFile }: PlotDotOptions = {},
): void {
  const item: DotItem = { kind: 'dot', dot: getDotGraph(output, { verbose }) };
  if (toFile !== undefined) item.toFile = toFile;
  richSink(item);
}
