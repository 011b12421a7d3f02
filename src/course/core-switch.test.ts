/**
 * Step 32 shows the switch from the simple core to the full one as diffs of the module's own
 * files. Each diff block titled "from.ts → to.ts" (paths in src/dezero/) must quote them: every
 * removed line is a line of the first file, every added line one of the second, and every line
 * kept is in both, so the lesson cannot drift from the code it shows.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { STEPS_DIR } from './lesson-files.ts';

const DEZERO = new URL('../dezero/', import.meta.url);
const lesson = readFileSync(new URL('32/index.mdx', STEPS_DIR), 'utf8');

/** The diff blocks between two files of src/dezero/: their paths and their lines. */
function moduleDiffs(): { from: string; to: string; lines: string[] }[] {
  const blocks = [...lesson.matchAll(/^```diff[^\n]*title="([^"]+)"[^\n]*\n([\s\S]*?)^```$/gm)];
  return blocks.flatMap(([, title, body]) => {
    const files = /^([\w/-]+\.ts) → ([\w/-]+\.ts)$/.exec(title ?? '');
    return files ? [{ from: files[1]!, to: files[2]!, lines: (body ?? '').split('\n') }] : [];
  });
}

const linesOf = (path: string): Set<string> =>
  new Set(readFileSync(new URL(path, DEZERO), 'utf8').split('\n'));

test("step 32's diffs quote the simple core and the full core as they are", () => {
  const diffs = moduleDiffs();
  assert.ok(diffs.length >= 3, 'step 32 shows the change to the core as diffs of its files');
  for (const { from, to, lines } of diffs) {
    const before = linesOf(from);
    const after = linesOf(to);
    for (const line of lines) {
      const text = line.slice(1);
      // An elision (…) between excerpts, and the block's final newline.
      if (line === '' || line === '…') continue;
      if (line.startsWith('-')) assert.ok(before.has(text), `${from} has no line ${text}`);
      else if (line.startsWith('+')) assert.ok(after.has(text), `${to} has no line ${text}`);
      else assert.ok(before.has(text) && after.has(text), `both files keep the line ${text}`);
    }
  }
});
