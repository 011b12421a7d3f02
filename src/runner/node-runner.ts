/**
 * Runs a program in Node as the page does: in a fresh worker of its own, with everything it prints
 * collected into one string and everything it draws into a list, and a time limit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { recordRich } from '../dezero/rich.ts';
import type { RichItem } from '../dezero/rich.ts';
import type { RunError } from './execute.ts';
import type { FromWorker } from './protocol.ts';

/** What a program did: its stdout, its figures in order (a live one once, as it ended), and its error (null when it finished). */
export interface NodeRunResult {
  stdout: string;
  rich: RichItem[];
  error: RunError | null;
}

/** The time limit in Node, where lessons' training programs run without the page's patience. */
export const NODE_TIME_LIMIT_MS = 600_000;

const WORKER = new URL('./node.worker.ts', import.meta.url);

/** Options of `runInFreshRealm`. */
export interface NodeRunOptions {
  /** Stop the program after this long. @default NODE_TIME_LIMIT_MS */
  timeLimitMs?: number;
  /** The folder the program's files are saved in; by default a fresh one, removed after the run. */
  fileDir?: string;
}

/** Runs `code` in a new worker thread and resolves when it ends, however it ends. */
export function runInFreshRealm(
  code: string,
  { timeLimitMs = NODE_TIME_LIMIT_MS, fileDir }: NodeRunOptions = {},
): Promise<NodeRunResult> {
  return new Promise((resolve) => {
    const result: NodeRunResult = { stdout: '', rich: [], error: null };
    const scratch = fileDir === undefined ? mkdtempSync(join(tmpdir(), 'dezero-files-')) : null;
    const worker = new Worker(WORKER, { workerData: { code, fileDir: fileDir ?? scratch } });
    let settled = false;
    const end = (error: RunError | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      result.error = error;
      void worker.terminate().finally(() => {
        if (scratch !== null) rmSync(scratch, { recursive: true, force: true });
      });
      resolve(result);
    };
    const fail = (name: string, message: string): void =>
      end({ name, message, line: null, column: null });
    const timer = setTimeout(
      () =>
        fail('Timeout', `the program ran for more than ${timeLimitMs / 1000} s, so it was stopped`),
      timeLimitMs,
    );
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'stdout':
          result.stdout += message.text;
          break;
        case 'rich':
          // A live figure's updates replace it where it stands: it is one figure, in its last state.
          recordRich(result.rich, message.item);
          break;
        case 'done':
          end(null);
          break;
        case 'error':
          end(message.error);
          break;
        case 'graph':
        case 'file': // written to the folder already
        case 'progress':
        case 'ready':
          break;
      }
    });
    worker.on('error', (error) => fail('RunnerError', `the runner failed: ${error.message}`));
    worker.on('exit', (exitCode) =>
      fail('RunnerError', `the runner stopped unexpectedly (exit code ${exitCode})`),
    );
  });
}
