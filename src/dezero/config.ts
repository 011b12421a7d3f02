/**
 * Global switches of `dezero`, as DeZero's `Config` class: whether functions record the graph for
 * backprop, and whether layers run in training mode. Python's `with using_config(...)` becomes a
 * callback, `usingConfig('enableBackprop', false, () => ...)`, or (where the runtime has the
 * `using` declaration) `using _ = usingConfig('enableBackprop', false)`.
 */

/** The settings, read by `Function.call` (`enableBackprop`) and by layers such as dropout (`train`). */
export const Config = {
  /** Record each function's inputs and outputs so `backward()` can walk the graph. @default true */
  enableBackprop: true,
  /** Training mode (dropout, batch norm); `testMode()` turns it off. @default true */
  train: true,
};

/** The name of a setting in `Config`. */
export type ConfigName = keyof typeof Config;

// NOTE: browsers without explicit resource management have no Symbol.dispose; `using` there is a
// syntax error anyway, so the registered symbol only keeps the object well-formed.
const disposeKey: typeof Symbol.dispose =
  Symbol.dispose ?? (Symbol.for('Symbol.dispose') as typeof Symbol.dispose);

/** Sets `name` to `value` and returns the handle that puts the old value back. */
function enter(name: ConfigName, value: boolean): Disposable {
  const old = Config[name];
  Config[name] = value;
  let restored = false;
  return {
    [disposeKey]() {
      if (restored) return;
      restored = true;
      Config[name] = old;
    },
  } as Disposable;
}

/** Runs `fn` with `Config[name] = value` and restores the old value afterwards, even if `fn` throws. */
export function usingConfig<T>(name: ConfigName, value: boolean, fn: () => T): T;
/** Sets `Config[name] = value` until the returned handle is disposed (`using _ = usingConfig(...)`). */
export function usingConfig(name: ConfigName, value: boolean): Disposable;
export function usingConfig<T>(name: ConfigName, value: boolean, fn?: () => T): T | Disposable {
  const handle = enter(name, value);
  if (!fn) return handle;
  try {
    return fn();
  } finally {
    handle[disposeKey]();
  }
}

/** Runs `fn` (or, without `fn`, the scope of the returned handle) without recording the graph. */
export function noGrad<T>(fn: () => T): T;
/** Turns backprop off until the returned handle is disposed. */
export function noGrad(): Disposable;
export function noGrad<T>(fn?: () => T): T | Disposable {
  return fn ? usingConfig('enableBackprop', false, fn) : usingConfig('enableBackprop', false);
}

/** Runs `fn` (or the scope of the returned handle) in test mode: `Config.train` is false. */
export function testMode<T>(fn: () => T): T;
/** Test mode until the returned handle is disposed. */
export function testMode(): Disposable;
export function testMode<T>(fn?: () => T): T | Disposable {
  return fn ? usingConfig('train', false, fn) : usingConfig('train', false);
}
