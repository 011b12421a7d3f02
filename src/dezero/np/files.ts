/**
 * `np.save`, `np.savez` and `np.load`: arrays to and from files in numpy's own formats, `.npy` for
 * one array and `.npz` for several by name, so that files saved here load in numpy and the other
 * way round. The files go through the runner's file store (see file-store.ts).
 */
import { NDArray } from './ndarray.ts';
import { fromNpy, toNpy } from './npy.ts';
import { loadNpz, savez as npzBytes } from './npz.ts';
import { readFile, writeFile } from '../file-store.ts';

/** The arrays of an `.npz` file by key, as numpy's `NpzFile`: `npz.get('W')`, `npz.files`. */
export class NpzFile implements Iterable<[string, NDArray]> {
  readonly #arrays: ReadonlyMap<string, NDArray>;
  /** The file it was read from, which errors name. */
  readonly fileName: string;

  constructor(arrays: ReadonlyMap<string, NDArray>, fileName: string) {
    this.#arrays = arrays;
    this.fileName = fileName;
  }

  /** The keys, in the order they were saved. */
  get files(): string[] {
    return [...this.#arrays.keys()];
  }

  /** The array saved as `key` (Python's `npz[key]`); an error names the keys there are. */
  get(key: string): NDArray {
    const array = this.#arrays.get(key);
    if (array === undefined)
      throw new Error(
        `${this.fileName} has no array named ${key}; it has ${this.files.join(', ') || 'none'}`,
      );
    return array;
  }

  /** True when the file holds an array named `key` (Python's `key in npz`). */
  has(key: string): boolean {
    return this.#arrays.has(key);
  }

  [Symbol.iterator](): Iterator<[string, NDArray]> {
    return this.#arrays.entries();
  }
}

/** numpy's rule: a name without the extension gets it. */
function withExtension(file: string, extension: string): string {
  return file.endsWith(extension) ? file : `${file}${extension}`;
}

/** Saves one array as `.npy` (`np.save('x.npy', x)`). */
export function save(file: string, array: NDArray): void {
  if (!(array instanceof NDArray)) throw new TypeError('np.save saves an NDArray');
  writeFile(withExtension(file, '.npy'), toNpy(array));
}

/** Saves arrays by name as one `.npz` (Python's `np.savez('f.npz', x1=x1, x2=x2)` is `np.savez('f.npz', { x1, x2 })`). */
export function savez(
  file: string,
  arrays: Readonly<Record<string, NDArray>> | ReadonlyMap<string, NDArray>,
): void {
  const entries = arrays instanceof Map ? arrays : new Map(Object.entries(arrays));
  for (const [key, array] of entries)
    if (!(array instanceof NDArray)) throw new TypeError(`np.savez: ${key} is not an NDArray`);
  writeFile(withExtension(file, '.npz'), npzBytes(entries));
}

const ZIP_MAGIC = [0x50, 0x4b];

/** Reads a `.npz` file as an `NpzFile`, or a `.npy` file as its array, as `np.load`. */
export function load(file: `${string}.npz`): NpzFile;
export function load(file: `${string}.npy`): NDArray;
export function load(file: string): NDArray | NpzFile;
export function load(file: string): NDArray | NpzFile {
  const bytes = readFile(file);
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) return new NpzFile(loadNpz(bytes, file), file);
  return fromNpy(bytes, file);
}
