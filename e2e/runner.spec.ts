/**
 * The runner as a reader meets it, on lesson 1 (programs `01/main` and `01/ndim`): editing,
 * running, stopping, errors, autosave, Reset and Compare, and a light first load.
 */
import { expect, test } from './fixtures.ts';
import type { Locator, Page } from './fixtures.ts';
import { openEditor, replaceCode } from './editor.ts';

const LESSON = 'steps/01/';

function program(page: Page, src = '01/main'): Locator {
  return page.locator(`[data-runner="${src}"]`);
}

function button(target: Locator, name: string): Locator {
  return target.getByRole('button', { name, exact: true });
}

async function expectedOutput(target: Locator): Promise<string> {
  return (await target.locator('[data-expected]').getAttribute('data-expected')) ?? '';
}

test.beforeEach(async ({ page }) => {
  await page.goto(LESSON);
});

declare global {
  interface Window {
    __clockShown?: string[];
  }
}

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

test('a program waiting for another says so, and Stop drops it at once', async ({ page }) => {
  const main = program(page);
  const other = program(page, '01/ndim');
  await replaceCode(page, main, 'while (true) {}\n');
  await button(main, 'Run').click();
  await expect(main.locator('[data-state]')).toHaveText('running…');
  await button(other, 'Run').click();
  await expect(other).toHaveAttribute('data-status', 'running');
  await expect(other.locator('[data-state]')).toHaveText('waiting for another program to finish…');
  await button(other, 'Stop').click();
  await expect(other).toHaveAttribute('data-status', 'stopped');
  await expect(other.locator('[data-note]')).toHaveText('Stopped before it started.');
  // Dropping the waiting run leaves the running one alone (on a loaded machine its 10 s limit
  // may end it first, with an error, never as "stopped").
  await expect(main).not.toHaveAttribute('data-status', 'stopped');
  if (await button(main, 'Stop').isEnabled()) await button(main, 'Stop').click();
  await expect(main).toHaveAttribute('data-status', /^(stopped|error)$/);
  // Queued behind a running program, a run starts as soon as that one ends.
  await replaceCode(page, main, 'const t = Date.now();\nwhile (Date.now() - t < 1500) {}\n');
  await button(main, 'Run').click();
  await button(other, 'Run').click();
  await expect(other.locator('[data-state]')).toHaveText('waiting for another program to finish…');
  await expect(other).toHaveAttribute('data-status', 'done');
  expect(await other.locator('[data-stdout]').textContent()).toBe(await expectedOutput(other));
});

test('a slow program shows its running time, and the time it took when done', async ({ page }) => {
  const main = program(page);
  await replaceCode(
    page,
    main,
    "const t = Date.now();\nwhile (Date.now() - t < 2500) {}\nconsole.log('slow');\n",
  );
  // Every text the clock shows, as it changes: polling could miss the half second of "2 s".
  await main.locator('[data-elapsed]').evaluate((clock) => {
    const shown: string[] = [];
    window.__clockShown = shown;
    new MutationObserver(() => shown.push(clock.textContent ?? '')).observe(clock, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  await button(main, 'Run').click();
  await expect(main).toHaveAttribute('data-status', 'done');
  // It ticked each second while the program ran, 2 s included (a loaded machine may show 2 s
  // first, or reach 3 s before the run ends).
  const shown = await page.evaluate(() => window.__clockShown ?? []);
  const seconds = [...new Set(shown.filter((t) => t !== ''))].map((t) =>
    Number(/^(\d+) s$/.exec(t)?.[1]),
  );
  expect(seconds).toContain(2);
  expect(seconds[0]! <= 2).toBe(true);
  expect(seconds).toEqual(seconds.map((_, i) => seconds[0]! + i));
  // At least the 2.5 s it waited; how much more depends on the machine's load, not on the page.
  await expect(main.locator('[data-state]')).toHaveText(
    /^finished in (2\.[5-9]|[3-9]\.\d|\d\d+\.\d) s$/,
  );
  await expect(main.locator('[data-elapsed]')).toHaveText('');
});

test('an error thrown in a timer is reported at its line and ends the run; timer output is kept', async ({
  page,
}) => {
  const main = program(page);
  await replaceCode(
    page,
    main,
    "setTimeout(() => console.log('later'), 50);\nsetTimeout(() => {\n  throw new RangeError('in a timer');\n}, 200);\n",
  );
  await button(main, 'Run').click();
  await expect(main).toHaveAttribute('data-status', 'error');
  expect(await main.locator('[data-stdout]').textContent()).toBe('later');
  await expect(main.locator('[data-error]')).toContainText('RangeError: in a timer');
  await expect(main.locator('[data-error]')).toContainText('line 3, column 9');
});

test('a promise rejected and never handled is reported, not lost', async ({ page }) => {
  const main = program(page);
  await replaceCode(
    page,
    main,
    "console.log('a');\nPromise.reject(new Error('nobody caught me'));\n",
  );
  await button(main, 'Run').click();
  await expect(main).toHaveAttribute('data-status', 'error');
  await expect(main.locator('[data-error]')).toContainText('Error: nobody caught me');
  await expect(main.locator('[data-error]')).toContainText('line 2, column 16');
});

test('a type error runs anyway, and the panel says why', async ({ page }) => {
  const main = program(page);
  await replaceCode(page, main, "const n: number = 'text';\nconsole.log(n);\n");
  await button(main, 'Run').click();
  await expect(main).toHaveAttribute('data-status', 'done');
  expect(await main.locator('[data-stdout]').textContent()).toBe('text');
  await expect(main.locator('[data-note]')).toHaveText(
    'The editor shows a type error. Run ignores types (they are erased before running), so the program runs anyway.',
  );
});

test("the editor knows the simple core's types from 'dezero/simple'", async ({ page }) => {
  const main = program(page);
  // Exactly one type error: `grad` is an NDArray in the simple core. An unresolved module would
  // make more (one per import), and types lost to `any` would make none.
  await replaceCode(
    page,
    main,
    "import { Variable, np, print } from 'dezero/simple';\nimport type { NDArray } from 'dezero/simple';\nconst x = new Variable(np.array(3.0));\nx.mul(x).backward();\nconst g: NDArray | null = x.grad;\nconst wrong: Variable | null = x.grad;\nprint(g, wrong);\n",
  );
  await button(main, 'Run').click();
  await expect(main).toHaveAttribute('data-status', 'done');
  expect(await main.locator('[data-stdout]').textContent()).toBe('6.0 6.0');
  await expect(main.locator('[data-note]')).toHaveText(
    'The editor shows a type error. Run ignores types (they are erased before running), so the program runs anyway.',
  );
});

test('Escape, then Tab, leaves the editor (no keyboard trap)', async ({ page }) => {
  const main = program(page);
  const editor = await openEditor(main);
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Tab'); // indents: Tab belongs to the code
  await expect(main.locator('[data-modified]')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  const focusedInEditor = await main.evaluate((element) =>
    Boolean(element.querySelector('.monaco-editor')?.contains(document.activeElement)),
  );
  expect(focusedInEditor).toBe(false);
  await expect(main.locator('summary')).toBeFocused();
});

test('Compare on a narrow screen shows the whole diff, the reader’s lines included', async ({
  page,
}) => {
  await page.setViewportSize({ width: 700, height: 900 });
  const main = program(page);
  await replaceCode(page, main, "console.log('compared');\n");
  await button(main, 'Compare').click();
  const diff = main.locator('.monaco-diff-editor');
  await expect(diff).toBeVisible();
  const added = diff.getByText("console.log('compared');").last();
  await expect(added).toBeVisible();
  const [diffBox, addedBox] = [await diff.boundingBox(), await added.boundingBox()];
  expect((addedBox?.y ?? 0) + (addedBox?.height ?? 0)).toBeLessThanOrEqual(
    (diffBox?.y ?? 0) + (diffBox?.height ?? 0),
  );
});
