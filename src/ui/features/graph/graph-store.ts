/**
 * The graph's own UI state: which view is shown, which controllers the user collapsed or expanded, and whether the
 * legend is open. Lives on the UI thread only.
 */
import { create } from 'zustand';
import type { GraphView } from './model/types';

/** Graph panel state. */
export interface GraphUiState {
  view: GraphView;
  /** collapseKey → collapsed, for groups the user toggled (others follow the automatic rule). */
  collapse: Record<string, boolean>;
  legendOpen: boolean;
  setView(view: GraphView): void;
  setCollapsed(collapseKey: string, collapsed: boolean): void;
  setLegendOpen(open: boolean): void;
}

export const useGraphStore = create<GraphUiState>()((set) => ({
  view: 'cluster',
  collapse: {},
  legendOpen: true,
  setView: (view) => set({ view }),
  setCollapsed: (collapseKey, collapsed) => set((s) => ({ collapse: { ...s.collapse, [collapseKey]: collapsed } })),
  setLegendOpen: (legendOpen) => set({ legendOpen }),
}));
