import { test } from 'node:test';
import assert from 'node:assert/strict';
import { np } from './np/index.ts';
import { Variable } from './index.ts';
import { plt } from './plt.ts';
import { setRichSink } from './rich.ts';
import type { RichItem, FigureSpec } from './rich.ts';
import type { ContourSeries, ImageSeries, LineSeries, ScatterSeries } from './plt-spec.ts';
import { TAB10, parseFormat } from './plt-style.ts';
import { MAX_GRID, maxNLocator } from './plt-data.ts';

/** Runs `draw` with a capturing sink; returns what it emitted. */
function capture(draw: () => void): RichItem[] {
  const items: RichItem[] = [];
  const previous = setRichSink((item) => items.push(item));
  try {
    plt.close('all');
    draw();
  } finally {
    setRichSink(previous);
  }
  return items;
}

function onlyFigure(items: RichItem[]): FigureSpec {
  assert.equal(items.length, 1);
  const [item] = items;
  assert.equal(item?.kind, 'plot');
  return (item as Extract<RichItem, { kind: 'plot' }>).figure;
}

test('plot records each line with its data, label and the tab10 colour cycle; show emits once and starts afresh', () => {
  const x = np.linspace(-7, 7, 200);
  const items = capture(() => {
    plt.plot(x, np.sin(x), { label: 'y=sin(x)' });
    plt.plot(x, np.cos(x), { label: "y'" });
    plt.plot([1, 2, 3]);
    plt.xlabel('x');
    plt.legend({ loc: 'lower right' });
    plt.show();
    plt.show();
  });
  const figure = onlyFigure(items);
  assert.deepEqual([figure.width, figure.height], [640, 480]);
  const [axes] = figure.axes;
  const lines = axes!.series as LineSeries[];
  assert.deepEqual(
    lines.map((s) => [s.x.length, s.y.length, s.label, s.color]),
    [
      [200, 200, 'y=sin(x)', TAB10[0]],
      [200, 200, "y'", TAB10[1]],
      [3, 3, null, TAB10[2]],
    ],
  );
  assert.deepEqual(lines[2]!.x, [0, 1, 2]);
  assert.equal(lines[0]!.y[10], np.sin(x).item(10));
  assert.equal(axes!.xlabel, 'x');
  assert.deepEqual(axes!.legend, { loc: 'lower right' });
  // The emitted figure is a copy: it is plain JSON and later drawing does not change it.
  assert.deepEqual(JSON.parse(JSON.stringify(figure)), figure);
});

test('scatter: one colour, a per-point colormap, or a colour per call; its own colour cycle', () => {
  const items = capture(() => {
    plt.scatter(np.array([1, 2, 3]), [4, 5, 6], { s: 10 });
    plt.scatter([1, 2, 3], [1, 1, 1], { c: np.array([0, 1, 2]) });
    plt.scatter(0.5, 0.25, { marker: 'x', c: 'blue' });
    plt.plot([0, 1], [0, 1]);
    plt.show();
  });
  const [a, b, c, line] = onlyFigure(items).axes[0]!.series as [
    ScatterSeries,
    ScatterSeries,
    ScatterSeries,
    LineSeries,
  ];
  assert.deepEqual([a.x, a.y, a.size, a.color], [[1, 2, 3], [4, 5, 6], 10, TAB10[0]]);
  assert.deepEqual([b.values, b.color, b.cmap], [[0, 1, 2], null, 'viridis']);
  assert.deepEqual([c.x, c.y, c.marker, c.color], [[0.5], [0.25], 'x', 'blue']);
  // NOTE: matplotlib cycles colours for lines separately from scatter.
  assert.equal(line.color, TAB10[0]);
});

test('format strings and colour names read as matplotlib does', () => {
  assert.deepEqual(parseFormat('r--'), { linestyle: '--', color: '#ff0000' });
  assert.deepEqual(parseFormat('o'), { marker: 'o', linestyle: '' });
  assert.deepEqual(parseFormat('k:x'), { linestyle: ':', color: '#000000', marker: 'x' });
  assert.throws(() => parseFormat('q'), /unrecognized character 'q'/);
  const items = capture(() => {
    plt.plot([1, 2], [3, 4], 'g^', { label: 'pts' });
    plt.plot([1, 2], [3, 4], { color: 'C3', linestyle: ':' });
    plt.show();
  });
  const [a, b] = onlyFigure(items).axes[0]!.series as LineSeries[];
  assert.deepEqual([a!.color, a!.marker, a!.linestyle, a!.label], ['#008000', '^', '', 'pts']);
  assert.deepEqual([b!.color, b!.linestyle], [TAB10[3], ':']);
});

test('contourf keeps the meshgrid as coordinates and levels, thinned to MAX_GRID per axis', () => {
  const [X, Y] = np.meshgrid(np.arange(0, 5), np.arange(0, 3));
  const Z = X!.add(Y!).clip(0, 2);
  const big = np.meshgrid(np.arange(0, 1000), np.arange(0, 10));
  const items = capture(() => {
    plt.contourf(X!, Y!, Z, { alpha: 0.5 });
    plt.contour(big[0]!, big[1]!, big[0]!.mul(big[1]!), { levels: [1, 10, 100] });
    plt.show();
  });
  const [filled, lines] = onlyFigure(items).axes[0]!.series as ContourSeries[];
  assert.deepEqual(
    [filled!.x, filled!.y, filled!.filled, filled!.alpha],
    [[0, 1, 2, 3, 4], [0, 1, 2], true, 0.5],
  );
  assert.deepEqual(filled!.z, Array.from(Z.toFlat()));
  // matplotlib's default: MaxNLocator(7 + 1) on [0, 2], i.e. steps of 0.25 (the book's step 48 colours).
  assert.deepEqual(filled!.levels, [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2]);
  assert.ok(lines!.x.length <= MAX_GRID && lines!.x.length >= MAX_GRID / 2);
  assert.equal(lines!.z.length, lines!.x.length * lines!.y.length);
  assert.deepEqual([lines!.filled, lines!.levels, lines!.y.length], [false, [1, 10, 100], 10]);
});

test('maxNLocator gives nice steps (1, 2, 2.5, 5 × 10^k) covering the range in at most nbins bins', () => {
  for (const [lo, hi, n] of [
    [0, 2, 8],
    [-3.7, 12.1, 8],
    [0.001, 0.0173, 5],
    [1000, 1003, 8],
    [-1, 1, 3],
  ] as const) {
    const levels = maxNLocator(lo, hi, n);
    const step = levels[1]! - levels[0]!;
    const mantissa = step / 10 ** Math.floor(Math.log10(step));
    assert.ok(
      [1, 2, 2.5, 5].some((m) => Math.abs(mantissa - m) < 1e-9),
      `step ${step}`,
    );
    assert.ok(
      levels[0]! <= lo + 1e-12 && levels.at(-1)! >= hi - 1e-12,
      `${levels} covers [${lo}, ${hi}]`,
    );
    assert.ok(levels.length - 1 <= n + 1);
  }
});

test('imshow keeps grayscale values with their range, and colour images as rgb in [0, 1]', () => {
  const gray = np.arange(6).reshape(2, 3);
  const rgb = np.ones([2, 2, 3]).mul(2);
  const items = capture(() => {
    plt.subplot(1, 2, 1);
    plt.imshow(gray, { cmap: 'gray' });
    plt.axis('off');
    plt.subplot(122);
    plt.imshow(rgb);
    plt.title('rgb');
    plt.show();
  });
  const [left, right] = onlyFigure(items).axes;
  const g = left!.series[0] as ImageSeries;
  assert.deepEqual(
    [g.width, g.height, g.rgb, g.data, g.vmin, g.vmax, g.cmap],
    [3, 2, false, [0, 1, 2, 3, 4, 5], 0, 5, 'gray'],
  );
  assert.equal(left!.axisOff, true);
  const c = right!.series[0] as ImageSeries;
  assert.deepEqual(
    [right!.index, right!.title, c.rgb, c.data.length, Math.max(...c.data)],
    [2, 'rgb', true, 12, 1],
  );
});

test('figure, subplot and savefig: sizes, a grid of axes, the file name kept', () => {
  const items = capture(() => {
    plt.figure({ figsize: [8, 4] });
    plt.subplot(2, 2, 1);
    plt.plot([1, 2]);
    plt.subplot(2, 2, 4);
    plt.scatter([1], [2]);
    plt.subplot(2, 2, 1);
    plt.plot([3, 4]);
    plt.grid();
    plt.xlim(0, 5);
    plt.savefig('grid.png');
    plt.show();
  });
  assert.equal(items.length, 1);
  const item = items[0] as Extract<RichItem, { kind: 'plot' }>;
  assert.equal(item.toFile, 'grid.png');
  assert.deepEqual([item.figure.width, item.figure.height], [800, 400]);
  assert.deepEqual(
    item.figure.axes.map((a) => [a.rows, a.cols, a.index, a.series.length, a.grid, a.xlim]),
    [
      [2, 2, 1, 2, true, [0, 5]],
      [2, 2, 4, 1, false, null],
    ],
  );
});

test('clear errors for wrong input', () => {
  capture(() => {
    assert.throws(
      () => plt.plot([1, 2], [1, 2, 3]),
      /same first dimension, but have lengths 2 and 3/,
    );
    const v = new Variable(np.array([1, 2]));
    assert.throws(() => plt.plot(v as never), /pass its '\.data'/);
    assert.throws(() => plt.imshow(np.zeros([2]), {}), /2-D or 3-D/);
    assert.throws(() => plt.scatter([1], [1], { cmap: 'nope', c: [1] }), /unknown colormap 'nope'/);
    assert.throws(() => plt.subplot(2, 2, 5), /outside a 2x2 grid/);
    plt.close('all');
  });
});
