/**
 * The Monaco editor of the panel (loaded lazily with Monaco, monaco-yaml and the schema). One editor instance
 * shows the front tab's model; each tab has its own model (`file:///<name>`), so undo history, schema validation
 * and the apply markers stay with their file.
 */
import { useEffect, useRef } from 'react';
import type { ApplyProblem } from '../../../protocol/messages';
import { useUiStore } from '../../store/ui-store';
import { applyTab } from './apply';
import { setFileText, useEditorStore, type ApplyResultView, type EditorTab } from './editor-store';
import { monaco, THEMES } from './monaco-setup';
import { editorEn, editorZh, useEditorT } from './strings';

/** Owner of the markers that come from `kubectl apply` (monaco-yaml owns the schema ones). */
export const APPLY_MARKER_OWNER = 'kubectl';

/** A tab's model and what the editor last synchronised with the store. */
interface ModelEntry {
  model: monaco.editor.ITextModel;
  name: string;
  /** The text last read from or written to the model. */
  text: string;
  /** The apply result whose markers are shown. */
  result: ApplyResultView | undefined;
  viewState: monaco.editor.ICodeEditorViewState | null;
  listener: monaco.IDisposable;
}

function uriFor(name: string): monaco.Uri {
  return monaco.Uri.parse(`file:///${encodeURIComponent(name)}`);
}

/** Apply problems as Monaco markers: from the problem's column (or the line's first character) to the line end. */
function markersFor(model: monaco.editor.ITextModel, problems: readonly ApplyProblem[]): monaco.editor.IMarkerData[] {
  const lines = model.getLineCount();
  return problems.map((p) => {
    const line = Math.min(Math.max(1, p.line), lines);
    const endLine = Math.min(Math.max(line, p.endLine ?? line), lines);
    const startColumn = p.column ?? Math.max(1, model.getLineFirstNonWhitespaceColumn(line));
    return {
      severity: p.severity === 'warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Error,
      message: p.message,
      source: 'kubectl apply',
      startLineNumber: line,
      startColumn,
      endLineNumber: endLine,
      endColumn: Math.max(startColumn + 1, model.getLineMaxColumn(endLine)),
    };
  });
}

/** Shows the apply result's markers when it belongs to the text in the model, else none. */
function syncMarkers(entry: ModelEntry, tab: EditorTab): void {
  if (entry.result === tab.result) return;
  entry.result = tab.result;
  const current = tab.result?.output && tab.result.appliedText === entry.model.getValue() ? tab.result.output.problems : [];
  monaco.editor.setModelMarkers(entry.model, APPLY_MARKER_OWNER, markersFor(entry.model, current));
}

export default function MonacoEditor() {
  const t = useEditorT();
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const models = useRef(new Map<string, ModelEntry>());
  const shownId = useRef<string | undefined>(undefined);
  const revealed = useRef(0);
  const tabs = useEditorStore((s) => s.tabs);
  const activeId = useEditorStore((s) => s.activeId);
  const reveal = useEditorStore((s) => s.reveal);
  const focusSeq = useEditorStore((s) => s.focusSeq);
  const theme = useUiStore((s) => s.theme);
  const applyLabel = t('apply.button');
  const editorLabel = t('panel.label');

  // One editor for the panel's lifetime.
  useEffect(() => {
    const editor = monaco.editor.create(host.current!, {
      model: null,
      theme: useUiStore.getState().theme === 'dark' ? THEMES.dark : THEMES.light,
      automaticLayout: true,
      fontSize: 13,
      lineHeight: 20,
      tabSize: 2,
      insertSpaces: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      renderLineHighlight: 'line',
      // Sticky headers hide the first lines of a short viewport, and the panel is often short.
      stickyScroll: { enabled: false },
      fixedOverflowWidgets: true,
      quickSuggestions: { other: true, comments: false, strings: true },
      wordBasedSuggestions: 'off',
      padding: { top: 6 },
      ariaLabel: editorLabelAtStart(),
    });
    editorRef.current = editor;
    const entries = models.current;
    return () => {
      editor.dispose();
      for (const e of entries.values()) {
        e.listener.dispose();
        e.model.dispose();
      }
      entries.clear();
      editorRef.current = null;
      shownId.current = undefined;
    };
  }, []);

  // Ctrl/Cmd+Enter applies the tab in front (an editor action, so it also shows in the command palette).
  useEffect(() => {
    const editor = editorRef.current!;
    const action = editor.addAction({
      id: 'kubeplay.apply',
      label: applyLabel,
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      contextMenuGroupId: 'navigation',
      contextMenuOrder: 0,
      run: () => {
        const id = useEditorStore.getState().activeId;
        if (id) void applyTab(id);
      },
    });
    return () => action.dispose();
  }, [applyLabel]);

  // Mirror the tabs into models: create, rename (a new URI), replace text changed outside, dispose closed ones.
  useEffect(() => {
    const editor = editorRef.current!;
    const entries = models.current;
    const live = new Set(tabs.map((tab) => tab.id));
    for (const [id, e] of entries) {
      if (live.has(id)) continue;
      e.listener.dispose();
      e.model.dispose();
      entries.delete(id);
    }
    for (const tab of tabs) {
      let entry = entries.get(tab.id);
      if (entry && entry.name !== tab.name) {
        // A model's URI is fixed, so a rename moves the text (and view state) to a model under the new name.
        const shown = shownId.current === tab.id;
        const viewState = shown ? editor.saveViewState() : entry.viewState;
        if (shown) {
          editor.setModel(null);
          shownId.current = undefined;
        }
        entry.listener.dispose();
        entry.model.dispose();
        entry = createEntry(tab);
        entry.viewState = viewState;
        entries.set(tab.id, entry);
      }
      if (!entry) {
        entry = createEntry(tab);
        entries.set(tab.id, entry);
      } else if (entry.text !== tab.text) {
        // Text set from outside (kubectl edit, workspace import): one undoable edit.
        entry.text = tab.text;
        entry.model.pushEditOperations([], [{ range: entry.model.getFullModelRange(), text: tab.text }], () => null);
      }
      syncMarkers(entry, tab);
    }
    if (shownId.current !== activeId) {
      const previous = shownId.current ? entries.get(shownId.current) : undefined;
      if (previous) previous.viewState = editor.saveViewState();
      const next = activeId ? entries.get(activeId) : undefined;
      editor.setModel(next?.model ?? null);
      if (next?.viewState) editor.restoreViewState(next.viewState);
      shownId.current = next ? activeId : undefined;
    }
  }, [tabs, activeId]);

  // Show a line asked for by the result area.
  useEffect(() => {
    const editor = editorRef.current;
    // Each request is served once, when its tab is the one shown (a later tab switch must not jump back).
    if (!editor || !reveal || reveal.seq === revealed.current || reveal.tabId !== shownId.current) return;
    revealed.current = reveal.seq;
    editor.revealLineInCenter(reveal.line);
    editor.setPosition({ lineNumber: reveal.line, column: reveal.column });
    editor.focus();
  }, [reveal, activeId]);

  useEffect(() => {
    editorRef.current?.updateOptions({ ariaLabel: editorLabel });
  }, [editorLabel]);

  // Take the focus when asked (a new file or an example was opened from the panel).
  useEffect(() => {
    if (focusSeq > 0) editorRef.current?.focus();
  }, [focusSeq]);

  useEffect(() => {
    monaco.editor.setTheme(theme === 'dark' ? THEMES.dark : THEMES.light);
  }, [theme]);

  return <div className="kp-editor-monaco" ref={host} data-testid="monaco-host" />;
}

/** The editor's accessible name before React has rendered (the effect above keeps it current). */
function editorLabelAtStart(): string {
  return useUiStore.getState().language === 'zh' ? editorZh['panel.label'] : editorEn['panel.label'];
}

/** A model for a tab, reporting its edits to the store; edits drop the apply markers, which no longer fit. */
function createEntry(tab: EditorTab): ModelEntry {
  const uri = uriFor(tab.name);
  // A stale model under the same URI (a closed tab reopened before disposal) would make createModel throw.
  monaco.editor.getModel(uri)?.dispose();
  const model = monaco.editor.createModel(tab.text, 'yaml', uri);
  const entry: ModelEntry = { model, name: tab.name, text: tab.text, result: undefined, viewState: null, listener: { dispose() {} } };
  entry.listener = model.onDidChangeContent(() => {
    const text = model.getValue();
    if (text === entry.text) return;
    entry.text = text;
    if (monaco.editor.getModelMarkers({ owner: APPLY_MARKER_OWNER, resource: model.uri }).length > 0) {
      monaco.editor.setModelMarkers(model, APPLY_MARKER_OWNER, []);
    }
    setFileText(tab.id, text);
  });
  return entry;
}
