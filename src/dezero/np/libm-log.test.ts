import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { libmLog } from './libm-log.ts';
import { fma } from './fma.ts';

/** Written by scripts/fixtures/np_random.py: [x, math.log(x)] and [a, b, c, exact a*b+c] as repr strings. */
interface LogFixture {
  readonly libmLog: [string, string][];
  readonly fma: [string, string, string, string][];
}

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/random.json', import.meta.url), 'utf8'),
) as LogFixture;

function parse(repr: string): number {
  if (repr === 'nan') return NaN;
  if (repr === 'inf') return Infinity;
  if (repr === '-inf') return -Infinity;
  return Number(repr);
}

test('libmLog equals glibc log bit for bit on every recorded input', () => {
  let mathLogDiffers = 0;
  for (const [x, expected] of fixture.libmLog) {
    const got = libmLog(parse(x));
    assert.ok(Object.is(got, parse(expected)), `log(${x}) = ${got}, glibc ${expected}`);
    if (Math.log(parse(x)) !== got) mathLogDiffers++;
  }
  assert.ok(fixture.libmLog.length > 10000 - 100);
  // The reason this port exists: V8's Math.log rounds differently for a few percent of inputs.
  assert.ok(mathLogDiffers > 100, `Math.log differed only ${mathLogDiffers} times`);
});

test('libmLog special values', () => {
  assert.equal(libmLog(1), 0);
  assert.equal(libmLog(0), -Infinity);
  assert.equal(libmLog(-0), -Infinity);
  assert.equal(libmLog(Infinity), Infinity);
  assert.ok(Number.isNaN(libmLog(-1)));
  assert.ok(Number.isNaN(libmLog(NaN)));
});

test('fma rounds a*b+c once', () => {
  for (const [a, b, c, expected] of fixture.fma) {
    const got = fma(parse(a), parse(b), parse(c));
    assert.ok(Object.is(got, parse(expected)), `fma(${a}, ${b}, ${c}) = ${got}, exact ${expected}`);
  }
  // (1 + 2^-52)(1 - 2^-52) - 1 = -2^-104 exactly, which a separate multiply rounds away.
  assert.equal(fma(1 + 2 ** -52, 1 - 2 ** -52, -1), -(2 ** -104));
});

test('fma rounds past a midpoint that the double-rounded sum lands on', () => {
  // c + a*b rounded is exactly halfway between two doubles, and the product's tiny error
  // (-2^-60, then +2^-60) decides the side. Expected values from C's fma() on x86-64.
  assert.equal(fma(1 + 2 ** -30, 1 - 2 ** -30, 2 ** 53 + 2), 2 ** 53 + 2); // exact 2^53 + 3 - 2^-60
  assert.equal(fma(-(1 + 2 ** -30), 1 - 2 ** -30, -(2 ** 53 + 2)), -(2 ** 53 + 2));
  assert.equal(fma(1 + 2 ** -20, 1 - 2 ** -20 + 2 ** -40, 2 ** 53), 2 ** 53 + 2); // exact 2^53 + 1 + 2^-60
  assert.equal(fma(1 + 2 ** -20, 1 - 2 ** -20 + 2 ** -40, -(2 ** 53) - 2), -(2 ** 53));
});
