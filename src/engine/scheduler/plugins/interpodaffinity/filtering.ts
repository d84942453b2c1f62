/**
 * InterPodAffinity PreFilter/Filter: required pod affinity and anti-affinity, both the incoming pod's and the
 * existing pods' (symmetry).
 * Models pkg/scheduler/framework/plugins/interpodaffinity/filtering.go.
 */
import type { StateData, CycleState } from '../../framework/cycle-state';
import { Code, SKIP, Status } from '../../framework/status';
import type { Handle, PreFilterResult } from '../../framework/interface';
import type { NodeInfo } from '../../framework/node-info';
import { termMatches, type AffinityTerm, type PodInfo } from '../../framework/pod-info';
import type { Labels } from '../../../api/labels';
import { InterPodAffinity as NAME } from '../names';
import { mergeNamespaces, namespaceLabels, pairKey, podMatchesAllTerms, singleNamespace, updateCount, type TopologyCounts } from './common';

const PRE_FILTER_KEY = `PreFilter${NAME}`;

/** Filter reasons. */
export const ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't satisfy existing pods anti-affinity rules";
export const ERR_REASON_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod affinity rules";
export const ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod anti-affinity rules";

const REJECT_AFFINITY = new Status(Code.UnschedulableAndUnresolvable, [ERR_REASON_AFFINITY_RULES_NOT_MATCH], NAME);
const REJECT_ANTI_AFFINITY = new Status(Code.Unschedulable, [ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH], NAME);
const REJECT_EXISTING_ANTI_AFFINITY = new Status(Code.Unschedulable, [ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH], NAME);

/** PreFilter state: topology-pair counts for the three checks. */
export class PreFilterState implements StateData {
  constructor(
    /** Pairs where existing pods' required anti-affinity terms match the incoming pod. */
    readonly existingAntiAffinityCounts: TopologyCounts,
    /** Pairs where existing pods match all of the incoming pod's required affinity terms. */
    readonly affinityCounts: TopologyCounts,
    /** Pairs where existing pods match one of the incoming pod's required anti-affinity terms. */
    readonly antiAffinityCounts: TopologyCounts,
    readonly requiredAffinityTerms: readonly AffinityTerm[],
    readonly requiredAntiAffinityTerms: readonly AffinityTerm[],
    readonly pod: PodInfo,
    readonly namespaceLabels: Labels,
  ) {}

  clone(): PreFilterState {
    return new PreFilterState(new Map(this.existingAntiAffinityCounts), new Map(this.affinityCounts), new Map(this.antiAffinityCounts), this.requiredAffinityTerms, this.requiredAntiAffinityTerms, this.pod, this.namespaceLabels);
  }

  /** Models preFilterState.updateWithPod: a pod is added (+1) or removed (-1) on `nodeInfo`. */
  updateWithPod(other: PodInfo, nodeInfo: NodeInfo, multiplier: number): void {
    const node = nodeInfo.node;
    if (!node) return;
    for (const t of other.requiredAntiAffinityTerms) {
      if (termMatches(t, this.pod.namespace, this.pod.labels, this.namespaceLabels)) updateCount(this.existingAntiAffinityCounts, node, t.topologyKey, multiplier);
    }
    if (podMatchesAllTerms(this.requiredAffinityTerms, other)) {
      for (const t of this.requiredAffinityTerms) updateCount(this.affinityCounts, node, t.topologyKey, multiplier);
    }
    for (const t of this.requiredAntiAffinityTerms) {
      if (termMatches(t, other.namespace, other.labels, undefined)) updateCount(this.antiAffinityCounts, node, t.topologyKey, multiplier);
    }
  }
}

/** Models InterPodAffinity.PreFilter. */
export function preFilter(handle: Handle, state: CycleState, pod: PodInfo): PreFilterResult | null {
  const nsLabels = namespaceLabels(handle, pod.namespace);
  const affinityTerms = pod.requiredAffinityTerms.map((t) => mergeNamespaces(handle, t));
  const antiAffinityTerms = pod.requiredAntiAffinityTerms.map((t) => mergeNamespaces(handle, t));

  // Models getExistingAntiAffinityCounts: only nodes with pods carrying required anti-affinity matter.
  const existing: TopologyCounts = new Map();
  for (const ni of handle.snapshot.havePodsWithRequiredAntiAffinityList()) {
    for (const other of ni.podsWithRequiredAntiAffinity) {
      for (const t of other.requiredAntiAffinityTerms) {
        if (termMatches(t, pod.namespace, pod.labels, nsLabels)) updateCount(existing, ni.node!, t.topologyKey, 1);
      }
    }
  }

  // Models getIncomingAffinityAntiAffinityCounts, through the pod index instead of a scan of every pod.
  const affinity: TopologyCounts = new Map();
  const anti: TopologyCounts = new Map();
  if (affinityTerms.length > 0) {
    const first = affinityTerms[0]!;
    if (first.selector !== null) {
      handle.podIndex.forEachCandidate(first.selector, singleNamespace(first), (other) => {
        const node = handle.snapshot.get(other.nodeName)?.node;
        if (!node || !podMatchesAllTerms(affinityTerms, other)) return;
        for (const t of affinityTerms) updateCount(affinity, node, t.topologyKey, 1);
      });
    }
  }
  for (const t of antiAffinityTerms) {
    if (t.selector === null) continue;
    handle.podIndex.forEachCandidate(t.selector, singleNamespace(t), (other) => {
      const node = handle.snapshot.get(other.nodeName)?.node;
      if (node && termMatches(t, other.namespace, other.labels, undefined)) updateCount(anti, node, t.topologyKey, 1);
    });
  }

  if (existing.size === 0 && affinityTerms.length === 0 && antiAffinityTerms.length === 0) return { status: SKIP };
  state.write(PRE_FILTER_KEY, new PreFilterState(existing, affinity, anti, affinityTerms, antiAffinityTerms, pod, nsLabels));
  return null;
}

/** The PreFilter state of this cycle, if PreFilter ran. */
export function getPreFilterState(state: CycleState): PreFilterState | undefined {
  return state.read<PreFilterState>(PRE_FILTER_KEY);
}

// Models satisfyPodAffinity.
function satisfyPodAffinity(s: PreFilterState, ni: NodeInfo): boolean {
  const labels = ni.labels;
  let podsExist = true;
  for (const t of s.requiredAffinityTerms) {
    if (!labels || !Object.prototype.hasOwnProperty.call(labels, t.topologyKey)) return false;
    if ((s.affinityCounts.get(pairKey(t.topologyKey, labels[t.topologyKey]!)) ?? 0) <= 0) podsExist = false;
  }
  if (!podsExist) {
    // The first pod of a group with affinity to itself may go anywhere that has the topology labels.
    return s.affinityCounts.size === 0 && podMatchesAllTerms(s.requiredAffinityTerms, s.pod);
  }
  return true;
}

// Models satisfyPodAntiAffinity.
function satisfyPodAntiAffinity(s: PreFilterState, ni: NodeInfo): boolean {
  if (s.antiAffinityCounts.size === 0) return true;
  const labels = ni.labels;
  if (!labels) return true;
  for (const t of s.requiredAntiAffinityTerms) {
    if (!Object.prototype.hasOwnProperty.call(labels, t.topologyKey)) continue;
    if ((s.antiAffinityCounts.get(pairKey(t.topologyKey, labels[t.topologyKey]!)) ?? 0) > 0) return false;
  }
  return true;
}

// Models satisfyExistingPodsAntiAffinity.
function satisfyExistingPodsAntiAffinity(s: PreFilterState, ni: NodeInfo): boolean {
  if (s.existingAntiAffinityCounts.size === 0) return true;
  const labels = ni.labels;
  if (!labels) return true;
  for (const k of Object.keys(labels)) if ((s.existingAntiAffinityCounts.get(pairKey(k, labels[k]!)) ?? 0) > 0) return false;
  return true;
}

/** Models InterPodAffinity.Filter. */
export function filter(state: CycleState, ni: NodeInfo): Status | null {
  const s = getPreFilterState(state);
  if (!s) return new Status(Code.Error, [`error reading "${PRE_FILTER_KEY}" from cycleState: not found`], NAME);
  if (!satisfyPodAffinity(s, ni)) return REJECT_AFFINITY;
  if (!satisfyPodAntiAffinity(s, ni)) return REJECT_ANTI_AFFINITY;
  if (!satisfyExistingPodsAntiAffinity(s, ni)) return REJECT_EXISTING_ANTI_AFFINITY;
  return null;
}
