/**
 * The graph view of one run, inside the program's `[data-graph-view]`: a list of the graphs when
 * the run built several, the chosen graph drawn (nodes chosen by click or keyboard), a side panel
 * with the chosen node's full value and gradient, and the backward stepper when the run recorded
 * the pass, or a button to record it (which runs the program again). Loaded only when the reader
 * first opens the view.
 */
import type { GraphDescription, GraphReport } from '../../runner/graph/graph-report.ts';
import { backwardStepper } from './backward-stepper.ts';
import type { StepMarks, Stepper } from './backward-stepper.ts';
import { drawGraph } from './graph-drawing.ts';
import type { GraphDrawing } from './graph-drawing.ts';
import { showNode, showStep } from './node-details.ts';

/** What the view needs from its program. */
export interface GraphViewOptions {
  /** Runs the program again with its backward passes recorded. */
  record: () => void;
  /** Put the focus on the stepper once drawn (the reader pressed "Record backward"). @default false */
  focusStepper?: boolean;
}

/** An open view; `dispose` before its container is emptied. */
export interface GraphView {
  dispose: () => void;
}

const MARKS = ['graph-step-current', 'graph-step-waiting', 'graph-step-written'] as const;

/** Shows `report` in `container` (the program's `[data-graph-view]`), starting with its first graph. */
export function showGraphView(
  container: HTMLElement,
  report: GraphReport,
  options: GraphViewOptions,
): GraphView {
  let stepper: Stepper | null = null;
  let shown = 0;
  const body = document.createElement('div');
  body.className = 'graph-view-body';
  const parts: HTMLElement[] = [];
  if (report.graphs.length > 1) {
    const label = document.createElement('label');
    label.className = 'graph-view-choice';
    label.textContent = 'Graph of ';
    const select = document.createElement('select');
    report.graphs.forEach((graph, i) => select.append(new Option(graph.title, String(i))));
    select.addEventListener('change', () => void show(Number(select.value)));
    label.append(select);
    parts.push(label);
  }
  container.replaceChildren(...parts, body);

  const show = async (index: number): Promise<void> => {
    const graph = report.graphs[index];
    if (!graph) return;
    shown = index;
    stepper?.dispose();
    stepper = null;
    container.dataset['graphPending'] = 'true';
    const details = document.createElement('section');
    details.className = 'graph-details';
    details.setAttribute('aria-label', 'Chosen node');
    details.setAttribute('aria-live', 'polite');
    let drawing: GraphDrawing;
    try {
      drawing = await drawGraph(graph, (node) => showNode(details, node));
    } catch (error) {
      const message = document.createElement('p');
      message.setAttribute('role', 'alert');
      message.textContent = `This graph could not be drawn: ${error instanceof Error ? error.message : String(error)}`;
      body.replaceChildren(message);
      delete container.dataset['graphPending'];
      return;
    }
    if (shown !== index) return;
    const hint = document.createElement('p');
    hint.className = 'graph-details-hint';
    hint.textContent =
      'Choose a node (click it, or Tab to the graph and use the arrow keys) to see its full value and gradient.';
    details.replaceChildren(hint);
    const figure = document.createElement('div');
    figure.className = 'graph-figure';
    figure.append(drawing.svg);
    const layout = document.createElement('div');
    layout.className = 'graph-layout';
    layout.append(figure, details);
    body.replaceChildren(...notes(graph), layout, backwardPart(graph, drawing, details));
    delete container.dataset['graphPending'];
    if (options.focusStepper && index === 0)
      body.querySelector<HTMLButtonElement>('.graph-stepper button:enabled')?.focus();
  };

  const backwardPart = (
    graph: GraphDescription,
    drawing: GraphDrawing,
    details: HTMLElement,
  ): HTMLElement => {
    if (graph.backward !== null && graph.backward.steps.length > 0) {
      const mark = (marks: StepMarks): void => {
        for (const g of drawing.nodes.values()) g.classList.remove(...MARKS);
        if (marks.current) drawing.nodes.get(marks.current)?.classList.add(MARKS[0]);
        for (const id of marks.waiting) drawing.nodes.get(id)?.classList.add(MARKS[1]);
        for (const id of marks.written) drawing.nodes.get(id)?.classList.add(MARKS[2]);
      };
      stepper = backwardStepper(graph.backward, mark, (step) => {
        if (step) showStep(details, step);
      });
      return stepper.element;
    }
    const part = document.createElement('p');
    part.className = 'graph-record';
    if (report.recorded || !graph.hasGradients) {
      part.textContent = graph.hasGradients
        ? 'No backward pass from this output was recorded.'
        : 'No backward pass reached this graph: call backward() on its output to see one step by step.';
      return part;
    }
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Record backward';
    button.addEventListener('click', () => options.record());
    part.append(
      button,
      ' runs the program again and records its backward pass, to replay it step by step.',
    );
    return part;
  };

  void show(0);
  return { dispose: () => stepper?.dispose() };
}

/** What the drawing leaves out, said plainly. */
function notes(graph: GraphDescription): HTMLElement[] {
  if (graph.drawnFunctions === graph.totalFunctions) return [];
  const note = document.createElement('p');
  note.className = 'graph-view-note';
  const total = `${graph.totalExact ? '' : 'more than '}${graph.totalFunctions.toLocaleString('en')}`;
  note.textContent = `This graph has ${total} functions: only the ${graph.drawnFunctions} nearest the output are drawn. Variables made by functions not drawn are dashed.`;
  return [note];
}
