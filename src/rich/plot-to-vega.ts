/**
 * A `FigureSpec` as a Vega spec that looks like matplotlib's defaults: a white 640x480 figure,
 * axes boxes framed in black with outward ticks, tab10 colours, and a framed legend.
 */
import type { AxesSpec, FigureSpec } from '../dezero/plt-spec.ts';
import {
  FONT_SIZE,
  LEGEND,
  PT,
  axesBox,
  axesLimits,
  legendEntries,
  legendPosition,
  legendSize,
} from './plot-layout.ts';
import type { Box, Limits } from './plot-layout.ts';
import { lineStroke, seriesMarker, seriesParts } from './plot-marks.ts';
import type { Axis, Colormap, VegaObject } from './plot-marks.ts';

const FONT = 'DejaVu Sans, Verdana, Helvetica, Arial, sans-serif';
const text = (size: number): VegaObject => ({
  font: { value: FONT },
  fontSize: { value: size },
  fill: { value: '#000' },
});

function axisSpec(orient: 'bottom' | 'left', axes: AxesSpec, box: Box): VegaObject {
  const bottom = orient === 'bottom';
  const title = bottom ? axes.xlabel : axes.ylabel;
  return {
    orient,
    scale: bottom ? 'x' : 'y',
    tickCount: Math.max(2, Math.round((bottom ? box.width : box.height) / (bottom ? 80 : 55))),
    domain: false,
    tickSize: 3.5 * PT,
    tickWidth: 0.8 * PT,
    tickColor: '#000',
    labelFont: FONT,
    labelFontSize: FONT_SIZE,
    labelColor: '#000',
    labelPadding: 3.5 * PT,
    labelFlush: false,
    grid: axes.grid,
    // NOTE: without gridScale, Vega draws grid lines across the whole figure, not the axes box.
    gridScale: bottom ? 'y' : 'x',
    gridColor: '#b0b0b0',
    gridWidth: 0.8 * PT,
    zindex: 0,
    ...(title !== null
      ? {
          title,
          titleFont: FONT,
          titleFontSize: FONT_SIZE,
          titleFontWeight: 'normal',
          titleColor: '#000',
          titlePadding: 3.5 * PT,
        }
      : {}),
  };
}

function legendGroup(axes: AxesSpec, box: Box, x: Axis, y: Axis, colormap: Colormap): VegaObject[] {
  const entries = legendEntries(axes);
  if (axes.legend === null || entries.length === 0) return [];
  const size = legendSize(entries.map((e) => e.label));
  const points = axes.series.flatMap((s) =>
    s.type === 'line' || s.type === 'scatter'
      ? s.x.map((v, i): [number, number] => [x.offset + x.slope * v, y.offset + y.slope * s.y[i]!])
      : [],
  );
  const [left, top] = legendPosition(axes.legend.loc, size, box, points);
  const pad = LEGEND.borderPad * FONT_SIZE;
  const handle = LEGEND.handleLength * FONT_SIZE;
  const marks: VegaObject[] = [
    {
      type: 'rect',
      encode: {
        enter: {
          x: { value: 0 },
          y: { value: 0 },
          width: { value: size.width },
          height: { value: size.height },
          fill: { value: '#fff' },
          fillOpacity: { value: 0.8 },
          stroke: { value: '#ccc' },
          strokeWidth: { value: PT },
          cornerRadius: { value: 0.2 * FONT_SIZE },
        },
      },
    },
  ];
  entries.forEach(({ series, label }, i) => {
    const middle = pad + (i * (1 + LEGEND.labelSpacing) + 0.5) * FONT_SIZE;
    if (series.type === 'line' && series.linestyle !== '') {
      marks.push({
        type: 'rule',
        encode: {
          enter: {
            x: { value: pad },
            x2: { value: pad + handle },
            y: { value: middle },
            ...lineStroke(series),
          },
        },
      });
    }
    if (series.type === 'scatter' || series.marker !== null) {
      marks.push({
        type: 'symbol',
        encode: {
          enter: {
            x: { value: pad + handle / 2 },
            y: { value: middle },
            ...seriesMarker(series, colormap),
          },
        },
      });
    }
    marks.push({
      type: 'text',
      encode: {
        enter: {
          x: { value: pad + handle + LEGEND.handleTextPad * FONT_SIZE },
          y: { value: middle },
          baseline: { value: 'middle' },
          text: { value: label },
          ...text(FONT_SIZE),
        },
      },
    });
  });
  return [{ type: 'group', encode: { enter: { x: { value: left }, y: { value: top } } }, marks }];
}

function axesGroup(figure: FigureSpec, axes: AxesSpec, n: number, colormap: Colormap): VegaObject {
  const limits: Limits = axesLimits(axes);
  const box = axesBox(figure, axes, limits);
  const map = ([lo, hi]: [number, number], from: number, to: number): Axis => {
    const slope = (to - from) / (hi - lo);
    return { offset: from - slope * lo, slope };
  };
  const x = map(limits.x, 0, box.width);
  const y = map(limits.y, box.height, 0);
  const parts = axes.series.map((s, k) => seriesParts(s, `a${n}s${k}`, x, y, colormap));
  const size = { width: { value: box.width }, height: { value: box.height } };
  const marks: VegaObject[] = [
    // NOTE: the series sit in their own clipped group, so nothing spills outside the axes box.
    {
      type: 'group',
      encode: { enter: { ...size, clip: { value: true } } },
      marks: parts.flatMap((p) => p.marks),
    },
  ];
  if (!axes.axisOff) {
    marks.push({
      type: 'rect',
      encode: { enter: { ...size, stroke: { value: '#000' }, strokeWidth: { value: 0.8 * PT } } },
    });
  }
  if (axes.title !== null) {
    marks.push({
      type: 'text',
      encode: {
        enter: {
          x: { value: box.width / 2 },
          y: { value: -6 * PT },
          align: { value: 'center' },
          baseline: { value: 'bottom' },
          text: { value: axes.title },
          ...text(12 * PT),
        },
      },
    });
  }
  marks.push(...legendGroup(axes, box, x, y, colormap));
  return {
    type: 'group',
    encode: { enter: { x: { value: box.left }, y: { value: box.top }, ...size } },
    data: parts.flatMap((p) => p.data),
    scales: [
      {
        name: 'x',
        type: 'linear',
        domain: limits.x,
        range: [0, box.width],
        zero: false,
        nice: false,
      },
      {
        name: 'y',
        type: 'linear',
        domain: limits.y,
        range: [box.height, 0],
        zero: false,
        nice: false,
      },
      ...parts.flatMap((p) => p.scales),
    ],
    axes: axes.axisOff ? [] : [axisSpec('bottom', axes, box), axisSpec('left', axes, box)],
    marks,
  };
}

/** The Vega spec of a figure; `colormap` turns a colormap name into colours (Vega's schemes, in practice). */
export function plotToVega(figure: FigureSpec, colormap: Colormap): VegaObject {
  return {
    $schema: 'https://vega.github.io/schema/vega/v6.json',
    width: figure.width,
    height: figure.height,
    padding: 0,
    autosize: 'none',
    background: '#fff',
    marks: figure.axes.map((axes, n) => axesGroup(figure, axes, n, colormap)),
  };
}
