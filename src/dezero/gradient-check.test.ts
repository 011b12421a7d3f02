import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Function, Variable } from './index.ts';
import type { NDArray } from './np/ndarray.ts';
import { fromFlat } from './np/ndarray.ts';
import * as F from './functions.ts';
import {
  assertGradient,
  derivative,
  gradientCheck,
  numericalGrad,
  randomArray,
  seededRandom,
} from './gradient-check.ts';

test('numericalGrad is the central difference of sum(f(x)) per element', () => {
  const g = numericalGrad((x) => x.mul(x), fromFlat([1, -2, 3], [3]));
  assert.deepEqual(
    Array.from(g, (v) => Math.round(v * 1e6) / 1e6),
    [2, -4, 6],
  );
});

test('gradientCheck catches a wrong backward', () => {
  class BadSquare extends Function {
    override forward(x: NDArray): NDArray {
      return x.mul(x);
    }
    override backward(gy: Variable): Variable {
      return gy.mul(this.inputs[0]!); // NOTE: deliberately missing the factor 2.
    }
  }
  const x = randomArray(seededRandom(1), [4], 0.5, 1);
  assert.equal(gradientCheck((v) => new BadSquare().call(v), x).ok, false);
  assert.throws(
    () => assertGradient('bad square', (v) => new BadSquare().call(v), x),
    /gradient check failed for bad square/,
  );
  assert.equal(gradientCheck(F.square, x).ok, true);
});

test('derivative gives a Variable-valued derivative that can be differentiated again', () => {
  const x = new Variable(fromFlat([0.5], []));
  const d2 = derivative(derivative(F.sin))(x);
  assert.ok(Math.abs(d2.data.item() + Math.sin(0.5)) < 1e-15);
});

test('seededRandom repeats for a seed and differs between seeds', () => {
  const a = seededRandom(5);
  const b = seededRandom(5);
  const c = seededRandom(6);
  const xs = [a(), a(), a()];
  assert.deepEqual(xs, [b(), b(), b()]);
  assert.notDeepEqual(xs, [c(), c(), c()]);
  for (const v of xs) assert.ok(v >= 0 && v < 1);
});
