/**
 * `<dezero-program>`: the behaviour of one program on a lesson page. Run works from the first
 * paint (static or saved code); Monaco replaces the static code when the reader first reaches for
 * the program; edits autosave; a broken program never breaks the page.
 */
import { runner } from '../../runner/client.ts';
import type { RunOutcome } from '../../runner/client.ts';
import type { RunError } from '../../runner/execute.ts';
import { SavedEdit } from './autosave.ts';
import { keepFocus } from './keep-focus.ts';
import { RUNNING, runAnnouncement } from './run-announcement.ts';
import { dropFinalNewline } from './final-newline.ts';
import { OutputPanel } from './output-panel.ts';
import { GraphPanel } from './graph-panel.ts';
import type { GraphReport } from '../../runner/graph/graph-report.ts';
import { showPlainCode } from './static-view.ts';
import type { ProgramEditor } from './editor.ts';

/** The states a program shows in `data-status`. */
export type ProgramStatus = 'idle' | 'running' | 'done' | 'error' | 'stopped';

/** An edit is saved this long after the first change that is not yet saved (never later). */
const SAVE_DELAY_MS = 300;

/** How long a run took, as the toolbar shows it: `42 ms`, `8.1 s`, `95 s`. */
export function formatDuration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 1) return `${Math.max(1, Math.round(ms))} ms`;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  return `${Math.round(seconds)} s`;
}

/** The custom element behind `Program.astro`. */
export class DezeroProgram extends HTMLElement {
  /** The lesson's code exactly as in its file: what runs unedited, and what autosave keys on. */
  #original = '';
  /** The lesson's code as shown and edited: without the file's final newline. */
  #lesson = '';
  #code = '';
  #saved!: SavedEdit;
  #output!: OutputPanel;
  #graph!: GraphPanel;
  #staticHtml = '';
  #editor: ProgramEditor | null = null;
  #editorLoading: Promise<ProgramEditor | null> | null = null;
  #run: AbortController | null = null;
  /** The last run's error, so an editor that loads after it still marks it. */
  #error: RunError | null = null;
  #saveTimer = 0;
  /** The code as last written to storage (the lesson's code when nothing is saved). */
  #savedCode = '';
  #started = false;
  /** When the current run started executing (after waiting for other programs), or null. */
  #runStart: number | null = null;
  #elapsedTimer = 0;

  connectedCallback(): void {
    if (this.#started) return;
    this.#started = true;
    this.#original = this.dataset['original'] ?? '';
    this.#lesson = dropFinalNewline(this.#original);
    this.#saved = new SavedEdit(this.dataset['runner'] ?? '', this.#original);
    this.#output = new OutputPanel(this);
    this.#graph = new GraphPanel(this, () => void this.#start(undefined, { recordBackward: true }));
    this.#staticHtml = this.#static.innerHTML;
    const saved = this.#saved.load();
    this.#code = saved ?? this.#lesson;
    this.#savedCode = this.#code;
    if (saved !== null && saved !== this.#lesson) showPlainCode(this.#static, saved);
    this.#showModified();

    this.addEventListener('pointerover', () => runner.warm(), { once: true });
    this.addEventListener('focusin', () => runner.warm(), { once: true });
    const code = this.#part('[data-code]');
    for (const type of ['pointerover', 'focusin', 'click'] as const) {
      code.addEventListener(type, () => void this.#loadEditor(), { once: true });
    }
    this.addEventListener('keydown', (event) => this.#onKeyDown(event), { capture: true });
    // A reload or a closed tab must not lose the last second of typing.
    window.addEventListener('pagehide', () => this.#saveNow());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.#saveNow();
    });
    this.#button('run').addEventListener('click', () => void this.#start());
    this.#button('stop').addEventListener('click', () => this.#run?.abort());
    this.#button('reset').addEventListener('click', () => this.#reset());
    this.#button('compare').addEventListener('click', () => void this.#toggleCompare());
    this.#setStatus('idle');
  }

  get #static(): HTMLElement {
    return this.#part('[data-static]');
  }

  #part(selector: string): HTMLElement {
    const element = this.querySelector<HTMLElement>(selector);
    if (!element) throw new Error(`<dezero-program> is missing ${selector}`);
    return element;
  }

  #button(action: string): HTMLButtonElement {
    return this.#part(`button[data-action="${action}"]`) as HTMLButtonElement;
  }

  #onKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
    // Capture phase: Monaco never sees it, so Ctrl+Enter runs instead of inserting a line.
    event.preventDefault();
    event.stopPropagation();
    void this.#start();
  }

  /**
   * Runs the current code; `timeLimitMs` is raised by "Allow more time", `recordBackward` set by
   * the graph view's "Record backward".
   */
  async #start(
    timeLimitMs = Number(this.dataset['timeLimit']) || undefined,
    { recordBackward = false } = {},
  ): Promise<void> {
    if (this.#run) return;
    const controller = new AbortController();
    this.#run = controller;
    this.#setStatus('running');
    this.#announce(RUNNING);
    // Another program on the page may be running; this one waits for it (and says so).
    this.#showState('waiting for another program to finish…');
    this.#output.start();
    this.#graph.reset();
    let graphs: GraphReport | null = null;
    this.#error = null;
    this.#editor?.markError(null);
    void this.#noteTypeErrors(controller);
    let outcome: RunOutcome;
    try {
      // Unedited, the program runs byte for byte as its file does in Node.
      const code = this.#code === this.#lesson ? this.#original : this.#code;
      this.#output.expectDrawing(code);
      outcome = await runner.run(code, {
        onStdout: (text) => this.#output.append(text),
        onRich: (item) => this.#output.draw(item),
        onFile: (name, bytes) => this.#output.showFile(name, bytes),
        onProgress: (text) => this.#showState(text === '' ? 'running…' : `${text}…`),
        onStart: () => this.#startClock(),
        onGraph: (report) => (graphs = report),
        recordBackward,
        signal: controller.signal,
        ...(timeLimitMs ? { timeLimitMs } : {}),
      });
    } catch (error) {
      outcome = {
        status: 'error',
        error: { name: 'RunnerError', message: String(error), line: null, column: null },
      };
    }
    this.#run = null;
    // NOTE: Monaco (2 MB, and an 8 MB TypeScript worker) loads when the reader reaches for the
    // code, or here when an error should be marked at its line. Loading it after every run, as
    // before, cost a 2-core machine ~2.5 s of CPU that competed with the next run and training.
    if (outcome.status === 'error' && outcome.error.line !== null) void this.#loadEditor();
    this.#finish(outcome);
    this.#graph.show(outcome.status === 'done' ? graphs : null);
  }

  /** Says, while the run goes on, that Run ignored the type errors the editor shows. */
  async #noteTypeErrors(run: AbortController): Promise<void> {
    const count = await this.#editor?.typeErrors().catch(() => 0);
    if (!count || run.signal.aborted || (this.#run !== run && this.#run !== null)) return;
    const errors = count === 1 ? 'a type error' : `${count} type errors`;
    this.#output.showNote(
      `The editor shows ${errors}. Run ignores types (they are erased before running), so the program runs anyway.`,
    );
  }

  #startClock(): void {
    this.#runStart = performance.now();
    this.#showState('running…');
    const tick = (): void => {
      const elapsed = this.#runStart === null ? 0 : performance.now() - this.#runStart;
      this.#part('[data-elapsed]').textContent = `${Math.floor(elapsed / 1000)} s`;
    };
    window.clearInterval(this.#elapsedTimer);
    // The count shows from the first second on, so a slow program never looks hung.
    this.#elapsedTimer = window.setInterval(tick, 1000);
  }

  /** Stops the clock; returns how long the run executed, or null if it never started. */
  #stopClock(): number | null {
    window.clearInterval(this.#elapsedTimer);
    this.#part('[data-elapsed]').textContent = '';
    const took = this.#runStart === null ? null : performance.now() - this.#runStart;
    this.#runStart = null;
    return took;
  }

  #finish(outcome: RunOutcome): void {
    const took = this.#stopClock();
    this.#output.settle();
    switch (outcome.status) {
      case 'done':
        this.#output.showMatch(this.#part('[data-expected]').dataset['expected'] ?? '');
        break;
      case 'error':
        this.#output.showError(outcome.error);
        this.#error = outcome.error;
        this.#editor?.markError(outcome.error);
        break;
      case 'timeout':
        this.#output.showTimeout(outcome.limitMs, () => void this.#start(outcome.limitMs * 6));
        break;
      case 'stopped':
        this.#output.showNote(took === null ? 'Stopped before it started.' : 'Stopped.');
        break;
    }
    this.#setStatus(outcome.status === 'timeout' ? 'error' : outcome.status);
    if (took !== null && outcome.status !== 'stopped') {
      this.#showState(`${this.#part('[data-state]').textContent} in ${formatDuration(took)}`);
    }
    this.#announce(runAnnouncement(outcome, took === null ? null : formatDuration(took)));
  }

  #showState(text: string): void {
    this.#part('[data-state]').textContent = text;
  }

  /** Tells a screen reader (the polite `[data-announce]` region) how the run goes. */
  #announce(text: string): void {
    this.#part('[data-announce]').textContent = text;
  }

  #setStatus(status: ProgramStatus): void {
    this.dataset['status'] = status;
    const [run, stop] = [this.#button('run'), this.#button('stop')];
    // Run hands the focus to Stop (a new run also empties the output, e.g. "Allow more time"), and back.
    run.disabled = stop.disabled = false;
    if (status === 'running') keepFocus([run, this.#part('[data-output]')], [stop]);
    else keepFocus([stop], [run]);
    run.disabled = status === 'running';
    stop.disabled = status !== 'running';
    const labels: Record<ProgramStatus, string> = {
      idle: '',
      running: 'running…',
      done: 'finished',
      error: 'failed',
      stopped: 'stopped',
    };
    this.#showState(labels[status]);
  }

  /** Loads Monaco once and swaps it in for the static code at the same size. */
  #loadEditor(): Promise<ProgramEditor | null> {
    this.#editorLoading ??= this.#createEditor().catch((error: unknown) => {
      // The static view and Run keep working without the editor.
      console.warn('The code editor could not load:', error);
      return null;
    });
    return this.#editorLoading;
  }

  async #createEditor(): Promise<ProgramEditor> {
    const { createProgramEditor } = await import('./editor.ts');
    const code = this.#part('[data-code]');
    const host = document.createElement('div');
    host.className = 'program-editor';
    code.append(host);
    const pre = this.#static.querySelector('pre');
    const programEditor = await createProgramEditor(host, {
      code: this.#code,
      original: this.#lesson,
      runner: this.dataset['runner'] ?? 'program',
      fontFamily: pre ? getComputedStyle(pre).fontFamily : 'monospace',
    });
    this.#editor = programEditor;
    programEditor.markError(this.#error);
    const hadFocus = this.#static.contains(document.activeElement);
    this.#static.hidden = true;
    host.classList.add('program-editor-ready');
    if (hadFocus) programEditor.editor.focus();
    programEditor.editor.onDidChangeModelContent(() =>
      this.#onEdit(programEditor.editor.getValue()),
    );
    return programEditor;
  }

  #onEdit(code: string): void {
    this.#code = code;
    this.#showModified();
    // NOTE: not a debounce: steady typing would put the save off for as long as it lasts.
    if (this.#saveTimer === 0) {
      this.#saveTimer = window.setTimeout(() => this.#saveNow(), SAVE_DELAY_MS);
    }
  }

  /** Writes the current code to storage now (or forgets the save when it is the lesson's code). */
  #saveNow(): void {
    window.clearTimeout(this.#saveTimer);
    this.#saveTimer = 0;
    if (this.#code === this.#savedCode) return;
    // Going back to the lesson's code needs no storage: the lesson is what loads without a save.
    const saved =
      this.#code === this.#lesson ? (this.#saved.clear(), true) : this.#saved.save(this.#code);
    if (saved) this.#savedCode = this.#code;
    this.#part('[data-save-warning]').hidden = saved;
  }

  get #comparing(): boolean {
    return this.#button('compare').getAttribute('aria-pressed') === 'true';
  }

  #showModified(): void {
    const modified = this.#code !== this.#lesson;
    this.#part('[data-modified]').hidden = !modified;
    const [reset, compare] = [this.#button('reset'), this.#button('compare')];
    const disabling = [
      ...(modified ? [] : [reset]),
      ...(modified || this.#comparing ? [] : [compare]),
    ];
    keepFocus(disabling, [this.#button('run'), this.#button('stop')]);
    reset.disabled = !modified;
    compare.disabled = !modified && !this.#comparing;
  }

  #reset(): void {
    this.#code = this.#lesson;
    this.#saveNow();
    this.#static.innerHTML = this.#staticHtml;
    if (this.#comparing) void this.#toggleCompare();
    this.#editor?.replaceCode(this.#lesson);
    this.#error = null;
    this.#editor?.markError(null);
    this.#showModified();
  }

  async #toggleCompare(): Promise<void> {
    const button = this.#button('compare');
    const on = !this.#comparing;
    button.setAttribute('aria-pressed', String(on));
    const editor = await this.#loadEditor();
    editor?.compare(on);
    this.#showModified();
  }
}
