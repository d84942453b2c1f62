/**
 * The editor feature's public face: the panel, and functions other features call — `openInEditor` (the terminal's
 * `kubectl edit` and `> file.yaml`), and reading or reloading the files around a workspace import or export.
 * Monaco itself loads lazily inside the panel.
 */
import { openFile } from './editor-store';
import { startEditorPersistence } from './persistence';

export { EditorPanel } from './EditorPanel';
export { editorFiles, useEditorStore } from './editor-store';
export { editorFilesSaved, flushEditorFiles, reloadEditorFiles } from './persistence';

type OpenListener = (name: string) => void;
const openListeners = new Set<OpenListener>();

/**
 * Opens `yaml` in a tab called `name` (`.yaml` is added when missing) and brings it to the front; a tab of that
 * name takes the new text. Applying the tab then runs `kubectl apply -f <name>`. Returns true: the editor always
 * accepts (its files load in the background, and opens made meanwhile are kept).
 */
export function openInEditor(name: string, yaml: string): boolean {
  void startEditorPersistence();
  openFile(name, yaml);
  for (const l of openListeners) l(name);
  return true;
}

/** Calls `listener` whenever something opens a file in the editor (the shell expands a collapsed editor panel). */
export function onOpenInEditor(listener: OpenListener): () => void {
  openListeners.add(listener);
  return () => openListeners.delete(listener);
}
