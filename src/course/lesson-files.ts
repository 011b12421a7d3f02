/** Finds lesson programs on disk and runs them through the runner core, as the tests do. */
import { readdirSync, existsSync } from 'node:fs';
import * as dezero from '../dezero/index.ts';
import { setPrintSink } from '../dezero/print.ts';
import { execute, type RunError } from '../runner/execute.ts';

/** The folder that holds the lessons' step folders. */
export const STEPS_DIR = new URL('../../content/docs/steps/', import.meta.url);

/** A lesson program: its id (`01/main`) and the paths of its source and expected output. */
export interface ProgramFile {
  id: string;
  source: URL;
  expected: URL;
}

/** Every `NN/name.ts` program under content/docs/steps, in step and name order. */
export function listPrograms(): ProgramFile[] {
  const programs: ProgramFile[] = [];
  for (const step of readdirSync(STEPS_DIR)
    .filter((d) => /^\d\d$/.test(d))
    .sort()) {
    for (const file of readdirSync(new URL(`${step}/`, STEPS_DIR)).sort()) {
      if (!file.endsWith('.ts') || file.endsWith('.d.ts') || file.endsWith('.test.ts')) continue;
      const name = file.slice(0, -3);
      programs.push({
        id: `${step}/${name}`,
        source: new URL(`${step}/${file}`, STEPS_DIR),
        expected: new URL(`${step}/${name}.out`, STEPS_DIR),
      });
    }
  }
  return programs;
}

/** True when a program has its expected output beside it. */
export function hasExpected(program: ProgramFile): boolean {
  return existsSync(program.expected);
}

/** Runs a program as the worker does: `print` and `console` both go to one stdout string. */
export async function runProgram(
  source: string,
): Promise<{ stdout: string; error: RunError | null }> {
  let stdout = '';
  const write = (text: string): void => {
    stdout += text;
  };
  const previous = setPrintSink(write);
  try {
    const error = await execute(source, { modules: { dezero }, write });
    return { stdout, error };
  } finally {
    setPrintSink(previous);
  }
}
