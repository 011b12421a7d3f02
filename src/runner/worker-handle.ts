/**
 * The page's handle on one runner worker: starts it, hands it a private `MessageChannel` port,
 * waits until it is ready, and reports every message from that port, and the worker's death, to
 * whoever runs a program on it. Messages the worker's global scope posts are never listened to.
 */
import type { ConnectMessage, FromWorker, ToWorker } from './protocol.ts';

/** What a handle reports while its one program runs. */
export interface WorkerListener {
  message: (message: FromWorker) => void;
  /** The worker died or failed without saying how the run ended (crash, out of memory, close). */
  lost: (reason: string) => void;
}

let workers = 0;

/** How long a dying worker's last messages may take to arrive. */
const LAST_WORDS_MS = 100;

/** One worker, good for one run. */
export class WorkerHandle {
  readonly #worker: Worker;
  readonly #port: MessagePort;
  readonly #ready: Promise<void>;
  readonly #watch = new AbortController();
  #listener: WorkerListener | null = null;
  #dead = false;

  /** `warmUp`: let the worker compile its code on a warm-up program first (for a spare). */
  constructor({ warmUp }: { warmUp: boolean }) {
    this.#worker = new Worker(new URL('./runner.worker.ts', import.meta.url), {
      type: 'module',
      name: 'dezero-runner',
    });
    const channel = new MessageChannel();
    this.#port = channel.port1;
    const lock = `dezero-runner-${Date.now()}-${++workers}-${Math.random().toString(36).slice(2)}`;
    const connect: ConnectMessage = { type: 'connect', port: channel.port2, lock, warmUp };
    this.#worker.postMessage(connect, [channel.port2]);

    let onReady: () => void = () => {};
    let onFail: (error: Error) => void = () => {};
    this.#ready = new Promise((resolve, reject) => {
      onReady = resolve;
      onFail = reject;
    });
    // A handle nobody used may fail unseen; its failure is reported when it is used.
    this.#ready.catch(() => {});
    this.#port.onmessage = (event: MessageEvent<FromWorker>) => {
      if (event.data.type === 'ready') {
        onReady();
        this.#watchLock(lock);
      } else this.#listener?.message(event.data);
    };
    this.#worker.addEventListener('error', (event) => {
      // Outside a run (a failed load) this is the worker's own error; inside one, the program's.
      event.preventDefault();
      const message = event.message || 'the runner worker failed to load';
      onFail(new Error(message));
      this.#lose(message);
    });
  }

  /** Resolves when `dezero` has loaded in the worker; rejects if the worker failed to start. */
  ready(): Promise<void> {
    return this.#ready;
  }

  /** Sends the program; `listener` receives everything until the handle is disposed. */
  run(
    code: string,
    listener: WorkerListener,
    { recordBackward = false, files = new Map<string, Uint8Array>() } = {},
  ): void {
    this.#listener = listener;
    const message: ToWorker = { type: 'run', code, recordBackward, files };
    this.#port.postMessage(message);
  }

  /** Ends the worker (its realm is dirty after a run) and stops reporting. */
  dispose(): void {
    this.#dead = true;
    this.#listener = null;
    this.#watch.abort();
    this.#port.close();
    this.#worker.terminate();
  }

  /** The worker holds the lock while it lives; getting it means the worker is gone. */
  #watchLock(lock: string): void {
    if (typeof navigator.locks?.request !== 'function') return;
    navigator.locks
      .request(lock, { signal: this.#watch.signal }, () =>
        this.#lose('the runner stopped unexpectedly: the program may have run out of memory'),
      )
      .catch(() => {}); // aborted by dispose()
  }

  #lose(reason: string): void {
    if (this.#dead) return;
    // NOTE: a worker that says why it ends (e.g. the program called close()) posts that first;
    // give its last messages a moment to arrive before reporting the loss in general words.
    setTimeout(() => {
      if (this.#dead) return;
      const listener = this.#listener;
      this.dispose();
      listener?.lost(reason);
    }, LAST_WORDS_MS);
  }
}
