/**
 * The suite's `test`: Playwright's, with a guard on every page that fails the test on any
 * Content-Security-Policy violation (a blocked script, style, worker, eval or WebAssembly
 * compile), so a change that the policy breaks cannot pass unnoticed. Every spec imports
 * `test` and `expect` from here.
 */
import { expect, test as base } from '@playwright/test';

export { expect };
export type { Locator, Page } from '@playwright/test';

declare global {
  interface Window {
    __reportCspViolation?: (violation: string) => void;
  }
}

export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      await page.exposeFunction('__reportCspViolation', (violation: string) => {
        violations.push(violation);
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          const where = event.sourceFile ? ` (${event.sourceFile}:${event.lineNumber})` : '';
          window.__reportCspViolation?.(
            `${event.effectiveDirective} blocked ${event.blockedURI || 'an inline resource'}${where}`,
          );
        });
      });
      await use(violations);
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});
