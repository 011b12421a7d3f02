import { existsSync } from 'node:fs';

/** Debian's Chromium, where the machine has it (Playwright cannot download its own browser everywhere). */
const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * The Chromium the tests launch: `$CHROMIUM_PATH` if set, else the system Chromium, else undefined
 * (Playwright's own browser from `npx playwright install chromium`).
 */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  return SYSTEM_CHROMIUM.find((path) => existsSync(path));
}
