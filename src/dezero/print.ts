/**
 * `print(...args)`: Python's print for lesson programs. Arguments are joined by one space and the
 * line ends with a newline; arrays and variables print through their `toString` (numpy's format),
 * JS numbers as JS prints them.
 */

/** Where printed text goes: the runner sets it (stdout in Node, a message in the worker). */
export type PrintSink = (text: string) => void;

let sink: PrintSink = (text) => {
  // NOTE: outside the runner (a plain `node file.ts`), behave like Python and write to stdout.
  globalThis.console.log(text.endsWith('\n') ? text.slice(0, -1) : text);
};

/** Redirects everything `print` writes; returns the previous sink so a caller can restore it. */
export function setPrintSink(next: PrintSink): PrintSink {
  const previous = sink;
  sink = next;
  return previous;
}

/** Told of every `print`'s arguments: the runner keeps the variables a program printed, for the graph view. */
export type PrintWatcher = (args: readonly unknown[]) => void;

let watcher: PrintWatcher | null = null;

/** Sets the watcher (the runner does, per run); returns the previous one. */
export function setPrintWatcher(next: PrintWatcher | null): PrintWatcher | null {
  const previous = watcher;
  watcher = next;
  return previous;
}

/** Formats one argument the way Python's `print` shows it. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  return String(value);
}

/** Prints its arguments separated by spaces, then a newline, like Python's `print`. */
export function print(...args: unknown[]): void {
  if (watcher !== null) watcher(args);
  sink(args.map(formatValue).join(' ') + '\n');
}
