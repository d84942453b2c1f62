/**
 * The RollingUpdate strategy: each sync either grows the new ReplicaSet into the surge room or shrinks old
 * ReplicaSets within the unavailability budget, never both.
 * Models pkg/controller/deployment/rolling.go.
 */
import { replicasOf } from '../replicaset/replica-set-status';
import { scaleReplicaSetAndRecordEvent, type RolloutController, type ScaleOps } from './ops';
import { cleanupDeployment } from './sync';
import type { Fallible } from './util/int-or-string';
import {
  compareByCreationTimestamp,
  deploymentComplete,
  deploymentReplicas,
  filterActiveReplicaSets,
  getAvailableReplicaCountForReplicaSets,
  getReplicaCountForReplicaSets,
  maxUnavailable,
  newRSNewReplicas,
  type StoredDeployment,
  type StoredReplicaSet,
} from './util/deployment-util';

/** Models rolloutRolling. Returns an error message, or undefined. */
export function rolloutRolling(dc: RolloutController, d: StoredDeployment, rsList: StoredReplicaSet[]): string | undefined {
  const all = dc.getAllReplicaSetsAndSyncRevision(d, rsList, true);
  if (!all.ok) return all.error;
  const { newRS, oldRSs } = all.value;
  const allRSs = [...oldRSs, newRS];
  // getAllReplicaSetsAndSyncRevision(…, true) always yields a new ReplicaSet when it succeeds.
  const scaledUp = reconcileNewReplicaSet(dc, allRSs, newRS!, d);
  if (!scaledUp.ok) return scaledUp.error;
  if (scaledUp.value) return dc.syncRolloutStatus(allRSs, newRS, d);

  const scaledDown = reconcileOldReplicaSets(dc, allRSs, filterActiveReplicaSets(oldRSs), newRS!, d);
  if (!scaledDown.ok) return scaledDown.error;
  if (scaledDown.value) return dc.syncRolloutStatus(allRSs, newRS, d);

  if (deploymentComplete(d, d.status ?? {})) {
    const err = cleanupDeployment(dc, oldRSs, d);
    if (err !== undefined) return err;
  }
  return dc.syncRolloutStatus(allRSs, newRS, d);
}

/**
 * Models reconcileNewReplicaSet: scales the new ReplicaSet down to replicas if it is above, otherwise up to
 * NewRSNewReplicas. True when its size changed.
 */
export function reconcileNewReplicaSet(ops: ScaleOps, allRSs: readonly (StoredReplicaSet | undefined)[], newRS: StoredReplicaSet, d: StoredDeployment): Fallible<boolean> {
  const replicas = deploymentReplicas(d);
  if (replicasOf(newRS) === replicas) return { ok: true, value: false };
  if (replicasOf(newRS) > replicas) {
    const r = scaleReplicaSetAndRecordEvent(ops, newRS, replicas, d);
    return r.ok ? { ok: true, value: r.value.scaled } : r;
  }
  const target = newRSNewReplicas(d, allRSs, newRS);
  if (!target.ok) return target;
  const r = scaleReplicaSetAndRecordEvent(ops, newRS, target.value, d);
  return r.ok ? { ok: true, value: r.value.scaled } : r;
}

/**
 * Models reconcileOldReplicaSets: how many old replicas may go without dropping below MinAvailable, counting the
 * new ReplicaSet's not-yet-available pods as already missing; unhealthy old replicas go first. True when any old
 * ReplicaSet shrank. Write failures end the step quietly, as upstream (the next sync retries).
 */
export function reconcileOldReplicaSets(ops: ScaleOps, allRSs: readonly (StoredReplicaSet | undefined)[], oldRSs: StoredReplicaSet[], newRS: StoredReplicaSet, d: StoredDeployment): Fallible<boolean> {
  const oldPods = getReplicaCountForReplicaSets(oldRSs);
  if (oldPods === 0) return { ok: true, value: false };
  const allPods = getReplicaCountForReplicaSets(allRSs);
  const minAvailable = deploymentReplicas(d) - maxUnavailable(d);
  const newRSUnavailable = replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = allPods - minAvailable - newRSUnavailable;
  if (maxScaledDown <= 0) return { ok: true, value: false };

  const cleanup = cleanupUnhealthyReplicas(ops, oldRSs, d, maxScaledDown);
  if (!cleanup.ok) return { ok: true, value: false };
  const scaledDown = scaleDownOldReplicaSetsForRollingUpdate(ops, [...cleanup.value.oldRSs, newRS], cleanup.value.oldRSs, d);
  if (!scaledDown.ok) return { ok: true, value: false };
  return { ok: true, value: cleanup.value.scaledDown + scaledDown.value > 0 };
}

/**
 * Models cleanupUnhealthyReplicas: oldest first, removes old replicas that are not available, up to
 * `maxCleanupCount` in total. Returns the (updated) old ReplicaSets and how many replicas were removed.
 */
export function cleanupUnhealthyReplicas(ops: ScaleOps, oldRSs: StoredReplicaSet[], d: StoredDeployment, maxCleanupCount: number): Fallible<{ oldRSs: StoredReplicaSet[]; scaledDown: number }> {
  oldRSs.sort(compareByCreationTimestamp);
  let total = 0;
  for (let i = 0; i < oldRSs.length; i++) {
    if (total >= maxCleanupCount) break;
    const rs = oldRSs[i]!;
    const spec = replicasOf(rs);
    const available = rs.status?.availableReplicas ?? 0;
    if (spec === 0 || spec === available) continue;
    const count = Math.min(maxCleanupCount - total, spec - available);
    const target = spec - count;
    if (target > spec) return { ok: false, error: `when cleaning up unhealthy replicas, got invalid request to scale down ${rs.metadata.namespace}/${rs.metadata.name} ${spec} -> ${target}` };
    const r = scaleReplicaSetAndRecordEvent(ops, rs, target, d);
    if (!r.ok) return r;
    total += count;
    oldRSs[i] = r.value.rs;
  }
  return { ok: true, value: { oldRSs, scaledDown: total } };
}

/**
 * Models scaleDownOldReplicaSetsForRollingUpdate: oldest first, removes as many old replicas as the available
 * pods above MinAvailable allow. Returns the number removed.
 */
export function scaleDownOldReplicaSetsForRollingUpdate(ops: ScaleOps, allRSs: readonly (StoredReplicaSet | undefined)[], oldRSs: StoredReplicaSet[], d: StoredDeployment): Fallible<number> {
  const minAvailable = deploymentReplicas(d) - maxUnavailable(d);
  const available = getAvailableReplicaCountForReplicaSets(allRSs);
  if (available <= minAvailable) return { ok: true, value: 0 };
  oldRSs.sort(compareByCreationTimestamp);
  let total = 0;
  const budget = available - minAvailable;
  for (const rs of oldRSs) {
    if (total >= budget) break;
    const spec = replicasOf(rs);
    if (spec === 0) continue;
    const count = Math.min(spec, budget - total);
    const r = scaleReplicaSetAndRecordEvent(ops, rs, spec - count, d);
    if (!r.ok) return r;
    total += count;
  }
  return { ok: true, value: total };
}
