/**
 * The files programs save in the page (`saveWeights`, `np.save`), kept in the browser's IndexedDB
 * so that they outlive a reload, as files on disk outlive a Python script; one flat folder for the
 * whole site, so a file saved on one lesson's page loads on another's. Where IndexedDB is
 * unavailable (some private modes) they live as long as the page. Nothing leaves the browser.
 */

const DB_NAME = 'dezero-files';
const STORE = 'files';

/** One saved file. */
export interface SavedFile {
  name: string;
  bytes: Uint8Array;
}

/** The files saved so far, by name. */
export class SavedFiles {
  readonly #memory = new Map<string, Uint8Array>();
  #db: Promise<IDBDatabase | null> | null = null;
  /** Writes not yet on disk: a run reads after them, so it sees what the previous run saved. */
  #pending: Promise<void> = Promise.resolve();

  /** Every saved file, by name. */
  async list(): Promise<Map<string, Uint8Array>> {
    await this.#pending;
    const db = await this.#open();
    if (db === null) return new Map(this.#memory);
    const files = await request<SavedFile[]>(
      db.transaction(STORE).objectStore(STORE).getAll(),
    ).catch(() => []);
    return new Map([...this.#memory, ...files.map((f) => [f.name, f.bytes] as const)]);
  }

  /** Saves `bytes` as `name`, replacing an older file of that name. */
  save(name: string, bytes: Uint8Array): Promise<void> {
    this.#memory.set(name, bytes);
    const write = async (): Promise<void> => {
      const db = await this.#open();
      if (db === null) return;
      const transaction = db.transaction(STORE, 'readwrite');
      transaction.objectStore(STORE).put({ name, bytes } satisfies SavedFile);
      await done(transaction);
      this.#memory.delete(name); // on disk now; a later list() reads it from there
    };
    this.#pending = this.#pending.then(write).catch(() => {});
    return this.#pending;
  }

  /** Deletes every saved file. */
  async clear(): Promise<void> {
    await this.#pending;
    this.#memory.clear();
    const db = await this.#open();
    if (db === null) return;
    const transaction = db.transaction(STORE, 'readwrite');
    transaction.objectStore(STORE).clear();
    await done(transaction).catch(() => {});
  }

  #open(): Promise<IDBDatabase | null> {
    this.#db ??= new Promise<IDBDatabase | null>((resolve) => {
      if (typeof indexedDB === 'undefined') return resolve(null);
      const opening = indexedDB.open(DB_NAME, 1);
      opening.onupgradeneeded = () => opening.result.createObjectStore(STORE, { keyPath: 'name' });
      opening.onsuccess = () => resolve(opening.result);
      opening.onerror = () => resolve(null);
      opening.onblocked = () => resolve(null);
    });
    return this.#db;
  }
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB write failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB write aborted'));
  });
}

/** The page's saved files, shared by all its programs. */
export const savedFiles = new SavedFiles();
