/**
 * Runs one lesson program in Node and prints what it prints: `npm run program -- 01/main`.
 * With `--write` it (re)writes the program's expected output `main.out` beside it; review the diff.
 * Files the program saves (`saveWeights`, `np.save`) go to the working directory, as in Python.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { runProgram } from '../src/course/lesson-files.ts';

const args = process.argv.slice(2);
const write = args.includes('--write');
const ids = args.filter((a) => !a.startsWith('--'));
if (ids.length === 0) {
  console.error('usage: npm run program -- NN/name [NN/name ...] [--write]');
  process.exit(2);
}
let failed = false;
for (const id of ids) {
  const path = `content/docs/steps/${id}.ts`;
  const { stdout, error } = await runProgram(readFileSync(path, 'utf8'), {
    fileDir: process.cwd(),
  });
  process.stdout.write(stdout);
  if (error) {
    failed = true;
    console.error(
      `${id}: ${error.name}: ${error.message} (line ${error.line}, column ${error.column})`,
    );
  } else if (write) {
    writeFileSync(`content/docs/steps/${id}.out`, stdout);
    console.error(`wrote content/docs/steps/${id}.out`);
  }
}
process.exit(failed ? 1 : 0);
