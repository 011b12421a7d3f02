/**
 * Every lesson page, every program: the page loads without console errors, shows each of its
 * programs, and each program, when run, prints exactly the output the page says it prints.
 */
import { test, expect, type Page } from '@playwright/test';
import { readdirSync } from 'node:fs';

const stepsDir = new URL('../content/docs/steps/', import.meta.url);
const steps = readdirSync(stepsDir).filter((d) => /^\d\d$/.test(d)).sort();

/** The programs a step folder holds, as `NN/name` ids. */
function programsOf(step: string): string[] {
  return readdirSync(new URL(`${step}/`, stepsDir))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.endsWith('.test.ts'))
    .map((f) => `${step}/${f.slice(0, -3)}`)
    .sort();
}

/** Collects console errors and uncaught page errors from the moment the page opens. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

test('the home page lists the stages and links the written lessons', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Stage 1: Automatic differentiation' })).toBeVisible();
  for (const step of steps) {
    await expect(page.locator(`a[href$="steps/${step}/"]`).first()).toBeVisible();
  }
  expect(errors).toEqual([]);
});

for (const step of steps) {
  test.describe(`step ${step}`, () => {
    test('loads without errors and shows every program', async ({ page }) => {
      const errors = watchErrors(page);
      await page.goto(`steps/${step}/`);
      await expect(page.locator('h1')).toBeVisible();
      const ids = await page.locator('[data-runner]').evaluateAll((els) => els.map((el) => el.getAttribute('data-runner')));
      expect(ids.sort()).toEqual(programsOf(step));
      expect(errors).toEqual([]);
    });

    for (const id of programsOf(step)) {
      test(`${id} prints what the page says`, async ({ page }) => {
        await page.goto(`steps/${step}/`);
        const program = page.locator(`[data-runner="${id}"]`);
        const expected = await program.locator('[data-expected]').getAttribute('data-expected');
        expect(expected).not.toBeNull();
        await program.getByRole('button', { name: 'Run', exact: true }).click();
        await expect(program).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
        // Raw text, not toHaveText's whitespace-normalised comparison.
        const stdout = await program.locator('[data-stdout]').evaluate((el) => el.textContent);
        expect(stdout).toBe(expected);
      });
    }
  });
}
