/**
 * The texts the graph view shows for an array: numpy's `str` in full for the side panel, and a
 * one-line cut for the drawing. Reading a program's value must never throw or run long, so both
 * are capped.
 */
import { shapeTuple } from '../../dezero/np/shape-text.ts';
import { read } from './graph-objects.ts';

/** Longest text kept for the side panel (numpy already summarises arrays past 1000 elements). */
const FULL_LIMIT = 20_000;
/** Longest value drawn in a node. */
const SHORT_LIMIT = 28;

// NOTE: captured when the worker loads: a program may replace String.
const stringOf = String;

/** The value as `print` shows it, capped. */
export function fullText(value: unknown): string {
  let text: string;
  try {
    text = stringOf(value);
  } catch {
    return '(could not be printed)';
  }
  return text.length > FULL_LIMIT ? `${text.slice(0, FULL_LIMIT)}\n… (cut)` : text;
}

/** The first line of `full`, whitespace collapsed, cut to fit a node. */
export function shortText(full: string): string {
  const flat = full.replace(/\s+/g, ' ').trim();
  return flat.length > SHORT_LIMIT ? `${flat.slice(0, SHORT_LIMIT - 1)}…` : flat;
}

/** numpy's shape tuple of an array-like value, or '' when it has none. */
export function shapeText(value: unknown): string {
  if (typeof value !== 'object' || value === null) return '';
  const shape = read(value, 'shape');
  if (!Array.isArray(shape) || !shape.every((n) => typeof n === 'number')) return '';
  return shapeTuple(shape as number[]);
}

/** The dtype of an array-like value, or ''. */
export function dtypeText(value: unknown): string {
  if (typeof value !== 'object' || value === null) return '';
  const dtype = read(value, 'dtype');
  return typeof dtype === 'string' ? dtype : '';
}
