/** The written lessons and their programs, as the lesson folders hold them. */
import { readdirSync, readFileSync } from 'node:fs';
import { STAGES } from '../src/course/stages.ts';

export const stepsDir = new URL('../content/docs/steps/', import.meta.url);

export const steps = readdirSync(stepsDir)
  .filter((d) => /^\d\d$/.test(d))
  .sort();

/** The programs a step folder holds, as `NN/name` ids. */
export function programsOf(step: string): string[] {
  return readdirSync(new URL(`${step}/`, stepsDir))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.endsWith('.test.ts'))
    .map((f) => `${step}/${f.slice(0, -3)}`)
    .sort();
}

/** The source of a program, by its `NN/name` id. */
export function programSource(id: string): string {
  return readFileSync(new URL(`${id}.ts`, stepsDir), 'utf8');
}

/** Whether any program of a step draws a figure. */
export function draws(step: string): boolean {
  return programsOf(step).some((id) => /\bplt\.|plotDotGraph/.test(programSource(id)));
}

/**
 * One lesson per stage to audit after its runs, with its editors loaded: the stage's last
 * written lesson that draws a figure (so figures are audited too), else its last written lesson.
 */
export const auditedAfterRun = new Set(
  STAGES.flatMap((stage) => {
    const written = steps.filter((s) => Number(s) >= stage.first && Number(s) <= stage.last);
    const chosen = written.filter(draws).at(-1) ?? written.at(-1);
    return chosen === undefined ? [] : [chosen];
  }),
);
