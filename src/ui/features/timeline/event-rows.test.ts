import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../engine';
import { eventRows, filterRows } from './event-rows';

function ev(name: string, ns: string, rv: number, last: string, type: string, reason: string, inv: { kind: string; name: string; namespace?: string }, count = 1): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: ns, resourceVersion: String(rv) },
    involvedObject: inv,
    type,
    reason,
    message: `${reason} ${inv.name}`,
    count,
    lastTimestamp: last,
  } as unknown as KubeObject;
}

const objects: Record<string, KubeObject> = {
  'Event/default/a': ev('a', 'default', 10, '2026-01-15T09:01:00Z', 'Normal', 'Scheduled', { kind: 'Pod', name: 'web-1', namespace: 'default' }),
  'Event/default/b': ev('b', 'default', 12, '2026-01-15T09:01:00Z', 'Normal', 'Pulling', { kind: 'Pod', name: 'web-1', namespace: 'default' }),
  'Event/default/c': ev('c', 'default', 11, '2026-01-15T09:02:00Z', 'Warning', 'BackOff', { kind: 'Pod', name: 'db-0', namespace: 'default' }, 4),
  'Event/kube-system/d': ev('d', 'kube-system', 5, '2026-01-15T09:00:30Z', 'Normal', 'Started', { kind: 'Pod', name: 'coredns-x', namespace: 'kube-system' }),
  'Event/default/e': ev('e', 'default', 3, '2026-01-15T09:00:00Z', 'Normal', 'NodeReady', { kind: 'Node', name: 'kubeplay-worker' }),
  'Pod/default/web-1': { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1', namespace: 'default' } } as KubeObject,
};

describe('eventRows', () => {
  it('lists Events newest first, the later write first within one instant', () => {
    const rows = eventRows(objects);
    expect(rows.map((r) => r.reason)).toEqual(['BackOff', 'Pulling', 'Scheduled', 'Started', 'NodeReady']);
    expect(rows[0]).toEqual({
      id: 'Event/default/c',
      namespace: 'default',
      type: 'Warning',
      reason: 'BackOff',
      message: 'BackOff db-0',
      count: 4,
      lastMs: Date.UTC(2026, 0, 15, 9, 2, 0),
      objectLabel: 'pod/db-0',
      objectId: 'Pod/default/db-0',
      resourceVersion: 11,
    });
    expect(rows[4]!.objectId).toBe('Node/kubeplay-worker');
  });

  it('filters by type, namespace and object', () => {
    const rows = eventRows(objects);
    expect(filterRows(rows, { type: 'Warning', namespace: '', object: '' }).map((r) => r.id)).toEqual(['Event/default/c']);
    expect(filterRows(rows, { type: '', namespace: 'kube-system', object: '' }).map((r) => r.id)).toEqual(['Event/kube-system/d']);
    expect(filterRows(rows, { type: '', namespace: '', object: 'Pod/web' }).map((r) => r.id)).toEqual(['Event/default/b', 'Event/default/a']);
    expect(filterRows(rows, { type: '', namespace: '', object: 'node/' }).map((r) => r.id)).toEqual(['Event/default/e']);
  });
});
