/**
 * Lays out a new lesson: `npm run new-step -- 37 [--book path/to/step37.out]` creates
 * content/docs/steps/37/ with an index.mdx to write, a main.ts to write, and the book's output
 * as book.out (copied from --book, else empty). The step's number is its folder's name and
 * nothing else; run `npm run program -- 37/main --write` once main.ts prints what it should.
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { STEP_TITLES, coreModule, stepSlug } from '../src/course/stages.ts';

const args = process.argv.slice(2);
const step = Number(args[0]);
const bookAt = args.indexOf('--book');
const book = bookAt >= 0 ? args[bookAt + 1] : undefined;
if (!Number.isInteger(step) || step < 1 || step > 60 || (bookAt >= 0 && !book)) {
  console.error('usage: npm run new-step -- NN [--book path/to/the/book/output.out]');
  process.exit(2);
}
const folder = new URL(`../content/docs/steps/${stepSlug(step)}/`, import.meta.url);
if (existsSync(folder)) {
  console.error(`content/docs/steps/${stepSlug(step)}/ exists already`);
  process.exit(1);
}
mkdirSync(folder, { recursive: true });
const title = STEP_TITLES[step - 1] ?? `Step ${step}`;
writeFileSync(
  new URL('index.mdx', folder),
  `---
title: ${JSON.stringify(title)}
description: ""
summary: ""
book:
  program: main
  differences: []
---

import { Program, BookComparison } from '~/components';

The one new idea, in a sentence.

## Why we need it

## The idea

## The program

<Program src="main" />

## What the output means

<BookComparison />

## Python → TypeScript

## Try this
`,
);
writeFileSync(
  new URL('main.ts', folder),
  `import { print } from '${coreModule(step)}';\n\nprint('step ${step}');\n`,
);
if (book) copyFileSync(book, new URL('book.out', folder));
else writeFileSync(new URL('book.out', folder), '');
console.log(`created content/docs/steps/${stepSlug(step)}/: index.mdx, main.ts, book.out`);
console.log(`next: write them, then npm run program -- ${stepSlug(step)}/main --write`);
