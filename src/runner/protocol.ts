/**
 * The messages between the page and the runner worker: one discriminated union, every message
 * tagged with the `id` of the run it belongs to, so late messages from an old run are ignored.
 */
import type { RichItem } from '../dezero/rich.ts';
import type { RunError } from './execute.ts';

/** Every message of the protocol; `run` goes to the worker, the others come back from it. */
export type RunnerMessage =
  /** Page -> worker: transpile and run this program. */
  | { id: number; type: 'run'; code: string }
  /** Worker -> page: a batch of printed text, in order. */
  | { id: number; type: 'stdout'; text: string }
  /** Worker -> page: a figure or graph for the output panel, in order with the printed text. */
  | { id: number; type: 'rich'; item: RichItem }
  /** Worker -> page: the program finished normally. */
  | { id: number; type: 'done' }
  /** Worker -> page: the program failed; the position is in the reader's code. */
  | { id: number; type: 'error'; error: RunError };

/** A message the page sends to the worker. */
export type ToWorker = Extract<RunnerMessage, { type: 'run' }>;
/** A message the worker sends to the page. */
export type FromWorker = Exclude<RunnerMessage, ToWorker>;

/** Most a program may print (in UTF-16 code units) before it is stopped. */
export const OUTPUT_LIMIT = 1_000_000;
/** Most figures and graphs a program may draw in one run before it is stopped. */
export const FIGURE_LIMIT = 100;
