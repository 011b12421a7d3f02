/**
 * Teaches the editor's TypeScript service about `dezero`: its real `.ts` sources become files
 * under `file:///node_modules/dezero/`, so `import { np } from 'dezero'` (index.ts) and
 * `import { Variable } from 'dezero/simple'` (simple/index.ts, the core of steps 23–31) resolve,
 * complete, show hovers and report type errors exactly as `tsc` would.
 */
import { typescriptDefaults } from 'monaco-editor/languages/features/typescript/register';

const sources = import.meta.glob<string>(
  ['/src/dezero/**/*.ts', '!/src/dezero/**/*.test.ts', '!/src/dezero/**/fixtures/**'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
);

/** Registers `dezero` and the compiler options lesson programs are written against. */
export function addDezeroTypes(): void {
  typescriptDefaults.setCompilerOptions({
    target: 99, // ESNext
    module: 99, // ESNext
    moduleResolution: 2, // Node: finds node_modules/dezero/index.ts and dezero/simple/index.ts
    moduleDetection: 3, // Force: each program is its own module, so programs on a page never clash
    allowImportingTsExtensions: true,
    noEmit: true,
    strict: true,
  });
  typescriptDefaults.setExtraLibs(
    Object.entries(sources).map(([path, content]) => ({
      content,
      filePath: `file:///node_modules/dezero/${path.slice('/src/dezero/'.length)}`,
    })),
  );
}
