/**
 * Whether printed text is a program's expected output. Exact, byte for byte, except that an
 * expected line may hold `…`, which stands for any text within that line: what a program prints
 * about time (step 52's seconds per epoch) differs on every run and every machine, and is never
 * part of the comparison.
 */

/** Stands for any text within one line of an expected output. */
export const ANY_TEXT = '…';

/** True when `printed` is `expected`, with each `…` in it matching any text within its line. */
export function matchesExpected(printed: string, expected: string): boolean {
  if (!expected.includes(ANY_TEXT)) return printed === expected;
  const pattern = expected
    .split(ANY_TEXT)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^\\n]*');
  return new RegExp(`^${pattern}$`).test(printed);
}
