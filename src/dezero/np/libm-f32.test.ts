import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expF32, tanhToF32 } from './libm-f32.ts';
import { libmExp } from './libm-exp.ts';
import { libmTanh } from './libm-tanh.ts';
import { np } from './index.ts';

const bits = new Uint32Array(1);
const value = new Float32Array(bits.buffer);

/** Every `step`-th float32 bit pattern from `from` to `to`, both signs. */
function sample(from: number, to: number, step: number): number[] {
  const xs: number[] = [];
  for (let b = from; b < to; b += step)
    for (const sign of [0, 0x80000000]) {
      bits[0] = (b | sign) >>> 0;
      xs.push(value[0]!);
    }
  return xs;
}

test('expF32 and tanhToF32 are the exact ports rounded to float32 (a sample; scripts/check-f32-libm.ts checks every input)', () => {
  // From 2^-60 to 2^7 (both past the ranges' ends), and densely around 1 and 0.2 (tanh's seam).
  const xs = [
    ...sample(0x21800000, 0x43000000, 211),
    ...sample(0x3e4c0000, 0x3e4e0000, 1),
    ...sample(0x3f7f0000, 0x3f810000, 1),
  ];
  let fallbacks = 0;
  for (const x of xs) {
    const e = Math.fround(libmExp(x));
    const t = Math.fround(libmTanh(x));
    assert.ok(Object.is(expF32(x), e), `exp(${x}): ${expF32(x)} vs ${e}`);
    assert.ok(Object.is(tanhToF32(x), t), `tanh(${x}): ${tanhToF32(x)} vs ${t}`);
    if (Math.fround(libmExp(x) * (1 - 2 ** -36)) !== Math.fround(libmExp(x) * (1 + 2 ** -36)))
      fallbacks++;
  }
  assert.ok(fallbacks > 0, 'the sample includes inputs next to a rounding boundary');
});

test('expF32 and tanhToF32 at the edges: ±0, ±inf, nan, overflow, underflow, subnormals', () => {
  const edges = [
    0,
    -0,
    Infinity,
    -Infinity,
    NaN,
    88.72283935546875,
    88.722847,
    Math.fround(-103.972076), // -103.97207641601562 (the literal has more digits than a double keeps)
  ];
  edges.push(-103.972084, -110, 90, 20, 22, -20, 1e-45, -1e-45, 1.1754942e-38, 0.2, -0.2);
  for (const v of edges) {
    const x = Math.fround(v);
    assert.ok(Object.is(expF32(x), Math.fround(libmExp(x))), `exp(${x})`);
    assert.ok(Object.is(tanhToF32(x), Math.fround(libmTanh(x))), `tanh(${x})`);
  }
  assert.ok(Object.is(tanhToF32(-0), -0));
  assert.equal(expF32(89), Infinity);
  assert.equal(expF32(-104), 0);
});

test('np.exp and np.tanh of float32 arrays take the float32 kernels and give the ports’ values', () => {
  const x = np.linspace(-12, 12, 1001).astype('float32');
  const flat = x.toFlat();
  assert.deepEqual(
    Array.from(np.exp(x).toFlat()),
    Array.from(flat, (v) => Math.fround(libmExp(v))),
  );
  assert.deepEqual(
    Array.from(np.tanh(x).toFlat()),
    Array.from(flat, (v) => Math.fround(libmTanh(v))),
  );
  assert.equal(np.exp(x).dtype, 'float32');
});
