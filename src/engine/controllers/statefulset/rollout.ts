/**
 * What `kubectl rollout status|history|undo` needs to know about a StatefulSet, as pure functions of the stored
 * objects: the status viewer's progress line, the set's revisions with their change causes and templates, and
 * the rollback decision.
 * Models kubectl pkg/polymorphichelpers/rollout_status.go (StatefulSetStatusViewer), history.go
 * (statefulSetHistory, controlledHistoryV1, printHistory's data) and rollback.go (StatefulSetRollbacker,
 * findHistory, statefulsetMatch).
 */
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { controllerRef } from '../../api/meta';
import { fromLabelSelector, matches } from '../../api/labels';
import type { StoredStatefulSet } from './stateful-set-utils';
import { getPatch, revisionDataText, revisionTemplate, type StatefulSetRevisionData, type StoredControllerRevision } from './history';

/** The annotation whose value `rollout history` shows as CHANGE-CAUSE. */
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';

/** One `rollout status` observation: the line to print (newline included), whether the rollout is done, or an error. */
export interface RolloutStatus {
  message: string;
  done: boolean;
  /** Set when the status cannot be watched (OnDelete); kubectl prints it as an error. */
  error?: string;
}

/** Models StatefulSetStatusViewer.Status. Messages end with a newline, as kubectl prints them. */
export function statefulSetRolloutStatus(sts: StatefulSet & { metadata?: { generation?: number } }): RolloutStatus {
  const strategy = sts.spec?.updateStrategy;
  const type = strategy?.type ?? 'RollingUpdate';
  if (type !== 'RollingUpdate') return { message: '', done: true, error: 'rollout status is only available for RollingUpdate strategy type' };
  const status = sts.status;
  const observed = status?.observedGeneration ?? 0;
  if (observed === 0 || (sts.metadata?.generation ?? 0) > observed) {
    return { message: 'Waiting for statefulset spec update to be observed...\n', done: false };
  }
  const replicas = sts.spec?.replicas;
  const ready = status?.readyReplicas ?? 0;
  if (replicas !== undefined && ready < replicas) return { message: `Waiting for ${replicas - ready} pods to be ready...\n`, done: false };
  const updated = status?.updatedReplicas ?? 0;
  if (strategy?.rollingUpdate) {
    const partition = strategy.rollingUpdate.partition;
    if (replicas !== undefined && partition !== undefined && updated < replicas - partition) {
      return { message: `Waiting for partitioned roll out to finish: ${updated} out of ${replicas - partition} new pods have been updated...\n`, done: false };
    }
    return { message: `partitioned roll out complete: ${updated} new pods have been updated...\n`, done: true };
  }
  if (status?.updateRevision !== status?.currentRevision) {
    return { message: `waiting for statefulset rolling update to complete ${updated} pods at revision ${status?.updateRevision ?? ''}...\n`, done: false };
  }
  return { message: `statefulset rolling update complete ${status?.currentReplicas ?? 0} pods at revision ${status?.currentRevision ?? ''}...\n`, done: true };
}

/** One revision of a StatefulSet as `rollout history` shows it. */
export interface StatefulSetRevisionEntry {
  revision: number;
  /** The ControllerRevision's name (`web-85769fd6d4`). */
  name: string;
  /** The `kubernetes.io/change-cause` annotation, or undefined (printed `<none>`). */
  changeCause?: string;
  /** The pod template the revision restores. */
  template: PodTemplateSpec | undefined;
  object: StoredControllerRevision;
}

/**
 * Models statefulSetHistory with controlledHistoryV1: the ControllerRevisions (from `revisions`, e.g. every
 * ControllerRevision in the namespace) that the set's selector matches and the set controls, by revision number.
 * When two share a number the later in the input wins, as printHistory's map does.
 */
export function statefulSetRevisionHistory(sts: StoredStatefulSet, revisions: readonly StoredControllerRevision[]): StatefulSetRevisionEntry[] {
  const selector = fromLabelSelector(sts.spec?.selector);
  const byNumber = new Map<number, StoredControllerRevision>();
  for (const r of revisions) {
    if (r.metadata.namespace !== sts.metadata.namespace) continue;
    if (!selector || !matches(selector, r.metadata.labels)) continue;
    if (controllerRef(r)?.uid !== sts.metadata.uid) continue;
    byNumber.set(r.revision, r);
  }
  return [...byNumber.keys()]
    .sort((a, b) => a - b)
    .map((n) => {
      const r = byNumber.get(n)!;
      const cause = r.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION];
      return { revision: n, name: r.metadata.name, changeCause: cause ? cause : undefined, template: revisionTemplate(r), object: r };
    });
}

/** What `rollout undo` should do for a StatefulSet. */
export type StatefulSetRollbackPlan =
  | { kind: 'error'; message: string }
  /** Nothing to do: `skipped rollback (current template already matches revision N)`. */
  | { kind: 'skip'; message: string; revision: number }
  /** Patch the set with `data` (a strategic merge patch replacing spec.template); kubectl then prints `rolled back`. */
  | { kind: 'patch'; revision: number; data: StatefulSetRevisionData; template: PodTemplateSpec | undefined };

/**
 * Models StatefulSetRollbacker.Rollback (without dry-run): `toRevision` 0 means the revision before the latest.
 * `revisions` are the set's revisions as statefulSetRevisionHistory returns them.
 */
export function planStatefulSetRollback(sts: StoredStatefulSet, revisions: readonly StatefulSetRevisionEntry[], toRevision: number): StatefulSetRollbackPlan {
  const notFound = (r: number) => ({ kind: 'error' as const, message: `unable to find specified revision ${r} in history` });
  if (toRevision < 0) return notFound(toRevision);
  if (toRevision === 0 && revisions.length <= 1) return { kind: 'error', message: 'no last revision to roll back to' };
  const sorted = [...revisions].sort((a, b) => a.revision - b.revision);
  const target = toRevision === 0 ? sorted[sorted.length - 2] : sorted.find((r) => r.revision === toRevision);
  if (!target) return notFound(toRevision);
  // Models statefulsetMatch: the set's own patch has the same bytes as the revision's.
  if (revisionDataText(getPatch(sts)) === revisionDataText(target.object.data)) {
    return { kind: 'skip', revision: toRevision, message: `skipped rollback (current template already matches revision ${toRevision})` };
  }
  return { kind: 'patch', revision: target.revision, data: target.object.data as unknown as StatefulSetRevisionData, template: target.template };
}
