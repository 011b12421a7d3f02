/**
 * Matrix products in Chromium's runner worker, where readers train: the built site's own worker
 * (dist/_astro/runner.worker-*.js), started in a page and handed a program over its port as the
 * page's runner does, with no editor or page code competing for the CPU. The program times
 * matmul 512x512 in float32 and float64 on the WebAssembly backend (best of several batches
 * after a warm-up, as np.bench.ts does in Node) and prints GFLOP/s beside issue 11's goals.
 * Needs a built site (`npm run build`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumExecutable } from '../e2e/browser.ts';
import { waitForServer } from './site.bench.ts';

const PORT = 4330;
const ORIGIN = `http://127.0.0.1:${PORT}`;

/** The program the worker runs: prints one line per case, `label GFLOP/s`. */
const PROGRAM = `import { np, print } from 'dezero';
function gflops(n: number, dtype: 'float32' | 'float64'): number {
  const a = np.random.rand(n, n).astype(dtype);
  const b = np.random.rand(n, n).astype(dtype);
  for (let i = 0; i < 5; i++) np.matmul(a, b); // V8 optimises the module on its first calls
  let best = Infinity;
  for (let batch = 0; batch < 7; batch++) {
    const t = performance.now();
    for (let i = 0; i < 5; i++) np.matmul(a, b);
    best = Math.min(best, (performance.now() - t) / 5);
  }
  return (2 * n ** 3) / (best / 1000) / 1e9;
}
np.setBackend('wasm');
print('f32', gflops(512, 'float32').toFixed(1));
print('f64', gflops(512, 'float64').toFixed(1));
`;

const GOALS: Record<string, number> = { f32: 50, f64: 25 };

/** Prints matmul GFLOP/s in Chromium's runner worker. */
export async function run(print: (line: string) => void): Promise<void> {
  const assets = new URL('../dist/_astro/', import.meta.url);
  const script = existsSync(assets)
    ? readdirSync(assets).find((name) => /^runner\.worker-.*\.js$/.test(name))
    : undefined;
  if (script === undefined) {
    print('worker: no build in dist/ (run `npm run build` first)');
    return;
  }
  const server: ChildProcess = spawn(
    'node_modules/.bin/astro',
    ['preview', '--host', '127.0.0.1', '--port', String(PORT)],
    { stdio: 'ignore' },
  );
  const executablePath = chromiumExecutable();
  try {
    await waitForServer(`${ORIGIN}/`, 30_000);
    const browser = await chromium.launch({
      ...(executablePath ? { executablePath } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
    try {
      const page = await browser.newPage();
      await page.goto(`${ORIGIN}/`);
      const stdout = await page.evaluate(
        ({ url, code }) =>
          new Promise<string>((resolve, reject) => {
            const worker = new Worker(url, { type: 'module' });
            const channel = new MessageChannel();
            let text = '';
            channel.port1.onmessage = ({ data }: MessageEvent<{ type: string; text?: string }>) => {
              if (data.type === 'ready') channel.port1.postMessage({ type: 'run', code });
              else if (data.type === 'stdout') text += data.text ?? '';
              else if (data.type === 'done') resolve(text);
              else if (data.type === 'error') reject(new Error(JSON.stringify(data)));
            };
            worker.postMessage(
              { type: 'connect', port: channel.port2, lock: 'bench-worker', warmUp: false },
              [channel.port2],
            );
          }),
        { url: `/_astro/${script}`, code: PROGRAM },
      );
      print("worker: matmul 512x512 on the wasm backend in Chromium's runner worker (one thread)");
      for (const line of stdout.trim().split('\n')) {
        const [key = '', value = ''] = line.split(' ');
        const goal = GOALS[key] ?? NaN;
        const met = Number(value) >= goal ? 'met' : 'missed (see np.bench: what stands in the way)';
        print(
          `  ${key === 'f32' ? 'float32' : 'float64'}: ${value} GFLOP/s (goal >= ${goal}: ${met})`,
        );
      }
    } finally {
      await browser.close();
    }
  } finally {
    server.kill();
  }
}

if (import.meta.main) await run(console.log);
