/**
 * The reader's edits, kept in localStorage per program. The key includes a hash of the lesson's
 * original code, so when a lesson changes, an old edit of the old code is not shown over it.
 * Storage can be full or disabled: then edits live only as long as the page, and the program
 * says so.
 */

const PREFIX = 'dezero-program';

/** One program's saved edit. */
export class SavedEdit {
  readonly #key: string;

  /** `runner` is the program's `data-runner` (e.g. `01/main`); `original` its lesson code. */
  constructor(runner: string, original: string) {
    this.#key = `${PREFIX}:${runner}:${hashCode(original)}`;
  }

  /** The saved code, or null when there is none (or storage is unavailable). */
  load(): string | null {
    try {
      return localStorage.getItem(this.#key);
    } catch {
      return null;
    }
  }

  /** Saves the code; returns false if storage refused it. */
  save(code: string): boolean {
    try {
      localStorage.setItem(this.#key, code);
      return true;
    } catch {
      return false;
    }
  }

  /** Forgets the saved code. */
  clear(): void {
    try {
      localStorage.removeItem(this.#key);
    } catch {
      // Nothing was stored if storage is unavailable.
    }
  }
}

/** FNV-1a, 32 bits, as hex: short, stable, and plenty to tell lesson versions apart. */
export function hashCode(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
