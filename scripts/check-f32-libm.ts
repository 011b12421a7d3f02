/**
 * The check behind src/dezero/np/libm-f32.ts: for every float32 x (all 2^32 bit patterns), expF32(x)
 * is Math.fround(libmExp(x)) and tanhToF32(x) is Math.fround(libmTanh(x)), -0 and nan included.
 * Run it after changing any of them: `npm run check:f32-libm` (several minutes on one
 * core; it prints progress and exits 1 at the first difference). The fast functions fall back to
 * the ports next to a rounding boundary, so this is a check of their error bounds, not a search.
 * Last run: every input agrees (303 s on a loaded 2-core machine).
 */
import { expF32, tanhToF32 } from '../src/dezero/np/libm-f32.ts';
import { libmExp } from '../src/dezero/np/libm-exp.ts';
import { libmTanh } from '../src/dezero/np/libm-tanh.ts';

const bits = new Uint32Array(1);
const value = new Float32Array(bits.buffer);
const started = performance.now();
for (let high = 0; high < 256; high++) {
  for (let low = 0; low < 1 << 24; low++) {
    bits[0] = high * 2 ** 24 + low;
    const x = value[0]!;
    const e = expF32(x);
    const t = tanhToF32(x);
    if (Object.is(e, Math.fround(libmExp(x))) && Object.is(t, Math.fround(libmTanh(x)))) continue;
    console.error(
      `x = ${x} (0x${bits[0].toString(16)}): expF32 ${e} vs ${Math.fround(libmExp(x))}, tanhToF32 ${t} vs ${Math.fround(libmTanh(x))}`,
    );
    process.exit(1);
  }
  if (high % 16 === 15)
    console.error(`${high + 1}/256 (${((performance.now() - started) / 1000).toFixed(0)} s)`);
}
console.log('every float32: expF32 and tanhToF32 round as the exact ports do');
