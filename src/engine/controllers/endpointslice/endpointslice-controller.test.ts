import { beforeEach, describe, expect, it } from 'vitest';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types';
import { createCluster, type Cluster } from '../../cluster/cluster';

type StoredSlice = EndpointSlice & KubeObject;

let cluster: Cluster;
beforeEach(() => {
  cluster = createCluster({ seed: 1, freezeObjects: true });
});

function must(obj: KubeObject): KubeObject {
  const r = cluster.api.create(obj);
  if (!r.ok) throw new Error(r.status.message);
  return r.value;
}

/** A `sleep` pod labelled app=web exposing port `http` 8080; `notReady` delays readiness by ten minutes. */
function webPod(name: string, notReady = false): void {
  must({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { app: 'web' } },
    spec: {
      containers: [{
        name: 'srv',
        image: 'busybox:1.36',
        command: ['sleep', '3600'],
        ports: [{ name: 'http', containerPort: 8080 }],
        ...(notReady ? { readinessProbe: { tcpSocket: { port: 'http' }, initialDelaySeconds: 600 } } : {}),
      }],
    },
  });
}

function service(name: string, spec: Record<string, unknown> = {}): KubeObject {
  return must({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default', labels: { team: 'blue' } },
    spec: { selector: { app: 'web' }, ports: [{ name: 'web', port: 80, targetPort: 'http' }], ...spec },
  });
}

const slicesOf = (svc: string) => cluster.api.list<StoredSlice>('EndpointSlice', 'default').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc);
const endpointsBy = (svc: string) =>
  Object.fromEntries(slicesOf(svc).flatMap((s) => s.endpoints ?? []).map((e) => [e.targetRef!.name!, e.conditions]));

function endpointOf(pod: string) {
  const p = cluster.api.get<Pod & KubeObject>('Pod', 'default', pod)!;
  return { addresses: [p.status!.podIP!], nodeName: p.spec!.nodeName, targetRef: { kind: 'Pod', namespace: 'default', name: pod, uid: p.metadata.uid } };
}

describe('endpointslice controller', () => {
  it('keeps one IPv4 slice per service, labelled with the service name and owned by the service', () => {
    webPod('ready');
    webPod('warming', true);
    const svc = service('web');
    cluster.advance(20_000);
    const slices = slicesOf('web');
    expect(slices).toHaveLength(1);
    const s = slices[0]!;
    expect(s.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(s.metadata.labels).toEqual({ team: 'blue', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': 'web' });
    expect(s.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(s.addressType).toBe('IPv4');
    expect(s.ports).toEqual([{ name: 'web', port: 8080, protocol: 'TCP' }]);
    expect(s.endpoints).toEqual([
      { ...endpointOf('ready'), conditions: { ready: true, serving: true, terminating: false } },
      { ...endpointOf('warming'), conditions: { ready: false, serving: false, terminating: false } },
    ]);
  });

  it('keeps a terminating pod listed as serving but not ready, then drops it when it is gone', () => {
    webPod('a');
    webPod('b');
    service('web');
    cluster.advance(20_000);
    cluster.api.delete('Pod', 'default', 'a');
    cluster.advance(1_000);
    expect(endpointsBy('web')).toEqual({
      a: { ready: false, serving: true, terminating: true },
      b: { ready: true, serving: true, terminating: false },
    });
    cluster.advance(31_000);
    expect(endpointsBy('web')).toEqual({ b: { ready: true, serving: true, terminating: false } });
  });

  it('marks terminating endpoints ready when the service publishes not-ready addresses', () => {
    webPod('a', true);
    service('web', { publishNotReadyAddresses: true });
    cluster.advance(20_000);
    expect(endpointsBy('web')).toEqual({ a: { ready: true, serving: false, terminating: false } });
    cluster.api.delete('Pod', 'default', 'a');
    cluster.advance(1_000);
    expect(endpointsBy('web')).toEqual({ a: { ready: true, serving: false, terminating: true } });
  });

  it('labels headless services and keeps an empty slice when nothing is selected', () => {
    service('db', { clusterIP: 'None', selector: { app: 'nothing' } });
    cluster.advance(100);
    const [s] = slicesOf('db');
    expect(s!.metadata.labels?.['service.kubernetes.io/headless']).toBe('');
    expect(s!.endpoints ?? []).toEqual([]);
  });

  it('removes the slices with the service', () => {
    webPod('a');
    service('web');
    cluster.advance(20_000);
    expect(slicesOf('web')).toHaveLength(1);
    cluster.api.delete('Service', 'default', 'web');
    cluster.advance(200);
    expect(slicesOf('web')).toEqual([]);
  });
});
