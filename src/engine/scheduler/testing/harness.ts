/**
 * Runs single plugins against a hand-built cache, the way upstream's plugin unit tests do.
 */
import { SchedulerCache } from '../cache/cache';
import { CycleState } from '../framework/cycle-state';
import type { SchedulerPlugin } from '../framework/interface';
import type { NodeInfo, NodeObject } from '../framework/node-info';
import { PodInfo, type PodObject } from '../framework/pod-info';
import type { Status } from '../framework/status';

/** A cache holding `nodes` and the bound `pods` (pods need spec.nodeName). */
export function cacheWith(nodes: NodeObject[], pods: PodObject[] = []): SchedulerCache {
  const c = new SchedulerCache();
  for (const n of nodes) c.addNode(n);
  for (const p of pods) c.addPod(p);
  return c;
}

/**
 * PreScore + Score + NormalizeScore over the cache's nodes (or only `only`, the feasible ones), in cache order;
 * returns name -> score.
 */
export function runScore(plugin: SchedulerPlugin, pod: PodObject, cache: SchedulerCache, state = new CycleState(), only?: readonly string[]): Record<string, number> {
  const pi = PodInfo.of(pod);
  const nodes = (cache.list() as NodeInfo[]).filter((n) => !only || only.includes(n.name));
  const pre = plugin.preScore?.(state, pi, nodes);
  const scores = new Float64Array(nodes.length);
  if (!pre) {
    for (let i = 0; i < nodes.length; i++) scores[i] = plugin.score!(state, pi, nodes[i]!);
    plugin.normalizeScore?.(state, pi, scores, nodes);
  }
  const out: Record<string, number> = {};
  nodes.forEach((n, i) => (out[n.name] = scores[i]!));
  return out;
}

/** PreFilter + Filter on every node; returns name -> status (null = passes). */
export function runFilter(plugin: SchedulerPlugin, pod: PodObject, cache: SchedulerCache, state = new CycleState()): Record<string, Status | null> {
  const pi = PodInfo.of(pod);
  const nodes = cache.list() as NodeInfo[];
  const pre = plugin.preFilter?.(state, pi, nodes);
  const out: Record<string, Status | null> = {};
  for (const n of nodes) out[n.name] = pre?.status && pre.status.code === 4 ? null : plugin.filter!(state, pi, n);
  return out;
}
