/**
 * Renders a `plt` figure to an SVG string with Vega, in Node or the browser (no DOM needed).
 * Vega is imported on first use, so a page fetches it only when a program draws.
 */
import type { FigureSpec } from '../dezero/plt-spec.ts';
import { resolveCmap } from '../dezero/plt-style.ts';
import { plotToVega } from './plot-to-vega.ts';
import type { Colormap } from './plot-marks.ts';

type Vega = typeof import('vega');

let loading: Promise<Vega> | null = null;
const loadVega = (): Promise<Vega> => (loading ??= import('vega'));

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
  const vega = await loadVega();
  const spec = plotToVega(figure, colormapFrom(vega));
  const view = new vega.View(vega.parse(spec as import('vega').Spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
