import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AxesSpec, FigureSpec, SeriesSpec } from '../dezero/plt-spec.ts';
import { axesBox, axesLimits, legendPosition } from './plot-layout.ts';

const axesWith = (series: SeriesSpec[], more: Partial<AxesSpec> = {}): AxesSpec => ({
  rows: 1,
  cols: 1,
  index: 1,
  title: null,
  xlabel: null,
  ylabel: null,
  xlim: null,
  ylim: null,
  grid: false,
  axisOff: false,
  legend: null,
  series,
  ...more,
});
const line = (x: number[], y: number[]): SeriesSpec => ({
  type: 'line',
  x,
  y,
  color: '#000',
  linewidth: 1.5,
  linestyle: '-',
  marker: null,
  markersize: 6,
  label: null,
});

test('limits: the data range with 5% margins; xlim overrides one side or both', () => {
  const axes = axesWith([line([0, 10], [-1, 1])]);
  assert.deepEqual(axesLimits(axes), { x: [-0.5, 10.5], y: [-1.1, 1.1], yDown: false });
  assert.deepEqual(axesLimits({ ...axes, xlim: [2, NaN] }).x, [2, 10.5]);
});

test('limits: contours and images are flush with the axes (sticky edges), images with y down', () => {
  const contour: SeriesSpec = {
    type: 'contour',
    filled: true,
    x: [-1, 0, 1],
    y: [0, 2],
    z: [0, 0, 0, 1, 1, 1],
    levels: [0, 1],
    cmap: 'viridis',
    colors: null,
    alpha: 1,
    linewidth: 1.5,
  };
  assert.deepEqual(axesLimits(axesWith([contour, line([0], [1])])), {
    x: [-1, 1],
    y: [0, 2],
    yDown: false,
  });
  const image: SeriesSpec = {
    type: 'image',
    width: 4,
    height: 2,
    rgb: false,
    data: Array(8).fill(0),
    cmap: 'gray',
    vmin: 0,
    vmax: 1,
  };
  const axes = axesWith([image]);
  const limits = axesLimits(axes);
  assert.deepEqual(limits, { x: [-0.5, 3.5], y: [1.5, -0.5], yDown: true });
  // Square pixels: the 4x2 image gets a box twice as wide as high, centred in its cell.
  const figure: FigureSpec = { width: 640, height: 480, axes: [axes] };
  const box = axesBox(figure, axes, limits);
  assert.ok(Math.abs(box.width - 2 * box.height) < 1e-9);
  assert.ok(Math.abs(box.left + box.width / 2 - ((0.125 + 0.9) / 2) * 640) < 1e-9);
});

test('subplot cells follow matplotlib subplot parameters', () => {
  const axes = axesWith([line([0], [0])], { rows: 2, cols: 2, index: 4 });
  const box = axesBox({ width: 640, height: 480, axes: [axes] }, axes, axesLimits(axes));
  assert.ok(Math.abs(box.left + box.width - 0.9 * 640) < 1e-9);
  assert.ok(Math.abs(box.top + box.height - (1 - 0.11) * 480) < 1e-9);
});

test("legend 'best' avoids the data; named locations sit in their corner", () => {
  const size = { width: 100, height: 40 };
  const box = { width: 500, height: 400 };
  const upperRight = legendPosition('upper right', size, box, []);
  assert.ok(upperRight[0] + size.width < box.width && upperRight[1] < 10);
  // Data crowding the top right pushes the legend to the next location in matplotlib's order.
  const crowd = Array.from({ length: 50 }, (_, i): [number, number] => [400 + i, 5 + i / 2]);
  assert.deepEqual(
    legendPosition('best', size, box, crowd),
    legendPosition('upper left', size, box, []),
  );
  assert.deepEqual(legendPosition('best', size, box, []), upperRight);
});
