/**
 * Makes sure the browser suite has a Chromium before it starts: the system one, else Playwright's
 * own, else it tries to install Playwright's; if nothing works it says exactly what to run.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { chromiumExecutable } from '../e2e/browser.ts';

function playwrightChromium(): string | undefined {
  try {
    const path = chromium.executablePath();
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

const found = chromiumExecutable() ?? playwrightChromium();
if (found) {
  console.log(`browser: ${found}`);
} else {
  console.log('browser: none found; trying `npx playwright install chromium` …');
  const install = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
  if (install.status !== 0 || !playwrightChromium()) {
    console.error(
      [
        'No Chromium for the browser tests. Install one, then run `npm test` again:',
        '  Debian/Ubuntu:  sudo apt-get install -y chromium',
        '  anywhere else:  npx playwright install chromium',
        'or point CHROMIUM_PATH at a Chromium/Chrome binary.',
      ].join('\n'),
    );
    process.exit(1);
  }
}
