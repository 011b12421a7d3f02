/**
 * Saving and loading a layer's parameters, as DeZero's `save_weights` / `load_weights`: each
 * parameter is named by its path through the nested layers (`l0/W`, `conv1/b`), and the arrays go
 * into one `.npz` file under those names, so a model's file loads in Python DeZero and back.
 */
import type { Parameter } from './core.ts';
import type { Layer } from './layers.ts';
import { NpzFile, load, savez } from './np/files.ts';
import { shapeTuple } from './np/shape-text.ts';

/** The shape the layer owning `key` (a path such as `l0/W`) declares for it. */
function declaredShape(root: Layer, key: string): readonly (number | null)[] | null {
  const path = key.split('/');
  const name = path.pop()!;
  const owner = path.reduce<unknown>((layer, step) => Reflect.get(layer as object, step), root);
  return (owner as Layer).expectedShape(name);
}

/** True when `shape` has `expected`'s length and agrees on every axis it knows. */
function fits(shape: readonly number[], expected: readonly (number | null)[]): boolean {
  return shape.length === expected.length && expected.every((n, i) => n === null || n === shape[i]);
}

/** A shape with unknown axes, as `(None, 10)`, Python's way to say "any". */
function shapeText(shape: readonly (number | null)[]): string {
  return shape.length === 1
    ? `(${shape[0] ?? 'None'},)`
    : `(${shape.map((n) => n ?? 'None').join(', ')})`;
}

/** Writes `params` (path to parameter) to `path` as `.npz`, refusing parameters not yet made. */
export function saveParams(params: ReadonlyMap<string, Parameter>, path: string): void {
  const arrays = new Map(
    [...params].map(([key, param]) => {
      if (!param.hasData)
        throw new Error(
          `cannot save ${key} to ${path}: it has no data yet (a layer makes its weight at its first call, so run the model once first)`,
        );
      return [key, param.data] as const;
    }),
  );
  savez(path, arrays);
}

/**
 * Loads `path` into `params`: every parameter must be in the file, with its shape (one made at the
 * first call takes the file's), and the file must hold nothing the model lacks; each error names
 * the file and the parameter.
 */
export function loadParams(
  params: ReadonlyMap<string, Parameter>,
  path: string,
  layer: Layer,
): void {
  const npz = load(path);
  if (!(npz instanceof NpzFile))
    throw new Error(`${path} holds one array (.npy), not a model's weights (.npz)`);
  const model = layer.constructor.name;
  for (const key of npz.files)
    if (!params.has(key))
      throw new Error(
        `${path} has weights ${key}, which this ${model} does not have: is it a file of another model?`,
      );
  for (const [key, param] of params) {
    if (!npz.has(key)) throw new Error(`${path} has no weights ${key}, which this ${model} needs`);
    const array = npz.get(key);
    const expected = param.hasData ? param.data.shape : declaredShape(layer, key);
    if (expected !== null && !fits(array.shape, expected))
      throw new Error(
        `${path}: ${key} has shape ${shapeTuple(array.shape)}, but this ${model}'s ${key} has shape ${shapeText(expected)}`,
      );
    param.data = array;
  }
}
