/**
 * One scheduling attempt's algorithm: PreFilter, Filter over nodes in rotating order until enough feasible
 * nodes are found, PreScore/Score, and the pick among the best.
 * Models pkg/scheduler/schedule_one.go (schedulePod, findNodesThatFitPod, findNodesThatPassFilters,
 * numFeasibleNodesToFind, prioritizeNodes, selectHost).
 */
import type { Rng } from '../sim/rng';
import type { SchedulerCache } from './cache/cache';
import type { CycleState } from './framework/cycle-state';
import { addPluginStatus, newDiagnosis, NO_NODES_AVAILABLE_MSG, type Diagnosis } from './framework/fit-error';
import type { NodeInfo } from './framework/node-info';
import type { PodInfo } from './framework/pod-info';
import type { Framework } from './framework/runtime';
import { Code, Status } from './framework/status';

const MIN_FEASIBLE_NODES_TO_FIND = 100;
const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

/**
 * Models numFeasibleNodesToFind: all nodes below 100; else a percentage (adaptive 50 - n/125, at least 5%
 * when unset or 0), never fewer than 100.
 */
export function numFeasibleNodesToFind(percentageOfNodesToScore: number | undefined, numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let pct = percentageOfNodesToScore ?? 0;
  if (pct === 0) {
    pct = 50 - Math.trunc(numAllNodes / 125);
    if (pct < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND) pct = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND;
  }
  const n = Math.trunc((numAllNodes * pct) / 100);
  return n < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : n;
}

/** Picks the highest total; ties are broken uniformly by reservoir sampling. Returns the index. */
export function selectHost(totals: Float64Array, rng: Rng): number {
  let best = 0;
  let max = totals[0]!;
  let count = 1;
  for (let i = 1; i < totals.length; i++) {
    const s = totals[i]!;
    if (s > max) {
      max = s;
      best = i;
      count = 1;
    } else if (s === max) {
      count++;
      if (rng.int(count) === 0) best = i;
    }
  }
  return best;
}

/** Models truncateMessage: events carry at most 1024 characters (validation.NoteLengthLimit). */
export function truncateMessage(msg: string): string {
  const max = 1024;
  return msg.length <= max ? msg : `${msg.slice(0, max - 4)} ...`;
}

/** The outcome of schedulePod. */
export interface ScheduleResult {
  /** The chosen node, when one fits. */
  node?: NodeInfo;
  /** Why nothing fits (FitError), or undefined. */
  diagnosis?: Diagnosis;
  /** Non-fit failures: no nodes at all, or a plugin error. */
  error?: Status;
  numAllNodes: number;
  feasible: readonly NodeInfo[];
  /** Present when scoring ran. */
  scores?: { plugins: { name: string; weight: number; scores: Float64Array }[]; totals: Float64Array };
}

/** The scheduling algorithm; keeps the rotating start index across attempts. */
export class ScheduleAlgorithm {
  private nextStartNodeIndex = 0;

  constructor(
    private readonly fwk: Framework,
    private readonly cache: SchedulerCache,
    private readonly rng: Rng,
    private readonly percentageOfNodesToScore: number | undefined,
  ) {}

  /** Models schedulePod. */
  schedulePod(state: CycleState, pod: PodInfo): ScheduleResult {
    const numAllNodes = this.cache.numNodes;
    if (numAllNodes === 0) return { error: new Status(Code.UnschedulableAndUnresolvable, [NO_NODES_AVAILABLE_MSG]), numAllNodes, feasible: [] };
    const { feasible, diagnosis, error } = this.findNodesThatFitPod(state, pod);
    if (error) return { error, numAllNodes, feasible, diagnosis };
    if (feasible.length === 0) return { diagnosis, numAllNodes, feasible };
    // With one feasible node there is nothing to compare.
    if (feasible.length === 1) return { node: feasible[0]!, numAllNodes, feasible, diagnosis };
    if (!this.fwk.hasScorePlugins) return { node: feasible[0]!, numAllNodes, feasible, diagnosis };
    const pre = this.fwk.runPreScorePlugins(state, pod, feasible);
    if (pre) return { error: pre, numAllNodes, feasible, diagnosis };
    const out = this.fwk.runScorePlugins(state, pod, feasible);
    if (out.status) return { error: out.status, numAllNodes, feasible, diagnosis };
    const i = selectHost(out.totals, this.rng);
    return { node: feasible[i]!, numAllNodes, feasible, diagnosis, scores: { plugins: out.plugins, totals: out.totals } };
  }

  /** Models findNodesThatFitPod. */
  private findNodesThatFitPod(state: CycleState, pod: PodInfo): { feasible: NodeInfo[]; diagnosis: Diagnosis; error?: Status } {
    const diagnosis = newDiagnosis();
    const allNodes = this.cache.list();
    const pre = this.fwk.runPreFilterPlugins(state, pod, allNodes);
    diagnosis.unschedulablePlugins = pre.pluginsWithNodes;
    if (pre.status) {
      if (!pre.status.isRejected) return { feasible: [], diagnosis, error: pre.status };
      diagnosis.nodeToStatus.absentStatus = pre.status;
      diagnosis.preFilterMsg = pre.status.message;
      addPluginStatus(diagnosis, pre.status);
      return { feasible: [], diagnosis };
    }

    // A node nominated by an earlier preemption is likely the only fit: try it first.
    const nominated = (pod.pod.status as { nominatedNodeName?: string } | undefined)?.nominatedNodeName;
    if (nominated) {
      const ni = this.cache.get(nominated);
      if (ni?.node) {
        const r = this.findNodesThatPassFilters(state, pod, diagnosis, [ni]);
        if (r.error) return { feasible: [], diagnosis, error: r.error };
        if (r.feasible.length > 0) return { feasible: r.feasible, diagnosis };
      }
    }

    let nodes: readonly NodeInfo[] = allNodes;
    if (pre.nodeNames) {
      nodes = [...pre.nodeNames].map((n) => this.cache.get(n)).filter((n): n is NodeInfo => !!n?.node);
      diagnosis.nodeToStatus.absentStatus = new Status(Code.UnschedulableAndUnresolvable, [`node(s) didn't satisfy plugin(s) [${[...pre.pluginsWithNodes].sort().join(' ')}]`]);
    }
    const r = this.findNodesThatPassFilters(state, pod, diagnosis, nodes);
    // Always advance the start index, so every node gets its turn across pods.
    const processed = r.feasible.length + diagnosis.nodeToStatus.len;
    this.nextStartNodeIndex = (this.nextStartNodeIndex + processed) % allNodes.length;
    if (r.error) return { feasible: [], diagnosis, error: r.error };
    return { feasible: r.feasible, diagnosis };
  }

  /** Models findNodesThatPassFilters (sequential: stops once enough feasible nodes are found). */
  private findNodesThatPassFilters(state: CycleState, pod: PodInfo, diagnosis: Diagnosis, nodes: readonly NodeInfo[]): { feasible: NodeInfo[]; error?: Status } {
    const n = nodes.length;
    let toFind = numFeasibleNodesToFind(this.percentageOfNodesToScore, n);
    if (!this.fwk.hasScorePlugins) toFind = 1;
    const feasible: NodeInfo[] = [];
    if (n === 0) return { feasible };
    const start = this.nextStartNodeIndex;
    if (this.fwk.filterPlugins.length === 0) {
      for (let i = 0; i < toFind; i++) feasible.push(nodes[(start + i) % n]!);
      return { feasible };
    }
    const statuses = diagnosis.nodeToStatus;
    for (let i = 0; i < n; i++) {
      const ni = nodes[(start + i) % n]!;
      const s = this.fwk.runFilterPluginsWithNominatedPods(state, pod, ni);
      if (s === null) {
        feasible.push(ni);
        if (feasible.length >= toFind) break;
        continue;
      }
      if (s.code === Code.Error) return { feasible, error: s };
      statuses.set(ni.name, s);
      addPluginStatus(diagnosis, s);
    }
    return { feasible };
  }
}
