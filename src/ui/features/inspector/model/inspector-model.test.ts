import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../engine';
import { buildGraphIndex } from '../../graph/model/graph-index';
import { testCluster } from '../../graph/model/testing';
import { containerRows, stateWords } from './container-rows';
import { eventAge, eventRows } from './object-events';
import { editFileName, parseObjectId } from './object-ref';

const NOW = Date.UTC(2026, 0, 15, 9, 10, 0);
const ts = (secondsAgo: number) => new Date(NOW - secondsAgo * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

function event(name: string, fields: Record<string, unknown>): KubeObject {
  return { apiVersion: 'v1', kind: 'Event', metadata: { name, namespace: 'default' }, involvedObject: { kind: 'Pod', namespace: 'default', name: 'web' }, ...fields };
}

describe('eventRows', () => {
  it('lists newest first with kubectl describe’s age column', () => {
    const rows = eventRows([
      event('web.1', { type: 'Normal', reason: 'Scheduled', message: 'Successfully assigned default/web to w1', firstTimestamp: ts(90), lastTimestamp: ts(90), count: 1, source: { component: 'default-scheduler' } }),
      event('web.2', { type: 'Warning', reason: 'BackOff', message: 'Back-off restarting failed container', firstTimestamp: ts(80), lastTimestamp: ts(5), count: 4, source: { component: 'kubelet', host: 'w1' } }),
      event('web.3', { type: 'Normal', reason: 'Pulled', message: ' Successfully pulled image\n', firstTimestamp: ts(30), lastTimestamp: ts(30), count: 1, reportingComponent: 'kubelet' }),
    ], NOW);
    expect(rows).toEqual([
      { key: 'web.2', type: 'Warning', reason: 'BackOff', age: '5s (x4 over 80s)', from: 'kubelet', message: 'Back-off restarting failed container' },
      { key: 'web.3', type: 'Normal', reason: 'Pulled', age: '30s', from: 'kubelet', message: 'Successfully pulled image' },
      { key: 'web.1', type: 'Normal', reason: 'Scheduled', age: '90s', from: 'default-scheduler', message: 'Successfully assigned default/web to w1' },
    ]);
  });

  it('uses the series for events.k8s.io-style events', () => {
    expect(eventAge(event('e', { eventTime: ts(600), series: { count: 3, lastObservedTime: ts(60) } }), NOW)).toBe('60s (x3 over 10m)');
    expect(eventAge(event('e', {}), NOW)).toBe('<unknown>');
  });
});

describe('containerRows', () => {
  it('reads the states of a crashing pod from the simulated kubelet', () => {
    const c = testCluster();
    c.run('kubectl run crash --image=busybox -- sh -c "exit 3"');
    c.advance(90_000);
    const pod = c.objects()['Pod/default/crash']!;
    const [row] = containerRows(pod, c.nowMs());
    expect(row!.name).toBe('crash');
    expect(row!.role).toBe('app');
    expect(row!.image).toBe('busybox');
    expect(row!.ready).toBe(false);
    expect(row!.restarts).toBeGreaterThan(0);
    expect(row!.lastState).toMatchObject({ state: 'Terminated', reason: 'Error', exitCode: 3 });
    expect(stateWords(row!.lastState!)).toMatchObject({ head: 'Terminated: Error', exitCode: 3 });
    expect(stateWords(row!.lastState!).age).toMatch(/^\d+s$/);
    expect(['Waiting: CrashLoopBackOff', 'Running']).toContain(stateWords(row!.state).head);
  });

  it('lists init containers and sidecars before app containers', () => {
    const pod: KubeObject = {
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' },
      spec: { initContainers: [{ name: 'setup', image: 'busybox' }, { name: 'proxy', image: 'envoy', restartPolicy: 'Always' }], containers: [{ name: 'app', image: 'nginx' }] },
      status: { containerStatuses: [{ name: 'app', image: 'nginx', ready: true, restartCount: 0, state: { running: { startedAt: ts(42) } } }] },
    };
    expect(containerRows(pod, NOW).map((r) => [r.name, r.role, stateWords(r.state)])).toEqual([
      ['setup', 'init', { head: 'Unknown' }],
      ['proxy', 'sidecar', { head: 'Unknown' }],
      ['app', 'app', { head: 'Running', age: '42s' }],
    ]);
  });
});

describe('object references', () => {
  it('splits namespaced and cluster-scoped ids and names editor files like kubectl edit', () => {
    expect(parseObjectId('Pod/default/web-1')).toEqual({ kind: 'Pod', namespace: 'default', name: 'web-1' });
    expect(parseObjectId('Node/kubeplay-worker')).toEqual({ kind: 'Node', name: 'kubeplay-worker' });
    expect(editFileName(parseObjectId('Deployment/default/web'))).toBe('deployment-web.yaml');
  });

  it('finds the events of a Node (recorded in default, about a cluster-scoped object)', () => {
    const ev: KubeObject = {
      apiVersion: 'v1', kind: 'Event', metadata: { name: 'kubeplay-worker.1', namespace: 'default' },
      involvedObject: { kind: 'Node', name: 'kubeplay-worker' }, reason: 'NodeNotSchedulable', type: 'Normal', firstTimestamp: ts(3), count: 1,
    };
    const rows = eventRows(buildGraphIndex({ 'Event/default/kubeplay-worker.1': ev }).eventsFor('Node/kubeplay-worker'), NOW);
    expect(rows.map((r) => [r.reason, r.age])).toEqual([['NodeNotSchedulable', '3s']]);
  });
});
