import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scopeSvgIds } from './scope-svg-ids.ts';
import { renderPlot } from '../../rich/render-plot.ts';
import { renderDot } from '../../rich/render-dot.ts';
import { plt } from '../../dezero/plt.ts';
import { recorded } from '../../dezero/rich.ts';

test('prefixes ids and the references to them, and leaves other text alone', () => {
  const svg =
    '<svg><defs><clipPath id="clip1"><rect/></clipPath></defs>' +
    '<g clip-path="url(#clip1)"><use xlink:href="#clip1"/><use href="#clip1"/>' +
    '<a href="#elsewhere">x</a><text>url(#nothing) id="text"</text></g></svg>';
  assert.equal(
    scopeSvgIds(svg, 'f2-'),
    '<svg><defs><clipPath id="f2-clip1"><rect/></clipPath></defs>' +
      '<g clip-path="url(#f2-clip1)"><use xlink:href="#f2-clip1"/><use href="#f2-clip1"/>' +
      '<a href="#elsewhere">x</a><text>url(#nothing) id="text"</text></g></svg>',
  );
});

test('a Vega plot and a Graphviz graph keep no id or clip reference unscoped', async () => {
  const start = recorded.length;
  plt.plot([1, 2, 3]);
  plt.show();
  const item = recorded.at(-1);
  assert.equal(recorded.length, start + 1);
  assert.equal(item?.kind, 'plot');
  if (item?.kind !== 'plot') return;
  for (const svg of [await renderPlot(item.figure), await renderDot('digraph g { a -> b }')]) {
    const scoped = scopeSvgIds(svg, 'p1-');
    const ids = [...scoped.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(ids.length > 0);
    assert.ok(
      ids.every((id) => id?.startsWith('p1-')),
      ids.join(),
    );
    const refs = [...scoped.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1]);
    assert.ok(
      refs.every((id) => ids.includes(id)),
      refs.join(),
    );
  }
});
