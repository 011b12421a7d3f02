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
  // At least two: on the 2-core machine the whole suite took 19.6 min with two workers and 23.5
  // with one (one Chromium nearly fills both cores, but not while a test waits on the page).
  workers: Math.max(2, Math.floor(availableParallelism() / 2)),
  // Under that load a test that watches the clock can miss a tick once; a retry is reported as flaky.
  retries: 1,
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
