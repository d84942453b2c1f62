/**
 * Panel sizes and visibility (editor | graph | inspector above the dock), and the dock's tab. Saved with the
 * workspace settings.
 */
import { create } from 'zustand';
import type { DockTab, LayoutSettings } from '../persistence/workspace';

/** Sizes that suit a 1280×720 projector: the graph gets what the side panels leave. */
export const DEFAULT_LAYOUT: LayoutSettings = {
  editorWidth: 380,
  inspectorWidth: 340,
  dockHeight: 220,
  editorCollapsed: false,
  inspectorCollapsed: false,
  dockCollapsed: false,
  dockTab: 'terminal',
};

/** Limits that keep every panel usable. */
export const LAYOUT_LIMITS = {
  sideMin: 220,
  sideMax: 720,
  dockMin: 120,
  dockMax: 640,
  /** The graph keeps at least this width. */
  graphMin: 320,
} as const;

export interface LayoutState extends LayoutSettings {
  set(patch: Partial<LayoutSettings>): void;
  toggle(panel: 'editor' | 'inspector' | 'dock'): void;
  showDockTab(tab: DockTab): void;
}

/** Keeps saved sizes inside the limits (a workspace from a wider screen). */
export function clampLayout(l: LayoutSettings): LayoutSettings {
  const clamp = (v: unknown, lo: number, hi: number, dflt: number) => (typeof v === 'number' && Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : dflt);
  const tabs: DockTab[] = ['terminal', 'events', 'charts'];
  return {
    editorWidth: clamp(l.editorWidth, LAYOUT_LIMITS.sideMin, LAYOUT_LIMITS.sideMax, DEFAULT_LAYOUT.editorWidth),
    inspectorWidth: clamp(l.inspectorWidth, LAYOUT_LIMITS.sideMin, LAYOUT_LIMITS.sideMax, DEFAULT_LAYOUT.inspectorWidth),
    dockHeight: clamp(l.dockHeight, LAYOUT_LIMITS.dockMin, LAYOUT_LIMITS.dockMax, DEFAULT_LAYOUT.dockHeight),
    editorCollapsed: Boolean(l.editorCollapsed),
    inspectorCollapsed: Boolean(l.inspectorCollapsed),
    dockCollapsed: Boolean(l.dockCollapsed),
    dockTab: tabs.includes(l.dockTab) ? l.dockTab : 'terminal',
  };
}

export const useLayoutStore = create<LayoutState>()((set) => ({
  ...DEFAULT_LAYOUT,
  set: (patch) => set(patch),
  toggle: (panel) =>
    set((s) => (panel === 'editor' ? { editorCollapsed: !s.editorCollapsed } : panel === 'inspector' ? { inspectorCollapsed: !s.inspectorCollapsed } : { dockCollapsed: !s.dockCollapsed })),
  showDockTab: (tab) => set({ dockTab: tab, dockCollapsed: false }),
}));

/** The persisted part of the layout state. */
export function layoutSettings(s: LayoutSettings): LayoutSettings {
  return {
    editorWidth: s.editorWidth,
    inspectorWidth: s.inspectorWidth,
    dockHeight: s.dockHeight,
    editorCollapsed: s.editorCollapsed,
    inspectorCollapsed: s.inspectorCollapsed,
    dockCollapsed: s.dockCollapsed,
    dockTab: s.dockTab,
  };
}
