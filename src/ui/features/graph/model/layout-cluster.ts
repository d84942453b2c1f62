/**
 * The Cluster view: one lane per node (control plane first, then workers by name), each holding its pods grouped
 * by controller, and an "unscheduled" tray to the right while pods wait for a node. Lanes have a fixed width and a
 * fixed order, so they never move; pods keep their cells.
 */
import type { KubeObject } from '../../../../engine';
import { objectId } from '../../../../protocol/messages';
import { COMFORTABLE_MAX, LANE_GAP, LANE_HEADER, LANE_WIDTH, TRAY_HEADER, groupsHeight } from './geometry';
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
  const out: LayoutNode[] = lanes.map(({ node, id, groups }, i) => {
    const data: LaneData = {
      node,
      groups,
      density,
      requested: sumRequests(ix.podsOnNode(node.metadata.name)),
      allocatable: nodeAllocatable(node),
      bodyHeight,
    };
    return { id, type: 'lane', x: i * (LANE_WIDTH + LANE_GAP), y: 0, width: LANE_WIDTH, height: LANE_HEADER + bodyHeight, data };
  });
  if (waiting.length > 0) {
    const groups = groupPods(ix, waiting, { container: UNSCHEDULED_LANE_ID, prevSlots: opts.prevSlots, slotsOut, collapse: opts.collapse });
    const trayBody = groupsHeight(groups, density);
    const data: LaneData = { groups, density, requested: { cpuMilli: 0, memBytes: 0 }, allocatable: { cpuMilli: 0, memBytes: 0 }, bodyHeight: trayBody };
    out.push({ id: UNSCHEDULED_LANE_ID, type: 'tray', x: nodes.length * (LANE_WIDTH + LANE_GAP), y: 0, width: LANE_WIDTH, height: TRAY_HEADER + trayBody, data });
  }
  return { nodes: out, edges: [], slots: slotsOut };
}
