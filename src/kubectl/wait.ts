/**
 * Waiting on the cluster from inside a command (`kubectl delete` waits for the object to go, `rollout status`
 * follows a rollout). The CLI and tests advance the virtual clock synchronously; the answer is deterministic.
 */
import type { Cluster } from '../engine';

/** Advances `cluster` in small steps until `done()` or `timeoutMs` of virtual time; returns whether it finished. */
export function advanceUntil(cluster: Cluster, done: () => boolean, timeoutMs: number, stepMs = 100): boolean {
  const deadline = cluster.nowMs + timeoutMs;
  while (!done()) {
    if (cluster.nowMs >= deadline) return false;
    cluster.advance(Math.min(stepMs, deadline - cluster.nowMs));
  }
  return true;
}
