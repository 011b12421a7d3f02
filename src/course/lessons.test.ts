/**
 * Every lesson program, run in Node through the runner core exactly as the worker runs it, prints
 * its expected output (`name.out` beside `name.ts`) byte for byte.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { hasExpected, listPrograms, runProgram } from './lesson-files.ts';

const programs = listPrograms();

test('there are lesson programs to check', () => {
  assert.ok(programs.length > 0, 'no programs found under content/docs/steps');
});

for (const program of programs) {
  test(`${program.id} prints its .out`, async () => {
    assert.ok(hasExpected(program), `${program.id}.ts has no ${program.id}.out beside it`);
    const { stdout, error } = await runProgram(readFileSync(program.source, 'utf8'));
    assert.equal(
      error,
      null,
      `${program.id} threw ${error?.name}: ${error?.message} at line ${error?.line}`,
    );
    assert.equal(stdout, readFileSync(program.expected, 'utf8'));
  });
}
