/**
 * Where the runner listens to backward passes, for the page's graph view: which variable a pass
 * starts from (so the view can offer its graph) and, only while the reader asks to record, each
 * function taken from the queue. Both cores (`core.ts`, `simple/core.ts`) call it; with no
 * observer set (outside the runner), a pass reads one null and does nothing else.
 */

/** What a recording hears from one backward pass. */
export interface BackwardListener {
  /** `f` was taken from the queue; `waiting` is the queue after it, in the order it will be emptied. */
  pop(f: object, waiting: readonly object[]): void;
  /** `f`'s backward ran and its inputs' `grad` hold what it wrote. */
  stepped(f: object): void;
  /** The pass ended (also by an error). */
  end(): void;
}

/** Told of every backward pass; returns a listener to record that pass, or null. */
export type BackwardObserver = (root: object) => BackwardListener | null;

let observer: BackwardObserver | null = null;

/** Sets the observer (the runner does, per run); returns the previous one. */
export function setBackwardObserver(next: BackwardObserver | null): BackwardObserver | null {
  const previous = observer;
  observer = next;
  return previous;
}

/** Called by a core as a pass starts from `root`: the listener for this pass, or null. */
export function observeBackward(root: object): BackwardListener | null {
  return observer === null ? null : observer(root);
}
