import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromHex, libmCases } from './libm-fixture.ts';
import { libmExpm1, libmTanh, tanhF32 } from './libm-tanh.ts';

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

test('tanhF32 rounds to libmTanh’s float32 on a sample of float32 inputs (scripts/check-tanh-f32.ts checks them all)', () => {
  const bits = new Uint32Array(1);
  const value = new Float32Array(bits.buffer);
  let doubleDiffs = 0;
  // Every 257th bit pattern from 2^-60 to 30, both signs, and every pattern near 0.5 and 1.
  const patterns: number[] = [];
  for (let b = 0x21800000; b < 0x41f00000; b += 257) patterns.push(b);
  for (let b = 0x3eff0000; b < 0x3f010000; b++) patterns.push(b);
  for (let b = 0x3f7f0000; b < 0x3f810000; b++) patterns.push(b);
  for (const b of patterns) {
    for (const sign of [0, 0x80000000]) {
      bits[0] = b | sign;
      const x = value[0]!;
      const exact = libmTanh(x);
      const fast = tanhF32(x);
      if (exact !== fast) doubleDiffs++;
      assert.equal(Math.fround(fast), Math.fround(exact), `tanh(${x})`);
    }
  }
  assert.ok(doubleDiffs > 0, 'the sample includes inputs whose doubles differ');
  for (const x of [0, -0, Infinity, -Infinity, NaN, 1e-30, 22, 1e9])
    assert.ok(Object.is(Math.fround(tanhF32(x)), Math.fround(libmTanh(x))), String(x));
});
