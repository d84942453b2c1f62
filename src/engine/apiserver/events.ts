/**
 * The event recorder every component uses. Repeated events (same object, reason, message, source) are
 * aggregated into one Event with a count, as client-go's EventCorrelator does.
 * Models staging/src/k8s.io/client-go/tools/record/event.go and events_cache.go.
 */
import type { KubeObject } from '../api/types';
import { toTimestamp, toMicroTimestamp } from '../api/meta';
import type { ApiServer } from './apiserver';

/** Who reports an event: `deployment-controller`, `default-scheduler`, `kubelet` (+ host). */
export interface EventSource {
  component: string;
  host?: string;
}

export type EventType = 'Normal' | 'Warning';

/** Records Events through the apiserver. */
export class EventRecorder {
  /** aggregation key -> event name */
  private readonly seen = new Map<string, string>();

  constructor(private readonly api: ApiServer) {}

  /** Records one occurrence. Objects without a namespace report into `default`, as upstream. */
  record(source: EventSource, obj: KubeObject, type: EventType, reason: string, message: string, fieldPath?: string): void {
    const ns = obj.metadata.namespace || 'default';
    const nowMs = this.api.strategyContext.nowMs;
    const key = [source.component, source.host ?? '', obj.kind, ns, obj.metadata.name, obj.metadata.uid, fieldPath ?? '', type, reason, message].join('\u0000');
    const existing = this.seen.get(key);
    if (existing) {
      const r = this.api.mutate('Event', ns, existing, (ev) => {
        ev.count = ((ev.count as number | undefined) ?? 1) + 1;
        ev.lastTimestamp = toTimestamp(nowMs);
      });
      if (r.ok) return;
      this.seen.delete(key);
    }
    // Models the recorder's name: <object>.<nanoseconds in hex>; a counter keeps names unique within one instant.
    let name = `${obj.metadata.name}.${(BigInt(Math.floor(nowMs)) * 1000000n).toString(16)}`;
    for (let i = 1; this.api.get('Event', ns, name); i++) name = `${obj.metadata.name}.${(BigInt(Math.floor(nowMs)) * 1000000n + BigInt(i)).toString(16)}`;
    const ts = toTimestamp(nowMs);
    const ev: KubeObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: ns },
      involvedObject: {
        kind: obj.kind,
        namespace: obj.metadata.namespace,
        name: obj.metadata.name,
        uid: obj.metadata.uid,
        apiVersion: obj.apiVersion,
        resourceVersion: obj.metadata.resourceVersion,
        ...(fieldPath ? { fieldPath } : {}),
      },
      reason,
      message,
      source: { component: source.component, ...(source.host ? { host: source.host } : {}) },
      firstTimestamp: ts,
      lastTimestamp: ts,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    void toMicroTimestamp;
    const r = this.api.create(ev);
    if (r.ok) this.seen.set(key, name);
  }

  /** Forgets aggregation state for events that were deleted (namespace deletion, TTL). */
  forget(eventName: string): void {
    for (const [k, v] of this.seen) if (v === eventName) this.seen.delete(k);
  }
}
