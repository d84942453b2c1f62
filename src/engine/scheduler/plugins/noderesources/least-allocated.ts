/**
 * LeastAllocated: prefer nodes with the most unrequested capacity.
 * Models pkg/scheduler/framework/plugins/noderesources/least_allocated.go.
 */
import { MAX_NODE_SCORE as MAX_SCORE } from '../../framework/interface';

// A module-local copy: the hot loop should not go through an import binding.
const MAX_NODE_SCORE: number = MAX_SCORE;
import type { ResourceSpec, Scorer } from './resource-allocation';

/** Models leastRequestedScore: (capacity - requested) * 100 / capacity, 0 when over capacity. */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.floor(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/** Models leastResourceScorer: the weighted mean (integer division) over resources the node has. */
export function leastResourceScorer(resources: readonly ResourceSpec[]): Scorer {
  return (requested, allocatable) => {
    let nodeScore = 0;
    let weightSum = 0;
    for (let i = 0; i < requested.length; i++) {
      if (allocatable[i] === 0) continue;
      const w = resources[i]!.weight;
      nodeScore += leastRequestedScore(requested[i]!, allocatable[i]!) * w;
      weightSum += w;
    }
    return weightSum === 0 ? 0 : Math.floor(nodeScore / weightSum);
  };
}
