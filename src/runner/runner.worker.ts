/**
 * The runner worker: runs one program at a time with the real `dezero`, sends printed text back in
 * batches (a 1e5-iteration print loop makes a few dozen messages, not 1e5), and stops a program
 * that prints more than the page can hold.
 */
import * as dezero from '../dezero/index.ts';
import { setPrintSink } from '../dezero/print.ts';
import { execute } from './execute.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { OUTPUT_LIMIT } from './protocol.ts';

/** Flush printed text at least this often (ms) while a long program is still running. */
const FLUSH_INTERVAL = 50;
/** ...or as soon as this much text is waiting. */
const FLUSH_SIZE = 16_384;

const post = (message: FromWorker): void => self.postMessage(message);

const limitMessage = `the program printed more than ${OUTPUT_LIMIT / 1e6} MB, so it was stopped`;

class OutputLimitError extends Error {
  override name = 'OutputLimit';
}

self.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  if (event.data.type === 'run') void run(event.data.id, event.data.code);
});

async function run(id: number, code: string): Promise<void> {
  let buffer = '';
  let written = 0;
  let lastFlush = performance.now();
  let overLimit = false;
  const flush = (): void => {
    if (buffer !== '') post({ id, type: 'stdout', text: buffer });
    buffer = '';
    lastFlush = performance.now();
  };
  const write = (text: string): void => {
    if (overLimit || written + text.length > OUTPUT_LIMIT) {
      overLimit = true;
      // NOTE: throwing stops a runaway print loop at once instead of at the time limit.
      throw new OutputLimitError(limitMessage);
    }
    written += text.length;
    buffer += text;
    if (buffer.length >= FLUSH_SIZE || performance.now() - lastFlush >= FLUSH_INTERVAL) flush();
  };
  setPrintSink(write);
  const error = await execute(code, { modules: { dezero }, write });
  flush();
  if (overLimit && error?.name !== 'OutputLimit') {
    // The program caught the limit error itself; still report it, since its output is incomplete.
    post({
      id,
      type: 'error',
      error: { name: 'OutputLimit', message: limitMessage, line: null, column: null },
    });
  } else if (error) post({ id, type: 'error', error });
  else post({ id, type: 'done' });
}
