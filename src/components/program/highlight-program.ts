/**
 * The static view of a program: Shiki HTML with light and dark colours (Starlight's theme switch
 * picks one in CSS), and the lines inside `#region` blocks marked so they can start folded.
 */
import { codeToHtml } from 'shiki';
import { findRegions } from './regions.ts';

/** The Shiki themes shared by the static code and the Monaco editor. */
export const THEMES = { light: 'github-light', dark: 'github-dark' } as const;

/** Highlights a program as HTML; lines of folded regions get the class `folded`. */
export function highlightProgram(code: string): Promise<string> {
  const regions = findRegions(code);
  return codeToHtml(code, {
    lang: 'typescript',
    themes: THEMES,
    defaultColor: 'light',
    transformers: [
      {
        line(node, line) {
          node.properties['data-line'] = line;
          if (regions.some((region) => region.start === line))
            this.addClassToHast(node, 'fold-start');
          if (regions.some((region) => line > region.start && line <= region.end))
            this.addClassToHast(node, 'folded');
        },
      },
    ],
  });
}
