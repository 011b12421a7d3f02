/**
 * Figures in the page: what a program draws (`plt.show()`, `plt.savefig()`, `utils.plotDotGraph()`)
 * appears in `[data-rich]` in the order it was drawn, from the reader's own code too, with a
 * "Download SVG" link; the renderers load only when a program draws. (lessons.spec.ts checks every
 * lesson program's figures against a Node run.)
 */
import { expect, test } from './fixtures.ts';
import type { Locator, Page } from './fixtures.ts';
import { replaceCode } from './editor.ts';

const LESSON = 'steps/34/';

/** The renderers' own chunks (Vega, Graphviz WebAssembly) and the module that loads them. */
const RENDERERS = /\/(vega|viz|render-rich)[.-][^/]*\.js/;

function program(page: Page, src = '34/main'): Locator {
  return page.locator(`[data-runner="${src}"]`);
}

function figures(target: Locator): Locator {
  return target.locator('[data-rich] > figure[data-rich-item]');
}

/** Runs a program and waits until it is done and every figure is in. */
async function runToEnd(target: Locator): Promise<void> {
  await target.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(target).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await expect(target).not.toHaveAttribute('data-rich-pending');
}

/** Collects console errors, failed requests and uncaught errors. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()} ${response.url()}`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

test('the renderers load only when a program draws, and the lesson figure appears', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(LESSON);
  await page.waitForLoadState('networkidle');
  expect(requests.filter((url) => RENDERERS.test(url))).toEqual([]);

  const main = program(page);
  await runToEnd(main);
  await expect(figures(main)).toHaveCount(1);
  await expect(figures(main).first()).toHaveAttribute('data-kind', 'plot');
  await expect(figures(main).locator('svg')).toBeVisible();
  // Vega (and its expression interpreter) is fetched once, with the first plot.
  const vega = requests.filter((url) => /\/vega[.-][^/]*\.js/.test(url));
  expect(vega.length).toBeGreaterThan(0);
  expect(new Set(vega).size).toBe(vega.length);
  expect(errors).toEqual([]);
});

test('a figure from the reader’s edited code, with an SVG download', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(LESSON);
  const main = program(page);
  await replaceCode(
    page,
    main,
    [
      "import { np, plt } from 'dezero';",
      'const x = np.linspace(0, 3, 50);',
      'plt.plot(x, x.mul(x));',
      "plt.title('edited parabola');",
      'plt.show();',
    ].join('\n'),
  );
  await runToEnd(main);
  const figure = figures(main);
  await expect(figure).toHaveCount(1);
  await expect(figure.locator('svg')).toContainText('edited parabola');

  const download = figure.getByRole('link', { name: 'Download SVG' });
  await expect(download).toHaveAttribute('download', /\.svg$/);
  const href = (await download.getAttribute('href')) ?? '';
  expect(href).toMatch(/^blob:/);
  const blob = await page.evaluate(async (url) => {
    const response = await fetch(url);
    return { type: response.headers.get('content-type'), text: await response.text() };
  }, href);
  expect(blob.type).toBe('image/svg+xml');
  expect(blob.text.startsWith('<svg')).toBe(true);
  expect(blob.text).toContain('edited parabola');

  // A new run clears the panel and frees the old download (fetching it then logs an error).
  await runToEnd(main);
  await expect(figure).toHaveCount(1);
  expect(errors).toEqual([]);
  const revoked = await page.evaluate(
    (url) =>
      fetch(url).then(
        () => false,
        () => true,
      ),
    href,
  );
  expect(revoked).toBe(true);
});

test('figures and graphs appear in the order the program drew them, status stays done', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto(LESSON);
  const main = program(page);
  await replaceCode(
    page,
    main,
    [
      "import { Variable, np, plt, print, utils } from 'dezero';",
      "print('first');",
      'plt.plot([1, 2, 3]);',
      "plt.savefig('line.png');",
      'const x = new Variable(np.array(2));',
      'utils.plotDotGraph(x.mul(x), { verbose: false });',
      "print('second');",
      'plt.scatter([1, 2], [2, 1]);',
      'plt.show();',
    ].join('\n'),
  );
  await runToEnd(main);
  const kinds = await figures(main).evaluateAll((els) => els.map((el) => el.dataset['kind']));
  expect(kinds).toEqual(['plot', 'dot', 'plot']);
  await expect(figures(main).locator(':scope > .program-figure-view > svg')).toHaveCount(3);
  await expect(figures(main).nth(0).getByRole('link', { name: 'Download SVG' })).toHaveAttribute(
    'download',
    'line.svg',
  );
  expect(await main.locator('[data-stdout]').textContent()).toBe('first\nsecond');
  await expect(main).toHaveAttribute('data-status', 'done');
  // No button's name may contain Run, Stop or Reset; the download links are links.
  await expect(main.getByRole('button', { name: 'Run' })).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('a figure left open by one run does not leak into the next', async ({ page }) => {
  await page.goto(LESSON);
  const main = program(page);
  await replaceCode(page, main, "import { plt } from 'dezero';\nplt.plot([1, 2]);\n");
  await runToEnd(main);
  await expect(figures(main)).toHaveCount(0);
  await replaceCode(
    page,
    main,
    "import { plt } from 'dezero';\nplt.figure();\nplt.plot([3, 1]);\nplt.show();\n",
  );
  await runToEnd(main);
  await expect(figures(main)).toHaveCount(1);
});

test('figures sit on a white card in the dark theme', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('starlight-theme', 'dark'));
  await page.goto(LESSON);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const main = program(page);
  await runToEnd(main);
  const figure = figures(main).first();
  await expect(figure).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  const [figureBox, svgBox] = await Promise.all([
    figure.boundingBox(),
    figure.locator('svg').boundingBox(),
  ]);
  expect(svgBox?.width ?? Infinity).toBeLessThanOrEqual(figureBox?.width ?? 0);
});

test('a program that draws without end is stopped, and the page keeps working', async ({
  page,
}) => {
  await page.goto(LESSON);
  const main = program(page);
  await replaceCode(
    page,
    main,
    "import { plt } from 'dezero';\nfor (;;) {\n  plt.plot([1, 2]);\n  plt.show();\n}\n",
  );
  await main.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(main).toHaveAttribute('data-status', 'error');
  await expect(main.locator('[data-error]')).toContainText('drew more than 100 figures');
  await expect(main).not.toHaveAttribute('data-rich-pending', { timeout: 60_000 });
  await expect(figures(main)).toHaveCount(100);
});

test('a computation graph fits the column, and "Actual size" shows it at its natural size', async ({
  page,
}) => {
  await page.goto('steps/26/');
  const target = program(page, '26/main');
  await runToEnd(target);
  const figure = figures(target).first();
  await expect(figure).toHaveAttribute('data-kind', 'dot');
  const view = figure.locator('.program-figure-view');
  const svg = view.locator('svg');
  const fits = async (): Promise<boolean> =>
    (await svg.evaluate((el) => el.getBoundingClientRect().width)) <=
    (await view.evaluate((el) => el.clientWidth)) + 1;
  expect(await fits()).toBe(true);
  const zoom = figure.getByRole('button', { name: 'Actual size' });
  await zoom.click();
  await expect(zoom).toHaveAttribute('aria-pressed', 'true');
  // Goldstein–Price's graph is far wider than the column at its natural size, so the view scrolls.
  expect(await fits()).toBe(false);
  expect(await view.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await zoom.click();
  await expect(zoom).toHaveAttribute('aria-pressed', 'false');
  expect(await fits()).toBe(true);
});
