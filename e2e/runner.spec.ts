/**
 * The runner as a reader meets it, on lesson 1 (programs `01/main` and `01/ndim`): editing,
 * running, stopping, errors, autosave, Reset and Compare, and a light first load.
 */
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

const LESSON = 'steps/01/';

function program(page: Page, src = '01/main'): Locator {
  return page.locator(`[data-runner="${src}"]`);
}

function button(target: Locator, name: string): Locator {
  return target.getByRole('button', { name, exact: true });
}

/** Brings up the Monaco editor by pointing at the code, as a reader would. */
async function openEditor(target: Locator): Promise<Locator> {
  await target.locator('[data-code]').hover();
  const editor = target.locator('[data-code] .monaco-editor').first();
  await expect(editor).toBeVisible();
  return editor;
}

/** Replaces the program's code in the editor. */
async function replaceCode(page: Page, target: Locator, code: string): Promise<void> {
  const editor = await openEditor(target);
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}

async function expectedOutput(target: Locator): Promise<string> {
  return (await target.locator('[data-expected]').getAttribute('data-expected')) ?? '';
}

test.beforeEach(async ({ page }) => {
  await page.goto(LESSON);
});

test('loads without console errors and without Monaco, which comes on first interaction', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    // A failed request is reported below with its URL, which says more than this message.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      errors.push(message.text());
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()} ${response.url()}`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(LESSON);
  await page.waitForLoadState('networkidle');
  const main = program(page);
  await expect(main).toHaveAttribute('data-status', 'idle');
  const onLoad = [...requests];
  expect(onLoad.filter((url) => /monaco|editor|worker|typescript|sucrase/i.test(url))).toEqual([]);

  await openEditor(main);
  const onDemand = requests.slice(onLoad.length).filter((url) => /\.(js|css)(\?|$)/.test(url));
  expect(onDemand.length).toBeGreaterThan(0);
  expect(onDemand.filter((url) => onLoad.includes(url))).toEqual([]);
  expect(errors).toEqual([]);
});

test('runs the lesson code before the editor has loaded', async ({ page }) => {
  const main = program(page);
  await button(main, 'Run').click();
  await expect(main).toHaveAttribute('data-status', 'done');
  expect(await main.locator('[data-stdout]').textContent()).toBe(await expectedOutput(main));
});

test('edit and run: the output panel holds exactly what was printed', async ({ page }) => {
  const main = program(page);
  await replaceCode(page, main, "console.log('a');\nconsole.log(1 + 1);\n");
  await button(main, 'Run').click();
  await expect(main).toHaveAttribute('data-status', 'done');
  expect(await main.locator('[data-stdout]').textContent()).toBe('a\n2');
  await expect(main.locator('[data-error]')).toBeHidden();
});

test('Ctrl+Enter in the editor runs the program instead of inserting a line', async ({ page }) => {
  const main = program(page);
  await replaceCode(page, main, "console.log('keyboard');");
  await page.keyboard.press('Control+Enter');
  await expect(main).toHaveAttribute('data-status', 'done');
  expect(await main.locator('[data-stdout]').textContent()).toBe('keyboard');
});

test('Stop ends an infinite loop and the page keeps working', async ({ page }) => {
  const main = program(page);
  await replaceCode(page, main, 'while (true) {}\n');
  await button(main, 'Run').click();
  await expect(main).toHaveAttribute('data-status', 'running');
  await expect(button(main, 'Stop')).toBeEnabled();
  await button(main, 'Stop').click();
  await expect(main).toHaveAttribute('data-status', 'stopped');
  await expect(button(main, 'Stop')).toBeDisabled();

  // The page is responsive and the runner comes back: another program runs to completion.
  const other = program(page, '01/ndim');
  await button(other, 'Run').click();
  await expect(other).toHaveAttribute('data-status', 'done');
  expect(await other.locator('[data-stdout]').textContent()).toBe(await expectedOutput(other));
  // The stopped program's edits are intact.
  await expect(main.locator('[data-modified]')).toBeVisible();
});

test('a program over its time limit is stopped with a clear message and can get more time', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const main = program(page);
  await replaceCode(page, main, 'while (true) {}\n');
  await button(main, 'Run').click();
  await expect(main).toHaveAttribute('data-status', 'error', { timeout: 20_000 });
  await expect(main.locator('[data-error]')).toContainText(
    'Timeout: the program ran for more than 10 s',
  );
  const more = button(main, 'Allow more time');
  await expect(more).toBeVisible();
  await more.click();
  await expect(main).toHaveAttribute('data-status', 'running');
  await button(main, 'Stop').click();
  await expect(main).toHaveAttribute('data-status', 'stopped');
});

test('a thrown error shows its name, message and line, and is marked in the editor', async ({
  page,
}) => {
  const main = program(page);
  await replaceCode(
    page,
    main,
    "console.log('before');\nconst a = 1;\nthrow new Error('boom ' + a);\n",
  );
  await button(main, 'Run').click();
  await expect(main).toHaveAttribute('data-status', 'error');
  expect(await main.locator('[data-stdout]').textContent()).toBe('before');
  const error = main.locator('[data-error]');
  await expect(error).toContainText('Error: boom 1');
  await expect(error).toContainText('line 3, column 7');
  await expect(main.locator('[data-code] .squiggly-error').first()).toBeAttached();
});

test('a syntax error is reported at its line without running anything', async ({ page }) => {
  const main = program(page);
  await replaceCode(page, main, "console.log('never');\nconst = 3;\n");
  await button(main, 'Run').click();
  await expect(main).toHaveAttribute('data-status', 'error');
  expect(await main.locator('[data-stdout]').textContent()).toBe('');
  await expect(main.locator('[data-error]')).toContainText('SyntaxError');
  await expect(main.locator('[data-error]')).toContainText('line 2, column 7');
});

test('huge output is capped with a note, and the page survives', async ({ page }) => {
  const main = program(page);
  await replaceCode(page, main, "for (let i = 0; ; i++) console.log('line ' + i);\n");
  await button(main, 'Run').click();
  await expect(main).toHaveAttribute('data-status', 'error');
  await expect(main.locator('[data-error]')).toContainText('more than 1 MB');
  expect((await main.locator('[data-stdout]').textContent())?.startsWith('line 0\nline 1\n')).toBe(
    true,
  );
});

test('edits survive a reload, are shown in the static view, and are not run', async ({ page }) => {
  const main = program(page);
  await replaceCode(page, main, "console.log('edited');\n");
  await expect(main.locator('[data-modified]')).toBeVisible();
  await page.waitForTimeout(600); // autosave is debounced
  await page.reload();
  const reloaded = program(page);
  await expect(reloaded.locator('[data-modified]')).toBeVisible();
  await expect(reloaded.locator('[data-static]')).toContainText("console.log('edited');");
  await page.waitForTimeout(500);
  await expect(reloaded).toHaveAttribute('data-status', 'idle');
  expect(await reloaded.locator('[data-stdout]').textContent()).toBe('');
  await button(reloaded, 'Run').click();
  await expect(reloaded).toHaveAttribute('data-status', 'done');
  expect(await reloaded.locator('[data-stdout]').textContent()).toBe('edited');
});

test('Reset brings back the lesson code and forgets the saved edit', async ({ page }) => {
  const main = program(page);
  await replaceCode(page, main, "console.log('mine');\n");
  await expect(main.locator('[data-modified]')).toBeVisible();
  await button(main, 'Reset').click();
  await expect(main.locator('[data-modified]')).toBeHidden();
  await button(main, 'Run').click();
  await expect(main).toHaveAttribute('data-status', 'done');
  expect(await main.locator('[data-stdout]').textContent()).toBe(await expectedOutput(main));
  await page.waitForTimeout(600);
  await page.reload();
  await expect(program(page).locator('[data-modified]')).toBeHidden();
});

test('Compare shows a diff and never overwrites the reader’s edits', async ({ page }) => {
  const main = program(page);
  await replaceCode(page, main, "console.log('compared');\n");
  const compare = button(main, 'Compare');
  await compare.click();
  await expect(compare).toHaveAttribute('aria-pressed', 'true');
  await expect(main.locator('.monaco-diff-editor')).toBeVisible();
  await compare.click();
  await expect(compare).toHaveAttribute('aria-pressed', 'false');
  await expect(main.locator('.monaco-diff-editor')).toHaveCount(0);
  await expect(main.locator('[data-modified]')).toBeVisible();
  await button(main, 'Run').click();
  await expect(main).toHaveAttribute('data-status', 'done');
  expect(await main.locator('[data-stdout]').textContent()).toBe('compared');
});

test('the editor replaces the static code without changing the program’s height', async ({
  page,
}) => {
  const main = program(page);
  const before = await main.boundingBox();
  await openEditor(main);
  await expect(main.locator('[data-static]')).toBeHidden();
  const after = await main.boundingBox();
  expect(Math.abs((after?.height ?? 0) - (before?.height ?? 0))).toBeLessThanOrEqual(1);
});

test('the code ends at its last line: no empty numbered line for the file’s final newline', async ({
  page,
}) => {
  const main = program(page);
  const original = (await main.getAttribute('data-original')) ?? '';
  expect(original.endsWith('\n')).toBe(true);
  const lines = original.split('\n').length - 1;
  const staticLines = main.locator('[data-static] .line');
  await expect(staticLines).toHaveCount(lines);
  await expect(staticLines.last()).toHaveAttribute('data-line', String(lines));
  await expect(staticLines.last()).not.toHaveText('');
  await openEditor(main);
  const numbers = await main.locator('[data-code] .monaco-editor .line-numbers').allTextContents();
  expect(Math.max(...numbers.map(Number))).toBe(lines);
  // The lesson's code is not "modified" by the dropped newline, and runs as before.
  await expect(main.locator('[data-modified]')).toBeHidden();
  await button(main, 'Run').click();
  await expect(main).toHaveAttribute('data-status', 'done');
  expect(await main.locator('[data-stdout]').textContent()).toBe(await expectedOutput(main));
});
