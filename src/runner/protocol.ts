/**
 * The messages between the page and a runner worker. A worker runs one program and is then
 * thrown away, so every run starts in a fresh realm. The page hands the worker one end of a
 * `MessageChannel` when it starts it, and from then on both sides talk only over that port: the
 * page never listens to the worker's global `postMessage`, which a program can call.
 */
import type { RichItem } from '../dezero/rich.ts';
import type { RunError } from './execute.ts';
import type { GraphReport } from './graph/graph-report.ts';

/** Page -> worker, on the worker itself, once: the port to talk on, and the lock it holds while alive. */
export interface ConnectMessage {
  type: 'connect';
  port: MessagePort;
  /** A Web Lock name the worker holds until it dies, so the page notices a crash or `close()`. */
  lock: string;
  /** Run a warm-up program before saying it is ready: for a spare worker, not for one a run waits on. */
  warmUp: boolean;
}

/** Every message on the port; `run` goes to the worker, the others come back from it. */
export type RunnerMessage =
  /** Page -> worker: transpile and run this program. */
  | {
      type: 'run';
      code: string;
      recordBackward?: boolean;
      /** The files earlier runs saved, which this one may load (see saved-files.ts). */
      files?: Map<string, Uint8Array>;
    }
  /** Worker -> page: `dezero` has loaded and the lock is held; the worker is ready to run. */
  | { type: 'ready' }
  /** Worker -> page: how the loading of a data set goes, before the program starts ('' when loaded). */
  | { type: 'progress'; text: string }
  /** Worker -> page: a batch of printed text, in order. */
  | { type: 'stdout'; text: string }
  /** Worker -> page: a figure or graph for the output panel, in order with the printed text. */
  | { type: 'rich'; item: RichItem }
  /** Worker -> page: the program saved a file (the page keeps it and offers it for download). */
  | { type: 'file'; name: string; bytes: Uint8Array }
  /** Worker -> page: the graphs the program built, for the graph view; sent just before `done`. */
  | { type: 'graph'; report: GraphReport }
  /** Worker -> page: the program finished normally. */
  | { type: 'done' }
  /** Worker -> page: the program failed; the position is in the reader's code. */
  | { type: 'error'; error: RunError };

/** A message the page sends to the worker on the port. */
export type ToWorker = Extract<RunnerMessage, { type: 'run' }>;
/** A message the worker sends to the page on the port. */
export type FromWorker = Exclude<RunnerMessage, ToWorker>;

/** Most a program may print (in UTF-16 code units) before it is stopped. */
export const OUTPUT_LIMIT = 1_000_000;
/** Most figures and graphs a program may draw in one run before it is stopped. */
export const FIGURE_LIMIT = 100;
