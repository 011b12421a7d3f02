/**
 * Live training charts, on lesson 48: the loss curve that `plt.pause` draws each epoch is a
 * figure in `[data-rich]` while the program is still running, redrawn in place, and Stop ends
 * the run and leaves it as it was.
 */
import { expect, test } from './fixtures.ts';
import type { Locator, Page } from './fixtures.ts';
import { programSource } from './lesson-steps.ts';
import { replaceCode } from './editor.ts';

const ID = '48/main';

function program(page: Page): Locator {
  return page.locator(`[data-runner="${ID}"]`);
}

/** Waits for the program's first figure to show an SVG while the program still runs; returns that SVG's text. */
async function liveChartWhileRunning(page: Page): Promise<string> {
  const handle = await page.waitForFunction(
    (id) => {
      const element = document.querySelector<HTMLElement>(`[data-runner="${id}"]`);
      const figure = element?.querySelector('[data-rich] > figure[data-rich-item]');
      const svg = figure?.querySelector('svg');
      if (!element || !figure || !svg) return null;
      // The moment the chart is first seen, the run must still be going, and the chart live.
      if (element.dataset['status'] !== 'running') return 'the run had ended';
      return figure.hasAttribute('data-live') ? svg.outerHTML : 'the chart was not live';
    },
    ID,
    { timeout: 30_000 },
  );
  const first = (await handle.jsonValue()) as string;
  expect(first, 'the chart appears, live, before the run ends').not.toMatch(/^the (run|chart)/);
  return first;
}

test.beforeEach(async ({ page }) => {
  await page.goto(`steps/${ID.split('/')[0]}/`);
});

test('the loss chart appears while training runs, is redrawn in place, and ends as an ordinary figure', async ({
  page,
}) => {
  const target = program(page);
  await target.getByRole('button', { name: 'Run', exact: true }).click();
  const first = await liveChartWhileRunning(page);
  const figures = target.locator('[data-rich] > figure[data-rich-item]');
  await expect(target).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(target).not.toHaveAttribute('data-rich-pending');
  // One loss chart, redrawn (now with every epoch) and final, then the decision regions.
  await expect(figures).toHaveCount(2);
  await expect(figures.first()).not.toHaveAttribute('data-live');
  const last = await figures
    .first()
    .locator('svg')
    .evaluate((svg) => svg.outerHTML);
  expect(last).not.toBe(first);
  await expect(figures.first().locator('svg')).toHaveAttribute('aria-label', /loss/);
  await expect(target.locator('[data-rich] [role="alert"]')).toHaveCount(0);
});

test('Stop ends the run and leaves the live chart as it was', async ({ page }) => {
  const target = program(page);
  // The reader trains ten times longer, so there is time to stop it mid-way on any machine.
  const longer = programSource(ID).replace('const maxEpoch = 300;', 'const maxEpoch = 3000;');
  expect(longer).toContain('maxEpoch = 3000');
  await replaceCode(page, target, longer);
  await target.getByRole('button', { name: 'Run', exact: true }).click();
  await liveChartWhileRunning(page);
  await target.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(target).toHaveAttribute('data-status', 'stopped');
  await expect(target).not.toHaveAttribute('data-rich-pending');
  const figures = target.locator('[data-rich] > figure[data-rich-item]');
  await expect(figures).toHaveCount(1);
  const svg = figures.first().locator('svg');
  await expect(svg).toBeVisible();
  const stopped = await svg.evaluate((el) => el.outerHTML);
  // Nothing arrives after Stop: the chart stays as the last update left it.
  await page.waitForTimeout(500);
  expect(await svg.evaluate((el) => el.outerHTML)).toBe(stopped);
  await expect(figures.first()).toHaveAttribute('data-live', '');
});
