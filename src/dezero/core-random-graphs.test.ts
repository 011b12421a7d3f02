/**
 * Random expression graphs built only through the public names a lesson uses (`x.add(y)`,
 * `F.sin(x)`, `y.backward()`, `x.grad`, `x.cleargrad()`), checked against central differences.
 * Each graph reuses earlier nodes, so variables feed several functions and shapes broadcast.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Variable, F, add, rsub, rdiv, np } from './index.ts';
import type { NDArray } from './index.ts';
import { numericalGrad, randomArray, seededRandom } from './gradient-check.ts';

type Node = Variable;
type Op = (a: Node, b: Node) => Node;

// Every op keeps values bounded, so no graph blows up whatever the order.
const ops: [string, Op][] = [
  ['a + b', (a, b) => a.add(b)],
  ['a - b', (a, b) => a.sub(b)],
  ['a * b', (a, b) => a.mul(b)],
  ['a / (1 + b²)', (a, b) => a.div(b.mul(b).add(1))],
  ['sin a', (a) => F.sin(a)],
  ['cos a', (a) => F.cos(a)],
  ['tanh(a * b)', (a, b) => F.tanh(a.mul(b))],
  ['exp(tanh a)', (a) => F.exp(F.tanh(a))],
  ['log(1 + a²)', (a) => F.log(F.square(a).add(1))],
  ['a³ / 3', (a) => F.tanh(a).pow(3).div(3)],
  ['-a', (a) => a.neg()],
  ['2 + 0.5a', (a) => add(2, a.mul(0.5))],
  ['1 - b', (_, b) => rsub(b, 1)],
  ['1 / (1 + a²)', (a) => rdiv(a.mul(a).add(1), 1)],
];

interface Program {
  steps: { op: number; a: number; b: number }[];
  outputs: number[];
}

function randomProgram(rand: () => number, inputs: number, length: number): Program {
  const pick = (n: number): number => Math.floor(rand() * n);
  const steps = [];
  for (let i = 0; i < length; i++) {
    const available = inputs + i;
    // Favour recent nodes so graphs are deep, but any node may be reused.
    const recent = (): number =>
      rand() < 0.6 ? available - 1 - pick(Math.min(3, available)) : pick(available);
    steps.push({ op: pick(ops.length), a: recent(), b: recent() });
  }
  const total = inputs + length;
  return { steps, outputs: [total - 1, pick(total), pick(total)] };
}

function run(program: Program, inputs: Node[]): Node {
  const nodes = [...inputs];
  for (const { op, a, b } of program.steps) nodes.push(ops[op]![1](nodes[a]!, nodes[b]!));
  let y = F.sum(nodes[program.outputs[0]!]!);
  for (const i of program.outputs.slice(1)) y = y.add(F.sum(nodes[i]!).mul(0.3));
  return y;
}

const shapes = [[2, 3], [3], []];

test('random expression graphs: backprop matches central differences for every input', () => {
  const rand = seededRandom(2024);
  for (let g = 0; g < 60; g++) {
    const program = randomProgram(rand, shapes.length, 4 + Math.floor(rand() * 14));
    const arrays: NDArray[] = shapes.map((s) => randomArray(rand, s));
    const vars = arrays.map((a) => new Variable(a));
    const y = run(program, vars);
    y.backward();
    arrays.forEach((a, k) => {
      const numerical = numericalGrad(
        (x) =>
          run(
            program,
            vars.map((v, j) => (j === k ? x : new Variable(v.data))),
          ),
        a,
      );
      const grad = vars[k]!.grad;
      // An input the output does not reach has no gradient.
      const backprop = grad === null ? new Float64Array(a.size) : grad.data.toFlat();
      if (grad !== null) assert.deepEqual(grad.shape, a.shape, `graph ${g} input ${k}: grad shape`);
      for (let i = 0; i < numerical.length; i++) {
        const err = Math.abs(numerical[i]! - backprop[i]!);
        assert.ok(
          err <= 1e-5 + 1e-4 * Math.abs(backprop[i]!),
          `graph ${g} input ${k}[${i}]: ${numerical[i]} vs ${backprop[i]}`,
        );
      }
    });
  }
});

test('a second backward adds to the gradients; cleargrad resets them', () => {
  const rand = seededRandom(7);
  const program = randomProgram(rand, shapes.length, 12);
  const vars = shapes.map((s) => new Variable(randomArray(rand, s)));
  run(program, vars).backward();
  const first = vars.map((v) => np.copy(v.grad?.data ?? np.zeros(v.shape)));
  run(program, vars).backward();
  vars.forEach((v, k) => {
    if (v.grad) assert.deepEqual(v.grad.data.tolist(), first[k]!.mul(2).tolist());
  });
  for (const v of vars) v.cleargrad();
  run(program, vars).backward();
  vars.forEach((v, k) => {
    if (v.grad) assert.deepEqual(v.grad.data.tolist(), first[k]!.tolist());
  });
});
