// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { sidebar } from './src/course/sidebar.ts';

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
  integrations: [
    starlight({
      title: 'DeZero in TypeScript',
      description: 'Build an autograd framework in 60 steps, with every program runnable in the page.',
      customCss: ['katex/dist/katex.min.css', './src/styles/course.css'],
      sidebar: sidebar(new URL('./content/docs/', import.meta.url)),
      lastUpdated: false,
      pagefind: true,
    }),
  ],
});
