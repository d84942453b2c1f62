/**
 * The writes the rollout steps make, behind an interface: the controller implements them through the apiserver
 * and tests implement them with in-memory fakes, so the rollout arithmetic is tested on its own.
 */
import type { Fallible } from './util/int-or-string';
import { replicasOf } from '../replicaset/replica-set-status';
import type { StoredDeployment, StoredReplicaSet } from './util/deployment-util';

/** Direction word of the `ScalingReplicaSet` event; empty when proportional scaling has nothing to add. */
export type ScalingOperation = 'up' | 'down' | '';

/** Result of a scale: whether spec.replicas changed, and the ReplicaSet as now stored. */
export interface ScaleOutcome {
  scaled: boolean;
  rs: StoredReplicaSet;
}

/** Scaling a ReplicaSet on behalf of a Deployment. */
export interface ScaleOps {
  /**
   * Models scaleReplicaSet: sets spec.replicas to `newScale` and refreshes the desired/max replica annotations
   * when either differs; records `Scaled <op> replica set <rs> from <old> to <new>` when the size changed.
   */
  scaleReplicaSet(rs: StoredReplicaSet, newScale: number, d: StoredDeployment, op: ScalingOperation): Fallible<ScaleOutcome>;
}

/** Scaling plus deletion of old ReplicaSets (history cleanup). */
export interface RolloutOps extends ScaleOps {
  /** Deletes a ReplicaSet; a ReplicaSet that is already gone is not an error. Returns an error message or undefined. */
  deleteReplicaSet(rs: StoredReplicaSet): string | undefined;
}

/** Models scaleReplicaSetAndRecordEvent: nothing to do at the same size; otherwise scale up or down. */
export function scaleReplicaSetAndRecordEvent(ops: ScaleOps, rs: StoredReplicaSet, newScale: number, d: StoredDeployment): Fallible<ScaleOutcome> {
  if (replicasOf(rs) === newScale) return { ok: true, value: { scaled: false, rs } };
  return ops.scaleReplicaSet(rs, newScale, d, replicasOf(rs) < newScale ? 'up' : 'down');
}

/** New and old ReplicaSets of a Deployment, with the new one's revision synced. */
export interface ReplicaSetsOfDeployment {
  newRS: StoredReplicaSet | undefined;
  oldRSs: StoredReplicaSet[];
}

/** What a strategy's rollout needs from the controller besides scaling. */
export interface RolloutController extends RolloutOps {
  /** Models getAllReplicaSetsAndSyncRevision: finds (or, when asked, creates) the new ReplicaSet. */
  getAllReplicaSetsAndSyncRevision(d: StoredDeployment, rsList: StoredReplicaSet[], createIfNotExisted: boolean): Fallible<ReplicaSetsOfDeployment>;
  /** Models syncRolloutStatus: status plus the Progressing condition; returns an error message or undefined. */
  syncRolloutStatus(allRSs: (StoredReplicaSet | undefined)[], newRS: StoredReplicaSet | undefined, d: StoredDeployment): string | undefined;
}
