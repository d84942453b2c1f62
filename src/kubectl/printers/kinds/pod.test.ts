import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../engine';
import { printTable } from '../table';
import { NOW, ago, obj } from '../testing/fixtures';
import { podSummary } from './pod';

function pod(name: string, ageSeconds: number | undefined, spec: Record<string, unknown>, status: Record<string, unknown>, meta: Record<string, unknown> = {}): KubeObject {
  return obj('v1', 'Pod', name, ageSeconds, { spec, status }, { namespace: 'default', ...meta });
}

const one = { containers: [{ name: 'app', image: 'nginx:1.25' }] };
const two = { containers: [{ name: 'app', image: 'nginx:1.25' }, { name: 'log', image: 'busybox:1.36' }] };
const running = { running: { startedAt: ago(100) } };
const readyCond = { type: 'Ready', status: 'True' };
const initializedCond = { type: 'Initialized', status: 'True' };
const restartedAgo = (s: number) => ({ terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(s) } });

// The §10.4 golden pods of k8s-semantics.md (printers_test.go TestPrintPod and derived cases).
const cases: KubeObject[] = [
  pod('test1', undefined, two, {
    phase: 'podPhase',
    containerStatuses: [
      { name: 'app', ready: true, restartCount: 3, state: running },
      { name: 'log', ready: false, restartCount: 3, state: {} },
    ],
  }),
  pod('test3', 3600, two, {
    phase: 'podPhase',
    containerStatuses: [
      { name: 'app', ready: false, restartCount: 3, state: { waiting: { reason: 'ContainerWaitingReason' } } },
      { name: 'log', ready: false, restartCount: 3, state: { terminated: { exitCode: 2, reason: 'ContainerTerminatedReason' } } },
    ],
  }),
  pod('test6-noready', 3600, two, {
    phase: 'Running',
    containerStatuses: [
      { name: 'app', ready: false, restartCount: 3, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
      { name: 'log', ready: true, restartCount: 3, state: running },
    ],
  }),
  pod('test6-ready', 3600, two, {
    phase: 'Running',
    conditions: [readyCond],
    containerStatuses: [
      { name: 'app', ready: false, restartCount: 3, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
      { name: 'log', ready: true, restartCount: 3, state: running },
    ],
  }),
  pod('test7', 3600, { ...one, initContainers: [{ name: 'init', image: 'busybox:1.36' }] }, {
    phase: 'Pending',
    initContainerStatuses: [{ name: 'init', ready: false, restartCount: 3, state: running, lastState: restartedAgo(10) }],
    containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } }],
  }),
  pod('test9', 3600, { ...one, initContainers: [{ name: 'init1', image: 'busybox' }, { name: 'init2', image: 'busybox' }] }, {
    phase: 'Pending',
    initContainerStatuses: [
      { name: 'init1', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
      { name: 'init2', ready: false, restartCount: 3, state: running, lastState: restartedAgo(10) },
    ],
    containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { waiting: {} } }],
  }),
  pod('test10', 3600, { ...one, initContainers: [{ name: 'init1', image: 'busybox' }, { name: 'init2', image: 'busybox' }] }, {
    phase: 'Pending',
    initContainerStatuses: [
      { name: 'init1', ready: false, restartCount: 2, state: { terminated: { exitCode: 0, reason: 'Completed' } }, lastState: restartedAgo(30) },
      { name: 'init2', ready: false, restartCount: 3, state: running, lastState: restartedAgo(10) },
    ],
    containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { waiting: {} } }],
  }),
  pod('test11', 3600, { ...one, initContainers: [{ name: 'init', image: 'busybox' }] }, {
    phase: 'Running',
    conditions: [initializedCond],
    initContainerStatuses: [
      { name: 'init', ready: false, restartCount: 2, state: { terminated: { exitCode: 0, reason: 'Completed' } }, lastState: restartedAgo(50) },
    ],
    containerStatuses: [{ name: 'app', ready: false, restartCount: 4, state: running, lastState: restartedAgo(20) }],
  }),
  pod('test14', 30 * 86400, two, {
    phase: 'Running',
    conditions: [readyCond],
    containerStatuses: [
      { name: 'app', ready: true, restartCount: 6, state: running, lastState: restartedAgo(5 * 86400) },
      { name: 'log', ready: true, restartCount: 3, state: running, lastState: restartedAgo(20 * 86400) },
    ],
  }),
  pod('test15', 5, two, {
    phase: 'Pending',
    conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }],
  }),
  pod('test17', 600, one, {
    phase: 'Failed',
    containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { terminated: { exitCode: 1, reason: 'Error' } } }],
  }),
  pod('test18', 600, one, {
    phase: 'Succeeded',
    containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }],
  }, { deletionTimestamp: ago(1) }),
  pod('test19', 600, one, {
    phase: 'Running',
    containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: running }],
  }, { deletionTimestamp: ago(1) }),
  pod('sidecar-3', 120, {
    ...one,
    initContainers: [
      { name: 'istio-proxy', image: 'istio/proxyv2', restartPolicy: 'Always' },
      { name: 'fluent-bit', image: 'fluent/fluent-bit', restartPolicy: 'Always' },
    ],
  }, {
    phase: 'Running',
    conditions: [initializedCond],
    initContainerStatuses: [
      { name: 'istio-proxy', ready: false, started: true, restartCount: 1, state: running, lastState: restartedAgo(60) },
      { name: 'fluent-bit', ready: false, started: true, restartCount: 2, state: running, lastState: restartedAgo(10) },
    ],
    containerStatuses: [{ name: 'app', ready: true, restartCount: 4, state: running, lastState: restartedAgo(40) }],
  }),
  pod('oomkilled', 300, one, {
    phase: 'Running',
    containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { terminated: { exitCode: 137, reason: 'OOMKilled' } } }],
  }),
  pod('init-error', 300, { ...one, initContainers: [{ name: 'migrate', image: 'flyway' }] }, {
    phase: 'Pending',
    initContainerStatuses: [{ name: 'migrate', ready: false, restartCount: 0, state: { terminated: { exitCode: 1, reason: 'Error' } } }],
    containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } }],
  }),
  pod('nodelost', 7200, one, {
    phase: 'Running',
    reason: 'NodeLost',
    containerStatuses: [{ name: 'app', ready: true, restartCount: 0, state: running }],
  }, { deletionTimestamp: ago(30) }),
];

describe('Pod table', () => {
  it('derives READY, STATUS and RESTARTS for every golden case', () => {
    expect(printTable(cases, { nowMs: NOW })).toBe(
      'NAME            READY   STATUS                   RESTARTS      AGE\n' +
      'test1           1/2     podPhase                 6             <unknown>\n' +
      'test3           0/2     ContainerWaitingReason   6             60m\n' +
      'test6-noready   1/2     NotReady                 6             60m\n' +
      'test6-ready     1/2     Running                  6             60m\n' +
      'test7           0/1     Init:0/1                 3 (10s ago)   60m\n' +
      'test9           0/1     Init:1/2                 3 (10s ago)   60m\n' +
      'test10          0/1     Init:1/2                 5 (10s ago)   60m\n' +
      'test11          0/1     Running                  4 (20s ago)   60m\n' +
      'test14          2/2     Running                  9 (5d ago)    30d\n' +
      'test15          0/2     SchedulingGated          0             5s\n' +
      'test17          0/1     Error                    0             10m\n' +
      'test18          0/1     Completed                0             10m\n' +
      'test19          0/1     Terminating              0             10m\n' +
      'sidecar-3       1/3     Running                  7 (10s ago)   2m\n' +
      'oomkilled       0/1     OOMKilled                0             5m\n' +
      'init-error      0/1     Init:Error               0             5m\n' +
      'nodelost        1/1     Unknown                  0             120m\n',
    );
  });

  it('prints realistic pods, a crash loop and the wide columns', () => {
    const web = pod('web-5d65f98bd9-x2k4p', 34, { ...one, nodeName: 'vm2' }, {
      phase: 'Running', conditions: [readyCond], podIP: '10.244.1.5', podIPs: [{ ip: '10.244.1.5' }],
      containerStatuses: [{ name: 'app', ready: true, restartCount: 0, state: running }],
    });
    const probe = pod('ngx-pod-probe', 78, { ...one, nodeName: 'vm2' }, {
      phase: 'Running', podIPs: [{ ip: '10.244.1.93' }, { ip: 'fd00::5' }],
      containerStatuses: [{
        name: 'app', ready: false, restartCount: 4,
        state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container' } },
        lastState: { terminated: { exitCode: 137, reason: 'Error', finishedAt: ago(35) } },
      }],
    });
    const pending = pod('web-5d65f98bd9-q8zrt', 3, one, { phase: 'Pending', nominatedNodeName: 'vm3' });
    const gated = pod('gated', 90, { ...one, nodeName: 'vm3', readinessGates: [{ conditionType: 'a' }, { conditionType: 'b' }, { conditionType: 'c' }] }, {
      phase: 'Running', podIP: '10.244.2.3',
      conditions: [{ type: 'a', status: 'True' }, { type: 'b', status: 'False' }],
      containerStatuses: [{ name: 'app', ready: true, restartCount: 0, state: running }],
    });
    expect(printTable([web, probe, pending, gated], { nowMs: NOW })).toBe(
      'NAME                   READY   STATUS             RESTARTS      AGE\n' +
      'web-5d65f98bd9-x2k4p   1/1     Running            0             34s\n' +
      'ngx-pod-probe          0/1     CrashLoopBackOff   4 (35s ago)   78s\n' +
      'web-5d65f98bd9-q8zrt   0/1     Pending            0             3s\n' +
      'gated                  1/1     Running            0             90s\n',
    );
    expect(printTable([web, probe, pending, gated], { nowMs: NOW, wide: true })).toBe(
      'NAME                   READY   STATUS             RESTARTS      AGE   IP            NODE     NOMINATED NODE   READINESS GATES\n' +
      'web-5d65f98bd9-x2k4p   1/1     Running            0             34s   10.244.1.5    vm2      <none>           <none>\n' +
      'ngx-pod-probe          0/1     CrashLoopBackOff   4 (35s ago)   78s   10.244.1.93   vm2      <none>           <none>\n' +
      'web-5d65f98bd9-q8zrt   0/1     Pending            0             3s    <none>        <none>   vm3              <none>\n' +
      'gated                  1/1     Running            0             90s   10.244.2.3    vm3      <none>           1/3\n',
    );
  });

  it('exposes the derived summary for the UI', () => {
    expect(podSummary(cases[4]!, NOW)).toEqual({ ready: '0/1', status: 'Init:0/1', restarts: '3 (10s ago)' });
  });
});
