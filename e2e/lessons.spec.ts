/**
 * Every lesson page, in one visit each (a page load and a worker start cost more than most
 * checks): the page loads without console errors, shows each of its programs and renders its
 * asides, passes the accessibility audit, and each program, when run, prints exactly the output
 * the page says it prints and shows the figures it draws when the same runner core runs it in
 * Node. On one lesson per stage the programs run in their editors and the page is audited again
 * after the runs.
 */
import { test, expect, type Locator, type Page } from './fixtures.ts';
import { readFileSync } from 'node:fs';
import { figuresInNode } from '../src/course/lesson-files.ts';
import { expectNoViolations } from './axe.ts';
import { matchesExpected } from '../src/runner/expected-output.ts';
import {
  auditedAfterRun,
  draws,
  programSource,
  programsOf,
  steps,
  stepsDir,
} from './lesson-steps.ts';

/** Collects console errors and uncaught page errors from the moment the page opens. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

test('the home page lists the stages, links the written lessons and passes the audit', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('./');
  await expect(
    page.getByRole('heading', { name: 'Stage 1: Automatic differentiation' }),
  ).toBeVisible();
  for (const step of steps) {
    await expect(page.locator(`a[href$="steps/${step}/"]`).first()).toBeVisible();
  }
  expect(errors).toEqual([]);
  await expectNoViolations(page);
});

/** The asides a lesson's source declares: `:::note` blocks and <Aside> both become Starlight asides. */
function asidesIn(step: string): number {
  const mdx = readFileSync(new URL(`${step}/index.mdx`, stepsDir), 'utf8');
  return (
    (mdx.match(/^:::(note|tip|caution|danger)/gm) ?? []).length +
    (mdx.match(/<Aside\b/g) ?? []).length
  );
}

/** Runs a program as a reader does and holds it to its expected output and Node's figures. */
async function expectRunMatches(program: Locator, id: string, inEditor: boolean): Promise<void> {
  const drawn = await figuresInNode(programSource(id));
  const expected = await program.locator('[data-expected]').getAttribute('data-expected');
  expect(expected).not.toBeNull();
  if (inEditor) {
    await program.locator('[data-code]').hover();
    await expect(program.locator('.program-editor-ready')).toBeVisible();
  }
  const limitMs = Number(await program.getAttribute('data-time-limit'));
  await program.getByRole('button', { name: 'Run', exact: true }).click();
  // A training program has the lesson's longer time limit; the test waits as long as the page would.
  await expect(program).not.toHaveAttribute('data-status', 'running', { timeout: limitMs + 5_000 });
  await expect(program.locator('[data-error]')).toBeHidden();
  await expect(program).toHaveAttribute('data-status', 'done');
  // Raw text, not toHaveText's whitespace-normalised comparison.
  const stdout = await program.locator('[data-stdout]').evaluate((el) => el.textContent);
  // A line with … (a time) matches any text there; toBe shows the difference when it fails.
  if (!matchesExpected(stdout ?? '', expected ?? '')) expect(stdout).toBe(expected);
  await expect(program).not.toHaveAttribute('data-rich-pending');
  const figures = program.locator('[data-rich] > figure[data-rich-item]');
  await expect(figures.locator(':scope > .program-figure-view > svg')).toHaveCount(drawn.length);
  expect(await figures.evaluateAll((els) => els.map((el) => el.getAttribute('data-kind')))).toEqual(
    drawn,
  );
  await expect(program.locator('[data-rich] [role="alert"]')).toHaveCount(0);
}

for (const step of steps) {
  const ids = programsOf(step);
  const afterRun = auditedAfterRun.has(step);
  test(`step ${step}: the page${afterRun ? ' (audited after its runs too)' : ''}, then ${ids.join(', ')}`, async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await page.goto(`steps/${step}/`);
    const limits = await page
      .locator('[data-runner]')
      .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-time-limit'))));
    test.setTimeout(limits.reduce((sum, ms) => sum + ms + 10_000, 60_000));

    await test.step('loads without errors, shows every program and renders its asides', async () => {
      await expect(page.locator('h1')).toBeVisible();
      const shown = await page
        .locator('[data-runner]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-runner')));
      expect(shown.sort()).toEqual(ids);
      // A missing Markdown plugin shows asides as text.
      await expect(page.locator('.starlight-aside')).toHaveCount(asidesIn(step));
      await expect(page.locator('.sl-markdown-content')).not.toContainText(':::');
      expect(errors).toEqual([]);
    });

    await test.step('passes the accessibility audit after load', () => expectNoViolations(page));

    for (const id of ids) {
      await test.step(`${id} prints what the page says and draws what it draws in Node`, () =>
        expectRunMatches(page.locator(`[data-runner="${id}"]`), id, afterRun));
    }

    if (afterRun) {
      await test.step('passes the accessibility audit after its runs, editors loaded', async () => {
        // Each figure says what it shows, beyond "Plot 1".
        const figures = await page.locator('[data-rich] [role="img"]').all();
        expect(figures.length > 0).toBe(draws(step));
        for (const figure of figures) {
          await expect(figure).toHaveAttribute('aria-label', /^(Plot|Graph) \d+: \S/);
        }
        await expectNoViolations(page);
      });
    }
  });
}
