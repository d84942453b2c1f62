/**
 * The Event table (core/v1 Events).
 * Models pkg/printers/internalversion/printers.go printEvent and formatEventSource.
 */
import { fromTimestamp, humanDuration } from '../../../engine';
import type { Event, Stored } from '../../../engine';
import { NAME_COLUMN, as, col, wideCol, type KindHandler } from './handler';

function since(timestamp: string | null | undefined, nowMs: number): string | undefined {
  const ms = fromTimestamp(timestamp);
  return ms === undefined ? undefined : humanDuration(nowMs - ms);
}

// Models printers.go formatEventSource: component (or reportingController), then `, host` (or
// reportingInstance) when there is one.
function eventSource(ev: Stored<Event>): string {
  const component = ev.source?.component || ev.reportingComponent || '';
  const instance = ev.source?.host || ev.reportingInstance || '';
  return instance === '' ? component : `${component}, ${instance}`;
}

/**
 * `kubectl get events`: LAST SEEN TYPE REASON OBJECT MESSAGE; wide adds SUBOBJECT and SOURCE before MESSAGE and
 * FIRST SEEN, COUNT, NAME after it.
 */
export const eventHandler: KindHandler = {
  kinds: ['Event'],
  columns: [
    col('LAST SEEN'), col('TYPE'), col('REASON'), col('OBJECT'), wideCol('SUBOBJECT'), wideCol('SOURCE'), col('MESSAGE'),
    wideCol('FIRST SEEN'), wideCol('COUNT'), { ...NAME_COLUMN, priority: 1 },
  ],
  row(obj, { nowMs }) {
    const ev = as<Stored<Event>>(obj);
    const firstSeen = since(ev.firstTimestamp, nowMs) ?? since(ev.eventTime, nowMs) ?? '<unknown>';
    let lastSeen = since(ev.lastTimestamp, nowMs) ?? firstSeen;
    let count = ev.count ?? 0;
    if (ev.series) {
      lastSeen = since(ev.series.lastObservedTime, nowMs) ?? '<unknown>';
      count = ev.series.count ?? 0;
    } else if (count === 0) {
      // Singleton events of the events.k8s.io API carry no count.
      count = 1;
    }
    const involved = ev.involvedObject ?? {};
    const kind = (involved.kind ?? '').toLowerCase();
    const target = involved.name ? `${kind}/${involved.name}` : kind;
    return [
      lastSeen, ev.type ?? '', ev.reason ?? '', target, involved.fieldPath ?? '', eventSource(ev),
      (ev.message ?? '').trim(), firstSeen, String(count), ev.metadata.name,
    ];
  },
};
