/**
 * The visual language of a pod: one of six states (each with a colour, a shape and a text), derived from the same
 * STATUS text `kubectl get pods` prints, so the graph and the terminal never disagree.
 */
import type { KubeObject } from '../../../../engine';
// Imported from its module rather than the kubectl index: the index pulls the whole interpreter (~400 KB)
// into the first-load bundle.
import { podSummary } from '../../../../kubectl/printers/kinds/pod';

/** The six pod states the UI draws (see the visual-language table in the UI guide). */
export type PodVisualState = 'ready' | 'notReady' | 'pending' | 'succeeded' | 'terminating' | 'failed';

/** Everything a pod chip shows: its state, kubectl's STATUS and READY texts and the restart count. */
export interface PodVisual {
  state: PodVisualState;
  /** kubectl's STATUS column (`Running`, `CrashLoopBackOff`, `Init:0/1`, ...). */
  status: string;
  /** kubectl's READY column (`1/1`). */
  ready: string;
  restarts: number;
}

/** Statuses that mean "on its way" rather than "broken". */
const WAITING_STATUSES = new Set(['Pending', 'ContainerCreating', 'PodInitializing', 'SchedulingGated']);
const INIT_PROGRESS = /^Init:\d+\/\d+$/;

/** The visual state for a kubectl STATUS text plus the pod's Ready condition. */
export function visualStateOf(status: string, isReady: boolean): PodVisualState {
  if (status === 'Terminating') return 'terminating';
  if (status === 'Completed' || status === 'Succeeded') return 'succeeded';
  if (status === 'Running') return isReady ? 'ready' : 'notReady';
  if (status === 'NotReady') return 'notReady';
  if (WAITING_STATUSES.has(status) || INIT_PROGRESS.test(status)) return 'pending';
  // Everything else is a reason kubectl shows for a problem: CrashLoopBackOff, Error, OOMKilled, Evicted, ...
  return 'failed';
}

const cache = new WeakMap<KubeObject, PodVisual>();

/**
 * The pod's visual, cached per stored object (objects from the store are immutable, so a new version is a new
 * object). The restart count ignores the "(10s ago)" part, which is why no clock is needed here.
 */
export function podVisual(pod: KubeObject): PodVisual {
  let v = cache.get(pod);
  if (!v) {
    // nowMs only feeds the "(… ago)" suffix of RESTARTS, which is dropped below.
    const s = podSummary(pod, 0);
    const conditions = ((pod.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions) ?? [];
    const isReady = conditions.some((c) => c.type === 'Ready' && c.status === 'True');
    v = { state: visualStateOf(s.status, isReady), status: s.status, ready: s.ready, restarts: Number.parseInt(s.restarts, 10) || 0 };
    cache.set(pod, v);
  }
  return v;
}

/** Counts of pods per visual state, in the fixed order the UI lists them. */
export type StateCounts = Record<PodVisualState, number>;

/** The order states are listed in summaries (most reassuring first, problems last). */
export const STATE_ORDER: readonly PodVisualState[] = ['ready', 'notReady', 'pending', 'succeeded', 'terminating', 'failed'];

/** Zeroed counts. */
export function emptyCounts(): StateCounts {
  return { ready: 0, notReady: 0, pending: 0, succeeded: 0, terminating: 0, failed: 0 };
}

/** Counts the pods per visual state. */
export function countStates(pods: readonly KubeObject[]): StateCounts {
  const c = emptyCounts();
  for (const p of pods) c[podVisual(p).state]++;
  return c;
}
