/**
 * Numerical gradient checks of the operators (same shapes, broadcast shapes, numbers on either
 * side), their second and third derivatives, and step 24's test functions.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Variable, add, sub, mul, div, pow, neg, rsub, rdiv } from './index.ts';
import type { VariableLike } from './index.ts';
import { fromFlat } from './np/ndarray.ts';
import type { NDArray } from './np/ndarray.ts';
import * as F from './functions.ts';
import { assertGradient, derivative, randomArray, seededRandom } from './gradient-check.ts';
import type { VariableFn } from './gradient-check.ts';

const rand = seededRandom(24);
const positive = (shape: number[]): NDArray => randomArray(rand, shape, 0.5, 2);
const any = (shape: number[]): NDArray => randomArray(rand, shape);

type Binary = (a: VariableLike, b: VariableLike) => Variable;
const binaries: [string, Binary][] = [
  ['add', add],
  ['sub', sub],
  ['mul', mul],
  ['div', div],
  ['rsub', rsub],
  ['rdiv', rdiv],
];

// Shapes that meet the broadcasting rules the book's tests use, and a few more.
const shapePairs: [number[], number[]][] = [
  [
    [3, 3],
    [3, 3],
  ],
  [[2, 3], [3]],
  [[3], [2, 3]],
  [
    [3, 1],
    [3, 3],
  ],
  [
    [3, 3],
    [3, 1],
  ],
  [[1, 10], [10]],
  [
    [2, 1, 4],
    [3, 1],
  ],
  [[], [2, 2]],
  [[2, 2], []],
];

for (const [name, op] of binaries) {
  test(`${name}: gradient check for both inputs, same and broadcast shapes`, () => {
    for (const [s0, s1] of shapePairs) {
      // Positive values keep division away from zero.
      const a = positive(s0);
      const b = positive(s1);
      assertGradient(`${name} ${s0}|${s1} wrt x0`, (x) => op(x, b), a);
      assertGradient(`${name} ${s0}|${s1} wrt x1`, (x) => op(a, x), b);
      const grad = gradOf((x) => op(x, b), a);
      assert.deepEqual(grad.shape, a.shape, `${name}: grad shape follows the input's`);
    }
  });

  test(`${name}: numbers broadcast on either side`, () => {
    const a = positive([2, 3]);
    assertGradient(`${name}(x, 2.5)`, (x) => op(x, 2.5), a);
    assertGradient(`${name}(2.5, x)`, (x) => op(2.5, x), a);
    const row = positive([3]);
    assertGradient(`${name}(x, array)`, (x) => op(x, row), a);
  });
}

test('forward values with numbers and arrays on either side (book steps 21 and 22)', () => {
  const x = new Variable(fromFlat([2], []));
  const show = (v: Variable): string => String(v);
  assert.deepEqual(
    [
      x.add(3),
      add(3, x),
      x.mul(3),
      neg(x),
      x.sub(1),
      rsub(x, 2),
      x.div(4),
      rdiv(x, 3),
      x.pow(3),
    ].map(show),
    [
      'variable(5.0)',
      'variable(5.0)',
      'variable(6.0)',
      'variable(-2.0)',
      'variable(1.0)',
      'variable(0.0)',
      'variable(0.5)',
      'variable(1.5)',
      'variable(8.0)',
    ],
  );
  const arr = fromFlat([1, 2, 3], [3]);
  const v = new Variable(fromFlat([1, 2, 3], [3]));
  assert.equal(String(add(arr, v)), 'variable([2. 4. 6.])');
  assert.equal(String(mul(arr, v)), 'variable([1. 4. 9.])');
  assert.equal(String(div(arr, v)), 'variable([1. 1. 1.])');
});

test('a broadcast input gets its gradient summed back to its shape (book test_broadcast)', () => {
  const x = new Variable(any([1, 10]));
  const b = new Variable(any([10]));
  F.sum(x.add(b)).backward();
  assert.deepEqual(b.grad!.shape, [10]);
  assert.deepEqual(Array.from(b.grad!.data.toFlat()), new Array(10).fill(1));
  const c = new Variable(fromFlat([1], []));
  x.cleargrad();
  F.sum(x.mul(c)).backward();
  assert.deepEqual(c.grad!.shape, []);
});

test('neg and pow: gradient checks', () => {
  assertGradient('neg', (x) => neg(x), any([2, 3]));
  for (const c of [2, 3, 0.5, -1.5]) assertGradient(`pow ${c}`, (x) => pow(x, c), positive([2, 3]));
  assertGradient('x.pow(3) method', (x) => x.pow(3), any([4]));
});

// ==== Higher-order derivatives (createGraph) ====

const weights = positive([5]);
const higher: [string, VariableFn, NDArray][] = [
  ['sin', F.sin, any([5])],
  ['cos', F.cos, any([5])],
  ['tanh', F.tanh, any([5])],
  ['exp', F.exp, any([5])],
  ['log', F.log, positive([5])],
  ['square', F.square, any([5])],
  ['pow 4', (x) => x.pow(4), any([5])],
  ['pow 2.5', (x) => x.pow(2.5), positive([5])],
  ['mul x*x*x', (x) => x.mul(x).mul(x), any([5])],
  ['mul with a constant array', (x) => x.mul(x).mul(weights), any([5])],
  ['div 1/x', (x) => rdiv(x, 1), positive([5])],
  ['sub and neg', (x) => sub(x.pow(3), neg(x.mul(x))), any([5])],
];

for (const [name, f, x] of higher) {
  test(`${name}: second and third derivatives match central differences`, () => {
    assertGradient(`${name}'`, derivative(f), x);
    assertGradient(`${name}''`, derivative(derivative(f)), x, { rtol: 1e-3 });
  });
}

test('derivatives of sin cycle: sin, cos, −sin, −cos (book step 34)', () => {
  const x = new Variable(fromFlat([0.3, 1.1, -2], [3]));
  let g = F.sin(x);
  const expected = [Math.cos, (v: number) => -Math.sin(v), (v: number) => -Math.cos(v), Math.sin];
  for (const fn of expected) {
    x.cleargrad();
    g.backward({ createGraph: true });
    g = x.grad!;
    const got = Array.from(g.data.toFlat());
    [0.3, 1.1, -2].forEach((v, i) => assert.ok(Math.abs(got[i]! - fn(v)) < 1e-15));
  }
});

// ==== Step 24: optimisation test functions at (1, 1) ====

const sphere = (x: Variable, y: Variable): Variable => x.pow(2).add(y.pow(2));
const matyas = (x: Variable, y: Variable): Variable =>
  x.pow(2).add(y.pow(2)).mul(0.26).sub(x.mul(y).mul(0.48));
const goldstein = (x: Variable, y: Variable): Variable =>
  add(
    1,
    x
      .add(y)
      .add(1)
      .pow(2)
      .mul(
        add(19, x.mul(-14))
          .add(x.pow(2).mul(3))
          .sub(y.mul(14))
          .add(x.mul(y).mul(6))
          .add(y.pow(2).mul(3)),
      ),
  ).mul(
    add(
      30,
      x
        .mul(2)
        .sub(y.mul(3))
        .pow(2)
        .mul(
          add(18, x.mul(-32))
            .add(x.pow(2).mul(12))
            .add(y.mul(48))
            .sub(x.mul(y).mul(36))
            .add(y.pow(2).mul(27)),
        ),
    ),
  );

test('goldstein at (1, 1) gives the book step 24 gradients -5376.0 and 8064.0', () => {
  const x = new Variable(fromFlat([1], []));
  const y = new Variable(fromFlat([1], []));
  goldstein(x, y).backward();
  assert.equal(`${x.grad} ${y.grad}`, 'variable(-5376.0) variable(8064.0)');
});

test('sphere and matyas: gradients at (1, 1) match the formulas and central differences', () => {
  for (const [name, f, grad] of [
    ['sphere', sphere, (a: number, b: number) => [2 * a, 2 * b]],
    ['matyas', matyas, (a: number, b: number) => [0.52 * a - 0.48 * b, 0.52 * b - 0.48 * a]],
  ] as const) {
    const x = new Variable(fromFlat([1], []));
    const y = new Variable(fromFlat([1], []));
    f(x, y).backward();
    const [gx, gy] = grad(1, 1);
    assert.ok(Math.abs(x.grad!.data.item() - gx!) < 1e-12, name);
    assert.ok(Math.abs(y.grad!.data.item() - gy!) < 1e-12, name);
    const other = new Variable(any([3]));
    assertGradient(`${name} wrt x`, (v) => f(v, other), any([3]));
  }
  assertGradient(
    'goldstein wrt x',
    (v) => goldstein(v, new Variable(fromFlat([0.3, -0.2], [2]))),
    any([2]),
    { rtol: 1e-3 },
  );
});

function gradOf(f: VariableFn, a: NDArray): NDArray {
  const v = new Variable(a);
  F.sum(f(v)).backward();
  return v.grad!.data;
}
