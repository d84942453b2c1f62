/**
 * The workspace: what a learner would lose on reload — the editor's files, a cluster snapshot, the terminal's
 * history and the settings. Each part is its own IndexedDB record, so the editor saving its files and the app
 * saving a snapshot never overwrite each other.
 *
 * The editor saves with `saveWorkspace({ editor: { files, activeFile } })` and reads `(await loadWorkspace()).editor`
 * when it mounts.
 */
import type { EditorFile, Snapshot, Speed } from '../../protocol/messages';
import type { Language, Theme } from '../store/ui-store';
import { indexedDbBackend, type KeyValueBackend } from './key-value';

/** The editor's tabs. */
export interface EditorWorkspace {
  files: EditorFile[];
  /** Name of the tab in front. */
  activeFile?: string;
}

/** Sizes and visibility of the panels (pixels). */
export interface LayoutSettings {
  editorWidth: number;
  inspectorWidth: number;
  dockHeight: number;
  editorCollapsed: boolean;
  inspectorCollapsed: boolean;
  dockCollapsed: boolean;
  dockTab: DockTab;
}

/** The tabs of the bottom dock. */
export type DockTab = 'terminal' | 'events' | 'charts';

/** Choices that survive a reload. */
export interface WorkspaceSettings {
  language?: Language;
  theme?: Theme;
  speed?: Speed;
  layout?: LayoutSettings;
}

/** The terminal's command history (oldest first). */
export interface TerminalWorkspace {
  history: string[];
}

/** A whole workspace; every part is optional (a fresh browser has none). */
export interface Workspace {
  editor?: EditorWorkspace;
  snapshot?: Snapshot;
  settings?: WorkspaceSettings;
  terminal?: TerminalWorkspace;
}

/** The parts of a workspace, each stored as one record. */
export const WORKSPACE_PARTS = ['editor', 'snapshot', 'settings', 'terminal'] as const satisfies readonly (keyof Workspace)[];

let backend: KeyValueBackend = indexedDbBackend('kubeplay', 'workspace');

/** Replaces the storage (tests use an in-memory backend). */
export function setWorkspaceBackend(b: KeyValueBackend): void {
  backend = b;
}

/**
 * Saves the given parts of the workspace; parts not given keep their stored value. Settings are merged key by key
 * so saving the theme does not drop the layout.
 */
export async function saveWorkspace(partial: Partial<Workspace>): Promise<void> {
  const entries: [string, unknown][] = [];
  for (const part of WORKSPACE_PARTS) {
    const value = partial[part];
    if (value === undefined) continue;
    if (part === 'settings') {
      const stored = ((await backend.get('settings')) ?? {}) as WorkspaceSettings;
      entries.push([part, { ...stored, ...(value as WorkspaceSettings) }]);
    } else {
      entries.push([part, value]);
    }
  }
  if (entries.length) await backend.putAll(entries);
}

/** The stored workspace, or undefined when nothing was saved yet. */
export async function loadWorkspace(): Promise<Workspace | undefined> {
  const ws: Workspace = {};
  let any = false;
  for (const part of WORKSPACE_PARTS) {
    const value = await backend.get(part);
    if (value === undefined || value === null) continue;
    (ws as Record<string, unknown>)[part] = value;
    any = true;
  }
  return any ? ws : undefined;
}

/** Replaces the whole stored workspace (import). */
export async function replaceWorkspace(ws: Workspace): Promise<void> {
  await backend.deleteAll();
  const entries = WORKSPACE_PARTS.filter((p) => ws[p] !== undefined).map((p) => [p, ws[p]] as const);
  if (entries.length) await backend.putAll(entries);
}

/** Forgets everything stored. */
export async function clearWorkspace(): Promise<void> {
  await backend.deleteAll();
}
