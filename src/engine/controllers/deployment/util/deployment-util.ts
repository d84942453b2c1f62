/**
 * Deployment arithmetic and bookkeeping that does not touch the apiserver: fenceposts, how far the new
 * ReplicaSet may grow, proportional-scaling fractions, revisions and replica annotations, conditions, and the
 * complete/progressing/timed-out predicates.
 * Models pkg/controller/deployment/util/deployment_util.go and the ReplicaSet sorters of
 * pkg/controller/controller_utils.go.
 */
import type { Deployment, DeploymentCondition, DeploymentStatus, ReplicaSet, ReplicaSetCondition } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../api/types';
import { fromTimestamp, toTimestamp, deepCopy } from '../../../api/meta';
import { canonicalJson } from '../../../api/names';
import { replicasOf, type StoredReplicaSet } from '../../replicaset/replica-set-status';
import { getScaledValueFromIntOrPercent, type Fallible, type IntOrString } from './int-or-string';

/** A Deployment as stored by the apiserver. */
export type StoredDeployment = Deployment & KubeObject;

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';
/** Label the Deployment adds to each ReplicaSet's selector, template and pods. */
export const DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY = 'pod-template-hash';
/** Cap on the length of the revision-history annotation (upstream maxRevHistoryLengthInChars). */
export const MAX_REV_HISTORY_LENGTH_IN_CHARS = 2000;
const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';
const DEPRECATED_ROLLBACK_TO = 'deprecated.deployment.rollback.to';
const MAX_INT32 = 2147483647;

/** Progressing / Available condition reasons, as upstream spells them. */
export const Reasons = {
  ReplicaSetUpdated: 'ReplicaSetUpdated',
  FailedRSCreate: 'ReplicaSetCreateError',
  NewReplicaSet: 'NewReplicaSetCreated',
  FoundNewRS: 'FoundNewReplicaSet',
  NewRSAvailable: 'NewReplicaSetAvailable',
  TimedOut: 'ProgressDeadlineExceeded',
  PausedDeploy: 'DeploymentPaused',
  ResumedDeploy: 'DeploymentResumed',
  MinimumReplicasAvailable: 'MinimumReplicasAvailable',
  MinimumReplicasUnavailable: 'MinimumReplicasUnavailable',
} as const;

// ---- spec accessors ---------------------------------------------------------------------------------------------

/** `spec.replicas`, which defaults to 1. */
export function deploymentReplicas(d: Deployment): number {
  return d.spec?.replicas ?? 1;
}

/** Models IsRollingUpdate. */
export function isRollingUpdate(d: Deployment): boolean {
  return d.spec?.strategy?.type === 'RollingUpdate';
}

/** Models HasProgressDeadline: set and not MaxInt32. */
export function hasProgressDeadline(d: Deployment): boolean {
  const pds = d.spec?.progressDeadlineSeconds;
  return pds !== undefined && pds !== null && pds !== MAX_INT32;
}

/** Models HasRevisionHistoryLimit: set and not MaxInt32. */
export function hasRevisionHistoryLimit(d: Deployment): boolean {
  const l = d.spec?.revisionHistoryLimit;
  return l !== undefined && l !== null && l !== MAX_INT32;
}

// ---- fenceposts -------------------------------------------------------------------------------------------------

/** Resolved surge and unavailability for a replica count. */
export interface Fenceposts {
  surge: number;
  unavailable: number;
}

/**
 * Models ResolveFenceposts: surge rounds up, unavailability rounds down, a missing value counts as 0, and if both
 * resolve to 0 unavailability becomes 1 so a rollout can never deadlock.
 */
export function resolveFenceposts(maxSurge: IntOrString | undefined | null, maxUnavailable: IntOrString | undefined | null, desired: number): Fallible<Fenceposts> {
  const surge = getScaledValueFromIntOrPercent(maxSurge ?? 0, desired, true);
  if (!surge.ok) return surge;
  const unav = getScaledValueFromIntOrPercent(maxUnavailable ?? 0, desired, false);
  if (!unav.ok) return unav;
  return { ok: true, value: { surge: surge.value, unavailable: surge.value === 0 && unav.value === 0 ? 1 : unav.value } };
}

/** Models MaxSurge: 0 unless RollingUpdate; an invalid value (caught by validation) counts as 0. */
export function maxSurge(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0;
  const ru = d.spec?.strategy?.rollingUpdate;
  const f = resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, deploymentReplicas(d));
  return f.ok ? f.value.surge : 0;
}

/** Models MaxUnavailable: 0 unless RollingUpdate with replicas > 0, and never more than replicas. */
export function maxUnavailable(d: Deployment): number {
  const replicas = deploymentReplicas(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  const ru = d.spec?.strategy?.rollingUpdate;
  const f = resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, replicas);
  const unav = f.ok ? f.value.unavailable : 0;
  return Math.min(unav, replicas);
}

/** Models MinAvailable: replicas - MaxUnavailable for RollingUpdate, else 0. */
export function minAvailable(d: Deployment): number {
  return isRollingUpdate(d) ? deploymentReplicas(d) - maxUnavailable(d) : 0;
}

// ---- replica counts ---------------------------------------------------------------------------------------------

type MaybeRS = ReplicaSet | undefined | null;

/** Sum of spec.replicas. */
export function getReplicaCountForReplicaSets(rss: readonly MaybeRS[]): number {
  return rss.reduce((n, rs) => n + (rs ? replicasOf(rs) : 0), 0);
}

/** Sum of status.replicas. */
export function getActualReplicaCountForReplicaSets(rss: readonly MaybeRS[]): number {
  return rss.reduce((n, rs) => n + (rs?.status?.replicas ?? 0), 0);
}

/** Sum of status.readyReplicas. */
export function getReadyReplicaCountForReplicaSets(rss: readonly MaybeRS[]): number {
  return rss.reduce((n, rs) => n + (rs?.status?.readyReplicas ?? 0), 0);
}

/** Sum of status.availableReplicas. */
export function getAvailableReplicaCountForReplicaSets(rss: readonly MaybeRS[]): number {
  return rss.reduce((n, rs) => n + (rs?.status?.availableReplicas ?? 0), 0);
}

/** Models controller.FilterActiveReplicaSets: ReplicaSets with spec.replicas > 0. */
export function filterActiveReplicaSets<R extends ReplicaSet>(rss: readonly (R | undefined | null)[]): R[] {
  return rss.filter((rs): rs is R => !!rs && replicasOf(rs) > 0);
}

// ---- sorting ----------------------------------------------------------------------------------------------------

function createdMs(rs: ReplicaSet): number {
  return fromTimestamp(rs.metadata?.creationTimestamp) ?? 0;
}

/** Models ReplicaSetsByCreationTimestamp: older first, then by name. Returns a negative number when a < b. */
export function compareByCreationTimestamp(a: ReplicaSet, b: ReplicaSet): number {
  const ta = createdMs(a);
  const tb = createdMs(b);
  if (ta !== tb) return ta - tb;
  const na = a.metadata?.name ?? '';
  const nb = b.metadata?.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** Models ReplicaSetsBySizeOlder: larger first; equal sizes older first. */
export function compareBySizeOlder(a: ReplicaSet, b: ReplicaSet): number {
  if (replicasOf(a) === replicasOf(b)) return compareByCreationTimestamp(a, b);
  return replicasOf(b) - replicasOf(a);
}

/** Models ReplicaSetsBySizeNewer: larger first; equal sizes newer first. */
export function compareBySizeNewer(a: ReplicaSet, b: ReplicaSet): number {
  if (replicasOf(a) === replicasOf(b)) return compareByCreationTimestamp(b, a);
  return replicasOf(b) - replicasOf(a);
}

/** Models ReplicaSetsByRevision: lower revision first, then by creation time. */
export function compareByRevision(a: ReplicaSet, b: ReplicaSet): number {
  const ra = revision(a) ?? 0;
  const rb = revision(b) ?? 0;
  if (ra === rb) return compareByCreationTimestamp(a, b);
  return ra - rb;
}

// ---- revisions and annotations ----------------------------------------------------------------------------------

/** The revision annotation as a number; undefined when missing or malformed (Revision returns an error). */
export function revision(obj: { metadata?: { annotations?: Record<string, string> } }): number | undefined {
  const raw = obj.metadata?.annotations?.[REVISION_ANNOTATION];
  if (raw === undefined || !/^[+-]?\d+$/.test(raw)) return undefined;
  return Number(raw);
}

/** Models MaxRevision: the highest revision among the ReplicaSets (0 when none has one). */
export function maxRevision(rss: readonly ReplicaSet[]): number {
  let max = 0;
  for (const rs of rss) {
    const v = revision(rs);
    if (v !== undefined && v > max) max = v;
  }
  return max;
}

const ANNOTATIONS_TO_SKIP = new Set([
  LAST_APPLIED_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  DEPRECATED_ROLLBACK_TO,
]);

function mutableAnnotations(obj: { metadata?: { annotations?: Record<string, string> } }): Record<string, string> {
  const meta = obj.metadata!;
  meta.annotations ??= {};
  return meta.annotations;
}

/**
 * Models copyDeploymentAnnotationsToReplicaSet: every Deployment annotation except the apply and revision
 * bookkeeping ones (so `kubernetes.io/change-cause` reaches the ReplicaSet). Returns true if anything changed.
 */
export function copyDeploymentAnnotationsToReplicaSet(d: Deployment, rs: ReplicaSet): boolean {
  const target = mutableAnnotations(rs);
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata?.annotations ?? {})) {
    if (ANNOTATIONS_TO_SKIP.has(k) || target[k] === v) continue;
    target[k] = v;
    changed = true;
  }
  return changed;
}

/** Models SetReplicasAnnotations: writes desired-replicas and max-replicas; true if either changed. */
export function setReplicasAnnotations(rs: ReplicaSet, desiredReplicas: number, maxReplicas: number): boolean {
  const a = mutableAnnotations(rs);
  let updated = false;
  if (a[DESIRED_REPLICAS_ANNOTATION] !== String(desiredReplicas)) {
    a[DESIRED_REPLICAS_ANNOTATION] = String(desiredReplicas);
    updated = true;
  }
  if (a[MAX_REPLICAS_ANNOTATION] !== String(maxReplicas)) {
    a[MAX_REPLICAS_ANNOTATION] = String(maxReplicas);
    updated = true;
  }
  return updated;
}

/** Models ReplicasAnnotationsNeedUpdate. */
export function replicasAnnotationsNeedUpdate(rs: ReplicaSet, desiredReplicas: number, maxReplicas: number): boolean {
  const a = rs.metadata?.annotations;
  if (!a) return true;
  return a[DESIRED_REPLICAS_ANNOTATION] !== String(desiredReplicas) || a[MAX_REPLICAS_ANNOTATION] !== String(maxReplicas);
}

function int32Annotation(rs: ReplicaSet, key: string): number | undefined {
  const raw = rs.metadata?.annotations?.[key];
  if (raw === undefined || !/^[+-]?\d+$/.test(raw)) return undefined;
  const n = Number(raw);
  return n < -2147483648 || n > MAX_INT32 ? undefined : n;
}

/** Models GetDesiredReplicasAnnotation. */
export function getDesiredReplicasAnnotation(rs: ReplicaSet): number | undefined {
  return int32Annotation(rs, DESIRED_REPLICAS_ANNOTATION);
}

/** Models getMaxReplicasAnnotation. */
export function getMaxReplicasAnnotation(rs: ReplicaSet): number | undefined {
  return int32Annotation(rs, MAX_REPLICAS_ANNOTATION);
}

/**
 * Models SetNewReplicaSetAnnotations: copies the Deployment's annotations, raises the revision to `newRevision`
 * when it is higher (recording the previous number in revision-history, as a rollback does), and for a ReplicaSet
 * about to be created adds the replica annotations. Returns true if any annotation changed.
 */
export function setNewReplicaSetAnnotations(d: Deployment, newRS: ReplicaSet, newRevision: string, exists: boolean, revHistoryLimitInChars = MAX_REV_HISTORY_LENGTH_IN_CHARS): boolean {
  let changed = copyDeploymentAnnotationsToReplicaSet(d, newRS);
  const a = mutableAnnotations(newRS);
  const had = Object.prototype.hasOwnProperty.call(a, REVISION_ANNOTATION);
  const oldRevision = a[REVISION_ANNOTATION] ?? '';
  let oldRevisionInt = 0;
  if (oldRevision !== '') {
    if (!/^[+-]?\d+$/.test(oldRevision)) return false;
    oldRevisionInt = Number(oldRevision);
  }
  if (!/^[+-]?\d+$/.test(newRevision)) return false;
  const newRevisionInt = Number(newRevision);
  if (oldRevisionInt < newRevisionInt) {
    a[REVISION_ANNOTATION] = newRevision;
    changed = true;
  }
  if (had && oldRevisionInt < newRevisionInt) {
    const history = a[REVISION_HISTORY_ANNOTATION] ?? '';
    const oldRevisions = history.split(',');
    if (oldRevisions[0]!.length === 0) {
      a[REVISION_HISTORY_ANNOTATION] = oldRevision;
    } else {
      // Drop the oldest entries until the new one fits in the limit.
      let totalLen = history.length + oldRevision.length + 1;
      let start = 0;
      while (totalLen > revHistoryLimitInChars && start < oldRevisions.length) {
        totalLen -= oldRevisions[start]!.length + 1;
        start++;
      }
      if (totalLen <= revHistoryLimitInChars) a[REVISION_HISTORY_ANNOTATION] = [...oldRevisions.slice(start), oldRevision].join(',');
    }
  }
  if (!exists && setReplicasAnnotations(newRS, deploymentReplicas(d), deploymentReplicas(d) + maxSurge(d))) changed = true;
  return changed;
}

/** Models SetDeploymentRevision: true if the Deployment's revision annotation changed. */
export function setDeploymentRevision(d: Deployment, rev: string): boolean {
  const a = mutableAnnotations(d);
  if (a[REVISION_ANNOTATION] === rev) return false;
  a[REVISION_ANNOTATION] = rev;
  return true;
}

// ---- new / old ReplicaSets --------------------------------------------------------------------------------------

function withoutHash(t: PodTemplateSpec | undefined): unknown {
  const c = deepCopy(t ?? {});
  const labels = c.metadata?.labels;
  if (labels) {
    delete labels[DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY];
    // Semantic equality treats an empty map like a missing one.
    if (Object.keys(labels).length === 0) delete c.metadata!.labels;
  }
  return c;
}

/** Models EqualIgnoreHash: templates equal once the pod-template-hash label is ignored. */
export function equalIgnoreHash(t1: PodTemplateSpec | undefined, t2: PodTemplateSpec | undefined): boolean {
  return canonicalJson(withoutHash(t1)) === canonicalJson(withoutHash(t2));
}

/** Models FindNewReplicaSet: the oldest ReplicaSet whose template equals the Deployment's. */
export function findNewReplicaSet<R extends ReplicaSet>(d: Deployment, rsList: readonly R[]): R | undefined {
  return [...rsList].sort(compareByCreationTimestamp).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

/** Models FindOldReplicaSets: every ReplicaSet but the new one, and the subset that still has replicas. */
export function findOldReplicaSets<R extends ReplicaSet>(d: Deployment, rsList: readonly R[]): { requiredRSs: R[]; allOldRSs: R[] } {
  const newRS = findNewReplicaSet(d, rsList);
  const allOldRSs = rsList.filter((rs) => !newRS || rs.metadata?.uid !== newRS.metadata?.uid);
  return { requiredRSs: allOldRSs.filter((rs) => replicasOf(rs) !== 0), allOldRSs };
}

/** Models FindActiveOrLatest: the only active ReplicaSet, the newest one when none is active, else undefined. */
export function findActiveOrLatest<R extends ReplicaSet>(newRS: R | undefined, oldRSs: readonly R[]): R | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = [...oldRSs].sort((a, b) => compareByCreationTimestamp(b, a));
  const active = filterActiveReplicaSets([...newestFirst, newRS]);
  if (active.length === 0) return newRS ?? newestFirst[0];
  return active.length === 1 ? active[0] : undefined;
}

/** Models IsSaturated: the new ReplicaSet runs, wants and has available exactly the desired replicas. */
export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const desired = getDesiredReplicasAnnotation(rs);
  if (desired === undefined) return false;
  const replicas = deploymentReplicas(d);
  return replicasOf(rs) === replicas && desired === replicas && (rs.status?.availableReplicas ?? 0) === replicas;
}

/**
 * Models NewRSNewReplicas: how big the new ReplicaSet may be now. RollingUpdate grows it into the surge room left
 * under replicas+maxSurge without passing replicas; Recreate jumps to replicas.
 */
export function newRSNewReplicas(d: Deployment, allRSs: readonly MaybeRS[], newRS: ReplicaSet): Fallible<number> {
  const replicas = deploymentReplicas(d);
  const type = d.spec?.strategy?.type;
  if (type === 'Recreate') return { ok: true, value: replicas };
  if (type !== 'RollingUpdate') return { ok: false, error: `deployment type ${type ?? ''} isn't supported` };
  const surge = getScaledValueFromIntOrPercent(d.spec?.strategy?.rollingUpdate?.maxSurge, replicas, true);
  if (!surge.ok) return surge;
  const current = getReplicaCountForReplicaSets(allRSs);
  const maxTotal = replicas + surge.value;
  if (current >= maxTotal) return { ok: true, value: replicasOf(newRS) };
  const scaleUp = Math.min(maxTotal - current, replicas - replicasOf(newRS));
  return { ok: true, value: replicasOf(newRS) + scaleUp };
}

// ---- proportional scaling ---------------------------------------------------------------------------------------

/** Go's math.Round: half away from zero. */
function goRound(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/**
 * Models getReplicaSetFraction: how many replicas this ReplicaSet gains (or loses) when the Deployment moves from
 * the size recorded in its max-replicas annotation to replicas+maxSurge.
 */
export function getReplicaSetFraction(rs: ReplicaSet, d: Deployment): number {
  const replicas = deploymentReplicas(d);
  if (replicas === 0) return -replicasOf(rs);
  const deploymentMaxReplicas = replicas + maxSurge(d);
  let before = getMaxReplicasAnnotation(rs);
  if (before === undefined || before === 0) {
    // No usable annotation (someone edited it away): fall back to the Deployment's current size.
    before = d.status?.replicas ?? 0;
    if (before === 0) return 0;
  }
  return goRound((replicasOf(rs) * deploymentMaxReplicas) / before) - replicasOf(rs);
}

/**
 * Models GetProportion: the share of `toAdd` this ReplicaSet takes, never more (in absolute value) than what is
 * left after `added`.
 */
export function getProportion(rs: ReplicaSet | undefined, d: Deployment, toAdd: number, added: number): number {
  if (!rs || replicasOf(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = getReplicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

// ---- conditions -------------------------------------------------------------------------------------------------

/** Models NewDeploymentCondition: both times are now. */
export function newDeploymentCondition(type: string, status: string, reason: string, message: string, nowMs: number): DeploymentCondition {
  const now = toTimestamp(nowMs);
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}

/** Models GetDeploymentCondition. */
export function getDeploymentCondition(status: DeploymentStatus | undefined, type: string): DeploymentCondition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/**
 * Models SetDeploymentCondition: a condition with the same status and reason is left alone; otherwise the new one
 * replaces it at the end of the list, keeping lastTransitionTime when only the reason changed.
 */
export function setDeploymentCondition(status: DeploymentStatus, condition: DeploymentCondition): void {
  const current = getDeploymentCondition(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  const next = { ...condition };
  if (current && current.status === condition.status) next.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== condition.type), next];
}

/** Models RemoveDeploymentCondition. */
export function removeDeploymentCondition(status: DeploymentStatus, type: string): void {
  status.conditions = (status.conditions ?? []).filter((c) => c.type !== type);
}

/** Models ReplicaSetToDeploymentCondition: lastUpdateTime is the ReplicaSet condition's transition time. */
export function replicaSetToDeploymentCondition(c: ReplicaSetCondition): DeploymentCondition {
  return { type: c.type, status: c.status, lastUpdateTime: c.lastTransitionTime, lastTransitionTime: c.lastTransitionTime, reason: c.reason, message: c.message };
}

// ---- rollout state ----------------------------------------------------------------------------------------------

/** Models DeploymentComplete: updated, total and available all equal replicas, and the generation is observed. */
export function deploymentComplete(d: Deployment & { metadata?: { generation?: number } }, s: DeploymentStatus): boolean {
  const replicas = deploymentReplicas(d);
  return (
    (s.updatedReplicas ?? 0) === replicas &&
    (s.replicas ?? 0) === replicas &&
    (s.availableReplicas ?? 0) === replicas &&
    (s.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0)
  );
}

/**
 * Models DeploymentProgressing: compared with the current status, more updated replicas, fewer old replicas,
 * more ready or more available replicas.
 */
export function deploymentProgressing(d: Deployment, s: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (
    (s.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (s.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (s.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

/**
 * Models DeploymentTimedOut: the Progressing condition says ProgressDeadlineExceeded, or its lastUpdateTime plus
 * progressDeadlineSeconds is before now. A completed rollout (NewReplicaSetAvailable) never times out.
 */
export function deploymentTimedOut(d: Deployment, s: DeploymentStatus, nowMs: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const cond = getDeploymentCondition(s, 'Progressing');
  if (!cond) return false;
  if (cond.reason === Reasons.NewRSAvailable) return false;
  if (cond.reason === Reasons.TimedOut) return true;
  const from = fromTimestamp(cond.lastUpdateTime) ?? 0;
  return from + d.spec!.progressDeadlineSeconds! * 1000 < nowMs;
}

/**
 * The status as the API serializes it: Go `omitempty` drops zero counts, a zero observedGeneration, empty
 * conditions and a missing collisionCount.
 */
export function serializeDeploymentStatus(s: DeploymentStatus): DeploymentStatus {
  const out: DeploymentStatus = {};
  if (s.observedGeneration) out.observedGeneration = s.observedGeneration;
  if (s.replicas) out.replicas = s.replicas;
  if (s.updatedReplicas) out.updatedReplicas = s.updatedReplicas;
  if (s.readyReplicas) out.readyReplicas = s.readyReplicas;
  if (s.availableReplicas) out.availableReplicas = s.availableReplicas;
  if (s.unavailableReplicas) out.unavailableReplicas = s.unavailableReplicas;
  if (s.conditions && s.conditions.length > 0) out.conditions = s.conditions;
  if (s.collisionCount !== undefined && s.collisionCount !== null) out.collisionCount = s.collisionCount;
  return out;
}

/** reflect.DeepEqual over two statuses as Go would see them (zero and missing are the same). */
export function deploymentStatusEqual(a: DeploymentStatus | undefined, b: DeploymentStatus | undefined): boolean {
  return canonicalJson(serializeDeploymentStatus(a ?? {})) === canonicalJson(serializeDeploymentStatus(b ?? {}));
}

/** Re-exported so callers of the Deployment helpers need one import for ReplicaSets too. */
export type { StoredReplicaSet };
