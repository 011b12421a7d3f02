/**
 * The accessibility audit the suite holds every page to: axe-core (WCAG 2.1 A/AA and best
 * practice) finds no serious or critical violation, in the light theme with every rule and in the
 * dark theme with the rules a colour scheme can change.
 *
 * axe is injected once per page and run twice, rather than through `AxeBuilder`, which injects
 * its 500 KB source again on every `analyze()` (about a second per audit on this machine, most of
 * the audit of a short page).
 */
import axe from 'axe-core';
import type { AxeResults, RunOptions } from 'axe-core';
import { expect, type Page } from './fixtures.ts';

const THEMES = ['light', 'dark'] as const;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
/** The rules whose result a colour scheme can change: the second theme is audited with these only. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

declare global {
  interface Window {
    axe?: typeof axe;
  }
}

/** Switches Starlight's theme as its theme picker does (and as a reload would restore it). */
async function setTheme(page: Page, theme: (typeof THEMES)[number]): Promise<void> {
  await page.evaluate((value) => {
    localStorage.setItem('starlight-theme', value);
    document.documentElement.dataset['theme'] = value;
  }, theme);
}

/** The serious and critical violations axe finds, one readable paragraph each. */
async function violations(page: Page, options: RunOptions): Promise<string[]> {
  // Evaluated in the page, past its Content-Security-Policy, as AxeBuilder injects it.
  if (!(await page.evaluate(() => window.axe !== undefined))) await page.evaluate(axe.source);
  const results: AxeResults = await page.evaluate(
    (runOptions) => window.axe!.run(document, runOptions),
    { ...options, resultTypes: ['violations'] } satisfies RunOptions,
  );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map(
          (node) =>
            `    ${node.target.join(' ')}\n      ${node.failureSummary?.replaceAll('\n', '\n      ')}`,
        );
      const more = v.nodes.length > 5 ? [`    … and ${v.nodes.length - 5} more`] : [];
      return [`${v.impact} ${v.id}: ${v.help} (${v.nodes.length} nodes)`, ...nodes, ...more].join(
        '\n',
      );
    });
}

/** Audits the page in both themes, leaves it in the first, and fails with every finding. */
export async function expectNoViolations(page: Page): Promise<void> {
  const found: string[] = [];
  for (const theme of THEMES) {
    await setTheme(page, theme);
    const options: RunOptions =
      theme === THEMES[0]
        ? { runOnly: { type: 'tag', values: TAGS } }
        : { runOnly: { type: 'rule', values: COLOUR_RULES } };
    for (const violation of await violations(page, options)) found.push(`[${theme}] ${violation}`);
  }
  await setTheme(page, THEMES[0]);
  expect(found.length, `axe on ${page.url()}:\n\n${found.join('\n\n')}\n`).toBe(0);
}
