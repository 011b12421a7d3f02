/**
 * The static code view when the reader's saved code replaces the lesson's: the same `<pre>` and
 * line structure Shiki renders (so fonts, heights and folding match), without colours, because
 * the highlighter is not part of the page's first load.
 */
import { findRegions } from './regions.ts';

/** Replaces the static view's code with plain, unhighlighted `code`. */
export function showPlainCode(container: HTMLElement, code: string): void {
  const regions = findRegions(code);
  const pre = document.createElement('pre');
  pre.className = 'shiki program-plain';
  // The theme's colours (background, text, line numbers) ride on the highlighted <pre>'s style.
  pre.style.cssText = container.querySelector('pre')?.style.cssText ?? '';
  pre.tabIndex = 0;
  const codeElement = document.createElement('code');
  code.split('\n').forEach((text, index) => {
    const line = index + 1;
    if (index > 0) codeElement.append('\n');
    const span = document.createElement('span');
    span.className = 'line';
    span.dataset['line'] = String(line);
    if (regions.some((region) => region.start === line)) span.classList.add('fold-start');
    if (regions.some((region) => line > region.start && line <= region.end))
      span.classList.add('folded');
    span.textContent = text;
    codeElement.append(span);
  });
  pre.append(codeElement);
  container.replaceChildren(pre);
}
