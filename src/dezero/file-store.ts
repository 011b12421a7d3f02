/**
 * The files a program saves and loads (`np.save`, `np.savez`, `np.load`, `saveWeights`,
 * `loadWeights`), by name. `dezero` does no I/O itself, so the runner installs a store before the
 * program starts: in Node a folder (the working directory for `npm run program`, a fresh temporary
 * one per run in the tests); in the page the files the reader's earlier runs saved, kept in the
 * browser, each new one also offered for download. A name the store does not hold may still be a
 * file the course ships (a data file, see data-files.ts), which programs can read but not replace.
 */
import { readDataFile } from './data-files.ts';

/** Where files are read and written; each method throws with a reason when it cannot. */
export interface FileStore {
  read(name: string): Uint8Array;
  write(name: string, bytes: Uint8Array): void;
  exists(name: string): boolean;
}

let store: FileStore | null = null;

/** Installs the runner's store; returns the previous one (null when there was none). */
export function setFileStore(next: FileStore | null): FileStore | null {
  const previous = store;
  store = next;
  return previous;
}

/** The installed store, or an error that says this runner keeps no files. */
function currentStore(name: string): FileStore {
  if (store === null) throw new Error(`cannot use the file ${name}: this runner keeps no files`);
  return store;
}

/** Only plain names: the page keeps files in one flat list, so Node does too. */
function checkName(name: string): void {
  if (name === '' || /[/\\]/.test(name) || name === '.' || name === '..')
    throw new Error(
      `'${name}' is not a plain file name: files are kept in one folder, so use a name such as my_mlp.npz`,
    );
}

/** The bytes of file `name`: one the program or an earlier run saved, else a file the course ships. */
export function readFile(name: string): Uint8Array {
  checkName(name);
  const files = currentStore(name);
  if (files.exists(name)) return files.read(name);
  try {
    return readDataFile(name);
  } catch (error) {
    throw new Error(`there is no file named ${name}: save one first (it is kept between runs)`, {
      cause: error,
    });
  }
}

/** Saves `bytes` as file `name`, replacing any file of that name. */
export function writeFile(name: string, bytes: Uint8Array): void {
  checkName(name);
  currentStore(name).write(name, bytes);
}

/** True when a file named `name` has been saved (Python's `os.path.exists`). */
export function fileExists(name: string): boolean {
  checkName(name);
  return store !== null && store.exists(name);
}

/** A store over a map of name to bytes, which reports each write (the page's worker uses it). */
export function mapFileStore(
  files: Map<string, Uint8Array>,
  onWrite: (name: string, bytes: Uint8Array) => void = () => {},
): FileStore {
  return {
    read: (name) => {
      const bytes = files.get(name);
      if (bytes === undefined) throw new Error(`there is no file named ${name}`);
      return bytes;
    },
    write: (name, bytes) => {
      files.set(name, bytes);
      onWrite(name, bytes);
    },
    exists: (name) => files.has(name),
  };
}
