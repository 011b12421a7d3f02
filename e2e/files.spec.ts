/**
 * Files a program saves, in the page (step 53): each is listed under the output with a link that
 * downloads numpy's own bytes, the browser keeps it, and a run after a reload loads it; a file that
 * was never saved gives an error that names it.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import type { Locator } from './fixtures.ts';
import { replaceCode } from './editor.ts';
import { np } from '../src/dezero/np/index.ts';
import { savez } from '../src/dezero/np/npz.ts';

function button(target: Locator, name: string): Locator {
  return target.getByRole('button', { name, exact: true });
}

async function runToEnd(target: Locator, status = 'done'): Promise<void> {
  await button(target, 'Run').click();
  await expect(target).not.toHaveAttribute('data-status', 'running', { timeout: 30_000 });
  await expect(target).toHaveAttribute('data-status', status);
}

test('a saved file downloads as numpy writes it, and loads in a run after a reload', async ({
  page,
}) => {
  await page.goto('steps/53/');
  const program = page.locator('[data-runner="53/files"]');
  await runToEnd(program);
  const files = program.locator('[data-files]');
  await expect(files.locator('li')).toHaveCount(2);
  await expect(files.locator('li[data-file="test.npz"]')).toContainText('saved test.npz (');

  const downloading = page.waitForEvent('download');
  await files.getByRole('link', { name: 'Download test.npz' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('test.npz');
  const bytes = new Uint8Array(readFileSync(await download.path()));
  const expected = savez(
    new Map([
      ['x1', np.array([1, 2, 3])],
      ['x2', np.array([4, 5, 6])],
    ]),
  );
  expect(Buffer.from(bytes).equals(Buffer.from(expected)), 'the bytes np.savez writes').toBe(true);

  await page.reload();
  await replaceCode(
    page,
    program,
    "import { np, print } from 'dezero';\nprint(np.load('test.npz').get('x2'));\n",
  );
  await runToEnd(program);
  await expect(program.locator('[data-stdout]')).toHaveText('[4. 5. 6.]');
  await expect(files).toBeHidden(); // this run saved nothing

  await replaceCode(page, program, "import { np } from 'dezero';\nnp.load('nothing.npz');\n");
  await runToEnd(program, 'error');
  await expect(program.locator('[data-error]')).toContainText('there is no file named nothing.npz');
});
