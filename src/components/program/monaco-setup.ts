/**
 * All of Monaco's worker wiring: Vite bundles each worker (`?worker`) and Monaco asks for one by
 * label. Imported only by `editor.ts`, which the page loads on demand.
 */
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TypeScriptWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';

interface MonacoEnvironment {
  getWorker(workerId: string, label: string): Worker;
}

/** Tells Monaco how to start its workers; call once, before the first editor is created. */
export function setUpMonacoWorkers(): void {
  (globalThis as { MonacoEnvironment?: MonacoEnvironment }).MonacoEnvironment = {
    getWorker(_workerId, label) {
      // The TypeScript worker serves IntelliSense for programs; everything else uses the generic one.
      if (label === 'typescript' || label === 'javascript') return new TypeScriptWorker();
      return new EditorWorker();
    },
  };
}
