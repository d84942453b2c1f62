/**
 * Scaling without a rollout (replicas changed, or the Deployment is paused), history cleanup, and the status
 * computed from the ReplicaSets.
 * Models pkg/controller/deployment/sync.go (scale, cleanupDeployment, calculateStatus).
 */
import type { DeploymentStatus } from 'kubernetes-types/apps/v1';
import { replicasOf } from '../replicaset/replica-set-status';
import { scaleReplicaSetAndRecordEvent, type RolloutOps, type ScaleOps, type ScalingOperation } from './ops';
import {
  compareByRevision,
  compareBySizeNewer,
  compareBySizeOlder,
  deploymentReplicas,
  filterActiveReplicaSets,
  findActiveOrLatest,
  getActualReplicaCountForReplicaSets,
  getAvailableReplicaCountForReplicaSets,
  getProportion,
  getReadyReplicaCountForReplicaSets,
  getReplicaCountForReplicaSets,
  hasRevisionHistoryLimit,
  isRollingUpdate,
  isSaturated,
  maxSurge,
  maxUnavailable,
  newDeploymentCondition,
  Reasons,
  setDeploymentCondition,
  type StoredDeployment,
  type StoredReplicaSet,
} from './util/deployment-util';

/**
 * Models scale: brings the ReplicaSets to the Deployment's size without rolling. One active (or no active)
 * ReplicaSet takes the whole count; a saturated new ReplicaSet empties the old ones; otherwise, for RollingUpdate,
 * the difference is shared in proportion to each ReplicaSet's size, leftovers going to the first in line.
 * Returns an error message, or undefined.
 */
export function scale(ops: ScaleOps, d: StoredDeployment, newRS: StoredReplicaSet | undefined, oldRSs: readonly StoredReplicaSet[]): string | undefined {
  const replicas = deploymentReplicas(d);
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest) {
    if (replicasOf(activeOrLatest) === replicas) return undefined;
    const r = scaleReplicaSetAndRecordEvent(ops, activeOrLatest, replicas, d);
    return r.ok ? undefined : r.error;
  }
  if (isSaturated(d, newRS)) {
    for (const old of filterActiveReplicaSets(oldRSs)) {
      const r = scaleReplicaSetAndRecordEvent(ops, old, 0, d);
      if (!r.ok) return r.error;
    }
    return undefined;
  }
  if (!isRollingUpdate(d)) return undefined;

  const allRSs = filterActiveReplicaSets([...oldRSs, newRS]);
  const allRSsReplicas = getReplicaCountForReplicaSets(allRSs);
  const allowedSize = replicas > 0 ? replicas + maxSurge(d) : 0;
  const toAdd = allowedSize - allRSsReplicas;
  let op: ScalingOperation = '';
  // Larger ReplicaSets take their share first; on equal sizes scaling up favours the newer one and scaling down
  // the older one.
  if (toAdd > 0) {
    allRSs.sort(compareBySizeNewer);
    op = 'up';
  } else if (toAdd < 0) {
    allRSs.sort(compareBySizeOlder);
    op = 'down';
  }
  let added = 0;
  const sizes = new Map<string, number>();
  for (const rs of allRSs) {
    if (toAdd !== 0) {
      const proportion = getProportion(rs, d, toAdd, added);
      sizes.set(rs.metadata.name, replicasOf(rs) + proportion);
      added += proportion;
    } else {
      sizes.set(rs.metadata.name, replicasOf(rs));
    }
  }
  for (let i = 0; i < allRSs.length; i++) {
    const rs = allRSs[i]!;
    if (i === 0 && toAdd !== 0) {
      const leftover = toAdd - added;
      sizes.set(rs.metadata.name, Math.max(0, sizes.get(rs.metadata.name)! + leftover));
    }
    const r = ops.scaleReplicaSet(rs, sizes.get(rs.metadata.name)!, d, op);
    if (!r.ok) return r.error;
  }
  return undefined;
}

/**
 * Models cleanupDeployment: with a revision history limit, deletes the oldest-revision old ReplicaSets beyond it,
 * skipping any that still have replicas (desired or actual), an unobserved generation, or a pending deletion.
 */
export function cleanupDeployment(ops: RolloutOps, oldRSs: readonly StoredReplicaSet[], d: StoredDeployment): string | undefined {
  if (!hasRevisionHistoryLimit(d)) return undefined;
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - d.spec!.revisionHistoryLimit!;
  if (diff <= 0) return undefined;
  cleanable.sort(compareByRevision);
  for (let i = 0; i < diff; i++) {
    const rs = cleanable[i]!;
    if ((rs.status?.replicas ?? 0) !== 0 || replicasOf(rs) !== 0 || (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0) || rs.metadata.deletionTimestamp) continue;
    const err = ops.deleteReplicaSet(rs);
    if (err !== undefined) return err;
  }
  return undefined;
}

/**
 * Models calculateStatus: counts summed over the ReplicaSets (unavailable = desired replicas of all ReplicaSets
 * minus available, never negative) and the Available condition against MinAvailable.
 */
export function calculateStatus(allRSs: readonly (StoredReplicaSet | undefined)[], newRS: StoredReplicaSet | undefined, d: StoredDeployment, nowMs: number): DeploymentStatus {
  const available = getAvailableReplicaCountForReplicaSets(allRSs);
  const total = getReplicaCountForReplicaSets(allRSs);
  const status: DeploymentStatus = {
    observedGeneration: d.metadata.generation,
    replicas: getActualReplicaCountForReplicaSets(allRSs),
    updatedReplicas: getActualReplicaCountForReplicaSets([newRS]),
    readyReplicas: getReadyReplicaCountForReplicaSets(allRSs),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, total - available),
    collisionCount: d.status?.collisionCount,
    conditions: (d.status?.conditions ?? []).map((c) => ({ ...c })),
  };
  if (available >= deploymentReplicas(d) - maxUnavailable(d)) {
    setDeploymentCondition(status, newDeploymentCondition('Available', 'True', Reasons.MinimumReplicasAvailable, 'Deployment has minimum availability.', nowMs));
  } else {
    setDeploymentCondition(status, newDeploymentCondition('Available', 'False', Reasons.MinimumReplicasUnavailable, 'Deployment does not have minimum availability.', nowMs));
  }
  return status;
}
