/**
 * Accessibility as a keyboard reader meets it: they reach, edit and run a program and keep their
 * place through the run. (Every page's axe audit, after load and, on one lesson per stage, after
 * its runs, is part of its visit in lessons.spec.ts.)
 */
import { expect, test } from './fixtures.ts';
import type { Locator, Page } from './fixtures.ts';

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
    'const end = Date.now() + 4000;\nwhile (Date.now() < end);\nconsole.log("done");',
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
