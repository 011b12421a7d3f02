/**
 * Helpers, as the book's `utils.py`: drawing a graph as DOT text (`getDotGraph`), handing it to
 * the page (`plotDotGraph`), a numerical derivative and a gradient check to test backprop with, and `sumTo` on
 * arrays (the reverse of broadcasting) that the core's `SumTo` uses, and the sizes of a
 * convolution (`pair`, `getConvOutsize`, `getDeconvOutsize`, in `conv-sizes.ts`).
 */
import type { NDArray } from './np/ndarray.ts';
import type { DType } from './np/dtype.ts';
import { Variable } from './core.ts';
import { shapeTuple } from './np/shape-text.ts';
import { emitRich } from './rich.ts';
import type { RichItem } from './rich.ts';
import { gradientReport } from './gradient-report.ts';
import type { GradientCheck } from './gradient-report.ts';

export type { GradientCheckTolerances } from './gradient-report.ts';
export { pair, getConvOutsize, getDeconvOutsize } from './conv-sizes.ts';
export type { Pair } from './conv-sizes.ts';
/** True when a file of that name has been saved, by this run or an earlier one (Python's `os.path.exists`). */
export { fileExists as exists } from './file-store.ts';

// ==== Arrays: sumTo ====

/** Sums `x` down to `shape`: over leading axes it lacks and over axes where `shape` has 1. */
export function sumTo(x: NDArray, shape: readonly number[]): NDArray {
  const lead = x.ndim - shape.length;
  // NOTE: DeZero's sum_to returns a wrong shape silently when `shape` is out of reach ((2, 3) to (5,) gives (3,)).
  if (lead < 0 || !shape.every((n, i) => n === 1 || n === x.shape[i + lead]))
    throw new RangeError(`cannot sum shape ${shapeTuple(x.shape)} to ${shapeTuple(shape)}`);
  const leadAxes = [...Array(lead).keys()];
  const ones = shape.flatMap((n, i) => (n === 1 ? [i + lead] : []));
  // NOTE: only leading axes to drop (a bias's gradient, (N, n) to (n,)): the same sum, no keepdims round trip.
  if (ones.length === 0 && lead > 0) return x.sum(lead === 1 ? 0 : leadAxes);
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

/**
 * Checks a backward rule: backprop's gradient of sum(f(...inputs)) against central differences,
 * for each input, printing the largest difference and whether it is within numpy's `allclose`
 * (rtol 1e-4, atol 1e-5); true when all pass. `f` is a function of Variables (`F.sin`,
 * `(x) => new Sin().call(x)`) or a Function object of the early steps (`new Square()`); inputs are
 * Variables, arrays or numbers, then optionally `{ rtol, atol }`. As the book's `gradient_check`.
 */
export const gradientCheck: GradientCheck = gradientReport({
  wrap: (data) => new Variable(data),
  seedsItself: (y) => y instanceof Variable,
});

// ==== Graphs as DOT text ====

/** Options of `getDotGraph` and `plotDotGraph`. */
export interface DotOptions {
  /** Label variables with `name: shape dtype`, not just their name. @default true */
  verbose?: boolean;
}

/**
 * What a drawing needs of a variable and of a function: the links of the graph and the labels.
 * The Variables of both cores (`dezero` and `dezero/simple`) have them, so both can be drawn.
 */
export interface GraphVariable {
  readonly name: string | null;
  readonly hasData: boolean;
  readonly shape: readonly number[];
  readonly dtype: DType;
  readonly creator: GraphFunction | null;
}

/** A function node of the graph: see `GraphVariable`. */
export interface GraphFunction {
  readonly inputs: readonly GraphVariable[];
  readonly outputs: readonly GraphVariable[];
}

/** Numbers the graph's nodes in order of first appearance, so the same graph always prints the same text. */
type NodeIds = (node: object) => number;

function nodeIds(): NodeIds {
  // NOTE: the book prints Python's id() (a memory address); numbering per drawing keeps output deterministic.
  const ids = new Map<object, number>();
  return (node) => {
    let id = ids.get(node);
    if (id === undefined) {
      id = ids.size + 1;
      ids.set(node, id);
    }
    return id;
  };
}

/**
 * `text` as the inside of a DOT quoted string: a name may hold any character, and a quote or a
 * backslash left as it is would end the string early or change the DOT text after it.
 */
function dotQuoted(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\r\n|\r|\n/g, '\\n');
}

function dotVar(idOf: NodeIds, v: GraphVariable, verbose: boolean): string {
  let label = v.name ?? '';
  if (verbose && v.hasData)
    label += (v.name !== null ? ': ' : '') + `${shapeTuple(v.shape)} ${v.dtype}`;
  return `${idOf(v)} [label="${dotQuoted(label)}", color=orange, style=filled]\n`;
}

function dotFunc(idOf: NodeIds, f: GraphFunction): string {
  const id = idOf(f);
  let text = `${id} [label="${dotQuoted(f.constructor.name)}", color=lightblue, style=filled, shape=box]\n`;
  for (const x of f.inputs) text += `${idOf(x)} -> ${id}\n`;
  for (const y of f.outputs) text += `${id} -> ${idOf(y)}\n`;
  return text;
}

/**
 * The graph that produced `output` in Graphviz's DOT language: variables as orange ellipses,
 * functions as blue boxes, in the book's node and edge format. Walks back from the output.
 */
export function getDotGraph(output: GraphVariable, { verbose = true }: DotOptions = {}): string {
  const idOf = nodeIds();
  let text = dotVar(idOf, output, verbose);
  const funcs: GraphFunction[] = [];
  const seen = new Set<GraphFunction>();
  const addFunc = (f: GraphFunction | null): void => {
    if (f === null || seen.has(f)) return;
    funcs.push(f);
    seen.add(f);
  };
  addFunc(output.creator);
  for (let f = funcs.pop(); f !== undefined; f = funcs.pop()) {
    text += dotFunc(idOf, f);
    for (const x of f.inputs) {
      text += dotVar(idOf, x, verbose);
      addFunc(x.creator);
    }
  }
  return 'digraph g {\n' + text + '}';
}

// ==== Rich output: plotDotGraph ====

/** A graph to draw: the rich-output item `plotDotGraph` sends. */
export type DotItem = Extract<RichItem, { kind: 'dot' }>;

// NOTE: kept here as aliases, so `utils.setRichSink` / `utils.recorded` keep working; figures share them.
export { recorded, setRichSink } from './rich.ts';
export type { RichSink } from './rich.ts';

/** Options of `plotDotGraph`. */
export interface PlotDotOptions extends DotOptions {
  /** A file name, as the book's `to_file` (the runner may offer it as the download name). */
  toFile?: string;
}

/** Draws the graph that produced `output` (the book's `plot_dot_graph`) by handing its DOT text to the sink. */
export function plotDotGraph(
  output: GraphVariable,
  { verbose = true, toFile }: PlotDotOptions = {},
): void {
  const item: DotItem = { kind: 'dot', dot: getDotGraph(output, { verbose }) };
  if (toFile !== undefined) item.toFile = toFile;
  emitRich(item);
}
