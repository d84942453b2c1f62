/**
 * NodeResourcesFit: the pod's requests must fit in what the node has left (plus a pod slot); scores with the
 * LeastAllocated strategy.
 * Models pkg/scheduler/framework/plugins/noderesources/fit.go.
 */
import type { StateData } from '../../framework/cycle-state';
import { Code, Status } from '../../framework/status';
import { ActionType, asNode, asPod } from '../../framework/events';
import type { SchedulerPlugin } from '../../framework/interface';
import { NodeInfo, type NodeObject } from '../../framework/node-info';
import type { PodInfo } from '../../framework/pod-info';
import { NodeResourcesFit as NAME } from '../names';
import { leastResourceScorer } from './least-allocated';
import { DEFAULT_RESOURCES, ResourceAllocationScorer, type ResourceSpec } from './resource-allocation';

const PRE_SCORE_KEY = `PreScore${NAME}`;

class PreScoreState implements StateData {
  constructor(readonly podRequests: readonly number[]) {}
  clone(): StateData {
    return this;
  }
}

/** One resource the node lacks. */
export interface InsufficientResource {
  resourceName: string;
  reason: string;
  requested: number;
  used: number;
  capacity: number;
  /** Even an empty node could not hold the request: preemption cannot help. */
  unresolvable: boolean;
}

/** Models fitsRequest: every resource the pod does not fit, in upstream order (pods, cpu, memory, storage, scalars). */
export function fitsRequest(pod: PodInfo, ni: NodeInfo): InsufficientResource[] {
  const out: InsufficientResource[] = [];
  const alloc = ni.allocatable;
  const used = ni.requested;
  if (ni.pods.length + 1 > alloc.allowedPodNumber) {
    out.push({ resourceName: 'pods', reason: 'Too many pods', requested: 1, used: ni.pods.length, capacity: alloc.allowedPodNumber, unresolvable: false });
  }
  const req = pod.requests;
  if (req.isZero) return out;
  if (req.milliCPU > 0 && req.milliCPU > alloc.milliCPU - used.milliCPU) {
    out.push({ resourceName: 'cpu', reason: 'Insufficient cpu', requested: req.milliCPU, used: used.milliCPU, capacity: alloc.milliCPU, unresolvable: req.milliCPU > alloc.milliCPU });
  }
  if (req.memory > 0 && req.memory > alloc.memory - used.memory) {
    out.push({ resourceName: 'memory', reason: 'Insufficient memory', requested: req.memory, used: used.memory, capacity: alloc.memory, unresolvable: req.memory > alloc.memory });
  }
  if (req.ephemeralStorage > 0 && req.ephemeralStorage > alloc.ephemeralStorage - used.ephemeralStorage) {
    out.push({ resourceName: 'ephemeral-storage', reason: 'Insufficient ephemeral-storage', requested: req.ephemeralStorage, used: used.ephemeralStorage, capacity: alloc.ephemeralStorage, unresolvable: req.ephemeralStorage > alloc.ephemeralStorage });
  }
  if (req.scalar) {
    for (const name of [...req.scalar.keys()].sort()) {
      const q = req.scalar.get(name)!;
      if (q === 0) continue;
      const a = alloc.scalar?.get(name) ?? 0;
      const u = used.scalar?.get(name) ?? 0;
      if (q > a - u) out.push({ resourceName: name, reason: `Insufficient ${name}`, requested: q, used: u, capacity: a, unresolvable: q > a });
    }
  }
  return out;
}

/** True when the pod certainly fits (no allocation); false means "run fitsRequest for the reasons". */
function fitsQuickly(pod: PodInfo, ni: NodeInfo): boolean {
  const alloc = ni.allocatable;
  const used = ni.requested;
  if (ni.pods.length + 1 > alloc.allowedPodNumber) return false;
  const req = pod.requests;
  if (req.scalar) return false;
  return (
    (req.milliCPU <= 0 || req.milliCPU <= alloc.milliCPU - used.milliCPU) &&
    (req.memory <= 0 || req.memory <= alloc.memory - used.memory) &&
    (req.ephemeralStorage <= 0 || req.ephemeralStorage <= alloc.ephemeralStorage - used.ephemeralStorage)
  );
}

/** Whether `pod` fits an empty node like `node` (used by queueing hints). */
function fitsEmptyNode(pod: PodInfo, node: NodeObject): boolean {
  const ni = new NodeInfo(node.metadata.name);
  ni.setNode(node);
  return fitsRequest(pod, ni).length === 0;
}

/** Builds the plugin (LeastAllocated scoring over `resources`). */
export function newFit(args: { resources?: readonly ResourceSpec[] } = {}): SchedulerPlugin {
  const resources = args.resources ?? DEFAULT_RESOURCES;
  const scorer = new ResourceAllocationScorer(resources, leastResourceScorer(resources), false);
  // Statuses for the common reason combinations, so repeated rejections share one object.
  const memo = new Map<string, Status>();
  return {
    name: NAME,
    filter(_state, pod, nodeInfo) {
      if (fitsQuickly(pod, nodeInfo)) return null;
      const insufficient = fitsRequest(pod, nodeInfo);
      if (insufficient.length === 0) return null;
      let code: Code = Code.Unschedulable;
      for (const r of insufficient) if (r.unresolvable) code = Code.UnschedulableAndUnresolvable;
      const reasons = insufficient.map((r) => r.reason);
      const key = `${code}\u0000${reasons.join('\u0000')}`;
      let s = memo.get(key);
      if (!s) memo.set(key, (s = new Status(code, reasons, NAME)));
      return s;
    },
    preScore(state, pod) {
      state.write(PRE_SCORE_KEY, new PreScoreState(scorer.podRequests(pod)));
      return null;
    },
    score(state, pod, nodeInfo) {
      const reqs = state.read<PreScoreState>(PRE_SCORE_KEY)?.podRequests ?? scorer.podRequests(pod);
      return scorer.score(nodeInfo, reqs);
    },
    eventsToRegister() {
      return [
        {
          event: { resource: 'Pod', actionType: ActionType.Delete, label: 'PodDelete' },
          // Models isSchedulableAfterPodEvent: deleting a pod that held no node frees nothing.
          hint: (_pod, oldObj) => {
            const deleted = asPod(oldObj);
            return !!deleted && (!!deleted.spec?.nodeName || !!deleted.status?.nominatedNodeName);
          },
        },
        {
          event: { resource: 'Node', actionType: ActionType.Add | ActionType.UpdateNodeAllocatable, label: 'Node' },
          // Models isSchedulableAfterNodeChange: the node must be big enough, and an update must add capacity.
          hint: (pod, oldObj, newObj) => {
            const n = asNode(newObj);
            if (!n || !fitsEmptyNode(pod, n)) return false;
            const o = asNode(oldObj);
            if (!o) return true;
            const before = new NodeInfo(o.metadata.name);
            before.setNode(o);
            const after = new NodeInfo(n.metadata.name);
            after.setNode(n);
            if (after.allocatable.allowedPodNumber > before.allocatable.allowedPodNumber) return true;
            const r = pod.requests;
            if (r.isZero) return false;
            if ((r.milliCPU > 0 && after.allocatable.milliCPU > before.allocatable.milliCPU) || (r.memory > 0 && after.allocatable.memory > before.allocatable.memory) || (r.ephemeralStorage > 0 && after.allocatable.ephemeralStorage > before.allocatable.ephemeralStorage)) return true;
            for (const [k, v] of r.scalar ?? []) if (v > 0 && after.allocatable.get(k) > before.allocatable.get(k)) return true;
            return false;
          },
        },
      ];
    },
  };
}
