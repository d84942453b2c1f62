/**
 * Pod condition updates the scheduler writes (PodScheduled, DisruptionTarget).
 * Models pkg/api/v1/pod/util.go UpdatePodCondition and CalculatePodConditionObservedGeneration.
 */
import type { PodCondition, PodStatus } from 'kubernetes-types/core/v1';
import { toTimestamp } from '../api/meta';
import type { PodObject } from './framework/pod-info';

/** A condition to set; lastTransitionTime is filled in. */
export interface ConditionUpdate {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
}

/**
 * Sets the condition on `status` (a private copy), keeping lastTransitionTime when the status did not change.
 * Returns true when anything changed. `lastProbeTime: null` and observedGeneration (PodObservedGenerationTracking,
 * beta in v1.34) are written as the scheduler does.
 */
export function updatePodCondition(pod: PodObject, status: PodStatus, cond: ConditionUpdate, nowMs: number): boolean {
  const next: Record<string, unknown> = { type: cond.type, status: cond.status, lastProbeTime: null, lastTransitionTime: toTimestamp(nowMs) };
  if (cond.reason) next.reason = cond.reason;
  if (cond.message) next.message = cond.message;
  if (pod.metadata.generation !== undefined) next.observedGeneration = pod.metadata.generation;
  const conds = (status.conditions ?? []) as unknown as Record<string, unknown>[];
  const i = conds.findIndex((c) => c.type === cond.type);
  if (i < 0) {
    status.conditions = [...(status.conditions ?? []), next as unknown as PodCondition];
    return true;
  }
  const old = conds[i]!;
  if (old.status === next.status) next.lastTransitionTime = old.lastTransitionTime;
  const same = ['status', 'reason', 'message', 'lastProbeTime', 'lastTransitionTime', 'observedGeneration'].every((k) => (old[k] ?? null) === (next[k] ?? null));
  const list = [...(status.conditions ?? [])];
  list[i] = next as unknown as PodCondition;
  status.conditions = list;
  return !same;
}

/** The draft's status object, created when missing (drafts are private copies, so writing is fine). */
export function podStatus(draft: PodObject): PodStatus {
  const d = draft as { status?: PodStatus };
  return (d.status ??= {});
}
