/**
 * One graph drawn into the view: Graphviz lays out the DOT text, the SVG is sanitized like every
 * figure, and each node becomes an option of a listbox the keyboard can walk (arrow keys, Home,
 * End; one tab stop), so a node can be chosen by click or key. Edges are decoration.
 */
import type { GraphDescription, GraphNode } from '../../runner/graph/graph-report.ts';
import { renderDot } from '../../rich/render-dot.ts';
import { sanitizeSvg } from '../../rich/sanitize-svg.ts';
import { scopeSvgIds } from '../program/scope-svg-ids.ts';
import { graphToDot, nodeLines } from './graph-dot.ts';
import { listMove } from './list-keys.ts';

let drawings = 0;

/** A drawn graph: its SVG, and its nodes by id. */
export interface GraphDrawing {
  svg: SVGSVGElement;
  /** The `<g>` of each node, by the description's id. */
  nodes: Map<string, SVGGElement>;
}

/** Draws `graph`; `select` is called with the node the reader picks. */
export async function drawGraph(
  graph: GraphDescription,
  select: (node: GraphNode) => void,
): Promise<GraphDrawing> {
  const text = await renderDot(graphToDot(graph));
  const svg = sanitizeSvg(scopeSvgIds(text, `graph${++drawings}-`));
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const nodes = new Map<string, SVGGElement>();
  for (const g of svg.querySelectorAll<SVGGElement>('g.node')) {
    const id = g.querySelector('title')?.textContent ?? '';
    const node = byId.get(id);
    if (!node) continue;
    nodes.set(id, g);
    g.dataset['node'] = id;
    g.dataset['kind'] = node.kind;
    g.setAttribute('role', 'option');
    g.setAttribute('aria-selected', 'false');
    g.setAttribute('aria-label', nodeLines(node).join(', '));
    g.tabIndex = -1;
  }
  // Titles would be read and shown as tooltips; the options carry their own labels.
  for (const title of svg.querySelectorAll('title')) title.remove();
  for (const g of svg.querySelectorAll('g.edge, g.graph > polygon'))
    g.setAttribute('aria-hidden', 'true');
  svg.querySelector('g.graph')?.setAttribute('role', 'none');
  svg.setAttribute('role', 'listbox');
  svg.setAttribute('aria-label', `Nodes of the graph of ${graph.title}`);
  const order = graph.nodes.map((node) => nodes.get(node.id)).filter((g) => g !== undefined);
  order[0]?.setAttribute('tabindex', '0');
  const choose = (g: SVGGElement, focus: boolean): void => {
    for (const other of order) {
      other.tabIndex = other === g ? 0 : -1;
      other.setAttribute('aria-selected', String(other === g));
    }
    if (focus) g.focus();
    const node = byId.get(g.dataset['node'] ?? '');
    if (node) select(node);
  };
  svg.addEventListener('click', (event) => {
    const g = (event.target as Element).closest<SVGGElement>('g[data-node]');
    if (g) choose(g, true);
  });
  svg.addEventListener('focusin', (event) => {
    const g = (event.target as Element).closest<SVGGElement>('g[data-node]');
    if (g && g.getAttribute('aria-selected') !== 'true') choose(g, false);
  });
  svg.addEventListener('keydown', (event) => {
    const at = order.findIndex((g) => g === document.activeElement);
    const to = listMove(event.key, at, order.length - 1);
    if (to === undefined) return;
    event.preventDefault();
    const g = order[Math.max(0, Math.min(order.length - 1, to))];
    if (g) choose(g, true);
  });
  return { svg, nodes };
}
