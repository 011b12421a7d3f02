/**
 * The checks behind the core's error messages, kept apart so core.ts reads like the book's
 * core.py: what a Variable may hold, what a backward must return, which operation failed.
 * Each message says what went wrong and, where it can, what to write instead.
 */
import { isNDArray } from './np/ndarray.ts';
import type { NDArray } from './np/ndarray.ts';
import { shapeTuple } from './np/shape-text.ts';

// ==== Shapes ====

/** True when the two shapes are equal. */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// ==== Variable: data ====

/** What a value is, for error messages: `number`, `null`, `Array`, `Variable`, `Float64Array`, … */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  return Array.isArray(value) ? 'Array' : (value.constructor?.name ?? 'object');
}

/**
 * `data` itself when it is an array; otherwise a TypeError that says what to write instead.
 * NOTE: Python's `x.data -= lr * x.grad.data` is `x.data = NaN` in JavaScript (an object minus a
 * number); the setter stops it at the reader's line instead of three calls later.
 */
export function checkData(
  data: unknown,
  assigning: boolean,
  update = 'x.data.sub(x.grad.data.mul(lr))',
): NDArray {
  if (isNDArray(data)) return data;
  const what = `${describe(data)} is not supported`;
  if (assigning) {
    throw new TypeError(
      `${what}: Variable.data holds an np array; compute the new one with array methods, e.g. x.data = ${update}`,
    );
  }
  const example = typeof data === 'number' ? String(data) : Array.isArray(data) ? '[...]' : '...';
  throw new TypeError(`${what}: wrap it in an np array, e.g. new Variable(np.array(${example}))`);
}

/** The error for reading `data` of an empty variable (`new Variable(null)`, or after `x.data = null`). */
export function noData(name: string | null): TypeError {
  const which = name === null ? 'this variable' : `variable '${name}'`;
  return new TypeError(
    `${which} holds no data (null): give it an array first, e.g. x.data = np.zeros([2, 3]); x.hasData tells whether it has one`,
  );
}

/** The error for `backward({ createGraph: true })` in the simple core, which has no such option. */
export function noCreateGraph(): TypeError {
  return new TypeError(
    "the simple core has no createGraph: its gradients are arrays; import from 'dezero' for the full core (step 32)",
  );
}

// ==== Function: forward errors and backward results ====

const named = new WeakSet<Error>();

/**
 * Prefixes the operation to an error its forward threw, numpy's style for named operations
 * (`Add: operands could not be broadcast together with shapes (2,3) (2,)`): the runner shows only
 * the message and the reader's line, not the frames inside dezero. The error keeps its stack, so
 * it still points at the reader's line.
 */
export function nameOperation(error: unknown, operation: string): unknown {
  if (!(error instanceof Error) || named.has(error)) return error;
  named.add(error);
  const header = `${error.name}: ${error.message}`;
  error.message = `${operation}: ${error.message}`;
  // NOTE: V8 writes the stack's first line when `stack` is first read; if that already happened, redo it.
  if (typeof error.stack === 'string' && error.stack.startsWith(header + '\n'))
    error.stack = `${error.name}: ${error.message}${error.stack.slice(header.length)}`;
  return error;
}

/** What the check needs of a function: its inputs and its backward rule on gradients `G`. */
interface BackwardRule<G extends { readonly shape: readonly number[] }> {
  readonly inputs: readonly { readonly hasData: boolean; readonly shape: readonly number[] }[];
  backward(...gys: G[]): G | G[];
}

/**
 * What `f.backward` returns for the outputs' gradients `gys`: one gradient per input, each (with
 * `checkShapes`) of its input's shape. A Function written in a lesson may get that wrong; this
 * says where. Gradients are Variables in the full core and arrays in the simple one.
 */
export function inputGradients<G extends { readonly shape: readonly number[] }>(
  f: BackwardRule<G>,
  gys: G[],
  { checkShapes = true }: { checkShapes?: boolean } = {},
): G[] {
  const result = f.backward(...gys);
  const gxs = Array.isArray(result) ? result : [result];
  const name = f.constructor.name;
  if (gxs.length !== f.inputs.length)
    throw new RangeError(
      `${name}.backward returned ${gxs.length} gradients for ${f.inputs.length} inputs`,
    );
  if (!checkShapes) return gxs;
  f.inputs.forEach((x, i) => {
    // NOTE: an input whose data was released (the book's linear_simple) has no shape left to check.
    if (!x.hasData) return;
    const shape = gxs[i]!.shape;
    if (!sameShape(shape, x.shape)) {
      throw new RangeError(
        `${name}.backward returned a gradient of shape ${shapeTuple(shape)} for input ${i} of shape ${shapeTuple(x.shape)}`,
      );
    }
  });
  return gxs;
}
