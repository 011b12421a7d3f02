/**
 * `utils.gradientCheck(f, ...inputs)`: a reader's check of a backward rule, as the book's tests
 * check every function. For each input it compares the gradient of sum(f(...inputs)) by backprop
 * with central differences (eps 1e-4, in float64), prints the largest absolute and relative
 * difference and whether they agree within numpy's `allclose` tolerances (rtol 1e-4, atol 1e-5,
 * the book's `gradient_check`), and returns true when every input agrees.
 *
 * It takes the Variables and Functions of any core: the full one, `dezero/simple`, and the
 * classes a reader writes in steps 6–22. Copies of the inputs are made with the class of the
 * Variables given, so the program's own graph is left as it was.
 */
import { NDArray, fromFlat } from './np/ndarray.ts';
import { shapeTuple } from './np/shape-text.ts';
import { print } from './print.ts';

/** What the check needs of an input Variable: its array, and the gradient backprop leaves. */
export interface CheckedInput {
  readonly data: NDArray;
  /** A Variable in the full core, an array in the simple core and the early steps. */
  readonly grad?: { readonly data: NDArray } | NDArray | null;
}

/** What the check needs of an output: its array and a backward pass. */
export interface CheckedOutput {
  readonly data: NDArray;
  backward(): void;
}

/**
 * A Function object (`new Square()`): checked through a copy of it, so the program's graph keeps
 * its own links. In steps 6–31 its rules work on arrays; the full core's work on Variables.
 */
export interface CheckedFunction {
  forward(...xs: never[]): unknown;
  backward(...gys: never[]): unknown;
  call(...inputs: never[]): unknown;
}

/** A function of Variables that returns one Variable: `F.sin`, `(x) => new Sin().call(x)`. */
export type CheckedFn = (...xs: never[]) => CheckedOutput;

/** Tolerances, as numpy's `allclose`: passes when |num − bp| ≤ atol + rtol·|bp| everywhere. */
export interface GradientCheckTolerances {
  /** @default 1e-4 */
  rtol?: number;
  /** @default 1e-5 */
  atol?: number;
}

/** How one core wraps an array as a Variable, and whether its backward seeds its own gradient. */
export interface CheckCore {
  wrap: (data: NDArray) => CheckedInput;
  /** True for a Variable whose `grad` must stay a Variable (the full core seeds it itself). */
  seedsItself: (output: object) => boolean;
}

/** An input as the check takes it: a Variable of any core, an array, or a number. */
export type CheckInput = CheckedInput | NDArray | number;

/** The signature of `utils.gradientCheck`: `f`, its inputs, then optionally `{ rtol, atol }`. */
export type GradientCheck = (
  f: CheckedFn | CheckedFunction,
  ...inputs: (CheckInput | GradientCheckTolerances)[]
) => boolean;

const EPS = 1e-4;

/** d sum(y) / d inputs[k] by central differences, element by element, each input in float64. */
export function numericalGrads(
  total: (arrays: NDArray[]) => number,
  inputs: readonly NDArray[],
  eps = EPS,
): Float64Array[] {
  const flats = inputs.map((x) => Float64Array.from(x.toFlat()));
  const arrays = (): NDArray[] => flats.map((flat, i) => fromFlat(flat, inputs[i]!.shape));
  return flats.map((flat) => {
    const grad = new Float64Array(flat.length);
    for (let i = 0; i < flat.length; i++) {
      const saved = flat[i]!;
      flat[i] = saved + eps;
      const plus = total(arrays());
      flat[i] = saved - eps;
      const minus = total(arrays());
      flat[i] = saved;
      grad[i] = (plus - minus) / (2 * eps);
    }
    return grad;
  });
}

/** The `gradientCheck` of one core. */
export function gradientReport(core: CheckCore): GradientCheck {
  return (f, ...args) => {
    const last = args.at(-1);
    const isTolerances = (v: unknown): v is GradientCheckTolerances =>
      typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
    const { rtol = 1e-4, atol = 1e-5 } = isTolerances(last) ? last : {};
    const given = (isTolerances(last) ? args.slice(0, -1) : args) as CheckInput[];
    if (given.length === 0) throw new TypeError('utils.gradientCheck: give at least one input');
    const arrays = given.map(toFloat64);
    const wrap = wrapperLike(given, core);
    const numerical = numericalGrads(
      (xs) =>
        sumOf(typeof f === 'function' ? f(...(xs.map(wrap) as never[])).data : forward(f, xs)),
      arrays,
    );
    const backprop = backpropGrads(f, arrays, wrap, core);
    let ok = true;
    arrays.forEach((x, k) => {
      const result = compare(numerical[k]!, backprop[k]!, rtol, atol);
      ok &&= result.ok;
      report(k, x, result, numerical[k]!, backprop[k]!);
    });
    return ok;
  };
}

// ==== The two gradients ====

function toFloat64(input: CheckInput): NDArray {
  const data =
    typeof input === 'number'
      ? fromFlat([input], [])
      : input instanceof NDArray
        ? input
        : input.data;
  return fromFlat(data.toFlat(), data.shape, 'float64');
}

/** Copies become Variables of the class the reader passed in, else of the core's own. */
function wrapperLike(given: readonly CheckInput[], core: CheckCore): (x: NDArray) => CheckedInput {
  const variable = given.find(
    (v): v is CheckedInput => typeof v === 'object' && !(v instanceof NDArray),
  );
  if (!variable) return core.wrap;
  const Class = variable.constructor as new (data: NDArray) => CheckedInput;
  return (x) => new Class(x);
}

const sumOf = (y: NDArray): number => y.sum().item();

/** The Function's forward on arrays (one output: `backpropGrads` refuses more). */
function forward(fn: CheckedFunction, xs: NDArray[]): NDArray {
  const ys = fn.forward(...(xs as never[])) as NDArray | readonly NDArray[];
  return ys instanceof NDArray ? ys : ys[0]!;
}

function gradOf(v: CheckedInput, shape: readonly number[]): Float64Array {
  const g = v.grad ?? null;
  if (g === null) return new Float64Array(shape.reduce((a, b) => a * b, 1));
  const array = g instanceof NDArray ? g : g.data;
  if (shapeTuple(array.shape) !== shapeTuple(shape)) {
    throw new RangeError(
      `utils.gradientCheck: the gradient has shape ${shapeTuple(array.shape)}, its input ${shapeTuple(shape)}`,
    );
  }
  return Float64Array.from(array.toFlat());
}

/**
 * Backprop on fresh copies of the inputs: through the output's `backward()` when it has one, else
 * (step 6, where the reader calls each backward by hand) through the Function's own rule.
 */
function backpropGrads(
  f: CheckedFn | CheckedFunction,
  arrays: readonly NDArray[],
  wrap: (x: NDArray) => CheckedInput,
  core: CheckCore,
): Float64Array[] {
  const vs = arrays.map(wrap);
  const grads = (): Float64Array[] => vs.map((v, k) => gradOf(v, arrays[k]!.shape));
  // NOTE: a copy of a Function object (its settings too, e.g. Pow's c), so the program's own graph keeps its links.
  const fn =
    typeof f === 'function'
      ? null
      : (Object.assign(Object.create(Object.getPrototypeOf(f) as object), f) as CheckedFunction);
  const called = fn === null ? (f as CheckedFn)(...(vs as never[])) : fn.call(...(vs as never[]));
  const outputs = (Array.isArray(called) ? called : [called]) as CheckedOutput[];
  const y = outputs[0]!;
  if (outputs.length !== 1)
    throw new TypeError('utils.gradientCheck: check a function with one output');
  if (fn && typeof y.backward !== 'function') {
    const gxs = fn.backward(onesLike(y.data) as never) as NDArray | readonly NDArray[];
    return (gxs instanceof NDArray ? [gxs] : gxs).map((g, k) =>
      gradOf({ data: arrays[k]!, grad: g }, arrays[k]!.shape),
    );
  }
  // NOTE: steps 7–8 leave the output's gradient to the reader (`y.grad = np.array(1.0)`).
  const seeded = y as unknown as { grad: unknown };
  if (!core.seedsItself(y) && (seeded.grad ?? null) === null) seeded.grad = onesLike(y.data);
  y.backward();
  return grads();
}

const onesLike = (x: NDArray): NDArray =>
  fromFlat(new Float64Array(x.size).fill(1), x.shape, x.dtype);

// ==== Comparing and reporting ====

interface Comparison {
  ok: boolean;
  maxAbs: number;
  maxRel: number;
}

function compare(num: Float64Array, bp: Float64Array, rtol: number, atol: number): Comparison {
  let ok = true;
  let maxAbs = 0;
  let maxRel = 0;
  for (let i = 0; i < num.length; i++) {
    const diff = Math.abs(num[i]! - bp[i]!);
    const scale = Math.max(Math.abs(num[i]!), Math.abs(bp[i]!));
    // NaN fails, and shows as the difference.
    if (!(diff <= atol + rtol * Math.abs(bp[i]!))) ok = false;
    maxAbs = Number.isNaN(diff) || diff > maxAbs ? diff : maxAbs;
    const rel = scale === 0 ? 0 : diff / scale;
    maxRel = Number.isNaN(rel) || rel > maxRel ? rel : maxRel;
  }
  return { ok, maxAbs, maxRel };
}

const short = (v: number): string => (v === 0 ? '0' : v.toPrecision(2));

function report(
  k: number,
  x: NDArray,
  { ok, maxAbs, maxRel }: Comparison,
  num: Float64Array,
  bp: Float64Array,
): void {
  print(
    `gradientCheck input ${k + 1} (shape ${shapeTuple(x.shape)}): max abs diff ${short(maxAbs)}, ` +
      `max rel diff ${short(maxRel)}: ${ok ? 'passed' : 'FAILED'}`,
  );
  if (ok) return;
  // As the book's check, the first values of both, flattened (six keep each on one line).
  const head = (g: Float64Array): string =>
    `[${Array.from(g.subarray(0, 6), (v) => Number(v.toPrecision(6))).join(', ')}${g.length > 6 ? ', ...' : ''}]`;
  print(`  numerical: ${head(num)}`);
  print(`  backprop:  ${head(bp)}`);
}
