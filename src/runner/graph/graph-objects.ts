/**
 * How the recorder reads a graph it did not build: the Variables and Functions of both `dezero`
 * cores and of the classes a lesson program writes itself (steps 7–22, with `input`/`output`
 * before step 11 and `inputs`/`outputs` after, with or without `generation`). Everything here is
 * read defensively: a program's object may hold anything, and reading it must never throw.
 */

/** A variable as the graph view sees it: something with a `creator` and a `grad` slot. */
export type VariableObject = object & { creator?: unknown; grad?: unknown };
/** A function as the graph view sees it. */
export type FunctionObject = object;

/** Reads a property without letting a getter's error (an empty Variable's `data`) escape. */
export function read(target: object, key: string): unknown {
  try {
    return (target as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/** True for an object shaped like a Variable: it has `creator` and `grad` slots. */
export function isVariable(value: unknown): value is VariableObject {
  return typeof value === 'object' && value !== null && 'creator' in value && 'grad' in value;
}

/** True for an object shaped like a Function: inputs and outputs (or step 7's input and output). */
export function isFunction(value: unknown): value is FunctionObject {
  if (typeof value !== 'object' || value === null) return false;
  return ('inputs' in value && 'outputs' in value) || ('input' in value && 'output' in value);
}

/** The function that made `v`, or null for an input the program made. */
export function creatorOf(v: VariableObject): FunctionObject | null {
  const creator = read(v, 'creator');
  return isFunction(creator) ? creator : null;
}

/** A WeakRef's target (step 17's outputs may be weak), or the value itself. */
function deref(value: unknown): unknown {
  if (value instanceof WeakRef) return value.deref() as unknown;
  return value;
}

function variables(f: FunctionObject, many: string, one: string): VariableObject[] {
  const list = read(f, many);
  const items = Array.isArray(list) ? (list as unknown[]) : [read(f, one)];
  return items.map(deref).filter(isVariable);
}

/** The variables `f` took. */
export function inputsOf(f: FunctionObject): VariableObject[] {
  return variables(f, 'inputs', 'input');
}

/** The variables `f` made (those still alive, when the program keeps weak references). */
export function outputsOf(f: FunctionObject): VariableObject[] {
  return variables(f, 'outputs', 'output');
}

/** `f.generation`, or null before step 16 gave functions one. */
export function generationOf(f: FunctionObject): number | null {
  const generation = read(f, 'generation');
  return typeof generation === 'number' && Number.isFinite(generation) ? generation : null;
}

/** The function's class name, as DeZero's graphs label it. */
export function functionName(f: FunctionObject): string {
  const constructor = read(f, 'constructor');
  const name = typeof constructor === 'function' ? read(constructor, 'name') : undefined;
  return typeof name === 'string' && name !== '' ? name : 'Function';
}

/** The array inside a Variable (the full core's grad is a Variable too), or the value itself. */
export function arrayOf(value: unknown): unknown {
  return isVariable(value) ? read(value, 'data') : value;
}
