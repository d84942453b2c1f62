/**
 * The Cluster view: one lane per node (control plane first, then workers by name), each holding its pods grouped
 * by controller, and an "unscheduled" tray to the right while pods wait for a node. Lanes have a fixed width and a
 * fixed order, so they never move; pods keep their cells.
 */
import type { KubeObject } from '../../../../engine';
import { objectId } from '../../../../protocol/messages';
import { COMFORTABLE_MAX, FIT_PADDING, LANE_GAP, LANE_HEADER, LANE_WIDTH, MAX_FIT_ZOOM, TRAY_HEADER, groupsHeight } from './geometry';
import type { GraphIndex } from './graph-index';
import { groupPods } from './groups';
import { isPodTerminal, nodeAllocatable, sumRequests } from './resources';
import type { SlotMap } from './slots';
import type { Density, LaneData, LayoutNode, LayoutOptions, ViewLayout } from './types';

/** The React Flow id of the unscheduled tray (it stands for no object). */
export const UNSCHEDULED_LANE_ID = 'lane:unscheduled';

const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane';

/** Nodes in lane order: control-plane nodes first, then by name. */
export function laneOrder(nodes: readonly KubeObject[]): KubeObject[] {
  const isCp = (n: KubeObject) => n.metadata.labels?.[CONTROL_PLANE_LABEL] !== undefined;
  return [...nodes].sort((a, b) => Number(isCp(b)) - Number(isCp(a)) || (a.metadata.name < b.metadata.name ? -1 : 1));
}

function visible(pods: readonly KubeObject[], namespace: string): readonly KubeObject[] {
  return namespace === '' ? pods : pods.filter((p) => p.metadata.namespace === namespace);
}

/** A different number of lanes per row must enlarge the picture by this factor to be worth the move. */
const COLUMN_SWITCH_GAIN = 1.12;
/** Vertical gap between rows of lanes. */
export const LANE_ROW_GAP = 28;

/** The zoom at which `cells` lanes of `cellHeight`, `columns` to a row, fit the viewport. */
export function fitZoom(cells: number, columns: number, cellHeight: number, viewport: { width: number; height: number }): number {
  const rows = Math.ceil(cells / columns);
  const w = columns * LANE_WIDTH + (columns - 1) * LANE_GAP;
  const h = rows * cellHeight + (rows - 1) * LANE_ROW_GAP;
  return Math.min(MAX_FIT_ZOOM, (viewport.width - FIT_PADDING.x) / w, (viewport.height - FIT_PADDING.y) / h);
}

/**
 * Lanes per row that show them biggest in the viewport: one row on a wide stage, two rows of two on a narrow one.
 * The previous choice stays unless another is clearly better, so the picture does not flip as pods come and go.
 */
export function bestColumns(cells: number, cellHeight: number, viewport: { width: number; height: number } | undefined, previous: number | undefined): number {
  if (cells <= 1 || !viewport || viewport.width <= 0 || viewport.height <= 0) return Math.max(1, cells);
  // One row of swimlanes is the picture to beat.
  previous ??= cells;
  let best = cells;
  let bestZoom = fitZoom(cells, cells, cellHeight, viewport);
  for (let c = cells - 1; c >= 1; c--) {
    const z = fitZoom(cells, c, cellHeight, viewport);
    if (z > bestZoom + 1e-9) {
      best = c;
      bestZoom = z;
    }
  }
  if (previous !== undefined && previous >= 1 && previous <= cells && previous !== best) {
    if (bestZoom < fitZoom(cells, previous, cellHeight, viewport) * COLUMN_SWITCH_GAIN) return previous;
  }
  return best;
}

/** Lays out the Cluster view. */
export function layoutCluster(ix: GraphIndex, opts: LayoutOptions): ViewLayout {
  const nodes = laneOrder(ix.kind('Node'));
  const slotsOut = new Map<string, SlotMap>();
  const lanePods = nodes.map((n) => visible(ix.podsOnNode(n.metadata.name), opts.namespace));
  // Pods without a node that are still waiting (a finished pod that never ran is not "waiting").
  const waiting = visible(ix.podsOnNode(''), opts.namespace).filter((p) => !isPodTerminal(p));
  const busiest = Math.max(waiting.length, ...lanePods.map((p) => p.length));
  const density: Density = busiest > COMFORTABLE_MAX ? 'compact' : 'comfortable';

  const lanes = nodes.map((node, i) => {
    const id = objectId(node);
    const groups = groupPods(ix, lanePods[i]!, { container: id, prevSlots: opts.prevSlots, slotsOut, collapse: opts.collapse });
    return { node, id, groups };
  });
  // Lanes share one height so they read as a row of swimlanes.
  const bodyHeight = Math.max(...lanes.map((l) => groupsHeight(l.groups, density)), groupsHeight([], density));
  const out: LayoutNode[] = lanes.map(({ node, id, groups }) => {
    const data: LaneData = {
      node,
      groups,
      density,
      requested: sumRequests(ix.podsOnNode(node.metadata.name)),
      allocatable: nodeAllocatable(node),
      bodyHeight,
    };
    return { id, type: 'lane', x: 0, y: 0, width: LANE_WIDTH, height: LANE_HEADER + bodyHeight, data };
  });
  if (waiting.length > 0) {
    const groups = groupPods(ix, waiting, { container: UNSCHEDULED_LANE_ID, prevSlots: opts.prevSlots, slotsOut, collapse: opts.collapse });
    const trayBody = groupsHeight(groups, density);
    const data: LaneData = { groups, density, requested: { cpuMilli: 0, memBytes: 0 }, allocatable: { cpuMilli: 0, memBytes: 0 }, bodyHeight: trayBody };
    out.push({ id: UNSCHEDULED_LANE_ID, type: 'tray', x: 0, y: 0, width: LANE_WIDTH, height: TRAY_HEADER + trayBody, data });
  }
  // Lanes fill rows in order (the tray last); each row is as tall as its tallest box.
  const columns = bestColumns(out.length, LANE_HEADER + bodyHeight, opts.viewport, opts.prevColumns);
  let y = 0;
  for (let row = 0; row * columns < out.length; row++) {
    const cells = out.slice(row * columns, (row + 1) * columns);
    cells.forEach((n, col) => {
      n.x = col * (LANE_WIDTH + LANE_GAP);
      n.y = y;
    });
    y += Math.max(...cells.map((n) => n.height)) + LANE_ROW_GAP;
  }
  return { nodes: out, edges: [], slots: slotsOut, columns };
}
