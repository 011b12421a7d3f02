// The page's data-file fetcher with a fake network and a fake Cache Storage: progress, the cache
// on a second run, and a clear error for every way a file can fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { dataFileUrl, fetchDataFiles, mapReader } from './data-fetch.ts';
import type { FetchEnvironment } from './data-fetch.ts';
import type { DataSet } from './data-needs.ts';

const files: Record<string, Uint8Array> = {
  a: new Uint8Array([1, 2, 3, 4]),
  b: new Uint8Array(100_000).fill(7),
};

/** A data set of `names` served gzipped under data/mnist/, as MNIST's files are. */
const mnistLike = (...names: string[]): DataSet => ({
  label: 'MNIST',
  files: names,
  path: (name) => `mnist/${name}.gz`,
});

class FakeCache {
  entries = new Map<string, Uint8Array>();
  async match(url: string): Promise<Response | undefined> {
    const bytes = this.entries.get(url);
    return bytes ? new Response(bytes as Uint8Array<ArrayBuffer>) : undefined;
  }
  async put(url: string, response: Response): Promise<void> {
    this.entries.set(url, new Uint8Array(await response.arrayBuffer()));
  }
  async delete(url: string): Promise<boolean> {
    return this.entries.delete(url);
  }
}

/** A network serving gzipped `files` under /site/data/mnist/ (or `serve`'s answer), counting requests. */
function environment(
  serve?: (url: string) => Response,
): FetchEnvironment & { requests: string[]; cache: FakeCache } {
  const cache = new FakeCache();
  const requests: string[] = [];
  const fetch = (async (input: string | URL | Request) => {
    const url = String(input);
    requests.push(url);
    if (serve) return serve(url);
    const name = url.replace(/^\/site\/data\/(mnist|models)\//, '').replace(/\.gz$/, '');
    const bytes = files[name];
    if (!bytes) return new Response('not found', { status: 404 });
    // NOTE: MNIST's files are served gzipped, a model's weights as they are.
    const body = url.endsWith('.gz') ? gzipSync(bytes) : (bytes as Uint8Array<ArrayBuffer>);
    return new Response(body, { headers: { 'content-length': String(body.length) } });
  }) as typeof globalThis.fetch;
  const caches = { open: async () => cache } as unknown as CacheStorage;
  return { fetch, caches, requests, cache };
}

test('files are fetched, unpacked and reported, then read from the cache', async () => {
  const env = environment();
  const lines: string[] = [];
  const got = await fetchDataFiles(mnistLike('a', 'b'), '/site/', (t) => lines.push(t), env);
  assert.deepEqual([...got.get('a')!], [1, 2, 3, 4]);
  assert.equal(got.get('b')!.length, 100_000);
  assert.match(lines[0]!, /^loading MNIST: 0\.0 of 0\.0 MB$/);
  assert.equal(lines.at(-1), 'unpacking MNIST');
  assert.equal(env.requests.length, 2);

  const again = await fetchDataFiles(mnistLike('a', 'b'), '/site/', () => {}, env);
  assert.deepEqual([...again.get('a')!], [1, 2, 3, 4]);
  assert.equal(env.requests.length, 2, 'the second run downloads nothing');
});

test('without Cache Storage the files still load', async () => {
  const env = environment();
  const got = await fetchDataFiles(mnistLike('a'), '/site', () => {}, { fetch: env.fetch });
  assert.deepEqual([...got.get('a')!], [1, 2, 3, 4]);
  assert.equal(dataFileUrl('/site', 'mnist/a.gz'), '/site/data/mnist/a.gz');
});

test('a file served as it is (not gzipped) loads from its own folder', async () => {
  const env = environment();
  const weights: DataSet = { label: 'weights', files: ['b'], path: (name) => `models/${name}` };
  const got = await fetchDataFiles(weights, '/site/', () => {}, env);
  assert.equal(got.get('b')!.length, 100_000);
  assert.deepEqual(env.requests, ['/site/data/models/b']);
});

test('a missing file, a network failure and a damaged file each say what happened', async () => {
  await assert.rejects(
    fetchDataFiles(mnistLike('nope'), '/site/', () => {}, environment()),
    /the data file nope could not be downloaded: the site answered 404/,
  );
  const offline = environment(() => {
    throw new TypeError('Failed to fetch');
  });
  await assert.rejects(
    fetchDataFiles(mnistLike('a'), '/site/', () => {}, offline),
    /the data file a could not be downloaded \(Failed to fetch\): check the connection/,
  );
  const damaged = environment(() => new Response(new Uint8Array([0x1f, 0x8b, 1, 2, 3])));
  await assert.rejects(
    fetchDataFiles(mnistLike('a'), '/site/', () => {}, damaged),
    /the data file a is damaged \(it is not valid gzip\)/,
  );
  assert.equal(damaged.cache.entries.size, 0, 'a damaged file is not kept');
});

test('the reader explains a file that was not loaded', () => {
  const read = mapReader(new Map([['a', new Uint8Array([1])]]));
  assert.deepEqual([...read('a')], [1]);
  assert.throws(() => read('b'), /the data file b was not loaded: .*names the data set/);
});
