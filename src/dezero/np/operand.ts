/**
 * Checking what reaches `np`: an array or a JS number. Anything else (a DeZero `Variable`, a JS
 * list, a string) fails at the door with a TypeError that names it, instead of deep inside a
 * kernel with "b.isContiguous is not a function".
 */
import { NDArray, fromFlat } from './ndarray.ts';
import type { ArrayLikeInput } from './ndarray.ts';

/** What `x` is, in words for an error message. */
export function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'a JS list';
  if (typeof x !== 'object') return `${typeof x === 'undefined' ? '' : 'a '}${typeof x}`;
  const name = (x as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== 'Object' ? `a ${name}` : 'an object';
}

/** The DeZero Variable method that does what each of these np functions does. */
const VARIABLE_METHODS: Record<string, string> = {
  add: 'add',
  subtract: 'sub',
  multiply: 'mul',
  divide: 'div',
  power: 'pow',
  negative: 'neg',
  matmul: 'matmul',
  dot: 'dot',
  reshape: 'reshape',
  transpose: 'transpose',
  sum: 'sum',
};

/** The TypeError for a non-array operand of `np.<fn>`, with a hint for the usual mistakes. */
export function operandError(x: unknown, fn: string): TypeError {
  let hint = '';
  // NOTE: a DeZero Variable is recognised by shape, so np never imports the autograd core.
  if (x !== null && typeof x === 'object' && (x as { data?: unknown }).data instanceof NDArray) {
    const method = VARIABLE_METHODS[fn];
    hint = ` (pass x.data${method ? `, or use the Variable's own ${method}` : ''})`;
  } else if (Array.isArray(x)) {
    hint = ' (wrap it in np.array(...))';
  }
  return new TypeError(`np.${fn}: expected an NDArray or a number, got ${describe(x)}${hint}`);
}

/** `x` as an array (a number becomes a 0-d float64 array); throws a clear TypeError otherwise. */
export function checkOperand(x: unknown, fn: string): ArrayLikeInput {
  if (typeof x === 'number' || x instanceof NDArray) return x;
  throw operandError(x, fn);
}

/** The array for an operand of `np.<fn>`: a number becomes a 0-d float64 array, anything else not an array throws. */
export function operandArray(x: unknown, fn: string): NDArray {
  return typeof x === 'number' ? fromFlat([x], [], 'float64') : (checkOperand(x, fn) as NDArray);
}
