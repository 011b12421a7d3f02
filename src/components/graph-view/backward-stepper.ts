/**
 * The backward pass replayed step by step, as the worker recorded it: Previous / Next / Play and
 * the arrow keys (Home and End too) move through the steps; each step says which function was
 * taken from the queue, what was still waiting (highest generation first), and the gradient it
 * wrote to each input, and marks them in the drawing.
 */
import type {
  BackwardRecording,
  BackwardStep,
  StepFunction,
} from '../../runner/graph/graph-report.ts';
import { listMove } from './list-keys.ts';

/** How long Play shows each step. */
const PLAY_MS = 900;

/** The marks a step puts on the drawing's nodes. */
export interface StepMarks {
  current: string | null;
  waiting: string[];
  written: string[];
}

const functionText = (f: StepFunction): string =>
  f.generation === null ? f.name : `${f.name} (generation ${f.generation})`;

/** The sentence that tells a step. */
export function describeStep(step: BackwardStep, index: number, count: number): string {
  const waiting =
    step.waitingCount === 0
      ? 'Nothing else is waiting.'
      : `Waiting: ${step.waiting.map(functionText).join(', ')}${step.waitingCount > step.waiting.length ? `, and ${step.waitingCount - step.waiting.length} more` : ''}.`;
  const written = step.gradients
    .map((g) => `${g.label === '' ? 'an input' : g.label}.grad = ${g.value}`)
    .join('; ');
  return `Step ${index + 1} of ${count}: took ${functionText(step.fn)} from the queue. ${waiting} It wrote ${written || 'no gradient'}.`;
}

/** A stepper in the page; `dispose` stops Play when the view goes away. */
export interface Stepper {
  element: HTMLElement;
  dispose: () => void;
}

/** Builds the stepper for `recording`; `mark` is told what to highlight, `show` which step to detail. */
export function backwardStepper(
  recording: BackwardRecording,
  mark: (marks: StepMarks) => void,
  show: (step: BackwardStep | null) => void,
): Stepper {
  const root = document.createElement('div');
  root.className = 'graph-stepper';
  root.setAttribute('role', 'group');
  root.setAttribute('aria-label', 'Backward pass, step by step');
  const button = (text: string, label: string): HTMLButtonElement => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.setAttribute('aria-label', label);
    return b;
  };
  const previous = button('◀ Previous', 'Previous backward step');
  const next = button('Next ▶', 'Next backward step');
  const play = button('Play', 'Play');
  const status = document.createElement('p');
  status.className = 'graph-stepper-status';
  status.setAttribute('aria-live', 'polite');
  const order = document.createElement('p');
  order.className = 'graph-stepper-note';
  order.textContent =
    recording.source === 'core'
      ? 'Recorded during the program’s backward(): the queue is dezero’s own.'
      : 'Your classes ran their own backward() once more after the program, recorded as it went; the waiting list is the functions reached but not yet run.';
  if (recording.cut)
    order.textContent += ` Only the first ${recording.steps.length} steps were kept.`;
  root.append(previous, next, play, status, order);

  const steps = recording.steps;
  let at = -1;
  let timer = 0;
  const go = (index: number): void => {
    at = Math.max(-1, Math.min(steps.length - 1, index));
    const step = steps[at];
    previous.disabled = at < 0;
    next.disabled = at >= steps.length - 1;
    if (step === undefined) {
      status.textContent = `${steps.length} steps recorded. Next takes the first function from the queue.`;
      mark({ current: null, waiting: [], written: [] });
      show(null);
      return;
    }
    status.textContent = describeStep(step, at, steps.length);
    mark({
      current: step.fn.id,
      waiting: step.waiting.flatMap((f) => (f.id === null ? [] : [f.id])),
      written: step.gradients.flatMap((g) => (g.id === null ? [] : [g.id])),
    });
    show(step);
  };
  const stopPlaying = (): void => {
    window.clearInterval(timer);
    timer = 0;
    play.textContent = 'Play';
    play.setAttribute('aria-label', 'Play');
  };
  previous.addEventListener('click', () => {
    stopPlaying();
    go(at - 1);
  });
  next.addEventListener('click', () => {
    stopPlaying();
    go(at + 1);
  });
  play.addEventListener('click', () => {
    if (timer !== 0) return stopPlaying();
    if (at >= steps.length - 1) go(-1);
    play.textContent = 'Pause';
    play.setAttribute('aria-label', 'Pause');
    timer = window.setInterval(() => {
      go(at + 1);
      if (at >= steps.length - 1) stopPlaying();
    }, PLAY_MS);
  });
  root.addEventListener('keydown', (event) => {
    const to = listMove(event.key, at, steps.length - 1);
    if (to === undefined) return;
    event.preventDefault();
    stopPlaying();
    go(to);
  });
  go(-1);
  return { element: root, dispose: stopPlaying };
}
