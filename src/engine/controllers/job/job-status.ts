/**
 * The Job status the controller works on: conditions with upstream's reasons and messages, and serialization in
 * the field order and omissions of the Go type (zero counters left out; `ready`, `terminating` and
 * `uncountedTerminatedPods` always present, as v1.34 writes them).
 * Models pkg/controller/job/job_controller.go (newCondition, ensureJobConditionStatus, newSuccessCondition,
 * newFailureCondition) and k8s.io/api/batch/v1 JobStatus.
 */
import type { JobCondition, JobStatus } from 'kubernetes-types/batch/v1';
import { toTimestamp } from '../../api/meta';

/** A Job status while a sync edits it: plain counters and mutable lists. */
export interface WorkingJobStatus {
  conditions: JobCondition[];
  startTime?: string;
  completionTime?: string;
  active: number;
  succeeded: number;
  failed: number;
  terminating?: number;
  completedIndexes: string;
  failedIndexes?: string;
  uncounted: { succeeded: string[]; failed: string[] };
  ready?: number;
}

/** Reason and message of the condition a Job gets once it reached its completions (JobSuccessPolicy, on since v1.31). */
export const COMPLETIONS_REACHED = { reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' } as const;
/** Reason and message of a Job that exceeded its backoff limit. */
export const BACKOFF_LIMIT_EXCEEDED = { reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' } as const;
/** Reason and message of a Job that ran longer than activeDeadlineSeconds. */
export const DEADLINE_EXCEEDED = { reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' } as const;

/** Models newCondition: lastProbeTime and lastTransitionTime both `now`. */
export function newJobCondition(type: string, status: 'True' | 'False', reason: string, message: string, nowMs: number): JobCondition {
  const at = toTimestamp(nowMs);
  return { type, status, lastProbeTime: at, lastTransitionTime: at, ...(reason ? { reason } : {}), ...(message ? { message } : {}) };
}

/**
 * Models ensureJobConditionStatus: replaces the condition of `type` when status, reason or message differ (with new
 * times), appends it when absent unless it would be False. Returns whether the list changed.
 */
export function ensureJobConditionStatus(list: JobCondition[], type: string, status: 'True' | 'False', reason: string, message: string, nowMs: number): boolean {
  const i = list.findIndex((c) => c.type === type);
  if (i >= 0) {
    const c = list[i]!;
    if (c.status !== status || (c.reason ?? '') !== reason || (c.message ?? '') !== message) {
      list[i] = newJobCondition(type, status, reason, message, nowMs);
      return true;
    }
    return false;
  }
  if (status !== 'False') {
    list.push(newJobCondition(type, status, reason, message, nowMs));
    return true;
  }
  return false;
}

/** A working copy of a stored status. */
export function workingStatus(status: JobStatus | undefined): WorkingJobStatus {
  const s = status ?? {};
  return {
    conditions: (s.conditions ?? []).map((c) => ({ ...c })),
    ...(s.startTime ? { startTime: s.startTime } : {}),
    ...(s.completionTime ? { completionTime: s.completionTime } : {}),
    active: s.active ?? 0,
    succeeded: s.succeeded ?? 0,
    failed: s.failed ?? 0,
    ...(s.terminating !== undefined && s.terminating !== null ? { terminating: s.terminating } : {}),
    completedIndexes: s.completedIndexes ?? '',
    ...(s.failedIndexes !== undefined && s.failedIndexes !== null ? { failedIndexes: s.failedIndexes } : {}),
    uncounted: { succeeded: [...(s.uncountedTerminatedPods?.succeeded ?? [])], failed: [...(s.uncountedTerminatedPods?.failed ?? [])] },
    ...(s.ready !== undefined && s.ready !== null ? { ready: s.ready } : {}),
  };
}

/** The status as the API stores it, in JobStatus field order with Go's omitempty rules. */
export function serializeJobStatus(w: WorkingJobStatus): JobStatus {
  const uncounted: { succeeded?: string[]; failed?: string[] } = {};
  if (w.uncounted.succeeded.length > 0) uncounted.succeeded = [...w.uncounted.succeeded];
  if (w.uncounted.failed.length > 0) uncounted.failed = [...w.uncounted.failed];
  return {
    ...(w.conditions.length > 0 ? { conditions: w.conditions.map((c) => ({ ...c })) } : {}),
    ...(w.startTime ? { startTime: w.startTime } : {}),
    ...(w.completionTime ? { completionTime: w.completionTime } : {}),
    ...(w.active ? { active: w.active } : {}),
    ...(w.succeeded ? { succeeded: w.succeeded } : {}),
    ...(w.failed ? { failed: w.failed } : {}),
    ...(w.terminating !== undefined ? { terminating: w.terminating } : {}),
    ...(w.completedIndexes ? { completedIndexes: w.completedIndexes } : {}),
    ...(w.failedIndexes !== undefined ? { failedIndexes: w.failedIndexes } : {}),
    uncountedTerminatedPods: uncounted,
    ...(w.ready !== undefined ? { ready: w.ready } : {}),
  };
}
