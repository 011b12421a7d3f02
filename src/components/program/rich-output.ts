/**
 * The figures and graphs of one program's run, in `[data-rich]`: each item is rendered to SVG in
 * the order the program drew it (one promise chain), shown inline with a "Download SVG" link.
 * The renderers (Vega, Graphviz WebAssembly) load with the first item, never with the page.
 */
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
  #urls: string[] = [];

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
    for (const url of this.#urls) URL.revokeObjectURL(url);
    this.#urls = [];
    this.#container.replaceChildren();
    delete this.#program.dataset['richPending'];
  }

  /** Queues one item; it appears after every item queued before it. */
  add(item: RichItem): void {
    const run = this.#run;
    const index = ++this.#count;
    this.#pending++;
    this.#program.dataset['richPending'] = 'true';
    this.#chain = this.#chain
      .then(() => this.#render(item, index, run))
      .finally(() => {
        if (run !== this.#run) return;
        if (--this.#pending === 0) delete this.#program.dataset['richPending'];
      });
  }

  async #render(item: RichItem, index: number, run: number): Promise<void> {
    const figure = document.createElement('figure');
    figure.className = 'program-figure';
    figure.dataset['richItem'] = '';
    figure.dataset['kind'] = item.kind;
    try {
      const { renderRich, svgFileName, sanitizeSvg } = await loadRenderers();
      const drawn = await renderRich(item);
      if (run !== this.#run) return;
      const label = describeRich(item, index);
      const fileName = svgFileName(item, `${this.#name}-${index}`);
      // What a program drew is untrusted (its names are labels): only the sanitized SVG is used.
      const svg = sanitizeSvg(scopeSvgIds(drawn, `rich${++figuresOnPage}-`));
      const view = document.createElement('div');
      view.className = 'program-figure-view';
      view.append(labelled(svg, label));
      const caption = this.#caption(new XMLSerializer().serializeToString(svg), fileName);
      // NOTE: a big graph fitted to the column has unreadable labels; let the reader see it at size.
      if (item.kind === 'dot') caption.prepend(zoomToggle(figure));
      figure.append(view, caption);
    } catch (error) {
      if (run !== this.#run) return;
      const message = document.createElement('p');
      message.className = 'program-figure-error';
      message.setAttribute('role', 'alert');
      const what = item.kind === 'dot' ? 'graph' : 'plot';
      message.textContent = `This ${what} could not be drawn: ${error instanceof Error ? error.message : String(error)}`;
      figure.append(message);
    }
    this.#container.append(figure);
  }

  #caption(svg: string, fileName: string): HTMLElement {
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    this.#urls.push(url);
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
