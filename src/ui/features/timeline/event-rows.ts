/**
 * The events timeline's rows: core/v1 Events from the mirrored store, newest first, with the columns `kubectl get
 * events` shows, and the filters (type, namespace, object).
 */
import type { KubeObject } from '../../../engine';
import type { ObjectId } from '../../../protocol/messages';

/** One Event as the timeline shows it. */
export interface EventRow {
  id: ObjectId;
  namespace: string;
  type: string;
  reason: string;
  message: string;
  count: number;
  /** Virtual time of the last occurrence. */
  lastMs: number;
  /** `pod/web-5d65f98bd9-x2k4p`, as kubectl's OBJECT column. */
  objectLabel: string;
  /** The involved object's id, for the inspector. */
  objectId: ObjectId;
  resourceVersion: number;
}

/** The timeline's filters; empty strings mean "all". */
export interface EventFilter {
  type: '' | 'Normal' | 'Warning';
  namespace: string;
  object: string;
}

interface EventFields {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  firstTimestamp?: string | null;
  involvedObject?: { kind?: string; name?: string; namespace?: string };
}

function timeOf(ev: EventFields, obj: KubeObject): number {
  // Models kubectl's event sorting: lastTimestamp, else eventTime, else creation.
  for (const ts of [ev.lastTimestamp, ev.eventTime, ev.firstTimestamp, obj.metadata.creationTimestamp]) {
    if (ts) {
      const ms = Date.parse(ts);
      if (!Number.isNaN(ms)) return ms;
    }
  }
  return 0;
}

/** The Event objects among `objects`, newest first (same instant: the later write first). */
export function eventRows(objects: Record<ObjectId, KubeObject>): EventRow[] {
  const rows: EventRow[] = [];
  for (const [id, obj] of Object.entries(objects)) {
    if (obj.kind !== 'Event') continue;
    const ev = obj as unknown as EventFields;
    const inv = ev.involvedObject ?? {};
    const kind = inv.kind ?? '';
    const name = inv.name ?? '';
    rows.push({
      id,
      namespace: obj.metadata.namespace ?? '',
      type: ev.type ?? '',
      reason: ev.reason ?? '',
      message: ev.message ?? '',
      count: ev.count ?? 1,
      lastMs: timeOf(ev, obj),
      objectLabel: `${kind.toLowerCase()}/${name}`,
      objectId: inv.namespace ? `${kind}/${inv.namespace}/${name}` : `${kind}/${name}`,
      resourceVersion: Number(obj.metadata.resourceVersion ?? 0),
    });
  }
  return rows.sort((a, b) => b.lastMs - a.lastMs || b.resourceVersion - a.resourceVersion);
}

/** Rows that pass the filter; the object filter matches `kind/name` or the name, ignoring case. */
export function filterRows(rows: readonly EventRow[], f: EventFilter): EventRow[] {
  const needle = f.object.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (!f.type || r.type === f.type) &&
      (!f.namespace || r.namespace === f.namespace) &&
      (!needle || r.objectLabel.includes(needle) || r.objectId.toLowerCase().includes(needle)),
  );
}
