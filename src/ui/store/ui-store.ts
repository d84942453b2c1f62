/**
 * UI state shared by several panels (selection, namespace filter, language, theme). Lives on the UI thread only;
 * uses immer so updates read as mutations.
 */
import { create } from 'zustand';
import { immer } from 'zustand/middleware/immer';
import type { ObjectId } from '../../protocol/messages';

export type Language = 'en' | 'zh';
export type Theme = 'light' | 'dark';

export interface UiState {
  /** The object shown in the inspector. */
  selected: ObjectId | undefined;
  /** Namespace filter of the graph and timeline ('' = all namespaces). */
  namespace: string;
  language: Language;
  theme: Theme;
  select(id: ObjectId | undefined): void;
  setNamespace(ns: string): void;
  setLanguage(lang: Language): void;
  setTheme(theme: Theme): void;
}

export const useUiStore = create<UiState>()(
  immer((set) => ({
    selected: undefined,
    namespace: 'default',
    language: 'en',
    theme: 'light',
    select: (id) => set((s) => { s.selected = id; }),
    setNamespace: (ns) => set((s) => { s.namespace = ns; }),
    setLanguage: (lang) => set((s) => { s.language = lang; }),
    setTheme: (theme) => set((s) => { s.theme = theme; }),
  })),
);
