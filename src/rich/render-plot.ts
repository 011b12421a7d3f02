/**
 * Renders a `plt` figure to an SVG string with Vega, in Node or the browser (no DOM needed).
 * Vega is imported on first use, so a page fetches it only when a program draws.
 */
import type { FigureSpec } from '../dezero/plt-spec.ts';
import { resolveCmap } from '../dezero/plt-style.ts';
import { plotToVega } from './plot-to-vega.ts';
import type { Colormap } from './plot-marks.ts';

type Vega = typeof import('vega');
type Interpreter = typeof import('vega-interpreter');

let loading: Promise<[Vega, Interpreter]> | null = null;
const loadVega = (): Promise<[Vega, Interpreter]> =>
  (loading ??= Promise.all([import('vega'), import('vega-interpreter')]));

function colormapFrom(vega: Vega): Colormap {
  return (name) => {
    const { scheme, reverse } = resolveCmap(name);
    // NOTE: matplotlib's gray is a straight ramp; Vega's greys is perceptual and never quite black.
    const ramp: (t: number) => string =
      scheme === 'greys'
        ? (t) => {
            const v = Math.round((1 - t) * 255);
            return `rgb(${v},${v},${v})`;
          }
        : (vega.scheme(scheme) as (t: number) => string);
    return reverse ? (t) => ramp(1 - t) : ramp;
  };
}

/** The figure as a standalone SVG document (width and height in pixels, as at 100 dpi). */
export async function renderPlot(figure: FigureSpec): Promise<string> {
  const [vega, { expressionInterpreter }] = await loadVega();
  const spec = plotToVega(figure, colormapFrom(vega));
  // NOTE: Vega compiles expressions with `new Function` unless told to interpret them; the
  // page's Content-Security-Policy allows no eval, so it interprets.
  const runtime = vega.parse(spec as import('vega').Spec, undefined, { ast: true });
  const view = new vega.View(runtime, { renderer: 'none', expr: expressionInterpreter });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
