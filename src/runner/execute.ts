/**
 * Runs a lesson program: transpile, evaluate with a shadow `require`, `console` and timers, wait
 * for the timers it started, and report a thrown error (also one thrown in a timer, or a promise
 * rejected and never handled) at its line and column in the reader's TypeScript. No DOM: the
 * worker and the Node tests share this file.
 */
import { ProgramTasks } from './program-tasks.ts';
import type { ProgramTimers } from './program-tasks.ts';
import { transpile } from './transpile.ts';
import type { SourcePosition, Transpiled } from './transpile.ts';
import { formatConsoleArgs } from './format.ts';
import { bindingsStatement } from './graph/top-level-names.ts';
import type { Bindings } from './graph/run-graphs.ts';

/** An error from a program, positioned in the program's own source (1-based), when known. */
export interface RunError {
  name: string;
  message: string;
  line: number | null;
  column: number | null;
}

/** What a program may use from outside: its importable modules and where its output goes. */
export interface ExecuteOptions {
  /** Modules a program may import, by specifier (e.g. { dezero: await import('../dezero/index.ts'), 'dezero/simple': … }). */
  modules: Readonly<Record<string, unknown>>;
  /** Receives everything the program's console.log/console.error write (with a trailing '\n' per call). */
  write: (text: string) => void;
  /** Receives getters for the program's top-level bindings when it runs to its end (for the graph view). */
  bindings?: (bindings: Bindings) => void;
}

/** Stack frames kept while a program runs: enough to reach the program's own frame from deep in dezero. */
const STACK_FRAMES = 200;

/** The name the evaluated code carries in stack traces, so its frames can be told apart. */
const SCRIPT_NAME = 'dezero-program.js';
/** The wrapper takes one line before the program's first line. */
const HEADER =
  '(async function (require, exports, module, console, setTimeout, setInterval, clearTimeout, clearInterval, __dezeroBindings) {\n';
const FRAME = new RegExp(`${SCRIPT_NAME.replace('.', '\\.')}:(\\d+):(\\d+)`, 'g');

type ProgramFunction = (
  require: (specifier: string) => unknown,
  exports: object,
  module: { exports: object },
  console: Console,
  ...rest: [
    ProgramTimers['setTimeout'],
    ProgramTimers['setInterval'],
    ProgramTimers['clearTimeout'],
    ProgramTimers['clearInterval'],
    bindings: (bindings: Bindings) => void,
  ]
) => Promise<void>;

/** Transpiles and runs a program; resolves to null on success, or the error with its position in the program's own source. */
export async function execute(source: string, options: ExecuteOptions): Promise<RunError | null> {
  const transpiled = transpile(source);
  if (!transpiled.ok) {
    const { message, line, column } = transpiled;
    return { name: 'SyntaxError', message, line, column };
  }
  let program: ProgramFunction;
  try {
    // NOTE: indirect eval runs in global scope, so the program sees none of this module's names.
    // NOTE: after the program's last line, so its lines and columns stay where they were.
    const tail = options.bindings ? bindingsStatement(transpiled.code, '__dezeroBindings') : '';
    program = (0, eval)(`${HEADER}${transpiled.code}\n${tail}})\n//# sourceURL=${SCRIPT_NAME}`);
  } catch (error) {
    // The engine rejected what sucrase accepted (e.g. `await` inside a non-async function).
    return toRunError(error, null, options.modules);
  }
  const module = { exports: {} };
  const tasks = new ProgramTasks();
  // NOTE: browsers keep 10 stack frames; an error raised deep inside dezero would lose the reader's line.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = Math.max(stackTraceLimit, STACK_FRAMES);
  const { setTimeout, setInterval, clearTimeout, clearInterval } = tasks.timers;
  try {
    const main = program(
      requireFrom(options.modules),
      module.exports,
      module,
      shadowConsole(options.write),
      setTimeout,
      setInterval,
      clearTimeout,
      clearInterval,
      options.bindings ?? (() => {}),
    );
    // A failure in a timer ends the run even while the main code still awaits something.
    const failed = await Promise.race([main.then(() => null), tasks.failed()]);
    const failure = failed ?? (await tasks.settled());
    return failure ? toRunError(failure.error, transpiled, options.modules) : null;
  } catch (error) {
    return toRunError(error, transpiled, options.modules);
  } finally {
    tasks.dispose();
    Error.stackTraceLimit = stackTraceLimit;
  }
}

function requireFrom(modules: Readonly<Record<string, unknown>>): (specifier: string) => unknown {
  return (specifier) => {
    if (Object.hasOwn(modules, specifier)) return modules[specifier];
    const known = Object.keys(modules).map((name) => `'${name}'`);
    const list =
      known.length > 1 ? `${known.slice(0, -1).join(', ')} or ${known.at(-1)}` : known[0];
    throw new Error(`Cannot find module '${specifier}': programs can import ${list ?? 'nothing'}`);
  };
}

/** A `console` whose output goes to the program's sink; the real global console is left alone. */
function shadowConsole(write: (text: string) => void): Console {
  const log = (...args: unknown[]): void => write(formatConsoleArgs(args) + '\n');
  const shadow = { log, info: log, debug: log, warn: log, error: log, trace: log };
  return Object.assign(Object.create(globalThis.console) as Console, shadow);
}

function toRunError(
  error: unknown,
  transpiled: Transpiled | null,
  modules: Readonly<Record<string, unknown>>,
): RunError {
  if (!(error instanceof Error)) {
    return { name: 'Uncaught', message: String(error), line: null, column: null };
  }
  const position =
    transpiled && typeof error.stack === 'string' ? programFrame(error.stack, transpiled) : null;
  return {
    name: error.name,
    // V8 names the expression it ran: `F.add is not a function` reads `_dezero.F.add` there.
    message: transpiled ? stripImportNames(error.message, modules) : error.message,
    line: position?.line ?? null,
    column: position?.column ?? null,
  };
}

/**
 * `message` without the names sucrase gives the imports in the code it writes: `_dezero.` for
 * 'dezero', `_simple.` for 'dezero/simple', `_dezero2.` when two imports share a name.
 */
function stripImportNames(message: string, modules: Readonly<Record<string, unknown>>): string {
  const names = Object.keys(modules)
    .map((specifier) => (specifier.split('/').at(-1) ?? '').replace(/\W/g, ''))
    .filter((name) => name !== '');
  if (names.length === 0) return message;
  return message.replace(new RegExp(`\\b_(?:${names.join('|')})\\d*\\.`, 'g'), '');
}

/** The innermost stack frame in the program's own code, skipping sucrase's helpers (e.g. `?.`'s). */
function programFrame(stack: string, transpiled: Transpiled): SourcePosition | null {
  for (const match of stack.matchAll(FRAME)) {
    const line = Number(match[1]) - 1; // less the wrapper's header line
    const column = Number(match[2]);
    if (line >= 1 && transpiled.isProgramCode(line, column))
      return transpiled.toSource(line, column);
  }
  return null;
}
