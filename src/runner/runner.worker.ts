/**
 * The runner worker: runs one program at a time with the real `dezero`, sends printed text back in
 * batches (a 1e5-iteration print loop makes a few dozen messages, not 1e5), forwards each figure
 * or graph in order with that text, and stops a program that prints or draws more than the page
 * can hold.
 */
import * as dezero from '../dezero/index.ts';
import { setPrintSink } from '../dezero/print.ts';
import { setRichSink } from '../dezero/rich.ts';
import { execute } from './execute.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { FIGURE_LIMIT, OUTPUT_LIMIT } from './protocol.ts';

/** Flush printed text at least this often (ms) while a long program is still running. */
const FLUSH_INTERVAL = 50;
/** ...or as soon as this much text is waiting. */
const FLUSH_SIZE = 16_384;

const post = (message: FromWorker): void => self.postMessage(message);

const printLimit = `the program printed more than ${OUTPUT_LIMIT / 1e6} MB, so it was stopped`;
const figureLimit = `the program drew more than ${FIGURE_LIMIT} figures, so it was stopped`;

class OutputLimitError extends Error {
  override name = 'OutputLimit';
}

self.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  if (event.data.type === 'run') void run(event.data.id, event.data.code);
});

async function run(id: number, code: string): Promise<void> {
  let buffer = '';
  let written = 0;
  let drawn = 0;
  let lastFlush = performance.now();
  let overLimit: string | null = null;
  const flush = (): void => {
    if (buffer !== '') post({ id, type: 'stdout', text: buffer });
    buffer = '';
    lastFlush = performance.now();
  };
  const stop = (message: string): never => {
    overLimit ??= message;
    // NOTE: throwing stops a runaway loop at once instead of at the time limit.
    throw new OutputLimitError(overLimit);
  };
  const write = (text: string): void => {
    if (overLimit !== null || written + text.length > OUTPUT_LIMIT) stop(printLimit);
    written += text.length;
    buffer += text;
    if (buffer.length >= FLUSH_SIZE || performance.now() - lastFlush >= FLUSH_INTERVAL) flush();
  };
  setPrintSink(write);
  setRichSink((item) => {
    if (overLimit !== null || ++drawn > FIGURE_LIMIT) stop(figureLimit);
    // Text printed before the figure goes first, so the page keeps the program's order.
    flush();
    post({ id, type: 'rich', item });
  });
  // A figure a previous run left open (drawn but never shown) must not show up in this one.
  dezero.plt.close('all');
  const error = await execute(code, { modules: { dezero }, write });
  flush();
  if (overLimit !== null && error?.name !== 'OutputLimit') {
    // The program caught the limit error itself; still report it, since its output is incomplete.
    post({
      id,
      type: 'error',
      error: { name: 'OutputLimit', message: overLimit, line: null, column: null },
    });
  } else if (error) post({ id, type: 'error', error });
  else post({ id, type: 'done' });
}
