/**
 * TypeScript -> JavaScript for lesson programs, with sucrase: fast, small, and it keeps every
 * line where it was, so only columns need mapping back (through its token-level source map).
 */
import { transform } from 'sucrase';

/** A 1-based position in a program's own TypeScript source. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** A successful transpile: CommonJS-style code plus a way back to the reader's columns. */
export interface Transpiled {
  ok: true;
  /** The JavaScript; line N is line N of the source. Uses `require`, `exports` and `module`. */
  code: string;
  /** Maps a 1-based position in `code` to the same place in the TypeScript source. */
  toSource: (line: number, column: number) => SourcePosition;
}

/** A syntax error, positioned in the reader's code. */
export interface TranspileFailure {
  ok: false;
  message: string;
  line: number;
  column: number;
}

/** Transpiles a program; never throws for bad input (a syntax error is a value). */
export function transpile(source: string): Transpiled | TranspileFailure {
  let result: ReturnType<typeof transform>;
  try {
    result = transform(source, {
      transforms: ['typescript', 'imports'],
      filePath: 'program.ts',
      sourceMapOptions: { compiledFilename: 'program.js' },
    });
  } catch (error) {
    return syntaxFailure(source, error);
  }
  const lines = decodeMappings(result.sourceMap?.mappings ?? '');
  return {
    ok: true,
    code: result.code,
    toSource: (line, column) => ({ line, column: mapColumn(lines[line - 1], column) }),
  };
}

function syntaxFailure(source: string, error: unknown): TranspileFailure {
  const raw = error instanceof Error ? error.message : String(error);
  // Sucrase appends "(line:column)" to its messages; the reader gets the position separately.
  const message = raw.replace(/^Error transforming [^:]*: /, '').replace(/\s*\(\d+:\d+\)$/, '');
  const pos = (error as { pos?: unknown }).pos;
  if (typeof pos !== 'number') return { ok: false, message, line: 1, column: 1 };
  const before = source.slice(0, pos);
  const line = before.split('\n').length;
  return { ok: false, message, line, column: pos - before.lastIndexOf('\n') };
}

/** [generated column, source column] pairs (0-based), per generated line. */
type LineSegments = Array<[number, number]>;

function mapColumn(segments: LineSegments | undefined, column: number): number {
  if (!segments || segments.length === 0) return column;
  const target = column - 1;
  let index = segments.findIndex((segment) => segment[0] > target) - 1;
  if (index === -2) index = segments.length - 1;
  if (index < 0) return column;
  const [generated, source] = segments[index] ?? [0, 0];
  const next = segments[index + 1];
  // Text that sucrase copied through keeps its length; inside a rewritten token (e.g.
  // `print(` -> `_dezero.print.call(void 0, `), point at the token's start instead.
  const copied = !next || next[0] - generated === next[1] - source;
  return (copied ? source + (target - generated) : source) + 1;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes a source map's VLQ `mappings` into generated/source column pairs per line. */
export function decodeMappings(mappings: string): LineSegments[] {
  const lines: LineSegments[] = [];
  let sourceColumn = 0;
  for (const line of mappings.split(';')) {
    const segments: LineSegments = [];
    let generatedColumn = 0;
    for (const segment of line.split(',')) {
      if (segment === '') continue;
      const fields = decodeVlq(segment);
      generatedColumn += fields[0] ?? 0;
      if (fields.length >= 4) sourceColumn += fields[3] ?? 0;
      segments.push([generatedColumn, sourceColumn]);
    }
    lines.push(segments);
  }
  return lines;
}

function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}
