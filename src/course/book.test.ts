/**
 * Every lesson is held to what the book's Python code prints (`book.out` in the lesson folder):
 * its book program's expected output equals the book's, except on lines the frontmatter declares
 * with a reason. A lesson whose book script prints nothing declares no book program.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { STEPS_DIR } from './lesson-files.ts';
import { readFrontmatter } from './frontmatter.ts';
import { diffLines, unexplained } from './book-diff.ts';

const steps = readdirSync(STEPS_DIR)
  .filter((d) => /^\d\d$/.test(d))
  .sort();

test('diffLines finds changed, missing and extra lines', () => {
  assert.deepEqual(diffLines('a\nb\nc\n', 'a\nB\n'), [
    { line: 2, book: 'B', ours: 'b' },
    { line: 3, book: null, ours: 'c' },
  ]);
  assert.deepEqual(unexplained('a\n', 'a\n', [{ line: 1, book: 'a', ours: 'a', reason: 'x' }]), [
    'line 1: declared but the outputs agree',
  ]);
});

for (const step of steps) {
  test(`step ${step} matches the book or explains why not`, () => {
    const folder = new URL(`${step}/`, STEPS_DIR);
    const bookFile = new URL('book.out', folder);
    assert.ok(existsSync(bookFile), `steps/${step}/book.out (the book's output) is missing`);
    const book = readFileSync(bookFile, 'utf8');
    const front = readFrontmatter(new URL('index.mdx', folder));
    if (!front.book) {
      assert.equal(
        book,
        '',
        `steps/${step}: the book prints output, so the frontmatter must name the program held to it`,
      );
      return;
    }
    const out = new URL(`${front.book.program}.out`, folder);
    assert.ok(existsSync(out), `steps/${step}: book program ${front.book.program} has no .out`);
    const problems = unexplained(readFileSync(out, 'utf8'), book, front.book.differences ?? []);
    assert.deepEqual(problems, [], `steps/${step}:\n${problems.join('\n')}`);
  });
}
