/**
 * The DaemonSet RollingUpdate arithmetic: how many pods may be unavailable or surged, and which old pods to delete
 * and which nodes get a new pod in one sync. Pure: the controller supplies the pods per node and the clock.
 * Models pkg/controller/daemon/update.go (rollingUpdate, findUpdatedPodsOnNode, updatedDesiredNodeCounts).
 * Divergence: Go ranges over the node-to-pods map in random order, so which candidates win when the budget is
 * short varies between runs; nodes are visited in name order here to keep runs reproducible.
 */
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types';
import { isPodAvailable } from '../replicaset/pod-utils';
import type { Fallible } from '../deployment/util/int-or-string';
import { getTemplateGeneration, isPodUpdated, surgeCount, unavailableCount } from './util/daemonset-util';

/** A pod as stored by the apiserver. */
export type DaemonPod = Pod & KubeObject;

/** The rollout budget of one sync. */
export interface UpdateBudget {
  maxSurge: number;
  maxUnavailable: number;
  desiredNumberScheduled: number;
}

/**
 * Models updatedDesiredNodeCounts: counts the nodes that should run the pod, gives each of them an entry in
 * `nodeToDaemonPods` (empty when it has no pod yet), and resolves maxSurge and maxUnavailable against that count.
 * A DaemonSet that allows neither falls back to one unavailable pod.
 */
export function updatedDesiredNodeCounts(ds: DaemonSet, nodeNames: readonly string[], shouldRun: (node: string) => boolean, nodeToDaemonPods: Map<string, DaemonPod[]>): Fallible<UpdateBudget> {
  let desiredNumberScheduled = 0;
  for (const name of nodeNames) {
    if (!shouldRun(name)) continue;
    desiredNumberScheduled++;
    if (!nodeToDaemonPods.has(name)) nodeToDaemonPods.set(name, []);
  }
  const unav = unavailableCount(ds, desiredNumberScheduled);
  if (!unav.ok) return { ok: false, error: `invalid value for MaxUnavailable: ${unav.error}` };
  const surge = surgeCount(ds, desiredNumberScheduled);
  if (!surge.ok) return { ok: false, error: `invalid value for MaxSurge: ${surge.error}` };
  let maxUnavailable = unav.value;
  if (desiredNumberScheduled > 0 && maxUnavailable === 0 && surge.value === 0) maxUnavailable = 1;
  return { ok: true, value: { maxSurge: surge.value, maxUnavailable, desiredNumberScheduled } };
}

/** The new (up to date) and old pod on one node; `ok` is false when a node has more than one of either. */
export interface PodsOnNode {
  newPod?: DaemonPod;
  oldPod?: DaemonPod;
  ok: boolean;
}

/** Models findUpdatedPodsOnNode: ignores pods being deleted. */
export function findUpdatedPodsOnNode(ds: DaemonSet, pods: readonly DaemonPod[], hash: string): PodsOnNode {
  let newPod: DaemonPod | undefined;
  let oldPod: DaemonPod | undefined;
  const generation = getTemplateGeneration(ds);
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    if (isPodUpdated(pod, hash, generation)) {
      if (newPod) return { ok: false };
      newPod = pod;
    } else {
      if (oldPod) return { ok: false };
      oldPod = pod;
    }
  }
  return { newPod, oldPod, ok: true };
}

/** What one rolling-update step does: pods to delete (by name) and nodes that get a new pod. */
export interface RollingUpdatePlan {
  podsToDelete: string[];
  nodesToCreate: string[];
}

/** Inputs of a rolling-update step. */
export interface RollingUpdateInput {
  ds: DaemonSet;
  hash: string;
  /** Daemon pods per node, with an entry for every node that should run one (see updatedDesiredNodeCounts). */
  nodeToDaemonPods: ReadonlyMap<string, readonly DaemonPod[]>;
  budget: UpdateBudget;
  nowMs: number;
  /** NodeShouldRunDaemonPod's shouldRun for a node; undefined when the node does not exist. */
  shouldRun: (node: string) => boolean | undefined;
}

/**
 * Models rollingUpdate. Without surge, old pods are deleted while fewer than maxUnavailable nodes are unavailable
 * (unavailable old pods always go) and the manage loop recreates them. With surge, a new pod is started next to an
 * old one (at most maxSurge at a time, immediately where the old pod is unavailable) and the old pod is deleted
 * once the new one is available.
 */
export function planRollingUpdate(input: RollingUpdateInput): Fallible<RollingUpdatePlan> {
  const { ds, hash, budget, nowMs } = input;
  const minReadySeconds = ds.spec?.minReadySeconds ?? 0;
  const available = (p: DaemonPod) => isPodAvailable(p, minReadySeconds, nowMs);
  const nodes = [...input.nodeToDaemonPods.keys()].sort();

  if (budget.maxSurge === 0) {
    let numUnavailable = 0;
    const allowedReplacementPods: string[] = [];
    const candidatePodsToDelete: string[] = [];
    for (const node of nodes) {
      const { newPod, oldPod, ok } = findUpdatedPodsOnNode(ds, input.nodeToDaemonPods.get(node)!, hash);
      if (!ok) {
        // Excess pods: the manage loop prunes them first; the node counts as unavailable meanwhile.
        numUnavailable++;
        continue;
      }
      if ((!oldPod && !newPod) || (oldPod && newPod)) {
        numUnavailable++;
      } else if (newPod) {
        if (!available(newPod)) numUnavailable++;
      } else if (oldPod) {
        if (!available(oldPod)) {
          allowedReplacementPods.push(oldPod.metadata.name);
          numUnavailable++;
        } else if (numUnavailable < budget.maxUnavailable) {
          candidatePodsToDelete.push(oldPod.metadata.name);
        }
      }
    }
    const remaining = Math.min(Math.max(budget.maxUnavailable - numUnavailable, 0), candidatePodsToDelete.length);
    return { ok: true, value: { podsToDelete: [...allowedReplacementPods, ...candidatePodsToDelete.slice(0, remaining)], nodesToCreate: [] } };
  }

  const oldPodsToDelete: string[] = [];
  const shouldNotRunPodsToDelete: string[] = [];
  const candidateNewNodes: string[] = [];
  const allowedNewNodes: string[] = [];
  let numSurge = 0;
  let numAvailable = 0;
  for (const node of nodes) {
    const { newPod, oldPod, ok } = findUpdatedPodsOnNode(ds, input.nodeToDaemonPods.get(node)!, hash);
    if (!ok) {
      numSurge++;
      continue;
    }
    // Availability counts every node, including ones being sunset by a scheduling change.
    if (oldPod) {
      if (available(oldPod)) numAvailable++;
    } else if (newPod && available(newPod)) {
      numAvailable++;
    }
    if (!oldPod) continue;
    if (!newPod) {
      const shouldRun = input.shouldRun(node);
      if (shouldRun === undefined) return { ok: false, error: `couldn't get node for nodeName "${node}": node "${node}" not found` };
      if (!available(oldPod)) {
        if (!shouldRun) oldPodsToDelete.push(oldPod.metadata.name);
        else allowedNewNodes.push(node);
        continue;
      }
      if (!shouldRun) {
        shouldNotRunPodsToDelete.push(oldPod.metadata.name);
        continue;
      }
      if (numSurge >= budget.maxSurge) continue;
      candidateNewNodes.push(node);
      continue;
    }
    // Already surged onto this node: wait for the new pod, then retire the old one.
    if (!available(newPod)) {
      numSurge++;
      continue;
    }
    oldPodsToDelete.push(oldPod.metadata.name);
  }
  // With surge the owner expects full availability: a pod on a node that no longer qualifies goes only once
  // enough pods are available elsewhere.
  const deletable = Math.min(numAvailable - budget.desiredNumberScheduled, shouldNotRunPodsToDelete.length);
  if (deletable > 0) oldPodsToDelete.push(...shouldNotRunPodsToDelete.slice(0, deletable));
  const remainingSurge = Math.min(Math.max(budget.maxSurge - numSurge, 0), candidateNewNodes.length);
  return { ok: true, value: { podsToDelete: oldPodsToDelete, nodesToCreate: [...allowedNewNodes, ...candidateNewNodes.slice(0, remainingSurge)] } };
}
