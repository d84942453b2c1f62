/**
 * The Recreate strategy: scale every old ReplicaSet to zero, wait until none of their pods is still running
 * (terminating pods included), then create or scale the new ReplicaSet to the full count.
 * Models pkg/controller/deployment/recreate.go.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { replicasOf } from '../replicaset/replica-set-status';
import { scaleReplicaSetAndRecordEvent, type RolloutController, type ScaleOps } from './ops';
import { cleanupDeployment } from './sync';
import type { Fallible } from './util/int-or-string';
import {
  deploymentComplete,
  deploymentReplicas,
  filterActiveReplicaSets,
  getActualReplicaCountForReplicaSets,
  type StoredDeployment,
  type StoredReplicaSet,
} from './util/deployment-util';

/** Pods of a Deployment grouped by the uid of the ReplicaSet that controls them. */
export type PodMap = ReadonlyMap<string, readonly Pod[]>;

/** Models rolloutRecreate. Returns an error message, or undefined. */
export function rolloutRecreate(dc: RolloutController, d: StoredDeployment, rsList: StoredReplicaSet[], podMap: PodMap): string | undefined {
  // The new ReplicaSet is not created yet, so nothing scales up before the old pods are gone.
  const first = dc.getAllReplicaSetsAndSyncRevision(d, rsList, false);
  if (!first.ok) return first.error;
  let { newRS, oldRSs } = first.value;
  let allRSs = [...oldRSs, newRS];
  const activeOldRSs = filterActiveReplicaSets(oldRSs);

  const scaledDown = scaleDownOldReplicaSetsForRecreate(dc, activeOldRSs, d);
  if (!scaledDown.ok) return scaledDown.error;
  if (scaledDown.value) return dc.syncRolloutStatus(allRSs, newRS, d);

  if (oldPodsRunning(newRS, oldRSs, podMap)) return dc.syncRolloutStatus(allRSs, newRS, d);

  if (!newRS) {
    const created = dc.getAllReplicaSetsAndSyncRevision(d, rsList, true);
    if (!created.ok) return created.error;
    ({ newRS, oldRSs } = created.value);
    allRSs = [...oldRSs, newRS];
  }
  const up = scaleReplicaSetAndRecordEvent(dc, newRS!, deploymentReplicas(d), d);
  if (!up.ok) return up.error;

  if (deploymentComplete(d, d.status ?? {})) {
    const err = cleanupDeployment(dc, oldRSs, d);
    if (err !== undefined) return err;
  }
  return dc.syncRolloutStatus(allRSs, newRS, d);
}

/** Models scaleDownOldReplicaSetsForRecreate: every old ReplicaSet to zero. True when any was scaled. */
export function scaleDownOldReplicaSetsForRecreate(ops: ScaleOps, oldRSs: StoredReplicaSet[], d: StoredDeployment): Fallible<boolean> {
  let scaled = false;
  for (let i = 0; i < oldRSs.length; i++) {
    const rs = oldRSs[i]!;
    if (replicasOf(rs) === 0) continue;
    const r = scaleReplicaSetAndRecordEvent(ops, rs, 0, d);
    if (!r.ok) return r;
    if (r.value.scaled) {
      oldRSs[i] = r.value.rs;
      scaled = true;
    }
  }
  return { ok: true, value: scaled };
}

/**
 * Models oldPodsRunning: an old ReplicaSet still reports replicas, or a pod of an old ReplicaSet is not yet
 * Succeeded or Failed (a terminating pod still counts; so does the deprecated Unknown phase).
 */
export function oldPodsRunning(newRS: StoredReplicaSet | undefined, oldRSs: readonly StoredReplicaSet[], podMap: PodMap): boolean {
  if (getActualReplicaCountForReplicaSets(oldRSs) > 0) return true;
  for (const [rsUid, pods] of podMap) {
    if (newRS && newRS.metadata.uid === rsUid) continue;
    for (const pod of pods) {
      const phase = pod.status?.phase;
      if (phase === 'Failed' || phase === 'Succeeded') continue;
      return true;
    }
  }
  return false;
}
