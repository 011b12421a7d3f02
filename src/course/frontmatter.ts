/** Reads a lesson's frontmatter in Node (the tests' view of what Astro's content layer validates). */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** One declared difference between our output and the book's (see `src/content.config.ts`). */
export interface BookDifference {
  line: number;
  book: string | null;
  ours: string | null;
  reason: string;
}

/** The lesson fields the tests rely on. */
export interface LessonFrontmatter {
  title: string;
  book?: { program: string; differences?: BookDifference[] };
}

/** Parses the YAML frontmatter at the top of an `.mdx` file. */
export function readFrontmatter(mdx: URL): LessonFrontmatter {
  const text = readFileSync(mdx, 'utf8');
  const match = /^---\n([\s\S]*?)\n---/.exec(text);
  if (!match?.[1]) throw new Error(`${mdx.pathname}: no frontmatter`);
  return parse(match[1]) as LessonFrontmatter;
}
