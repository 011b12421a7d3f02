import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Variable, Function, add, mul, asVariable, asArray } from './index.ts';
import type { NDArray } from './np/ndarray.ts';
import { fromFlat } from './np/ndarray.ts';
import * as F from './functions.ts';
import { noGrad, usingConfig } from './config.ts';

const scalar = (v: number): Variable => new Variable(fromFlat([v], []));
const values = (v: Variable | null): number[] => Array.from(v!.data.toFlat());

test('Variable wraps arrays and Variables, refuses numbers (the book step 9)', () => {
  const a = fromFlat([1, 2, 3, 4, 5, 6], [2, 3]);
  const x = new Variable(a, 'x');
  assert.equal(x.data, a);
  assert.equal(new Variable(x).data, a);
  assert.throws(() => new Variable(1.0 as unknown as NDArray), TypeError);
  const empty = new Variable(null, 'W');
  assert.equal(empty.hasData, false);
  assert.equal(String(empty), 'variable(None)');
  assert.throws(() => empty.shape, TypeError);
  empty.data = a;
  assert.equal(empty.hasData, true);
  empty.data = null;
  assert.equal(empty.hasData, false);
  assert.deepEqual(
    [x.name, x.shape, x.ndim, x.size, x.dtype, x.length],
    ['x', [2, 3], 2, 6, 'float64', 2],
  );
  assert.throws(() => scalar(1).length, TypeError);
  assert.equal(new Variable(a).name, null);
});

test('Variable prints as DeZero repr, continuation lines indented by 9 spaces (book step 19)', () => {
  const x = new Variable(fromFlat([1, 2, 3, 4, 5, 6], [2, 3], 'int64'));
  assert.equal(String(x), 'variable([[1 2 3]\n          [4 5 6]])');
  assert.equal(String(scalar(7)), 'variable(7.0)');
});

test('asVariable and asArray convert numbers and arrays, keep Variables', () => {
  const x = scalar(2);
  assert.equal(asVariable(x), x);
  assert.equal(String(asVariable(3)), 'variable(3.0)');
  const a = fromFlat([1], []);
  assert.equal(asArray(a), a);
  assert.equal(asArray(2.5).dtype, 'float64');
  assert.deepEqual(asArray(2.5).shape, []);
});

test('call returns one Variable for one output and an array for several; links the graph', () => {
  class Split extends Function<Variable[]> {
    override forward(x: NDArray): NDArray[] {
      return [x.mul(2), x.mul(3)];
    }
    override backward(g0: Variable, g1: Variable): Variable {
      return g0.mul(2).add(g1.mul(3));
    }
  }
  const x = scalar(1);
  const f = new Split();
  const [a, b] = f.call(x);
  assert.deepEqual([values(a!), values(b!)], [[2], [3]]);
  assert.equal(a!.creator, f);
  assert.deepEqual(f.inputs, [x]);
  assert.deepEqual(f.outputs, [a, b]);
  assert.equal(a!.generation, 1);
  // Only `a` is used: b's gradient is taken as zero.
  a!.mul(a!).backward();
  assert.deepEqual(values(x.grad), [8]);
  x.cleargrad();
  add(a!, b!).backward();
  assert.deepEqual(values(x.grad), [5]);
});

test('a Function without forward or backward says so', () => {
  class Half extends Function {}
  assert.throws(() => new Half().call(scalar(1)), /Half does not implement forward/);
  class Twice extends Function {
    override forward(x: NDArray): NDArray {
      return x.mul(2);
    }
  }
  assert.throws(() => new Twice().call(scalar(1)).backward(), /Twice does not implement backward/);
});

test('z = x² + y² at (2, 3): several inputs (book step 13)', () => {
  const x = scalar(2);
  const y = scalar(3);
  const z = add(F.square(x), F.square(y));
  z.backward();
  assert.deepEqual([values(z), values(x.grad), values(y.grad)], [[13], [4], [6]]);
});

test('a variable used twice gets its gradients added; cleargrad starts over (book step 14)', () => {
  const x = scalar(3);
  add(x, x).backward();
  assert.deepEqual(values(x.grad), [2]);
  x.cleargrad();
  assert.equal(x.grad, null);
  add(add(x, x), x).backward();
  assert.deepEqual(values(x.grad), [3]);
});

test('backward runs in generation order on a diamond, ties as DeZero pops them (book step 16)', () => {
  const order: string[] = [];
  class Sq extends Function {
    readonly label: string;
    constructor(label: string) {
      super();
      this.label = label;
    }
    override forward(x: NDArray): NDArray {
      return x.mul(x);
    }
    override backward(gy: Variable): Variable {
      order.push(this.label);
      return this.inputs[0]!.mul(2).mul(gy);
    }
  }
  const x = scalar(2);
  const a = new Sq('a').call(x);
  const y = add(new Sq('b').call(a), new Sq('c').call(a));
  y.backward();
  assert.deepEqual(values(y), [32]);
  assert.deepEqual(values(x.grad), [64]);
  // DeZero sorts by generation and pops the last: of b and c (both generation 1), c was added last.
  assert.deepEqual(order, ['c', 'b', 'a']);
  assert.deepEqual([x.generation, a.generation, y.generation], [0, 1, 3]);
});

test('a long chain with a shortcut: every function runs once, after all its consumers', () => {
  const x = scalar(0.5);
  let h = x;
  const n = 200;
  for (let i = 0; i < n; i++) h = add(F.sin(h), mul(h, 0.5));
  const y = add(h, x);
  y.backward();
  // d/dh of (sin h + h/2) chained by hand.
  let hv = 0.5;
  let d = 1;
  for (let i = 0; i < n; i++) {
    d *= Math.cos(hv) + 0.5;
    hv = Math.sin(hv) + 0.5 * hv;
  }
  assert.ok(Math.abs(values(x.grad)[0]! - (d + 1)) < 1e-9 * Math.abs(d + 1));
});

test('retainGrad: intermediate gradients are freed unless asked for (book step 18)', () => {
  const x0 = scalar(1);
  const x1 = scalar(1);
  const t = add(x0, x1);
  const y = add(x0, t);
  y.backward();
  assert.equal(y.grad, null);
  assert.equal(t.grad, null);
  assert.deepEqual([values(x0.grad), values(x1.grad)], [[2], [1]]);
  const t2 = add(x0, x1);
  const y2 = add(x0, t2);
  y2.backward({ retainGrad: true });
  assert.deepEqual([values(y2.grad), values(t2.grad)], [[1], [1]]);
});

test('noGrad: results have no creator, and backward from them reaches nothing', () => {
  const x = scalar(2);
  const y = noGrad(() => F.square(x));
  assert.equal(y.creator, null);
  assert.equal(y.generation, 0);
  y.backward();
  assert.equal(x.grad, null);
  assert.ok(F.square(x).creator !== null);
});

test('gradients are Variables; createGraph records the backward pass (book step 36: 100)', () => {
  const x = scalar(2);
  const y = x.pow(2);
  y.backward({ createGraph: true });
  const gx = x.grad!;
  assert.ok(gx instanceof Variable);
  assert.ok(gx.creator !== null);
  x.cleargrad();
  const z = gx.pow(3).add(y);
  z.backward();
  assert.equal(String(x.grad), 'variable(100.0)');
  // Without createGraph the gradient is a leaf.
  const w = scalar(2);
  w.pow(2).backward();
  assert.equal(w.grad!.creator, null);
});

test('Newton iterates for y = x⁴ − 2x² from x = 2 (book step 33)', () => {
  const expected = [
    '2.0',
    '1.4545454545454546',
    '1.1510467893775467',
    '1.0253259289766978',
    '1.0009084519430513',
    '1.0000012353089454',
    '1.000000000002289',
    '1.0',
    '1.0',
    '1.0',
  ];
  const x = scalar(2);
  const seen: string[] = [];
  for (let i = 0; i < 10; i++) {
    seen.push(String(x));
    const y = x.pow(4).sub(x.pow(2).mul(2));
    x.cleargrad();
    y.backward({ createGraph: true });
    const gx = x.grad!;
    x.cleargrad();
    gx.backward();
    x.data = x.data.sub(gx.data.div(x.grad!.data));
  }
  assert.deepEqual(
    seen,
    expected.map((v) => `variable(${v})`),
  );
});

test('the graph holds plain references: a loop of 1e5 graphs does not grow the heap', async () => {
  const gc = await findGc();
  if (!gc) {
    // No way to force a collection here, so a heap figure would only measure the collector's mood.
    return;
  }
  const step = (): void => {
    const x = new Variable(fromFlat([0.1, 0.2, 0.3], [3]));
    const y = F.tanh(F.sin(x).mul(x).add(F.exp(x)));
    y.backward({ createGraph: true });
  };
  for (let i = 0; i < 10_000; i++) step();
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 100_000; i++) step();
  gc();
  const after = process.memoryUsage().heapUsed;
  assert.ok(
    after - before < 8 * 1024 * 1024,
    `heap grew by ${((after - before) / 2 ** 20).toFixed(1)} MB`,
  );
});

/** `gc()` from --expose-gc, or switched on at run time through V8's flags; null if neither works. */
async function findGc(): Promise<(() => void) | null> {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  try {
    const v8 = await import('node:v8');
    const vm = await import('node:vm');
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return null;
  }
}

test('a backward started inside another runs each function once per pass', () => {
  let runs = 0;
  /** y = x, counting its backward runs. */
  class Counted extends Function {
    override forward(x: NDArray): NDArray {
      return x;
    }
    override backward(gy: Variable): Variable {
      runs++;
      return gy;
    }
  }
  /** y = 2x, whose backward starts a backward of its own through the same Counted. */
  class Nested extends Function {
    override forward(x: NDArray): NDArray {
      return x.mul(2);
    }
    override backward(gy: Variable): Variable {
      usingConfig('enableBackprop', true, () => this.inputs[0]!.mul(3).backward());
      return gy.mul(2);
    }
  }
  const x = new Variable(fromFlat([0.5], []));
  const a = new Counted().call(x);
  const y = add(new Nested().call(a), a);
  y.backward();
  // The inner pass runs Counted once (a.grad 1 + 3), the outer once more: not twice.
  assert.equal(runs, 2);
  assert.equal(x.grad?.data.item(), 4 + 2);
});
