/**
 * Pod predicates the workload controllers share: active, ready, available, and the deletion-cost annotation.
 * Models pkg/api/v1/pod/util.go (IsPodReady, IsPodAvailable) and pkg/controller/controller_utils.go (IsPodActive).
 */
import type { Pod, PodCondition } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types';
import { fromTimestamp } from '../../api/meta';

/** A pod as stored by the apiserver. */
export type StoredPod = Pod & KubeObject;

/** Annotation that lets users steer which pods a scale-down removes first (lower cost goes first). */
export const POD_DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';

/** Models controller.IsPodActive: not Succeeded, not Failed, not being deleted. */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata?.deletionTimestamp;
}

/** Models controller.FilterActivePods. */
export function filterActivePods<P extends Pod>(pods: readonly P[]): P[] {
  return pods.filter(isPodActive);
}

/** The pod's Ready condition, if it reports one. */
export function podReadyCondition(pod: Pod): PodCondition | undefined {
  return pod.status?.conditions?.find((c) => c.type === 'Ready');
}

/** Models podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return podReadyCondition(pod)?.status === 'True';
}

/**
 * Models podutil.IsPodAvailable: ready, and ready for longer than minReadySeconds (strictly) as measured from the
 * Ready condition's lastTransitionTime. A ready pod without a transition time is available only when
 * minReadySeconds is 0.
 */
export function isPodAvailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds === 0) return true;
  const since = fromTimestamp(podReadyCondition(pod)?.lastTransitionTime);
  return since !== undefined && since + minReadySeconds * 1000 < nowMs;
}

/**
 * The instant (ms) at which a ready-but-not-yet-available pod turns available, or undefined when it never will by
 * waiting alone (not ready, no transition time, or already available).
 */
export function podAvailableAtMs(pod: Pod, minReadySeconds: number, nowMs: number): number | undefined {
  if (minReadySeconds === 0 || !isPodReady(pod) || isPodAvailable(pod, minReadySeconds, nowMs)) return undefined;
  const since = fromTimestamp(podReadyCondition(pod)?.lastTransitionTime);
  // Available is "strictly after since + minReadySeconds", so the first instant that qualifies is 1 ms later.
  return since === undefined ? undefined : since + minReadySeconds * 1000 + 1;
}

/**
 * Models helper.GetDeletionCostFromPodAnnotations: the int32 value of the deletion-cost annotation; missing or
 * malformed values count as 0.
 */
export function podDeletionCost(pod: Pod): number {
  const raw = pod.metadata?.annotations?.[POD_DELETION_COST_ANNOTATION];
  if (raw === undefined || !/^[+-]?\d+$/.test(raw)) return 0;
  const n = Number(raw);
  return n < -2147483648 || n > 2147483647 ? 0 : n;
}
