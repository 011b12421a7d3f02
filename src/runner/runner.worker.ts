/**
 * The runner worker: loads `dezero`, waits for the page's port, runs one program, and is then
 * thrown away by the page, so nothing a program does to globals, prototypes, `Config`,
 * `np.random`, listeners or timers reaches the next run. It holds a Web Lock while it lives: when
 * it dies for any reason (out of memory, `close()`, a crash), the lock is released and the page
 * knows at once.
 */
import { captureRun, runnerBroken, warmUp } from './capture-run.ts';
import type { ConnectMessage, FromWorker, ToWorker } from './protocol.ts';
import { setDataFileReader } from '../dezero/data-files.ts';
import { dataNeeds } from './data-needs.ts';
import { fetchDataFiles, mapReader } from './data-fetch.ts';
import { mapFileStore, setFileStore } from '../dezero/file-store.ts';

// NOTE: captured before any program runs; a program may replace the prototypes' versions.
const portPost = MessagePort.prototype.postMessage;
const closeSelf = self.close.bind(self);
const apply = Reflect.apply;

self.addEventListener('message', connect, { once: true });

/** Fetches the data sets `code` names and installs their reader; false (error sent) when one failed. */
async function loadData(code: string, send: (message: FromWorker) => void): Promise<boolean> {
  const files = new Map<string, Uint8Array>();
  const env = { fetch: self.fetch.bind(self), caches: self.caches };
  const progress = (text: string): void => send({ type: 'progress', text });
  try {
    for (const set of dataNeeds(code)) {
      for (const [name, bytes] of await fetchDataFiles(
        set,
        import.meta.env.BASE_URL,
        progress,
        env,
      ))
        files.set(name, bytes);
      send({ type: 'progress', text: '' });
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    send({ type: 'error', error: { name: 'DataError', message, line: null, column: null } });
    return false;
  }
  setDataFileReader(mapReader(files));
  return true;
}

function connect(event: MessageEvent<ConnectMessage>): void {
  const { port, lock, warmUp: warm } = event.data;
  const send = (message: FromWorker): void => {
    try {
      apply(portPost, port, [message]);
    } catch {
      // The program broke even posting a message: die, and the page reports the lost worker.
      closeSelf();
    }
  };
  let started = false;
  port.onmessage = (message: MessageEvent<ToWorker>) => {
    if (message.data.type !== 'run' || started) return;
    started = true;
    // A program's `self.close()` would end the worker silently; say so instead.
    Object.defineProperty(self, 'close', {
      value: () => {
        send({ type: 'stdout', text: '' });
        send({
          type: 'error',
          error: {
            name: 'RunnerError',
            message: 'the program called close(), which ends the runner; the next run starts fresh',
            line: null,
            column: null,
          },
        });
        closeSelf();
      },
      configurable: true,
    });
    const { code, recordBackward = false, files = new Map<string, Uint8Array>() } = message.data;
    // A saved file goes to the page at once: the worker may be stopped before the program ends.
    setFileStore(mapFileStore(files, (name, bytes) => send({ type: 'file', name, bytes })));
    loadData(code, send)
      .then((loaded) => (loaded ? captureRun(code, send, { recordBackward }) : undefined))
      .catch((failure: unknown) => {
        send({ type: 'error', error: runnerBroken(failure) });
      });
  };
  // NOTE: a fresh worker's code is not yet compiled: a spare's warm-up makes the next Run fast.
  const ready = (): void =>
    void (warm ? warmUp() : Promise.resolve()).finally(() => send({ type: 'ready' }));
  if (typeof navigator.locks?.request !== 'function') return ready();
  // The lock is held for the worker's whole life: the callback's promise never settles.
  void navigator.locks.request(lock, () => {
    ready();
    return new Promise<never>(() => {});
  });
}
