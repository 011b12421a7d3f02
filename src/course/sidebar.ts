import { existsSync } from 'node:fs';
import { STAGES, stepSlug } from './stages.ts';

/** A Starlight sidebar entry for a page, by slug; the label comes from the page's title. */
interface SlugItem {
  slug: string;
}
interface Group {
  label: string;
  items: SlugItem[];
}

/**
 * Starlight's sidebar: one group per stage, listing the steps whose lesson exists under
 * `docsRoot` (so an unwritten step never becomes a broken link). Prev/next follow this order.
 */
export function sidebar(docsRoot: URL): Group[] {
  return STAGES.map((stage) => {
    const items: SlugItem[] = [];
    for (let step = stage.first; step <= stage.last; step++) {
      const slug = `steps/${stepSlug(step)}`;
      if (existsSync(new URL(`${slug}/index.mdx`, docsRoot))) items.push({ slug });
    }
    return { label: stage.title, items };
  }).filter((group) => group.items.length > 0);
}
