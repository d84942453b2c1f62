/**
 * Indexed Jobs: completion indexes on pods, the compressed interval form of `status.completedIndexes`
 * (`0-2,4,6,7`), and which indexes still need a pod.
 * Models pkg/controller/job/indexed_job_utils.go.
 */
import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import { activePodsLess, sortByLess } from '../replicaset/pod-ranking';
import { JOB_COMPLETION_INDEX_ANNOTATION, JOB_COMPLETION_INDEX_ENV } from './job-util';

/** An index that is not set or not a valid non-negative integer. */
export const UNKNOWN_COMPLETION_INDEX = -1;

/** Longest generateName the apiserver accepts before appending its 5 random characters (names.MaxGeneratedNameLength). */
const MAX_GENERATED_NAME_LENGTH = 58;

/** A closed range of indexes. */
export interface Interval {
  first: number;
  last: number;
}

/** Sorted, non-overlapping, non-adjacent intervals. */
export type OrderedIntervals = readonly Interval[];

/** Models getCompletionIndex: the pod's completion index annotation, or -1. */
export function completionIndexOf(annotations: Readonly<Record<string, string>> | undefined): number {
  const v = annotations?.[JOB_COMPLETION_INDEX_ANNOTATION];
  if (v === undefined || !/^[+-]?\d+$/.test(v)) return UNKNOWN_COMPLETION_INDEX;
  const i = Number(v);
  return i < 0 ? UNKNOWN_COMPLETION_INDEX : i;
}

/** Models orderedIntervals.merge. */
export function mergeIntervals(a: OrderedIntervals, b: OrderedIntervals): Interval[] {
  const result: Interval[] = [];
  const push = (iv: Interval) => {
    const last = result[result.length - 1];
    if (!last || iv.first > last.last + 1) result.push({ ...iv });
    else if (last.last < iv.last) last.last = iv.last;
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]!.first < b[j]!.first) push(a[i++]!);
    else push(b[j++]!);
  }
  while (i < a.length) push(a[i++]!);
  while (j < b.length) push(b[j++]!);
  return result;
}

/** Models orderedIntervals.withOrderedIndexes: adds indexes given in increasing order. */
export function withOrderedIndexes(oi: OrderedIntervals, indexes: readonly number[]): Interval[] {
  return mergeIntervals(oi, indexes.map((ix) => ({ first: ix, last: ix })));
}

/** Models orderedIntervals.total. */
export function totalIndexes(oi: OrderedIntervals): number {
  return oi.reduce((n, iv) => n + iv.last - iv.first + 1, 0);
}

/** Models orderedIntervals.String: `1,3-5,7,8` (two adjacent indexes are listed, three or more become a range). */
export function formatIntervals(oi: OrderedIntervals): string {
  return oi.map((iv) => (iv.last === iv.first ? `${iv.first}` : iv.last === iv.first + 1 ? `${iv.first},${iv.last}` : `${iv.first}-${iv.last}`)).join(',');
}

/** Models orderedIntervals.has (binary search). */
export function intervalsHave(oi: OrderedIntervals, ix: number): boolean {
  let lo = 0;
  let hi = oi.length;
  while (hi > lo) {
    const mid = lo + ((hi - lo) >> 1);
    if (oi[mid]!.last >= ix) hi = mid;
    else lo = mid + 1;
  }
  return hi < oi.length && oi[hi]!.first <= ix;
}

/** Models parseIndexesFromString: corrupted parts are skipped, indexes >= completions dropped. */
export function parseIndexes(text: string | undefined, completions: number): Interval[] {
  if (!text) return [];
  const result: Interval[] = [];
  for (const part of text.split(',')) {
    const limits = part.split('-');
    if (!/^[+-]?\d+$/.test(limits[0]!)) continue;
    const first = Number(limits[0]);
    if (first >= completions) break;
    let last = first;
    if (limits.length > 1) {
      if (!/^[+-]?\d+$/.test(limits[1]!)) continue;
      last = Math.min(Number(limits[1]), completions - 1);
    }
    const prev = result[result.length - 1];
    if (prev && prev.last === first - 1) prev.last = last;
    else result.push({ first, last });
  }
  return result;
}

/** The distinct, known completion indexes of `pods`, ascending. */
export function indexesOf(pods: readonly Pod[]): number[] {
  const set = new Set<number>();
  for (const p of pods) {
    const ix = completionIndexOf(p.metadata?.annotations);
    if (ix !== UNKNOWN_COMPLETION_INDEX) set.add(ix);
  }
  return [...set].sort((a, b) => a - b);
}

/**
 * Models firstPendingIndexes: the first `count` indexes below `completions` that are neither succeeded nor held
 * by an active pod (nor by a terminating pod when only failed pods are replaced).
 */
export function firstPendingIndexes(succeeded: OrderedIntervals, activePods: readonly Pod[], terminatingPods: readonly Pod[] | undefined, count: number, completions: number): number[] {
  if (count === 0) return [];
  let nonPending = withOrderedIndexes(succeeded, indexesOf(activePods));
  if (terminatingPods) nonPending = withOrderedIndexes(nonPending, indexesOf(terminatingPods));
  const result: number[] = [];
  let candidate = 0;
  for (const iv of nonPending) {
    for (; candidate < completions && result.length < count && candidate < iv.first; candidate++) result.push(candidate);
    if (candidate < iv.last + 1) candidate = iv.last + 1;
  }
  for (; candidate < completions && result.length < count; candidate++) result.push(candidate);
  return result;
}

/** Models calculateSucceededIndexes: the indexes in status plus those of succeeded pods not counted yet. */
export function calculateSucceededIndexes(completedIndexes: string | undefined, completions: number, pods: readonly Pod[], hasFinalizer: (p: Pod) => boolean): { prev: Interval[]; next: Interval[] } {
  const prev = parseIndexes(completedIndexes, completions);
  const fresh = new Set<number>();
  for (const p of pods) {
    const ix = completionIndexOf(p.metadata?.annotations);
    if (p.status?.phase === 'Succeeded' && ix !== UNKNOWN_COMPLETION_INDEX && ix < completions && hasFinalizer(p)) fresh.add(ix);
  }
  return { prev, next: withOrderedIndexes(prev, [...fresh].sort((a, b) => a - b)) };
}

/** Models podGenerateNameWithIndex: `<job>-<index>-`, with the job name cut so the prefix fits. */
export function podGenerateNameWithIndex(jobName: string, index: number): string {
  const suffix = `-${index}-`;
  const prefix = jobName + suffix;
  return prefix.length > MAX_GENERATED_NAME_LENGTH ? prefix.slice(0, MAX_GENERATED_NAME_LENGTH - suffix.length) + suffix : prefix;
}

/**
 * Models addCompletionIndexEnvVariables: every container reads JOB_COMPLETION_INDEX from the pod's index label
 * (PodIndexLabel is on by default since v1.28).
 */
export function addCompletionIndexEnvVariables(template: PodTemplateSpec): void {
  const spec = template.spec;
  if (!spec) return;
  for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
    const env = [...(c.env ?? [])];
    if (env.some((e) => e.name === JOB_COMPLETION_INDEX_ENV)) continue;
    env.push({ name: JOB_COMPLETION_INDEX_ENV, valueFrom: { fieldRef: { fieldPath: `metadata.labels['${JOB_COMPLETION_INDEX_ANNOTATION}']` } } });
    (c as { env?: typeof env }).env = env;
  }
}

/** Models byCompletionIndex sorting (stable). */
export function sortByCompletionIndex<P extends Pod>(pods: readonly P[]): P[] {
  return [...pods].sort((a, b) => completionIndexOf(a.metadata?.annotations) - completionIndexOf(b.metadata?.annotations));
}

/**
 * Models appendDuplicatedIndexPodsForRemoval: pods without an index or with one out of range go; of pods sharing
 * an index all but the one ranked last by ActivePods go.
 */
export function duplicatedIndexPodsForRemoval<P extends Pod>(pods: readonly P[], completions: number): { rm: P[]; left: P[] } {
  const rm: P[] = [];
  const left: P[] = [];
  const sorted = sortByCompletionIndex(pods);
  const flush = (group: P[], ix: number) => {
    if (group.length === 0) return;
    if (ix === UNKNOWN_COMPLETION_INDEX) {
      rm.push(...group);
      return;
    }
    if (group.length === 1) {
      left.push(group[0]!);
      return;
    }
    const ranked = sortByLess(group, activePodsLess);
    rm.push(...ranked.slice(0, -1));
    left.push(ranked[ranked.length - 1]!);
  };
  let lastIndex = UNKNOWN_COMPLETION_INDEX;
  let group: P[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const p = sorted[i]!;
    const ix = completionIndexOf(p.metadata?.annotations);
    if (ix >= completions) {
      rm.push(...sorted.slice(i));
      flush(group, lastIndex);
      return { rm, left };
    }
    if (ix !== lastIndex) {
      flush(group, lastIndex);
      group = [];
      lastIndex = ix;
    }
    group.push(p);
  }
  flush(group, lastIndex);
  return { rm, left };
}
