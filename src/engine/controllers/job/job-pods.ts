/**
 * Arithmetic and predicates the Job controller applies to its pods: how many should be active, which count as
 * failed or terminating, when OnFailure restarts exhaust the backoff limit, which pods to remove first.
 * Models pkg/controller/job/job_controller.go (manageJob's wantActive, isPodFailed, onlyReplaceFailedPods,
 * pastBackoffLimitOnFailure, activePodsForRemoval) and pkg/controller/controller_utils.go (CountTerminatingPods).
 */
import type { Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { activePodsLess, sortByLess } from '../replicaset/pod-ranking';
import { duplicatedIndexPodsForRemoval } from './indexed';

/** Models the wantActive computation at the top of manageJob. */
export function wantActive(completions: number | null | undefined, parallelism: number, succeeded: number, active: number): number {
  if (completions === undefined || completions === null) {
    // A work-queue Job: keep `parallelism` pods until the first success, then let the running ones finish.
    return succeeded > 0 ? active : parallelism;
  }
  return Math.max(0, Math.min(completions - succeeded, parallelism));
}

/** The Job is in Indexed completion mode. */
export function isIndexedJob(job: Job): boolean {
  return job.spec?.completionMode === 'Indexed';
}

/** The Job's `spec.suspend` is true. */
export function isJobSuspended(job: Job): boolean {
  return job.spec?.suspend === true;
}

/**
 * Models onlyReplaceFailedPods: with podReplacementPolicy Failed (or a podFailurePolicy) a terminating pod is
 * replaced only once it has fully failed.
 */
export function onlyReplaceFailedPods(job: Job): boolean {
  return job.spec?.podReplacementPolicy === 'Failed' || job.spec?.podFailurePolicy !== undefined;
}

/** Models isPodFailed: Failed, or (unless only failed pods are replaced) deleted before succeeding. */
export function isPodFailed(pod: Pod, job: Job): boolean {
  if (pod.status?.phase === 'Failed') return true;
  if (onlyReplaceFailedPods(job)) return false;
  return !!pod.metadata?.deletionTimestamp && pod.status?.phase !== 'Succeeded';
}

/** Models controller.IsPodTerminating: being deleted but not yet in a terminal phase. */
export function isPodTerminating(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return !!pod.metadata?.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed';
}

/** Models controller.CountTerminatingPods. */
export function countTerminatingPods(pods: readonly Pod[]): number {
  return pods.filter(isPodTerminating).length;
}

/**
 * Models pastBackoffLimitOnFailure: with restartPolicy OnFailure the container restarts of Pending and Running pods
 * count against the backoff limit (any restart when the limit is 0).
 */
export function pastBackoffLimitOnFailure(job: Job, pods: readonly Pod[]): boolean {
  if (job.spec?.template?.spec?.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const p of pods) {
    const phase = p.status?.phase;
    if (phase !== 'Running' && phase !== 'Pending') continue;
    for (const s of p.status?.initContainerStatuses ?? []) restarts += s.restartCount ?? 0;
    for (const s of p.status?.containerStatuses ?? []) restarts += s.restartCount ?? 0;
  }
  const limit = job.spec?.backoffLimit ?? 6;
  return limit === 0 ? restarts > 0 : restarts >= limit;
}

/**
 * Models activePodsForRemoval: for Indexed Jobs the duplicates and out-of-range indexes first, then the pods that
 * ActivePods ranks earliest (not ready before ready, unscheduled before scheduled, pending before running).
 */
export function activePodsForRemoval<P extends Pod>(job: Job, pods: readonly P[], rmAtLeast: number): P[] {
  let rm: P[] = [];
  let left: readonly P[] = pods;
  if (isIndexedJob(job)) ({ rm, left } = duplicatedIndexPodsForRemoval(pods, job.spec?.completions ?? 0));
  if (rm.length < rmAtLeast) rm = [...rm, ...sortByLess(left, activePodsLess).slice(0, rmAtLeast - rm.length)];
  return rm;
}
