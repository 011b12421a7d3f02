/**
 * The graph view of a run: after a run that built a graph, "Graph" opens `[data-graph-view]` with
 * the reader's own graph drawn (the same functions as the program's DOT text), nodes chosen by
 * keyboard show their full value and gradient, and a recorded backward pass replays in
 * generation order, with buttons and arrow keys.
 */
import { expect, test } from './fixtures.ts';
import type { Locator, Page } from './fixtures.ts';
import { expectNoViolations } from './axe.ts';
import { replaceCode } from './editor.ts';

function program(page: Page, src: string): Locator {
  return page.locator(`[data-runner="${src}"]`);
}

async function runToEnd(target: Locator): Promise<void> {
  await target.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(target).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
}

/** Opens the graph view and waits for its drawing. */
async function openGraph(target: Locator): Promise<Locator> {
  await target.getByRole('button', { name: 'Graph', exact: true }).click();
  const view = target.locator('[data-graph-view]');
  await expect(view.locator('svg g[data-node]').first()).toBeVisible();
  await expect(view).not.toHaveAttribute('data-graph-pending');
  return view;
}

/** How many functions of each name: from DOT text's blue boxes, or the drawing's function nodes. */
function countNames(names: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of names) counts[name] = (counts[name] ?? 0) + 1;
  return counts;
}

test('a run that built no graph offers no Graph button', async ({ page }) => {
  await page.goto('steps/01/');
  const target = program(page, '01/main');
  await runToEnd(target);
  await expect(target.getByRole('button', { name: 'Graph', exact: true })).toBeHidden();
});

test("the graph of step 24's program has the functions of its DOT text", async ({ page }) => {
  await page.goto('steps/24/');
  const target = program(page, '24/main');
  const code = await target.getAttribute('data-original');
  // The reader's own addition: print the DOT text of the same graph.
  await replaceCode(
    page,
    target,
    `import { utils } from 'dezero/simple';\n${code}\nprint(utils.getDotGraph(z));\n`,
  );
  await runToEnd(target);
  const stdout = (await target.locator('[data-stdout]').textContent()) ?? '';
  const dotNames = [...stdout.matchAll(/\[label="(\w+)", color=lightblue/g)].map((m) => m[1]!);
  expect(dotNames.length).toBeGreaterThan(20);
  const view = await openGraph(target);
  const labels = await view
    .locator('svg g[data-kind="function"]')
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label') ?? ''));
  const drawnNames = labels.map((label) => label.split(',')[0]!);
  expect(countNames(drawnNames)).toEqual(countNames(dotNames));
});

test("stepping through step 16's backward pass visits functions in generation order", async ({
  page,
}) => {
  await page.goto('steps/16/');
  const target = program(page, '16/main');
  await runToEnd(target);
  let view = await openGraph(target);
  await view.getByRole('button', { name: 'Record backward' }).click();
  // The program runs again, recording, and the view opens again with the stepper.
  await expect(target).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  view = target.locator('[data-graph-view]');
  const next = view.getByRole('button', { name: 'Next backward step' });
  // The keyboard's place is kept: it lands on the stepper.
  await expect(next).toBeFocused();
  const previous = view.getByRole('button', { name: 'Previous backward step' });
  await expect(next).toBeEnabled();
  await expect(previous).toBeDisabled();
  const functions = await view.locator('svg g[data-kind="function"]').count();
  const visited: number[] = [];
  for (let i = 0; i < functions; i++) {
    await next.click();
    const current = view.locator('svg g.graph-step-current');
    await expect(current).toHaveCount(1);
    const label = (await current.getAttribute('aria-label')) ?? '';
    visited.push(Number(/generation (\d+)/.exec(label)?.[1]));
  }
  expect(visited).toEqual([...visited].sort((a, b) => b - a));
  expect(visited).toEqual([2, 1, 1, 0]);
  await expect(next).toBeDisabled();
  await expect(view.locator('.graph-stepper-status')).toContainText('x.grad = 64.0');

  // The keyboard: arrow keys move through the steps from any of the stepper's buttons.
  await previous.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(view.locator('.graph-stepper-status')).toContainText('Step 3 of 4');
  await page.keyboard.press('Home');
  await expect(view.locator('.graph-stepper-status')).toContainText('Step 1 of 4');
  await page.keyboard.press('ArrowRight');
  await expect(view.locator('.graph-stepper-status')).toContainText('Step 2 of 4');
});

test('nodes are chosen with the keyboard and show their full value and gradient', async ({
  page,
}) => {
  await page.goto('steps/16/');
  const target = program(page, '16/main');
  await runToEnd(target);
  const view = await openGraph(target);
  const options = view.getByRole('option');
  await options.first().focus();
  const details = view.getByRole('region', { name: 'Chosen node' });
  await expect(details).toContainText('Variable y');
  // Walk to x, the graph's input, with the arrow keys.
  for (let i = 0; i < 10; i++) {
    if (((await details.textContent()) ?? '').includes('Variable x')) break;
    await page.keyboard.press('ArrowDown');
  }
  await expect(details).toContainText('Variable x');
  await expect(details.locator('pre').first()).toHaveText('2.0');
  await expect(details.locator('pre').nth(1)).toHaveText('64.0');
  await expect(view.getByRole('option', { selected: true })).toHaveCount(1);
  await expectNoViolations(page);
});
