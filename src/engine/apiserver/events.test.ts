import { beforeEach, describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { Clock } from '../sim/clock';
import { createRng } from '../sim/rng';
import { ApiServer } from './apiserver';
import { ServiceAllocators } from './allocators';
import { EventRecorder } from './events';
import { registerAllStrategies } from './strategies';

const T0 = Date.UTC(2026, 0, 15, 9, 0, 0);

describe('EventRecorder', () => {
  let api: ApiServer;
  let clock: Clock;
  let recorder: EventRecorder;
  let pod: KubeObject;
  beforeEach(() => {
    registerAllStrategies();
    clock = new Clock(T0);
    api = new ApiServer(clock, createRng(1), new ServiceAllocators(createRng(2)), true);
    api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
    // The recorder reads only metadata and kind of the object it reports on.
    pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default', uid: 'pod-uid', resourceVersion: '42' } };
    recorder = new EventRecorder(api);
  });

  const events = () => api.list('Event', 'default') as (KubeObject & { count: number; firstTimestamp: string; lastTimestamp: string; message: string; reason: string })[];

  it('creates an Event named <object>.<unix nanoseconds in hex> with the involved object and source', () => {
    recorder.record({ component: 'kubelet', host: 'node-1' }, pod, 'Normal', 'Pulling', 'Pulling image "nginx"', 'spec.containers{nginx}');
    const [ev] = events();
    expect(ev).toMatchObject({
      metadata: { name: `web.${(BigInt(T0) * 1000000n).toString(16)}`, namespace: 'default' },
      involvedObject: { kind: 'Pod', namespace: 'default', name: 'web', uid: 'pod-uid', apiVersion: 'v1', resourceVersion: '42', fieldPath: 'spec.containers{nginx}' },
      reason: 'Pulling',
      message: 'Pulling image "nginx"',
      source: { component: 'kubelet', host: 'node-1' },
      firstTimestamp: '2026-01-15T09:00:00Z',
      lastTimestamp: '2026-01-15T09:00:00Z',
      count: 1,
      type: 'Normal',
      reportingComponent: 'kubelet',
      reportingInstance: 'node-1',
    });
  });

  it('aggregates repeats of the same event: count goes up and lastTimestamp moves, the name stays', () => {
    recorder.record({ component: 'kubelet', host: 'n' }, pod, 'Warning', 'BackOff', 'Back-off restarting failed container');
    clock.nowMs = T0 + 10_000;
    recorder.record({ component: 'kubelet', host: 'n' }, pod, 'Warning', 'BackOff', 'Back-off restarting failed container');
    clock.nowMs = T0 + 30_000;
    recorder.record({ component: 'kubelet', host: 'n' }, pod, 'Warning', 'BackOff', 'Back-off restarting failed container');
    const all = events();
    expect(all).toHaveLength(1);
    expect(all[0]!.count).toBe(3);
    expect(all[0]!.firstTimestamp).toBe('2026-01-15T09:00:00Z');
    expect(all[0]!.lastTimestamp).toBe('2026-01-15T09:00:30Z');
  });

  it('keeps events apart when the message, reason, source or object differ, with unique names at one instant', () => {
    recorder.record({ component: 'kubelet' }, pod, 'Normal', 'Created', 'Created container: a');
    recorder.record({ component: 'kubelet' }, pod, 'Normal', 'Created', 'Created container: b');
    recorder.record({ component: 'kubelet' }, pod, 'Normal', 'Started', 'Created container: a');
    recorder.record({ component: 'default-scheduler' }, pod, 'Normal', 'Created', 'Created container: a');
    recorder.record({ component: 'kubelet' }, { ...pod, metadata: { ...pod.metadata, uid: 'other-uid' } }, 'Normal', 'Created', 'Created container: a');
    const all = events();
    expect(all).toHaveLength(5);
    expect(new Set(all.map((e) => e.metadata.name)).size).toBe(5);
    expect(all.every((e) => e.count === 1)).toBe(true);
  });

  it('reports events about cluster-scoped objects into the default namespace', () => {
    recorder.record({ component: 'node-controller' }, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1', uid: 'n1-uid' } }, 'Normal', 'RegisteredNode', 'Node n1 event: Registered Node n1 in Controller');
    const [ev] = events();
    expect(ev!.metadata.name.startsWith('n1.')).toBe(true);
    expect((ev as unknown as { involvedObject: Record<string, unknown> }).involvedObject).toEqual({ kind: 'Node', name: 'n1', uid: 'n1-uid', apiVersion: 'v1' });
  });

  it('starts a new Event when the aggregated one was deleted', () => {
    recorder.record({ component: 'kubelet' }, pod, 'Normal', 'Killing', 'Stopping container nginx');
    const first = events()[0]!;
    api.delete('Event', 'default', first.metadata.name);
    clock.nowMs = T0 + 1_000;
    recorder.record({ component: 'kubelet' }, pod, 'Normal', 'Killing', 'Stopping container nginx');
    const all = events();
    expect(all).toHaveLength(1);
    expect(all[0]!.count).toBe(1);
    expect(all[0]!.metadata.name).not.toBe(first.metadata.name);
  });
});
