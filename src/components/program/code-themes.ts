/**
 * The code themes shared by the static view (Shiki) and the editor (Monaco): GitHub's light and
 * dark themes with every text colour the code shows raised to WCAG AA contrast (4.5:1) against
 * the backgrounds it is drawn on. GitHub's own fail in places (orange `#e36209` on white, dark
 * comments, Monaco's translucent line numbers).
 */
import type { ThemeRegistration } from 'shiki';
import { flatten, withContrast } from './contrast.ts';

/** The themes' names, as Monaco knows them. */
export const CODE_THEMES = { light: 'dezero-light', dark: 'dezero-dark' } as const;

/** WCAG AA for normal-size text; a little above 4.5 so that no rounding on the way drops below. */
const MIN_CONTRAST = 4.6;

/** Editor colours that paint text over the editor's background. */
const TEXT_COLOURS = [
  'foreground',
  'editor.foreground',
  'editorLineNumber.foreground',
  'editorLineNumber.activeForeground',
];

/** Backgrounds that text sits on besides the editor's own: the current line, diff changes. */
const OVERLAYS = [
  'editor.lineHighlightBackground',
  'diffEditor.insertedTextBackground',
  'diffEditor.removedTextBackground',
];

/** `theme` renamed `name`, each text colour changed only as far as AA contrast needs. */
export function accessibleTheme(theme: ThemeRegistration, name: string): ThemeRegistration {
  const colors = { ...theme.colors };
  const background = flatten(
    colors['editor.background'] ?? (theme.type === 'dark' ? '#000' : '#fff'),
    '#fff',
  );
  const backgrounds = [
    background,
    ...OVERLAYS.flatMap((key) => (colors[key] ? [flatten(colors[key], background)] : [])),
  ];
  for (const key of TEXT_COLOURS) {
    const colour = colors[key];
    if (colour) colors[key] = withContrast(colour, backgrounds, MIN_CONTRAST);
  }
  const tokenColors = (theme.tokenColors ?? []).map((rule) => {
    const { foreground, background: own } = rule.settings;
    if (!foreground) return rule;
    // A token with its own background (diff markup) is read against that background only.
    const under = own ? [flatten(own, background)] : backgrounds;
    return {
      ...rule,
      settings: { ...rule.settings, foreground: withContrast(foreground, under, MIN_CONTRAST) },
    };
  });
  return { ...theme, name, displayName: name, colors, tokenColors };
}

let loaded: Promise<{ light: ThemeRegistration; dark: ThemeRegistration }> | null = null;

/** The light and dark code themes (GitHub's, loaded once, made accessible). */
export function codeThemes(): Promise<{ light: ThemeRegistration; dark: ThemeRegistration }> {
  loaded ??= Promise.all([
    import('shiki/themes/github-light.mjs'),
    import('shiki/themes/github-dark.mjs'),
  ]).then(([light, dark]) => ({
    light: accessibleTheme(light.default, CODE_THEMES.light),
    dark: accessibleTheme(dark.default, CODE_THEMES.dark),
  }));
  return loaded;
}
