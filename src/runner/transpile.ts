/**
 * TypeScript -> JavaScript for lesson programs, with sucrase: fast, small, and it keeps every
 * line where it was, so only columns need mapping back. Sucrase's own source map pairs tokens
 * with mappings by index and drifts after template literals, so columns are mapped here instead:
 * both texts are split into tokens, and each line's generated tokens are aligned with the same
 * line's source tokens (a longest common subsequence). What the typescript transform removed
 * (types, `as` casts, `!`, modifiers, generics) is a source token left unmatched; what the
 * imports transform added (`_dezero.`, `.call(void 0, `, helpers) a generated one.
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
  /** False for a position in what sucrase put before the program on line 1 (its helpers). */
  isProgramCode: (line: number, column: number) => boolean;
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
  let output: string;
  try {
    // NOTE: the extra first line receives all that sucrase puts before the program ("use strict",
    // helpers), so the program's own code starts on the next line, where its columns map 1:1.
    output = transform('\n' + source, {
      transforms: ['typescript', 'imports'],
      filePath: 'program.ts',
    }).code;
  } catch (error) {
    return syntaxFailure(source, error);
  }
  const added = output.indexOf('\n');
  const programCode = output.slice(added + 1);
  const columns = new ColumnMap(source, programCode);
  const inProgram = (line: number, column: number): number =>
    line === 1 ? column - added : column;
  return {
    ok: true,
    code: output.slice(0, added) + programCode,
    toSource: (line, column) => ({ line, column: columns.toSource(line, inProgram(line, column)) }),
    isProgramCode: (line, column) => inProgram(line, column) >= 1,
  };
}

function syntaxFailure(source: string, error: unknown): TranspileFailure {
  const raw = error instanceof Error ? error.message : String(error);
  // Sucrase appends "(line:column)" to its messages; the reader gets the position separately.
  const message = raw.replace(/^Error transforming [^:]*: /, '').replace(/\s*\(\d+:\d+\)$/, '');
  const padded = (error as { pos?: unknown }).pos;
  if (typeof padded !== 'number') return { ok: false, message, line: 1, column: 1 };
  const pos = Math.max(0, padded - 1); // less the added first line
  const before = source.slice(0, pos);
  const line = before.split('\n').length;
  return { ok: false, message, line, column: pos - before.lastIndexOf('\n') };
}

// ==== Column mapping: align each generated line's tokens with its source line's ====

/** A token's piece on one line: 0-based columns [start, end) and its text. */
interface Piece {
  start: number;
  end: number;
  text: string;
}

/** One generated line: its pieces, and for each the index of the source piece it copies, or -1. */
interface AlignedLine {
  generated: Piece[];
  source: Piece[];
  match: number[];
}

/** Maps generated columns to source columns, line by line; built lazily, as errors are rare. */
class ColumnMap {
  private sourceLines: Piece[][] | undefined;
  private generatedLines: Piece[][] | undefined;
  private readonly aligned = new Map<number, AlignedLine>();

  private readonly source: string;
  private readonly generated: string;

  constructor(source: string, generated: string) {
    this.source = source;
    this.generated = generated;
  }

  /** The 1-based source column of a 1-based position in the generated code. */
  toSource(line: number, column: number): number {
    const { generated, source, match } = this.line(line);
    const target = column - 1;
    // The piece holding the position, else the next one (V8 points at a token's first character).
    let index = generated.findIndex((piece) => target < piece.end);
    if (index < 0) index = generated.length - 1;
    const piece = generated[index];
    if (!piece) return column;
    const copy = source[match[index] ?? -1];
    if (copy)
      return copy.start + Math.max(0, Math.min(target - piece.start, piece.text.length - 1)) + 1;
    // Inside added code: a prefix like `_dezero.` belongs to the name after it; anything else
    // (`.call(void 0, `, `(0, `) to the copied token before it, usually the callee.
    const after = this.copiedNear(line, index, +1);
    const before = this.copiedNear(line, index, -1);
    const prefix = after && this.isPrefixOf(line, index, after.index);
    const anchor = (prefix ? after : (before ?? after))?.piece;
    return anchor ? anchor.start + 1 : column;
  }

  /** The nearest copied piece in one direction from `index` on a line. */
  private copiedNear(
    line: number,
    index: number,
    step: 1 | -1,
  ): { index: number; piece: Piece } | null {
    const { source, match } = this.line(line);
    for (let i = index + step; i >= 0 && i < match.length; i += step) {
      const piece = source[match[i] ?? -1];
      if (piece) return { index: i, piece };
    }
    return null;
  }

  /** True when the added pieces from `index` up to `next` are a prefix like `_dezero.` glued to it. */
  private isPrefixOf(line: number, index: number, next: number): boolean {
    const { generated } = this.line(line);
    const run = generated.slice(index, next);
    const last = run.at(-1);
    return (
      last?.end === generated[next]?.start &&
      /^(?:[\p{ID_Continue}$]*\.)+$/u.test(run.map((piece) => piece.text).join(''))
    );
  }

  private line(line: number): AlignedLine {
    let aligned = this.aligned.get(line);
    if (!aligned) {
      this.sourceLines ??= piecesByLine(this.source);
      this.generatedLines ??= piecesByLine(this.generated);
      const generated = this.generatedLines[line - 1] ?? [];
      const source = this.sourceLines[line - 1] ?? [];
      aligned = { generated, source, match: align(generated, source) };
      this.aligned.set(line, aligned);
    }
    return aligned;
  }
}

/** For each generated piece, the source piece it is matched with in a longest common subsequence. */
function align(generated: Piece[], source: Piece[]): number[] {
  const n = generated.length;
  const m = source.length;
  // lengths[i * (m + 1) + j]: the LCS length of generated[i..] and source[j..].
  const lengths = new Uint16Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const here = i * (m + 1) + j;
      lengths[here] =
        generated[i]?.text === source[j]?.text
          ? (lengths[here + m + 2] ?? 0) + 1
          : Math.max(lengths[here + m + 1] ?? 0, lengths[here + 1] ?? 0);
    }
  }
  const match = new Array<number>(n).fill(-1);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const here = i * (m + 1) + j;
    if (
      generated[i]?.text === source[j]?.text &&
      lengths[here] === (lengths[here + m + 2] ?? 0) + 1
    ) {
      match[i++] = j++;
    } else if ((lengths[here + 1] ?? 0) >= (lengths[here + m + 1] ?? 0)) {
      j++; // a source token the typescript transform removed
    } else {
      i++; // a generated token the imports transform added
    }
  }
  return match;
}

/** Splits a program's tokens into pieces per line (a multi-line template or comment spans several). */
export function piecesByLine(text: string): Piece[][] {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lines: Piece[][] = lineStarts.map(() => []);
  let line = 0;
  for (const [start, end] of tokenize(text)) {
    while ((lineStarts[line + 1] ?? Infinity) <= start) line++;
    for (let from = start, at = line; from < end; at++) {
      const lineStart = lineStarts[at] ?? 0;
      const lineEnd = Math.min(end, (lineStarts[at + 1] ?? Infinity) - 1);
      const to = Math.max(from, lineEnd);
      if (to > from)
        lines[at]?.push({
          start: from - lineStart,
          end: to - lineStart,
          text: text.slice(from, to),
        });
      from = to + 1;
    }
  }
  return lines;
}

// ==== A small JavaScript/TypeScript tokenizer: enough to tell tokens apart, not to parse ====

const IDENTIFIER = /#?[\p{ID_Start}$_\\][\p{ID_Continue}$\\]*/uy;
const NUMBER =
  /(?:0[xXoObB][\da-fA-F_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?)n?/y;
const PUNCTUATOR =
  />>>=|\.\.\.|===|!==|\*\*=|<<=|>>=|>>>|&&=|\|\|=|\?\?=|=>|==|!=|<=|>=|&&|\|\||\?\?|\?\.(?!\d)|\+\+|--|[-+*/%&|^]=|\*\*|<<|>>|[^\s]/y;
const REGEX = /\/(?:[^/\\[\n]|\\.|\[(?:[^\]\\\n]|\\.)*\])+\/[a-z]*/y;
/** Keywords after which a `/` starts a regular expression rather than a division. */
const BEFORE_REGEX = new Set(
  'return typeof instanceof in of new delete void throw case do else yield await'.split(' '),
);

/** The [start, end) offsets of every token and comment in a program. */
export function tokenize(text: string): Array<[number, number]> {
  const tokens: Array<[number, number]> = [];
  /** Per open `{` or `${`: whether its `}` resumes a template literal. */
  const braces: boolean[] = [];
  let previous = '';
  let at = 0;
  const sticky = (pattern: RegExp): number => {
    pattern.lastIndex = at;
    return pattern.exec(text) ? pattern.lastIndex : at;
  };
  while (at < text.length) {
    const char = text[at] ?? '';
    if (/\s/.test(char)) {
      at++;
      continue;
    }
    const start = at;
    if (text.startsWith('//', at)) {
      at = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at);
    } else if (text.startsWith('/*', at)) {
      at = text.indexOf('*/', at + 2) < 0 ? text.length : text.indexOf('*/', at + 2) + 2;
    } else if (char === '`' || (char === '}' && braces.at(-1) === true)) {
      if (char === '}') braces.pop();
      at = templateChunkEnd(text, at + 1, braces);
    } else if (char === "'" || char === '"') {
      at = stringEnd(text, at + 1, char);
    } else if (/[\d.]/.test(char) && sticky(NUMBER) > at) {
      at = sticky(NUMBER);
    } else if (sticky(IDENTIFIER) > at) {
      at = sticky(IDENTIFIER);
    } else if (char === '/' && regexMayFollow(previous) && sticky(REGEX) > at) {
      at = sticky(REGEX);
    } else {
      at = sticky(PUNCTUATOR);
      if (char === '{') braces.push(false);
      if (char === '}') braces.pop();
    }
    if (!text.startsWith('//', start) && !text.startsWith('/*', start))
      previous = text.slice(start, at);
    tokens.push([start, at]);
  }
  return tokens;
}

/** Where a template chunk that starts at `at` (after its `` ` `` or `}`) ends: after `` ` `` or `${`. */
function templateChunkEnd(text: string, at: number, braces: boolean[]): number {
  while (at < text.length) {
    const char = text[at];
    if (char === '\\') at += 2;
    else if (char === '`') return at + 1;
    else if (char === '$' && text[at + 1] === '{') {
      braces.push(true);
      return at + 2;
    } else at++;
  }
  return text.length;
}

/** Where a string literal opened by `quote` ends (at the line's end if it is never closed). */
function stringEnd(text: string, at: number, quote: string): number {
  while (at < text.length) {
    const char = text[at];
    if (char === '\\') at += 2;
    else if (char === quote) return at + 1;
    else if (char === '\n') return at;
    else at++;
  }
  return text.length;
}

function regexMayFollow(previous: string): boolean {
  if (previous === '' || previous.endsWith('${')) return true;
  // After a name or a number, only a keyword; after a closing bracket, string or template, never.
  if (/^[\p{ID_Continue}$#\\]/u.test(previous)) return BEFORE_REGEX.has(previous);
  return !/^[)\]}'"`]/.test(previous);
}
