/**
 * Creates and disposes the Monaco editors of a program: the code editor (sized to its content,
 * `#region` blocks folded) and the Compare diff editor. Loaded on demand with `import()`.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/typescript/register';
import { getTypeScriptWorker } from 'monaco-editor/languages/features/typescript/register';
import type { RunError } from '../../runner/execute.ts';
import { setUpMonacoWorkers } from './monaco-setup.ts';
import { addDezeroTypes } from './dezero-types.ts';
import { applyShikiTheme, currentTheme } from './monaco-theme.ts';

setUpMonacoWorkers();
addDezeroTypes();
// NOTE: the folding markers are set here, not left to the lazily loaded TypeScript definition,
// so the first fold of `#region` blocks does not race that load.
monaco.languages.setLanguageConfiguration('typescript', {
  folding: { markers: { start: /^\s*\/\/\s*#?region\b/, end: /^\s*\/\/\s*#?endregion\b/ } },
});
const themeReady = applyShikiTheme(monaco);

/** Metrics shared with the static view's CSS, so the swap does not move anything. */
const LINE_HEIGHT = 20;
const FONT_SIZE = 14;
const PADDING = 8;
/** The Compare view grows with the diff up to this many lines, then scrolls. */
const MAX_DIFF_LINES = 40;

/**
 * Tab indents in the editor, so a keyboard user would be trapped in it: Escape (with no popup
 * open) lets the next Tab or Shift+Tab leave, until the editor is left.
 */
function releaseTabOnEscape(editor: monaco.editor.IStandaloneCodeEditor): void {
  // NOTE: an action, not `addCommand`, whose keybinding would act on the page's last editor.
  editor.addAction({
    id: 'dezero.releaseTab',
    label: 'Let Tab leave the editor',
    keybindings: [monaco.KeyCode.Escape],
    precondition:
      'editorTextFocus && !suggestWidgetVisible && !parameterHintsVisible && !findWidgetVisible && !renameInputVisible && !inSnippetMode',
    run: () => editor.updateOptions({ tabFocusMode: true }),
  });
  editor.onDidBlurEditorText(() => editor.updateOptions({ tabFocusMode: false }));
}

function createModel(code: string, uri: string): monaco.editor.ITextModel {
  return monaco.editor.createModel(code, 'typescript', monaco.Uri.parse(uri));
}

/** Brackets keep the theme's colours, as in the static code. */
function plainBrackets(...models: monaco.editor.ITextModel[]): void {
  // NOTE: a model option, and creating an editor resets it, so it is set after each creation.
  const bracketColorizationOptions = { enabled: false, independentColorPoolPerBracketType: false };
  for (const model of models) model.updateOptions({ bracketColorizationOptions });
}

/** A program's live editor. */
export interface ProgramEditor {
  readonly editor: monaco.editor.IStandaloneCodeEditor;
  /** Marks a runtime or syntax error at its position (null clears it). */
  markError(error: RunError | null): void;
  /** How many errors the TypeScript service finds in the code as it is now. */
  typeErrors(): Promise<number>;
  /** Replaces the code as one undoable edit. */
  replaceCode(code: string): void;
  /** Shows a diff of the lesson's code against the reader's (true) or the editor again (false). */
  compare(on: boolean): void;
  dispose(): void;
}

/** What a program editor needs from its page. */
export interface ProgramEditorOptions {
  /** The code to start with (the reader's saved code, or the lesson's). */
  code: string;
  /** The lesson's code, for Compare. */
  original: string;
  /** Where the program lives, e.g. `01/main`: names its model `file:///programs/01/main.ts`. */
  runner: string;
  /** The static view's font family, so the editor looks the same. */
  fontFamily: string;
}

/** Creates the editor in `host`, folded and sized, and resolves once it is ready to be shown. */
export async function createProgramEditor(
  host: HTMLElement,
  options: ProgramEditorOptions,
): Promise<ProgramEditor> {
  await themeReady;
  const model = createModel(options.code, `file:///programs/${options.runner}.ts`);
  const common = {
    fontFamily: options.fontFamily,
    fontSize: FONT_SIZE,
    lineHeight: LINE_HEIGHT,
    padding: { top: PADDING, bottom: PADDING },
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    scrollbar: {
      alwaysConsumeMouseWheel: false,
      vertical: 'hidden',
      verticalScrollbarSize: 0,
      // The height follows the content; a horizontal scrollbar overlays the last line instead.
      ignoreHorizontalScrollbarInContentHeight: true,
    },
    overviewRulerLanes: 0,
    lineNumbersMinChars: 3,
    renderLineHighlightOnlyWhenFocus: true,
    guides: { indentation: false },
    fixedOverflowWidgets: true,
    // Lessons write math in comments (−, ×, –); don't box those characters as look-alikes.
    unicodeHighlight: { ambiguousCharacters: false },
    theme: currentTheme(),
  } satisfies monaco.editor.IEditorOptions & monaco.editor.IGlobalEditorOptions;
  const editor = monaco.editor.create(host, {
    ...common,
    model,
    foldingStrategy: 'indentation',
    tabSize: 2,
    ariaLabel: `${options.runner.split('/')[1] ?? 'program'}.ts, editable. Ctrl+Enter runs it; Escape, then Tab, leaves the editor.`,
  });
  releaseTabOnEscape(editor);
  const fit = (): void => {
    host.style.height = `${editor.getContentHeight()}px`;
  };
  plainBrackets(model);
  editor.onDidContentSizeChange(fit);
  await editor.getAction('editor.foldAllMarkerRegions')?.run();
  fit();

  const diffHost = document.createElement('div');
  diffHost.className = 'program-diff';
  let diff: monaco.editor.IStandaloneDiffEditor | null = null;
  let lesson: monaco.editor.ITextModel | null = null;

  return {
    editor,
    markError(error) {
      const markers: monaco.editor.IMarkerData[] = [];
      if (error?.line != null) {
        const line = Math.min(error.line, model.getLineCount());
        const column = error.column ?? 1;
        const word = model.getWordAtPosition({ lineNumber: line, column });
        markers.push({
          severity: monaco.MarkerSeverity.Error,
          message: `${error.name}: ${error.message}`,
          source: 'run',
          startLineNumber: line,
          startColumn: word?.startColumn ?? column,
          endLineNumber: line,
          endColumn: word?.endColumn ?? model.getLineMaxColumn(line),
        });
      }
      monaco.editor.setModelMarkers(model, 'dezero-runner', markers);
      if (markers[0]) editor.revealLineInCenterIfOutsideViewport(markers[0].startLineNumber);
    },
    async typeErrors() {
      // Asked of the service, not read from the markers, which lag behind the latest keystrokes.
      const worker = await (await getTypeScriptWorker())(model.uri);
      const file = model.uri.toString();
      const found = await Promise.all([
        worker.getSyntacticDiagnostics(file),
        worker.getSemanticDiagnostics(file),
      ]);
      return found.flat().filter((diagnostic) => diagnostic.category === 1).length;
    },
    replaceCode(code) {
      editor.pushUndoStop();
      editor.executeEdits('reset', [{ range: model.getFullModelRange(), text: code }]);
      editor.pushUndoStop();
    },
    compare,
    dispose() {
      compare(false);
      editor.dispose();
      model.dispose();
    },
  };

  function compare(on: boolean): void {
    if (on && !diff) {
      host.after(diffHost);
      host.hidden = true;
      lesson = createModel(options.original, `file:///lesson/${options.runner}.ts`);
      diff = monaco.editor.createDiffEditor(diffHost, {
        ...common,
        originalEditable: false,
        renderSideBySide: true,
        useInlineViewWhenSpaceIsLimited: true,
        renderOverviewRuler: false,
      });
      // The reader's own model is the right side: edits there are their edits, nothing is copied.
      diff.setModel({ original: lesson, modified: model });
      plainBrackets(lesson, model);
      releaseTabOnEscape(diff.getModifiedEditor());
      // The inline view stacks removed and added lines, so the height follows what is shown.
      const shown = diff;
      const fitDiff = (): void => {
        const height = Math.max(
          shown.getOriginalEditor().getContentHeight(),
          shown.getModifiedEditor().getContentHeight(),
        );
        diffHost.style.height = `${Math.min(height, MAX_DIFF_LINES * LINE_HEIGHT + 2 * PADDING)}px`;
      };
      diffHost.style.height = `${Math.min(Math.max(model.getLineCount(), lesson.getLineCount()), MAX_DIFF_LINES) * LINE_HEIGHT + 2 * PADDING}px`;
      shown.getOriginalEditor().onDidContentSizeChange(fitDiff);
      shown.getModifiedEditor().onDidContentSizeChange(fitDiff);
      shown.onDidUpdateDiff(fitDiff);
    } else if (!on && diff) {
      diff.dispose();
      lesson?.dispose();
      diff = null;
      lesson = null;
      diffHost.remove();
      host.hidden = false;
      editor.layout();
    }
  }
}
