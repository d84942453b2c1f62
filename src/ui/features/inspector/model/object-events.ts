/**
 * An object's Events as the inspector lists them: newest first, with kubectl describe's age column
 * (`2m`, or `30s (x3 over 2m)` for repeated events).
 */
import { fromTimestamp, humanDuration, type KubeObject } from '../../../../engine';

/** One row of the events table. */
export interface EventRow {
  key: string;
  type: string;
  reason: string;
  /** kubectl describe's Age column. */
  age: string;
  from: string;
  message: string;
}

interface EventFields {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  source?: { component?: string; host?: string };
  reportingComponent?: string;
  series?: { count?: number; lastObservedTime?: string };
}

/** When the event last happened (lastTimestamp, then the series, then eventTime, then creation). */
export function lastSeenMs(ev: KubeObject): number {
  const e = ev as KubeObject & EventFields;
  return fromTimestamp(e.lastTimestamp ?? undefined) ?? fromTimestamp(e.series?.lastObservedTime) ?? fromTimestamp(e.eventTime ?? undefined) ?? fromTimestamp(ev.metadata.creationTimestamp) ?? 0;
}

function since(ms: number | undefined, nowMs: number): string {
  return ms === undefined ? '<unknown>' : humanDuration(nowMs - ms);
}

/** The Age column of `kubectl describe`'s Events section: first seen, or `<last> (x<count> over <first>)`. */
// Models staging/src/k8s.io/kubectl/pkg/describe/describe.go DescribeEvents (the interval text).
export function eventAge(ev: KubeObject, nowMs: number): string {
  const e = ev as KubeObject & EventFields;
  const first = since(fromTimestamp(e.eventTime ?? undefined) ?? fromTimestamp(e.firstTimestamp ?? undefined), nowMs);
  if (e.series) return `${since(fromTimestamp(e.series.lastObservedTime), nowMs)} (x${e.series.count ?? 0} over ${first})`;
  if ((e.count ?? 0) > 1) return `${since(fromTimestamp(e.lastTimestamp ?? undefined), nowMs)} (x${e.count} over ${first})`;
  return first;
}

/** Rows for `events`, newest first (ties broken by name, which encodes the creation instant). */
export function eventRows(events: readonly KubeObject[], nowMs: number): EventRow[] {
  return [...events]
    .sort((a, b) => lastSeenMs(b) - lastSeenMs(a) || (a.metadata.name < b.metadata.name ? 1 : -1))
    .map((ev) => {
      const e = ev as KubeObject & EventFields;
      const from = e.source?.component || e.reportingComponent || '';
      return { key: ev.metadata.name, type: e.type ?? 'Normal', reason: e.reason ?? '', age: eventAge(ev, nowMs), from, message: (e.message ?? '').trim() };
    });
}
