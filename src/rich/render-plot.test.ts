import { test } from 'node:test';
import assert from 'node:assert/strict';
import { np } from '../dezero/np/index.ts';
import { plt } from '../dezero/plt.ts';
import { setRichSink } from '../dezero/rich.ts';
import type { FigureSpec, RichItem } from '../dezero/rich.ts';
import { renderPlot } from './render-plot.ts';
import { renderRich, svgFileName } from './render-rich.ts';

/** The figures `draw` shows, as plt records them. */
function figures(draw: () => void): FigureSpec[] {
  const items: RichItem[] = [];
  const previous = setRichSink((item) => items.push(item));
  try {
    plt.close('all');
    draw();
  } finally {
    setRichSink(previous);
  }
  return items.flatMap((item) => (item.kind === 'plot' ? [item.figure] : []));
}

/** Throws unless every tag is closed in order: a well-formed XML document with one <svg> root. */
function assertWellFormed(svg: string): void {
  const stack: string[] = [];
  for (const [, close, name, selfClose] of svg.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g)) {
    if (selfClose) continue;
    if (close) assert.equal(stack.pop(), name, `</${name}> closes the open tag`);
    else stack.push(name!);
  }
  assert.deepEqual(stack, []);
  assert.match(svg, /^<svg [^>]*width="\d+" height="\d+"/);
}

/** Number of items (paths) in each Vega mark of this type, in drawing order. */
function marks(svg: string, type: string): number[] {
  const groups = svg.matchAll(new RegExp(`<g class="mark-${type} role-mark"[^>]*>(.*?)</g>`, 'gs'));
  return [...groups].map(([, body]) => body!.split('<path').length - 1);
}

const x = np.linspace(-7, 7, 200);

test('a line plot: one path per line, tick labels, axis titles and legend labels', async () => {
  const [figure] = figures(() => {
    plt.plot(x, np.sin(x), { label: 'y=sin(x)' });
    plt.plot(x, np.cos(x), { label: "y'", linestyle: '--', marker: 'o' });
    plt.xlabel('x');
    plt.ylabel('y');
    plt.title('derivatives');
    plt.legend();
    plt.show();
  });
  const svg = await renderPlot(figure!);
  assertWellFormed(svg);
  assert.match(svg, /width="640" height="480"/);
  assert.deepEqual(marks(svg, 'line'), [1, 1]);
  // Markers of the dashed line (200), then the legend's handle for it (1).
  assert.deepEqual(marks(svg, 'symbol'), [200, 1]);
  assert.match(svg, /stroke-dasharray/);
  for (const label of ['y=sin(x)', ">y'<", '>x<', '>y<', 'derivatives', '#1f77b4', '#ff7f0e'])
    assert.ok(svg.includes(label), label);
});

test('a scatter: one symbol per point, coloured by a colormap or one colour', async () => {
  np.random.seed(0);
  const [figure] = figures(() => {
    plt.scatter(np.random.rand(100), np.random.rand(100), { s: 10 });
    plt.scatter([0.2, 0.5, 0.8], [0.1, 0.1, 0.1], { c: np.array([0, 1, 2]), marker: '^' });
    plt.scatter(0.5, 0.5, { c: 'orange', marker: 'x' });
    plt.show();
  });
  const svg = await renderPlot(figure!);
  assertWellFormed(svg);
  assert.deepEqual(marks(svg, 'symbol'), [100, 3, 1]);
  // viridis's ends for c = 0 and c = 2, and the cross drawn as a stroke.
  assert.match(svg, /fill="rgb\(68, 1, 84\)"/);
  assert.match(svg, /fill="rgb\(253, 231, 37\)"/);
  assert.match(svg, /stroke="orange"/);
});

test('a contourf: one filled shape per band, clipped to the axes; contour lines are strokes', async () => {
  const [X, Y] = np.meshgrid(np.linspace(-1, 1, 60), np.linspace(-1, 1, 50));
  const Z = X!.pow(2).add(Y!.pow(2));
  const [filled, lines] = figures(() => {
    plt.contourf(X!, Y!, Z);
    plt.show();
    plt.contour(X!, Y!, Z, { levels: [0.25, 0.5, 1] });
    plt.show();
  });
  const svg = await renderPlot(filled!);
  assertWellFormed(svg);
  // Levels 0, 0.25, ..., 2 make 8 bands.
  assert.deepEqual(
    filled!.axes[0]!.series[0]!.type === 'contour' && filled!.axes[0]!.series[0]!.levels.length,
    9,
  );
  assert.deepEqual(marks(svg, 'shape'), [8]);
  assert.match(svg, /clip-path/);
  const lineSvg = await renderPlot(lines!);
  assertWellFormed(lineSvg);
  assert.deepEqual(marks(lineSvg, 'shape'), [3]);
  assert.doesNotMatch(lineSvg.match(/<g class="mark-shape.*?<\/g>/s)![0], /fill="#/);
});

test('an imshow: one rect per pixel, gray from black to white, square pixels', async () => {
  const [figure] = figures(() => {
    plt.imshow(np.arange(28 * 28).reshape(28, 28), { cmap: 'gray' });
    plt.show();
  });
  const svg = await renderPlot(figure!);
  assertWellFormed(svg);
  assert.deepEqual(marks(svg, 'rect'), [28 * 28, 1]);
  assert.match(svg, /fill="rgb\(0,0,0\)"/);
  assert.match(svg, /fill="rgb\(255,255,255\)"/);
});

test('subplots render side by side; renderRich and svgFileName serve the output panel', async () => {
  const [figure] = figures(() => {
    plt.figure({ figsize: [8, 3] });
    plt.subplot(1, 2, 1);
    plt.plot([1, 2, 3]);
    plt.subplot(1, 2, 2);
    plt.scatter([1, 2], [3, 4]);
    plt.savefig('pair.png');
  });
  const item: RichItem = { kind: 'plot', figure: figure!, toFile: 'out/pair.png' };
  const svg = await renderRich(item);
  assertWellFormed(svg);
  assert.match(svg, /width="800" height="300"/);
  assert.deepEqual([marks(svg, 'line'), marks(svg, 'symbol')], [[1], [2]]);
  assert.equal(svgFileName(item, 'figure-1'), 'pair.svg');
  assert.equal(svgFileName({ kind: 'dot', dot: 'digraph g {}' }, 'figure-2'), 'figure-2.svg');
});
