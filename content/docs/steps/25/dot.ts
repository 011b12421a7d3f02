import { print } from 'dezero/simple';

// The smallest DOT file: a directed graph named g with two nodes and one edge.
const smallest = ['digraph g {', 'x', 'y', 'x -> y', '}'];
print(smallest.join('\n'));
print();

// NEW: DeZero's two kinds of node, as DOT lines. An id (any unique number or word) comes first;
// the attributes in brackets say how to draw it. The label is what the picture shows.
function variableNode(id: number, label: string): string {
  return `${id} [label="${label}", color=orange, style=filled]`;
}
function functionNode(id: number, label: string): string {
  return `${id} [label="${label}", color=lightblue, style=filled, shape=box]`;
}
function edge(from: number, to: number): string {
  return `${from} -> ${to}`;
}

// z = x² + y², the graph of step 13: five variables, three functions, seven edges.
const lines = [
  variableNode(1, 'x'),
  variableNode(2, 'y'),
  functionNode(3, 'Square'),
  functionNode(4, 'Square'),
  variableNode(5, 'a'),
  variableNode(6, 'b'),
  functionNode(7, 'Add'),
  variableNode(8, 'z'),
  edge(1, 3),
  edge(3, 5),
  edge(2, 4),
  edge(4, 6),
  edge(5, 7),
  edge(6, 7),
  edge(7, 8),
];
print(['digraph g {', ...lines, '}'].join('\n'));
