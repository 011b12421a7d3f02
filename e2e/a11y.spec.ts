/**
 * Accessibility: axe-core (WCAG 2.1 A/AA and best practice) finds no serious or critical violation
 * on any page, in the light and the dark theme, right after load and, on one lesson per stage,
 * after every program has run with its editor loaded; and a keyboard user keeps their place
 * through a run.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';
import type { Locator, Page } from './fixtures.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { STAGES } from '../src/course/stages.ts';

const stepsDir = new URL('../content/docs/steps/', import.meta.url);
const steps = readdirSync(stepsDir)
  .filter((d) => /^\d\d$/.test(d))
  .sort();

const THEMES = ['light', 'dark'] as const;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
/** The rules whose result a colour scheme can change: the second theme is audited with these only. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** The source of every program a step folder holds. */
function programSources(step: string): string[] {
  return readdirSync(new URL(`${step}/`, stepsDir))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.endsWith('.test.ts'))
    .map((f) => readFileSync(new URL(`${step}/${f}`, stepsDir), 'utf8'));
}

/**
 * One lesson per stage to audit after its runs: the stage's last written lesson that draws a
 * figure (so figures are audited too), else its last written lesson.
 */
const draws = (step: string): boolean =>
  programSources(step).some((code) => /\bplt\.|plotDotGraph/.test(code));
const afterRun = STAGES.flatMap((stage) => {
  const written = steps.filter((s) => Number(s) >= stage.first && Number(s) <= stage.last);
  const chosen = written.filter(draws).at(-1) ?? written.at(-1);
  return chosen === undefined ? [] : [chosen];
});

/** Switches Starlight's theme as its theme picker does (and as a reload would restore it). */
async function setTheme(page: Page, theme: (typeof THEMES)[number]): Promise<void> {
  await page.evaluate((value) => {
    localStorage.setItem('starlight-theme', value);
    document.documentElement.dataset['theme'] = value;
  }, theme);
}

/** The serious and critical violations axe finds, one readable paragraph each. */
async function violations(page: Page, coloursOnly: boolean): Promise<string[]> {
  const axe = new AxeBuilder({ page }).options({ resultTypes: ['violations'] });
  const results = await (coloursOnly ? axe.withRules(COLOUR_RULES) : axe.withTags(TAGS)).analyze();
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

/** Audits the page in both themes and fails with every finding, each with its theme. */
async function expectNoViolations(page: Page): Promise<void> {
  const found: string[] = [];
  for (const theme of THEMES) {
    await setTheme(page, theme);
    const coloursOnly = theme !== THEMES[0];
    for (const violation of await violations(page, coloursOnly))
      found.push(`[${theme}] ${violation}`);
  }
  expect(found.length, `axe on ${page.url()}:\n\n${found.join('\n\n')}\n`).toBe(0);
}

function pagePath(step: string | null): string {
  return step === null ? './' : `steps/${step}/`;
}

for (const step of [null, ...steps]) {
  test(`axe: ${pagePath(step)} after load`, async ({ page }) => {
    await page.goto(pagePath(step));
    await expectNoViolations(page);
  });
}

function programs(page: Page): Locator {
  return page.locator('[data-runner]');
}

for (const step of afterRun) {
  test(`axe: ${pagePath(step)} after Run, with the editor loaded`, async ({ page }) => {
    test.slow(); // every program on the page runs, one after another
    await page.goto(pagePath(step));
    for (const program of await programs(page).all()) {
      await program.locator('[data-code]').hover();
      await expect(program.locator('.program-editor-ready')).toBeVisible();
      await program.getByRole('button', { name: 'Run', exact: true }).click();
      await expect(program).toHaveAttribute('data-status', /done|error/, { timeout: 60_000 });
      await expect(program).not.toHaveAttribute('data-rich-pending');
    }
    // Each figure says what it shows, beyond "Plot 1".
    const figures = await page.locator('[data-rich] [role="img"]').all();
    expect(figures.length > 0).toBe(draws(step));
    for (const figure of figures) {
      await expect(figure).toHaveAttribute('aria-label', /^(Plot|Graph) \d+: \S/);
    }
    await expectNoViolations(page);
  });
}

/** Whether the focus is on `target` or inside it. */
function hasFocus(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element.contains(document.activeElement));
}

/** Presses `key` until `target` has focus (at most `limit` times). */
async function pressUntilFocused(
  page: Page,
  key: string,
  target: Locator,
  limit = 60,
): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await hasFocus(target)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

test('keyboard only: reach the code, edit it, run it; focus is on Stop while it runs, then on Run', async ({
  page,
}) => {
  await page.goto('steps/01/');
  const main = page.locator('[data-runner="01/main"]');
  const run = main.getByRole('button', { name: 'Run', exact: true });
  const stop = main.getByRole('button', { name: 'Stop', exact: true });
  // As a keyboard reader does: the skip link first, past the header and the sidebar.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await pressUntilFocused(page, 'Tab', run);
  // On past Run into the code: the editor loads and takes the focus.
  await pressUntilFocused(page, 'Tab', main.locator('[data-code]'));
  const editor = main.locator('.program-editor-ready');
  await expect(editor).toBeVisible();
  await expect.poll(() => hasFocus(editor)).toBe(true);
  await page.keyboard.press('ControlOrMeta+A');
  // Long enough to be seen running, then it ends on its own.
  await page.keyboard.insertText(
    'const end = Date.now() + 2000;\nwhile (Date.now() < end);\nconsole.log("done");',
  );
  // Ctrl+Enter runs from the editor and leaves the focus there.
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(main).toHaveAttribute('data-status', 'running');
  expect(await hasFocus(editor)).toBe(true);
  await expect(main).toHaveAttribute('data-status', 'done');

  await page.keyboard.press('Escape'); // lets Tab leave the editor
  await pressUntilFocused(page, 'Shift+Tab', run);
  await page.keyboard.press('Enter');
  await expect(main).toHaveAttribute('data-status', 'running');
  await expect(stop).toBeFocused();
  await expect(main.locator('[data-announce]')).toHaveText('Running…');
  await expect(main).toHaveAttribute('data-status', 'done');
  await expect(run).toBeFocused();
  await expect(main.locator('[data-announce]')).toHaveText(/^Done in \d/);
  expect(await main.locator('[data-stdout]').textContent()).toBe('done');
});
