/**
 * Chart samples: every few virtual seconds, the pods per phase (per namespace) and the cluster's requested vs
 * allocatable CPU and memory, kept in a bounded list. Pure functions: the store feeds them frames.
 */
import type { KubeObject } from '../../../engine';
import type { ObjectId } from '../../../protocol/messages';
import { graphIndex } from '../graph';
import { isPodTerminal, nodeAllocatable, podRequests } from '../graph/model/resources';

/** Pod phases as the API names them. */
export const PHASES = ['Running', 'Pending', 'Succeeded', 'Failed', 'Unknown'] as const;
export type Phase = (typeof PHASES)[number];
export type PhaseCounts = Record<Phase, number>;

/** One point in time. */
export interface ChartSample {
  /** Virtual time (ms since the epoch). */
  t: number;
  /** Pods per phase, per namespace. */
  phasesByNamespace: Record<string, PhaseCounts>;
  cpuRequestedMilli: number;
  cpuAllocatableMilli: number;
  memRequestedBytes: number;
  memAllocatableBytes: number;
}

/** A sample is taken when at least this much virtual time passed since the last one. */
export const SAMPLE_EVERY_MS = 5_000;
/** At most this many samples are kept (one hour at the sampling interval). */
export const MAX_SAMPLES = 720;

function zero(): PhaseCounts {
  return { Running: 0, Pending: 0, Succeeded: 0, Failed: 0, Unknown: 0 };
}

/** Measures the cluster at `nowMs`. Requests count scheduled pods that still hold resources. */
export function takeSample(objects: Readonly<Record<ObjectId, KubeObject>>, nowMs: number): ChartSample {
  const ix = graphIndex(objects);
  const phasesByNamespace: Record<string, PhaseCounts> = {};
  let cpuRequestedMilli = 0;
  let memRequestedBytes = 0;
  for (const pod of ix.kind('Pod')) {
    const ns = pod.metadata.namespace ?? '';
    const phase = ((pod.status as { phase?: string } | undefined)?.phase ?? 'Pending') as Phase;
    const counts = (phasesByNamespace[ns] ??= zero());
    counts[PHASES.includes(phase) ? phase : 'Unknown']++;
    if ((pod.spec as { nodeName?: string } | undefined)?.nodeName && !isPodTerminal(pod)) {
      const r = podRequests(pod);
      cpuRequestedMilli += r.cpuMilli;
      memRequestedBytes += r.memBytes;
    }
  }
  let cpuAllocatableMilli = 0;
  let memAllocatableBytes = 0;
  for (const node of ix.kind('Node')) {
    const a = nodeAllocatable(node);
    cpuAllocatableMilli += a.cpuMilli;
    memAllocatableBytes += a.memBytes;
  }
  return { t: nowMs, phasesByNamespace, cpuRequestedMilli, cpuAllocatableMilli, memRequestedBytes, memAllocatableBytes };
}

/**
 * The sample list after a frame at `nowMs`: a new sample once SAMPLE_EVERY_MS passed, the last sample refreshed
 * when objects changed without time moving (commands while paused), unchanged otherwise; bounded to MAX_SAMPLES.
 * Time going backwards (a replaced cluster) starts a new list.
 */
export function addFrame(samples: readonly ChartSample[], objects: Readonly<Record<ObjectId, KubeObject>>, nowMs: number, objectsChanged: boolean): readonly ChartSample[] {
  const last = samples[samples.length - 1];
  if (!last || nowMs < last.t) return [takeSample(objects, nowMs)];
  if (nowMs - last.t >= SAMPLE_EVERY_MS) {
    const next = [...samples, takeSample(objects, nowMs)];
    return next.length > MAX_SAMPLES ? next.slice(next.length - MAX_SAMPLES) : next;
  }
  if (nowMs === last.t && objectsChanged) return [...samples.slice(0, -1), takeSample(objects, nowMs)];
  return samples;
}

/** Pod counts per phase for a namespace filter ('' = all namespaces). */
export function phasesFor(sample: ChartSample, namespace: string): PhaseCounts {
  if (namespace !== '') return sample.phasesByNamespace[namespace] ?? zero();
  const sum = zero();
  for (const c of Object.values(sample.phasesByNamespace)) for (const p of PHASES) sum[p] += c[p];
  return sum;
}
