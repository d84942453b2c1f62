/**
 * PodTopologySpread PreFilter/Filter: DoNotSchedule constraints (maxSkew against the global minimum).
 * Models pkg/scheduler/framework/plugins/podtopologyspread/filtering.go.
 */
import type { CycleState, StateData } from '../../framework/cycle-state';
import { Code, SKIP, Status } from '../../framework/status';
import type { Handle, PreFilterResult } from '../../framework/interface';
import type { NodeInfo } from '../../framework/node-info';
import type { PodInfo } from '../../framework/pod-info';
import { RequiredNodeAffinity } from '../helper/node-affinity';
import { PodTopologySpread as NAME } from '../names';
import { matchNodeInclusionPolicies, nodeLabelsMatchConstraints, selectorCounts, selectorMatches, type Constraint } from './common';

const PRE_FILTER_KEY = `PreFilter${NAME}`;

/** Filter reasons. */
export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
export const ERR_REASON_NODE_LABEL_NOT_MATCH = `${ERR_REASON_CONSTRAINTS_NOT_MATCH} (missing required label)`;

const REJECT = new Status(Code.Unschedulable, [ERR_REASON_CONSTRAINTS_NOT_MATCH], NAME);
const REJECT_LABEL = new Status(Code.UnschedulableAndUnresolvable, [ERR_REASON_NODE_LABEL_NOT_MATCH], NAME);

const MAX_INT32 = 2147483647;

/** Models criticalPaths: the two smallest-count domains seen (the first always holds the minimum). */
export class CriticalPaths {
  values: [string, string] = ['', ''];
  nums: [number, number] = [MAX_INT32, MAX_INT32];

  update(tpVal: string, num: number): void {
    let i = -1;
    if (tpVal === this.values[0]) i = 0;
    else if (tpVal === this.values[1]) i = 1;
    if (i >= 0) {
      this.nums[i] = num;
      if (this.nums[0] > this.nums[1]) {
        this.values = [this.values[1], this.values[0]];
        this.nums = [this.nums[1], this.nums[0]];
      }
    } else if (num < this.nums[0]) {
      this.values = [tpVal, this.values[0]];
      this.nums = [num, this.nums[0]];
    } else if (num < this.nums[1]) {
      this.values[1] = tpVal;
      this.nums[1] = num;
    }
  }

  clone(): CriticalPaths {
    const c = new CriticalPaths();
    c.values = [...this.values];
    c.nums = [...this.nums];
    return c;
  }
}

/** PreFilter state: per constraint, matching pods per topology value and the critical paths. */
export class PreFilterState implements StateData {
  constructor(
    readonly constraints: readonly Constraint[],
    readonly criticalPaths: CriticalPaths[],
    readonly tpValueToMatchNum: Map<string, number>[],
    readonly pod: PodInfo,
    readonly required: RequiredNodeAffinity,
  ) {}

  clone(): PreFilterState {
    return new PreFilterState(this.constraints, this.criticalPaths.map((p) => p.clone()), this.tpValueToMatchNum.map((m) => new Map(m)), this.pod, this.required);
  }

  /** Models preFilterState.minMatchNum: the global minimum, 0 while fewer than minDomains domains exist. */
  minMatchNum(i: number, minDomains: number): number {
    return this.tpValueToMatchNum[i]!.size < minDomains ? 0 : this.criticalPaths[i]!.nums[0];
  }

  /** Models preFilterState.updateWithPod (preemption's add/remove of a pod on a node). */
  updateWithPod(other: PodInfo, nodeInfo: NodeInfo, delta: number): void {
    const node = nodeInfo.node;
    if (other.namespace !== this.pod.namespace || !node) return;
    if (!nodeLabelsMatchConstraints(node.metadata.labels, this.constraints)) return;
    for (let i = 0; i < this.constraints.length; i++) {
      const c = this.constraints[i]!;
      if (!selectorMatches(c.selector, other.labels)) continue;
      if (!matchNodeInclusionPolicies(c, this.pod, node, this.required)) continue;
      const v = node.metadata.labels![c.topologyKey]!;
      const n = (this.tpValueToMatchNum[i]!.get(v) ?? 0) + delta;
      this.tpValueToMatchNum[i]!.set(v, n);
      this.criticalPaths[i]!.update(v, n);
    }
  }
}

/** Models calPreFilterState and PreFilter. */
export function preFilter(handle: Handle, state: CycleState, pod: PodInfo, constraints: readonly Constraint[]): PreFilterResult | null {
  if (constraints.length === 0) return { status: SKIP };
  const required = new RequiredNodeAffinity(pod.pod);
  const tpValueToMatchNum = constraints.map(() => new Map<string, number>());
  const counters = constraints.map((c) => (selectorCounts(c.selector) ? handle.podIndex.counter(pod.namespace, c.selector) : null));
  if (constraints.length === 1 && required.isEmpty && constraints[0]!.nodeTaintsPolicy !== 'Honor') {
    // Fast path (one constraint, every node eligible): the domains come from the cache's label index and the
    // counts from the matching-pod counter, so nodes without matching pods are never visited.
    const c = constraints[0]!;
    const m = tpValueToMatchNum[0]!;
    for (const value of handle.snapshot.topologyDomains(c.topologyKey).keys()) m.set(value, 0);
    const counter = counters[0];
    if (counter) {
      for (const [nodeName, n] of counter.byNode) {
        const value = handle.snapshot.get(nodeName)?.node?.metadata.labels?.[c.topologyKey];
        if (value !== undefined) m.set(value, (m.get(value) ?? 0) + n);
      }
    }
    return finish(state, constraints, tpValueToMatchNum, pod, required);
  }

  // Upstream keys a node's counts by topology pair, so constraints sharing a key share the last one's count;
  // that quirk only matters when keys repeat, which the fast path below checks for.
  const keys = constraints.map((c) => c.topologyKey);
  const sharedKeys = new Set(keys).size !== keys.length;
  const perNode = new Map<string, number>();
  for (const ni of handle.snapshot.list()) {
    const node = ni.node!;
    const labels = node.metadata.labels;
    if (!nodeLabelsMatchConstraints(labels, constraints)) continue;
    if (!sharedKeys) {
      for (let i = 0; i < constraints.length; i++) {
        const c = constraints[i]!;
        if (!matchNodeInclusionPolicies(c, pod, node, required)) continue;
        const value = labels![c.topologyKey]!;
        const m = tpValueToMatchNum[i]!;
        m.set(value, (m.get(value) ?? 0) + (counters[i]?.count(ni.name) ?? 0));
      }
      continue;
    }
    perNode.clear();
    for (let i = 0; i < constraints.length; i++) {
      const c = constraints[i]!;
      if (!matchNodeInclusionPolicies(c, pod, node, required)) continue;
      perNode.set(`${c.topologyKey}\u0000${labels![c.topologyKey]}`, counters[i]?.count(ni.name) ?? 0);
    }
    for (const [pair, count] of perNode) {
      const sep = pair.indexOf('\u0000');
      const key = pair.slice(0, sep);
      const value = pair.slice(sep + 1);
      for (let i = 0; i < constraints.length; i++) {
        if (constraints[i]!.topologyKey !== key) continue;
        const m = tpValueToMatchNum[i]!;
        m.set(value, (m.get(value) ?? 0) + count);
      }
    }
  }
  return finish(state, constraints, tpValueToMatchNum, pod, required);
}

function finish(state: CycleState, constraints: readonly Constraint[], tpValueToMatchNum: Map<string, number>[], pod: PodInfo, required: RequiredNodeAffinity): null {
  const criticalPaths = constraints.map((_, i) => {
    const p = new CriticalPaths();
    for (const [v, n] of tpValueToMatchNum[i]!) p.update(v, n);
    return p;
  });
  state.write(PRE_FILTER_KEY, new PreFilterState(constraints, criticalPaths, tpValueToMatchNum, pod, required));
  return null;
}

/** The PreFilter state of this cycle, if PreFilter ran. */
export function getPreFilterState(state: CycleState): PreFilterState | undefined {
  return state.read<PreFilterState>(PRE_FILTER_KEY);
}

/** Models PodTopologySpread.Filter. */
export function filter(state: CycleState, pod: PodInfo, ni: NodeInfo): Status | null {
  const s = getPreFilterState(state);
  if (!s) return new Status(Code.Error, [`reading "${PRE_FILTER_KEY}" from cycleState: not found`], NAME);
  if (s.constraints.length === 0) return null;
  const labels = ni.labels;
  for (let i = 0; i < s.constraints.length; i++) {
    const c = s.constraints[i]!;
    if (!labels || !Object.prototype.hasOwnProperty.call(labels, c.topologyKey)) return REJECT_LABEL;
    const tpVal = labels[c.topologyKey]!;
    const minMatch = s.minMatchNum(i, c.minDomains);
    const selfMatch = selectorMatches(c.selector, pod.labels) ? 1 : 0;
    const matchNum = s.tpValueToMatchNum[i]!.get(tpVal) ?? 0;
    if (matchNum + selfMatch - minMatch > c.maxSkew) return REJECT;
  }
  return null;
}
