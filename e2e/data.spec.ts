/**
 * MNIST in the page, on step 51's `data` program: a file the site cannot serve ends the run with
 * an error that names it (not a hang), the toolbar shows the download, and a second run reads
 * the browser's cache instead of the network.
 */
import { expect, test } from './fixtures.ts';

const FILES = /\/data\/mnist\/[\w-]+\.gz$/;

test('a missing MNIST file is named in the error, and the page recovers once it is back', async ({
  page,
  context,
}) => {
  await context.route(/t10k-labels-idx1-ubyte\.gz$/, (route) => route.fulfill({ status: 404 }));
  await page.goto('steps/51/');
  const program = page.locator('[data-runner="51/data"]');
  await program.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(program).toHaveAttribute('data-status', 'error', { timeout: 60_000 });
  await expect(program.locator('[data-error]')).toContainText(
    'the data file t10k-labels-idx1-ubyte could not be downloaded: the site answered 404',
  );

  await context.unroute(/t10k-labels-idx1-ubyte\.gz$/);
  await program.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(program).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  const stdout = await program.locator('[data-stdout]').evaluate((el) => el.textContent);
  expect(stdout).toBe(await program.locator('[data-expected]').getAttribute('data-expected'));
});

test('the download shows in the toolbar, and a second run loads nothing', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (FILES.test(request.url())) fetched.push(request.url());
  });
  await page.goto('steps/51/');
  const program = page.locator('[data-runner="51/data"]');
  await program.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(program.locator('[data-state]')).toContainText(/loading MNIST|unpacking MNIST/);
  await expect(program).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  expect(fetched.length).toBe(4);

  await program.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(program).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  expect(fetched.length, 'the second run reads Cache Storage').toBe(4);
});
