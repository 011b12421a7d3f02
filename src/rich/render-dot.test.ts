import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { renderDot } from './render-dot.ts';

const fixture = (step: number): string =>
  readFileSync(
    new URL(`../dezero/fixtures/dot/step${step}.normalized.dot`, import.meta.url),
    'utf8',
  );

/** Every node label in the DOT text, with how often it occurs (one node per `id [label=...]` line). */
function labels(dot: string): Map<string, number> {
  const counts = new Map<string, number>();
  const seen = new Set<string>();
  for (const [, id, label] of dot.matchAll(/^(\w+) \[label="([^"]*)"/gm)) {
    if (seen.has(id!)) continue;
    seen.add(id!);
    counts.set(label!, (counts.get(label!) ?? 0) + 1);
  }
  return counts;
}

for (const step of [26, 27, 35]) {
  test(`the book's step ${step} graph renders to SVG with every node's label`, async () => {
    const dot = fixture(step);
    const svg = await renderDot(dot);
    assert.match(svg, /<svg [^>]*width="\d+pt"/);
    assert.ok(svg.trimEnd().endsWith('</svg>'));
    const texts = [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map(([, t]) => t);
    for (const [label, count] of labels(dot)) {
      if (label === '') continue;
      assert.equal(texts.filter((t) => t === label).length, count, `label ${label}`);
    }
    // Orange variables and blue boxes, as the DOT asks.
    assert.match(svg, /fill="orange"/);
    assert.match(svg, /fill="lightblue"/);
  });
}

test('invalid DOT is an error that says where', async () => {
  await assert.rejects(renderDot('digraph { a -> }'), /Graphviz: syntax error in line 1/);
});
