/**
 * The page's side of the runner: runs are queued in order (a waiting run can be dropped), each
 * runs in a fresh worker that is thrown away afterwards, and the next worker is started (and its
 * `dezero` loaded) in the background as soon as a run ends, while the reader reads, so warm runs
 * stay fast. Stop and
 * the time limit terminate the worker; a worker that dies on its own ends its run with a message.
 */
import type { RichItem } from '../dezero/rich.ts';
import type { RunError } from './execute.ts';
import type { FromWorker } from './protocol.ts';
import type { GraphReport } from './graph/graph-report.ts';
import { WorkerHandle } from './worker-handle.ts';
import { savedFiles } from './saved-files.ts';

/** How a run ended. */
export type RunOutcome =
  | { status: 'done' }
  | { status: 'error'; error: RunError }
  | { status: 'stopped' }
  | { status: 'timeout'; limitMs: number };

/** Callbacks and limits for one run. */
export interface RunOptions {
  /** Receives a line on how a data set's loading goes, before the program starts ('' once loaded). */
  onProgress?: (text: string) => void;
  /** Receives printed text as it arrives, in order. */
  onStdout: (text: string) => void;
  /** Receives each figure or graph the program draws, in order with its printed text. */
  onRich?: (item: RichItem) => void;
  /** Receives each file the program saves (kept in the browser for later runs as well). */
  onFile?: (name: string, bytes: Uint8Array) => void;
  /** Receives the graphs the program built (for the graph view), just before a normal end. */
  onGraph?: (report: GraphReport) => void;
  /** Record the program's backward passes for the graph view's stepper. @default false */
  recordBackward?: boolean;
  /** Called when the program starts, after any runs queued before it (the time limit starts here). */
  onStart?: () => void;
  /** Stop the program after this many milliseconds. @default 10000 */
  timeLimitMs?: number;
  /** Aborting stops this run (or drops it if it is still waiting for an earlier one). */
  signal?: AbortSignal;
}

/** The time limit when a run does not set one. */
export const DEFAULT_TIME_LIMIT_MS = 10_000;

interface ActiveRun {
  worker: WorkerHandle;
  finish: (outcome: RunOutcome) => void;
}

interface QueuedRun {
  code: string;
  options: RunOptions;
  resolve: (outcome: RunOutcome) => void;
}

/** Runs programs in module workers, one fresh worker per run; see the module comment. */
export class RunnerClient {
  /** The worker the next run will take, already loading or loaded. */
  #spare: WorkerHandle | null = null;
  #active: ActiveRun | null = null;
  #queue: QueuedRun[] = [];

  /** Starts a worker (and its `dezero` import) ahead of the next run. */
  warm(): void {
    this.#spare ??= new WorkerHandle({ warmUp: true });
  }

  /**
   * Runs a program after any earlier runs; resolves when it ends, however it ends. Aborting a run
   * that is still waiting drops it at once.
   */
  run(code: string, options: RunOptions): Promise<RunOutcome> {
    const { signal } = options;
    if (signal?.aborted) return Promise.resolve({ status: 'stopped' });
    return new Promise((resolve) => {
      const queued: QueuedRun = { code, options, resolve };
      const drop = (): void => {
        const index = this.#queue.indexOf(queued);
        if (index < 0) return;
        this.#queue.splice(index, 1);
        resolve({ status: 'stopped' });
      };
      signal?.addEventListener('abort', drop, { once: true });
      queued.resolve = (outcome) => {
        signal?.removeEventListener('abort', drop);
        resolve(outcome);
      };
      this.#queue.push(queued);
      this.#next();
    });
  }

  #next(): void {
    if (this.#active) return;
    const queued = this.#queue.shift();
    if (!queued) return;
    void this.#start(queued.code, queued.options).then((outcome) => {
      queued.resolve(outcome);
      this.#next();
    });
  }

  /** Stops the running program, if any, by terminating its worker. */
  stop(): void {
    this.#active?.finish({ status: 'stopped' });
  }

  #takeWorker(): WorkerHandle {
    // A run that finds no spare waits for a worker: it skips the warm-up.
    const worker = this.#spare ?? new WorkerHandle({ warmUp: false });
    this.#spare = null;
    return worker;
  }

  #start(code: string, options: RunOptions): Promise<RunOutcome> {
    const { signal, timeLimitMs = DEFAULT_TIME_LIMIT_MS } = options;
    return new Promise((resolve) => {
      const worker = this.#takeWorker();
      const onAbort = (): void => this.stop();
      let timer: ReturnType<typeof setTimeout> | undefined;
      let finished = false;
      const finish = (outcome: RunOutcome): void => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        worker.dispose();
        if (this.#active?.worker === worker) this.#active = null;
        // The next run gets a clean worker that is already loading.
        this.warm();
        resolve(outcome);
      };
      const fail = (name: string, message: string): void =>
        finish({ status: 'error', error: { name, message, line: null, column: null } });
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#active = { worker, finish };
      // The program may load what earlier runs saved: they go with it into the worker.
      Promise.all([worker.ready(), savedFiles.list()]).then(
        ([, files]) => {
          if (finished) return;
          // The time limit counts the program's own time, not the worker's start.
          timer = setTimeout(
            () => finish({ status: 'timeout', limitMs: timeLimitMs }),
            timeLimitMs,
          );
          worker.run(
            code,
            {
              message: (message) => this.#receive(message, options, finish),
              lost: (reason) => fail('RunnerError', reason),
            },
            { recordBackward: options.recordBackward ?? false, files },
          );
          options.onStart?.();
        },
        (error: unknown) =>
          fail('RunnerError', error instanceof Error ? error.message : String(error)),
      );
    });
  }

  #receive(message: FromWorker, options: RunOptions, finish: (outcome: RunOutcome) => void): void {
    switch (message.type) {
      case 'stdout':
        options.onStdout(message.text);
        break;
      case 'rich':
        options.onRich?.(message.item);
        break;
      case 'graph':
        options.onGraph?.(message.report);
        break;
      case 'file':
        void savedFiles.save(message.name, message.bytes);
        options.onFile?.(message.name, message.bytes);
        break;
      case 'done':
        finish({ status: 'done' });
        break;
      case 'error':
        finish({ status: 'error', error: message.error });
        break;
      case 'progress':
        options.onProgress?.(message.text);
        break;
      case 'ready':
        break;
    }
  }
}

/** The page's one runner, shared by all its programs. */
export const runner = new RunnerClient();
