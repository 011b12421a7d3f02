/**
 * The helpers steps 23–31 use with the simple core, as the book's `utils.py` at that point:
 * drawing a graph (the same `getDotGraph` and `plotDotGraph` as the full core's, which need only
 * the graph's links) and step 4's numerical derivative, made of the simple core's Variables.
 */
import type { NDArray } from '../np/ndarray.ts';
import { Variable } from './core.ts';
import { gradientReport } from '../gradient-report.ts';
import type { GradientCheck } from '../gradient-report.ts';

export { getDotGraph, plotDotGraph } from '../utils.ts';
export type { DotOptions, PlotDotOptions } from '../utils.ts';

/** The central difference (f(x + eps) - f(x - eps)) / 2eps, elementwise (the book's step 4). */
export function numericalDiff(f: (x: Variable) => Variable, x: Variable, eps = 1e-4): NDArray {
  const y0 = f(new Variable(x.data.sub(eps)));
  const y1 = f(new Variable(x.data.add(eps)));
  return y1.data.sub(y0.data).div(2 * eps);
}

/** The full core's `utils.gradientCheck`, on the simple core's Variables (gradients are arrays). */
export const gradientCheck: GradientCheck = gradientReport({
  wrap: (data) => new Variable(data),
  seedsItself: () => false,
});
