/**
 * The backend that runs matrix products and SGD's update: `'wasm'` (WebAssembly SIMD kernels, the default where
 * the engine supports 128-bit SIMD) or `'js'` (the plain JavaScript kernels, the reference the
 * tests hold the fast path to). Both give the same bits; only their speed differs, which is what
 * the lesson of step 52 measures by training the same model on each.
 */
import { FunctionBuilder, encodeModule, v128 } from './wasm/encode.ts';

/** A backend's name. */
export type Backend = 'js' | 'wasm';

/** True when this engine validates a module that uses a 128-bit SIMD instruction. */
function detectSimd(): boolean {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.validate !== 'function') return false;
  const fn = new FunctionBuilder([], ['v128']);
  try {
    return WebAssembly.validate(encodeModule([{ builder: fn, body: [v128.zero()] }]));
  } catch {
    return false;
  }
}

let wasmUsable = detectSimd();
let current: Backend = wasmUsable ? 'wasm' : 'js';

/** The backends this engine can run, the plain JS one first. */
export function backends(): Backend[] {
  return wasmUsable ? ['js', 'wasm'] : ['js'];
}

/** The backend matrix products run on now. */
export function getBackend(): Backend {
  return current;
}

/** Runs matrix products on `backend` from now on; `'wasm'` throws where WebAssembly SIMD is missing. */
export function setBackend(backend: Backend): void {
  if (backend !== 'js' && backend !== 'wasm')
    throw new TypeError(`unknown backend ${String(backend)}: use 'js' or 'wasm'`);
  if (backend === 'wasm' && !wasmUsable)
    throw new Error('this JavaScript engine has no WebAssembly SIMD: only the js backend runs');
  current = backend;
}

/**
 * Called when the module failed to compile (a Content-Security-Policy without
 * 'wasm-unsafe-eval', say): the plain JS kernels take over for good.
 */
export function wasmFailed(): void {
  wasmUsable = false;
  current = 'js';
}
