/**
 * The core as an outside test sees it: only the names a lesson imports from 'dezero'. Broadcasting
 * on either side of every operator, higher-order gradients, shared subexpressions, dtypes, and
 * graphs far deeper than any recursion would survive.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Config, F, Variable, add, div, mul, noGrad, np, sub, utils } from './index.ts';
import type { NDArray, VariableLike } from './index.ts';
import { numericalGrad, randomArray, seededRandom } from './gradient-check.ts';

const values = (v: Variable | null): number[] => Array.from(v!.data.toFlat());
const close = (a: number[], b: number[], what: string): void =>
  a.forEach((x, i) =>
    assert.ok(
      Math.abs(x - b[i]!) <= 1e-6 * (1 + Math.abs(b[i]!)),
      `${what}[${i}]: ${x} vs ${b[i]}`,
    ),
  );

const operators: [string, (a: VariableLike, b: VariableLike) => Variable][] = [
  ['add', add],
  ['sub', sub],
  ['mul', mul],
  ['div', div],
];

test('every operator with a Variable, an array or a number on either side: values and gradients', () => {
  const rand = seededRandom(11);
  // Pairs of shapes that broadcast: (2,3)+(3,), (3,1)*(1,4), 0-d with 2-d, and equal shapes.
  const pairs: [number[], number[]][] = [
    [[2, 3], [3]],
    [
      [3, 1],
      [1, 4],
    ],
    [[], [2, 3]],
    [[2, 3], []],
    [[4], [4]],
  ];
  for (const [name, op] of operators) {
    for (const [s0, s1] of pairs) {
      const a0 = randomArray(rand, s0, 0.5, 2);
      const a1 = randomArray(rand, s1, 0.5, 2);
      const expected = op(new Variable(a0), new Variable(a1)).data;
      const shape = np.broadcastShapes(s0, s1);
      // The other operand as an array, or (when 0-d) as a plain number.
      const asOther = (a: NDArray): VariableLike => (a.ndim === 0 ? a.item() : a);
      for (const [side, f] of [
        ['left', (x: Variable) => op(x, asOther(a1))],
        ['right', (x: Variable) => op(asOther(a0), x)],
      ] as const) {
        const input = side === 'left' ? a0 : a1;
        const x = new Variable(input);
        const y = f(x);
        const what = `${name} ${side} (${s0}) (${s1})`;
        assert.deepEqual(y.shape, shape, what);
        close(values(y), Array.from(expected.toFlat()), what);
        F.sum(y).backward();
        assert.deepEqual(x.grad!.shape, input.shape, `${what}: grad shape`);
        close(values(x.grad), Array.from(numericalGrad(f, input)), `${what}: grad`);
      }
    }
  }
});

test('broadcast gradients are the sums over the broadcast axes: (3,1) * (1,4)', () => {
  const a = new Variable(np.array([[1], [2], [3]]));
  const b = new Variable(np.array([[10, 20, 30, 40]]));
  a.mul(b).backward();
  assert.deepEqual(a.grad!.data.tolist(), [[100], [100], [100]]);
  assert.deepEqual(b.grad!.data.tolist(), [[6, 6, 6, 6]]);
});

test('a variable used as both inputs, and an output used in two branches', () => {
  const x = new Variable(np.array(3));
  x.mul(x).backward();
  assert.deepEqual(values(x.grad), [6]);
  // a = x², y = a² + a²: dy/dx = 2 · 2a · 2x = 8x³.
  const z = new Variable(np.array(2));
  const a = F.square(z);
  const y = add(F.square(a), F.square(a));
  y.backward();
  assert.deepEqual([values(y), values(z.grad)], [[32], [64]]);
});

test('backward twice without cleargrad adds the gradients; retainGrad keeps the middle ones', () => {
  const x = new Variable(np.array([1, 2, 3]));
  const y = F.sum(x.mul(x).mul(2));
  y.backward();
  assert.deepEqual(values(x.grad), [4, 8, 12]);
  y.backward();
  assert.deepEqual(values(x.grad), [8, 16, 24]);
  const z = new Variable(np.array([1, 2, 3]));
  const t = z.mul(z);
  const u = F.sum(t.mul(2));
  u.backward({ retainGrad: true });
  assert.deepEqual([values(u.grad), values(t.grad), values(z.grad)], [[1], [2, 2, 2], [4, 8, 12]]);
});

test('createGraph to third order: x⁴ at 2 gives 4x³ = 32, 12x² = 48, 24x = 48', () => {
  const x = new Variable(np.array(2));
  x.pow(4).backward({ createGraph: true });
  const seen: number[] = [];
  for (let order = 1; order <= 3; order++) {
    const g = x.grad!;
    seen.push(values(g)[0]!);
    x.cleargrad();
    if (order < 3) g.backward({ createGraph: true });
  }
  assert.deepEqual(seen, [32, 48, 48]);
});

test('backward({ createGraph }) inside noGrad still records the gradient graph, then noGrad holds again', () => {
  const x = new Variable(np.array(2));
  const y = x.pow(3);
  noGrad(() => {
    y.backward({ createGraph: true });
    assert.equal(Config.enableBackprop, false);
  });
  assert.equal(Config.enableBackprop, true);
  const gx = x.grad!;
  assert.deepEqual(values(gx), [12]);
  assert.ok(gx.creator !== null);
  x.cleargrad();
  gx.backward();
  assert.deepEqual(values(x.grad), [12]);
});

test('a variable off the path keeps grad null; a non-scalar output is seeded with ones', () => {
  const x = new Variable(
    np.array([
      [1, 2],
      [3, 4],
    ]),
  );
  const off = new Variable(np.array(5));
  const unused = off.mul(2);
  const y = x.mul(x);
  y.backward();
  assert.equal(off.grad, null);
  assert.equal(unused.grad, null);
  assert.deepEqual(x.grad!.data.tolist(), [
    [2, 4],
    [6, 8],
  ]);
});

test('a chain of 1e5 functions: backward and getDotGraph run without recursion', () => {
  const x = new Variable(np.array(1));
  let h = x;
  for (let i = 0; i < 100_000; i++) h = h.add(1);
  h.backward();
  assert.deepEqual([values(h), values(x.grad)], [[100_001], [1]]);
  const dot = utils.getDotGraph(h, { verbose: false });
  assert.equal(dot.match(/label="Add"/g)?.length, 100_000);
});

test('createGraph on a chain of 1e4 functions: the gradient graph is drawn and differentiated again', () => {
  const x = new Variable(np.array(0.5));
  let h = x;
  for (let i = 0; i < 10_000; i++) h = F.sin(h);
  h.backward({ createGraph: true });
  const gx = x.grad!;
  assert.ok(utils.getDotGraph(gx).includes('label="Cos"'));
  x.cleargrad();
  gx.backward();
  assert.ok(Number.isFinite(values(x.grad)[0]!));
});

test('float32 stays float32 through array operations; a number constant promotes as in DeZero on numpy 2', () => {
  const x = new Variable(np.array([1, 2], { dtype: 'float32' }));
  const w = new Variable(np.ones([3, 2], { dtype: 'float32' }));
  const y = F.sum(F.sin(x.mul(w)).div(x));
  y.backward();
  assert.deepEqual([y.dtype, x.grad!.dtype, w.grad!.dtype], ['float32', 'float32', 'float32']);
  // numpy 2.4: (np.ones(2, np.float32) * np.array(2.5)).dtype is float64 (NEP 50: a 0-d array is
  // not a weak scalar), and DeZero's as_array turns 2.5 into np.array(2.5).
  const z = new Variable(np.array([1, 2], { dtype: 'float32' }));
  const v = z.mul(2.5);
  v.backward();
  assert.deepEqual([v.dtype, z.grad!.dtype], ['float64', 'float64']);
});

test('a named 2-D int64 Variable: its name, its repr, and its label in a drawing', () => {
  const x = new Variable(
    np.array(
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      { dtype: 'int64' },
    ),
    'x',
  );
  assert.equal(x.name, 'x');
  assert.equal(x.toString(), 'variable([[1 2 3]\n          [4 5 6]])');
  assert.equal(`${x}`, x.toString());
  assert.ok(utils.getDotGraph(x).includes('[label="x: (2, 3) int64", color=orange, style=filled]'));
});
