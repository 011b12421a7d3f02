/**
 * The page's data files: fetched by the runner worker before a program that needs them starts,
 * compressed (gzip, as the build writes them), kept in the browser's Cache Storage so that a
 * second visit downloads nothing, and decompressed with `DecompressionStream`. Every failure
 * (offline, a missing or damaged file) becomes one sentence that names the file.
 */
import type { DataFileReader } from '../dezero/data-files.ts';
import type { DataSet } from './data-needs.ts';

/** The Cache Storage bucket; a new name would drop files cached by an older site. */
export const DATA_CACHE = 'dezero-data-v1';

/** What the fetcher uses from its environment (the worker's globals; fakes in the tests). */
export interface FetchEnvironment {
  fetch: typeof fetch;
  /** Absent where Cache Storage is (plain http on a non-local host, some private modes). */
  caches?: CacheStorage | undefined;
}

/** Reports progress as a short line, e.g. "loading MNIST: 3.1 of 11.6 MB". */
export type ProgressSink = (text: string) => void;

const MB = 1024 * 1024;

/** The URL of a data file served at `path` (e.g. `mnist/NAME.gz`) under the site's base path. */
export function dataFileUrl(base: string, path: string): string {
  return `${base.endsWith('/') ? base : `${base}/`}data/${path}`;
}

/**
 * Fetches the files of data set `set` and resolves to their decompressed bytes by name.
 * Rejects with an Error whose message names the file that failed and why.
 */
export async function fetchDataFiles(
  set: DataSet,
  base: string,
  progress: ProgressSink,
  env: FetchEnvironment,
): Promise<Map<string, Uint8Array>> {
  const { label, files: names } = set;
  const cache = await openCache(env);
  const urls = names.map((name) => dataFileUrl(base, set.path(name)));
  const hits = await Promise.all(urls.map((url) => cache?.match(url).catch(() => undefined)));
  const missing = names.flatMap((_, i) => (hits[i] ? [] : [i]));
  const downloaded = new Map<number, Uint8Array>();
  if (missing.length > 0) {
    const responses = await Promise.all(missing.map((i) => request(names[i]!, urls[i]!, env)));
    const sizes = responses.map((r) => Number(r.headers.get('content-length') ?? 0));
    const total = sizes.reduce((sum, size) => sum + size, 0);
    let loaded = 0;
    const show = (): void =>
      progress(
        `loading ${label}: ${(loaded / MB).toFixed(1)}${total > 0 ? ` of ${(total / MB).toFixed(1)}` : ''} MB`,
      );
    show();
    const bodies = await Promise.all(
      responses.map((response, j) =>
        readBody(names[missing[j]!]!, response, (bytes) => {
          loaded += bytes;
          show();
        }),
      ),
    );
    for (const [j, body] of bodies.entries()) {
      downloaded.set(missing[j]!, body);
      // A full cache or a refused write only costs a download next time.
      await cache
        ?.put(urls[missing[j]!]!, new Response(body as Uint8Array<ArrayBuffer>))
        .catch(() => undefined);
    }
  }
  progress(`unpacking ${label}`);
  const files = new Map<string, Uint8Array>();
  for (const [i, name] of names.entries()) {
    const hit = hits[i];
    const bytes = hit ? new Uint8Array(await hit.arrayBuffer()) : downloaded.get(i)!;
    try {
      files.set(name, await gunzip(bytes));
    } catch {
      // Not kept: the next run downloads it again.
      await cache?.delete(urls[i]!).catch(() => false);
      throw new Error(
        `the data file ${name} is damaged (it is not valid gzip), so it was dropped: run again to download it anew`,
      );
    }
  }
  return files;
}

/** A reader for the files fetched; any other name is explained, not a hang. */
export function mapReader(files: ReadonlyMap<string, Uint8Array>): DataFileReader {
  return (name) => {
    const bytes = files.get(name);
    if (bytes === undefined)
      throw new Error(
        `the data file ${name} was not loaded: the page loads a data set's files before a program runs when its code names the data set (e.g. datasets.MNIST)`,
      );
    return bytes;
  };
}

async function openCache(env: FetchEnvironment): Promise<Cache | null> {
  try {
    return (await env.caches?.open(DATA_CACHE)) ?? null;
  } catch {
    return null;
  }
}

async function request(name: string, url: string, env: FetchEnvironment): Promise<Response> {
  let response: Response;
  try {
    response = await env.fetch(url);
  } catch (error) {
    throw new Error(
      `the data file ${name} could not be downloaded (${error instanceof Error ? error.message : String(error)}): check the connection and run again`,
      { cause: error },
    );
  }
  if (!response.ok)
    throw new Error(
      `the data file ${name} could not be downloaded: the site answered ${response.status} for ${url}`,
    );
  return response;
}

async function readBody(
  name: string,
  response: Response,
  onBytes: (bytes: number) => void,
): Promise<Uint8Array> {
  if (response.body === null) return new Uint8Array(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      onBytes(value.length);
    }
  } catch (error) {
    throw new Error(
      `the data file ${name} stopped downloading (${error instanceof Error ? error.message : String(error)}): run again`,
      { cause: error },
    );
  }
  return concat(chunks);
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The file's bytes, decompressed when they are gzip (a server may already have decoded them). */
async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
