/**
 * Which pods a scale-down removes first. The first pod in the order is deleted first.
 * Models pkg/controller/controller_utils.go (ActivePods.Less, ActivePodsWithRanks.Less, logarithmicRankDiff) and
 * pkg/controller/replicaset/replica_set.go (getPodsToDelete, getPodsRankedByRelatedPodsOnSameNode), with the
 * PodDeletionCost and LogarithmicScaleDown gates on, as they are by default in v1.34.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { fromTimestamp } from '../../api/meta';
import { isPodActive, isPodReady, podDeletionCost, podReadyCondition } from './pod-utils';

/** Phase order for deletion: Pending first, then Unknown, then Running (others sort with Pending, as in Go). */
function phaseOrdinal(pod: Pod): number {
  switch (pod.status?.phase) {
    case 'Unknown':
      return 1;
    case 'Running':
      return 2;
    default:
      return 0;
  }
}

/** The Ready condition's transition time for a ready pod; undefined (Go's zero time) otherwise. */
function podReadyTimeMs(pod: Pod): number | undefined {
  return isPodReady(pod) ? fromTimestamp(podReadyCondition(pod)?.lastTransitionTime) : undefined;
}

function creationMs(pod: Pod): number | undefined {
  return fromTimestamp(pod.metadata?.creationTimestamp);
}

/** Models afterOrZero: t1 after t2, where a zero (missing) time counts as after any real time. */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined;
  return t1 > t2;
}

/** Go's math.Log2: exact for powers of two, otherwise log(frac)/ln2 + exp with frac in [0.5, 1). */
function goLog2(x: number): number {
  let exp = Math.floor(Math.log2(x)) + 1;
  // Correct the estimate so that frac = x / 2^exp lands in [0.5, 1), as Frexp would return.
  while (x / 2 ** exp >= 1) exp++;
  while (x / 2 ** exp < 0.5) exp--;
  const frac = x / 2 ** exp;
  if (frac === 0.5) return exp - 1;
  return Math.log(frac) * (1 / Math.LN2) + exp;
}

/** floor(log2(age in nanoseconds)) of a timestamp relative to now, or -1 for a non-positive age. */
function logBucket(tMs: number, nowMs: number): number {
  const ageNs = (nowMs - tMs) * 1e6;
  return ageNs > 0 ? Math.trunc(goLog2(ageNs)) : -1;
}

/** Models logarithmicRankDiff: compares how long ago two instants were on a log2 scale. */
export function logarithmicRankDiff(t1Ms: number, t2Ms: number, nowMs: number): number {
  return logBucket(t1Ms, nowMs) - logBucket(t2Ms, nowMs);
}

/** Go's string comparison of UIDs (byte order; uids are ASCII). */
function uidLess(a: Pod, b: Pod): boolean {
  return (a.metadata?.uid ?? '') < (b.metadata?.uid ?? '');
}

/**
 * Models compareMaxContainerRestarts: the pod whose containers restarted more sorts first; ties on regular
 * containers fall back to restartable init containers (sidecars). Undefined when equal.
 */
function compareMaxContainerRestarts(a: Pod, b: Pod): boolean | undefined {
  const [ra, sa] = maxContainerRestarts(a);
  const [rb, sb] = maxContainerRestarts(b);
  if (ra !== rb) return ra > rb;
  if (sa !== sb) return sa > sb;
  return undefined;
}

function maxContainerRestarts(pod: Pod): [regular: number, sidecar: number] {
  let regular = 0;
  for (const c of pod.status?.containerStatuses ?? []) regular = Math.max(regular, c.restartCount ?? 0);
  const sidecars = new Set((pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  let sidecar = 0;
  for (const c of pod.status?.initContainerStatuses ?? []) if (sidecars.has(c.name)) sidecar = Math.max(sidecar, c.restartCount ?? 0);
  return [regular, sidecar];
}

/** Rules 1-3 shared by both comparators: unassigned, phase, readiness. Undefined when they do not decide. */
function lessByLifecycle(a: Pod, b: Pod): boolean | undefined {
  const na = a.spec?.nodeName ?? '';
  const nb = b.spec?.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '';
  if (phaseOrdinal(a) !== phaseOrdinal(b)) return phaseOrdinal(a) < phaseOrdinal(b);
  if (isPodReady(a) !== isPodReady(b)) return !isPodReady(a);
  return undefined;
}

/**
 * Models ActivePods.Less: the order other controllers (Job, StatefulSet helpers) use to pick pods to remove.
 * Returns true when `a` should be deleted before `b`.
 */
export function activePodsLess(a: Pod, b: Pod): boolean {
  const life = lessByLifecycle(a, b);
  if (life !== undefined) return life;
  if (isPodReady(a) && isPodReady(b)) {
    const ta = podReadyTimeMs(a);
    const tb = podReadyTimeMs(b);
    if (ta !== tb) return afterOrZero(ta, tb);
  }
  const restarts = compareMaxContainerRestarts(a, b);
  if (restarts !== undefined) return restarts;
  const ca = creationMs(a);
  const cb = creationMs(b);
  if (ca !== cb) return afterOrZero(ca, cb);
  return false;
}

/** A pod with its rank: the number of active related pods on its node. */
export interface RankedPod<P extends Pod = Pod> {
  pod: P;
  rank: number;
}

/**
 * Models ActivePodsWithRanks.Less (section 2.2 of the deletion rules): lifecycle, deletion cost, co-location rank,
 * ready time and creation time on log2 buckets with a UID tie-break, restart counts. True when `a` goes first.
 */
export function rankedPodsLess(a: RankedPod, b: RankedPod, nowMs: number): boolean {
  const life = lessByLifecycle(a.pod, b.pod);
  if (life !== undefined) return life;
  const costA = podDeletionCost(a.pod);
  const costB = podDeletionCost(b.pod);
  if (costA !== costB) return costA < costB;
  if (a.rank !== b.rank) return a.rank > b.rank;
  if (isPodReady(a.pod) && isPodReady(b.pod)) {
    const ta = podReadyTimeMs(a.pod);
    const tb = podReadyTimeMs(b.pod);
    if (ta !== tb) {
      if (ta === undefined || tb === undefined) return afterOrZero(ta, tb);
      const diff = logarithmicRankDiff(ta, tb, nowMs);
      return diff === 0 ? uidLess(a.pod, b.pod) : diff < 0;
    }
  }
  const restarts = compareMaxContainerRestarts(a.pod, b.pod);
  if (restarts !== undefined) return restarts;
  const ca = creationMs(a.pod);
  const cb = creationMs(b.pod);
  if (ca !== cb) {
    if (ca === undefined || cb === undefined) return afterOrZero(ca, cb);
    const diff = logarithmicRankDiff(ca, cb, nowMs);
    return diff === 0 ? uidLess(a.pod, b.pod) : diff < 0;
  }
  return false;
}

/** Sorts with a `less` predicate; stable, so pods the rules call equal keep their input order. */
export function sortByLess<T>(items: readonly T[], less: (a: T, b: T) => boolean): T[] {
  return [...items].sort((a, b) => (less(a, b) ? -1 : less(b, a) ? 1 : 0));
}

/**
 * Models getPodsRankedByRelatedPodsOnSameNode: ranks each pod by how many active related pods (pods of every
 * ReplicaSet of the same Deployment) share its node. Unassigned pods share the "" node.
 */
export function rankPodsByRelatedPodsOnSameNode<P extends Pod>(podsToRank: readonly P[], relatedPods: readonly Pod[]): RankedPod<P>[] {
  const podsOnNode = new Map<string, number>();
  for (const p of relatedPods) {
    if (!isPodActive(p)) continue;
    const node = p.spec?.nodeName ?? '';
    podsOnNode.set(node, (podsOnNode.get(node) ?? 0) + 1);
  }
  return podsToRank.map((pod) => ({ pod, rank: podsOnNode.get(pod.spec?.nodeName ?? '') ?? 0 }));
}

/**
 * Models getPodsToDelete: the `diff` pods a scale-down removes. Deleting all of them needs no ranking.
 */
export function getPodsToDelete<P extends Pod>(filteredPods: readonly P[], relatedPods: readonly Pod[], diff: number, nowMs: number): P[] {
  if (diff >= filteredPods.length) return filteredPods.slice(0, diff);
  const ranked = rankPodsByRelatedPodsOnSameNode(filteredPods, relatedPods);
  return sortByLess(ranked, (a, b) => rankedPodsLess(a, b, nowMs))
    .slice(0, diff)
    .map((r) => r.pod);
}
