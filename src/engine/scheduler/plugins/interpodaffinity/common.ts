/**
 * Helpers shared by InterPodAffinity's filter and score: topology counters, namespace-selector merging and
 * term matching against the pod index.
 * Models pkg/scheduler/framework/plugins/interpodaffinity/plugin.go (mergeAffinityTermNamespacesIfNotEmpty,
 * GetNamespaceLabelsSnapshot) and filtering.go (topologyToMatchedTermCount).
 */
import type { KubeObject } from '../../../api/types';
import { matches, type Labels } from '../../../api/labels';
import type { Handle } from '../../framework/interface';
import type { AffinityTerm, PodInfo } from '../../framework/pod-info';
import { termMatches } from '../../framework/pod-info';
import type { NodeObject } from '../../framework/node-info';

/** "topologyKey\u0000value" -> count. */
export type TopologyCounts = Map<string, number>;

/** The map key of a topology pair. */
export function pairKey(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

/** Adds `delta` to the node's pair for `topologyKey` (when the node has that label); drops zero entries. */
export function updateCount(m: TopologyCounts, node: NodeObject, topologyKey: string, delta: number): void {
  const labels = node.metadata.labels;
  if (!labels || !Object.prototype.hasOwnProperty.call(labels, topologyKey)) return;
  const k = pairKey(topologyKey, labels[topologyKey]!);
  const n = (m.get(k) ?? 0) + delta;
  if (n === 0) m.delete(k);
  else m.set(k, n);
}

/** Models podMatchesAllAffinityTerms: false for no terms. */
export function podMatchesAllTerms(terms: readonly AffinityTerm[], pod: PodInfo): boolean {
  if (terms.length === 0) return false;
  for (const t of terms) if (!termMatches(t, pod.namespace, pod.labels, undefined)) return false;
  return true;
}

/** Labels of a namespace, undefined when it does not exist. Models GetNamespaceLabelsSnapshot. */
export function namespaceLabels(handle: Handle, namespace: string): Labels {
  return handle.api.get<KubeObject>('Namespace', undefined, namespace)?.metadata.labels;
}

/**
 * Models mergeAffinityTermNamespacesIfNotEmpty: a non-empty namespaceSelector is resolved to the namespaces it
 * selects now, so matching no longer needs namespace labels.
 */
export function mergeNamespaces<T extends AffinityTerm>(handle: Handle, term: T): T {
  const sel = term.namespaceSelector;
  if (sel === null || sel.length === 0) return term;
  const namespaces = new Set(term.namespaces);
  for (const ns of handle.api.list('Namespace')) if (matches(sel, ns.metadata.labels)) namespaces.add(ns.metadata.name);
  return { ...term, namespaces, namespaceSelector: null };
}

/** The one namespace a term can match, when it can only match one (narrows index scans). */
export function singleNamespace(term: AffinityTerm): string | undefined {
  if (term.namespaceSelector !== null || term.namespaces.size !== 1) return undefined;
  return term.namespaces.values().next().value;
}
