/**
 * PodTopologySpread PreScore/Score: ScheduleAnyway constraints (the pod's, or the system defaults for pods
 * selected by a Service or owned by a ReplicaSet/StatefulSet/ReplicationController).
 * Models pkg/scheduler/framework/plugins/podtopologyspread/scoring.go.
 */
import type { CycleState, StateData } from '../../framework/cycle-state';
import { SKIP, type Status } from '../../framework/status';
import { MAX_NODE_SCORE, type Handle } from '../../framework/interface';
import type { NodeInfo } from '../../framework/node-info';
import type { PodInfo } from '../../framework/pod-info';
import type { MatchCounter } from '../../framework/pod-index';
import { RequiredNodeAffinity } from '../helper/node-affinity';
import { PodTopologySpread as NAME } from '../names';
import { LABEL_HOSTNAME, matchNodeInclusionPolicies, nodeLabelsMatchConstraints, selectorCounts, type Constraint } from './common';

const PRE_SCORE_KEY = `PreScore${NAME}`;
const INVALID_SCORE = -1;

class PreScoreState implements StateData {
  constructor(
    readonly constraints: readonly Constraint[],
    /** Nodes lacking a required topology key: scored 0. */
    readonly ignoredNodes: ReadonlySet<string>,
    /** Per constraint: topology value -> matching pods (hostname constraints are counted per node at Score). */
    readonly topologyValueToPodCounts: readonly Map<string, number>[],
    readonly topologyNormalizingWeight: readonly number[],
    readonly counters: readonly (MatchCounter | null)[],
  ) {}
  clone(): StateData {
    return this;
  }
}

/** Models topologyNormalizingWeight: log(size + 2). */
export function topologyNormalizingWeight(size: number): number {
  return Math.log(size + 2);
}

/** Models scoreForCount. */
export function scoreForCount(cnt: number, maxSkew: number, tpWeight: number): number {
  return cnt * tpWeight + (maxSkew - 1);
}

/** Models PodTopologySpread.PreScore; `requireAllTopologies` is false for system-default constraints. */
export function preScore(handle: Handle, state: CycleState, pod: PodInfo, filteredNodes: readonly NodeInfo[], constraints: readonly Constraint[], requireAllTopologies: boolean): Status | null {
  const allNodes = handle.snapshot.list();
  if (filteredNodes.length === 0 || allNodes.length === 0) return SKIP;
  if (constraints.length === 0) return SKIP;

  // Models initPreScoreState.
  const ignored = new Set<string>();
  const counts = constraints.map(() => new Map<string, number>());
  const topoSize = constraints.map(() => 0);
  for (const ni of filteredNodes) {
    const labels = ni.labels;
    if (requireAllTopologies && !nodeLabelsMatchConstraints(labels, constraints)) {
      ignored.add(ni.name);
      continue;
    }
    for (let i = 0; i < constraints.length; i++) {
      const c = constraints[i]!;
      if (c.topologyKey === LABEL_HOSTNAME) continue;
      const value = labels?.[c.topologyKey] ?? '';
      if (!counts[i]!.has(value)) {
        counts[i]!.set(value, 0);
        topoSize[i]!++;
      }
    }
  }
  const weights = constraints.map((c, i) => topologyNormalizingWeight(c.topologyKey === LABEL_HOSTNAME ? filteredNodes.length - ignored.size : topoSize[i]!));

  const required = new RequiredNodeAffinity(pod.pod);
  const counters = constraints.map((c) => (selectorCounts(c.selector) ? handle.podIndex.counter(pod.namespace, c.selector) : null));
  // Models processAllNode. Nodes without matching pods add 0, so only nodes in the counter are visited.
  for (let i = 0; i < constraints.length; i++) {
    const c = constraints[i]!;
    const counter = counters[i];
    if (!counter || c.topologyKey === LABEL_HOSTNAME) continue;
    for (const [nodeName, n] of counter.byNode) {
      const node = handle.snapshot.get(nodeName)?.node;
      if (!node) continue;
      const labels = node.metadata.labels;
      if (requireAllTopologies && !nodeLabelsMatchConstraints(labels, constraints)) continue;
      if (!matchNodeInclusionPolicies(c, pod, node, required)) continue;
      const value = labels?.[c.topologyKey] ?? '';
      const cur = counts[i]!.get(value);
      if (cur === undefined) continue;
      counts[i]!.set(value, cur + n);
    }
  }
  state.write(PRE_SCORE_KEY, new PreScoreState(constraints, ignored, counts, weights, counters));
  return null;
}

/** Models PodTopologySpread.Score: the weighted matching-pod counts of the node's domains (lower is better). */
export function score(state: CycleState, ni: NodeInfo): number {
  const s = state.read<PreScoreState>(PRE_SCORE_KEY);
  if (!s || s.ignoredNodes.has(ni.name)) return 0;
  const labels = ni.labels;
  if (!labels) return 0;
  let total = 0;
  for (let i = 0; i < s.constraints.length; i++) {
    const c = s.constraints[i]!;
    if (!Object.prototype.hasOwnProperty.call(labels, c.topologyKey)) continue;
    const cnt = c.topologyKey === LABEL_HOSTNAME ? (s.counters[i]?.count(ni.name) ?? 0) : (s.topologyValueToPodCounts[i]!.get(labels[c.topologyKey]!) ?? 0);
    total += scoreForCount(cnt, c.maxSkew, s.topologyNormalizingWeight[i]!);
  }
  return Math.round(total);
}

/** Models PodTopologySpread.NormalizeScore: fewer matching pods -> higher score; ignored nodes get 0. */
export function normalizeScore(state: CycleState, scores: Float64Array, nodes: readonly NodeInfo[]): void {
  const s = state.read<PreScoreState>(PRE_SCORE_KEY);
  if (!s) return;
  let min = Number.MAX_SAFE_INTEGER;
  let max = 0;
  for (let i = 0; i < scores.length; i++) {
    if (s.ignoredNodes.has(nodes[i]!.name)) {
      scores[i] = INVALID_SCORE;
      continue;
    }
    const v = scores[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  for (let i = 0; i < scores.length; i++) {
    if (scores[i] === INVALID_SCORE) {
      scores[i] = 0;
      continue;
    }
    if (max === 0) {
      scores[i] = MAX_NODE_SCORE;
      continue;
    }
    scores[i] = Math.trunc((MAX_NODE_SCORE * (max + min - scores[i]!)) / max);
  }
}
