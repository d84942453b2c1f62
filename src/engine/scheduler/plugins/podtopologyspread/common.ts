/**
 * Spread constraints as the plugin uses them, the system default constraints and the default selector
 * (Services and the owning controller).
 * Models pkg/scheduler/framework/plugins/podtopologyspread/common.go and plugin.go, and
 * pkg/scheduler/framework/plugins/helper/spread.go (DefaultSelector).
 */
import type { TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../../api/types';
import { controllerRef } from '../../../api/meta';
import { fromLabelSelector, matches, type Labels, type Requirement, type Selector } from '../../../api/labels';
import type { Handle } from '../../framework/interface';
import type { NodeObject } from '../../framework/node-info';
import type { PodInfo } from '../../framework/pod-info';
import type { RequiredNodeAffinity } from '../helper/node-affinity';
import { findUntoleratedTaint, isDoNotScheduleTaint } from '../helper/taints';

/** A parsed constraint. */
export interface Constraint {
  maxSkew: number;
  topologyKey: string;
  /** null selects nothing; [] is "everything", which countPodsMatchSelector treats as counting nothing. */
  selector: Selector | null;
  minDomains: number;
  nodeAffinityPolicy: string;
  nodeTaintsPolicy: string;
}

/** Models the system default constraints (DefaultingType System). */
export const SYSTEM_DEFAULT_CONSTRAINTS: readonly TopologySpreadConstraint[] = [
  { topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 3 },
  { topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 5 },
];

/** The node label that makes every node its own topology domain (counted per node at Score). */
export const LABEL_HOSTNAME = 'kubernetes.io/hostname';

/** Models filterTopologySpreadConstraints: constraints of one action, with matchLabelKeys merged in. */
export function filterConstraints(constraints: readonly TopologySpreadConstraint[], podLabels: Labels, action: string): Constraint[] {
  const out: Constraint[] = [];
  for (const c of constraints) {
    if (c.whenUnsatisfiable !== action) continue;
    let selector = fromLabelSelector(c.labelSelector);
    if (c.matchLabelKeys?.length && selector !== null) {
      const extra: Requirement[] = [];
      for (const k of c.matchLabelKeys) if (podLabels && Object.prototype.hasOwnProperty.call(podLabels, k)) extra.push({ key: k, op: 'In', values: [podLabels[k]!] });
      if (extra.length > 0) selector = [...selector, ...extra];
    }
    out.push({
      maxSkew: c.maxSkew,
      topologyKey: c.topologyKey,
      selector,
      minDomains: c.minDomains ?? 1,
      nodeAffinityPolicy: c.nodeAffinityPolicy ?? 'Honor',
      nodeTaintsPolicy: c.nodeTaintsPolicy ?? 'Ignore',
    });
  }
  return out;
}

/** Models DefaultSelector: selectors of the Services selecting the pod, plus its controller's selector. */
export function defaultSelector(handle: Handle, pod: PodInfo): Selector {
  const merged: Record<string, string> = {};
  for (const svc of handle.api.list('Service', pod.namespace)) {
    const sel = (svc.spec as { selector?: Record<string, string> } | undefined)?.selector;
    // A nil selector matches nothing, not everything.
    if (!sel) continue;
    const reqs = Object.keys(sel).map((k) => ({ key: k, op: '=' as const, values: [sel[k]!] }));
    if (matches(reqs, pod.labels)) Object.assign(merged, sel);
  }
  const selector: Requirement[] = Object.keys(merged)
    .sort()
    .map((k) => ({ key: k, op: '=' as const, values: [merged[k]!] }));
  const owner = controllerRef(pod.pod);
  if (!owner) return selector;
  const group = owner.apiVersion.includes('/') ? owner.apiVersion.split('/')[0] : '';
  if (owner.kind === 'ReplicationController' && group === '') {
    const rc = handle.api.get<KubeObject>('ReplicationController', pod.namespace, owner.name);
    const sel = (rc?.spec as { selector?: Record<string, string> } | undefined)?.selector;
    if (sel) {
      Object.assign(merged, sel);
      return Object.keys(merged)
        .sort()
        .map((k) => ({ key: k, op: '=' as const, values: [merged[k]!] }));
    }
  } else if ((owner.kind === 'ReplicaSet' || owner.kind === 'StatefulSet') && group === 'apps') {
    const ctrl = handle.api.get<KubeObject>(owner.kind, pod.namespace, owner.name);
    const other = fromLabelSelector((ctrl?.spec as { selector?: LabelSelector } | undefined)?.selector);
    if (other) return [...selector, ...other];
  }
  return selector;
}

/** Models nodeLabelsMatchSpreadConstraints: the node has every constraint's topology key. */
export function nodeLabelsMatchConstraints(labels: Labels, constraints: readonly Constraint[]): boolean {
  if (!labels) return constraints.length === 0;
  for (const c of constraints) if (!Object.prototype.hasOwnProperty.call(labels, c.topologyKey)) return false;
  return true;
}

/** Models topologySpreadConstraint.matchNodeInclusionPolicies. */
export function matchNodeInclusionPolicies(c: Constraint, pod: PodInfo, node: NodeObject, required: RequiredNodeAffinity): boolean {
  if (c.nodeAffinityPolicy === 'Honor' && !required.match(node)) return false;
  if (c.nodeTaintsPolicy === 'Honor' && findUntoleratedTaint(node.spec?.taints ?? [], pod.tolerations, isDoNotScheduleTaint)) return false;
  return true;
}

/** True when countPodsMatchSelector can count anything for this selector. */
export function selectorCounts(selector: Selector | null): selector is Selector {
  return selector !== null && selector.length > 0;
}

/** Models `Selector.Matches`: null selects nothing, [] everything. */
export function selectorMatches(selector: Selector | null, labels: Labels): boolean {
  return selector !== null && matches(selector, labels);
}
