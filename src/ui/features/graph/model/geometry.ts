/**
 * Sizes shared by the layouts (which position boxes) and the components (which draw them), so a box is exactly as
 * tall as the layout planned and nothing overlaps.
 */
import type { Density, PodGroup } from './types';

/** Width of a node lane and of every card that holds pods. */
export const LANE_WIDTH = 216;
/** Padding inside a lane or card around the pod area. */
export const LANE_PAD = 10;
/** Width available to pod chips inside a lane. */
export const GRID_WIDTH = LANE_WIDTH - 2 * LANE_PAD;
/** Horizontal gap between lanes (and between cards in a row). */
export const LANE_GAP = 20;
/** Height of a node lane's header (name, role, Ready, version, CPU and memory bars). */
export const LANE_HEADER = 90;
/** Height of the unscheduled tray's header. */
export const TRAY_HEADER = 106;
/** Minimum height of an empty pod area (room for "no pods" text). */
export const EMPTY_BODY = 44;

/** Chip sizes per density: a full-width row (name and STATUS) or a small square (shape only). */
export const CHIP: Record<Density, { w: number; h: number; gap: number }> = {
  comfortable: { w: GRID_WIDTH, h: 26, gap: 4 },
  compact: { w: 20, h: 20, gap: 4 },
};
/** Height of a group header line ("web · Deployment"). */
export const GROUP_HEADER = 20;
/** Gap between groups. */
export const GROUP_GAP = 8;
/** Height of a collapsed group's counter chip. */
export const COUNTER_HEIGHT = 30;

/** More visible pods than this in any lane switches the view to compact chips. */
export const COMFORTABLE_MAX = 12;
/** A group with more pods than this starts collapsed into a counter (unless the user expanded it). */
export const AUTO_COLLAPSE_AT = 40;

/** Screen pixels the fitted picture keeps free around it (the zoom controls sit on the left). */
export const FIT_PADDING = { x: 68, y: 32 };
/** The fitted picture is never blown up beyond this zoom. */
export const MAX_FIT_ZOOM = 1.15;

/** Chips per row. */
export function columns(density: Density): number {
  const c = CHIP[density];
  return Math.max(1, Math.floor((GRID_WIDTH + c.gap) / (c.w + c.gap)));
}

/** Position of a cell inside its group's grid. */
export function cellPosition(slot: number, density: Density): { x: number; y: number } {
  const c = CHIP[density];
  const cols = columns(density);
  return { x: (slot % cols) * (c.w + c.gap), y: Math.floor(slot / cols) * (c.h + c.gap) };
}

/** Height of one group's grid (without header). */
export function gridHeight(cells: number, density: Density): number {
  if (cells === 0) return 0;
  const c = CHIP[density];
  const rows = Math.ceil(cells / columns(density));
  return rows * c.h + (rows - 1) * c.gap;
}

/** Height of a group: its header (unless hidden) plus the grid, or plus the counter when collapsed. */
export function groupHeight(g: PodGroup, density: Density, withHeader = true): number {
  return (withHeader ? GROUP_HEADER : 0) + (g.collapsed ? COUNTER_HEIGHT : gridHeight(g.cells, density));
}

/** Height of a pod area holding `groups`, padding included. */
export function groupsHeight(groups: readonly PodGroup[], density: Density, withHeaders = true): number {
  if (groups.length === 0) return EMPTY_BODY;
  let h = 2 * LANE_PAD;
  groups.forEach((g, i) => {
    h += groupHeight(g, density, withHeaders) + (i > 0 ? GROUP_GAP : 0);
  });
  return h;
}
