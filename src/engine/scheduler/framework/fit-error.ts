/**
 * Why a pod fits nowhere: the per-node statuses, and the FailedScheduling message built from them.
 * Models pkg/scheduler/framework/types.go (NodeToStatus, Diagnosis, FitError.Error).
 */
import type { NodeInfo } from './node-info';
import type { SnapshotLister } from './interface';
import { Code, Status } from './status';

/** Message when the cluster has no nodes at all (ErrNoNodesAvailable). */
export const NO_NODES_AVAILABLE_MSG = 'no nodes available to schedule pods';

/** Node name -> failing status, with one shared status for nodes not listed ("absent" nodes). */
export class NodeToStatus {
  /** Explicit entries in insertion order (parallel arrays: cheap to build in the filter loop). */
  readonly names: string[] = [];
  readonly statuses: Status[] = [];
  private index: Map<string, number> | null = null;

  constructor(public absentStatus: Status = new Status(Code.UnschedulableAndUnresolvable, [])) {}

  set(name: string, status: Status): void {
    const i = this.lookup(name);
    if (i !== undefined) {
      this.statuses[i] = status;
      return;
    }
    this.index?.set(name, this.names.length);
    this.names.push(name);
    this.statuses.push(status);
  }

  /** The node's status: its explicit entry, else the absent-nodes status. */
  get(name: string): Status {
    const i = this.lookup(name);
    return i === undefined ? this.absentStatus : this.statuses[i]!;
  }

  /** The explicit entry, if any. */
  explicit(name: string): Status | undefined {
    const i = this.lookup(name);
    return i === undefined ? undefined : this.statuses[i];
  }

  get len(): number {
    return this.names.length;
  }

  /** Models NodeToStatus.NodesForStatusCode: nodes whose status has `code`, in snapshot order. */
  nodesForStatusCode(lister: SnapshotLister, code: Code): NodeInfo[] {
    if (this.absentStatus.code === code) {
      const all = lister.list();
      if (this.len === 0) return [...all];
      return all.filter((n) => this.get(n.name).code === code);
    }
    const out: NodeInfo[] = [];
    for (let i = 0; i < this.names.length; i++) {
      if (this.statuses[i]!.code !== code) continue;
      const ni = lister.get(this.names[i]!);
      if (ni?.node) out.push(ni);
    }
    return out;
  }

  private lookup(name: string): number | undefined {
    if (!this.index) {
      // Built lazily: the filter loop only appends and never looks up.
      this.index = new Map();
      for (let i = 0; i < this.names.length; i++) this.index.set(this.names[i]!, i);
    }
    return this.index.get(name);
  }
}

/** The details of a scheduling failure. */
export interface Diagnosis {
  nodeToStatus: NodeToStatus;
  /** Plugins that rejected the pod somewhere; their registered events can requeue it. */
  unschedulablePlugins: Set<string>;
  pendingPlugins: Set<string>;
  preFilterMsg: string;
  postFilterMsg: string;
}

/** A fresh diagnosis. */
export function newDiagnosis(): Diagnosis {
  return { nodeToStatus: new NodeToStatus(), unschedulablePlugins: new Set(), pendingPlugins: new Set(), preFilterMsg: '', postFilterMsg: '' };
}

/** Models Diagnosis.AddPluginStatus. */
export function addPluginStatus(d: Diagnosis, s: Status): void {
  if (!s.plugin) return;
  if (s.isRejected) d.unschedulablePlugins.add(s.plugin);
  if (s.code === Code.Pending) d.pendingPlugins.add(s.plugin);
}

/**
 * The FailedScheduling message: `0/N nodes are available: ` + PreFilter message or the histogram of reasons
 * sorted as strings (so `10 …` sorts before `2 …`) + the PostFilter message.
 */
// Models pkg/scheduler/framework/types.go FitError.Error
export function fitErrorMessage(numAllNodes: number, d: Diagnosis): string {
  let msg = `0/${numAllNodes} nodes are available:`;
  if (d.preFilterMsg !== '') {
    msg += ` ${d.preFilterMsg}.`;
  } else {
    const counts = new Map<string, number>();
    const st = d.nodeToStatus;
    for (const s of st.statuses) for (const r of s.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
    if (st.len < numAllNodes) {
      for (const r of st.absentStatus.reasons) counts.set(r, (counts.get(r) ?? 0) + numAllNodes - st.len);
    }
    const parts = [...counts].map(([r, n]) => `${n} ${r}`);
    parts.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (parts.length > 0) msg += ` ${parts.join(', ')}.`;
  }
  if (d.postFilterMsg !== '') msg += ` ${d.postFilterMsg}`;
  return msg;
}
