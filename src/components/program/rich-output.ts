/**
 * The figures and graphs of one program's run, in `[data-rich]`: each item is rendered to SVG in
 * the order the program drew it (one promise chain), shown inline with a "Download SVG" link.
 * A live figure (`plt.pause` in a training loop) is one figure redrawn in place with its latest
 * state, one redraw at a time, skipping states that arrived while one was being drawn.
 * The renderers (Vega, Graphviz WebAssembly) load with the first item, never with the page.
 */
import { liveId } from '../../dezero/rich.ts';
import type { RichItem } from '../../dezero/rich.ts';
import { describeRich } from './figure-description.ts';
import { scopeSvgIds } from './scope-svg-ids.ts';

type RenderRich = typeof import('../../rich/render-rich.ts');

let renderers: Promise<RenderRich> | null = null;
const loadRenderers = (): Promise<RenderRich> =>
  (renderers ??= import('../../rich/render-rich.ts').catch((error: unknown) => {
    renderers = null; // a failed chunk load (e.g. offline) can be retried by the next run
    throw error;
  }));

/** Counts figures across the page, so each one's SVG ids are unique. */
let figuresOnPage = 0;

/** A live figure: its element once first drawn, and the newest state not yet drawn. */
interface LiveSlot {
  index: number;
  figure: HTMLElement | null;
  latest: RichItem | null;
  drawing: boolean;
}

/** Renders a run's rich items into `[data-rich]`; `data-rich-pending` marks the program meanwhile. */
export class RichOutput {
  readonly #program: HTMLElement;
  readonly #container: HTMLElement;
  readonly #name: string;
  #chain: Promise<void> = Promise.resolve();
  #pending = 0;
  /** Bumped by `clear()`, so renders of an earlier run never land in this one. */
  #run = 0;
  #count = 0;
  /** Each figure's download link, freed when the figure is redrawn or cleared. */
  #urls = new Map<HTMLElement, string>();
  #live = new Map<number, LiveSlot>();

  /** `program` is the `<dezero-program>` element; `container` its `[data-rich]`. */
  constructor(program: HTMLElement, container: HTMLElement) {
    this.#program = program;
    this.#container = container;
    this.#name = (program.dataset['runner'] ?? 'figure').replace('/', '-');
  }

  /** Removes the figures (and frees their download links) for a new run. */
  clear(): void {
    this.#run++;
    this.#count = 0;
    this.#pending = 0;
    this.#chain = Promise.resolve();
    for (const url of this.#urls.values()) URL.revokeObjectURL(url);
    this.#urls.clear();
    this.#live.clear();
    this.#container.replaceChildren();
    delete this.#program.dataset['richPending'];
  }

  /**
   * Starts loading the renderers with the run when the program draws live charts (`plt.pause`,
   * `plt.draw`), so its first update shows while it trains rather than after. Others load them
   * with their first figure, as before.
   */
  expectDrawing(code: string): void {
    if (/\bplt\.(?:pause|draw)\s*\(/.test(code)) void loadRenderers().catch(() => {});
  }

  /** Queues one item; it appears after every item queued before it, or redraws its live figure. */
  add(item: RichItem): void {
    const run = this.#run;
    const id = liveId(item);
    const slot = id === null ? undefined : this.#live.get(id);
    if (slot) {
      slot.latest = item;
      this.#redraw(slot, run);
      return;
    }
    const index = ++this.#count;
    const created: LiveSlot | null =
      id === null ? null : { index, figure: null, latest: null, drawing: false };
    if (id !== null && created) this.#live.set(id, created);
    this.#begin();
    this.#chain = this.#chain
      .then(async () => {
        const figure = document.createElement('figure');
        figure.className = 'program-figure';
        figure.dataset['richItem'] = '';
        figure.dataset['kind'] = item.kind;
        if (!(await this.#fill(figure, item, index, run))) return;
        this.#container.append(figure);
        if (created) {
          created.figure = figure;
          this.#redraw(created, run);
        }
      })
      .finally(() => this.#end(run));
  }

  #begin(): void {
    this.#pending++;
    this.#program.dataset['richPending'] = 'true';
  }

  #end(run: number): void {
    if (run !== this.#run) return;
    if (--this.#pending === 0) delete this.#program.dataset['richPending'];
  }

  /** Draws a live figure's newest state into it, unless a draw is under way (it comes next). */
  #redraw(slot: LiveSlot, run: number): void {
    const { figure, latest } = slot;
    if (slot.drawing || figure === null || latest === null) return;
    slot.latest = null;
    slot.drawing = true;
    this.#begin();
    void this.#fill(figure, latest, slot.index, run).finally(() => {
      slot.drawing = false;
      this.#end(run);
      if (run === this.#run) this.#redraw(slot, run);
    });
  }

  /** Renders `item` into `figure`, replacing what it held; false when a new run began meanwhile. */
  async #fill(figure: HTMLElement, item: RichItem, index: number, run: number): Promise<boolean> {
    const parts: HTMLElement[] = [];
    try {
      const { renderRich, svgFileName, sanitizeSvg } = await loadRenderers();
      const drawn = await renderRich(item);
      if (run !== this.#run) return false;
      const label = describeRich(item, index);
      const fileName = svgFileName(item, `${this.#name}-${index}`);
      // What a program drew is untrusted (its names are labels): only the sanitized SVG is used.
      const svg = sanitizeSvg(scopeSvgIds(drawn, `rich${++figuresOnPage}-`));
      const view = document.createElement('div');
      view.className = 'program-figure-view';
      view.append(labelled(svg, label));
      const caption = this.#caption(figure, new XMLSerializer().serializeToString(svg), fileName);
      // NOTE: a big graph fitted to the column has unreadable labels; let the reader see it at size.
      if (item.kind === 'dot') caption.prepend(zoomToggle(figure));
      parts.push(view, caption);
    } catch (error) {
      if (run !== this.#run) return false;
      const message = document.createElement('p');
      message.className = 'program-figure-error';
      message.setAttribute('role', 'alert');
      const what = item.kind === 'dot' ? 'graph' : 'plot';
      message.textContent = `This ${what} could not be drawn: ${error instanceof Error ? error.message : String(error)}`;
      parts.push(message);
    }
    figure.replaceChildren(...parts);
    // A live figure still being drawn by a running program; its final state makes it ordinary.
    if (item.kind === 'plot' && item.live?.final === false) figure.dataset['live'] = '';
    else delete figure.dataset['live'];
    return true;
  }

  #caption(figure: HTMLElement, svg: string, fileName: string): HTMLElement {
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    const previous = this.#urls.get(figure);
    if (previous !== undefined) URL.revokeObjectURL(previous);
    this.#urls.set(figure, url);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.textContent = 'Download SVG';
    link.title = fileName;
    const caption = document.createElement('figcaption');
    caption.append(link);
    return caption;
  }
}

/** The figure's SVG, named for assistive technology. */
function labelled(svg: SVGSVGElement, label: string): SVGSVGElement {
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  return svg;
}

/** A button that switches a figure between fitting the column and its natural size (scrolling). */
function zoomToggle(figure: HTMLElement): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'program-figure-zoom';
  button.textContent = 'Actual size';
  button.setAttribute('aria-pressed', 'false');
  button.addEventListener('click', () => {
    const actual = figure.dataset['zoom'] !== 'actual';
    if (actual) figure.dataset['zoom'] = 'actual';
    else delete figure.dataset['zoom'];
    button.setAttribute('aria-pressed', String(actual));
  });
  return button;
}
