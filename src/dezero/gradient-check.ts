/**
 * Numerical gradient checking, as the book's `utils.gradient_check`: backprop's gradient of
 * sum(f(x)) against central differences, one element at a time (eps 1e-4, rtol 1e-4, atol 1e-5),
 * for either core: `gradientChecks(wrap)` makes the checks for the Variables `wrap` makes, and
 * the full core's are exported ready-made. Also `derivative(f)`, which turns "the gradient of f"
 * into a function of x so the same check covers second and third derivatives, and a small seeded
 * generator for test inputs. The central differences are `utils.gradientCheck`'s, which readers use.
 */
import { NDArray, fromFlat } from './np/ndarray.ts';
import { Variable } from './index.ts';
import { shapeTuple } from './np/shape-text.ts';
import { numericalGrads } from './gradient-report.ts';

/** A function of one Variable, as the checks take it (close over any other inputs). */
export type VariableFn<V = Variable> = (x: V) => V;

/** Tolerances of `gradientCheck` (numpy's `allclose`: |num − bp| ≤ atol + rtol·|bp|). */
export interface GradientCheckOptions {
  /** @default 1e-4 */
  rtol?: number;
  /** @default 1e-5 */
  atol?: number;
  /** Half-width of the central difference. @default 1e-4 */
  eps?: number;
}

/** What `gradientCheck` found: whether the two gradients agree, and both of them. */
export interface GradientCheckResult {
  ok: boolean;
  numerical: Float64Array;
  backprop: Float64Array;
  /** The largest |num − bp| over the elements. */
  maxError: number;
}

/** What the checks need of a core's Variable: its array, backprop, and the gradient it leaves. */
export interface CheckedVariable {
  readonly data: NDArray;
  /** A Variable in the full core, a bare array in the simple core. */
  readonly grad: { readonly data: NDArray } | NDArray | null;
  backward(): void;
}

/** The checks of one core (see `gradientChecks`). */
export interface GradientChecks<V extends CheckedVariable> {
  /** d sum(f(x)) / dx by central differences, element by element, in float64. */
  numericalGrad(f: VariableFn<V>, x: NDArray, eps?: number): Float64Array;
  /** The gradient of sum(f(x)) by backprop (zeros when f does not depend on x). */
  backpropGrad(f: VariableFn<V>, x: NDArray): Float64Array;
  /** Compares backprop with central differences for the gradient of sum(f(x)). */
  gradientCheck(f: VariableFn<V>, x: NDArray, options?: GradientCheckOptions): GradientCheckResult;
  /** Throws, showing both gradients, when `gradientCheck` fails; `what` names the case. */
  assertGradient(what: string, f: VariableFn<V>, x: NDArray, options?: GradientCheckOptions): void;
}

/** The gradient checks for the Variables that `wrap` makes from an array. */
export function gradientChecks<V extends CheckedVariable>(
  wrap: (data: NDArray) => V,
): GradientChecks<V> {
  const total = (y: V): number => y.data.sum().item();

  function numericalGrad(f: VariableFn<V>, x: NDArray, eps = 1e-4): Float64Array {
    return numericalGrads(([a]) => total(f(wrap(a!))), [x], eps)[0]!;
  }

  function backpropGrad(f: VariableFn<V>, x: NDArray): Float64Array {
    const v = wrap(fromFlat(x.toFlat(), x.shape));
    f(v).backward();
    if (v.grad === null) return new Float64Array(x.size);
    const grad = v.grad instanceof NDArray ? v.grad : v.grad.data;
    if (shapeTuple(grad.shape) !== shapeTuple(x.shape)) {
      throw new RangeError(
        `gradient shape ${shapeTuple(grad.shape)} differs from input shape ${shapeTuple(x.shape)}`,
      );
    }
    return Float64Array.from(grad.toFlat());
  }

  function gradientCheck(
    f: VariableFn<V>,
    x: NDArray,
    options: GradientCheckOptions = {},
  ): GradientCheckResult {
    const { rtol = 1e-4, atol = 1e-5, eps = 1e-4 } = options;
    const numerical = numericalGrad(f, x, eps);
    const backprop = backpropGrad(f, x);
    let ok = true;
    let maxError = 0;
    for (let i = 0; i < numerical.length; i++) {
      const err = Math.abs(numerical[i]! - backprop[i]!);
      maxError = Math.max(maxError, err);
      if (!(err <= atol + rtol * Math.abs(backprop[i]!))) ok = false;
    }
    return { ok, numerical, backprop, maxError };
  }

  function assertGradient(
    what: string,
    f: VariableFn<V>,
    x: NDArray,
    options: GradientCheckOptions = {},
  ): void {
    const r = gradientCheck(f, x, options);
    if (r.ok) return;
    const show = (a: Float64Array): string =>
      Array.from(a.slice(0, 10), (v) => v.toPrecision(8)).join(', ');
    throw new Error(
      `gradient check failed for ${what} (max error ${r.maxError})\n  numerical: ${show(r.numerical)}\n  backprop:  ${show(r.backprop)}`,
    );
  }

  return { numericalGrad, backpropGrad, gradientCheck, assertGradient };
}

/** The full core's checks. */
export const { numericalGrad, backpropGrad, gradientCheck, assertGradient } = gradientChecks(
  (data) => new Variable(data),
);

/**
 * x ↦ d sum(f(x)) / dx as a Variable that is itself a graph (`createGraph`), so it can be checked
 * or differentiated again: `derivative(derivative(F.sin))` is −sin.
 */
export function derivative(f: VariableFn): VariableFn {
  return (x) => {
    f(x).backward({ createGraph: true });
    const gx = x.grad;
    if (gx === null) throw new Error('the function does not depend on its input');
    x.cleargrad();
    return gx;
  };
}

/** A seeded generator of uniform numbers in [0, 1) (mulberry32), so test inputs repeat. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A float64 array of `shape` with values uniform in [low, high) from `rand`. */
export function randomArray(
  rand: () => number,
  shape: readonly number[],
  low = -1,
  high = 1,
): NDArray {
  const n = shape.reduce((a, b) => a * b, 1);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = low + (high - low) * rand();
  return fromFlat(values, shape);
}
