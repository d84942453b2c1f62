/**
 * The Workloads view: one block per workload, flowing left to right in rows. A Deployment card with its
 * ReplicaSets side by side below it (oldest revision on the left, so a rollout reads left to right), each
 * ReplicaSet holding its pods; StatefulSets (pods at their ordinals), DaemonSets and Jobs hold their pods
 * themselves; a CronJob has its recent Jobs below it; pods without a controller share one card. Blocks are ordered
 * by kind, namespace and name.
 */
import type { KubeObject } from '../../../../engine';
import { objectId } from '../../../../protocol/messages';
import { COMFORTABLE_MAX, LANE_GAP, LANE_WIDTH, groupsHeight } from './geometry';
import { ofKind, type GraphIndex } from './graph-index';
import { groupPods } from './groups';
import type { SlotMap } from './slots';
import type { Density, LayoutEdge, LayoutNode, LayoutOptions, PodGroup, ViewLayout, WorkloadData } from './types';

/** Width of a Deployment or CronJob card (cards that hold no pods). */
export const PARENT_CARD_WIDTH = 220;
/** Height of a Deployment or CronJob card. */
export const PARENT_CARD_HEIGHT = 118;
/** Height of the header of a card that holds pods. */
export const POD_CARD_HEADER = 62;
/** Vertical gap between rows of blocks. */
export const ROW_GAP = 32;
/** Vertical gap between a parent card and its children. */
const CHILD_GAP = 40;
/** At most this many of a CronJob's Jobs are drawn (the newest). */
const MAX_CRON_JOBS = 3;

/** The id of the card for pods without a controller in `namespace`. */
export function standaloneCardId(namespace: string): string {
  return `pods:standalone/${namespace || '*'}`;
}

const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';

function revisionOf(rs: KubeObject): number {
  return Number(rs.metadata.annotations?.[REVISION_ANNOTATION] ?? 0) || 0;
}

function replicasOf(obj: KubeObject): number {
  return (obj.spec as { replicas?: number } | undefined)?.replicas ?? 0;
}

function densityFor(count: number): Density {
  return count > COMFORTABLE_MAX ? 'compact' : 'comfortable';
}

function creationOf(obj: KubeObject): string {
  return obj.metadata.creationTimestamp ?? '';
}

/** One workload's boxes, positioned relative to the block's top-left corner. */
interface Block {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  width: number;
  height: number;
}

/** Blocks flow left to right and wrap past this width, filling a landscape panel instead of one tall column. */
export const MAX_ROW_WIDTH = 980;
/** Horizontal gap between blocks. */
const BLOCK_GAP = 48;

/** Places blocks in rows (in order), returning absolute boxes. */
function pack(blocks: readonly Block[]): { nodes: LayoutNode[]; edges: LayoutEdge[] } {
  const nodes: LayoutNode[] = [];
  const edges: LayoutEdge[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const b of blocks) {
    if (x > 0 && x + b.width > MAX_ROW_WIDTH) {
      x = 0;
      y += rowHeight + ROW_GAP;
      rowHeight = 0;
    }
    for (const n of b.nodes) nodes.push({ ...n, x: n.x + x, y: n.y + y });
    edges.push(...b.edges);
    x += b.width + BLOCK_GAP;
    rowHeight = Math.max(rowHeight, b.height);
  }
  return { nodes, edges };
}

/** Lays out the Workloads view. */
export function layoutWorkloads(ix: GraphIndex, opts: LayoutOptions): ViewLayout {
  const ns = opts.namespace;
  const slotsOut = new Map<string, SlotMap>();
  const blocks: Block[] = [];

  const children = (owner: KubeObject, kind: string) => ix.childrenOf(owner.metadata.uid ?? '').filter((c) => c.kind === kind);
  const podCard = (id: string, pods: readonly KubeObject[], ordinalCells = false): { groups: PodGroup[]; density: Density; height: number; showHeaders: boolean } => {
    const density = densityFor(pods.length);
    const groups = groupPods(ix, pods, { container: id, prevSlots: opts.prevSlots, slotsOut, collapse: opts.collapse, ordinalCells });
    // A card of one owner names it in its title; headers only help when owners mix (the loose-pods card).
    const showHeaders = groups.length > 1;
    return { groups, density, showHeaders, height: POD_CARD_HEADER + groupsHeight(groups, density, showHeaders) };
  };
  const parentRow = (parent: KubeObject, kids: readonly KubeObject[], hidden: number, kidData: (k: KubeObject) => Partial<WorkloadData>) => {
    const parentId = objectId(parent);
    const nodes: LayoutNode[] = [];
    const edges: LayoutEdge[] = [];
    const kidsWidth = kids.length * LANE_WIDTH + Math.max(0, kids.length - 1) * LANE_GAP;
    const width = Math.max(kidsWidth, PARENT_CARD_WIDTH);
    const childY = PARENT_CARD_HEIGHT + CHILD_GAP;
    let childHeight = 0;
    kids.forEach((kid, i) => {
      const id = objectId(kid);
      const card = podCard(id, children(kid, 'Pod'));
      childHeight = Math.max(childHeight, card.height);
      const data: WorkloadData = { obj: kid, groups: card.groups, density: card.density, showHeaders: card.showHeaders, handles: 'child', ...kidData(kid) };
      nodes.push({ id, type: 'workload', x: Math.round((width - kidsWidth) / 2) + i * (LANE_WIDTH + LANE_GAP), y: childY, width: LANE_WIDTH, height: card.height, data });
      edges.push({ id: `owner:${parentId}->${id}`, source: parentId, target: id, kind: 'owner' });
    });
    const data: WorkloadData = { obj: parent, density: 'comfortable', handles: 'parent', ...(hidden > 0 ? { hiddenChildren: hidden } : {}) };
    // The parent sits centred over its children.
    nodes.push({ id: parentId, type: 'workload', x: Math.round((width - PARENT_CARD_WIDTH) / 2), y: 0, width: PARENT_CARD_WIDTH, height: PARENT_CARD_HEIGHT, data });
    blocks.push({ nodes, edges, width, height: kids.length > 0 ? childY + childHeight : PARENT_CARD_HEIGHT });
  };
  const selfRow = (obj: KubeObject, ordinalCells = false) => {
    const id = objectId(obj);
    const card = podCard(id, children(obj, 'Pod'), ordinalCells);
    const data: WorkloadData = { obj, groups: card.groups, density: card.density, showHeaders: card.showHeaders };
    blocks.push({ nodes: [{ id, type: 'workload', x: 0, y: 0, width: LANE_WIDTH, height: card.height, data }], edges: [], width: LANE_WIDTH, height: card.height });
  };

  for (const d of ofKind(ix, 'Deployment', ns)) {
    const all = children(d, 'ReplicaSet');
    const newest = Math.max(0, ...all.map(revisionOf));
    // Old ReplicaSets scaled to zero are history, not state: show them only while they still have pods.
    const shown = all
      .filter((rs) => replicasOf(rs) > 0 || children(rs, 'Pod').length > 0 || revisionOf(rs) === newest)
      .sort((a, b) => revisionOf(a) - revisionOf(b) || (a.metadata.name < b.metadata.name ? -1 : 1));
    parentRow(d, shown, all.length - shown.length, (rs) => ({ revision: String(revisionOf(rs) || ''), isCurrent: revisionOf(rs) === newest }));
  }
  // ReplicaSets nobody controls are workloads of their own.
  for (const rs of ofKind(ix, 'ReplicaSet', ns)) if (!rs.metadata.ownerReferences?.some((r) => r.controller)) selfRow(rs);
  for (const s of ofKind(ix, 'StatefulSet', ns)) selfRow(s, true);
  for (const d of ofKind(ix, 'DaemonSet', ns)) selfRow(d);
  for (const cj of ofKind(ix, 'CronJob', ns)) {
    const jobs = [...children(cj, 'Job')].sort((a, b) => creationOf(a).localeCompare(creationOf(b)) || (a.metadata.name < b.metadata.name ? -1 : 1));
    const shown = jobs.slice(-MAX_CRON_JOBS);
    parentRow(cj, shown, jobs.length - shown.length, () => ({}));
  }
  for (const j of ofKind(ix, 'Job', ns)) if (!j.metadata.ownerReferences?.some((r) => r.controller)) selfRow(j);

  const loose = ofKind(ix, 'Pod', ns).filter((p) => {
    const ref = p.metadata.ownerReferences?.find((r) => r.controller);
    // Static pods (owned by their Node) have no workload card either.
    return !ref || ref.kind === 'Node';
  });
  if (loose.length > 0) {
    const id = standaloneCardId(ns);
    const card = podCard(id, loose);
    const data: WorkloadData = { groups: card.groups, density: card.density, showHeaders: card.showHeaders, title: 'standalone' };
    blocks.push({ nodes: [{ id, type: 'workload', x: 0, y: 0, width: LANE_WIDTH, height: card.height, data }], edges: [], width: LANE_WIDTH, height: card.height });
  }
  return { ...pack(blocks), slots: slotsOut };
}
