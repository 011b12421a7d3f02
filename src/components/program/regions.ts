/**
 * `// #region` ... `// #endregion` blocks: code carried over from earlier steps, folded by default.
 * The static view and the editor fold the same lines: a region's first line stays visible, the
 * rest (through its `#endregion`) is hidden.
 */

const START = /^\s*\/\/\s*#region\b/;
const END = /^\s*\/\/\s*#endregion\b/;

/** A foldable block, by 1-based line numbers. */
export interface Region {
  start: number;
  end: number;
}

/** The outermost regions of a program (nested ones fold with their parent). */
export function findRegions(code: string): Region[] {
  const regions: Region[] = [];
  const open: number[] = [];
  code.split('\n').forEach((text, index) => {
    if (START.test(text)) open.push(index + 1);
    else if (END.test(text)) {
      const start = open.pop();
      if (start !== undefined && open.length === 0) regions.push({ start, end: index + 1 });
    }
  });
  return regions;
}
