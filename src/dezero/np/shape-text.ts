/**
 * Shapes as text, in one place. Two spellings exist because two languages print them: Python's
 * `str(shape)` (`(2, 3)`), which DeZero's messages and graph drawings show, and numpy's compact
 * form in its own error messages (`(2,3)`), which our np errors copy word for word.
 */

/** Python's `str(shape)`: `()`, `(3,)`, `(2, 3)`. */
export function shapeTuple(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** numpy's spelling in its error messages: `()`, `(3,)`, `(2,3)`. */
export function shapeCompact(shape: readonly (number | string)[]): string {
  return `(${shape.join(',')}${shape.length === 1 ? ',' : ''})`;
}

/**
 * A requested shape as numpy's reshape error spells it (`convert_shape_to_string`): -1 reads
 * `newaxis`, leading ones are dropped, and only a one-entry request gets the tuple comma:
 * (4, -1) is "(4,newaxis)", (-1, 4) is "(4)", (4,) is "(4,)".
 */
export function reshapeRequestText(shape: readonly number[]): string {
  let i = 0;
  while (i < shape.length && shape[i]! < 0) i++;
  if (i === shape.length) return '()';
  const parts = shape.slice(i).map((n) => (n < 0 ? 'newaxis' : String(n)));
  return `(${parts.join(',')}${shape.length === 1 ? ',' : ''})`;
}
