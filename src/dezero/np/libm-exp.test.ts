import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromHex, libmCases } from './libm-fixture.ts';
import { libmExp } from './libm-exp.ts';

test('libmExp equals glibc exp bit for bit on every recorded input', () => {
  const cases = libmCases('exp');
  let mathExpDiffers = 0;
  for (const [xHex, yHex] of cases) {
    const x = fromHex(xHex);
    const expected = fromHex(yHex);
    const got = libmExp(x);
    assert.ok(Object.is(got, expected), `exp(${x} = 0x${xHex}) = ${got}, glibc ${expected}`);
    if (!Object.is(Math.exp(x), expected)) mathExpDiffers++;
  }
  assert.ok(cases.length >= 5000);
  // The reason this port exists: V8's Math.exp rounds differently for some inputs.
  assert.ok(mathExpDiffers > 100, `Math.exp differed only ${mathExpDiffers} times`);
});

test('libmExp gives the step 4 value that Math.exp misses by one ulp', () => {
  const expected = fromHex(libmCases('exp').find(([x]) => fromHex(x) === 0.24990001)![1]);
  assert.equal(libmExp(0.24990001), expected);
  assert.notEqual(Math.exp(0.24990001), expected);
});

test('libmExp rounds x N/ln2 as the fused multiply-add does when the plain product is a half-integer', () => {
  // x * N/ln2 rounds to exactly k + 1/2 here; the exact product decides k. Outputs: Python's
  // math.exp on glibc 2.36 (the fixture's machine); a plain multiply-add misses all three.
  const cases = [
    ['c02ec9155c84ac89', '3e8bb8e0b79a6f1d'],
    ['c01df7c0c43e5306', '3f42451ffb82140b'],
    ['c07ff7dbda0a3739', '11d0d83b23395d8d'],
  ] as const;
  for (const [x, y] of cases) assert.ok(Object.is(libmExp(fromHex(x)), fromHex(y)), `exp(0x${x})`);
});

test('libmExp special values', () => {
  assert.equal(libmExp(0), 1);
  assert.equal(libmExp(-0), 1);
  assert.equal(libmExp(Infinity), Infinity);
  assert.ok(Object.is(libmExp(-Infinity), 0));
  assert.ok(Number.isNaN(libmExp(NaN)));
  assert.equal(libmExp(710), Infinity);
  assert.ok(Object.is(libmExp(-746), 0));
  assert.equal(libmExp(-745), 5e-324);
});
