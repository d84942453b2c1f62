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
    for (let i = 0; i < this.resources.length; i++) {
      const [a, r] = this.allocatableRequest(nodeInfo, this.resources[i]!.name, podRequests[i]!);
      alloc[i] = a;
      req[i] = a === 0 ? 0 : r;
    }
    return this.scorer(req, alloc);
  }

  // Models calculateResourceAllocatableRequest.
  private allocatableRequest(ni: NodeInfo, name: string, podRequest: number): [number, number] {
    const requested = this.useRequested ? ni.requested : ni.nonZeroRequested;
    if (podRequest === 0 && isScalarResourceName(name)) return ZERO;
    switch (name) {
      case 'cpu':
        return [ni.allocatable.milliCPU, requested.milliCPU + podRequest];
      case 'memory':
        return [ni.allocatable.memory, requested.memory + podRequest];
      case 'ephemeral-storage':
        return [ni.allocatable.ephemeralStorage, ni.requested.ephemeralStorage + podRequest];
      default: {
        const a = ni.allocatable.scalar?.get(name);
        if (a === undefined) return ZERO;
        return [a, ni.requested.get(name) + podRequest];
      }
    }
  }
}

const ZERO: [number, number] = [0, 0];
