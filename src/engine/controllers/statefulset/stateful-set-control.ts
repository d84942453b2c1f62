/**
 * One sync of a StatefulSet, given its pods and revisions: pick the current and update revisions, create missing
 * in-range pods in ordinal order (OrderedReady waits for each to be Running, Ready and available; Parallel bursts),
 * delete condemned pods highest ordinal first, roll out the update revision from the highest ordinal down to the
 * partition, write the status and trim the revision history. Side effects go through the injected pod control,
 * history and status writer, so the sequencing can be tested without a cluster.
 * Models pkg/controller/statefulset/stateful_set_control.go (UpdateStatefulSet, performUpdate,
 * getStatefulSetRevisions, updateStatefulSet, processReplica, processCondemned, runForAll, truncateHistory,
 * updateStatefulSetStatus) with the MaxUnavailableStatefulSet gate off, as in v1.34.
 */
import type { StatefulSetStatus } from 'kubernetes-types/apps/v1';
import {
  allowsBurst, completeRollingUpdate, descendingOrdinal, getEndOrdinal, getOrdinal, getPodRevision, getStartOrdinal,
  identityMatches, inconsistentStatus, isCreated, isFailed, isHealthy, isPending, isRunningAndAvailable, isRunningAndReady,
  isSucceeded, isTerminating, newVersionedStatefulSetPod, podInOrdinalRange, replicasOf, storageMatches,
  type StatefulPod, type StoredStatefulSet,
} from './stateful-set-utils';
import { applyRevision, findEqualRevisions, newRevision, nextRevision, sortControllerRevisions, equalRevision, type StoredControllerRevision } from './history';

/** Upstream's cap on one burst of parallel calls. */
export const MAX_BATCH_SIZE = 500;

/** An error message, or undefined for success. */
export type SyncError = string | undefined;

/** Pod and claim writes of one sync. Models StatefulPodControl. */
export interface StatefulPodControl {
  /** Creates the pod's missing claims, then the pod; records events. */
  createStatefulPod(set: StoredStatefulSet, pod: StatefulPod): SyncError;
  /** Fixes the identity labels, claim volumes and claim ownership of an existing pod. */
  updateStatefulPod(set: StoredStatefulSet, pod: StatefulPod): SyncError;
  /** Deletes the pod (its claims stay); records events. */
  deleteStatefulPod(set: StoredStatefulSet, pod: StatefulPod): SyncError;
  /** True when a claim of the pod still belongs to an earlier pod of the same name (Delete on scale-down). */
  podClaimIsStale(set: StoredStatefulSet, pod: StatefulPod): boolean | { error: string };
  /** Recreates claims a Pending pod is missing and sets their ownership. */
  createMissingPersistentVolumeClaims(set: StoredStatefulSet, pod: StatefulPod): SyncError;
  /** True when the pod's claims carry the owner references the retention policy asks for. */
  claimsMatchRetentionPolicy(set: StoredStatefulSet, pod: StatefulPod): boolean | { error: string };
  /** Rewrites the owner references of the pod's claims for the retention policy. */
  updatePodClaimForRetentionPolicy(set: StoredStatefulSet, pod: StatefulPod): SyncError;
}

/** ControllerRevision writes. Models history.Interface. */
export interface ControllerHistory {
  /**
   * Creates `revision`, renaming it with a higher collision count while another revision with different data
   * holds the name. Returns the stored (or identical existing) revision and the final collision count.
   */
  create(set: StoredStatefulSet, revision: StoredControllerRevision, collisionCount: number): { revision: StoredControllerRevision; collisionCount: number } | { error: string; collisionCount: number };
  /** Renumbers a revision (a rollback to an earlier template). */
  update(revision: StoredControllerRevision, newRevision: number): { revision: StoredControllerRevision } | { error: string };
  delete(revision: StoredControllerRevision): SyncError;
}

/** What one sync needs besides the set and its pods. */
export interface StatefulSetControlDeps {
  podControl: StatefulPodControl;
  history: ControllerHistory;
  /** Writes the status subresource. */
  updateStatus(set: StoredStatefulSet, status: StatefulSetStatus): SyncError;
  /** Virtual now, for availability (minReadySeconds). */
  nowMs: number;
}

/** The outcome of one sync: the status computed (undefined when revisions could not be resolved) and any error. */
export interface SyncResult {
  status?: StatefulSetStatus;
  error?: string;
}

/**
 * Models UpdateStatefulSet: revisions sorted, performUpdate, then the history trimmed to revisionHistoryLimit.
 * `revisions` are the set's ControllerRevisions (owned or adopted); `pods` are the pods it has claimed.
 */
export function updateStatefulSet(set: StoredStatefulSet, pods: readonly StatefulPod[], revisions: readonly StoredControllerRevision[], deps: StatefulSetControlDeps): SyncResult {
  const sorted = sortControllerRevisions(revisions);
  const r = performUpdate(set, pods, sorted, deps);
  const historyErr = truncateHistory(set, pods, sorted, r.current, r.update, deps);
  const errors = [r.error, historyErr].filter((e): e is string => !!e);
  return { status: r.status, error: errors.length === 0 ? undefined : aggregate(errors) };
}

function performUpdate(set: StoredStatefulSet, pods: readonly StatefulPod[], revisions: StoredControllerRevision[], deps: StatefulSetControlDeps) {
  const revs = getStatefulSetRevisions(set, revisions, deps.history);
  if ('error' in revs) return { error: revs.error };
  const { current, update, collisionCount } = revs;
  const r = updateReplicas(set, current, update, collisionCount, pods, deps);
  if (!r.status) return { current, update, error: r.error };
  // Models updateStatefulSetStatus: the latest status is written even when the sync failed part-way.
  const status = completeRollingUpdate(set, r.status);
  const statusErr = inconsistentStatus(set, status) ? deps.updateStatus(set, status) : undefined;
  return { current, update, status, error: r.error ?? statusErr };
}

/**
 * Models getStatefulSetRevisions: the update revision is the latest revision when its data equals the set's
 * template, an earlier equal revision renumbered to the next number (a rollback), or a new revision. The current
 * revision is the one named in status.currentRevision, or the update revision when there is none.
 */
export function getStatefulSetRevisions(
  set: StoredStatefulSet,
  revisions: readonly StoredControllerRevision[],
  history: ControllerHistory,
): { current: StoredControllerRevision; update: StoredControllerRevision; collisionCount: number } | { error: string } {
  let collisionCount = set.status?.collisionCount ?? 0;
  const candidate = newRevision(set, nextRevision(revisions), collisionCount);
  const equal = findEqualRevisions(revisions, candidate);
  let update: StoredControllerRevision;
  if (equal.length > 0 && equalRevision(revisions[revisions.length - 1], equal[equal.length - 1])) {
    update = revisions[revisions.length - 1]!;
  } else if (equal.length > 0) {
    const r = history.update(equal[equal.length - 1]!, candidate.revision);
    if ('error' in r) return { error: r.error };
    update = r.revision;
  } else {
    const r = history.create(set, candidate, collisionCount);
    collisionCount = r.collisionCount;
    if ('error' in r) return { error: r.error };
    update = r.revision;
  }
  const current = revisions.find((r) => r.metadata.name === set.status?.currentRevision) ?? update;
  return { current, update, collisionCount };
}

interface ReplicaCounts {
  replicas: number;
  readyReplicas: number;
  availableReplicas: number;
  currentReplicas: number;
  updatedReplicas: number;
}

/** Models computeReplicaStatus over several pod lists. */
function countReplicas(minReadySeconds: number, nowMs: number, current: string, update: string, ...lists: readonly (readonly StatefulPod[])[]): ReplicaCounts {
  const c: ReplicaCounts = { replicas: 0, readyReplicas: 0, availableReplicas: 0, currentReplicas: 0, updatedReplicas: 0 };
  for (const list of lists) {
    for (const pod of list) {
      if (isCreated(pod)) c.replicas++;
      if (isRunningAndReady(pod)) {
        c.readyReplicas++;
        if (isRunningAndAvailable(pod, minReadySeconds, nowMs)) c.availableReplicas++;
      }
      if (isCreated(pod) && !isTerminating(pod)) {
        const rev = getPodRevision(pod);
        if (rev === current) c.currentReplicas++;
        if (rev === update) c.updatedReplicas++;
      }
    }
  }
  return c;
}

/**
 * Models runForAll: monotonic mode stops at the first call that asks to stop or fails; burst mode runs every call in
 * slow-start batches (1, 2, 4, ... capped at 500) and stops after a batch with a failure.
 */
function runForAll(count: number, fn: (i: number) => { exit: boolean; error?: string }, monotonic: boolean): { exit: boolean; error?: string } {
  if (monotonic) {
    for (let i = 0; i < count; i++) {
      const r = fn(i);
      if (r.exit || r.error) return { exit: true, error: r.error };
    }
    return { exit: false };
  }
  let remaining = count;
  let next = 0;
  for (let size = Math.min(remaining, 1); size > 0; size = Math.min(2 * size, remaining, MAX_BATCH_SIZE)) {
    const errors: string[] = [];
    for (let k = 0; k < size; k++) {
      const r = fn(next++);
      if (r.error) errors.push(r.error);
    }
    if (errors.length > 0) return { exit: true, error: aggregate(errors) };
    remaining -= size;
  }
  return { exit: false };
}

/** Models updateStatefulSet (the replica loop). Returns the status to record and any error. */
function updateReplicas(
  set: StoredStatefulSet,
  currentRevision: StoredControllerRevision,
  updateRevision: StoredControllerRevision,
  collisionCount: number,
  pods: readonly StatefulPod[],
  deps: StatefulSetControlDeps,
): { status?: StatefulSetStatus; error?: string } {
  const { podControl, nowMs } = deps;
  const currentSet = applyRevision(set, currentRevision);
  const updateSet = applyRevision(set, updateRevision);
  const minReady = set.spec?.minReadySeconds ?? 0;
  const cur = currentRevision.metadata.name;
  const upd = updateRevision.metadata.name;

  const status: StatefulSetStatus = { observedGeneration: set.metadata.generation, currentRevision: cur, updateRevision: upd, collisionCount, replicas: 0 };
  const withCounts = (...lists: readonly (readonly StatefulPod[])[]): StatefulSetStatus => ({ ...status, ...countReplicas(minReady, nowMs, cur, upd, ...lists) });

  const start = getStartOrdinal(set);
  const replicaCount = replicasOf(set);
  const replicas: (StatefulPod | undefined)[] = new Array(replicaCount).fill(undefined);
  let condemned: StatefulPod[] = [];
  for (const pod of pods) {
    if (podInOrdinalRange(pod, set)) replicas[getOrdinal(pod) - start] = pod;
    else if (getOrdinal(pod) >= 0) condemned.push(pod);
  }
  for (let ord = start; ord <= getEndOrdinal(set); ord++) {
    if (!replicas[ord - start]) replicas[ord - start] = newVersionedStatefulSetPod(currentSet, updateSet, cur, upd, ord);
  }
  const live = replicas as StatefulPod[];
  condemned = descendingOrdinal(condemned);

  // The first unhealthy pod: the lowest in-range one, else the lowest condemned one.
  let firstUnhealthy: StatefulPod | undefined = live.find((p) => !isHealthy(p));
  for (let i = condemned.length - 1; i >= 0 && !firstUnhealthy; i--) if (!isHealthy(condemned[i]!)) firstUnhealthy = condemned[i];

  // A set being deleted only reports status.
  if (set.metadata.deletionTimestamp) return { status: withCounts(pods) };

  const monotonic = !allowsBurst(set);

  const processReplica = (i: number): { exit: boolean; error?: string } => {
    const pod = live[i]!;
    // A finished pod (Failed, or Succeeded after an eviction or node reboot) is deleted and recreated on a later sync.
    if (isFailed(pod) || isSucceeded(pod)) {
      if (!pod.metadata.deletionTimestamp) {
        const err = podControl.deleteStatefulPod(set, pod);
        if (err) return { exit: true, error: err };
      }
      return { exit: true };
    }
    if (!isCreated(pod)) {
      const stale = podControl.podClaimIsStale(set, pod);
      if (typeof stale === 'object') return { exit: true, error: stale.error };
      // A claim still owned by the previous pod of this name is about to be garbage collected: wait for it.
      if (stale) return { exit: true };
      const err = podControl.createStatefulPod(set, pod);
      if (err) return { exit: true, error: err };
      if (monotonic) return { exit: true };
    }
    if (isPending(pod)) {
      const err = podControl.createMissingPersistentVolumeClaims(set, pod);
      if (err) return { exit: true, error: err };
    }
    if (monotonic && isTerminating(pod)) return { exit: true };
    if (monotonic && !isRunningAndReady(pod)) return { exit: true };
    if (monotonic && !isRunningAndAvailable(pod, minReady, nowMs)) return { exit: true };
    // Enforce the identity, storage and claim-ownership invariants on a pod that exists.
    const match = podControl.claimsMatchRetentionPolicy(updateSet, pod);
    const retentionMatch = typeof match === 'object' ? true : match;
    if (identityMatches(set, pod) && storageMatches(set, pod) && retentionMatch) return { exit: false };
    const err = podControl.updateStatefulPod(updateSet, pod);
    return err ? { exit: true, error: err } : { exit: false };
  };
  const replicaRun = runForAll(live.length, processReplica, monotonic);
  if (replicaRun.exit || replicaRun.error) return { status: withCounts(live, condemned), error: replicaRun.error };

  // Condemned pods' claims get the ownership the retention policy gives scaled-down pods before they go.
  const fixPodClaim = (i: number): { exit: boolean; error?: string } => {
    const pod = condemned[i]!;
    const match = podControl.claimsMatchRetentionPolicy(updateSet, pod);
    if (typeof match === 'object') return { exit: true, error: match.error };
    if (!match) {
      const err = podControl.updatePodClaimForRetentionPolicy(updateSet, pod);
      if (err) return { exit: true, error: err };
    }
    return { exit: false };
  };
  const claimRun = runForAll(condemned.length, fixPodClaim, monotonic);
  if (claimRun.exit || claimRun.error) return { status: withCounts(live, condemned), error: claimRun.error };

  // Models processCondemned: in monotonic mode every in-range pod is now healthy; delete from the highest ordinal,
  // one per sync, waiting for each to terminate, and only a healthy pod or the first unhealthy one.
  const processCondemned = (i: number): { exit: boolean; error?: string } => {
    const pod = condemned[i]!;
    if (isTerminating(pod)) return { exit: monotonic };
    if (monotonic && !isRunningAndReady(pod) && pod !== firstUnhealthy) return { exit: true };
    if (monotonic && !isRunningAndAvailable(pod, minReady, nowMs) && pod !== firstUnhealthy) return { exit: true };
    const err = podControl.deleteStatefulPod(set, pod);
    return { exit: true, error: err };
  };
  const condemnedRun = runForAll(condemned.length, processCondemned, monotonic);
  if (condemnedRun.exit || condemnedRun.error) return { status: withCounts(live, condemned), error: condemnedRun.error };

  const counted = withCounts(live, condemned);
  // OnDelete: pods move to the update revision only when someone deletes them. Scaling came first in any case.
  if ((set.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'OnDelete') return { status: counted };

  // Models the rolling update (MaxUnavailableStatefulSet off): delete the highest-ordinal pod not at the update
  // revision, one per sync, and stop at any unhealthy pod on the way down to the partition.
  const updateMin = set.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
  for (let target = live.length - 1; target >= updateMin; target--) {
    const pod = live[target]!;
    if (getPodRevision(pod) !== upd && !isTerminating(pod)) {
      const err = podControl.deleteStatefulPod(set, pod);
      const notFound = err !== undefined && /not found/.test(err);
      return { status: { ...counted, currentReplicas: (counted.currentReplicas ?? 0) - 1 }, error: notFound ? undefined : err };
    }
    if (!isHealthy(pod)) return { status: counted };
  }
  return { status: counted };
}

/**
 * Models truncateHistory: revisions that are neither current, update, nor used by a pod are deleted oldest first
 * until at most revisionHistoryLimit of them remain.
 */
function truncateHistory(
  set: StoredStatefulSet,
  pods: readonly StatefulPod[],
  revisions: readonly StoredControllerRevision[],
  current: StoredControllerRevision | undefined,
  update: StoredControllerRevision | undefined,
  deps: StatefulSetControlDeps,
): SyncError {
  const live = new Set<string>();
  if (current) live.add(current.metadata.name);
  if (update) live.add(update.metadata.name);
  for (const p of pods) live.add(getPodRevision(p));
  const history = revisions.filter((r) => !live.has(r.metadata.name));
  const limit = set.spec?.revisionHistoryLimit ?? 10;
  if (limit < 0 || history.length <= limit) return undefined;
  for (const r of history.slice(0, history.length - limit)) {
    const err = deps.history.delete(r);
    if (err) return err;
  }
  return undefined;
}

/** Models utilerrors.NewAggregate's message: one error as is, several as `[a, b]`. */
export function aggregate(errors: readonly string[]): string {
  return errors.length === 1 ? errors[0]! : `[${errors.join(', ')}]`;
}
