import { test } from 'node:test';
import assert from 'node:assert/strict';
import githubLight from 'shiki/themes/github-light.mjs';
import { CODE_THEMES, codeThemes } from './code-themes.ts';
import { contrastRatio, flatten } from './contrast.ts';

test('every token colour and line number reads at 4.5:1 on the editor and the current line', async () => {
  const themes = await codeThemes();
  for (const [scheme, theme] of Object.entries(themes)) {
    assert.equal(theme.name, CODE_THEMES[scheme as keyof typeof CODE_THEMES]);
    const colors = theme.colors ?? {};
    const background = colors['editor.background'] ?? '';
    const line = flatten(colors['editor.lineHighlightBackground'] ?? background, background);
    const texts = [
      colors['editorLineNumber.foreground'] ?? '',
      colors['editorLineNumber.activeForeground'] ?? '',
      colors['editor.foreground'] ?? '',
      ...(theme.tokenColors ?? []).flatMap((rule) =>
        rule.settings.foreground && !rule.settings.background ? [rule.settings.foreground] : [],
      ),
    ];
    for (const text of texts) {
      for (const under of [flatten(background, '#fff'), line]) {
        const ratio = contrastRatio(text, under);
        assert.ok(ratio >= 4.5, `${scheme}: ${text} on ${under} is ${ratio.toFixed(2)}:1`);
      }
    }
  }
});

test("a colour that already passes stays GitHub's own", async () => {
  const { light } = await codeThemes();
  const original = githubLight.tokenColors ?? [];
  const under = ['#ffffff', '#f6f8fa']; // the editor and its current line
  original.forEach((rule, i) => {
    const colour = rule.settings.foreground;
    if (!colour || rule.settings.background) return;
    const passes = under.every((background) => contrastRatio(colour, background) >= 4.6);
    if (passes) assert.equal(light.tokenColors?.[i]?.settings.foreground, colour);
  });
  assert.equal(light.colors?.['editor.background'], '#fff');
});
