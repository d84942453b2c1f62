/**
 * The Job controller's pod-failure backoff: how many pods failed since the last success and when the last one
 * failed, and how long to wait before the next replacement pod (10s doubling per failure, capped at 10 minutes).
 * Models pkg/controller/job/backoff_utils.go.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { fromTimestamp } from '../../api/meta';

/** Delay before the pod that replaces the first failure (DefaultJobPodFailureBackOff). */
export const DEFAULT_POD_FAILURE_BACKOFF_MS = 10_000;
/** Upper bound of the delay (MaxJobPodFailureBackOff; the documentation still says 6 minutes). */
export const MAX_POD_FAILURE_BACKOFF_MS = 600_000;

/** One Job's backoff state. */
export interface BackoffRecord {
  key: string;
  failuresAfterLastSuccess: number;
  /** ms since the epoch; undefined when no failure counts. */
  lastFailureTimeMs?: number;
}

/** Models backoffStore: the records of the Jobs the controller is tracking, by `namespace/name`. */
export class BackoffStore {
  private readonly records = new Map<string, BackoffRecord>();

  /** Models updateBackoffRecord. */
  update(record: BackoffRecord): void {
    this.records.set(record.key, { ...record });
  }

  /** Models removeBackoffRecord (finished or deleted Jobs). */
  remove(key: string): void {
    this.records.delete(key);
  }

  get(key: string): BackoffRecord | undefined {
    const r = this.records.get(key);
    return r ? { ...r } : undefined;
  }

  /**
   * Models newBackoffRecord: the record after counting the pods that finished since the last sync. A success resets
   * the count; failures after the latest success add to it.
   */
  newRecord(key: string, newSucceeded: readonly Pod[], newFailed: readonly Pod[]): BackoffRecord {
    const backoff: BackoffRecord = this.get(key) ?? { key, failuresAfterLastSuccess: 0 };
    const succeeded = sortByFinishedTime(newSucceeded);
    const failed = sortByFinishedTime(newFailed);
    if (succeeded.length === 0) {
      if (failed.length === 0) return backoff;
      backoff.failuresAfterLastSuccess += failed.length;
      backoff.lastFailureTimeMs = podFinishedTimeMs(failed[failed.length - 1]!);
      return backoff;
    }
    backoff.failuresAfterLastSuccess = 0;
    delete backoff.lastFailureTimeMs;
    if (failed.length === 0) return backoff;
    const lastSuccessMs = podFinishedTimeMs(succeeded[succeeded.length - 1]!);
    for (let i = failed.length - 1; i >= 0; i--) {
      const failedMs = podFinishedTimeMs(failed[i]!);
      if (failedMs <= lastSuccessMs) break;
      backoff.lastFailureTimeMs ??= failedMs;
      backoff.failuresAfterLastSuccess += 1;
    }
    return backoff;
  }
}

/** Stable sort by finish time (Go's sort.Slice is not stable, but ties do not change the record). */
function sortByFinishedTime(pods: readonly Pod[]): Pod[] {
  return [...pods].sort((a, b) => podFinishedTimeMs(a) - podFinishedTimeMs(b));
}

/**
 * Models getFinishedTime: the latest container finishedAt when every container terminated; else the time the
 * Ready condition turned False; else deletionTimestamp minus the grace period; else the creation time.
 */
export function podFinishedTimeMs(pod: Pod): number {
  const fromContainers = finishTimeFromContainers(pod);
  if (fromContainers !== undefined) return fromContainers;
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
  const readyFalse = ready?.status === 'False' ? fromTimestamp(ready.lastTransitionTime) : undefined;
  if (readyFalse !== undefined) return readyFalse;
  const deletion = fromTimestamp(pod.metadata?.deletionTimestamp);
  if (deletion !== undefined) return deletion - (pod.metadata?.deletionGracePeriodSeconds ?? 0) * 1000;
  return fromTimestamp(pod.metadata?.creationTimestamp) ?? 0;
}

/**
 * The latest finishedAt of the regular containers and of sidecars (restartable init containers, which stop after
 * them); undefined if any of those has not terminated.
 */
function finishTimeFromContainers(pod: Pod): number | undefined {
  const sidecars = new Set((pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  const statuses = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? []).filter((s) => sidecars.has(s.name))];
  let finish: number | undefined;
  for (const cs of statuses) {
    const at = fromTimestamp(cs.state?.terminated?.finishedAt);
    if (at === undefined) return undefined;
    if (finish === undefined || finish < at) finish = at;
  }
  return finish;
}

/** Models backoffRecord.getRemainingTime. */
export function remainingBackoffMs(record: BackoffRecord, nowMs: number, baseMs = DEFAULT_POD_FAILURE_BACKOFF_MS, maxMs = MAX_POD_FAILURE_BACKOFF_MS): number {
  return remainingTimeForFailuresMs(nowMs, baseMs, maxMs, record.failuresAfterLastSuccess, record.lastFailureTimeMs);
}

/**
 * Models getRemainingTimeForFailuresCount: `min(base * 2^(failures-1), max)` minus the time since the last failure,
 * floored at 0. No failures means no wait.
 */
export function remainingTimeForFailuresMs(nowMs: number, baseMs: number, maxMs: number, failures: number, lastFailureMs: number | undefined): number {
  if (failures === 0 || lastFailureMs === undefined) return 0;
  let backoff = baseMs;
  for (let i = 1; i < failures; i++) {
    backoff *= 2;
    if (backoff >= maxMs) {
      backoff = maxMs;
      break;
    }
  }
  const elapsed = nowMs - lastFailureMs;
  if (backoff < elapsed) return 0;
  return backoff - elapsed;
}
