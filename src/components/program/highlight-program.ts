/**
 * The static view of a program: Shiki HTML with light and dark colours (Starlight's theme switch
 * picks one in CSS), and the lines inside `#region` blocks marked so they can start folded.
 */
import { codeToHtml } from 'shiki';
import { codeThemes } from './code-themes.ts';
import { findRegions } from './regions.ts';

/**
 * Highlights a program as HTML; lines of folded regions get the class `folded`. The `<pre>`
 * carries the themes' line-number colours as `--line-number` and `--line-number-dark`.
 */
export async function highlightProgram(code: string): Promise<string> {
  const regions = findRegions(code);
  const themes = await codeThemes();
  const lineNumbers = `--line-number:${themes.light.colors?.['editorLineNumber.foreground']};--line-number-dark:${themes.dark.colors?.['editorLineNumber.foreground']}`;
  return codeToHtml(code, {
    lang: 'typescript',
    themes,
    defaultColor: 'light',
    transformers: [
      {
        pre(node) {
          node.properties['style'] = `${String(node.properties['style'] ?? '')};${lineNumbers}`;
        },
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
