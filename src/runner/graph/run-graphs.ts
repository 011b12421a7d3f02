/**
 * One run's graphs, for the graph view. While the program runs it costs next to nothing: it keeps
 * the last few variables the program printed or called backward() on (references, nothing
 * computed), and it records backward passes only when the reader asked to. When the program has
 * ended, and only if a graph exists, it describes the graphs of those variables and of the
 * program's top-level variables that no function took as input (the outputs of steps 7–22, whose
 * classes are the program's own).
 */
import * as dezero from '../../dezero/index.ts';
import * as dezeroSimple from '../../dezero/simple/index.ts';
import { setBackwardObserver } from '../../dezero/backward-hook.ts';
import type { BackwardObserver } from '../../dezero/backward-hook.ts';
import { setPrintWatcher } from '../../dezero/print.ts';
import type { PrintWatcher } from '../../dezero/print.ts';
import type { GraphDescription, GraphReport } from './graph-report.ts';
import { NodeIds, describeGraph, functionsBehind, labelFrom } from './describe-graph.ts';
import { RawRecording, coreListener, replayBackward } from './backward-recorder.ts';
import { creatorOf, generationOf, inputsOf, isVariable } from './graph-objects.ts';
import type { VariableObject } from './graph-objects.ts';

/** Most graphs offered in the view's list. */
export const LISTED_GRAPHS = 6;
/** Variables remembered per source while the program runs (the last ones win). */
const REMEMBERED = 4;

/** Getters for a program's top-level bindings, by name (execute.ts makes them). */
export type Bindings = Readonly<Record<string, () => unknown>>;

/**
 * Keeps the last `REMEMBERED` distinct outputs, oldest first. An output made the way an earlier
 * one was (the same function class at the same generation: a training loop's loss, step after
 * step) takes its place, so the list offers different graphs, not one per iteration.
 */
function remember(list: VariableObject[], v: VariableObject): void {
  const at = list.findIndex((u) => u === v || sameComputation(u, v));
  if (at >= 0) list.splice(at, 1);
  list.push(v);
  if (list.length > REMEMBERED) list.shift();
}

/** Watches one run; `attach` before it, `detach` after, then `report`. */
export class RunGraphs {
  readonly #record: boolean;
  readonly #printed: VariableObject[] = [];
  readonly #backwardRoots: VariableObject[] = [];
  /** The last recorded pass from each output, while recording (a training loop makes many). */
  readonly #recordings = new Map<object, RawRecording>();
  #bindings: Bindings | null = null;
  #previous: [BackwardObserver | null, PrintWatcher | null] | null = null;

  /** `record`: record backward passes (the reader asked the view for them). */
  constructor({ record }: { record: boolean }) {
    this.#record = record;
  }

  /** Starts listening to `print` and to backward passes. */
  attach(): void {
    const observer: BackwardObserver = (root) => {
      remember(this.#backwardRoots, root as VariableObject);
      if (!this.#record) return null;
      const recording = new RawRecording('core');
      this.#recordings.delete(root);
      this.#recordings.set(root, recording);
      // A training loop records a pass per step: only the last few outputs' passes are kept.
      if (this.#recordings.size > REMEMBERED) {
        const oldest = this.#recordings.keys().next().value;
        if (oldest !== undefined) this.#recordings.delete(oldest);
      }
      return coreListener(recording);
    };
    const watcher: PrintWatcher = (args) => {
      for (const arg of args)
        if (isVariable(arg) && creatorOf(arg) !== null) remember(this.#printed, arg);
    };
    this.#previous = [setBackwardObserver(observer), setPrintWatcher(watcher)];
  }

  /** Stops listening. */
  detach(): void {
    if (this.#previous === null) return;
    setBackwardObserver(this.#previous[0]);
    setPrintWatcher(this.#previous[1]);
    this.#previous = null;
  }

  /** Receives the program's top-level bindings once it has run to its end. */
  readonly bindings = (bindings: Bindings): void => {
    this.#bindings = bindings;
  };

  /**
   * The graphs of the run, or null when it built none. `quietly` runs a replayed backward with
   * the program's printing switched off.
   */
  report(quietly: (run: () => void) => void): GraphReport | null {
    const names = this.#topLevelVariables();
    const roots = this.#roots(names);
    if (roots.length === 0) return null;
    const ids = new NodeIds();
    const label = labelFrom(names);
    const graphs: GraphDescription[] = roots.map((root) => describeGraph(root, ids, label));
    if (this.#record) {
      roots.forEach((root, i) => {
        const graph = graphs[i]!;
        let recording = this.#recordings.get(root) ?? null;
        if (recording === null && graph.hasGradients && !isCoreVariable(root))
          quietly(() => (recording = replayBackward(root)));
        if (recording !== null) graph.backward = recording.describe(ids, label);
      });
    }
    return { graphs, recorded: this.#record };
  }

  /** The program's top-level variables, each with its name (the first name, if it has two). */
  #topLevelVariables(): Map<object, string> {
    const names = new Map<object, string>();
    for (const [name, get] of Object.entries(this.#bindings ?? {})) {
      let value: unknown;
      try {
        value = get();
      } catch {
        continue; // declared but never reached, or a name that is not a binding
      }
      if (isVariable(value) && !names.has(value)) names.set(value, name);
    }
    return names;
  }

  /** Outputs to offer, most relevant first: backward() roots, printed variables, then top-level outputs. */
  #roots(names: ReadonlyMap<object, string>): VariableObject[] {
    const roots: VariableObject[] = [];
    const add = (v: VariableObject): void => {
      if (roots.length < LISTED_GRAPHS && !roots.includes(v) && creatorOf(v) !== null)
        roots.push(v);
    };
    for (const v of [...this.#backwardRoots].reverse()) add(v);
    for (const v of [...this.#printed].reverse()) add(v);
    const topLevel = [...names.keys()].filter((v) => isVariable(v) && creatorOf(v) !== null);
    if (topLevel.length > 0) {
      // An output is a variable no function of these graphs took as input.
      const taken = new Set<object>();
      for (const v of topLevel as VariableObject[]) {
        for (const f of functionsBehind(v, Infinity).functions)
          for (const x of inputsOf(f)) taken.add(x);
      }
      for (const v of topLevel as VariableObject[]) if (!taken.has(v)) add(v);
    }
    return roots;
  }
}

function sameComputation(a: VariableObject, b: VariableObject): boolean {
  const [f, g] = [creatorOf(a), creatorOf(b)];
  return (
    f !== null &&
    g !== null &&
    Object.getPrototypeOf(f) === Object.getPrototypeOf(g) &&
    generationOf(f) === generationOf(g)
  );
}

/** True for a Variable of either `dezero` core, whose passes the core itself reports. */
function isCoreVariable(v: object): boolean {
  return v instanceof dezero.Variable || v instanceof dezeroSimple.Variable;
}
