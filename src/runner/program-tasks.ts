/**
 * The work a program leaves behind when its last line has run: timers it started, promises it
 * rejected without handling, and errors thrown outside its main code. A run ends, as in Node, when that work is done too; an error thrown
 * in a timer or a rejection nobody handled is the run's error. No DOM: the worker and Node share it.
 */

/** The timer functions a program sees instead of the global ones, so its timers can be tracked. */
export interface ProgramTimers {
  setTimeout: (callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => number;
  setInterval: (callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => number;
  clearTimeout: (id?: number) => void;
  clearInterval: (id?: number) => void;
}

/** How the failure of a run's leftover work is held: the first error wins. */
type Failure = { error: unknown };

type Handle = ReturnType<typeof globalThis.setTimeout>;

interface NodeProcessEvents {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  off(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

/** Tracks one run's timers and unhandled rejections; `dispose()` when the run is over. */
export class ProgramTasks {
  readonly timers: ProgramTimers;
  #handles = new Map<number, { handle: Handle; repeat: boolean }>();
  #nextId = 1;
  #failure: Failure | null = null;
  #waiters: Array<() => void> = [];
  readonly #failed: Promise<Failure>;
  #resolveFailed: (failure: Failure) => void = () => {};
  readonly #detach: () => void;

  constructor() {
    this.#failed = new Promise((resolve) => (this.#resolveFailed = resolve));
    const start = (repeat: boolean) => {
      return (callback: (...args: unknown[]) => void, ms = 0, ...args: unknown[]): number => {
        const id = this.#nextId++;
        const fire = (): void => {
          if (!repeat) this.#handles.delete(id);
          try {
            callback(...args);
          } catch (error) {
            this.fail(error);
          }
          if (this.#handles.size === 0) this.#notify();
        };
        const handle = repeat ? globalThis.setInterval(fire, ms) : globalThis.setTimeout(fire, ms);
        this.#handles.set(id, { handle, repeat });
        return id;
      };
    };
    const clear = (id?: number): void => {
      const entry = id === undefined ? undefined : this.#handles.get(id);
      if (!entry || id === undefined) return;
      this.#drop(id, entry);
      if (this.#handles.size === 0) this.#notify();
    };
    this.timers = {
      setTimeout: start(false),
      setInterval: start(true),
      clearTimeout: clear,
      clearInterval: clear,
    };
    this.#detach = this.#listenForUnhandledRejections();
  }

  /** Records the run's first failure and cancels the rest of its work. */
  fail(error: unknown): void {
    if (this.#failure) return;
    this.#failure = { error };
    this.#resolveFailed(this.#failure);
    this.#clearAll();
    this.#notify();
  }

  /** Resolves once every timer has fired or been cleared (null), or with the first failure. */
  async settled(): Promise<Failure | null> {
    while (this.#failure === null && this.#handles.size > 0) {
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
    // NOTE: an unhandled rejection is reported after the task that made it, so give it two turns.
    for (let turn = 0; turn < 2 && this.#failure === null; turn++) {
      await new Promise((resolve) => globalThis.setTimeout(resolve, 0));
    }
    return this.#failure;
  }

  /** Resolves with the first failure, whenever it happens (never, if there is none). */
  failed(): Promise<Failure> {
    return this.#failed;
  }

  /** Cancels what is left and stops listening. */
  dispose(): void {
    this.#clearAll();
    this.#detach();
  }

  #notify(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }

  #drop(id: number, entry: { handle: Handle; repeat: boolean }): void {
    if (entry.repeat) globalThis.clearInterval(entry.handle);
    else globalThis.clearTimeout(entry.handle);
    this.#handles.delete(id);
  }

  #clearAll(): void {
    for (const [id, entry] of this.#handles) this.#drop(id, entry);
  }

  #listenForUnhandledRejections(): () => void {
    const process = (globalThis as { process?: NodeProcessEvents }).process;
    if (process && typeof process.on === 'function') {
      const listener = (reason: unknown): void => this.fail(reason);
      process.on('unhandledRejection', listener);
      return () => process.off('unhandledRejection', listener);
    }
    if (typeof globalThis.addEventListener !== 'function') return () => {};
    const rejected = (event: PromiseRejectionEvent): void => {
      event.preventDefault(); // reported in the output panel, not as a page error
      this.fail(event.reason);
    };
    // An error thrown where no timer of ours catches it (a microtask, a listener the program added).
    const thrown = (event: ErrorEvent): void => {
      event.preventDefault();
      this.fail(event.error ?? new Error(event.message));
    };
    globalThis.addEventListener('unhandledrejection', rejected);
    globalThis.addEventListener('error', thrown);
    return () => {
      globalThis.removeEventListener('unhandledrejection', rejected);
      globalThis.removeEventListener('error', thrown);
    };
  }
}
