import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import type { WindowLike } from 'dompurify';
import { sanitizeSvg } from './sanitize-svg.ts';
import { renderDot } from './render-dot.ts';
import { Variable, np, utils } from '../dezero/index.ts';

const { window } = new JSDOM('');
const clean = (svg: string): string => sanitizeSvg(svg, window as unknown as WindowLike).outerHTML;

const svg = (body: string): string =>
  `<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">${body}</svg>`;

test('a <script> anywhere in the drawing is removed', () => {
  const out = clean(svg('<g><script>alert(1)</script><text>x</text></g>'));
  assert.doesNotMatch(out, /script|alert/i);
  assert.match(out, /<text>x<\/text>/);
});

test('event-handler attributes are removed', () => {
  const out = clean(svg('<rect width="5" height="5" onload="alert(1)" onclick="alert(2)"/>'));
  assert.doesNotMatch(out, /onload|onclick|alert/);
  assert.match(out, /<rect width="5" height="5"/);
});

test('javascript: and external links are removed; links inside the drawing stay', () => {
  const out = clean(
    svg(
      '<a xlink:href="javascript:alert(1)"><text>a</text></a>' +
        '<a href="https://example.com/"><text>b</text></a>' +
        '<a href=" JavaScript:alert(2)"><text>c</text></a>' +
        '<a href="#node1"><text>d</text></a>',
    ),
  );
  assert.doesNotMatch(out, /javascript|example\.com/i);
  assert.match(out, /href="#node1"/);
});

test('foreignObject (HTML inside SVG) is removed', () => {
  const out = clean(
    svg('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject>'),
  );
  assert.doesNotMatch(out, /foreignObject|<div/i);
});

test('CSS URLs to other documents are removed; url(#id) stays', () => {
  const out = clean(
    svg('<rect style="fill: url(https://x.test/a.svg)"/><rect fill="url(#grad1)"/>'),
  );
  assert.doesNotMatch(out, /x\.test/);
  assert.match(out, /fill="url\(#grad1\)"/);
});

test('input with no SVG left is an error, not an empty figure', () => {
  assert.throws(() => clean('<script>alert(1)</script>'), /no SVG/);
});

test('a variable named to break out of its DOT label draws as that plain name, with no link', async () => {
  const name = 'x" URL="javascript:alert(1)" href="javascript:alert(2)';
  const x = new Variable(np.array(1), name);
  const y = x.mul(2);
  const dot = utils.getDotGraph(y, { verbose: false });
  const drawn = await renderDot(dot);
  const element = sanitizeSvg(drawn, window as unknown as WindowLike);
  assert.equal(element.querySelectorAll('a, [href], [*|href]').length, 0);
  // The name is still shown as the reader wrote it, as text.
  const labels = [...element.querySelectorAll('text')].map((text) => text.textContent);
  assert.ok(labels.includes(name), `labels: ${JSON.stringify(labels)}`);
});
