/**
 * The `Events:` section at the end of most describe outputs.
 */
import type { Event } from 'kubernetes-types/core/v1';
import { fromTimestamp, type KubeObject } from '../../engine';
import { since } from './format';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefix-writer';

/**
 * `Events:  <none>`, or the `Type Reason Age From Message` table sorted by last timestamp, with repeated events
 * shown as `<last> (x<count> over <first>)`; nothing at all when events are turned off (undefined).
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go DescribeEvents.
 */
export function describeEvents(events: readonly KubeObject[] | undefined, w: PrefixWriter, nowMs: number): void {
  if (events === undefined) return;
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  // The table aligns on its own, independent of the fields above it.
  w.flush();
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sortEvents(events)) {
    const firstSeen = e.eventTime ? since(e.eventTime, nowMs) : since(e.firstTimestamp, nowMs);
    let age: string;
    if (e.series) age = `${since(e.series.lastObservedTime, nowMs)} (x${e.series.count ?? 0} over ${firstSeen})`;
    else if ((e.count ?? 0) > 1) age = `${since(e.lastTimestamp, nowMs)} (x${e.count} over ${firstSeen})`;
    else age = firstSeen;
    const source = e.source?.component || e.reportingComponent || '';
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${age}\t${source}\t${(e.message ?? '').trim()}\n`);
  }
}

/**
 * Events in list order (by name, as the apiserver lists them) then by lastTimestamp; unset timestamps first.
 * Models staging/src/k8s.io/kubectl/pkg/util/event/sorted_event_list.go SortableEvents.
 * Divergence: upstream's sort is not stable for more than 12 events; this one is.
 */
export function sortEvents(events: readonly KubeObject[]): Event[] {
  const listed = [...events].sort((a, b) => compareKeys(a, b)) as unknown as Event[];
  const last = (e: Event) => fromTimestamp(e.lastTimestamp) ?? Number.NEGATIVE_INFINITY;
  return listed.sort((a, b) => (last(a) < last(b) ? -1 : last(a) > last(b) ? 1 : 0));
}

function compareKeys(a: KubeObject, b: KubeObject): number {
  const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name}`;
  const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
