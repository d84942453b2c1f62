/**
 * InterPodAffinity PreScore/Score: preferred (anti-)affinity of the incoming pod toward existing pods, and of
 * existing pods toward the incoming one (including their required affinity at hardPodAffinityWeight).
 * Models pkg/scheduler/framework/plugins/interpodaffinity/scoring.go.
 */
import type { StateData, CycleState } from '../../framework/cycle-state';
import { SKIP, type Status } from '../../framework/status';
import { MAX_NODE_SCORE, type Handle } from '../../framework/interface';
import type { NodeInfo, NodeObject } from '../../framework/node-info';
import { termMatches, type AffinityTerm, type PodInfo, type WeightedAffinityTerm } from '../../framework/pod-info';
import type { Labels } from '../../../api/labels';
import { InterPodAffinity as NAME } from '../names';
import { mergeNamespaces, namespaceLabels, singleNamespace } from './common';

const PRE_SCORE_KEY = `PreScore${NAME}`;

/** topologyKey -> topology value -> score */
type ScoreMap = Map<string, Map<string, number>>;

class PreScoreState implements StateData {
  constructor(readonly topologyScore: ScoreMap) {}
  clone(): StateData {
    return this;
  }
}

/** Arguments of the plugin (InterPodAffinityArgs). */
export interface InterPodAffinityArgs {
  /** Weight of existing pods' required affinity toward the incoming pod (default 1). */
  hardPodAffinityWeight?: number;
  ignorePreferredTermsOfExistingPods?: boolean;
}

// Models scoreMap.processTerm.
function processTerm(m: ScoreMap, term: AffinityTerm, weight: number, podNs: string, podLabels: Labels, nsLabels: Labels, node: NodeObject, multiplier: number): boolean {
  if (!termMatches(term, podNs, podLabels, nsLabels)) return false;
  const labels = node.metadata.labels;
  if (!labels || !Object.prototype.hasOwnProperty.call(labels, term.topologyKey)) return false;
  let byValue = m.get(term.topologyKey);
  if (!byValue) m.set(term.topologyKey, (byValue = new Map()));
  const v = labels[term.topologyKey]!;
  byValue.set(v, (byValue.get(v) ?? 0) + weight * multiplier);
  return true;
}

/** Models InterPodAffinity.PreScore. */
export function preScore(handle: Handle, args: InterPodAffinityArgs, state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): Status | null {
  if (nodes.length === 0) return null;
  const hasConstraints = pod.preferredAffinityTerms.length > 0 || pod.preferredAntiAffinityTerms.length > 0;
  if (args.ignorePreferredTermsOfExistingPods && !hasConstraints) return SKIP;
  const hardWeight = args.hardPodAffinityWeight ?? 1;
  const nsLabels = namespaceLabels(handle, pod.namespace);
  const preferredAffinity = pod.preferredAffinityTerms.map((t) => mergeNamespaces(handle, t));
  const preferredAnti = pod.preferredAntiAffinityTerms.map((t) => mergeNamespaces(handle, t));
  const m: ScoreMap = new Map();
  let touched = false;

  // Part 1 (incoming pod's preferred terms vs every existing pod), through the pod index: only pods a term can
  // select contribute, so they are the only ones visited.
  const incoming = (terms: readonly WeightedAffinityTerm[], multiplier: number) => {
    for (const t of terms) {
      if (t.selector === null) continue;
      handle.podIndex.forEachCandidate(t.selector, singleNamespace(t), (other) => {
        const node = handle.snapshot.get(other.nodeName)?.node;
        if (!node || !node.metadata.labels || Object.keys(node.metadata.labels).length === 0) return;
        if (processTerm(m, t, t.weight, other.namespace, other.labels, undefined, node, multiplier)) touched = true;
      });
    }
  };
  incoming(preferredAffinity, 1);
  incoming(preferredAnti, -1);

  // Part 2 (existing pods' own terms vs the incoming pod): only pods with affinity have any.
  for (const ni of handle.snapshot.havePodsWithAffinityList()) {
    const node = ni.node!;
    if (!node.metadata.labels || Object.keys(node.metadata.labels).length === 0) continue;
    for (const other of ni.podsWithAffinity) {
      if (hardWeight > 0) for (const t of other.requiredAffinityTerms) if (processTerm(m, t, hardWeight, pod.namespace, pod.labels, nsLabels, node, 1)) touched = true;
      if (args.ignorePreferredTermsOfExistingPods) continue;
      for (const t of other.preferredAffinityTerms) if (processTerm(m, t, t.weight, pod.namespace, pod.labels, nsLabels, node, 1)) touched = true;
      for (const t of other.preferredAntiAffinityTerms) if (processTerm(m, t, t.weight, pod.namespace, pod.labels, nsLabels, node, -1)) touched = true;
    }
  }
  if (!touched) return SKIP;
  state.write(PRE_SCORE_KEY, new PreScoreState(m));
  return null;
}

/** Models InterPodAffinity.Score: the sum of the scores of the node's topology pairs. */
export function score(state: CycleState, ni: NodeInfo): number {
  const s = state.read<PreScoreState>(PRE_SCORE_KEY);
  const labels = ni.labels;
  if (!s || !labels) return 0;
  let total = 0;
  for (const [key, byValue] of s.topologyScore) {
    if (Object.prototype.hasOwnProperty.call(labels, key)) total += byValue.get(labels[key]!) ?? 0;
  }
  return total;
}

/** Models InterPodAffinity.NormalizeScore: min-max scaling to 0..100. */
export function normalizeScore(state: CycleState, scores: Float64Array): void {
  const s = state.read<PreScoreState>(PRE_SCORE_KEY);
  if (!s || s.topologyScore.size === 0) return;
  let min = Infinity;
  let max = -Infinity;
  for (const v of scores) {
    if (v > max) max = v;
    if (v < min) min = v;
  }
  const diff = max - min;
  for (let i = 0; i < scores.length; i++) scores[i] = diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((scores[i]! - min) / diff)) : 0;
}
