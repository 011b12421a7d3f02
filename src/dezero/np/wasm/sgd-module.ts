/**
 * The WebAssembly SIMD loop of plain SGD, w ← w − lr·g, four float32 (or two float64) lanes at a
 * time. Each lane rounds as the scalar code does: lr·g rounded to w's type, then the difference
 * rounded (IEEE multiply and subtract, no fused multiply-add), so the bits are the JS loop's.
 *
 * `sgd(w, g, bytes, lr)`: w and g are byte addresses of equal-length runs, `bytes` a multiple of
 * 16, and lr the address of the rate as one element of w's type.
 */
import {
  FunctionBuilder,
  encodeModule,
  f32x4,
  f64x2,
  forRange,
  get,
  i32,
  set,
  v128,
} from './encode.ts';

/** The module for `dtype`, exporting `sgd`. */
export function sgdModuleBytes(dtype: 'float32' | 'float64'): Uint8Array<ArrayBuffer> {
  const fn = new FunctionBuilder(['i32', 'i32', 'i32', 'i32'] as const);
  const [w, g, bytes, lr] = fn.params;
  const i = fn.local('i32');
  const rate = fn.local('v128');
  const [splat, sub, mul] =
    dtype === 'float32'
      ? [v128.load32Splat, f32x4.sub, f32x4.mul]
      : [v128.load64Splat, f64x2.sub, f64x2.mul];
  const at = (base: typeof w) => i32.add(get(base), get(i));
  const body = [
    set(rate, splat(get(lr))),
    forRange(
      i,
      i32.const(0),
      get(bytes),
      i32.const(16),
      v128.store(at(w), sub(v128.load(at(w)), mul(get(rate), v128.load(at(g))))),
    ),
  ];
  return encodeModule([{ builder: fn, body, exportAs: 'sgd' }]);
}
