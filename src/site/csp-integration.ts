/**
 * An Astro integration that writes the Content-Security-Policy (see `csp.ts`) into every built
 * page. Astro's own `security.csp` hashes inline styles too, which would block the `style`
 * attributes that Shiki, KaTeX and Monaco rely on; this one hashes scripts and nothing else.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { withPolicy } from './csp.ts';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => join(dir, file));
}

/** Adds the policy to every `.html` file of the build. */
export function contentSecurityPolicy(): AstroIntegration {
  return {
    name: 'dezero-content-security-policy',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const files = htmlFiles(fileURLToPath(dir));
        for (const file of files) writeFileSync(file, withPolicy(readFileSync(file, 'utf8')));
        logger.info(`Content-Security-Policy written into ${files.length} pages`);
      },
    },
  };
}
