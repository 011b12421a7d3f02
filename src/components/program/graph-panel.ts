/**
 * The "Graph" button of a program and the view it opens (`[data-graph-view]`), after a run that
 * built a graph. Only this file is on the page from the start; the view (Graphviz and all) loads
 * when the reader first opens it.
 */
import type { GraphReport } from '../../runner/graph/graph-report.ts';
import type { GraphView } from '../graph-view/graph-view.ts';

type GraphViewModule = typeof import('../graph-view/graph-view.ts');

let loading: Promise<GraphViewModule> | null = null;
const loadView = (): Promise<GraphViewModule> =>
  (loading ??= import('../graph-view/graph-view.ts').catch((error: unknown) => {
    loading = null; // a failed chunk load (e.g. offline) can be retried
    throw error;
  }));

/** The graph part of one program's output panel. */
export class GraphPanel {
  readonly #root: HTMLElement;
  readonly #button: HTMLButtonElement;
  readonly #view: HTMLElement;
  readonly #record: () => void;
  #report: GraphReport | null = null;
  #open: GraphView | null = null;
  /** Open the view again when the next report comes: the reader asked to record. */
  #reopen = false;

  /** `program` is the `<dezero-program>`; `record` runs it again, recording its backward passes. */
  constructor(program: HTMLElement, record: () => void) {
    const find = (selector: string): HTMLElement => {
      const element = program.querySelector<HTMLElement>(selector);
      if (!element) throw new Error(`<dezero-program> is missing ${selector}`);
      return element;
    };
    this.#root = find('[data-graph]');
    this.#button = find('button[data-action="graph"]') as HTMLButtonElement;
    this.#view = find('[data-graph-view]');
    this.#record = record;
    this.#button.addEventListener('click', () => void this.#toggle());
  }

  /** A new run: the last run's graphs are gone. */
  reset(): void {
    this.#report = null;
    this.#close();
    this.#root.hidden = true;
  }

  /** The run's graphs arrived (or none, for a run that built no graph). */
  show(report: GraphReport | null): void {
    this.#report = report;
    this.#root.hidden = report === null;
    if (report !== null && this.#reopen) void this.#toggle(true);
    this.#reopen = false;
  }

  /** Opens or closes the view; `focusStepper` after a run the reader started from the view. */
  async #toggle(focusStepper = false): Promise<void> {
    if (this.#open !== null || !this.#view.hidden) return this.#close();
    const report = this.#report;
    if (report === null) return;
    this.#button.setAttribute('aria-expanded', 'true');
    this.#view.hidden = false;
    this.#view.textContent = 'Drawing the graph…';
    try {
      const { showGraphView } = await loadView();
      if (this.#report !== report || this.#view.hidden) return;
      this.#open = showGraphView(this.#view, report, {
        focusStepper,
        record: () => {
          this.#reopen = true;
          this.#record();
        },
      });
    } catch (error) {
      this.#view.textContent = `The graph view could not load: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  #close(): void {
    this.#open?.dispose();
    this.#open = null;
    this.#view.hidden = true;
    this.#view.replaceChildren();
    this.#button.setAttribute('aria-expanded', 'false');
  }
}
