/**
 * Every lesson program, run in Node through the runner core exactly as the worker runs it, prints
 * its expected output (`name.out` beside `name.ts`) byte for byte (a `…` in it stands for a time).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  hasExpected,
  listPrograms,
  rememberFigures,
  runProgram,
  STEPS_DIR,
} from './lesson-files.ts';
import { SIMPLE_CORE_STEPS, STEP_TITLES, coreModule } from './stages.ts';
import { readFrontmatter } from './frontmatter.ts';
import { matchesExpected } from '../runner/expected-output.ts';

const programs = listPrograms();

test('there are lesson programs to check', () => {
  assert.ok(programs.length > 0, 'no programs found under content/docs/steps');
});

// NOTE: two at a time, each in its own realm, latest steps first: the training programs of
// stages 4 and 5 take most of this file's time, and the short ones fill the other core meanwhile.
describe('every lesson program', { concurrency: 2 }, () => {
  for (const program of [...programs].reverse()) {
    test(`${program.id} prints its .out`, async () => {
      assert.ok(hasExpected(program), `${program.id}.ts has no ${program.id}.out beside it`);
      const source = readFileSync(program.source, 'utf8');
      const { stdout, error, rich } = await runProgram(source);
      assert.equal(
        error,
        null,
        `${program.id} threw ${error?.name}: ${error?.message} at line ${error?.line}`,
      );
      const expected = readFileSync(program.expected, 'utf8');
      // A line with … (a time) matches any text there; everything else is exact.
      if (!matchesExpected(stdout, expected)) assert.equal(stdout, expected);
      // The browser suite checks the page draws the same figures, without running it in Node again.
      rememberFigures(
        source,
        rich.map((item) => item.kind),
      );
    });
  }
});

test("a lesson's step is written once, as its folder's name", () => {
  for (const step of new Set(programs.map((p) => p.id.split('/')[0]))) {
    const mdx = readFileSync(new URL(`${step}/index.mdx`, STEPS_DIR), 'utf8');
    assert.doesNotMatch(mdx, /^step:/m, `steps/${step}/index.mdx: no step in the frontmatter`);
    assert.doesNotMatch(mdx, /<Program src="\d/, `steps/${step}/index.mdx: <Program src="name">`);
    assert.doesNotMatch(
      mdx,
      /<BookComparison step=/,
      `steps/${step}/index.mdx: <BookComparison />`,
    );
  }
});

test("programs import the book's core for their step: 'dezero/simple' in 23–31, 'dezero' elsewhere", () => {
  const { first, last } = SIMPLE_CORE_STEPS;
  for (const program of programs) {
    const step = Number(program.id.split('/')[0]);
    // Step 32 is where the reader switches, so it may show both.
    if (step === last + 1) continue;
    const source = readFileSync(program.source, 'utf8');
    const imported = [...source.matchAll(/\bfrom\s+'(dezero[^']*)'/g)].map((m) => m[1]);
    for (const specifier of imported) {
      assert.equal(
        specifier,
        coreModule(step),
        `${program.id} imports '${specifier}'; steps ${first}–${last} use 'dezero/simple' and the others 'dezero'`,
      );
    }
  }
});

test("the sidebar's list of step titles agrees with every written lesson's title", () => {
  for (const step of new Set(programs.map((p) => p.id.split('/')[0]!))) {
    const { title } = readFrontmatter(new URL(`${step}/index.mdx`, STEPS_DIR));
    assert.equal(STEP_TITLES[Number(step) - 1], title, `steps/${step}: STEP_TITLES in stages.ts`);
  }
});
