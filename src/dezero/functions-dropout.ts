/**
 * Dropout (the book's step 54), in `F` beside the other functions: in training mode each input
 * is zeroed with probability `dropoutRatio` and the survivors are scaled up by 1 / (1 − ratio)
 * ("inverted" dropout), so that the expected output equals the input and test mode can pass `x`
 * through untouched. `Config.train` (see `testMode()` in config.ts) says which mode runs.
 */
import { Config } from './config.ts';
import { asVariable } from './core.ts';
import type { Variable, VariableLike } from './core.ts';
import { array } from './np/create.ts';
import { random } from './np/random.ts';

/**
 * `x * mask / (1 − dropoutRatio)` with `mask = np.random.rand(...x.shape) > dropoutRatio` while
 * training; `x` itself (as a Variable) in test mode. Written with Variable operators, as DeZero's
 * `dropout`, so backward is Mul's and Div's: the gradient flows only through the kept elements,
 * with the same scale. The mask is drawn from `np.random`, so `np.random.seed` fixes it.
 */
export function dropout(x: VariableLike, dropoutRatio = 0.5): Variable {
  if (!(dropoutRatio >= 0 && dropoutRatio < 1))
    throw new RangeError(`dropout: dropoutRatio must be in [0, 1), got ${dropoutRatio}`);
  const v = asVariable(x);
  if (!Config.train) return v;
  const shape = v.shape;
  // NOTE: rand() with no size is a number, not an array; a 0-d input draws one value all the same.
  const draws = shape.length === 0 ? array(random.rand()) : random.rand(...(shape as [number]));
  const mask = draws.gt(dropoutRatio);
  // The scale in x's dtype (DeZero's `np.array(1.0 - ratio).astype(x.dtype)`), so float32 stays float32.
  const scale = array(1 - dropoutRatio).astype(v.dtype);
  return v.mul(mask).div(scale);
}
