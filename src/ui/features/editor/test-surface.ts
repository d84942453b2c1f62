/**
 * `window.__kubeplayEditor`: what end-to-end tests read from the editor (its files, the tab in front, whether every
 * change is saved). It drives nothing; tests type and click like a user.
 */
import { activeTab, editorFiles, useEditorStore } from './editor-store';
import { editorFilesSaved } from './persistence';

/** The shape of `window.__kubeplayEditor`. */
export interface EditorTestSurface {
  /** True once the stored files were read and shown. */
  loaded(): boolean;
  /** True when every change has been written to the workspace store. */
  saved(): boolean;
  files(): { name: string; text: string }[];
  active(): string | undefined;
}

declare global {
  interface Window {
    __kubeplayEditor?: EditorTestSurface;
  }
}

/** Installs `window.__kubeplayEditor` (browsers only). */
export function installEditorTestSurface(): void {
  if (typeof window === 'undefined') return;
  window.__kubeplayEditor = {
    loaded: () => useEditorStore.getState().loaded,
    saved: editorFilesSaved,
    files: () => editorFiles().files,
    active: () => activeTab()?.name,
  };
}
