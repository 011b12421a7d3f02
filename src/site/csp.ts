/**
 * The Content-Security-Policy every page carries, as a `<meta http-equiv>` so that it works on
 * any static host. Scripts come from the site only: each inline script the page has (Starlight's
 * theme and sidebar scripts) is allowed by its SHA-256 hash, and nothing else inline runs.
 * WebAssembly (Graphviz, Pagefind) needs 'wasm-unsafe-eval'; workers come from the site. Styles
 * allow inline: Shiki, KaTeX and Monaco write `style` attributes, which hashes cannot allow.
 */
import { createHash } from 'node:crypto';

/** Every inline `<script>` element's text, in page order (external scripts have none). */
export function inlineScripts(html: string): string[] {
  const scripts: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const [, attributes = '', body = ''] = match;
    if (/\bsrc\s*=/.test(attributes) || body === '') continue;
    scripts.push(body);
  }
  return scripts;
}

/** The policy for a page whose inline scripts are `scripts`. */
export function policyFor(scripts: readonly string[]): string {
  const hashes = [
    ...new Set(scripts.map((s) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`)),
  ];
  return [
    "default-src 'self'",
    ['script-src', "'self'", "'wasm-unsafe-eval'", ...hashes].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' blob:",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * The page with its policy as the first element of `<head>` after the charset, so that it governs
 * every script the page loads. A page that already has a policy is returned unchanged.
 */
export function withPolicy(html: string): string {
  if (/http-equiv=["']?content-security-policy/i.test(html)) return html;
  const meta = `<meta http-equiv="content-security-policy" content="${policyFor(inlineScripts(html))}">`;
  const charset = /<meta charset=[^>]*>/i.exec(html);
  if (charset) {
    const at = charset.index + charset[0].length;
    return html.slice(0, at) + meta + html.slice(at);
  }
  const head = /<head[^>]*>/i.exec(html);
  if (!head) throw new Error('a page without <head> cannot carry a Content-Security-Policy');
  const at = head.index + head[0].length;
  return html.slice(0, at) + meta + html.slice(at);
}
