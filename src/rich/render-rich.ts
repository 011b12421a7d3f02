/**
 * One entry for the output panel and scripts: any rich item to an SVG string, and a file name to
 * offer for it. The heavy renderers (Vega, Graphviz) load only when an item of their kind arrives.
 */
import type { RichItem } from '../dezero/rich.ts';
import { renderDot } from './render-dot.ts';
import { renderPlot } from './render-plot.ts';

export { sanitizeSvg } from './sanitize-svg.ts';

/** The item as a standalone SVG document. */
export function renderRich(item: RichItem): Promise<string> {
  return item.kind === 'dot' ? renderDot(item.dot) : renderPlot(item.figure);
}

/** A download name: the program's own (`goldstein.png` becomes `goldstein.svg`), else `fallback.svg`. */
export function svgFileName(item: RichItem, fallback: string): string {
  const base =
    item.toFile
      ?.split(/[\\/]/)
      .pop()
      ?.replace(/\.[^.]*$/, '') || fallback;
  return `${base}.svg`;
}
