/**
 * The output panel of one program: printed text exactly as printed (final newline dropped), then
 * an error or a note, the figures the program drew, and whether the output matches the lesson's
 * expected output.
 */
import { matchesExpected } from '../../runner/expected-output.ts';
import type { RichItem } from '../../dezero/rich.ts';
import type { RunError } from '../../runner/execute.ts';
import { RichOutput } from './rich-output.ts';
import { SavedFileList } from './saved-file-list.ts';

/** Writes a run's results into the panel's `[data-stdout]`, `[data-error]`, `[data-note]`, `[data-rich]`, `[data-files]` and `[data-match]`. */
export class OutputPanel {
  readonly #root: HTMLElement;
  readonly #stdout: HTMLElement;
  readonly #error: HTMLElement;
  readonly #note: HTMLElement;
  readonly #rich: RichOutput;
  readonly #match: HTMLElement;
  readonly #files: SavedFileList;
  #printed = '';
  #heldNewline = false;

  /** `program` is the `<dezero-program>` element that holds the panel. */
  constructor(program: HTMLElement) {
    const find = (selector: string): HTMLElement => {
      const element = program.querySelector<HTMLElement>(selector);
      if (!element) throw new Error(`<dezero-program> is missing ${selector}`);
      return element;
    };
    this.#root = find('[data-output]');
    this.#stdout = find('[data-stdout]');
    this.#error = find('[data-error]');
    this.#note = find('[data-note]');
    this.#rich = new RichOutput(program, find('[data-rich]'));
    this.#match = find('[data-match]');
    this.#files = new SavedFileList(find('[data-files]'));
  }

  /** What the program printed, without its final newline. */
  get printed(): string {
    return this.#printed.endsWith('\n') ? this.#printed.slice(0, -1) : this.#printed;
  }

  /** Empties the panel for a new run and shows it. */
  start(): void {
    this.#printed = '';
    this.#heldNewline = false;
    this.#stdout.textContent = '';
    this.#rich.clear();
    this.#files.clear();
    this.#error.hidden = true;
    this.#error.replaceChildren();
    this.#note.hidden = true;
    this.#match.hidden = true;
    this.#root.hidden = false;
  }

  /** Appends printed text; a trailing newline is held back until more text follows it. */
  append(text: string): void {
    this.#printed += text;
    let shown = this.#heldNewline ? `\n${text}` : text;
    this.#heldNewline = shown.endsWith('\n');
    if (this.#heldNewline) shown = shown.slice(0, -1);
    if (shown !== '') this.#stdout.append(shown);
  }

  /** Gets the figure renderers ready when `code` draws while it runs (see `RichOutput.expectDrawing`). */
  expectDrawing(code: string): void {
    this.#rich.expectDrawing(code);
  }

  /** Adds a figure or graph after those the program drew before it. */
  draw(item: RichItem): void {
    this.#rich.add(item);
  }

  /** Lists a file the program saved, with a link to download it. */
  showFile(name: string, bytes: Uint8Array): void {
    this.#files.add(name, bytes);
  }

  /** Shows a program error as `Name: message` and where it happened in the reader's code. */
  showError(error: RunError): void {
    const message = document.createElement('p');
    message.className = 'program-error-message';
    message.textContent = `${error.name}: ${error.message}`;
    this.#error.replaceChildren(message);
    if (error.line !== null) {
      const where = document.createElement('p');
      where.className = 'program-error-where';
      where.textContent = `at line ${error.line}, column ${error.column ?? 1}`;
      this.#error.append(where);
    }
    this.#error.hidden = false;
  }

  /** Shows that the time limit stopped the program, with a button to rerun with more time. */
  showTimeout(limitMs: number, allowMore: () => void): void {
    this.showError({
      name: 'Timeout',
      message: `the program ran for more than ${limitMs / 1000} s, so it was stopped`,
      line: null,
      column: null,
    });
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'program-more-time';
    button.textContent = 'Allow more time';
    button.title = 'Start the program again with a time limit six times longer';
    button.addEventListener('click', allowMore, { once: true });
    this.#error.append(button);
  }

  /** Shows a short note under the output (e.g. that the reader stopped the program). */
  showNote(text: string): void {
    this.#note.textContent = text;
    this.#note.hidden = false;
  }

  /** Lets the keyboard reach the printed text when it is long enough to scroll (it holds no link or button). */
  settle(): void {
    const scrolls = this.#stdout.scrollHeight > this.#stdout.clientHeight;
    if (scrolls) this.#stdout.tabIndex = 0;
    else this.#stdout.removeAttribute('tabindex');
  }

  /** Marks whether the printed text equals the expected output. */
  showMatch(expected: string): void {
    const matches = matchesExpected(this.printed, expected);
    this.#match.textContent = matches ? '✓ matches your output' : '✗ differs from your output';
    this.#match.dataset['matches'] = String(matches);
    this.#match.hidden = false;
  }
}
