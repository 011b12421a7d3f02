import { availableParallelism } from 'node:os';
import { defineConfig, devices } from '@playwright/test';
import { chromiumExecutable } from './e2e/browser.ts';

const port = Number(process.env.PORT ?? 4321);
const base = process.env.BASE_PATH ?? '/';
const executablePath = chromiumExecutable();

/** The browser suite runs against the built static site (`astro build` first), served by `astro preview`. */
export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  // Half the cores: one Chromium running a lesson already keeps two cores busy (its renderer,
  // worker and GC threads). Measured on the 2-core machine: steps 20-27 take 90 s with one worker
  // and 92 s with two, and with two, tests that watch the clock or race a Stop fail under the load.
  workers: Math.max(1, Math.floor(availableParallelism() / 2)),
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}${base}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: {
    command: `astro preview --host 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}${base}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
