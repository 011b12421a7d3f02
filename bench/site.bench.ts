/**
 * Site benchmark: what a lesson page loads before any interaction, and how long Run takes to show
 * the first output line. Every run gets a fresh worker: cold is the page's first run, which
 * starts one; warm is a later run after the reader has read the output for a second (the next
 * worker has loaded meanwhile); at once is a rerun clicked the moment the last one ended.
 * Needs a built site (`npm run build`); serves it with `astro preview` on a free port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';
import { chromiumExecutable } from '../e2e/browser.ts';

const PORT = 4329;
const PAGE = `http://127.0.0.1:${PORT}/steps/01/`;
const PROGRAM = '01/main';
const RUNS = 5;
/** How long the reader looks at the output before running again, in the warm figure. */
const READING_MS = 1000;

/** Resolves once `url` answers 200, or rejects after `ms`. */
export async function waitForServer(url: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`preview server did not answer at ${url}`);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

/** Bytes of JS and CSS the page transfers before any interaction, and whether Monaco is among them. */
async function firstLoad(browser: Browser): Promise<{ js: number; css: number; monaco: boolean }> {
  const page = await browser.newPage();
  let js = 0;
  let css = 0;
  let monaco = false;
  page.on('response', async (response) => {
    const type = response.request().resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    const size = (await response.body().catch(() => Buffer.alloc(0))).length;
    if (type === 'script') js += size;
    else css += size;
    if (/monaco|editor\.main/i.test(response.url())) monaco = true;
  });
  await page.goto(PAGE, { waitUntil: 'networkidle' });
  await page.close();
  return { js, css, monaco };
}

/** Milliseconds from clicking Run to the first character in the output panel. */
async function runToFirstOutput(
  browser: Browser,
): Promise<{ cold: number; warm: number; atOnce: number }> {
  const page = await browser.newPage();
  await page.goto(PAGE, { waitUntil: 'networkidle' });
  const program = page.locator(`[data-runner="${PROGRAM}"]`);
  const measure = async (): Promise<number> =>
    program.evaluate(async (el) => {
      const out = el.querySelector('[data-stdout]');
      const run = [...el.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Run');
      if (!out || !run) throw new Error('program has no output panel or Run button');
      out.textContent = '';
      const start = performance.now();
      run.click();
      while (!out.textContent) await new Promise((r) => requestAnimationFrame(r));
      return performance.now() - start;
    });
  const ended = (): Promise<unknown> =>
    page.waitForFunction(
      (id) =>
        document.querySelector(`[data-runner="${id}"]`)?.getAttribute('data-status') !== 'running',
      PROGRAM,
    );
  const cold = await measure();
  await ended();
  const warm: number[] = [];
  const atOnce: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await page.waitForTimeout(READING_MS);
    warm.push(await measure());
    await ended();
    atOnce.push(await measure());
    await ended();
  }
  await page.close();
  return { cold, warm: median(warm), atOnce: median(atOnce) };
}

/** Prints the site figures. */
export async function run(print: (line: string) => void): Promise<void> {
  if (!existsSync(new URL('../dist/index.html', import.meta.url))) {
    print('site: no build in dist/ (run `npm run build` first)');
    return;
  }
  const server: ChildProcess = spawn(
    'node_modules/.bin/astro',
    ['preview', '--host', '127.0.0.1', '--port', String(PORT)],
    {
      stdio: 'ignore',
    },
  );
  const executablePath = chromiumExecutable();
  try {
    await waitForServer(PAGE, 30_000);
    const browser = await chromium.launch({
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    try {
      const load = await firstLoad(browser);
      print(
        `site  /steps/01/ first load: JS ${(load.js / 1024).toFixed(1)} KiB, CSS ${(load.css / 1024).toFixed(1)} KiB, Monaco loaded: ${load.monaco ? 'YES (over budget)' : 'no'}`,
      );
      const cold: number[] = [];
      const warm: number[] = [];
      const atOnce: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t = await runToFirstOutput(browser);
        cold.push(t.cold);
        warm.push(t.warm);
        atOnce.push(t.atOnce);
      }
      print(
        `site  Run -> first output (${PROGRAM}, a fresh worker every run): cold ${median(cold).toFixed(0)} ms, ` +
          `warm ${median(warm).toFixed(0)} ms, rerun at once ${median(atOnce).toFixed(0)} ms (medians; goals: cold <= 300, warm <= 30)`,
      );
    } finally {
      await browser.close();
    }
  } finally {
    server.kill();
  }
}

if (import.meta.main) await run(console.log);
