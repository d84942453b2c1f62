/**
 * The "why" record of a scheduling attempt: which nodes were rejected by which plugin and why, how the feasible
 * nodes scored per plugin, and which node won. Kept for the last N pods only, in compact form (shared status
 * objects, typed score arrays) and expanded on request.
 * Divergence: upstream only logs this at high verbosity; KubePlay keeps it for the inspector.
 */
import { codeName, type Status } from './framework/status';
import type { NodeToStatus } from './framework/fit-error';

/** One node's filter outcome. */
export interface NodeFilterResult {
  node: string;
  /** `Unschedulable`, `UnschedulableAndUnresolvable`, ... */
  code: string;
  plugin: string;
  reasons: readonly string[];
}

/** One feasible node's scores. */
export interface NodeScoreResult {
  node: string;
  /** Normalized (0..100), unweighted score per plugin. */
  scores: Readonly<Record<string, number>>;
  /** Weighted sum: what selection compares. */
  total: number;
}

/** The expanded decision for one pod's latest attempt. */
export interface SchedulingDecision {
  podKey: string;
  podUid: string;
  attempt: number;
  atMs: number;
  result: 'Scheduled' | 'Unschedulable' | 'Error';
  /** The chosen node (Scheduled), or the node nominated by preemption. */
  selectedNode?: string;
  nominatedNode?: string;
  /** The FailedScheduling message, or the binding error. */
  message?: string;
  numAllNodes: number;
  /** Nodes the filter loop looked at (it stops after numFeasibleNodesToFind feasible ones). */
  evaluatedNodes: number;
  feasibleNodes: readonly string[];
  /** Rejected nodes, and the status of nodes never checked (PreFilter rejection, node-name pins). */
  filtered: readonly NodeFilterResult[];
  absentNodesStatus?: NodeFilterResult;
  preFilterMessage?: string;
  postFilterMessage?: string;
  /** Score plugins that ran, with weights; empty when a single node was feasible (no scoring). */
  scorePlugins: readonly { name: string; weight: number }[];
  scores: readonly NodeScoreResult[];
}

/** The compact stored form. */
export interface DecisionRecord {
  podKey: string;
  podUid: string;
  attempt: number;
  atMs: number;
  result: SchedulingDecision['result'];
  selectedNode?: string;
  nominatedNode?: string;
  message?: string;
  numAllNodes: number;
  feasibleNodes: readonly string[];
  nodeToStatus?: NodeToStatus;
  preFilterMessage?: string;
  postFilterMessage?: string;
  scorePlugins: readonly { name: string; weight: number }[];
  /** Per plugin, aligned with feasibleNodes. */
  pluginScores: readonly Int16Array[];
  totals?: Int32Array;
}

function filterResult(node: string, s: Status): NodeFilterResult {
  return { node, code: codeName(s.code), plugin: s.plugin, reasons: s.reasons };
}

/** Expands a stored record. */
export function expandDecision(r: DecisionRecord): SchedulingDecision {
  const st = r.nodeToStatus;
  const filtered = st ? st.names.map((n, i) => filterResult(n, st.statuses[i]!)) : [];
  const scores: NodeScoreResult[] = r.totals
    ? r.feasibleNodes.map((node, i) => {
        const s: Record<string, number> = {};
        r.scorePlugins.forEach((p, j) => (s[p.name] = r.pluginScores[j]![i]!));
        return { node, scores: s, total: r.totals![i]! };
      })
    : [];
  return {
    podKey: r.podKey,
    podUid: r.podUid,
    attempt: r.attempt,
    atMs: r.atMs,
    result: r.result,
    ...(r.selectedNode !== undefined ? { selectedNode: r.selectedNode } : {}),
    ...(r.nominatedNode ? { nominatedNode: r.nominatedNode } : {}),
    ...(r.message !== undefined ? { message: r.message } : {}),
    numAllNodes: r.numAllNodes,
    evaluatedNodes: r.feasibleNodes.length + filtered.length,
    feasibleNodes: r.feasibleNodes,
    filtered,
    ...(st && st.absentStatus.reasons.length > 0 && st.len < r.numAllNodes ? { absentNodesStatus: filterResult('', st.absentStatus) } : {}),
    ...(r.preFilterMessage ? { preFilterMessage: r.preFilterMessage } : {}),
    ...(r.postFilterMessage ? { postFilterMessage: r.postFilterMessage } : {}),
    scorePlugins: r.scorePlugins,
    scores,
  };
}

/** The last decision per pod, for the most recent `capacity` pods. */
export class DecisionLog {
  private readonly records = new Map<string, DecisionRecord>();

  constructor(private readonly capacity = 200) {}

  put(r: DecisionRecord): void {
    // Re-inserting moves the pod to the recent end; the oldest pod falls out beyond capacity.
    this.records.delete(r.podKey);
    this.records.set(r.podKey, r);
    if (this.records.size > this.capacity) this.records.delete(this.records.keys().next().value!);
  }

  get(podKey: string): SchedulingDecision | undefined {
    const r = this.records.get(podKey);
    return r ? expandDecision(r) : undefined;
  }

  get size(): number {
    return this.records.size;
  }
}
