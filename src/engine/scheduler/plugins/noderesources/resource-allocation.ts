/**
 * The shared scoring skeleton of NodeResourcesFit (LeastAllocated) and NodeResourcesBalancedAllocation: per
 * resource, what the node can allocate and what would be requested with the pod on it.
 * Models pkg/scheduler/framework/plugins/noderesources/resource_allocation.go.
 */
import type { NodeInfo } from '../../framework/node-info';
import type { PodInfo } from '../../framework/pod-info';
import { isScalarResourceName } from '../../framework/resource';

/** A scored resource and its weight (scoringStrategy.resources). */
export interface ResourceSpec {
  name: string;
  weight: number;
}

/** The default resources: cpu and memory, weight 1 each. */
export const DEFAULT_RESOURCES: readonly ResourceSpec[] = [
  { name: 'cpu', weight: 1 },
  { name: 'memory', weight: 1 },
];

/** Combines per-resource requested/allocatable into one 0..100 score. */
export type Scorer = (requested: Float64Array, allocatable: Float64Array) => number;

/** Scores nodes for one strategy. Reuses two buffers: scoring is sequential, one node at a time. */
export class ResourceAllocationScorer {
  private readonly requested: Float64Array;
  private readonly allocatable: Float64Array;

  constructor(
    readonly resources: readonly ResourceSpec[],
    private readonly scorer: Scorer,
    /** true: real requests (BalancedAllocation); false: non-zero requests with 100m/200Mi defaults. */
    private readonly useRequested: boolean,
  ) {
    this.requested = new Float64Array(resources.length);
    this.allocatable = new Float64Array(resources.length);
  }

  /** Models calculatePodResourceRequestList: the pod's request per scored resource. */
  podRequests(pod: PodInfo): number[] {
    return this.resources.map((r) => {
      if (!this.useRequested && r.name === 'cpu') return pod.nonZeroCPU;
      if (!this.useRequested && r.name === 'memory') return pod.nonZeroMemory;
      return pod.requests.get(r.name);
    });
  }

  /** Models resourceAllocationScorer.score. */
  score(nodeInfo: NodeInfo, podRequests: readonly number[]): number {
    const req = this.requested;
    const alloc = this.allocatable;
    const resources = this.resources;
    for (let i = 0; i < resources.length; i++) this.fill(i, nodeInfo, resources[i]!.name, podRequests[i]!);
    return this.scorer(req, alloc);
  }

  // Models calculateResourceAllocatableRequest; writes slot i of the buffers (0/0 = resource not scored).
  private fill(i: number, ni: NodeInfo, name: string, podRequest: number): void {
    const requested = this.useRequested ? ni.requested : ni.nonZeroRequested;
    let a = 0;
    let r = 0;
    switch (name) {
      case 'cpu':
        a = ni.allocatable.milliCPU;
        r = requested.milliCPU + podRequest;
        break;
      case 'memory':
        a = ni.allocatable.memory;
        r = requested.memory + podRequest;
        break;
      case 'ephemeral-storage':
        a = ni.allocatable.ephemeralStorage;
        r = ni.requested.ephemeralStorage + podRequest;
        break;
      default:
        if (podRequest === 0 && isScalarResourceName(name)) break;
        a = ni.allocatable.scalar?.get(name) ?? 0;
        r = ni.requested.get(name) + podRequest;
    }
    this.allocatable[i] = a;
    this.requested[i] = a === 0 ? 0 : r;
  }
}

