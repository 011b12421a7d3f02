/**
 * `dezero/simple`, the module that steps 23–31 import: the book's simple core (`core_simple.py`,
 * chosen by `is_simple_core = True` in the book's `__init__.py`), with the same `np`, `print` and
 * `plt` as `dezero`. Gradients are plain arrays here; step 32 switches programs to `'dezero'`.
 */
import * as utils from './utils.ts';

export { np } from '../np/index.ts';
export type { NDArray, DType } from '../np/index.ts';
export { print } from '../print.ts';
export { plt } from '../plt.ts';

export { Variable, Function, asArray, asVariable } from './core.ts';
export { add, sub, mul, div, pow, neg, rsub, rdiv } from './core.ts';
export type { VariableLike, BackwardOptions } from './core.ts';
export { Config, usingConfig, noGrad } from '../config.ts';
export type { ConfigName } from '../config.ts';
/** Helpers, as DeZero's `dezero.utils` at this stage: `getDotGraph`, `plotDotGraph`, `numericalDiff`, `gradientCheck`. */
export { utils };
