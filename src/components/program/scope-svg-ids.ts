/**
 * Several figures share one page, and Vega and Graphviz number their ids the same way in every
 * drawing (`clip1`, `node1`), so an inline SVG's `url(#clip1)` could pick up another figure's
 * clip path. Prefixing a drawing's ids keeps each one to itself.
 */

/** `svg` with every `id`, and every `url(#…)` and `href="#…"` that points at one, prefixed (in tags only, never in text). */
export function scopeSvgIds(svg: string, prefix: string): string {
  const tags = /<[^>]+>/g;
  const ids = new Set<string>();
  for (const [tag] of svg.matchAll(tags)) {
    for (const match of tag.matchAll(/\sid="([^"]+)"/g)) ids.add(match[1] ?? '');
  }
  if (ids.size === 0) return svg;
  const scoped = (id: string): string => (ids.has(id) ? `${prefix}${id}` : id);
  return svg.replace(tags, (tag) =>
    tag
      .replace(/(\sid=")([^"]+)"/g, (_, start: string, id: string) => `${start}${scoped(id)}"`)
      .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${scoped(id)})`)
      .replace(
        /(\s(?:xlink:)?href=")#([^"]+)"/g,
        (_, start: string, id: string) => `${start}#${scoped(id)}"`,
      ),
  );
}
