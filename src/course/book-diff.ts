/** Line-by-line comparison of our program's output with the book's, against declared differences. */
import type { BookDifference } from './frontmatter.ts';

/** Splits printed text into lines (a final newline does not start an extra line). */
export function outputLines(text: string): string[] {
  if (text === '') return [];
  return (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
}

/** The lines where two outputs differ, in the shape the frontmatter declares them (reason empty). */
export function diffLines(ours: string, book: string): Omit<BookDifference, 'reason'>[] {
  const a = outputLines(ours);
  const b = outputLines(book);
  const found: Omit<BookDifference, 'reason'>[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const o = a[i] ?? null;
    const k = b[i] ?? null;
    if (o !== k) found.push({ line: i + 1, book: k, ours: o });
  }
  return found;
}

/**
 * Problems with a lesson's declared differences: an undeclared difference, a declared one that
 * no longer occurs or whose text is stale, or one without a reason. Empty when all is explained.
 */
export function unexplained(
  ours: string,
  book: string,
  declared: readonly BookDifference[],
): string[] {
  const problems: string[] = [];
  const actual = diffLines(ours, book);
  for (const d of actual) {
    const match = declared.find((x) => x.line === d.line);
    if (!match) {
      problems.push(
        `line ${d.line}: ours ${JSON.stringify(d.ours)} vs book ${JSON.stringify(d.book)} is not declared`,
      );
    } else if (match.ours !== d.ours || match.book !== d.book) {
      problems.push(
        `line ${d.line}: declared ${JSON.stringify(match)} but found ours ${JSON.stringify(d.ours)}, book ${JSON.stringify(d.book)}`,
      );
    } else if (!match.reason.trim()) {
      problems.push(`line ${d.line}: the difference has no reason`);
    }
  }
  for (const x of declared) {
    if (!actual.some((d) => d.line === x.line))
      problems.push(`line ${x.line}: declared but the outputs agree`);
  }
  return problems;
}
