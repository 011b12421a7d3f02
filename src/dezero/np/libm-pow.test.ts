import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fromHex } from './libm-fixture.ts';
import { libmPow } from './libm-pow.ts';
import { np } from '../index.ts';

/** Written by scripts/fixtures/np_pow.py: [x, y, numpy's x ** y] as hex bit patterns. */
const cases = JSON.parse(readFileSync(new URL('./fixtures/pow.json', import.meta.url), 'utf8')) as [
  string,
  string,
  string,
][];

const same = (a: number, b: number): boolean => Object.is(a, b) || (a !== a && b !== b);

test('libmPow equals numpy (glibc pow) bit for bit on every recorded input', () => {
  let mathPowDiffers = 0;
  for (const [xHex, yHex, zHex] of cases) {
    const [x, y, expected] = [fromHex(xHex), fromHex(yHex), fromHex(zHex)];
    const got = libmPow(x, y);
    assert.ok(
      same(got, expected),
      `pow(${x}, ${y}) = ${got}, numpy ${expected} (0x${xHex}, 0x${yHex})`,
    );
    if (!same(Math.pow(x, y), expected)) mathPowDiffers++;
  }
  assert.ok(cases.length >= 6000);
  // The reason this port exists: V8's Math.pow rounds differently for some inputs.
  assert.ok(mathPowDiffers > 100, `Math.pow differed only ${mathPowDiffers} times`);
});

test('libmPow special values follow C99 (and numpy)', () => {
  assert.equal(libmPow(Number.NaN, 0), 1);
  assert.equal(libmPow(1, Number.NaN), 1);
  assert.ok(Object.is(libmPow(-0, 3), -0));
  assert.equal(libmPow(-0, -3), -Infinity);
  assert.equal(libmPow(-0, -2), Infinity);
  assert.ok(Number.isNaN(libmPow(-2, 0.5)));
  assert.equal(libmPow(-2, 3), -8);
  assert.equal(libmPow(-1, Infinity), 1);
  assert.equal(libmPow(0.5, -Infinity), Infinity);
  assert.ok(Object.is(libmPow(-10, -331), -0)); // underflow keeps the sign of an odd power
  assert.equal(libmPow(-10, -309), -1e-309); // subnormal, rounded once
  assert.equal(libmPow(10, 309), Infinity);
});

test('np.power and Variable.pow go through libmPow', () => {
  const [xHex, yHex] = cases.find(([x, y, z]) => {
    const [a, b] = [fromHex(x), fromHex(y)];
    return a > 0 && b !== 2 && Number.isFinite(a) && !same(Math.pow(a, b), fromHex(z));
  })!;
  const [x, y] = [fromHex(xHex), fromHex(yHex)];
  assert.equal(np.power(np.array(x), np.array(y)).item(), libmPow(x, y));
});

test('libmPow(x, 1) is x, as glibc gives it, for every kind of x', () => {
  for (const [xHex] of cases) {
    const x = fromHex(xHex);
    assert.ok(same(libmPow(x, 1), x), `pow(${x}, 1)`);
  }
});
