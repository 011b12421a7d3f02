/**
 * The `dezero` module that lesson programs import: `import { np, print } from 'dezero'`.
 * It grows step by step with the course; see each lesson's "Python → TypeScript" note.
 */
export { np } from './np/index.ts';
export type { NDArray, DType } from './np/index.ts';
export { print, setPrintSink } from './print.ts';
