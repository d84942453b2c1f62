/**
 * DaemonSet helpers that touch no apiserver: the automatic tolerations, the pod template a DaemonSet stamps out,
 * surge and unavailability budgets, whether a pod is up to date, and the node a daemon pod is pinned to.
 * Models pkg/controller/daemon/util/daemonset_util.go.
 */
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Affinity, Pod, PodSpec, PodTemplateSpec, Toleration } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../api/types';
import { deepCopy } from '../../../api/meta';
import { canonicalJson } from '../../../api/names';
import { getScaledValueFromIntOrPercent, type Fallible } from '../../deployment/util/int-or-string';

/** A DaemonSet as stored by the apiserver. */
export type StoredDaemonSet = DaemonSet & KubeObject;

/** The label carrying the hash of the ControllerRevision a daemon pod was made from. */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller-revision-hash';
/** The label carrying the template generation a daemon pod was made from (kept for backward compatibility). */
export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';
/** The annotation apps/v1 keeps the DaemonSet's template generation in. */
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

/**
 * Models GetTemplateGeneration: the generation from the deprecated annotation, or undefined when it is missing or
 * does not parse (upstream then ignores it).
 */
export function getTemplateGeneration(ds: DaemonSet): number | undefined {
  const raw = ds.metadata?.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
  if (raw === undefined || !/^[+-]?\d+$/.test(raw)) return undefined;
  return Number(raw);
}

/** Models Toleration.MatchToleration: the same key, operator, value and effect. */
function matchToleration(a: Toleration, b: Toleration): boolean {
  return (a.key ?? '') === (b.key ?? '') && (a.operator ?? '') === (b.operator ?? '') && (a.value ?? '') === (b.value ?? '') && (a.effect ?? '') === (b.effect ?? '');
}

/** Models v1helper.AddOrUpdateTolerationInPodSpec: replaces a matching toleration or appends it. */
function addOrUpdateToleration(spec: PodSpec, toleration: Toleration): void {
  const list = spec.tolerations ?? [];
  const i = list.findIndex((t) => matchToleration(t, toleration));
  if (i >= 0) {
    if (canonicalJson(list[i]) !== canonicalJson(toleration)) list[i] = { ...toleration };
  } else {
    list.push({ ...toleration });
  }
  spec.tolerations = list;
}

/**
 * Models AddOrUpdateDaemonPodTolerations: daemon pods survive not-ready/unreachable nodes and tolerate the
 * node-condition taints (network-unavailable only for host-network pods). Mutates `spec`.
 */
export function addOrUpdateDaemonPodTolerations(spec: PodSpec): void {
  addOrUpdateToleration(spec, { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' });
  addOrUpdateToleration(spec, { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' });
  addOrUpdateToleration(spec, { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' });
  addOrUpdateToleration(spec, { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' });
  addOrUpdateToleration(spec, { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' });
  addOrUpdateToleration(spec, { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' });
  if (spec.hostNetwork) addOrUpdateToleration(spec, { key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
}

/**
 * Models CreatePodTemplate: a copy of the template with the daemon tolerations, the `pod-template-generation`
 * label (when the DaemonSet has a generation) and the `controller-revision-hash` label.
 */
export function createPodTemplate(template: PodTemplateSpec, generation: number | undefined, hash: string): PodTemplateSpec {
  const out = deepCopy(template);
  out.spec = out.spec ?? { containers: [] };
  addOrUpdateDaemonPodTolerations(out.spec);
  out.metadata = { ...(out.metadata ?? {}) };
  const labels = { ...(out.metadata.labels ?? {}) };
  if (generation !== undefined) labels[TEMPLATE_GENERATION_LABEL] = String(generation);
  if (hash.length > 0) labels[CONTROLLER_REVISION_HASH_LABEL] = hash;
  out.metadata.labels = labels;
  return out;
}

/**
 * Models SurgeCount: 0 unless the strategy is RollingUpdate with maxSurge set; percentages round up. The
 * DaemonSetUpdateSurge gate is GA, so it is always on.
 */
export function surgeCount(ds: DaemonSet, numberToSchedule: number): Fallible<number> {
  const us = ds.spec?.updateStrategy;
  if (us?.type !== 'RollingUpdate' || !us.rollingUpdate || us.rollingUpdate.maxSurge === undefined || us.rollingUpdate.maxSurge === null) return { ok: true, value: 0 };
  return getScaledValueFromIntOrPercent(us.rollingUpdate.maxSurge, numberToSchedule, true);
}

/** Models UnavailableCount: 0 unless RollingUpdate; percentages round up (unlike a Deployment's maxUnavailable). */
export function unavailableCount(ds: DaemonSet, numberToSchedule: number): Fallible<number> {
  const us = ds.spec?.updateStrategy;
  if (us?.type !== 'RollingUpdate' || !us.rollingUpdate) return { ok: true, value: 0 };
  return getScaledValueFromIntOrPercent(us.rollingUpdate.maxUnavailable, numberToSchedule, true);
}

/** Models AllowsSurge: the DaemonSet may run a second pod on a node during an update. */
export function allowsSurge(ds: DaemonSet): boolean {
  const s = surgeCount(ds, 1);
  return s.ok && s.value > 0;
}

/** Models IsPodUpdated: the pod carries the current revision hash, or the current template generation. */
export function isPodUpdated(pod: Pod, hash: string, generation: number | undefined): boolean {
  const labels = pod.metadata?.labels ?? {};
  const templateMatches = generation !== undefined && labels[TEMPLATE_GENERATION_LABEL] === String(generation);
  const hashMatches = hash.length > 0 && labels[CONTROLLER_REVISION_HASH_LABEL] === hash;
  return hashMatches || templateMatches;
}

/**
 * Models ReplaceDaemonSetPodNodeNameNodeAffinity: pins a pod to `nodeName` with a `metadata.name` matchFields term
 * that replaces any required node affinity (the DaemonSet already checked that the node satisfies it).
 */
export function replaceDaemonSetPodNodeNameNodeAffinity(affinity: Affinity | undefined, nodeName: string): Affinity {
  const required = { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }] };
  if (!affinity) return { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: required } };
  const out = { ...affinity };
  out.nodeAffinity = { ...(affinity.nodeAffinity ?? {}), requiredDuringSchedulingIgnoredDuringExecution: required };
  return out;
}

/**
 * Models GetTargetNodeName: the pod's node, or for a pod not scheduled yet the node its `metadata.name In [node]`
 * affinity term names; undefined when neither says.
 */
export function getTargetNodeName(pod: Pod): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const t of terms) {
    for (const f of t.matchFields ?? []) {
      if (f.key === 'metadata.name' && f.operator === 'In') return f.values?.length === 1 ? f.values[0] : undefined;
    }
  }
  return undefined;
}
