/**
 * A run's graph (graph-report.ts) as Graphviz DOT text, drawn as the lessons' figures are:
 * variables as orange ellipses (name, shape and dtype, value, gradient), functions as blue boxes
 * (name and generation). Node names are the description's ids, so the drawing's nodes can be
 * found again (Graphviz writes each as the node's `<title>`).
 */
import type { GraphDescription, GraphNode } from '../../runner/graph/graph-report.ts';

/** `text` inside a DOT quoted string: every character of a program's name stays text. */
export function dotQuoted(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** The lines of a node's label, as drawn. */
export function nodeLines(node: GraphNode): string[] {
  if (node.kind === 'function')
    return [node.name, node.generation === null ? '' : `generation ${node.generation}`].filter(
      (line) => line !== '',
    );
  const head = [node.label, [node.shape, node.dtype].filter((s) => s !== '').join(' ')]
    .filter((s) => s !== '')
    .join(': ');
  const lines = [head, node.value];
  if (node.grad !== null) lines.push(`grad ${node.grad}`);
  if (node.cut) lines.push('(made by functions not drawn)');
  return lines.filter((line) => line !== '');
}

/** Ids are the report's own (`v3`, `f2`); anything else is refused rather than written into DOT. */
function nodeId(id: string): string {
  if (!/^[vf]\d+$/.test(id)) throw new Error(`unexpected node id ${JSON.stringify(id)}`);
  return id;
}

/** The DOT text of `graph`. */
export function graphToDot(graph: GraphDescription): string {
  let text = 'digraph g {\nnode [fontname="Helvetica", fontsize=12]\n';
  for (const node of graph.nodes) {
    const label = dotQuoted(nodeLines(node).join('\n'));
    text +=
      node.kind === 'function'
        ? `${nodeId(node.id)} [label="${label}", color=lightblue, style=filled, shape=box]\n`
        : `${nodeId(node.id)} [label="${label}", color=orange, style="${node.cut ? 'filled,dashed' : 'filled'}"]\n`;
  }
  for (const [from, to] of graph.edges) text += `${nodeId(from)} -> ${nodeId(to)}\n`;
  return `${text}}`;
}
