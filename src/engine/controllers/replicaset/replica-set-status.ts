/**
 * The status a ReplicaSet reports about the pods it owns, and the ReplicaFailure condition.
 * Models pkg/controller/replicaset/replica_set_utils.go (calculateStatus, updateReplicaSetStatus, SetCondition).
 * `terminatingReplicas` is not reported: it sits behind the DeploymentReplicaSetTerminatingReplicas gate, which is
 * alpha and off by default in v1.34 (on by default from v1.35).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { ReplicaSet, ReplicaSetCondition, ReplicaSetStatus } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../api/types';
import { toTimestamp } from '../../api/meta';
import { canonicalJson } from '../../api/names';
import { isPodAvailable, isPodReady } from './pod-utils';

/** A ReplicaSet as stored by the apiserver. */
export type StoredReplicaSet = ReplicaSet & KubeObject;

/** The desired replica count; `spec.replicas` defaults to 1. */
export function replicasOf(rs: ReplicaSet): number {
  return rs.spec?.replicas ?? 1;
}

/** True when every label of the pod template is on the pod (the pod may carry more). */
function hasTemplateLabels(templateLabels: Readonly<Record<string, string>> | undefined, pod: Pod): boolean {
  const labels = pod.metadata?.labels ?? {};
  for (const [k, v] of Object.entries(templateLabels ?? {})) if (labels[k] !== v) return false;
  return true;
}

/**
 * The ReplicaSet's new status for its active, claimed pods. A sync error sets the ReplicaFailure condition
 * (FailedCreate / FailedDelete) once; a clean sync removes it.
 */
export function calculateReplicaSetStatus(rs: ReplicaSet, filteredPods: readonly Pod[], manageError: string | undefined, nowMs: number): ReplicaSetStatus {
  const minReadySeconds = rs.spec?.minReadySeconds ?? 0;
  const templateLabels = rs.spec?.template?.metadata?.labels;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const pod of filteredPods) {
    if (hasTemplateLabels(templateLabels, pod)) fullyLabeled++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReadySeconds, nowMs)) available++;
    }
  }
  let conditions = [...(rs.status?.conditions ?? [])];
  const failure = conditions.find((c) => c.type === 'ReplicaFailure');
  if (manageError !== undefined && !failure) {
    const diff = filteredPods.length - replicasOf(rs);
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
    const cond: ReplicaSetCondition = { type: 'ReplicaFailure', status: 'True', lastTransitionTime: toTimestamp(nowMs), reason, message: manageError };
    conditions = [...conditions.filter((c) => c.type !== 'ReplicaFailure'), cond];
  } else if (manageError === undefined && failure) {
    conditions = conditions.filter((c) => c.type !== 'ReplicaFailure');
  }
  return {
    replicas: filteredPods.length,
    fullyLabeledReplicas: fullyLabeled,
    readyReplicas: ready,
    availableReplicas: available,
    observedGeneration: rs.status?.observedGeneration,
    conditions,
  };
}

/**
 * The status as the API serializes it: zero counts, a zero observedGeneration and empty conditions are omitted
 * (Go `omitempty`), `replicas` is always present.
 */
export function serializeReplicaSetStatus(s: ReplicaSetStatus): ReplicaSetStatus {
  const out: ReplicaSetStatus = { replicas: s.replicas ?? 0 };
  if (s.fullyLabeledReplicas) out.fullyLabeledReplicas = s.fullyLabeledReplicas;
  if (s.readyReplicas) out.readyReplicas = s.readyReplicas;
  if (s.availableReplicas) out.availableReplicas = s.availableReplicas;
  if (s.observedGeneration) out.observedGeneration = s.observedGeneration;
  if (s.conditions && s.conditions.length > 0) out.conditions = s.conditions;
  return out;
}

/**
 * Models updateReplicaSetStatus's early return: nothing to write when the counts and conditions match and the
 * current generation was already observed.
 */
export function replicaSetStatusUpToDate(rs: ReplicaSet & { metadata: { generation?: number } }, next: ReplicaSetStatus): boolean {
  const cur = rs.status;
  return (
    (cur?.replicas ?? 0) === (next.replicas ?? 0) &&
    (cur?.fullyLabeledReplicas ?? 0) === (next.fullyLabeledReplicas ?? 0) &&
    (cur?.readyReplicas ?? 0) === (next.readyReplicas ?? 0) &&
    (cur?.availableReplicas ?? 0) === (next.availableReplicas ?? 0) &&
    (rs.metadata.generation ?? 0) === (cur?.observedGeneration ?? 0) &&
    canonicalJson(cur?.conditions ?? []) === canonicalJson(next.conditions ?? [])
  );
}
