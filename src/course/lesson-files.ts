/** Finds lesson programs on disk and runs them through the runner core, as the tests do. */
import { readdirSync, existsSync } from 'node:fs';
import { runInFreshRealm, type NodeRunResult } from '../runner/node-runner.ts';

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

/**
 * Runs a program as the page does, in a fresh worker of its own: `print` and `console` both go
 * to one stdout string, and its figures are collected in order.
 */
export function runProgram(source: string): Promise<NodeRunResult> {
  return runInFreshRealm(source);
}
