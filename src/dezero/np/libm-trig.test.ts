import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromHex, libmCases } from './libm-fixture.ts';
import { libmCos, libmSin } from './libm-trig.ts';

const ports = [
  ['sin', libmSin, Math.sin],
  ['cos', libmCos, Math.cos],
] as const;

for (const [name, port, builtin] of ports) {
  test(`libm ${name} equals glibc ${name} bit for bit on every recorded input`, () => {
    const cases = libmCases(name);
    let builtinDiffers = 0;
    for (const [xHex, yHex] of cases) {
      const x = fromHex(xHex);
      const expected = fromHex(yHex);
      const got = port(x);
      // glibc's nan for sin(inf) is -nan, Python's is +nan: only nan-ness is comparable there.
      const same = Number.isNaN(expected) ? Number.isNaN(got) : Object.is(got, expected);
      assert.ok(same, `${name}(${x} = 0x${xHex}) = ${got}, glibc ${expected}`);
      if (!Object.is(builtin(x), expected) && !Number.isNaN(expected)) builtinDiffers++;
    }
    assert.ok(cases.length >= 5000);
    assert.ok(builtinDiffers > 50, `Math.${name} differed only ${builtinDiffers} times`);
  });
}

test('libmSin and libmCos reduce by the exact x 2/pi when the rounded product is a half-integer', () => {
  // Outputs: Python's math.sin/cos on glibc 2.36; reducing by the plain product gets each wrong.
  const cases = [
    [libmSin, 'c11329a23d0dfabb', 'bfe6a09e6682222f'],
    [libmSin, 'c11320872d3f3308', '3fe6a09e667e3efd'],
    [libmCos, 'c1132c6e8588dc52', '3fe6a09e667c37fb'],
    [libmCos, 'c11300c4bc2636e1', '3fe6a09e66804e3d'],
  ] as const;
  for (const [f, x, y] of cases)
    assert.ok(Object.is(f(fromHex(x)), fromHex(y)), `${f.name}(0x${x})`);
});

test('libmSin and libmCos special values', () => {
  assert.ok(Object.is(libmSin(-0), -0));
  assert.equal(libmCos(-0), 1);
  for (const x of [Infinity, -Infinity, NaN]) {
    assert.ok(Number.isNaN(libmSin(x)));
    assert.ok(Number.isNaN(libmCos(x)));
  }
});
