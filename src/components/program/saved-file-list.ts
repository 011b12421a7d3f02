/**
 * The files a run saved, listed under its output: each name, its size and a link that downloads
 * it, so that weights trained in the page can be taken to Python DeZero (they are numpy's .npz).
 * The browser keeps them for later runs too (see runner/saved-files.ts); this list is what the
 * last run saved.
 */

/** Writes the list into `[data-files]`: one `li[data-file="NAME"]` with an `a[download]` each. */
export class SavedFileList {
  readonly #list: HTMLElement;
  readonly #urls = new Map<string, string>();

  constructor(list: HTMLElement) {
    this.#list = list;
  }

  /** Empties the list for a new run, and frees the downloads it offered. */
  clear(): void {
    for (const url of this.#urls.values()) URL.revokeObjectURL(url);
    this.#urls.clear();
    this.#list.replaceChildren();
    this.#list.hidden = true;
  }

  /** Lists `name`, replacing the entry of an earlier save of the same name in this run. */
  add(name: string, bytes: Uint8Array): void {
    const old = this.#urls.get(name);
    if (old !== undefined) URL.revokeObjectURL(old);
    const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>]));
    this.#urls.set(name, url);
    const item = document.createElement('li');
    item.dataset['file'] = name;
    const label = document.createElement('span');
    label.textContent = `saved ${name} (${size(bytes.length)}), kept in this browser for later runs · `;
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.textContent = `Download ${name}`;
    item.append(label, link);
    const existing = [...this.#list.children].find(
      (child) => child instanceof HTMLElement && child.dataset['file'] === name,
    );
    if (existing) existing.replaceWith(item);
    else this.#list.append(item);
    this.#list.hidden = false;
  }
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
