import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Variable, add, sub } from './index.ts';
import * as F from './functions.ts';
import * as utils from './utils.ts';
import type { RichItem } from './rich.ts';
import { fromFlat } from './np/ndarray.ts';

const scalar = (v: number, name: string | null = null): Variable =>
  new Variable(fromFlat([v], []), name);
const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/dot/${name}`, import.meta.url), 'utf8').trimEnd();

/** Renumbers node ids in order of first appearance as n0, n1, …, as the reference files are. */
function normalize(dot: string): string {
  const ids = new Map<string, string>();
  const rename = (id: string): string => {
    if (!ids.has(id)) ids.set(id, `n${ids.size}`);
    return ids.get(id)!;
  };
  return dot
    .split('\n')
    .map((line) =>
      line
        .replace(/^(\d+) -> (\d+)$/, (_, a: string, b: string) => `${rename(a)} -> ${rename(b)}`)
        .replace(/^(\d+) \[/, (_, a: string) => `${rename(a)} [`),
    )
    .join('\n');
}

// Written with Python's operator order (`1 + a` is Add(a, 1), `19 - 14*x` is Sub(19, Mul(x, 14))),
// so the graph has the book's exact shape.
function goldstein(x: Variable, y: Variable): Variable {
  const q = sub(19, x.mul(14))
    .add(x.pow(2).mul(3))
    .sub(y.mul(14))
    .add(x.mul(6).mul(y))
    .add(y.pow(2).mul(3));
  const s = sub(18, x.mul(32))
    .add(x.pow(2).mul(12))
    .add(y.mul(48))
    .sub(x.mul(36).mul(y))
    .add(y.pow(2).mul(27));
  return x
    .add(y)
    .add(1)
    .pow(2)
    .mul(q)
    .add(1)
    .mul(x.mul(2).sub(y.mul(3)).pow(2).mul(s).add(30));
}

test('getDotGraph of Goldstein-Price matches the book step 26 DOT', () => {
  const x = scalar(1, 'x');
  const y = scalar(1, 'y');
  const z = goldstein(x, y);
  z.name = 'z';
  assert.equal(
    normalize(utils.getDotGraph(z, { verbose: false })),
    fixture('step26.normalized.dot'),
  );
});

test('getDotGraph of the Taylor-series sin matches the book step 27 DOT', () => {
  const x = scalar(Math.PI / 4);
  let y: Variable | null = null;
  for (let i = 0; i < 100; i++) {
    let f = 1;
    for (let k = 2; k <= 2 * i + 1; k++) f *= k;
    const t = x.pow(2 * i + 1).mul((-1) ** i / f);
    // NOTE: Python's `0 + t` on the first term is `t.__radd__(0)`, i.e. Add(t, 0).
    y = y === null ? add(t, 0) : add(y, t);
    if (Math.abs(t.data.item()) < 1e-4) break;
  }
  y!.backward();
  x.name = 'x';
  y!.name = 'y';
  assert.equal(
    normalize(utils.getDotGraph(y!, { verbose: false })),
    fixture('step27.normalized.dot'),
  );
});

test("getDotGraph of tanh's second derivative matches the book step 35 DOT", () => {
  const x = scalar(1, 'x');
  const y = F.tanh(x);
  y.name = 'y';
  y.backward({ createGraph: true });
  const gx = x.grad!;
  x.cleargrad();
  gx.backward({ createGraph: true });
  const gx2 = x.grad!;
  gx2.name = 'gx2';
  assert.equal(
    normalize(utils.getDotGraph(gx2, { verbose: false })),
    fixture('step35.normalized.dot'),
  );
});

test('verbose labels: name: shape dtype, shapes spelled as Python tuples', () => {
  const x = new Variable(fromFlat([1, 2, 3, 4, 5, 6], [2, 3]), 'x');
  const b = new Variable(fromFlat([1, 2, 3], [3]));
  const y = x.add(b).mul(scalar(2));
  const dot = utils.getDotGraph(y);
  assert.match(dot, /^\d+ \[label="x: \(2, 3\) float64", color=orange, style=filled\]$/m);
  assert.match(dot, /^\d+ \[label="\(3,\) float64", color=orange, style=filled\]$/m);
  assert.match(dot, /^\d+ \[label="\(\) float64", color=orange, style=filled\]$/m);
  assert.ok(dot.startsWith('digraph g {\n') && dot.endsWith('\n}'));
  // Ids are stable per object, like Python's id(): the same graph gives the same text twice.
  assert.equal(utils.getDotGraph(y), dot);
});

test('names with quotes, backslashes and newlines are escaped, so the DOT text stays well-formed', () => {
  const x = scalar(1, 'a"b\\c\nd');
  const y = F.exp(x);
  y.name = 'say "hi"';
  assert.equal(
    utils.getDotGraph(y, { verbose: false }),
    [
      'digraph g {',
      '1 [label="say \\"hi\\"", color=orange, style=filled]',
      '2 [label="Exp", color=lightblue, style=filled, shape=box]',
      '3 -> 2',
      '2 -> 1',
      '3 [label="a\\"b\\\\c\\nd", color=orange, style=filled]',
      '}',
    ].join('\n'),
  );
});

test('plotDotGraph hands the DOT text to the sink; by default it is recorded', () => {
  const x = scalar(2, 'x');
  const y = F.square(x);
  const before = utils.recorded.length;
  utils.plotDotGraph(y, { verbose: false, toFile: 'square.png' });
  assert.deepEqual(utils.recorded.slice(before), [
    { kind: 'dot', dot: utils.getDotGraph(y, { verbose: false }), toFile: 'square.png' },
  ]);
  const seen: RichItem[] = [];
  const previous = utils.setRichSink((item) => seen.push(item));
  try {
    utils.plotDotGraph(y);
  } finally {
    utils.setRichSink(previous);
  }
  assert.deepEqual(seen, [{ kind: 'dot', dot: utils.getDotGraph(y) }]);
  assert.equal(utils.recorded.length, before + 1);
});

test('numericalDiff of x² at 2 prints 4.000000000004 (book step 4)', () => {
  const d = utils.numericalDiff(F.square, scalar(2));
  assert.equal(String(d), '4.000000000004');
});

test('sumTo on arrays: leading axes and length-1 axes are summed away', () => {
  const a = fromFlat([1, 2, 3, 4, 5, 6], [2, 3]);
  assert.deepEqual(utils.sumTo(a, [1, 3]).tolist(), [[5, 7, 9]]);
  assert.deepEqual(utils.sumTo(a, [3]).tolist(), [5, 7, 9]);
  assert.deepEqual(utils.sumTo(a, [2, 1]).tolist(), [[6], [15]]);
  assert.deepEqual(utils.sumTo(a, []).tolist(), 21);
  assert.deepEqual(utils.sumTo(a, [2, 3]).tolist(), a.tolist());
});
