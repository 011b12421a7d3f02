/**
 * Renders Graphviz DOT text (from `utils.plotDotGraph`) to an SVG string with Graphviz compiled to
 * WebAssembly (@viz-js/viz), in Node or the browser. Loaded on first use and shared afterwards.
 */
type Viz = Awaited<ReturnType<typeof import('@viz-js/viz').instance>>;

let loading: Promise<Viz> | null = null;
const loadViz = (): Promise<Viz> =>
  (loading ??= import('@viz-js/viz').then((viz) => viz.instance()));

/** The graph as a standalone SVG document; throws with Graphviz's message if the DOT text is invalid. */
export async function renderDot(dot: string): Promise<string> {
  const viz = await loadViz();
  const result = viz.render(dot, { format: 'svg' });
  if (result.status !== 'success') {
    throw new Error(
      `Graphviz: ${result.errors.map((e) => e.message).join('; ') || 'could not render the graph'}`,
    );
  }
  return result.output;
}
