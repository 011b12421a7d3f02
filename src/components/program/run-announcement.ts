/**
 * What the program's status region (`[data-announce]`, polite) tells a screen-reader user when a
 * run ends: the toolbar's visible state is terser, and the error's line is in the output panel.
 */
import type { RunOutcome } from '../../runner/client.ts';

/** Said when a run starts. */
export const RUNNING = 'Running…';

/** The sentence for a run's end; `took` is its formatted duration, or null if it never started. */
export function runAnnouncement(outcome: RunOutcome, took: string | null): string {
  switch (outcome.status) {
    case 'done':
      return took === null ? 'Done' : `Done in ${took}`;
    case 'error':
      return outcome.error.line === null
        ? `Error: ${outcome.error.name}`
        : `Error at line ${outcome.error.line}`;
    case 'timeout':
      return `Stopped by the time limit of ${outcome.limitMs / 1000} s`;
    case 'stopped':
      return 'Stopped';
  }
}
