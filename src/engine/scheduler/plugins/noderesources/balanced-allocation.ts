/**
 * NodeResourcesBalancedAllocation: prefer nodes where the pod keeps cpu and memory usage fractions close.
 * Models pkg/scheduler/framework/plugins/noderesources/balanced_allocation.go.
 */
import type { StateData } from '../../framework/cycle-state';
import { SKIP } from '../../framework/status';
import { MAX_NODE_SCORE, type SchedulerPlugin } from '../../framework/interface';

const MAX_SCORE: number = MAX_NODE_SCORE;
import { NodeResourcesBalancedAllocation as NAME } from '../names';
import { DEFAULT_RESOURCES, ResourceAllocationScorer, type ResourceSpec } from './resource-allocation';

const PRE_SCORE_KEY = `PreScore${NAME}`;

class PreScoreState implements StateData {
  constructor(readonly podRequests: readonly number[]) {}
  clone(): StateData {
    return this;
  }
}

/** Models balancedResourceScorer: (1 - std of the capped usage fractions) * 100, truncated. */
export function balancedResourceScorer(requested: Float64Array, allocatable: Float64Array): number {
  // First pass: count and sum the fractions without allocating (this runs for every scored node).
  let n = 0;
  let total = 0;
  let f0 = 0;
  let f1 = 0;
  for (let i = 0; i < requested.length; i++) {
    if (allocatable[i] === 0) continue;
    const f = Math.min(1, requested[i]! / allocatable[i]!);
    if (n === 0) f0 = f;
    else if (n === 1) f1 = f;
    total += f;
    n++;
  }
  let std = 0;
  if (n === 2) {
    std = Math.abs((f0 - f1) / 2);
  } else if (n > 2) {
    const mean = total / n;
    let sum = 0;
    for (let i = 0; i < requested.length; i++) {
      if (allocatable[i] === 0) continue;
      const f = Math.min(1, requested[i]! / allocatable[i]!);
      sum += (f - mean) * (f - mean);
    }
    std = Math.sqrt(sum / n);
  }
  return Math.trunc((1 - std) * MAX_SCORE);
}

/** Builds the plugin. */
export function newBalancedAllocation(args: { resources?: readonly ResourceSpec[] } = {}): SchedulerPlugin {
  const scorer = new ResourceAllocationScorer(args.resources ?? DEFAULT_RESOURCES, balancedResourceScorer, true);
  return {
    name: NAME,
    preScore(state, pod) {
      const reqs = scorer.podRequests(pod);
      // A best-effort pod changes no fraction: nothing to balance.
      if (reqs.every((r) => r === 0)) return SKIP;
      state.write(PRE_SCORE_KEY, new PreScoreState(reqs));
      return null;
    },
    score(state, pod, nodeInfo) {
      const reqs = state.read<PreScoreState>(PRE_SCORE_KEY)?.podRequests ?? scorer.podRequests(pod);
      return scorer.score(nodeInfo, reqs);
    },
  };
}
