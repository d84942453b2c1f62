/**
 * Rollout progress: the Progressing condition (NewReplicaSetAvailable, ReplicaSetUpdated,
 * ProgressDeadlineExceeded), ReplicaFailure carried over from the ReplicaSets, and when to look again at a
 * rollout that shows no progress.
 * Models pkg/controller/deployment/progress.go (syncRolloutStatus, getReplicaFailures, requeueStuckDeployment).
 */
import type { DeploymentCondition, DeploymentStatus } from 'kubernetes-types/apps/v1';
import { fromTimestamp } from '../../api/meta';
import { calculateStatus } from './sync';
import {
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  getDeploymentCondition,
  hasProgressDeadline,
  newDeploymentCondition,
  Reasons,
  removeDeploymentCondition,
  replicaSetToDeploymentCondition,
  setDeploymentCondition,
  type StoredDeployment,
  type StoredReplicaSet,
} from './util/deployment-util';

/**
 * The status syncRolloutStatus would write: calculateStatus plus the Progressing condition and any ReplicaFailure
 * condition of the ReplicaSets.
 */
export function computeRolloutStatus(allRSs: readonly (StoredReplicaSet | undefined)[], newRS: StoredReplicaSet | undefined, d: StoredDeployment, nowMs: number): DeploymentStatus {
  const newStatus = calculateStatus(allRSs, newRS, d, nowMs);
  if (!hasProgressDeadline(d)) removeDeploymentCondition(newStatus, 'Progressing');

  const currentCond = getDeploymentCondition(d.status, 'Progressing');
  // A finished rollout that is merely resynced has nothing to estimate.
  const isCompleteDeployment = newStatus.replicas === newStatus.updatedReplicas && currentCond?.reason === Reasons.NewRSAvailable;
  if (hasProgressDeadline(d) && !isCompleteDeployment) {
    if (deploymentComplete(d, newStatus)) {
      const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" has successfully progressed.` : `Deployment "${d.metadata.name}" has successfully progressed.`;
      setDeploymentCondition(newStatus, newDeploymentCondition('Progressing', 'True', Reasons.NewRSAvailable, msg, nowMs));
    } else if (deploymentProgressing(d, newStatus)) {
      const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" is progressing.` : `Deployment "${d.metadata.name}" is progressing.`;
      const condition = newDeploymentCondition('Progressing', 'True', Reasons.ReplicaSetUpdated, msg, nowMs);
      // Progress refreshes lastUpdateTime even when the reason stays the same, which SetDeploymentCondition
      // alone would skip; lastTransitionTime survives while the status stays True.
      if (currentCond) {
        if (currentCond.status === 'True') condition.lastTransitionTime = currentCond.lastTransitionTime;
        removeDeploymentCondition(newStatus, 'Progressing');
      }
      setDeploymentCondition(newStatus, condition);
    } else if (deploymentTimedOut(d, newStatus, nowMs)) {
      const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" has timed out progressing.` : `Deployment "${d.metadata.name}" has timed out progressing.`;
      setDeploymentCondition(newStatus, newDeploymentCondition('Progressing', 'False', Reasons.TimedOut, msg, nowMs));
    }
  }

  const failures = replicaFailures(allRSs, newRS);
  if (failures.length > 0) setDeploymentCondition(newStatus, failures[0]!);
  else removeDeploymentCondition(newStatus, 'ReplicaFailure');
  return newStatus;
}

/** Models getReplicaFailures: the new ReplicaSet's ReplicaFailure conditions win over the old ones'. */
function replicaFailures(allRSs: readonly (StoredReplicaSet | undefined)[], newRS: StoredReplicaSet | undefined): DeploymentCondition[] {
  const fromRS = (rs: StoredReplicaSet | undefined) => (rs?.status?.conditions ?? []).filter((c) => c.type === 'ReplicaFailure').map(replicaSetToDeploymentCondition);
  const own = fromRS(newRS);
  if (own.length > 0) return own;
  return allRSs.flatMap(fromRS);
}

/**
 * Models requeueStuckDeployment: when a rollout with a deadline has made no progress, the delay (ms) after which
 * to check it for a timeout: lastUpdateTime + progressDeadlineSeconds - now, plus a second against clock skew.
 * 0 means "now, rate limited"; undefined means no check is needed (no deadline, complete, or already timed out).
 */
export function stuckDeploymentRequeueMs(d: StoredDeployment, newStatus: DeploymentStatus, nowMs: number): number | undefined {
  const currentCond = getDeploymentCondition(d.status, 'Progressing');
  if (!hasProgressDeadline(d) || !currentCond) return undefined;
  if (deploymentComplete(d, newStatus) || currentCond.reason === Reasons.TimedOut) return undefined;
  const after = (fromTimestamp(currentCond.lastUpdateTime) ?? 0) + d.spec!.progressDeadlineSeconds! * 1000 - nowMs;
  if (after < 1000) return 0;
  return after + 1000;
}
