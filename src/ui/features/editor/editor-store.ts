/**
 * The editor's files (tabs) and the result of each file's last apply. Plain data on the UI thread; the Monaco
 * component mirrors it into models, and the persistence module saves it. Actions are functions of this module so
 * code outside React (the terminal's `kubectl edit`) can call them.
 */
import { create } from 'zustand';
import type { ApplyOutput, EditorFile } from '../../../protocol/messages';
import { checkFileName, uniqueFileName, untitledName, withYamlExtension, type FileNameProblem } from './file-names';

/** The outcome of the last apply of a tab. */
export interface ApplyResultView {
  /** The text that was sent, to tell whether the file changed since. */
  appliedText: string;
  /** The name it was applied under (what kubectl printed in messages). */
  appliedName: string;
  /** kubectl's output and the markers, when the worker answered. */
  output?: ApplyOutput;
  /** Why the worker did not answer (restarted, crashed). */
  error?: string;
}

/** One open file. */
export interface EditorTab {
  /** Stable id for the tab's lifetime (names change on rename). */
  id: string;
  name: string;
  text: string;
  /** The text when opened or last applied without errors; differs from `text` when the tab is modified. */
  baseline: string;
  result?: ApplyResultView;
  applying: boolean;
}

/** A request for the editor to show a place (from the result area); `seq` makes repeated requests distinct. */
export interface RevealRequest {
  tabId: string;
  line: number;
  column: number;
  seq: number;
}

/** The editor's state. */
export interface EditorState {
  tabs: EditorTab[];
  activeId: string | undefined;
  /** True once stored files were read; saving starts only then so a slow read cannot be overwritten. */
  loaded: boolean;
  reveal: RevealRequest | undefined;
  /** Bumped to ask the editor to take the keyboard focus (after a new file or an example opens). */
  focusSeq: number;
}

export const useEditorStore = create<EditorState>()(() => ({ tabs: [], activeId: undefined, loaded: false, reveal: undefined, focusSeq: 0 }));

let nextId = 1;
let revealSeq = 0;
/** Opens requested before the stored files were read; replayed after them so they win. */
let pendingOpens: EditorFile[] = [];

function newTab(name: string, text: string): EditorTab {
  return { id: `tab-${nextId++}`, name, text, baseline: text, applying: false };
}

function update(id: string, change: (t: EditorTab) => Partial<EditorTab>): void {
  useEditorStore.setState((s) => ({ tabs: s.tabs.map((t) => (t.id === id ? { ...t, ...change(t) } : t)) }));
}

/** Whether a tab has changes that were neither applied nor came with it. */
export function isModified(tab: EditorTab): boolean {
  return tab.text !== tab.baseline;
}

/** The tab in front, if any. */
export function activeTab(s: EditorState = useEditorStore.getState()): EditorTab | undefined {
  return s.tabs.find((t) => t.id === s.activeId);
}

function names(except?: string): string[] {
  return useEditorStore
    .getState()
    .tabs.filter((t) => t.id !== except)
    .map((t) => t.name);
}

/** Opens a new empty file (`untitled-N.yaml`) in front; returns its id. */
export function newFile(text = ''): string {
  const tab = newTab(untitledName(names()), text);
  useEditorStore.setState((s) => ({ tabs: [...s.tabs, tab], activeId: tab.id }));
  return tab.id;
}

/**
 * Opens `text` as `name` in front. A tab of that name is reused and takes the new text (the live object of
 * `kubectl edit` replaces an older copy); otherwise a new tab opens. Before the stored files are read, the open
 * is queued and happens right after them.
 */
export function openFile(name: string, text: string): string | undefined {
  const fileName = uniqueFileName(withYamlExtension(name), []);
  if (!useEditorStore.getState().loaded) {
    pendingOpens.push({ name: fileName, text });
    return undefined;
  }
  const existing = useEditorStore.getState().tabs.find((t) => t.name === fileName);
  if (existing) {
    update(existing.id, () => ({ text, baseline: text, result: undefined }));
    useEditorStore.setState({ activeId: existing.id });
    return existing.id;
  }
  const tab = newTab(fileName, text);
  useEditorStore.setState((s) => ({ tabs: [...s.tabs, tab], activeId: tab.id }));
  return tab.id;
}

/** Opens a copy of a starter manifest: the same-named tab when it still holds that text, else a new name. */
export function openExample(name: string, text: string): string {
  const same = useEditorStore.getState().tabs.find((t) => t.name === name && t.text === text);
  if (same) {
    useEditorStore.setState({ activeId: same.id });
    return same.id;
  }
  const tab = newTab(uniqueFileName(name, names()), text);
  useEditorStore.setState((s) => ({ tabs: [...s.tabs, tab], activeId: tab.id }));
  return tab.id;
}

/** Renames a tab; returns why not when the name is refused. A name without `.yaml`/`.yml` gets `.yaml`. */
export function renameFile(id: string, proposed: string): FileNameProblem | undefined {
  const name = withYamlExtension(proposed);
  const problem = checkFileName(name, names(id));
  if (problem) return problem;
  update(id, () => ({ name }));
  return undefined;
}

/** Closes a tab (no questions: the panel asks first when it is modified) and brings its neighbour to the front. */
export function closeFile(id: string): void {
  useEditorStore.setState((s) => {
    const i = s.tabs.findIndex((t) => t.id === id);
    if (i < 0) return s;
    const tabs = s.tabs.filter((t) => t.id !== id);
    const activeId = s.activeId === id ? (tabs[Math.min(i, tabs.length - 1)]?.id ?? undefined) : s.activeId;
    return { tabs, activeId };
  });
}

/** Brings a tab to the front. */
export function activateFile(id: string): void {
  if (useEditorStore.getState().tabs.some((t) => t.id === id)) useEditorStore.setState({ activeId: id });
}

/** Records an edit of a tab's text. */
export function setFileText(id: string, text: string): void {
  const tab = useEditorStore.getState().tabs.find((t) => t.id === id);
  if (tab && tab.text !== text) update(id, () => ({ text }));
}

/** Marks a tab as being applied. */
export function applyStarted(id: string): void {
  update(id, () => ({ applying: true }));
}

/** Stores an apply's outcome; a clean apply makes the applied text the new baseline. */
export function applyFinished(id: string, result: ApplyResultView): void {
  const clean = result.output !== undefined && result.output.exitCode === 0;
  update(id, () => ({ applying: false, result, ...(clean ? { baseline: result.appliedText } : {}) }));
}

/** Drops a tab's apply result (the user hid it). */
export function clearResult(id: string): void {
  update(id, () => ({ result: undefined }));
}

/** Asks the editor to show a line of a tab. */
export function revealLine(tabId: string, line: number, column = 1): void {
  activateFile(tabId);
  useEditorStore.setState({ reveal: { tabId, line, column, seq: ++revealSeq } });
}

/** Asks the editor to take the keyboard focus. */
export function requestEditorFocus(): void {
  useEditorStore.setState((s) => ({ focusSeq: s.focusSeq + 1 }));
}

/**
 * Replaces all tabs with stored files (on start, or after a workspace import) and then performs the opens that
 * were requested meanwhile. With no stored files, `fallback` is opened.
 */
export function hydrate(files: readonly EditorFile[] | undefined, activeFile: string | undefined, fallback: readonly EditorFile[]): void {
  const source = files && files.length > 0 ? files : fallback;
  const tabs = source.map((f) => newTab(f.name, f.text));
  const active = tabs.find((t) => t.name === activeFile) ?? tabs[0];
  useEditorStore.setState({ tabs, activeId: active?.id, loaded: true, reveal: undefined });
  const queued = pendingOpens;
  pendingOpens = [];
  for (const f of queued) openFile(f.name, f.text);
}

/** The files as the workspace stores them. */
export function editorFiles(s: EditorState = useEditorStore.getState()): { files: EditorFile[]; activeFile?: string } {
  const active = activeTab(s);
  return { files: s.tabs.map((t) => ({ name: t.name, text: t.text })), ...(active ? { activeFile: active.name } : {}) };
}

/** Forgets everything (tests). */
export function resetEditorStore(): void {
  pendingOpens = [];
  useEditorStore.setState({ tabs: [], activeId: undefined, loaded: false, reveal: undefined, focusSeq: 0 });
}
