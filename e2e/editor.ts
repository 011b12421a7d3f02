/** Editing a program as a reader does: point at the code, wait for Monaco, select all, type. */
import { expect, type Locator, type Page } from '@playwright/test';

/** Brings up the Monaco editor by pointing at the code, as a reader would. */
export async function openEditor(target: Locator): Promise<Locator> {
  await target.locator('[data-code]').hover();
  const editor = target.locator('[data-code] .monaco-editor').first();
  await expect(editor).toBeVisible();
  return editor;
}

/** Replaces the program's code in its editor, as a reader edits it. */
export async function replaceCode(page: Page, target: Locator, code: string): Promise<void> {
  const editor = await openEditor(target);
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
  // Run right after typing must run the typed code: wait until the program has taken the edit.
  if (code !== (await target.getAttribute('data-original')))
    await expect(target.locator('[data-modified]')).toBeVisible();
}
