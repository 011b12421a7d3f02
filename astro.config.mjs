// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { sidebar } from './src/course/sidebar.ts';
import { monacoCssOnDemand } from './src/components/program/monaco-css-plugin.ts';
import { contentSecurityPolicy } from './src/site/csp-integration.ts';
import { mnistData } from './src/site/mnist-integration.ts';

// BASE_PATH lets the static site live under a sub-path (e.g. /dezero-ts/ on GitHub Pages).
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  base,
  ...(process.env.SITE_URL ? { site: process.env.SITE_URL } : {}),
  trailingSlash: 'always',
  markdown: {
    // Astro 7's default processor (Sätteri) runs no remark plugins; math needs the unified pipeline.
    processor: unified({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex] }),
  },
  vite: {
    // Keeps Monaco's stylesheet off the first load; the editor adds it when it loads.
    plugins: [monacoCssOnDemand()],
    // Pre-bundled so the dev server's first Run does not trigger a dependency re-optimisation.
    optimizeDeps: { include: ['sucrase'] },
    // dezero runs in the worker, and lesson output shows class names (`Add`, `Mul`): keep them unminified.
    worker: { rolldownOptions: { output: { keepNames: true } } },
  },
  integrations: [
    starlight({
      title: 'DeZero in TypeScript',
      description:
        'Build an autograd framework in 60 steps, with every program runnable in the page.',
      customCss: ['katex/dist/katex.min.css', './src/styles/course.css'],
      sidebar: sidebar(new URL('./content/docs/', import.meta.url)),
      // Starlight's Markdown transforms (asides, heading anchors) look in src/content/docs unless told.
      markdown: { processedDirs: ['./content/docs'] },
      components: {
        Search: './src/components/starlight/Search.astro',
        MarkdownContent: './src/components/starlight/MarkdownContent.astro',
      },
      lastUpdated: false,
      pagefind: true,
    }),
    // After Starlight, so the pages it wrote (and Pagefind's) are final when their scripts are hashed.
    contentSecurityPolicy(),
    mnistData(),
  ],
});
