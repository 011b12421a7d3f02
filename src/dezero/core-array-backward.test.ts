/**
 * `backward()` without `createGraph` runs each built-in function's `backwardArrays`; with it, the
 * book's `backward` on Variables. The second is the reference: every function, dtype and
 * broadcast here must give the same gradients, bit for bit, dtype and shape included, both ways.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { F, Function, Variable, add, div, models, mul, np, pow, rdiv, rsub, sub } from './index.ts';
import type { NDArray } from './index.ts';
import { Mul } from './operators.ts';
import { Sin } from './functions.ts';
import { randomArray, seededRandom } from './gradient-check.ts';

/** dtype, shape and every value (deepStrictEqual tells -0 from 0) of a gradient. */
function bits(v: Variable | null): unknown {
  if (v === null) return null;
  return [v.data.dtype, v.data.shape, Array.from(v.data.toFlat())];
}

type Build = () => { inputs: Variable[]; y: Variable };

/** Builds the graph twice, differentiates it both ways, and compares every input's gradient. */
function sameBothWays(name: string, build: Build): void {
  const fast = build();
  fast.y.backward();
  const reference = build();
  reference.y.backward({ createGraph: true });
  fast.inputs.forEach((x, i) =>
    assert.deepEqual(bits(x.grad), bits(reference.inputs[i]!.grad), `${name}: input ${i}`),
  );
}

/** An input from a seeded generator: the same values on every build. */
function input(seed: number, shape: number[], dtype: 'float32' | 'float64' = 'float64'): Variable {
  const a = randomArray(seededRandom(seed), shape);
  return new Variable(dtype === 'float64' ? a : a.astype(dtype));
}

const shapePairs: [number[], number[]][] = [
  [
    [2, 3],
    [2, 3],
  ],
  [[2, 3], [3]],
  [[2, 3], []],
  [
    [2, 1],
    [1, 3],
  ],
  [[], []],
];
const dtypePairs: ['float32' | 'float64', 'float32' | 'float64'][] = [
  ['float64', 'float64'],
  ['float32', 'float32'],
  ['float32', 'float64'],
];

test('the operators: + - * / and reflected forms, on every broadcast and dtype pair, and with numbers', () => {
  const ops: [string, (a: Variable, b: Variable) => Variable][] = [
    ['add', add],
    ['sub', sub],
    ['mul', mul],
    ['div', (a, b) => div(a, b.mul(b).add(1))],
    ['rsub', rsub],
    ['rdiv', (a, b) => rdiv(b.mul(b).add(1), a)],
  ];
  for (const [name, op] of ops)
    for (const [sa, sb] of shapePairs)
      for (const [da, db] of dtypePairs) {
        sameBothWays(`${name} ${sa} ${da} / ${sb} ${db}`, () => {
          const a = input(1, sa, da);
          const b = input(2, sb, db);
          return { inputs: [a, b], y: F.sum(op(a, b).mul(op(b, a))) };
        });
      }
  for (const dtype of ['float32', 'float64'] as const)
    sameBothWays(`numbers, ${dtype}`, () => {
      const x = input(3, [2, 3], dtype);
      const y = add(2, x.mul(0.5))
        .sub(3)
        .div(1.5)
        .add(rsub(x, 1))
        .add(rdiv(x.mul(x).add(1), 2));
      return { inputs: [x], y: F.sum(y.neg()) };
    });
});

test('pow, square, exp, log, sin, cos, tanh, sigmoid, on both float dtypes', () => {
  const fns: [string, (x: Variable) => Variable][] = [
    ['pow 3', (x) => pow(x, 3)],
    ['pow 2', (x) => x.pow(2)],
    ['pow 0.5', (x) => x.mul(x).add(1).pow(0.5)],
    ['square', F.square],
    ['exp', F.exp],
    ['log', (x) => F.log(x.mul(x).add(0.5))],
    ['sin', F.sin],
    ['cos', F.cos],
    ['tanh', F.tanh],
    ['sigmoid', F.sigmoid],
    ['relu', F.relu],
    ['clip', (x) => F.clip(x, -0.3, 0.4)],
  ];
  for (const [name, fn] of fns)
    for (const dtype of ['float32', 'float64'] as const)
      for (const shape of [[2, 3], []]) {
        sameBothWays(`${name} ${dtype} ${shape}`, () => {
          const x = input(4, shape, dtype);
          // Twice, so the outer call's gradient is not all ones.
          return { inputs: [x], y: F.sum(fn(fn(x).mul(0.7))) };
        });
      }
});

test('reshape, transpose, sum, sumTo, broadcastTo, getItem', () => {
  const fns: [string, number[], (x: Variable) => Variable][] = [
    ['reshape', [2, 3], (x) => F.reshape(x, [3, 2]).mul(x.reshape(6).reshape(3, 2))],
    ['transpose', [2, 3, 4], (x) => F.transpose(x, [1, 0, 2]).mul(x.transpose(1, 0, 2))],
    ['T', [2, 3], (x) => x.T.mul(x.T)],
    ['sum all', [2, 3], (x) => F.sum(x).mul(x)],
    ['sum axis 0', [2, 3], (x) => F.sum(x, 0).mul(x)],
    ['sum axis -1 keepdims', [2, 3], (x) => F.sum(x, -1, true).mul(x)],
    ['sum axes', [2, 3, 2], (x) => F.sum(x, [0, 2]).mul(F.sum(x, [0, 2]))],
    ['sumTo', [2, 3], (x) => F.sumTo(x, [1, 3]).mul(F.sumTo(x, [3]))],
    ['broadcastTo', [3], (x) => F.broadcastTo(x, [2, 3]).mul(F.broadcastTo(x, [2, 3]))],
    ['getItem row', [3, 4], (x) => F.getItem(x, 1).mul(F.getItem(x, -1))],
    ['getItem slices', [3, 4], (x) => x.getItem(':', '1:3').mul(x.getItem('::-1', '::2'))],
    ['getItem repeats', [3, 4], (x) => x.getItem(np.array([0, 0, 2], { dtype: 'int64' })).mul(2)],
  ];
  for (const [name, shape, fn] of fns)
    for (const dtype of ['float32', 'float64'] as const) {
      sameBothWays(`${name} ${dtype}`, () => {
        const x = input(5, shape, dtype);
        return { inputs: [x], y: F.sum(fn(x).mul(fn(x))) };
      });
    }
});

test('matmul and linear (float32 weights, float64 or float32 data, with and without bias)', () => {
  for (const dx of ['float32', 'float64'] as const) {
    sameBothWays(`matmul ${dx}`, () => {
      const x = input(6, [5, 3], dx);
      const W = input(7, [3, 4], 'float32');
      return { inputs: [x, W], y: F.sum(F.sigmoid(F.matmul(x, W)).mul(x.dot(W))) };
    });
    for (const bias of [true, false]) {
      sameBothWays(`linear ${dx} bias ${bias}`, () => {
        const x = input(8, [5, 3], dx);
        const W = input(9, [3, 4], 'float32');
        const b = input(10, [4], 'float32');
        const y = F.linear(F.sigmoid(F.linear(x, W, bias ? b : null)).reshape(5, 4), W.T, null);
        return { inputs: [x, W, b], y: F.sum(y.mul(y)) };
      });
    }
  }
});

test('softmax, logSoftmax, softmaxCrossEntropy, meanSquaredError', () => {
  for (const dtype of ['float32', 'float64'] as const) {
    const t = np.array([2, 0, 1, 2, 2], { dtype: 'int64' });
    sameBothWays(`softmax ${dtype}`, () => {
      const x = input(11, [5, 3], dtype);
      return { inputs: [x], y: F.sum(F.softmax(x).mul(x)) };
    });
    sameBothWays(`softmax axis 0 ${dtype}`, () => {
      const x = input(12, [5, 3], dtype);
      return { inputs: [x], y: F.sum(F.softmax(x, 0).mul(x)) };
    });
    sameBothWays(`logSoftmax ${dtype}`, () => {
      const x = input(13, [5, 3], dtype);
      return { inputs: [x], y: F.sum(F.logSoftmax(x).mul(x)) };
    });
    sameBothWays(`softmaxCrossEntropy ${dtype}`, () => {
      const x = input(14, [5, 3], dtype);
      const labels = new Variable(t);
      return { inputs: [x, labels], y: F.softmaxCrossEntropy(x.mul(2), labels) };
    });
    sameBothWays(`meanSquaredError ${dtype}`, () => {
      const a = input(15, [5, 2], dtype);
      const b = input(16, [5, 2], dtype);
      return { inputs: [a, b], y: F.meanSquaredError(F.tanh(a), b) };
    });
  }
});

test('random graphs of mixed dtypes, intermediate gradients kept (retainGrad) compared too', () => {
  const rand = seededRandom(99);
  const ops: ((a: Variable, b: Variable) => Variable)[] = [
    (a, b) => a.add(b),
    (a, b) => a.sub(b),
    (a, b) => a.mul(b),
    (a, b) => a.div(b.mul(b).add(1)),
    (a) => F.sin(a),
    (a) => F.tanh(a).pow(3),
    (a) => F.exp(F.tanh(a)),
    (a) => F.sigmoid(a).mul(2),
    (a) => rsub(a, 1),
  ];
  const shapes = [[2, 3], [3], []];
  for (let g = 0; g < 40; g++) {
    const steps = Array.from({ length: 4 + Math.floor(rand() * 12) }, () => [
      Math.floor(rand() * ops.length),
      rand(),
      rand(),
    ]);
    const dtypes = shapes.map((): 'float32' | 'float64' => (rand() < 0.5 ? 'float32' : 'float64'));
    const run = (createGraph: boolean): (Variable | null)[] => {
      const inputs = shapes.map((s, i) => input(100 * g + i, s, dtypes[i]));
      const nodes = [...inputs];
      for (const [op, a, b] of steps) {
        const pick = (r: number): Variable => nodes[Math.floor(r * nodes.length)]!;
        nodes.push(ops[op!]!(pick(a!), pick(b!)));
      }
      F.sum(nodes.at(-1)!).backward({ retainGrad: true, createGraph });
      return nodes.map((v) => v.grad);
    };
    const fast = run(false).map(bits);
    assert.deepEqual(fast, run(true).map(bits), `graph ${g}`);
  }
});

test('a second-order gradient (getItem, sin, pow): the gradient graph differentiated both ways', () => {
  for (const dtype of ['float32', 'float64'] as const) {
    sameBothWays(`double backward ${dtype}`, () => {
      const x = input(17, [4], dtype);
      const y = F.sum(F.sin(x.getItem(np.array([0, 2, 2], { dtype: 'int64' }))).pow(3));
      y.backward({ createGraph: true });
      const gx = x.grad!;
      x.cleargrad();
      return { inputs: [x], y: F.sum(gx.mul(gx)) };
    });
  }
});

test('a gradient handed to two inputs is one Variable on both paths, as in the book', () => {
  for (const createGraph of [false, true]) {
    const x = new Variable(np.array(2.0));
    const y = new Variable(np.array(3.0));
    const z = add(x, y);
    z.backward({ retainGrad: true, createGraph });
    assert.equal(x.grad, y.grad);
    assert.equal(x.grad, z.grad);
    const a = new Variable(np.array([1, 2]));
    const b = new Variable(np.array([3, 4]));
    sub(a, b).backward({ createGraph });
    assert.notEqual(a.grad, b.grad);
    assert.deepEqual(bits(b.grad), ['float64', [2], [-1, -1]]);
  }
});

test('a subclass that overrides backward, or a backward patched in place, runs what it says', () => {
  let calls = 0;
  class LoudMul extends Mul {
    override backward(gy: Variable): Variable[] {
      calls++;
      return super.backward(gy);
    }
  }
  const x = new Variable(np.array(3.0));
  new LoudMul().call(x, x).backward();
  assert.deepEqual([calls, x.grad!.data.item()], [1, 6]);

  const saved = Object.getOwnPropertyDescriptor(Sin.prototype, 'backward')!;
  try {
    Sin.prototype.backward = function (this: Sin, gy: Variable): Variable {
      calls++;
      return (saved.value as (gy: Variable) => Variable).call(this, gy).mul(10);
    };
    const v = new Variable(np.array(0.0));
    F.sin(v).backward();
    assert.deepEqual([calls, v.grad!.data.item()], [2, 10]);
  } finally {
    Object.defineProperty(Sin.prototype, 'backward', saved);
  }
  const v = new Variable(np.array(0.0));
  F.sin(v).backward();
  assert.deepEqual([calls, v.grad!.data.item()], [2, 1]);

  // A lesson's own Function has no backwardArrays: its backward runs.
  class Cube extends Function {
    override forward(a: NDArray): NDArray {
      return a.pow(3);
    }
    override backward(gy: Variable): Variable {
      calls++;
      return gy.mul(this.inputs[0]!.pow(2).mul(3));
    }
  }
  const c = new Variable(np.array(2.0));
  new Cube().call(c).backward();
  assert.deepEqual([calls, c.grad!.data.item()], [3, 12]);
});

test('a gradient summed in place never reaches a variable that shares it', () => {
  // h's gradient is a sum (h is used twice), then Add hands that same array to x and c; c gets
  // one more term later, from a function of lower generation. Summed in place, that term would
  // also land in h's and x's gradients.
  const build = () => {
    const a = new Variable(np.array([1, 2, 3]));
    const k = new Variable(np.array([0.5, 0.25, 2]));
    const c = k.mul(1);
    const x = a.mul(1).mul(1).mul(1);
    const h = x.add(c);
    const y = F.sum(h.mul(h)).add(F.sum(c.mul(5)));
    return { h, x, c, y, inputs: [a, k] };
  };
  const fast = build();
  fast.y.backward({ retainGrad: true });
  const reference = build();
  reference.y.backward({ retainGrad: true, createGraph: true });
  for (const name of ['h', 'x', 'c'] as const) {
    assert.deepEqual(bits(fast[name].grad), bits(reference[name].grad), name);
  }
  assert.deepEqual(Array.from(fast.h.grad!.data.toFlat()), [3, 4.5, 10]);
  assert.deepEqual(Array.from(fast.c.grad!.data.toFlat()), [8, 9.5, 15]);
  fast.inputs.forEach((v, i) => assert.deepEqual(bits(v.grad), bits(reference.inputs[i]!.grad)));
});

test('a weight used at many steps gets one gradient array, summed in place, equal to the sum', () => {
  const w = new Variable(
    np.array([
      [0.5, -1],
      [2, 0.25],
    ]),
  );
  let h = new Variable(np.array([[1, 1]]));
  for (let t = 0; t < 5; t++) h = F.tanh(F.matmul(h, w));
  const y = F.sum(h);
  y.backward();
  const fast = w.grad!;
  const seen = fast.data;
  const reference = new Variable(
    np.array([
      [0.5, -1],
      [2, 0.25],
    ]),
  );
  let hr = new Variable(np.array([[1, 1]]));
  for (let t = 0; t < 5; t++) hr = F.tanh(F.matmul(hr, reference));
  F.sum(hr).backward({ createGraph: true });
  assert.deepEqual(bits(fast), bits(reference.grad));
  // A later backward without cleargrads sums into a new array: the one the program holds stays.
  const before = Array.from(seen.toFlat());
  y.backward();
  assert.deepEqual(Array.from(seen.toFlat()), before);
  assert.notEqual(w.grad!.data, seen);
});

test('linear: a weight used at many steps sums xᵀ·gy straight into its gradient, bit for bit', () => {
  for (const dtype of ['float64', 'float32'] as const) {
    const build = () => {
      const W = input(11, [3, 3], dtype);
      const b = input(12, [3], dtype);
      const U = input(13, [2, 3], dtype);
      let h = input(14, [2, 3], dtype);
      // W at seven steps, U (through its own input, x) at each of them too.
      for (let t = 0; t < 7; t++)
        h = F.tanh(F.linear(h, W, b).add(F.matmul(input(20 + t, [2, 2], dtype), U)));
      return { inputs: [W, b, U], y: F.sum(h) };
    };
    sameBothWays(`linear ${dtype}`, build);
  }
});

test('cleargrads keeps a weight gradient the program never read, and the next pass writes into it', () => {
  const steps = (readGrad: boolean) => {
    np.random.seed(0);
    const model = new models.MLP([5, 3]);
    const x = np.random.randn(4, 2);
    const seen: { array: NDArray; values: number[] }[] = [];
    for (let step = 0; step < 3; step++) {
      const loss = F.sum(model.call(x));
      model.cleargrads();
      loss.backward();
      const W = model.params().next().value!;
      const grad = readGrad ? W.grad! : W._grad!; // _grad: the engine's own look, not the program's
      seen.push({ array: grad.data, values: Array.from(grad.data.toFlat()) });
      W.data.isub(grad.data.mul(0.1));
    }
    return seen;
  };
  const quiet = steps(false);
  const read = steps(true);
  // Same numbers either way, step by step.
  assert.deepEqual(
    quiet.map((s) => s.values),
    read.map((s) => s.values),
  );
  // Never read: one array serves every step. Read: each step's stays as the program saw it.
  assert.equal(quiet[1]!.array, quiet[0]!.array);
  assert.equal(quiet[2]!.array, quiet[0]!.array);
  assert.notEqual(read[1]!.array, read[0]!.array);
  read.forEach((s) => assert.deepEqual(Array.from(s.array.toFlat()), s.values));
});
