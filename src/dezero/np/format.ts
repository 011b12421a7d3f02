/**
 * numpy 2.x `str(a)` for arrays, byte for byte, under the default print options: a port of
 * `numpy/_core/arrayprint.py` (`_formatArray`, `IntegerFormat`, `BoolFormat`; floats live in
 * `format-float.ts`).
 */
import type { DType } from './dtype.ts';
import { floatFormatter, formatFloatScalar } from './format-float.ts';
import type { ElementFormatter } from './format-float.ts';

const LINE_WIDTH = 75;
const THRESHOLD = 1000;
const EDGE_ITEMS = 3;
const SUMMARY = '...';

/** numpy 2.x `str()` of an array given its C-order values, shape and dtype (bool as 0/1). */
export function formatArray(
  values: ArrayLike<number>,
  shape: readonly number[],
  dtype: DType,
): string {
  if (shape.length === 0) return formatScalar(values[0] ?? 0, dtype);
  const size = shape.reduce((n, d) => n * d, 1);
  if (size === 0) return '[]';
  const layout = new Layout(values, shape, size > THRESHOLD);
  const format = elementFormatter(layout.shownValues(), dtype);
  return layout.render(format);
}

/** DeZero's `repr(Variable)`: the array's str inside `variable(...)`, continuation lines indented. */
export function formatVariable(text: string): string {
  return 'variable(' + text.replace(/\n/g, '\n' + ' '.repeat(9)) + ')';
}

/** `str()` of a numpy scalar of `dtype`: what a 0-d array prints. */
export function formatScalar(x: number, dtype: DType): string {
  if (dtype === 'bool') return x ? 'True' : 'False';
  if (dtype === 'int64' || dtype === 'uint8') return String(x);
  return formatFloatScalar(x, dtype === 'float32');
}

function elementFormatter(data: readonly number[], dtype: DType): ElementFormatter {
  if (dtype === 'bool') return (x) => (x ? ' True' : 'False');
  if (dtype === 'float64' || dtype === 'float32') return floatFormatter(data, dtype === 'float32');
  let max = -Infinity;
  let min = Infinity;
  for (const v of data) {
    if (v > max) max = v;
    if (v < min) min = v;
  }
  const width = Math.max(String(max).length, String(min).length);
  return (x) => String(x).padStart(width, ' ');
}

/** Walks the array as numpy's `_formatArray` does, with `...` along axes longer than 6 when summarising. */
class Layout {
  private readonly values: ArrayLike<number>;
  private readonly shape: readonly number[];
  private readonly strides: number[];
  private readonly summarise: boolean;

  constructor(values: ArrayLike<number>, shape: readonly number[], summarise: boolean) {
    this.values = values;
    this.shape = shape;
    this.summarise = summarise;
    this.strides = new Array<number>(shape.length);
    let stride = 1;
    for (let axis = shape.length - 1; axis >= 0; axis--) {
      this.strides[axis] = stride;
      stride *= shape[axis] as number;
    }
  }

  /** The indices along `axis` that are printed, with -1 where `...` goes. */
  private shownIndices(axis: number): number[] {
    const n = this.shape[axis] as number;
    if (!this.summarise || n <= 2 * EDGE_ITEMS) return Array.from({ length: n }, (_, i) => i);
    const head = Array.from({ length: EDGE_ITEMS }, (_, i) => i);
    const tail = Array.from({ length: EDGE_ITEMS }, (_, i) => n - EDGE_ITEMS + i);
    return [...head, -1, ...tail];
  }

  /** The values that get printed: numpy sizes its formatter on these only (`_leading_trailing`). */
  shownValues(): number[] {
    const out: number[] = [];
    const visit = (axis: number, offset: number): void => {
      if (axis === this.shape.length) {
        out.push(this.values[offset] as number);
        return;
      }
      for (const i of this.shownIndices(axis)) {
        if (i >= 0) visit(axis + 1, offset + i * (this.strides[axis] as number));
      }
    };
    visit(0, 0);
    return out;
  }

  render(format: ElementFormatter): string {
    return this.recurse(format, 0, 0, ' ', LINE_WIDTH);
  }

  private recurse(
    format: ElementFormatter,
    axis: number,
    offset: number,
    hangingIndent: string,
    width: number,
  ): string {
    if (axis === this.shape.length) return format(this.values[offset] as number);
    const nextIndent = hangingIndent + ' ';
    // NOTE: each nesting level leaves room for its closing ']'.
    const nextWidth = width - 1;
    const stride = this.strides[axis] as number;
    const indices = this.shownIndices(axis);
    const axesLeft = this.shape.length - axis;
    let s = '';
    if (axesLeft === 1) {
      const elemWidth = width - 1;
      let line = hangingIndent;
      indices.forEach((i, k) => {
        const word =
          i < 0
            ? SUMMARY
            : this.recurse(format, axis + 1, offset + i * stride, nextIndent, nextWidth);
        if (line.length + word.length > elemWidth && line.length > hangingIndent.length) {
          s += line.trimEnd() + '\n';
          line = hangingIndent;
        }
        line += word;
        if (k < indices.length - 1) line += ' ';
      });
      s += line;
    } else {
      const lineSep = '\n'.repeat(axesLeft - 1);
      indices.forEach((i, k) => {
        const nested =
          i < 0
            ? SUMMARY
            : this.recurse(format, axis + 1, offset + i * stride, nextIndent, nextWidth);
        s += hangingIndent + nested + (k < indices.length - 1 ? lineSep : '');
      });
    }
    return '[' + s.slice(hangingIndent.length) + ']';
  }
}
