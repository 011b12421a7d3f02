/**
 * The page's side of the runner: one shared worker per page, created on first need, with runs
 * queued in order (a waiting run can be dropped), a time limit, and Stop (terminate the worker;
 * the next run spawns a new one).
 */
import type { RichItem } from '../dezero/rich.ts';
import type { RunError } from './execute.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

/** How a run ended. */
export type RunOutcome =
  | { status: 'done' }
  | { status: 'error'; error: RunError }
  | { status: 'stopped' }
  | { status: 'timeout'; limitMs: number };

/** Callbacks and limits for one run. */
export interface RunOptions {
  /** Receives printed text as it arrives, in order. */
  onStdout: (text: string) => void;
  /** Receives each figure or graph the program draws, in order with its printed text. */
  onRich?: (item: RichItem) => void;
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
  id: number;
  options: RunOptions;
  finish: (outcome: RunOutcome) => void;
}

interface QueuedRun {
  code: string;
  options: RunOptions;
  resolve: (outcome: RunOutcome) => void;
}

/** Runs programs in a module worker; see the module comment. */
export class RunnerClient {
  #worker: Worker | null = null;
  #nextId = 1;
  #active: ActiveRun | null = null;
  #queue: QueuedRun[] = [];

  /** Starts the worker (and its `dezero` import) ahead of the first run. */
  warm(): void {
    this.#ensureWorker();
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

  /** Stops the running program, if any, by terminating the worker. */
  stop(): void {
    if (!this.#active) return;
    this.#terminate();
    this.#active.finish({ status: 'stopped' });
  }

  #start(code: string, options: RunOptions): Promise<RunOutcome> {
    const { signal, timeLimitMs = DEFAULT_TIME_LIMIT_MS } = options;
    return new Promise((resolve) => {
      const id = this.#nextId++;
      const onAbort = (): void => this.stop();
      const timer = setTimeout(() => {
        this.#terminate();
        finish({ status: 'timeout', limitMs: timeLimitMs });
      }, timeLimitMs);
      const finish = (outcome: RunOutcome): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (this.#active?.id === id) this.#active = null;
        resolve(outcome);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#active = { id, options, finish };
      const message: ToWorker = { id, type: 'run', code };
      this.#ensureWorker().postMessage(message);
      options.onStart?.();
    });
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('./runner.worker.ts', import.meta.url), {
      type: 'module',
      name: 'dezero-runner',
    });
    worker.addEventListener('message', (event: MessageEvent<FromWorker>) =>
      this.#receive(event.data),
    );
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      const message = event.message || 'the runner worker failed to load';
      this.#terminate();
      this.#active?.finish({
        status: 'error',
        error: { name: 'RunnerError', message, line: null, column: null },
      });
    });
    this.#worker = worker;
    return worker;
  }

  #receive(message: FromWorker): void {
    const active = this.#active;
    if (!active || message.id !== active.id) return;
    switch (message.type) {
      case 'stdout':
        active.options.onStdout(message.text);
        break;
      case 'rich':
        active.options.onRich?.(message.item);
        break;
      case 'done':
        active.finish({ status: 'done' });
        break;
      case 'error':
        active.finish({ status: 'error', error: message.error });
        break;
    }
  }

  #terminate(): void {
    this.#worker?.terminate();
    this.#worker = null;
  }
}

/** The page's one runner, shared by all its programs. */
export const runner = new RunnerClient();
