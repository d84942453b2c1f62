/**
 * Runs the plugins of one profile at each extension point, in configured order, with their score weights.
 * Models pkg/scheduler/framework/runtime/framework.go (RunPreFilterPlugins, RunFilterPlugins,
 * RunFilterPluginsWithNominatedPods, RunPostFilterPlugins, RunPreScorePlugins, RunScorePlugins).
 */
import { CycleState } from './cycle-state';
import type { FrameworkRunner, PodNominator, PostFilterResult, SchedulerPlugin } from './interface';
import { MAX_NODE_SCORE as MAX_SCORE, MIN_NODE_SCORE as MIN_SCORE } from './interface';
import type { NodeToStatus } from './fit-error';
import type { NodeInfo } from './node-info';
import type { PodInfo } from './pod-info';
import { Code, Status, asStatus } from './status';

// Module-local copies for the per-node loops.
const MAX_NODE_SCORE: number = MAX_SCORE;
const MIN_NODE_SCORE: number = MIN_SCORE;

/** A plugin enabled in the profile, with its score weight. */
export interface EnabledPlugin {
  plugin: SchedulerPlugin;
  weight: number;
}

/** PreFilter's combined outcome. */
export interface PreFilterOutcome {
  /** null: all nodes; else only these. */
  nodeNames: ReadonlySet<string> | null;
  status: Status | null;
  /** Plugins whose PreFilter narrowed the nodes. */
  pluginsWithNodes: Set<string>;
}

/** Scores of the feasible nodes: totals, and per plugin the normalized (unweighted) scores. */
export interface ScoreOutcome {
  totals: Float64Array;
  plugins: { name: string; weight: number; scores: Float64Array }[];
  status: Status | null;
}

/** One profile's plugin pipeline. */
export class Framework implements FrameworkRunner {
  readonly preFilterPlugins: SchedulerPlugin[];
  readonly filterPlugins: SchedulerPlugin[];
  readonly postFilterPlugins: SchedulerPlugin[];
  readonly preScorePlugins: SchedulerPlugin[];
  readonly scorePlugins: EnabledPlugin[];
  readonly plugins: readonly SchedulerPlugin[];
  /** Pods nominated by preemption; set by the scheduler once its queue exists. */
  nominator: PodNominator | null = null;

  constructor(enabled: readonly EnabledPlugin[]) {
    this.plugins = enabled.map((e) => e.plugin);
    this.preFilterPlugins = this.plugins.filter((p) => p.preFilter);
    this.filterPlugins = this.plugins.filter((p) => p.filter);
    this.postFilterPlugins = this.plugins.filter((p) => p.postFilter);
    this.preScorePlugins = this.plugins.filter((p) => p.preScore);
    this.scorePlugins = enabled.filter((e) => e.plugin.score);
  }

  get hasScorePlugins(): boolean {
    return this.scorePlugins.length > 0;
  }

  get hasPostFilterPlugins(): boolean {
    return this.postFilterPlugins.length > 0;
  }

  /** Models RunPreFilterPlugins. */
  runPreFilterPlugins(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): PreFilterOutcome {
    let nodeNames = null as Set<string> | null;
    let returnStatus: Status | null = null;
    const pluginsWithNodes = new Set<string>();
    const skip = new Set<string>();
    for (const pl of this.preFilterPlugins) {
      let r;
      try {
        r = pl.preFilter!(state, pod, nodes);
      } catch (err) {
        return { nodeNames: null, status: asStatus(err, pl.name), pluginsWithNodes };
      }
      const s = r?.status ?? null;
      if (s && s.code === Code.Skip) {
        skip.add(pl.name);
        continue;
      }
      if (s && s.code !== Code.Success) {
        const st = s.withPlugin(pl.name);
        // Unresolvable: preemption cannot help, so the remaining PreFilters need not run.
        if (st.code === Code.UnschedulableAndUnresolvable) return { nodeNames: null, status: st, pluginsWithNodes: new Set() };
        if (st.code === Code.Unschedulable) {
          returnStatus = st;
          continue;
        }
        return { nodeNames: null, status: new Status(Code.Error, [`running PreFilter plugin "${pl.name}": ${st.message}`], pl.name), pluginsWithNodes: new Set() };
      }
      if (r?.nodeNames) {
        pluginsWithNodes.add(pl.name);
        nodeNames = intersect(nodeNames, r.nodeNames);
        if (nodeNames.size === 0) {
          const list = [...pluginsWithNodes].sort();
          const msg = list.length === 1 ? `node(s) didn't satisfy plugin ${list[0]}` : `node(s) didn't satisfy plugin(s) [${list.join(' ')}] simultaneously`;
          return { nodeNames, status: new Status(Code.UnschedulableAndUnresolvable, [msg]), pluginsWithNodes };
        }
      }
    }
    state.skipFilterPlugins = skip;
    state.activeFilterPlugins = skip.size === 0 ? this.filterPlugins : this.filterPlugins.filter((p) => !skip.has(p.name));
    return { nodeNames, status: returnStatus, pluginsWithNodes };
  }

  /** Models RunFilterPlugins: the first rejecting plugin decides. */
  runFilterPlugins(state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): Status | null {
    let plugins = state.activeFilterPlugins;
    if (plugins === null) {
      const skip = state.skipFilterPlugins;
      plugins = skip.size === 0 ? this.filterPlugins : this.filterPlugins.filter((p) => !skip.has(p.name));
    }
    for (let i = 0; i < plugins.length; i++) {
      const pl = plugins[i]!;
      const s = pl.filter!(state, pod, nodeInfo);
      if (s !== null && s.code !== Code.Success) {
        if (!s.isRejected) return new Status(Code.Error, [`running "${pl.name}" filter plugin: ${s.message}`], pl.name);
        return s.plugin === pl.name ? s : s.withPlugin(pl.name);
      }
    }
    return null;
  }

  /**
   * Models RunFilterPluginsWithNominatedPods: first with pods nominated to the node (of equal or higher
   * priority) counted as if running there, then - if that passed - without them.
   */
  runFilterPluginsWithNominatedPods(state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): Status | null {
    const nominated = this.nominator?.nominatedPodsForNode(nodeInfo.name);
    if (!nominated || nominated.length === 0) return this.runFilterPlugins(state, pod, nodeInfo);
    let nodeOut: NodeInfo | null = null;
    let stateOut: CycleState | null = null;
    for (const pi of nominated) {
      if (pi.priority < pod.priority || pi.uid === pod.uid) continue;
      if (!nodeOut) {
        nodeOut = nodeInfo.clone();
        stateOut = state.clone();
      }
      nodeOut.addPod(pi);
      const s = this.runPreFilterExtensionAddPod(stateOut!, pod, pi, nodeOut);
      if (s) return s;
    }
    if (!nodeOut) return this.runFilterPlugins(state, pod, nodeInfo);
    const first = this.runFilterPlugins(stateOut!, pod, nodeOut);
    if (first !== null) return first;
    return this.runFilterPlugins(state, pod, nodeInfo);
  }

  /** Models RunPreFilterExtensionAddPod. */
  runPreFilterExtensionAddPod(state: CycleState, podToSchedule: PodInfo, podToAdd: PodInfo, nodeInfo: NodeInfo): Status | null {
    for (const pl of this.preFilterPlugins) {
      if (!pl.addPod || state.skipFilterPlugins.has(pl.name)) continue;
      const s = pl.addPod(state, podToSchedule, podToAdd, nodeInfo);
      if (s && s.code !== Code.Success) return new Status(Code.Error, [`running AddPod on PreFilter plugin "${pl.name}": ${s.message}`], pl.name);
    }
    return null;
  }

  /** Models RunPreFilterExtensionRemovePod. */
  runPreFilterExtensionRemovePod(state: CycleState, podToSchedule: PodInfo, podToRemove: PodInfo, nodeInfo: NodeInfo): Status | null {
    for (const pl of this.preFilterPlugins) {
      if (!pl.removePod || state.skipFilterPlugins.has(pl.name)) continue;
      const s = pl.removePod(state, podToSchedule, podToRemove, nodeInfo);
      if (s && s.code !== Code.Success) return new Status(Code.Error, [`running RemovePod on PreFilter plugin "${pl.name}": ${s.message}`], pl.name);
    }
    return null;
  }

  /** Models RunPostFilterPlugins: the first plugin that succeeds (or is unresolvable) wins. */
  runPostFilterPlugins(state: CycleState, pod: PodInfo, nodeToStatus: NodeToStatus): PostFilterResult {
    let result: PostFilterResult | null = null;
    const reasons: string[] = [];
    let rejector = '';
    for (const pl of this.postFilterPlugins) {
      let r: PostFilterResult;
      try {
        r = pl.postFilter!(state, pod, nodeToStatus);
      } catch (err) {
        return { status: asStatus(err, pl.name) };
      }
      const s = r.status;
      if (s === null || s.code === Code.Success) return r;
      if (s.code === Code.UnschedulableAndUnresolvable) return { ...r, status: s.withPlugin(pl.name) };
      if (!s.isRejected) return { status: new Status(Code.Error, s.reasons, pl.name) };
      if (r.nominatedNodeName !== undefined) result = r;
      reasons.push(...s.reasons);
      if (!rejector) rejector = pl.name;
    }
    return { ...(result ?? {}), status: new Status(Code.Unschedulable, reasons, rejector) };
  }

  /** Models RunPreScorePlugins; plugins returning Skip are left out of Score this cycle. */
  runPreScorePlugins(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): Status | null {
    const skip = new Set<string>();
    for (const pl of this.preScorePlugins) {
      const s = pl.preScore!(state, pod, nodes);
      if (s && s.code === Code.Skip) {
        skip.add(pl.name);
        continue;
      }
      if (s && s.code !== Code.Success) return new Status(Code.Error, [`running PreScore plugin "${pl.name}": ${s.message}`], pl.name);
    }
    state.skipScorePlugins = skip;
    return null;
  }

  /** Models RunScorePlugins: score, normalize, check the 0..100 range, weight and sum. */
  runScorePlugins(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): ScoreOutcome {
    const n = nodes.length;
    const totals = new Float64Array(n);
    const plugins: ScoreOutcome['plugins'] = [];
    for (const { plugin: pl, weight } of this.scorePlugins) {
      if (state.skipScorePlugins.has(pl.name)) continue;
      const scores = new Float64Array(n);
      for (let i = 0; i < n; i++) scores[i] = pl.score!(state, pod, nodes[i]!);
      pl.normalizeScore?.(state, pod, scores, nodes);
      for (let i = 0; i < n; i++) {
        const s = scores[i]!;
        if (s > MAX_NODE_SCORE || s < MIN_NODE_SCORE || !Number.isInteger(s)) {
          return { totals, plugins, status: new Status(Code.Error, [`plugin "${pl.name}" returns an invalid score ${s}, it should in the range of [${MIN_NODE_SCORE}, ${MAX_NODE_SCORE}] after normalizing`], pl.name) };
        }
        totals[i] = totals[i]! + s * weight;
      }
      plugins.push({ name: pl.name, weight, scores });
    }
    return { totals, plugins, status: null };
  }

  /** A fresh cycle state. */
  newCycleState(): CycleState {
    return new CycleState();
  }
}

function intersect(a: ReadonlySet<string> | null, b: ReadonlySet<string>): Set<string> {
  if (a === null) return new Set(b);
  const out = new Set<string>();
  for (const n of a) if (b.has(n)) out.add(n);
  return out;
}
