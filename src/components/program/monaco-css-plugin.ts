/**
 * A Vite plugin that keeps Monaco's CSS out of a lesson page's first load. Astro links every
 * stylesheet reachable from a page's scripts, dynamic `import()`s included, so Monaco's own
 * `import './x.css'` lines would put ~175 kB of CSS on every page. This turns each of them into
 * a tiny module that adds the stylesheet (raw text, so no asset URLs to rewrite) when the editor
 * chunk actually runs.
 * Register it in astro.config.mjs: `vite: { plugins: [monacoCssOnDemand()] }`.
 */
import type { Plugin } from 'vite';

const PREFIX = '\0monaco-css:';

/** Monaco's CSS, injected by the editor chunk instead of linked from every page. */
export function monacoCssOnDemand(): Plugin {
  return {
    name: 'dezero:monaco-css-on-demand',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer?.includes('/node_modules/monaco-editor/') || !/\.css$/.test(source))
        return null;
      // codicon.css (under 1 kB) stays a normal import: its font URL needs Vite's asset handling.
      if (source.includes('codicon')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      // The `.js` ending keeps Vite's CSS plugin from treating this module as a stylesheet.
      return resolved ? `${PREFIX}${resolved.id}.js` : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const file = JSON.stringify(`${id.slice(PREFIX.length, -'.js'.length)}?raw`);
      return `import css from ${file};\nconst style = document.createElement('style');\nstyle.dataset.monaco = '';\nstyle.textContent = css;\ndocument.head.append(style);\n`;
    },
  };
}
