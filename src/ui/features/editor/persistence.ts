/**
 * Keeps the editor's files in the workspace store: reads them once when the editor is first needed, then saves
 * every change shortly after it happens (and at once when the page is hidden), so a reload restores the tabs.
 */
import { loadWorkspace, saveWorkspace } from '../../persistence/workspace';
import { EXAMPLES } from './examples';
import { editorFiles, hydrate, useEditorStore, type EditorState } from './editor-store';

/** How long after the last keystroke the files are written. */
const SAVE_DELAY_MS = 300;

let started: Promise<void> | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
let lastSaved = '';
let saving: Promise<void> = Promise.resolve();
let writesInFlight = 0;

/** The files a fresh workspace starts with: the Deployment starter. */
function firstFiles() {
  const d = EXAMPLES.find((e) => e.id === 'deployment')!;
  return [{ name: d.fileName, text: d.text }];
}

/** What is saved, as a string to compare with the last save. */
function savedForm(s: EditorState): string {
  return JSON.stringify(editorFiles(s));
}

/** Writes the files now if they changed since the last save. */
export function flushEditorFiles(): Promise<void> {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  const s = useEditorStore.getState();
  if (!s.loaded) return saving;
  const form = savedForm(s);
  if (form === lastSaved) return saving;
  lastSaved = form;
  writesInFlight++;
  saving = saving
    .then(() => saveWorkspace({ editor: editorFiles(s) }))
    .catch(() => undefined)
    .finally(() => {
      writesInFlight--;
    });
  return saving;
}

/** Whether every change has been written (e2e tests wait for this before reloading). */
export function editorFilesSaved(): boolean {
  const s = useEditorStore.getState();
  return s.loaded && timer === undefined && writesInFlight === 0 && savedForm(s) === lastSaved;
}

/** Reads the stored files (once) and starts saving changes. Safe to call many times. */
export function startEditorPersistence(): Promise<void> {
  started ??= (async () => {
    let stored;
    try {
      stored = (await loadWorkspace())?.editor;
    } catch {
      stored = undefined;
    }
    hydrate(stored?.files, stored?.activeFile, firstFiles());
    lastSaved = stored?.files?.length ? savedForm(useEditorStore.getState()) : '';
    useEditorStore.subscribe((s, prev) => {
      if (s.tabs === prev.tabs && s.activeId === prev.activeId) return;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => void flushEditorFiles(), SAVE_DELAY_MS);
    });
    if (typeof document !== 'undefined') {
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'hidden') void flushEditorFiles();
      });
      window.addEventListener('pagehide', () => void flushEditorFiles());
    }
    if (!stored?.files?.length) await flushEditorFiles();
  })();
  return started;
}

/** Replaces the tabs with the stored files again (after a workspace import replaced them). */
export async function reloadEditorFiles(): Promise<void> {
  await startEditorPersistence();
  const stored = (await loadWorkspace())?.editor;
  hydrate(stored?.files, stored?.activeFile, firstFiles());
  lastSaved = savedForm(useEditorStore.getState());
}
