import { describe, expect, it } from 'vitest';
import { printTable } from '../table';
import { NOW, ago, obj } from '../testing/fixtures';

const ev = (name: string, body: Record<string, unknown>) => obj('v1', 'Event', name, 200, body, { namespace: 'demo' });

const events = [
  ev('nginx-7c5ddbdf54-4xk2p.17f2a1b3c4d5e6f7', {
    type: 'Normal', reason: 'Scheduled', message: 'Successfully assigned demo/nginx-7c5ddbdf54-4xk2p to vm2',
    involvedObject: { kind: 'Pod', namespace: 'demo', name: 'nginx-7c5ddbdf54-4xk2p' },
    source: {}, reportingComponent: 'default-scheduler', eventTime: '2025-06-01T11:59:05.123456Z',
  }),
  ev('nginx-7c5ddbdf54-4xk2p.17f2a1b3d0000001', {
    type: 'Normal', reason: 'Pulled', message: 'Container image "nginx:1.25" already present on machine',
    involvedObject: { kind: 'Pod', namespace: 'demo', name: 'nginx-7c5ddbdf54-4xk2p', fieldPath: 'spec.containers{nginx}' },
    source: { component: 'kubelet', host: 'vm2' }, firstTimestamp: ago(54), lastTimestamp: ago(54), count: 1,
  }),
  ev('ngx-pod-probe.17f2a1b3d0000002', {
    type: 'Warning', reason: 'Unhealthy', message: "Startup probe failed: cat: cannot open '/var/nginx.pid': No such file or directory\n",
    involvedObject: { kind: 'Pod', namespace: 'demo', name: 'ngx-pod-probe', fieldPath: 'spec.containers{ngx}' },
    source: { component: 'kubelet', host: 'vm2' }, firstTimestamp: ago(194), lastTimestamp: ago(184), count: 9,
  }),
  ev('nginx.17f2a1b3d0000003', {
    type: 'Normal', reason: 'ScalingReplicaSet', message: 'Scaled up replica set nginx-7c5ddbdf54 from 0 to 3',
    involvedObject: { kind: 'Deployment', namespace: 'demo', name: 'nginx' },
    source: { component: 'deployment-controller' }, firstTimestamp: ago(60), lastTimestamp: ago(60), count: 1,
  }),
  ev('web.17f2a1b3d0000004', {
    type: 'Warning', reason: 'FailedScheduling', message: '0/3 nodes are available: 3 Insufficient cpu.',
    involvedObject: { kind: 'Pod', namespace: 'demo', name: 'web' },
    source: {}, reportingComponent: 'default-scheduler', reportingInstance: 'default-scheduler-vm1',
    eventTime: '2025-06-01T11:50:00.000000Z', series: { count: 4, lastObservedTime: '2025-06-01T11:58:30.000000Z' },
  }),
  ev('demo.17f2a1b3d0000005', { type: 'Normal', reason: 'Ping', message: 'no object name', involvedObject: { kind: 'Namespace' }, source: {} }),
];

describe('Event table', () => {
  it('prints LAST SEEN TYPE REASON OBJECT MESSAGE', () => {
    expect(printTable(events, { nowMs: NOW })).toBe(
      'LAST SEEN   TYPE      REASON              OBJECT                       MESSAGE\n' +
      '54s         Normal    Scheduled           pod/nginx-7c5ddbdf54-4xk2p   Successfully assigned demo/nginx-7c5ddbdf54-4xk2p to vm2\n' +
      '54s         Normal    Pulled              pod/nginx-7c5ddbdf54-4xk2p   Container image "nginx:1.25" already present on machine\n' +
      '3m4s        Warning   Unhealthy           pod/ngx-pod-probe            Startup probe failed: cat: cannot open \'/var/nginx.pid\': No such file or directory\n' +
      '60s         Normal    ScalingReplicaSet   deployment/nginx             Scaled up replica set nginx-7c5ddbdf54 from 0 to 3\n' +
      '90s         Warning   FailedScheduling    pod/web                      0/3 nodes are available: 3 Insufficient cpu.\n' +
      '<unknown>   Normal    Ping                namespace                    no object name\n',
    );
  });

  it('adds SUBOBJECT, SOURCE, FIRST SEEN, COUNT and NAME with -o wide', () => {
    expect(printTable(events.slice(1, 5), { nowMs: NOW, wide: true })).toBe(
      'LAST SEEN   TYPE      REASON              OBJECT                       SUBOBJECT                SOURCE                                     MESSAGE                                                                              FIRST SEEN   COUNT   NAME\n' +
      '54s         Normal    Pulled              pod/nginx-7c5ddbdf54-4xk2p   spec.containers{nginx}   kubelet, vm2                               Container image "nginx:1.25" already present on machine                              54s          1       nginx-7c5ddbdf54-4xk2p.17f2a1b3d0000001\n' +
      '3m4s        Warning   Unhealthy           pod/ngx-pod-probe            spec.containers{ngx}     kubelet, vm2                               Startup probe failed: cat: cannot open \'/var/nginx.pid\': No such file or directory   3m14s        9       ngx-pod-probe.17f2a1b3d0000002\n' +
      '60s         Normal    ScalingReplicaSet   deployment/nginx                                      deployment-controller                      Scaled up replica set nginx-7c5ddbdf54 from 0 to 3                                   60s          1       nginx.17f2a1b3d0000003\n' +
      '90s         Warning   FailedScheduling    pod/web                                               default-scheduler, default-scheduler-vm1   0/3 nodes are available: 3 Insufficient cpu.                                         10m          4       web.17f2a1b3d0000004\n',
    );
  });

  it('puts the kind prefix on the (wide-only) NAME column when several types print', () => {
    expect(printTable(events.slice(3, 4), { nowMs: NOW, withKind: true })).toBe(
      'LAST SEEN   TYPE     REASON              OBJECT             MESSAGE\n' +
      '60s         Normal   ScalingReplicaSet   deployment/nginx   Scaled up replica set nginx-7c5ddbdf54 from 0 to 3\n',
    );
    expect(printTable(events.slice(3, 4), { nowMs: NOW, withKind: true, wide: true, noHeaders: true }))
      .toContain('   event/nginx.17f2a1b3d0000003\n');
  });
});
