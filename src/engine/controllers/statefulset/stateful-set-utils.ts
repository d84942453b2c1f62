/**
 * Pure helpers of the StatefulSet controller: ordinal identity (pod and claim names, labels, hostname/subdomain),
 * pod health predicates, the pods it creates from a revision, claim ownership under the retention policy, and
 * the status rules that finish a rolling update.
 * Models pkg/controller/statefulset/stateful_set_utils.go.
 */
import type { StatefulSet, StatefulSetPersistentVolumeClaimRetentionPolicy, StatefulSetStatus } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Pod, Volume } from 'kubernetes-types/core/v1';
import type { KubeObject, OwnerReference } from '../../api/types';
import { deepCopy } from '../../api/meta';
import { isPodAvailable, isPodReady } from '../replicaset/pod-utils';

/** A StatefulSet as stored by the apiserver. */
export type StoredStatefulSet = StatefulSet & KubeObject;

/** A pod as the controller handles it: stored, or built in memory and not created yet (no uid, no phase). */
export type StatefulPod = Pod & KubeObject;

/** A PersistentVolumeClaim as stored by the apiserver. */
export type StoredClaim = PersistentVolumeClaim & KubeObject;

/** Label holding the pod's own name, so a Service can select one replica. */
export const STATEFUL_SET_POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';

/** Label holding the pod's ordinal (PodIndexLabel, on by default since v1.32). */
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

/** Label naming the ControllerRevision a pod was created from. */
export const STATEFUL_SET_REVISION_LABEL = 'controller-revision-hash';

/** The group/version/kind the controller owns pods as. */
export const STATEFUL_SET_KIND = { apiVersion: 'apps/v1', kind: 'StatefulSet' } as const;
const POD_KIND = { apiVersion: 'v1', kind: 'Pod' } as const;

// Models statefulPodRegex: everything before the last `-<digits>` is the parent's name.
const STATEFUL_POD_NAME = /^(.*)-([0-9]+)$/;
const MAX_INT32 = 2147483647;

/**
 * Models getParentNameAndOrdinal: the parent StatefulSet's name and the ordinal parsed from a pod name. A name
 * without `-<digits>` has parent '' and ordinal -1; digits that overflow an int32 keep the parent but give -1.
 */
export function parentNameAndOrdinal(podName: string): { parent: string; ordinal: number } {
  const m = STATEFUL_POD_NAME.exec(podName);
  if (!m) return { parent: '', ordinal: -1 };
  const n = Number(m[2]);
  return { parent: m[1]!, ordinal: Number.isSafeInteger(n) && n <= MAX_INT32 ? n : -1 };
}

/** Models getOrdinal. */
export function getOrdinal(pod: { metadata?: { name?: string } }): number {
  return parentNameAndOrdinal(pod.metadata?.name ?? '').ordinal;
}

/** Models isMemberOf: the pod's name says it belongs to `set`. */
export function isMemberOf(set: StoredStatefulSet, pod: KubeObject): boolean {
  return parentNameAndOrdinal(pod.metadata.name).parent === set.metadata.name;
}

/** spec.replicas with its default of 1. */
export function replicasOf(set: StatefulSet): number {
  return set.spec?.replicas ?? 1;
}

/** Models getStartOrdinal: spec.ordinals.start, default 0. */
export function getStartOrdinal(set: StatefulSet): number {
  return set.spec?.ordinals?.start ?? 0;
}

/** Models getEndOrdinal: the last ordinal in range (inclusive). */
export function getEndOrdinal(set: StatefulSet): number {
  return getStartOrdinal(set) + replicasOf(set) - 1;
}

/** Models podInOrdinalRange. */
export function podInOrdinalRange(pod: { metadata?: { name?: string } }, set: StatefulSet): boolean {
  const ordinal = getOrdinal(pod);
  return ordinal >= getStartOrdinal(set) && ordinal <= getEndOrdinal(set);
}

/** Models getPodName: `<set>-<ordinal>`. */
export function getPodName(set: StoredStatefulSet, ordinal: number): string {
  return `${set.metadata.name}-${ordinal}`;
}

/** Models getPersistentVolumeClaimName: `<template>-<set>-<ordinal>`. */
export function getPersistentVolumeClaimName(set: StoredStatefulSet, claimTemplateName: string, ordinal: number): string {
  return `${claimTemplateName}-${set.metadata.name}-${ordinal}`;
}

/** The names of the claim templates, in spec order. */
export function claimTemplateNames(set: StatefulSet): string[] {
  return (set.spec?.volumeClaimTemplates ?? []).map((t) => t.metadata?.name ?? '');
}

/** Models allowsBurst: Parallel pod management. */
export function allowsBurst(set: StatefulSet): boolean {
  return set.spec?.podManagementPolicy === 'Parallel';
}

/** Models getPersistentVolumeClaimRetentionPolicy: Retain/Retain unless set. */
export function retentionPolicyOf(set: StatefulSet): Required<StatefulSetPersistentVolumeClaimRetentionPolicy> {
  const p = set.spec?.persistentVolumeClaimRetentionPolicy;
  return { whenDeleted: p?.whenDeleted ?? 'Retain', whenScaled: p?.whenScaled ?? 'Retain' };
}

// ---- pod predicates --------------------------------------------------------------------------------------------

/** Models isRunningAndReady. */
export function isRunningAndReady(pod: Pod): boolean {
  return pod.status?.phase === 'Running' && isPodReady(pod);
}

/** Models isRunningAndAvailable (podutil.IsPodAvailable at `nowMs`). */
export function isRunningAndAvailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  return isPodAvailable(pod, minReadySeconds, nowMs);
}

/** Models isCreated: the apiserver has given the pod a phase. */
export function isCreated(pod: Pod): boolean {
  return !!pod.status?.phase;
}

/** Models isPending. */
export function isPending(pod: Pod): boolean {
  return pod.status?.phase === 'Pending';
}

/** Models isFailed. */
export function isFailed(pod: Pod): boolean {
  return pod.status?.phase === 'Failed';
}

/** Models isSucceeded. */
export function isSucceeded(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded';
}

/** Models isTerminating: a deletionTimestamp is set. */
export function isTerminating(pod: Pod): boolean {
  return !!pod.metadata?.deletionTimestamp;
}

/** Models isHealthy: running, ready and not terminating. */
export function isHealthy(pod: Pod): boolean {
  return isRunningAndReady(pod) && !isTerminating(pod);
}

/** Models getPodRevision: the controller-revision-hash label, or ''. */
export function getPodRevision(pod: Pod): string {
  return pod.metadata?.labels?.[STATEFUL_SET_REVISION_LABEL] ?? '';
}

/** Sorts pods by ordinal, ascending (pods without an ordinal first); returns a new array. */
export function ascendingOrdinal<P extends KubeObject>(pods: readonly P[]): P[] {
  return [...pods].sort((a, b) => getOrdinal(a) - getOrdinal(b));
}

/** Sorts pods by ordinal, descending; returns a new array. */
export function descendingOrdinal<P extends KubeObject>(pods: readonly P[]): P[] {
  return [...pods].sort((a, b) => getOrdinal(b) - getOrdinal(a));
}

// ---- identity and storage --------------------------------------------------------------------------------------

/** Models identityMatches: name, namespace and the pod-name label agree with the pod's ordinal in `set`. */
export function identityMatches(set: StoredStatefulSet, pod: StatefulPod): boolean {
  const { parent, ordinal } = parentNameAndOrdinal(pod.metadata.name);
  return (
    ordinal >= 0 &&
    parent === set.metadata.name &&
    pod.metadata.name === getPodName(set, ordinal) &&
    pod.metadata.namespace === set.metadata.namespace &&
    pod.metadata.labels?.[STATEFUL_SET_POD_NAME_LABEL] === pod.metadata.name
  );
}

/** Models storageMatches: every claim template is mounted as a volume of that name using the pod's own claim. */
export function storageMatches(set: StoredStatefulSet, pod: StatefulPod): boolean {
  const ordinal = getOrdinal(pod);
  if (ordinal < 0) return false;
  const volumes = new Map((pod.spec?.volumes ?? []).map((v) => [v.name, v] as const));
  for (const name of claimTemplateNames(set)) {
    const v = volumes.get(name);
    if (!v?.persistentVolumeClaim || v.persistentVolumeClaim.claimName !== getPersistentVolumeClaimName(set, name, ordinal)) return false;
  }
  return true;
}

/**
 * Models getPersistentVolumeClaims: the claims the pod needs, keyed by template name. Each is the template with the
 * per-pod name, the set's namespace, and the template's labels plus the selector's matchLabels.
 */
export function getPersistentVolumeClaims(set: StoredStatefulSet, pod: { metadata?: { name?: string } }): Map<string, StoredClaim> {
  const ordinal = getOrdinal(pod);
  const claims = new Map<string, StoredClaim>();
  for (const template of set.spec?.volumeClaimTemplates ?? []) {
    const templateName = template.metadata?.name ?? '';
    const claim = deepCopy(template) as PersistentVolumeClaim;
    const matchLabels = set.spec?.selector?.matchLabels ?? {};
    const labels = claim.metadata?.labels ? { ...claim.metadata.labels, ...matchLabels } : { ...matchLabels };
    const metadata = { ...(claim.metadata ?? {}), name: getPersistentVolumeClaimName(set, templateName, ordinal), namespace: set.metadata.namespace, labels };
    claims.set(templateName, { ...claim, apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata } as StoredClaim);
  }
  return claims;
}

/**
 * Models updateStorage: the claim volumes first (in template order), then the pod's other volumes.
 * Divergence: upstream walks a Go map, so with several templates their order varies from pod to pod.
 */
export function updateStorage(set: StoredStatefulSet, pod: StatefulPod): void {
  const claims = getPersistentVolumeClaims(set, pod);
  const volumes: Volume[] = [];
  for (const [name, claim] of claims) volumes.push({ name, persistentVolumeClaim: { claimName: claim.metadata.name } });
  for (const v of pod.spec?.volumes ?? []) if (!claims.has(v.name)) volumes.push(v);
  const spec = (pod.spec ??= { containers: [] });
  if (volumes.length > 0) spec.volumes = volumes;
  else delete spec.volumes;
}

/** Models updateIdentity: name, namespace, pod-name and pod-index labels from the ordinal. */
export function updateIdentity(set: StoredStatefulSet, pod: StatefulPod): void {
  const ordinal = getOrdinal(pod);
  pod.metadata.name = getPodName(set, ordinal);
  pod.metadata.namespace = set.metadata.namespace;
  const labels = (pod.metadata.labels ??= {});
  labels[STATEFUL_SET_POD_NAME_LABEL] = pod.metadata.name;
  labels[POD_INDEX_LABEL] = String(ordinal);
}

/** Models initIdentity: updateIdentity plus the immutable hostname and subdomain, set only at creation. */
function initIdentity(set: StoredStatefulSet, pod: StatefulPod): void {
  updateIdentity(set, pod);
  const spec = (pod.spec ??= { containers: [] });
  spec.hostname = pod.metadata.name;
  if (set.spec?.serviceName) spec.subdomain = set.spec.serviceName;
}

/** Models getPodsPrefix: `<name>-` unless that would not be a valid generateName. */
function podNamePrefix(controllerName: string): string {
  return controllerName.length + 1 > 253 ? controllerName : `${controllerName}-`;
}

/**
 * Models newStatefulSetPod with controller.GetPodFromTemplate: the template's labels, annotations, finalizers and
 * spec, a controller reference to the set, the ordinal identity and the claim volumes. Not created yet: no phase.
 */
export function newStatefulSetPod(set: StoredStatefulSet, ordinal: number): StatefulPod {
  const template = set.spec?.template ?? {};
  const metadata: KubeObject['metadata'] = { name: getPodName(set, ordinal), generateName: podNamePrefix(set.metadata.name), namespace: set.metadata.namespace };
  metadata.labels = { ...(template.metadata?.labels ?? {}) };
  const annotations = template.metadata?.annotations;
  if (annotations && Object.keys(annotations).length > 0) metadata.annotations = { ...annotations };
  const finalizers = template.metadata?.finalizers;
  if (finalizers && finalizers.length > 0) metadata.finalizers = [...finalizers];
  metadata.ownerReferences = [controllerRefTo(set)];
  const pod: StatefulPod = { apiVersion: 'v1', kind: 'Pod', metadata, spec: deepCopy(template.spec ?? { containers: [] }) };
  initIdentity(set, pod);
  updateStorage(set, pod);
  return pod;
}

/** Models setPodRevision. */
export function setPodRevision(pod: StatefulPod, revision: string): void {
  (pod.metadata.labels ??= {})[STATEFUL_SET_REVISION_LABEL] = revision;
}

/**
 * Models newVersionedStatefulSetPod: a pod below the partition is built from the current revision, the others from
 * the update revision. The Go condition is `A && B || C`, so the partition rule applies whatever the strategy type.
 */
export function newVersionedStatefulSetPod(currentSet: StoredStatefulSet, updateSet: StoredStatefulSet, currentRevision: string, updateRevision: string, ordinal: number): StatefulPod {
  const strategy = currentSet.spec?.updateStrategy;
  const ru = strategy?.rollingUpdate;
  const start = getStartOrdinal(currentSet);
  const useCurrent =
    ((strategy?.type ?? 'RollingUpdate') === 'RollingUpdate' && ru == null && ordinal < start + (currentSet.status?.currentReplicas ?? 0)) ||
    (ru != null && ordinal < start + (ru.partition ?? 0));
  const pod = newStatefulSetPod(useCurrent ? currentSet : updateSet, ordinal);
  setPodRevision(pod, useCurrent ? currentRevision : updateRevision);
  return pod;
}

/** A controller owner reference to `owner` of the given kind. */
function controllerRefTo(owner: KubeObject, gvk: { apiVersion: string; kind: string } = STATEFUL_SET_KIND): OwnerReference {
  return { apiVersion: gvk.apiVersion, kind: gvk.kind, name: owner.metadata.name, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

// ---- claim ownership under the retention policy ---------------------------------------------------------------

/** Models matchesRef: same group/version, kind and name (the uid is not compared). */
function matchesRef(ref: OwnerReference, obj: KubeObject, gvk: { apiVersion: string; kind: string }): boolean {
  return ref.apiVersion === gvk.apiVersion && ref.kind === gvk.kind && ref.name === obj.metadata.name;
}

/** Models hasOwnerRef: `target` references `owner` by uid (controller or not). */
function hasOwnerRef(target: KubeObject, owner: KubeObject): boolean {
  const uid = owner.metadata.uid;
  return (target.metadata.ownerReferences ?? []).some((r) => r.uid === uid);
}

/** Models hasStaleOwnerRef: the claim references an object of this name and kind, but another uid. */
export function hasStaleOwnerRef(claim: KubeObject, obj: KubeObject, gvk: { apiVersion: string; kind: string } = POD_KIND): boolean {
  for (const ref of claim.metadata.ownerReferences ?? []) {
    if (matchesRef(ref, obj, gvk)) return ref.uid !== obj.metadata.uid;
  }
  return false;
}

/**
 * Models hasUnexpectedController: with a Delete policy, some controller other than this set or pod manages the
 * claim (or a reference to them carries a stale uid), so the retention policy leaves it alone.
 */
export function hasUnexpectedController(claim: KubeObject, set: StoredStatefulSet, pod: StatefulPod): boolean {
  const policy = retentionPolicyOf(set);
  if (policy.whenScaled === 'Retain' && policy.whenDeleted === 'Retain') return false;
  for (const ref of claim.metadata.ownerReferences ?? []) {
    if (matchesRef(ref, set, STATEFUL_SET_KIND)) {
      if (ref.uid !== set.metadata.uid) return true;
      continue;
    }
    if (matchesRef(ref, pod, POD_KIND)) {
      if (ref.uid !== pod.metadata.uid) return true;
      continue;
    }
    if (ref.controller === true) return true;
  }
  return false;
}

/** Models hasNonControllerOwner: the set or pod owns the claim without being its controller. */
function hasNonControllerOwner(claim: KubeObject, set: StoredStatefulSet, pod: StatefulPod): boolean {
  return (claim.metadata.ownerReferences ?? []).some((r) => (r.uid === set.metadata.uid || r.uid === pod.metadata.uid) && r.controller !== true);
}

/**
 * Models isClaimOwnerUpToDate: the claim's references match the policy — Retain/Retain none; Delete on set
 * deletion a reference to the set; Delete on scale-down a reference to the pod once it is out of range (and, with
 * both Delete, the set's reference while it is in range). Claims in an unknown state count as up to date.
 */
export function isClaimOwnerUpToDate(claim: KubeObject, set: StoredStatefulSet, pod: StatefulPod): boolean {
  if (hasStaleOwnerRef(claim, set, STATEFUL_SET_KIND) || hasStaleOwnerRef(claim, pod, POD_KIND)) return true;
  if (hasUnexpectedController(claim, set, pod)) return !(hasOwnerRef(claim, set) || hasOwnerRef(claim, pod));
  if (hasNonControllerOwner(claim, set, pod)) return false;
  const policy = retentionPolicyOf(set);
  const scaledDown = !podInOrdinalRange(pod, set);
  const onSet = hasOwnerRef(claim, set);
  const onPod = hasOwnerRef(claim, pod);
  if (policy.whenScaled === 'Retain' && policy.whenDeleted === 'Delete') return onSet && !onPod;
  if (policy.whenScaled === 'Delete' && policy.whenDeleted === 'Retain') return !onSet && scaledDown === onPod;
  if (policy.whenScaled === 'Delete' && policy.whenDeleted === 'Delete') return scaledDown !== onSet && scaledDown === onPod;
  return !onSet && !onPod;
}

/**
 * Models updateClaimOwnerRefForSetAndPod: the claim's owner references rewritten for the policy (returned, the
 * input is not changed). References to the set and pod are scrubbed first; none are added when another controller
 * manages the claim.
 */
export function claimOwnerRefsForPolicy(claim: KubeObject, set: StoredStatefulSet, pod: StatefulPod): OwnerReference[] {
  const unexpected = hasUnexpectedController(claim, set, pod);
  let refs = (claim.metadata.ownerReferences ?? []).filter((r) => !matchesRef(r, set, STATEFUL_SET_KIND) && !matchesRef(r, pod, POD_KIND));
  if (unexpected) return refs;
  const add = (owner: KubeObject, gvk: { apiVersion: string; kind: string }) => {
    if (!refs.some((r) => r.uid === owner.metadata.uid)) refs = [...refs, controllerRefTo(owner, gvk)];
  };
  const policy = retentionPolicyOf(set);
  const scaledDown = !podInOrdinalRange(pod, set);
  if (policy.whenScaled === 'Retain' && policy.whenDeleted === 'Delete') add(set, STATEFUL_SET_KIND);
  else if (policy.whenScaled === 'Delete' && policy.whenDeleted === 'Retain') {
    if (scaledDown) add(pod, POD_KIND);
  } else if (policy.whenScaled === 'Delete' && policy.whenDeleted === 'Delete') {
    if (scaledDown) add(pod, POD_KIND);
    else add(set, STATEFUL_SET_KIND);
  }
  return refs;
}

// ---- status ----------------------------------------------------------------------------------------------------

/**
 * Models completeRollingUpdate: once every replica runs the update revision and is ready, the update revision
 * becomes the current one. Returns the adjusted status (a copy).
 */
export function completeRollingUpdate(set: StatefulSet, status: StatefulSetStatus): StatefulSetStatus {
  const replicas = replicasOf(set);
  const type = set.spec?.updateStrategy?.type ?? 'RollingUpdate';
  if (type === 'RollingUpdate' && (status.updatedReplicas ?? 0) === replicas && (status.readyReplicas ?? 0) === replicas && status.replicas === replicas) {
    return { ...status, currentReplicas: status.updatedReplicas, currentRevision: status.updateRevision };
  }
  return status;
}

/** Models inconsistentStatus: the computed status differs from the stored one in a field the controller owns. */
export function inconsistentStatus(set: StatefulSet, status: StatefulSetStatus): boolean {
  const cur = set.status ?? { replicas: 0 };
  return (
    (status.observedGeneration ?? 0) > (cur.observedGeneration ?? 0) ||
    status.replicas !== (cur.replicas ?? 0) ||
    (status.currentReplicas ?? 0) !== (cur.currentReplicas ?? 0) ||
    (status.readyReplicas ?? 0) !== (cur.readyReplicas ?? 0) ||
    (status.updatedReplicas ?? 0) !== (cur.updatedReplicas ?? 0) ||
    (status.currentRevision ?? '') !== (cur.currentRevision ?? '') ||
    (status.availableReplicas ?? 0) !== (cur.availableReplicas ?? 0) ||
    (status.updateRevision ?? '') !== (cur.updateRevision ?? '')
  );
}

/**
 * The status as the API serializes it: zero counts that are `omitempty` upstream are left out, while replicas and
 * availableReplicas are always present.
 */
export function serializeStatefulSetStatus(status: StatefulSetStatus): StatefulSetStatus {
  const out: Record<string, unknown> = {};
  if (status.observedGeneration) out.observedGeneration = status.observedGeneration;
  out.replicas = status.replicas ?? 0;
  if (status.readyReplicas) out.readyReplicas = status.readyReplicas;
  if (status.currentReplicas) out.currentReplicas = status.currentReplicas;
  if (status.updatedReplicas) out.updatedReplicas = status.updatedReplicas;
  if (status.currentRevision) out.currentRevision = status.currentRevision;
  if (status.updateRevision) out.updateRevision = status.updateRevision;
  if (status.collisionCount !== undefined) out.collisionCount = status.collisionCount;
  if (status.conditions && status.conditions.length > 0) out.conditions = status.conditions;
  out.availableReplicas = status.availableReplicas ?? 0;
  return out as unknown as StatefulSetStatus;
}
