/** Finds lesson programs on disk and runs them through the runner core, as the tests do. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { runInFreshRealm, type NodeRunOptions, type NodeRunResult } from '../runner/node-runner.ts';

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
export function runProgram(source: string, options: NodeRunOptions = {}): Promise<NodeRunResult> {
  return runInFreshRealm(source, options);
}

// ==== What a program drew, remembered between the Node tests and the browser tests ====

/** Where the Node lesson tests leave the kinds of figures each program drew, by source hash. */
const FIGURES_CACHE = new URL('../../node_modules/.cache/dezero-lessons/', import.meta.url);

const figuresFile = (source: string): URL =>
  new URL(`${createHash('sha256').update(source).digest('hex').slice(0, 32)}.json`, FIGURES_CACHE);

/** Remembers the kinds of the figures a program drew (`['plot', 'dot']`), keyed by its source. */
export function rememberFigures(source: string, kinds: readonly string[]): void {
  mkdirSync(FIGURES_CACHE, { recursive: true });
  writeFileSync(figuresFile(source), JSON.stringify(kinds));
}

/**
 * The kinds of the figures a program draws in Node: remembered from the Node tests when they ran
 * this very source (so `npm test` runs a training program in Node once, not twice), else run now.
 */
export async function figuresInNode(source: string): Promise<string[]> {
  const file = figuresFile(source);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as string[];
  const { error, rich } = await runProgram(source);
  if (error) throw new Error(`the program failed in Node: ${error.name}: ${error.message}`);
  const kinds = rich.map((item) => item.kind);
  rememberFigures(source, kinds);
  return kinds;
}
