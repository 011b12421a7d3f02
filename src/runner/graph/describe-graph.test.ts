import { test } from 'node:test';
import assert from 'node:assert/strict';
import { F, Variable, add, np } from '../../dezero/index.ts';
import { NodeIds, describeGraph, labelFrom } from './describe-graph.ts';
import type { GraphFunctionNode, GraphVariableNode } from './graph-report.ts';

const variables = (nodes: readonly { kind: string }[]): GraphVariableNode[] =>
  nodes.filter((n): n is GraphVariableNode => n.kind === 'variable');
const functions = (nodes: readonly { kind: string }[]): GraphFunctionNode[] =>
  nodes.filter((n): n is GraphFunctionNode => n.kind === 'function');

test('describes a graph: labels, shapes, values, generations, edges and gradients', () => {
  const x = new Variable(np.array([1.0, 2.0]), 'x');
  const a = F.exp(x);
  const y = F.sum(add(a, a));
  y.backward();
  const names = new Map<object, string>([[a, 'a']]);
  const graph = describeGraph(y, new NodeIds(), labelFrom(names));
  assert.equal(graph.title, 'output of Sum ()');
  assert.deepEqual(
    functions(graph.nodes).map((f) => [f.name, f.generation]),
    [
      ['Sum', 2],
      ['Add', 1],
      ['Exp', 0],
    ],
  );
  const byLabel = new Map(variables(graph.nodes).map((v) => [v.label, v]));
  const xNode = byLabel.get('x')!;
  assert.equal(xNode.shape, '(2,)');
  assert.equal(xNode.dtype, 'float64');
  assert.equal(xNode.valueFull, String(x.data));
  assert.equal(xNode.gradFull, String(x.grad!.data));
  assert.equal(byLabel.get('a')!.grad, null, 'intermediate gradients are not kept');
  assert.equal(graph.hasGradients, true);
  // a feeds Add twice: two edges, as the book's drawings have.
  const aId = byLabel.get('a')!.id;
  const add1 = functions(graph.nodes).find((f) => f.name === 'Add')!.id;
  assert.equal(graph.edges.filter(([from, to]) => from === aId && to === add1).length, 2);
  assert.equal(graph.edges.length, 7); // x->Exp->a, a->Add twice, Add->t, t->Sum->y
  assert.equal(graph.root, variables(graph.nodes)[0]!.id);
});

test('a graph too big to draw keeps the functions nearest the output and says how many there are', () => {
  let y = new Variable(np.array(0.5), 'x');
  for (let i = 0; i < 300; i++) y = F.sin(y);
  const graph = describeGraph(y, new NodeIds(), labelFrom(new Map()), 150);
  assert.equal(graph.drawnFunctions, 150);
  assert.equal(graph.totalFunctions, 300);
  assert.equal(graph.totalExact, true);
  const drawn = functions(graph.nodes).map((f) => f.generation);
  assert.deepEqual(
    drawn,
    [...Array(150).keys()].map((i) => 299 - i),
  );
  const cut = variables(graph.nodes).filter((v) => v.cut);
  assert.equal(cut.length, 1, 'the last drawn function has an input made by one not drawn');
  assert.equal(graph.hasGradients, false);
});

test('the texts of a large array are capped: numpy summarises, the drawing gets one short line', () => {
  const x = new Variable(np.arange(5000).reshape(50, 100), 'big');
  const graph = describeGraph(F.sum(x), new NodeIds(), labelFrom(new Map()));
  const big = variables(graph.nodes).find((v) => v.label === 'big')!;
  assert.equal(big.valueFull, String(x.data));
  assert.ok(big.valueFull.includes('...'));
  assert.ok(big.value.length <= 28 && !big.value.includes('\n'));
});
