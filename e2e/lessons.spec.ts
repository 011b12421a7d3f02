/**
 * Every lesson page, every program: the page loads without console errors, shows each of its
 * programs, and each program, when run, prints exactly the output the page says it prints and
 * shows the figures it draws when the same runner core runs it in Node.
 */
import { test, expect, type Page } from './fixtures.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { figuresInNode } from '../src/course/lesson-files.ts';

const stepsDir = new URL('../content/docs/steps/', import.meta.url);
const steps = readdirSync(stepsDir)
  .filter((d) => /^\d\d$/.test(d))
  .sort();

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
  await expect(
    page.getByRole('heading', { name: 'Stage 1: Automatic differentiation' }),
  ).toBeVisible();
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
      const ids = await page
        .locator('[data-runner]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-runner')));
      expect(ids.sort()).toEqual(programsOf(step));
      expect(errors).toEqual([]);
    });

    test('renders its asides as asides', async ({ page }) => {
      const mdx = readFileSync(new URL(`${step}/index.mdx`, stepsDir), 'utf8');
      // `:::note` blocks and <Aside> both become Starlight asides; a missing Markdown plugin shows them as text.
      const asides =
        (mdx.match(/^:::(note|tip|caution|danger)/gm) ?? []).length +
        (mdx.match(/<Aside\b/g) ?? []).length;
      await page.goto(`steps/${step}/`);
      await expect(page.locator('.starlight-aside')).toHaveCount(asides);
      await expect(page.locator('.sl-markdown-content')).not.toContainText(':::');
    });

    for (const id of programsOf(step)) {
      test(`${id} prints what the page says and draws what it draws in Node`, async ({ page }) => {
        const drawn = await figuresInNode(readFileSync(new URL(`${id}.ts`, stepsDir), 'utf8'));
        await page.goto(`steps/${step}/`);
        const program = page.locator(`[data-runner="${id}"]`);
        const expected = await program.locator('[data-expected]').getAttribute('data-expected');
        expect(expected).not.toBeNull();
        // A training program has the lesson's longer time limit; the test waits as long as the page would.
        const limitMs = Number(await program.getAttribute('data-time-limit'));
        test.setTimeout(limitMs + 60_000);
        await program.getByRole('button', { name: 'Run', exact: true }).click();
        await expect(program).not.toHaveAttribute('data-status', 'running', {
          timeout: limitMs + 5_000,
        });
        await expect(program.locator('[data-error]')).toBeHidden();
        await expect(program).toHaveAttribute('data-status', 'done');
        // Raw text, not toHaveText's whitespace-normalised comparison.
        const stdout = await program.locator('[data-stdout]').evaluate((el) => el.textContent);
        expect(stdout).toBe(expected);
        await expect(program).not.toHaveAttribute('data-rich-pending');
        const figures = program.locator('[data-rich] > figure[data-rich-item]');
        await expect(figures.locator(':scope > .program-figure-view > svg')).toHaveCount(
          drawn.length,
        );
        expect(
          await figures.evaluateAll((els) => els.map((el) => el.getAttribute('data-kind'))),
        ).toEqual(drawn);
        await expect(program.locator('[data-rich] [role="alert"]')).toHaveCount(0);
      });
    }
  });
}
