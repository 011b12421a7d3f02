/**
 * Every SVG that enters the page passes through here. The renderers draw what a program says
 * (a variable's name becomes a Graphviz label), so their SVG is treated as untrusted: DOMPurify
 * with its SVG profile removes scripts, event-handler attributes and `foreignObject`, and a hook
 * removes every link or URL that does not point inside the drawing itself (`#id`).
 */
import createDOMPurify from 'dompurify';
import type { WindowLike } from 'dompurify';

/** Attributes whose value is a URL, in SVG's spellings. */
const URL_ATTRIBUTES = new Set(['href', 'xlink:href', 'src', 'action', 'formaction']);
/** A CSS `url(...)` that does not point at an element of the drawing. */
const EXTERNAL_CSS_URL = /url\(\s*(?!['"]?#)/i;

type Purifier = ReturnType<typeof createDOMPurify>;
const purifiers = new WeakMap<object, Purifier>();

function purifierFor(window: WindowLike): Purifier {
  let purifier = purifiers.get(window);
  if (purifier) return purifier;
  purifier = createDOMPurify(window);
  purifier.addHook('uponSanitizeAttribute', (_node, data) => {
    const name = data.attrName.toLowerCase();
    const value = data.attrValue.trim();
    if (URL_ATTRIBUTES.has(name) && !value.startsWith('#')) data.keepAttr = false;
    if (EXTERNAL_CSS_URL.test(value)) data.keepAttr = false;
  });
  purifiers.set(window, purifier);
  return purifier;
}

/**
 * The SVG document text as a clean `<svg>` element of `window`'s document, ready to insert.
 * Throws when nothing drawable is left.
 */
export function sanitizeSvg(svg: string, window: WindowLike = globalThis.window): SVGSVGElement {
  const fragment = purifierFor(window).sanitize(svg, {
    USE_PROFILES: { svg: true, svgFilters: true },
    FORBID_TAGS: ['foreignObject', 'style', 'script'],
    RETURN_DOM_FRAGMENT: true,
  });
  const element = fragment.firstElementChild;
  if (element?.nodeName.toLowerCase() !== 'svg') throw new Error('the renderer returned no SVG');
  return element as SVGSVGElement;
}
