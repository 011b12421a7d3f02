/**
 * Records backward passes for the graph view's stepper, only when the reader asks for it. The
 * passes of `dezero`'s cores are heard as they run (core.ts calls the listener at each function it
 * takes from its queue). A program that writes its own classes (steps 7–22) runs its own
 * backward, which no core sees: after the run, its output's backward() is called once more on the
 * same graph, with each function class's `backward` wrapped to note when it runs; the waiting list
 * is then the functions reached and not yet run, since the program's queue is its own local.
 */
import type { BackwardListener } from '../../dezero/backward-hook.ts';
import type { BackwardRecording, BackwardStep, StepFunction } from './graph-report.ts';
import type { NodeIds, VariableLabel } from './describe-graph.ts';
import { functionsBehind } from './describe-graph.ts';
import { arrayOf, creatorOf, functionName, generationOf, inputsOf, read } from './graph-objects.ts';
import type { FunctionObject, VariableObject } from './graph-objects.ts';
import { fullText, shortText } from './value-text.ts';

/** Most steps kept from one pass (a pass over step 35's graph has thousands). */
export const KEPT_STEPS = 2_000;
/** Most waiting functions kept per step. */
export const KEPT_WAITING = 24;
/** Most functions a replayed pass may visit before the replay gives up waiting for its end. */
const REPLAY_FUNCTIONS = 20_000;

/** One step as recorded: the objects themselves; texts are made only for the passes shown. */
interface RawStep {
  f: FunctionObject;
  waiting: FunctionObject[];
  waitingCount: number;
  /** Each input and the gradient object it held right after the step (a new object on each write). */
  gradients: Array<[VariableObject, unknown]>;
}

/** A recorded pass, before it is described. */
export class RawRecording {
  readonly steps: RawStep[] = [];
  cut = false;
  readonly source: 'core' | 'program';

  constructor(source: 'core' | 'program') {
    this.source = source;
  }

  /** Notes that `f` was taken, with the queue after it (read only while steps are kept). */
  pop(f: FunctionObject, waiting: () => readonly object[]): void {
    if (this.steps.length >= KEPT_STEPS) {
      this.cut = true;
      return;
    }
    const all = waiting();
    this.steps.push({
      f,
      waiting: all.slice(0, KEPT_WAITING),
      waitingCount: all.length,
      gradients: [],
    });
  }

  /** Notes what `f`'s step wrote to its inputs. */
  stepped(f: FunctionObject): void {
    const step = this.steps.at(-1);
    if (step?.f !== f || step.gradients.length > 0) return;
    step.gradients = inputsOf(f).map((x) => [x, read(x, 'grad')]);
  }

  /** The pass as data for the page, naming the nodes by `ids`. */
  describe(ids: NodeIds, label: VariableLabel): BackwardRecording {
    const fn = (f: FunctionObject): StepFunction => ({
      id: ids.known(f),
      name: functionName(f),
      generation: generationOf(f),
    });
    const steps: BackwardStep[] = this.steps.map((step) => ({
      fn: fn(step.f),
      waiting: step.waiting.map(fn),
      waitingCount: step.waitingCount,
      gradients: step.gradients.map(([x, grad]) => {
        const valueFull = grad === null || grad === undefined ? 'None' : fullText(arrayOf(grad));
        return { id: ids.known(x), label: label(x), value: shortText(valueFull), valueFull };
      }),
    }));
    return { steps, cut: this.cut, source: this.source };
  }
}

/** A listener for one pass of a `dezero` core, recording into `recording`. */
export function coreListener(recording: RawRecording): BackwardListener {
  return {
    pop: (f, waiting) => recording.pop(f, () => waiting),
    stepped: (f) => recording.stepped(f),
    end: () => {},
  };
}

/**
 * Calls the program's own `root.backward()` again, recording each function whose `backward` runs.
 * Gradients of every variable but the output are cleared first, so the pass writes them as the
 * program's did. Returns null when the output has no backward or the pass fails.
 */
export function replayBackward(root: VariableObject): RawRecording | null {
  const backward = read(root, 'backward');
  if (typeof backward !== 'function') return null;
  const { functions } = functionsBehind(root, REPLAY_FUNCTIONS);
  for (const f of functions) {
    for (const x of inputsOf(f)) if (x !== root) (x as { grad: unknown }).grad = null;
  }
  const recording = new RawRecording('program');
  const reached = new Set<FunctionObject>();
  const first = creatorOf(root);
  if (first !== null) reached.add(first);
  let previous: FunctionObject | null = null;
  const finishPrevious = (): void => {
    if (previous === null) return;
    recording.stepped(previous);
    for (const x of inputsOf(previous)) {
      const creator = creatorOf(x);
      if (creator !== null) reached.add(creator);
    }
    previous = null;
  };
  let depth = 0;
  const taken = (f: FunctionObject): void => {
    finishPrevious();
    reached.delete(f);
    recording.pop(f, () => byGeneration([...reached]));
    previous = f;
  };
  const restore = wrapBackwards(functions, (f, run) => {
    // NOTE: a subclass's backward may call super.backward(): only the outermost call is a step.
    if (depth === 0) taken(f);
    depth++;
    try {
      return run();
    } finally {
      depth--;
    }
  });
  try {
    Reflect.apply(backward, root, []);
    finishPrevious();
  } catch {
    return null;
  } finally {
    restore();
  }
  return recording;
}

/** Highest generation first; ties keep the order they were reached in. */
function byGeneration(functions: FunctionObject[]): FunctionObject[] {
  return functions
    .map((f, order) => ({ f, order, generation: generationOf(f) ?? 0 }))
    .sort((a, b) => b.generation - a.generation || a.order - b.order)
    .map(({ f }) => f);
}

type Around = (f: FunctionObject, run: () => unknown) => unknown;

/** Wraps `backward` on every prototype that defines one for `functions`; returns the undo. */
function wrapBackwards(functions: readonly FunctionObject[], around: Around): () => void {
  const owners = new Set<object>();
  for (const f of functions) {
    for (
      let owner = Object.getPrototypeOf(f) as object | null;
      owner !== null && owner !== Object.prototype;
      owner = Object.getPrototypeOf(owner) as object | null
    ) {
      if (Object.hasOwn(owner, 'backward')) owners.add(owner);
    }
  }
  const undo: Array<() => void> = [];
  for (const owner of owners) {
    const descriptor = Object.getOwnPropertyDescriptor(owner, 'backward');
    const original: unknown = descriptor?.value;
    if (descriptor === undefined || typeof original !== 'function' || !descriptor.writable)
      continue;
    const wrapped = function (this: FunctionObject, ...args: unknown[]): unknown {
      return around(this, () => Reflect.apply(original, this, args));
    };
    Object.defineProperty(owner, 'backward', { ...descriptor, value: wrapped });
    undo.push(() => Object.defineProperty(owner, 'backward', descriptor));
  }
  return () => {
    for (const step of undo) step();
  };
}
