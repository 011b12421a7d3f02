/**
 * How the program's `console.log` turns values into text: the same in the worker and in Node, so
 * expected output never depends on where a program ran (Node's `util.inspect` is not available
 * in the browser).
 */

/** Joins console arguments with spaces, formatting each value plainly. */
export function formatConsoleArgs(args: readonly unknown[]): string {
  return args.map((value) => formatConsoleValue(value, 0)).join(' ');
}

function formatConsoleValue(value: unknown, depth: number): string {
  if (typeof value === 'string') return depth === 0 ? value : JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null || typeof value !== 'object') {
    return typeof value === 'function'
      ? `[Function ${value.name || '(anonymous)'}]`
      : String(value);
  }
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (depth > 2) return Array.isArray(value) ? '[Array]' : '[Object]';
  if (Array.isArray(value))
    return `[${value.map((item) => formatConsoleValue(item, depth + 1)).join(', ')}]`;
  // Maps and sets as Node prints them, instead of an empty-looking `{}`.
  if (value instanceof Map) {
    const entries = [...value].map(
      ([key, item]) =>
        `${formatConsoleValue(key, depth + 1)} => ${formatConsoleValue(item, depth + 1)}`,
    );
    return `Map(${value.size}) ${braces(entries)}`;
  }
  if (value instanceof Set) {
    const items = [...value].map((item) => formatConsoleValue(item, depth + 1));
    return `Set(${value.size}) ${braces(items)}`;
  }
  // Arrays, variables and other classes print through their own toString (numpy's format).
  if (hasOwnToString(value)) return String(value);
  const entries = Object.entries(value).map(
    ([key, item]) => `${key}: ${formatConsoleValue(item, depth + 1)}`,
  );
  return braces(entries);
}

function braces(items: readonly string[]): string {
  return items.length === 0 ? '{}' : `{ ${items.join(', ')} }`;
}

function hasOwnToString(value: object): boolean {
  return 'toString' in value && value.toString !== Object.prototype.toString;
}
