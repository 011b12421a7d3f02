/**
 * The Node twin of `runner.worker.ts`: a `worker_threads` worker that runs one program and ends,
 * so every program that `npm run program` and the tests run starts in a fresh realm, as in the page.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { captureRun, runnerBroken } from './capture-run.ts';
import type { FromWorker } from './protocol.ts';
import { setDataFileReader } from '../dezero/data-files.ts';
import { nodeDataFileReader } from './node-data-files.ts';
import { setFileStore } from '../dezero/file-store.ts';
import { folderFileStore } from './node-file-store.ts';

const port = parentPort;
if (!port) throw new Error('node.worker.ts runs as a worker thread: use runInFreshRealm()');
// NOTE: captured before the program runs; it may replace MessagePort.prototype.postMessage.
const post = port.postMessage.bind(port);
const send = (message: FromWorker): void => post(message);
const { code, fileDir } = workerData as { code: string; fileDir: string };
setDataFileReader(nodeDataFileReader);
setFileStore(folderFileStore(fileDir));
captureRun(code, send).catch((failure: unknown) =>
  send({ type: 'error', error: runnerBroken(failure) }),
);
