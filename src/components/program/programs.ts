/**
 * The lesson programs and their expected output, read from the lesson folders at build time
 * (`content/docs/steps/NN/name.ts` and `name.out`), so a page never holds a copy that can drift.
 */
import { dropFinalNewline } from './final-newline.ts';

const files = import.meta.glob<string>('/content/docs/steps/*/*.{ts,out}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** The raw text of a file in a lesson folder, e.g. `lessonFile('04', 'book.out')`; undefined if absent. */
export function lessonFile(step: string, file: string): string | undefined {
  return files[`/content/docs/steps/${step}/${file}`];
}

/** A lesson program: its source and the exact text it should print. */
export interface LessonProgram {
  /** The program's TypeScript source, exactly as in its file (what runs and what autosave hashes). */
  code: string;
  /** The expected stdout with its final newline dropped (how the output panel shows it). */
  expected: string;
}

/** Loads program `NN/name`; a missing `.ts` or `.out` file fails the build with the path to create. */
export function loadProgram(src: string): LessonProgram {
  if (!/^\d\d\/[\w-]+$/.test(src)) {
    throw new Error(
      `<Program src="${src.split('/').pop()}">: src names a program of the lesson's folder, like "main"`,
    );
  }
  const base = `/content/docs/steps/${src}`;
  const code = files[`${base}.ts`];
  const output = files[`${base}.out`];
  if (code === undefined)
    throw new Error(`<Program src="${src}">: ${base.slice(1)}.ts does not exist`);
  if (output === undefined) {
    throw new Error(
      `<Program src="${src}">: ${base.slice(1)}.out (the program's expected stdout) does not exist`,
    );
  }
  return { code, expected: dropFinalNewline(output) };
}
