/**
 * The side panel of the graph view: the chosen node's full value and gradient as numpy prints
 * them, or a function's name and generation, or what the current backward step wrote. Every
 * string comes from the program, so it is set as text only.
 */
import type { BackwardStep, GraphNode } from '../../runner/graph/graph-report.ts';

function block(title: string, text: string): HTMLElement[] {
  const heading = document.createElement('h5');
  heading.textContent = title;
  const pre = document.createElement('pre');
  pre.textContent = text;
  // NOTE: a long array scrolls; the keyboard must reach it too.
  pre.tabIndex = 0;
  return [heading, pre];
}

/** Fills `panel` with the details of `node`. */
export function showNode(panel: HTMLElement, node: GraphNode): void {
  const heading = document.createElement('h4');
  if (node.kind === 'function') {
    heading.textContent = `Function ${node.name}`;
    const p = document.createElement('p');
    p.textContent =
      node.generation === null
        ? 'Its class has no generation (that comes in step 16).'
        : `Generation ${node.generation}: the largest generation among its inputs.`;
    panel.replaceChildren(heading, p);
    return;
  }
  heading.textContent = `Variable ${node.label === '' ? '(unnamed)' : node.label}`;
  const about = document.createElement('p');
  about.textContent = [node.shape && `shape ${node.shape}`, node.dtype].filter(Boolean).join(', ');
  panel.replaceChildren(
    heading,
    about,
    ...block('value', node.valueFull),
    ...block('grad', node.gradFull ?? 'None (no backward pass reached it, or it was not kept)'),
  );
}

/** Fills `panel` with what one backward step wrote. */
export function showStep(panel: HTMLElement, step: BackwardStep): void {
  const heading = document.createElement('h4');
  heading.textContent = `${step.fn.name}.backward wrote`;
  panel.replaceChildren(
    heading,
    ...step.gradients.flatMap((g) =>
      block(`${g.label === '' ? 'input' : g.label}.grad`, g.valueFull),
    ),
  );
}
