/**
 * One program's run inside a fresh worker, as the browser worker and the Node worker both do it:
 * printed text goes back in batches (a 1e5-iteration print loop makes a few dozen messages, not
 * 1e5), each figure or graph in order with that text, and a program that prints or draws more than
 * the page can hold is stopped. No DOM.
 */
import * as dezero from '../dezero/index.ts';
import * as dezeroSimple from '../dezero/simple/index.ts';
import { setPrintSink } from '../dezero/print.ts';
import { liveId, setRichSink } from '../dezero/rich.ts';
import { endLiveFigures } from '../dezero/plt.ts';
import { execute } from './execute.ts';
import { RunGraphs } from './graph/run-graphs.ts';
import type { RunError } from './execute.ts';
import type { FromWorker } from './protocol.ts';
import { FIGURE_LIMIT, OUTPUT_LIMIT } from './protocol.ts';

/** Flush printed text at least this often (ms) while a long program is still running. */
const FLUSH_INTERVAL = 50;
/** ...or as soon as this much text is waiting. */
const FLUSH_SIZE = 16_384;

// NOTE: captured when the worker loads, before any program can replace them.
const now = performance.now.bind(performance);
const stringOf = String;

const printLimit = `the program printed more than ${OUTPUT_LIMIT / 1e6} MB, so it was stopped`;
const figureLimit = `the program drew more than ${FIGURE_LIMIT} figures, so it was stopped`;

/** What programs import: the full core, and the simple core that steps 23–31 use (as the book does). */
const MODULES = { dezero, 'dezero/simple': dezeroSimple };

class OutputLimitError extends Error {
  override name = 'OutputLimit';
}

/** How one run is watched. */
export interface CaptureOptions {
  /** Record backward passes for the graph view's stepper (the reader asked for it). @default false */
  recordBackward?: boolean;
}

/**
 * Runs `code` with the real `dezero` (and `dezero/simple`), sending everything it prints and
 * draws, the graphs it built (when it built any), then how it ended.
 */
export async function captureRun(
  code: string,
  send: (message: FromWorker) => void,
  { recordBackward = false }: CaptureOptions = {},
): Promise<void> {
  let buffer = '';
  let written = 0;
  let drawn = 0;
  const liveIds = new Set<number>();
  let lastFlush = now();
  let overLimit: string | null = null;
  const flush = (): void => {
    if (buffer !== '') send({ type: 'stdout', text: buffer });
    buffer = '';
    lastFlush = now();
  };
  const stop = (message: string): never => {
    overLimit ??= message;
    // NOTE: throwing stops a runaway loop at once instead of at the time limit.
    throw new OutputLimitError(overLimit);
  };
  let muted = false;
  const write = (text: string): void => {
    if (muted) return;
    if (overLimit !== null || written + text.length > OUTPUT_LIMIT) stop(printLimit);
    written += text.length;
    buffer += text;
    if (buffer.length >= FLUSH_SIZE || now() - lastFlush >= FLUSH_INTERVAL) flush();
  };
  setPrintSink(write);
  setRichSink((item) => {
    // A live figure's updates replace it in place: it counts once.
    const id = liveId(item);
    const isNew = id === null || !liveIds.has(id);
    if (id !== null) liveIds.add(id);
    if (overLimit !== null || (isNew && ++drawn > FIGURE_LIMIT)) stop(figureLimit);
    // Text printed before the figure goes first, so the page keeps the program's order.
    flush();
    send({ type: 'rich', item });
  });
  const graphs = new RunGraphs({ record: recordBackward });
  let error: RunError | null;
  try {
    graphs.attach();
    try {
      error = await execute(code, { modules: MODULES, write, bindings: graphs.bindings });
    } finally {
      graphs.detach();
    }
    // The live figures' last states, which the throttle may have held back (not after a limit).
    if (overLimit === null) endLiveFigures();
    flush();
    if (error === null) {
      const report = graphs.report((run) => {
        // A replayed backward is the program's own code: what it prints is not the run's output.
        muted = true;
        const previous = setPrintSink(() => {});
        try {
          run();
        } finally {
          setPrintSink(previous);
          muted = false;
        }
      });
      if (report !== null) send({ type: 'graph', report });
    }
  } catch (failure) {
    // The runner's own code failed after the program ran: it changed a built-in the runner uses.
    send({ type: 'stdout', text: buffer });
    send({ type: 'error', error: runnerBroken(failure) });
    return;
  }
  if (overLimit !== null && error?.name !== 'OutputLimit') {
    // The program caught the limit error itself; still report it, since its output is incomplete.
    send({
      type: 'error',
      error: { name: 'OutputLimit', message: overLimit, line: null, column: null },
    });
  } else if (error) send({ type: 'error', error });
  else send({ type: 'done' });
}

/**
 * A program that touches what nearly every lesson uses (a class, arrays and variables printed,
 * a backward pass in each core), so the first real run finds that code compiled. It draws no
 * random numbers and changes no setting, so it leaves nothing a program could notice.
 */
const WARM_UP = `
import { Variable, np, print } from 'dezero';
import * as simple from 'dezero/simple';
class Box { value: number; constructor(value: number) { this.value = value; } }
const x = new Variable(np.array([[1.0, 2.5], [3.0, 4.0]]));
const y = x.mul(x).add(np.array(1.0));
y.backward();
print(new Box(1).value, x, x.grad, y, np.array(0.1), 'text');
const s = new simple.Variable(np.array(2.0));
s.mul(s).add(1).backward();
print(s, s.grad);
console.log([1, 2], { a: 1 });
`;

/** Runs the warm-up program with its output thrown away; call before the worker says it is ready. */
export async function warmUp(): Promise<void> {
  const discard = (): void => {};
  const previous = setPrintSink(discard);
  try {
    await execute(WARM_UP, { modules: MODULES, write: discard });
  } finally {
    setPrintSink(previous);
  }
}

/** The error for a runner that a program broke, in words that need nothing the program could replace. */
export function runnerBroken(failure: unknown): RunError {
  let detail: string;
  try {
    detail = failure instanceof Error ? `${failure.name}: ${failure.message}` : stringOf(failure);
  } catch {
    detail = 'no details';
  }
  return {
    name: 'RunnerError',
    message:
      'the program changed a built-in that the runner itself uses (a prototype, Math, JSON, …), ' +
      `so the run could not finish cleanly (${detail}). The next run starts fresh.`,
    line: null,
    column: null,
  };
}
