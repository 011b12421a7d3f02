/**
 * Walking several strided operands of one shape together, row by row. The callback runs once per
 * innermost row (never per element) with each operand's row start; the caller's kernel then loops
 * over the row with that operand's innermost stride.
 */

/** A walk plan: the shape with mergeable axes merged, and each operand's strides for it. */
export interface RowPlan {
  /** Merged shape; the last entry is the row length. Empty only for 0-d walks. */
  shape: number[];
  /** Per operand, its strides over `shape`. */
  strides: number[][];
}

/** Merges neighbouring axes that every operand steps through as one (fewer, longer rows). */
export function coalesce(
  shape: readonly number[],
  strides: readonly (readonly number[])[],
): RowPlan {
  const outShape: number[] = [];
  const outStrides: number[][] = strides.map(() => []);
  for (let d = 0; d < shape.length; d++) {
    const n = shape[d]!;
    if (n === 1) continue;
    const last = outShape.length - 1;
    let merge = last >= 0;
    if (merge) {
      for (let k = 0; k < strides.length; k++) {
        if (outStrides[k]![last] !== strides[k]![d]! * n) {
          merge = false;
          break;
        }
      }
    }
    if (merge) {
      outShape[last] = outShape[last]! * n;
      for (let k = 0; k < strides.length; k++) outStrides[k]![last] = strides[k]![d]!;
    } else {
      outShape.push(n);
      for (let k = 0; k < strides.length; k++) outStrides[k]!.push(strides[k]![d]!);
    }
  }
  if (outShape.length === 0 && !shape.includes(0)) {
    outShape.push(1);
    for (const s of outStrides) s.push(0);
  }
  if (shape.includes(0)) return { shape: [0], strides: strides.map(() => [0]) };
  return { shape: outShape, strides: outStrides };
}

/**
 * Calls `visit(pos, n)` for every innermost row of `shape`, in C order. `pos[k]` is operand k's
 * row start (from `starts[k]`); its innermost stride is `plan.strides[k][last]`.
 */
export function walkRows(
  plan: RowPlan,
  starts: readonly number[],
  visit: (pos: readonly number[], n: number) => void,
): void {
  const { shape, strides } = plan;
  const nd = shape.length;
  const inner = shape[nd - 1]!;
  if (inner === 0) return;
  const ops = starts.length;
  const pos = starts.slice();
  const counter = new Array<number>(nd).fill(0);
  let rows = 1;
  for (let d = 0; d < nd - 1; d++) rows *= shape[d]!;
  for (let r = 0; r < rows; r++) {
    visit(pos, inner);
    for (let d = nd - 2; d >= 0; d--) {
      const c = counter[d]! + 1;
      if (c < shape[d]!) {
        counter[d] = c;
        for (let k = 0; k < ops; k++) pos[k] = pos[k]! + strides[k]![d]!;
        break;
      }
      counter[d] = 0;
      for (let k = 0; k < ops; k++) pos[k] = pos[k]! - strides[k]![d]! * (shape[d]! - 1);
    }
  }
}
