/**
 * Files in Node: a folder holds what programs save (`npm run program` uses the working directory,
 * as Python does; the tests give each run a fresh temporary one, so runs never see each other's files).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileStore } from '../dezero/file-store.ts';

/** A store over the files of `folder`. */
export function folderFileStore(folder: string): FileStore {
  return {
    read: (name) => {
      const bytes = readFileSync(join(folder, name));
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
    write: (name, bytes) => writeFileSync(join(folder, name), bytes),
    exists: (name) => existsSync(join(folder, name)),
  };
}
