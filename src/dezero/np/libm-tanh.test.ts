import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromHex, libmCases } from './libm-fixture.ts';
import { libmExpm1, libmTanh } from './libm-tanh.ts';

const ports = [
  // V8's expm1 is fdlibm's too, without the fused multiply-adds: it rarely differs.
  ['tanh', libmTanh, Math.tanh, 20],
  ['expm1', libmExpm1, Math.expm1, 1],
] as const;

for (const [name, port, builtin, minDiffering] of ports) {
  test(`libm ${name} equals glibc ${name} bit for bit on every recorded input`, () => {
    const cases = libmCases(name);
    let builtinDiffers = 0;
    for (const [xHex, yHex] of cases) {
      const x = fromHex(xHex);
      const expected = fromHex(yHex);
      const got = port(x);
      const same = Number.isNaN(expected) ? Number.isNaN(got) : Object.is(got, expected);
      assert.ok(same, `${name}(${x} = 0x${xHex}) = ${got}, glibc ${expected}`);
      if (!Object.is(builtin(x), expected)) builtinDiffers++;
    }
    assert.ok(cases.length >= 5000);
    assert.ok(builtinDiffers >= minDiffering, `Math.${name} differed only ${builtinDiffers} times`);
  });
}

test('libmTanh and libmExpm1 special values', () => {
  assert.ok(Object.is(libmTanh(-0), -0));
  assert.equal(libmTanh(Infinity), 1);
  assert.equal(libmTanh(-Infinity), -1);
  assert.equal(libmTanh(-30), -1);
  assert.ok(Number.isNaN(libmTanh(NaN)));
  assert.ok(Object.is(libmExpm1(-0), -0));
  assert.equal(libmExpm1(Infinity), Infinity);
  assert.equal(libmExpm1(-Infinity), -1);
  assert.equal(libmExpm1(710), Infinity);
});
