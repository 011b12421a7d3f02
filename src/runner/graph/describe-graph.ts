/**
 * The graph behind one output variable as plain data for the page (see graph-report.ts). Walks
 * back from the output in backward order (highest generation first), so when a graph is too big
 * to draw (step 35's thousands of nodes) what is drawn is the part nearest the output, and the
 * description says how much was left out.
 */
import { GenerationQueue } from '../../dezero/generation-queue.ts';
import type { GraphDescription, GraphNode, GraphVariableNode } from './graph-report.ts';
import {
  arrayOf,
  creatorOf,
  functionName,
  generationOf,
  inputsOf,
  outputsOf,
  read,
} from './graph-objects.ts';
import type { FunctionObject, VariableObject } from './graph-objects.ts';
import { dtypeText, fullText, shapeText, shortText } from './value-text.ts';

/** Most functions drawn in one graph: Graphviz lays out this many in well under a second. */
export const DRAWN_FUNCTIONS = 150;
/** Functions counted past the drawn ones before the count says "more than". */
export const COUNTED_FUNCTIONS = 100_000;

/** Node ids shared by the graphs of one run, so a recording can name the nodes it visits. */
export class NodeIds {
  readonly #ids = new Map<object, string>();
  #next = 1;

  /** The id of `node`, made on first use: `v3` for a variable, `f2` for a function. */
  of(node: object, kind: 'v' | 'f'): string {
    let id = this.#ids.get(node);
    if (id === undefined) {
      id = `${kind}${this.#next++}`;
      this.#ids.set(node, id);
    }
    return id;
  }

  /** The id given to `node`, or null when it has none (it was not drawn). */
  known(node: object): string | null {
    return this.#ids.get(node) ?? null;
  }
}

/** How to label a variable: its `name`, else the name the program gave it. */
export type VariableLabel = (v: VariableObject) => string;

/** `v.name` when it is a string, else the program's name for it from `names`, else ''. */
export function labelFrom(names: ReadonlyMap<object, string>): VariableLabel {
  return (v) => {
    const name = read(v, 'name');
    if (typeof name === 'string' && name !== '') return name;
    return names.get(v) ?? '';
  };
}

/** The functions behind `root`, in backward order: the first `limit` of them, and how many there are. */
export function functionsBehind(
  root: VariableObject,
  limit: number,
): { functions: FunctionObject[]; total: number; exact: boolean } {
  const functions: FunctionObject[] = [];
  const seen = new Set<FunctionObject>();
  const queue = new GenerationQueue<{ f: FunctionObject; generation: number }>();
  const add = (f: FunctionObject | null): void => {
    if (f === null || seen.has(f) || seen.size >= COUNTED_FUNCTIONS) return;
    seen.add(f);
    queue.push({ f, generation: generationOf(f) ?? 0 });
  };
  add(creatorOf(root));
  while (queue.size > 0) {
    const { f } = queue.pop();
    if (functions.length < limit) functions.push(f);
    for (const x of inputsOf(f)) add(creatorOf(x));
  }
  return { functions, total: seen.size, exact: seen.size < COUNTED_FUNCTIONS };
}

/** Describes the graph that produced `root`; ids come from `ids`, labels from `label`. */
export function describeGraph(
  root: VariableObject,
  ids: NodeIds,
  label: VariableLabel,
  limit = DRAWN_FUNCTIONS,
): GraphDescription {
  const { functions, total, exact } = functionsBehind(root, limit);
  const drawn = new Set(functions);
  const nodes: GraphNode[] = [];
  const edges: Array<[string, string]> = [];
  const described = new Set<object>();
  let hasGradients = false;
  const variable = (v: VariableObject): string => {
    const id = ids.of(v, 'v');
    if (described.has(v)) return id;
    described.add(v);
    const node = describeVariable(v, id, label(v));
    const creator = creatorOf(v);
    node.cut = creator !== null && !drawn.has(creator);
    if (node.grad !== null) hasGradients = true;
    nodes.push(node);
    return id;
  };
  const rootId = variable(root);
  for (const f of functions) {
    const id = ids.of(f, 'f');
    nodes.push({ kind: 'function', id, name: functionName(f), generation: generationOf(f) });
    for (const x of inputsOf(f)) edges.push([variable(x), id]);
    for (const y of outputsOf(f)) edges.push([id, variable(y)]);
  }
  return {
    title: label(root) || titleOf(root),
    root: rootId,
    nodes,
    edges,
    drawnFunctions: functions.length,
    totalFunctions: total,
    totalExact: exact,
    hasGradients,
    backward: null,
  };
}

/** A name for an output the program never named: what made it. */
function titleOf(root: VariableObject): string {
  const creator = creatorOf(root);
  const shape = shapeText(arrayOf(root));
  return `output of ${creator === null ? 'nothing' : functionName(creator)}${shape === '' ? '' : ` ${shape}`}`;
}

function describeVariable(v: VariableObject, id: string, label: string): GraphVariableNode {
  const data = read(v, 'data');
  const grad = arrayOf(read(v, 'grad'));
  const valueFull = data === undefined || data === null ? 'None' : fullText(data);
  const gradFull = grad === undefined || grad === null ? null : fullText(grad);
  return {
    kind: 'variable',
    id,
    label,
    shape: shapeText(data),
    dtype: dtypeText(data),
    value: shortText(valueFull),
    valueFull,
    grad: gradFull === null ? null : shortText(gradFull),
    gradFull,
    cut: false,
  };
}
