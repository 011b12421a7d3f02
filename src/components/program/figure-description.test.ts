import { test } from 'node:test';
import assert from 'node:assert/strict';
import { F, Variable, np, utils } from '../../dezero/index.ts';
import { plt } from '../../dezero/plt.ts';
import { recorded } from '../../dezero/rich.ts';
import { describeGraph, describeRich } from './figure-description.ts';

test('a graph is described by its functions (boxes, by name) and variables (ellipses)', () => {
  const x = new Variable(np.array(1.0));
  x.name = 'x';
  const y = F.exp(x.mul(x).add(x.mul(2)));
  assert.equal(
    describeGraph(utils.getDotGraph(y)),
    'a computational graph of 4 functions (Exp, Add, Mul ×2) and 6 variables',
  );
  assert.equal(
    describeGraph('digraph g {\n1 [label="x", color=orange, style=filled]\n}'),
    'a computational graph of 0 functions and 1 variable',
  );
  assert.equal(
    describeRich({ kind: 'dot', dot: utils.getDotGraph(x.neg()), title: 'negation' }, 2),
    'Graph 2: negation, a computational graph of 1 function (Neg) and 2 variables',
  );
});

test('a plot is described by its title, marks, legend labels and axes', () => {
  plt.close('all');
  const start = recorded.length;
  plt.plot([0, 1, 2], [0, 1, 4], { label: 'y' });
  plt.plot([0, 1, 2], [0, 2, 8], { label: "y'" });
  plt.scatter([1], [1]);
  plt.title('a parabola');
  plt.xlabel('x');
  plt.ylabel('value');
  plt.show();
  const item = recorded.at(-1);
  assert.equal(recorded.length, start + 1);
  assert.ok(item);
  assert.equal(
    describeRich(item, 1),
    "Plot 1: a plot: “a parabola”; 2 lines, 1 scatter series; labelled y, y'; x axis “x”; y axis “value”",
  );
});

test('a figure of several plots describes each', () => {
  plt.close('all');
  plt.subplot(1, 2, 1);
  plt.plot([1, 2]);
  plt.subplot(1, 2, 2);
  plt.imshow(
    np.array([
      [0, 1],
      [1, 0],
    ]),
  );
  plt.axis('off');
  plt.show();
  const item = recorded.at(-1);
  assert.ok(item);
  assert.equal(describeRich(item, 3), 'Plot 3: 2 plots: (1) 1 line. (2) 1 image');
});
