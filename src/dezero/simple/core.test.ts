/**
 * The simple core of steps 23–31 (`dezero/simple`): a numerical gradient check for every
 * operator, random graphs whose gradients equal the full core's bit for bit (the two differ in
 * what a gradient is, not in its value), and what makes it the book's `core_simple`: gradients
 * are bare arrays, and backward records nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as simple from './index.ts';
import {
  Function,
  Variable,
  add,
  div,
  mul,
  neg,
  noGrad,
  np,
  pow,
  rdiv,
  rsub,
  sub,
} from './index.ts';
import type { VariableLike } from './index.ts';
import * as full from '../index.ts';
import { NDArray, fromFlat } from '../np/ndarray.ts';
import { gradientChecks, randomArray, seededRandom } from '../gradient-check.ts';

const { assertGradient, backpropGrad } = gradientChecks((data) => new Variable(data));
const rand = seededRandom(23);
const positive = (shape: number[]): NDArray => randomArray(rand, shape, 0.5, 2);

// ==== Gradient checks ====

const binaries: [string, (a: VariableLike, b: VariableLike) => Variable][] = [
  ['add', add],
  ['sub', sub],
  ['mul', mul],
  ['div', div],
  ['rsub', rsub],
  ['rdiv', rdiv],
];

for (const [name, op] of binaries) {
  test(`${name}: gradient check for both inputs, and numbers on either side`, () => {
    for (const shape of [[], [3], [2, 3]]) {
      // Positive values keep division away from zero.
      const a = positive(shape);
      const b = positive(shape);
      assertGradient(`${name} ${shape} wrt x0`, (x) => op(x, b), a);
      assertGradient(`${name} ${shape} wrt x1`, (x) => op(a, x), b);
      assertGradient(`${name}(x, 2.5) ${shape}`, (x) => op(x, 2.5), a);
      assertGradient(`${name}(2.5, x) ${shape}`, (x) => op(2.5, x), a);
    }
  });
}

test('neg and pow: gradient checks, pow for several exponents', () => {
  const a = positive([2, 3]);
  assertGradient('neg', (x) => neg(x), a);
  for (const c of [2, 3, 0.5, -1, 1.5]) assertGradient(`pow ${c}`, (x) => pow(x, c), a);
});

test("step 24's test functions and step 29's quartic: gradient checks", () => {
  const sphere = (x: Variable, y: Variable): Variable => x.pow(2).add(y.pow(2));
  const matyas = (x: Variable, y: Variable): Variable =>
    x.pow(2).add(y.pow(2)).mul(0.26).sub(x.mul(y).mul(0.48));
  const y0 = fromFlat([0.7], []);
  for (const f of [sphere, matyas]) {
    assertGradient(`${f.name} wrt x`, (x) => f(x, new Variable(y0)), positive([3]));
  }
  assertGradient('x⁴ − 2x²', (x) => x.pow(4).sub(x.pow(2).mul(2)), randomArray(rand, [4]));
});

// ==== The same values as the full core, bit for bit ====

/** The arithmetic both cores' Variables have, so one expression can be built in either. */
interface Arithmetic<V> {
  add(other: V | number): V;
  sub(other: V | number): V;
  mul(other: V | number): V;
  div(other: V | number): V;
  rsub(other: number): V;
  rdiv(other: number): V;
  pow(c: number): V;
  neg(): V;
}

type Op = <V extends Arithmetic<V>>(a: V, b: V) => V;

// Every op keeps values bounded, so no graph blows up whatever the order.
const ops: Op[] = [
  (a, b) => a.add(b),
  (a, b) => a.sub(b),
  (a, b) => a.mul(b),
  (a, b) => a.div(b.mul(b).add(1)),
  (a) => a.neg(),
  (a) => a.mul(0.5).add(2),
  (_, b) => b.rsub(1),
  (a) => a.mul(a).add(1).rdiv(1),
  (a, b) => a.mul(0.9).pow(3).sub(b),
];

interface Program {
  steps: { op: number; a: number; b: number }[];
  outputs: number[];
}

function randomProgram(inputs: number, length: number): Program {
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

function run<V extends Arithmetic<V>>(program: Program, inputs: V[]): V {
  const nodes = [...inputs];
  for (const { op, a, b } of program.steps) nodes.push(ops[op]!(nodes[a]!, nodes[b]!));
  let y = nodes[program.outputs[0]!]!;
  for (const i of program.outputs.slice(1)) y = y.add(nodes[i]!.mul(0.3));
  return y;
}

test('random graphs: central differences agree, and every gradient equals the full core’s bit for bit', () => {
  for (let g = 0; g < 40; g++) {
    const program = randomProgram(3, 4 + Math.floor(rand() * 14));
    const arrays = [0, 1, 2].map(() => randomArray(rand, [2, 3]));
    arrays.forEach((a, k) => {
      const others = (x: Variable): Variable[] =>
        arrays.map((b, j) => (j === k ? x : new Variable(b)));
      assertGradient(`graph ${g} input ${k}`, (x) => run(program, others(x)), a);
    });
    const ours = arrays.map((a) => new Variable(a));
    const theirs = arrays.map((a) => new full.Variable(a));
    run(program, ours).backward();
    run(program, theirs).backward();
    ours.forEach((v, k) => {
      const reference = theirs[k]!.grad;
      assert.equal(v.grad === null, reference === null, `graph ${g} input ${k}: reached`);
      if (v.grad && reference)
        assert.deepEqual(v.grad.toFlat(), reference.data.toFlat(), `graph ${g} input ${k}`);
    });
  }
});

// ==== What makes it the simple core ====

test('a gradient is a bare array and prints as one: 8.0, not variable(8.0)', () => {
  const x = new Variable(np.array(1.0));
  const y = x.add(3).pow(2);
  y.backward();
  assert.ok(x.grad instanceof NDArray);
  assert.equal(String(y), 'variable(16.0)');
  assert.equal(String(x.grad), '8.0');
  const v = new Variable(np.array([[1, 2, 3]]));
  v.mul(v).backward();
  assert.equal(String(v.grad), '[[2. 4. 6.]]');
});

test('backward records nothing, whatever Config says: the gradient has no history', () => {
  class Probe extends Function {
    override forward(x: NDArray): NDArray {
      return x.mul(2);
    }
    override backward(gy: NDArray): NDArray {
      assert.equal(simple.Config.enableBackprop, true, 'the simple core leaves the switch alone');
      return gy.mul(2);
    }
  }
  const x = new Variable(np.array(3.0));
  new Probe().call(x).mul(x).backward();
  assert.equal(String(x.grad), '12.0');
  assert.equal((x.grad as unknown as { creator?: unknown }).creator, undefined);
});

test('there is no createGraph: asking for it says where it lives', () => {
  const x = new Variable(np.array(2.0));
  const y = x.mul(x);
  assert.throws(
    () => y.backward({ createGraph: true } as simple.BackwardOptions),
    /the simple core has no createGraph: .*import from 'dezero' for the full core \(step 32\)/,
  );
});

test('generations order the backward pass (step 16) and retainGrad keeps intermediate grads', () => {
  const x = new Variable(np.array(2.0));
  const a = x.pow(2);
  const y = a.pow(2).add(a.pow(2));
  y.backward();
  assert.equal(String(x.grad), '64.0');
  assert.equal(a.grad, null);
  x.cleargrad();
  const z = x.pow(2).add(x.pow(2));
  z.backward({ retainGrad: true });
  assert.equal(String(z.grad), '1.0');
  assert.equal(String(x.grad), '8.0');
});

test('noGrad: a result with no creator, so backward stops at it', () => {
  const x = new Variable(np.array(2.0));
  const y = noGrad(() => x.mul(x));
  assert.equal(y.creator, null);
  y.backward();
  assert.equal(x.grad, null);
  assert.equal(String(y.grad), '1.0');
});

test('operators take numbers and arrays on either side, as Python’s reflected ones', () => {
  const x = new Variable(np.array(2.0));
  const show = (v: Variable): string => String(v);
  assert.deepEqual(
    [x.add(3), x.sub(3), x.rsub(3), x.mul(3), x.div(4), x.rdiv(4), x.neg(), x.pow(3)].map(show),
    [5, -1, 1, 6, 0.5, 2, -2, 8].map((n) => `variable(${n.toFixed(1)})`),
  );
  assert.equal(show(add(np.array(1.0), x)), 'variable(3.0)');
});

test('no broadcasting in backward, as in the book: a broadcast input gets the output’s shape of gradient', () => {
  const x = new Variable(np.array([1.0, 2.0, 3.0]));
  const w = new Variable(np.array(2.0));
  const y = x.mul(w);
  assert.equal(String(y), 'variable([2. 4. 6.])');
  y.backward();
  // Step 40 describes this and fixes it in the full core, where w.grad is the sum, 6.0.
  assert.equal(String(x.grad), '[2. 2. 2.]');
  assert.equal(String(w.grad), '[1. 2. 3.]');
});

test('a backward rule must return one gradient per input', () => {
  class Half extends Function {
    override forward(x0: NDArray, x1: NDArray): NDArray {
      return x0.add(x1);
    }
    override backward(gy: NDArray): NDArray {
      return gy;
    }
  }
  const y = new Half().call(np.array(1.0), np.array(2.0));
  assert.throws(() => y.backward(), /Half\.backward returned 1 gradients for 2 inputs/);
});

test('data: numbers are refused, and an assignment error shows the simple core’s update', () => {
  assert.throws(() => new Variable(1.0 as unknown as NDArray), /wrap it in an np array/);
  const x = new Variable(np.array(1.0));
  assert.throws(() => {
    x.data = 0.5 as unknown as NDArray;
  }, /x\.data = x\.data\.sub\(x\.grad\.mul\(lr\)\)/);
});

test('utils: the same DOT text as the full core for the same graph, and numericalDiff', () => {
  const build = <V extends Arithmetic<V> & { name: string | null }>(x: V, y: V): V => {
    x.name = 'x';
    y.name = 'y';
    const z = x.pow(2).add(y.mul(x)).sub(1);
    z.name = 'z';
    return z;
  };
  const a = np.array(2.0);
  const b = np.array([1.0, 2.0]);
  const ours = build(new Variable(a), new Variable(b));
  const theirs = build(new full.Variable(a), new full.Variable(b));
  assert.equal(simple.utils.getDotGraph(ours), full.utils.getDotGraph(theirs));
  const d = simple.utils.numericalDiff((v) => v.pow(3), new Variable(np.array(2.0)));
  assert.ok(Math.abs(d.item() - 12) < 1e-6);
  assert.deepEqual(
    backpropGrad((v) => v.pow(3), np.array([2.0])),
    Float64Array.of(12),
  );
});
