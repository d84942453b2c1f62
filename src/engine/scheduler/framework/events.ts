/**
 * Cluster events that can make an unschedulable pod schedulable, and how node/pod updates are classified.
 * Models k8s.io/kube-scheduler/framework events.go (ActionType, EventResource, ClusterEvent) and
 * pkg/scheduler/framework/events.go (NodeSchedulingPropertiesChange, PodSchedulingPropertiesChange).
 */
import type { KubeObject } from '../../api/types';
import type { NodeObject } from './node-info';
import type { PodObject } from './pod-info';

/** Bit flags for what happened to an object. */
export const ActionType = {
  Add: 1 << 0,
  Delete: 1 << 1,
  UpdateNodeAllocatable: 1 << 2,
  UpdateNodeLabel: 1 << 3,
  UpdateNodeTaint: 1 << 4,
  UpdateNodeCondition: 1 << 5,
  UpdateNodeAnnotation: 1 << 6,
  UpdatePodLabel: 1 << 7,
  UpdatePodScaleDown: 1 << 8,
  UpdatePodToleration: 1 << 9,
  UpdatePodSchedulingGatesEliminated: 1 << 10,
  /** Any other spec change. */
  UpdateOther: 1 << 11,
  Update: (1 << 2) | (1 << 3) | (1 << 4) | (1 << 5) | (1 << 6) | (1 << 7) | (1 << 8) | (1 << 9) | (1 << 10) | (1 << 11),
  All: (1 << 12) - 1,
} as const;

/**
 * What an event is about. `Pod` in a registration matches both `AssignedPod` (pods on nodes) and
 * `UnscheduledPod` (the pending pod itself).
 */
export type EventResource = 'Pod' | 'AssignedPod' | 'UnscheduledPod' | 'Node' | 'Namespace' | StorageEventResource | '*';

/** Storage kinds a plugin (VolumeBinding) may register events for; the scheduler watches them when one does. */
export type StorageEventResource = 'PersistentVolumeClaim' | 'PersistentVolume' | 'StorageClass';

/** The kinds of StorageEventResource, for the scheduler's watches. */
export const STORAGE_EVENT_RESOURCES: readonly StorageEventResource[] = ['PersistentVolumeClaim', 'PersistentVolume', 'StorageClass'];

/** One kind of change. */
export interface ClusterEvent {
  readonly resource: EventResource;
  readonly actionType: number;
  /** A label for logs and the "why" panel (`NodeAdd`, `AssignedPodDelete`). */
  readonly label: string;
}

/** Models ClusterEvent.Match: does a registered event cover an incoming one? */
export function eventMatches(registered: ClusterEvent, incoming: ClusterEvent): boolean {
  const resourceOk =
    registered.resource === '*' ||
    registered.resource === incoming.resource ||
    (registered.resource === 'Pod' && (incoming.resource === 'AssignedPod' || incoming.resource === 'UnscheduledPod'));
  return resourceOk && (registered.actionType & incoming.actionType) !== 0;
}

/** Well-known incoming events. */
export const EVENT_NODE_ADD: ClusterEvent = { resource: 'Node', actionType: ActionType.Add, label: 'NodeAdd' };
export const EVENT_ASSIGNED_POD_ADD: ClusterEvent = { resource: 'AssignedPod', actionType: ActionType.Add, label: 'AssignedPodAdd' };
export const EVENT_ASSIGNED_POD_DELETE: ClusterEvent = { resource: 'AssignedPod', actionType: ActionType.Delete, label: 'AssignedPodDelete' };
/** Moves every unschedulable pod (the periodic flush). */
export const EVENT_UNSCHEDULABLE_TIMEOUT: ClusterEvent = { resource: '*', actionType: ActionType.All, label: 'UnschedulableTimeout' };

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function sameMap(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  const ak = a ? Object.keys(a) : [];
  const bk = b ? Object.keys(b) : [];
  if (ak.length !== bk.length) return false;
  for (const k of ak) if (a![k] !== b?.[k]) return false;
  return true;
}

/**
 * The action bits of a node update; 0 when nothing the scheduler cares about changed (heartbeats).
 * Models NodeSchedulingPropertiesChange: spec.unschedulable counts as a taint change.
 */
export function nodeUpdateActions(oldNode: NodeObject, newNode: NodeObject): number {
  let a = 0;
  if (!sameJson(oldNode.status?.allocatable, newNode.status?.allocatable)) a |= ActionType.UpdateNodeAllocatable;
  if (!sameMap(oldNode.metadata.labels, newNode.metadata.labels)) a |= ActionType.UpdateNodeLabel;
  if (!sameJson(oldNode.spec?.taints, newNode.spec?.taints) || !!oldNode.spec?.unschedulable !== !!newNode.spec?.unschedulable) a |= ActionType.UpdateNodeTaint;
  const conds = (n: NodeObject) => (n.status?.conditions ?? []).map((c) => `${c.type}=${c.status}`).sort().join(',');
  if (conds(oldNode) !== conds(newNode)) a |= ActionType.UpdateNodeCondition;
  if (!sameMap(oldNode.metadata.annotations, newNode.metadata.annotations)) a |= ActionType.UpdateNodeAnnotation;
  return a;
}

/**
 * The action bits of an update to a pending pod's own spec or labels; 0 for status-only writes, which must not
 * requeue the pod. Models PodSchedulingPropertiesChange and isPodUpdated.
 */
export function unscheduledPodUpdateActions(oldPod: PodObject, newPod: PodObject): number {
  let a = 0;
  if (!sameMap(oldPod.metadata.labels, newPod.metadata.labels)) a |= ActionType.UpdatePodLabel;
  if (!sameJson(oldPod.spec?.tolerations, newPod.spec?.tolerations)) a |= ActionType.UpdatePodToleration;
  if ((oldPod.spec?.schedulingGates?.length ?? 0) > 0 && (newPod.spec?.schedulingGates?.length ?? 0) === 0) a |= ActionType.UpdatePodSchedulingGatesEliminated;
  if (a === 0 && (oldPod.metadata.generation !== newPod.metadata.generation || !sameMap(oldPod.metadata.annotations, newPod.metadata.annotations))) a |= ActionType.UpdateOther;
  return a;
}

/** Builds an event value. */
export function clusterEvent(resource: EventResource, actionType: number, label: string): ClusterEvent {
  return { resource, actionType, label };
}

/** Convenience for hints: the object narrowed to a node (or undefined). */
export function asNode(o: KubeObject | undefined): NodeObject | undefined {
  return o as NodeObject | undefined;
}

/** Convenience for hints: the object narrowed to a pod (or undefined). */
export function asPod(o: KubeObject | undefined): PodObject | undefined {
  return o as PodObject | undefined;
}
