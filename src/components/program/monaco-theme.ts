/**
 * The editor's colours: Shiki's grammar and the same light/dark themes as the static code
 * (`shikiToMonaco`), following Starlight's theme switch (`<html data-theme>`).
 */
import type * as Monaco from 'monaco-editor/editor';
import { createHighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import { shikiToMonaco } from '@shikijs/monaco';
import { CODE_THEMES, codeThemes } from './code-themes.ts';

/** The Monaco theme matching Starlight's current colour scheme. */
export function currentTheme(): string {
  return document.documentElement.dataset['theme'] === 'light'
    ? CODE_THEMES.light
    : CODE_THEMES.dark;
}

/** Loads the Shiki themes into Monaco and keeps the editor's theme in step with the page's. */
export async function applyShikiTheme(monaco: typeof Monaco): Promise<void> {
  const { light, dark } = await codeThemes();
  const highlighter = await createHighlighterCore({
    themes: [light, dark],
    langs: [import('shiki/langs/typescript.mjs')],
    engine: createJavaScriptRegexEngine(),
  });
  shikiToMonaco(highlighter, monaco);
  monaco.editor.setTheme(currentTheme());
  new MutationObserver(() => monaco.editor.setTheme(currentTheme())).observe(
    document.documentElement,
    {
      attributes: true,
      attributeFilter: ['data-theme'],
    },
  );
}
