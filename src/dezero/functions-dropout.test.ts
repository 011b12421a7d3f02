import { test } from 'node:test';
import assert from 'node:assert/strict';
import { F, Variable, np, testMode, Config } from './index.ts';
import { assertGradient, randomArray, seededRandom } from './gradient-check.ts';

const rand = seededRandom(54);

test("dropout: the mask is numpy's rand(*shape) > ratio, the survivors scaled by 1/(1 − ratio)", () => {
  // DeZero under numpy: np.random.seed(0); F.dropout(np.ones(5)) is variable([2. 2. 2. 2. 0.]).
  np.random.seed(0);
  const y = F.dropout(np.ones(5));
  assert.ok(y instanceof Variable);
  assert.equal(String(y), 'variable([2. 2. 2. 2. 0.])');

  // The same seed drawn by hand: every kept element is x / (1 − ratio), every other one 0.
  np.random.seed(7);
  const draws = np.random.rand(4, 6);
  np.random.seed(7);
  const x = np.arange(1, 25).astype('float64').reshape([4, 6]);
  const out = F.dropout(x, 0.3).data;
  for (let i = 0; i < 24; i++) {
    const kept = draws.item(i) > 0.3;
    assert.equal(out.item(i), kept ? (i + 1) / 0.7 : 0, `element ${i}`);
  }
});

test('dropout keeps float32 as float32 and matches DeZero bit for bit (seed 1, ratio 0.25)', () => {
  np.random.seed(1);
  const y = F.dropout(np.arange(12, { dtype: 'float32' }).reshape([3, 4]), 0.25);
  assert.equal(y.dtype, 'float32');
  // Printed by DeZero with numpy: np.random.seed(1); F.dropout(np.arange(12, dtype=np.float32).reshape(3, 4), 0.25)
  assert.equal(
    String(y),
    [
      'variable([[ 0.         1.3333334  0.         4.       ]',
      '          [ 0.         0.         0.         9.333333 ]',
      '          [10.666667  12.        13.333333  14.666667 ]])',
    ].join('\n'),
  );
});

test('dropout: about ratio of a large input is dropped, and the mean is kept on average', () => {
  np.random.seed(3);
  const y = F.dropout(np.ones([100, 100]), 0.2).data;
  const zeros = Array.from(y.toFlat() as Float64Array).filter((v) => v === 0).length;
  assert.ok(Math.abs(zeros / 10000 - 0.2) < 0.02, `${zeros} of 10000 dropped`);
  assert.ok(Math.abs(np.mean(y).item() - 1) < 0.03, `mean ${np.mean(y).item()}`);
});

test('dropout in test mode is the identity: the same Variable back, no draw from np.random', () => {
  const x = new Variable(np.ones(5));
  np.random.seed(0);
  const y = testMode(() => F.dropout(x));
  assert.equal(y, x);
  assert.equal(np.random.rand(), 0.5488135039273248, 'the generator was not advanced');
  assert.equal(Config.train, true);
  assert.equal(String(testMode(() => F.dropout(np.ones(3)))), 'variable([1. 1. 1.])');
});

test('dropout: gradient checks in test mode and, with the mask fixed by a seed, in training mode', () => {
  const x = randomArray(rand, [3, 4]);
  testMode(() => assertGradient('dropout in test mode', (v) => F.dropout(v), x));
  assertGradient(
    'dropout in training mode, one mask',
    (v) => {
      np.random.seed(5);
      return F.dropout(v, 0.4);
    },
    x,
  );
  // The gradient of sum(dropout(x)) is the mask times the scale: 0 or 1/(1 − ratio).
  np.random.seed(5);
  const mask = np.random.rand(3, 4).gt(0.4);
  const v = new Variable(x);
  np.random.seed(5);
  F.sum(F.dropout(v, 0.4)).backward();
  for (let i = 0; i < 12; i++) assert.equal(v.grad!.data.item(i), mask.item(i) ? 1 / 0.6 : 0);
});

test('dropout rejects a ratio outside [0, 1), naming it', () => {
  assert.throws(() => F.dropout(np.ones(3), 1), /dropoutRatio must be in \[0, 1\), got 1/);
  assert.throws(() => F.dropout(np.ones(3), -0.1), /got -0.1/);
});
