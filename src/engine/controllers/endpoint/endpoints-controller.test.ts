import { beforeEach, describe, expect, it } from 'vitest';
import type { Endpoints, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types';
import { createCluster, type Cluster } from '../../cluster/cluster';
import { computeSubsets } from './endpoints-controller';
import type { StoredPod, StoredService } from './service-pods';

let cluster: Cluster;
beforeEach(() => {
  cluster = createCluster({ seed: 1, freezeObjects: true });
});

function must(obj: KubeObject): KubeObject {
  const r = cluster.api.create(obj);
  if (!r.ok) throw new Error(r.status.message);
  return r.value;
}

/** A pod labelled app=web whose container names port `http`; `notReady` delays its readiness by ten minutes. */
function webPod(name: string, opts: { port?: number; notReady?: boolean; image?: string; node?: string } = {}): void {
  must({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { app: 'web' } },
    spec: {
      ...(opts.node ? { nodeSelector: { 'kubernetes.io/hostname': opts.node } } : {}),
      containers: [{
        name: 'srv',
        image: opts.image ?? 'nginx:1.27',
        ...(opts.image?.startsWith('busybox') ? { command: ['sleep', '3600'] } : {}),
        ports: [{ name: 'http', containerPort: opts.port ?? 8080 }],
        ...(opts.notReady ? { readinessProbe: { httpGet: { path: '/', port: 'http' }, initialDelaySeconds: 600 } } : {}),
      }],
    },
  });
}

function service(name: string, spec: Record<string, unknown> = {}): void {
  must({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default', labels: { team: 'blue' } },
    spec: { selector: { app: 'web' }, ports: [{ name: 'web', port: 80, targetPort: 'http' }], ...spec },
  });
}

const endpoints = (name: string) => cluster.api.get<Endpoints & KubeObject>('Endpoints', 'default', name);
const podRef = (pod: string) => {
  const p = cluster.api.get<Pod & KubeObject>('Pod', 'default', pod)!;
  return { ip: p.status!.podIP, nodeName: p.spec!.nodeName, targetRef: { kind: 'Pod', namespace: 'default', name: pod, uid: p.metadata.uid } };
};

describe('endpoints controller', () => {
  it('lists ready pods in addresses and unready ones in notReadyAddresses, resolving a named targetPort', () => {
    webPod('ready');
    webPod('warming', { notReady: true });
    service('web');
    cluster.advance(20_000);
    const ep = endpoints('web')!;
    expect(ep.subsets).toEqual([{ addresses: [podRef('ready')], notReadyAddresses: [podRef('warming')], ports: [{ name: 'web', port: 8080, protocol: 'TCP' }] }]);
    expect(ep.metadata.labels).toEqual({ team: 'blue', 'endpoints.kubernetes.io/managed-by': 'endpoint-controller' });
    expect(ep.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).toMatch(/^2026-01-15T09:\d\d:\d\dZ$/);
  });

  it('groups pods whose named port resolves differently into separate subsets', () => {
    webPod('a', { port: 8080 });
    webPod('b', { port: 9090 });
    service('web');
    cluster.advance(20_000);
    expect(endpoints('web')!.subsets).toEqual([
      { addresses: [podRef('a')], ports: [{ name: 'web', port: 8080, protocol: 'TCP' }] },
      { addresses: [podRef('b')], ports: [{ name: 'web', port: 9090, protocol: 'TCP' }] },
    ]);
  });

  it('drops a pod as soon as it is deleted, before it is gone', () => {
    webPod('a', { image: 'busybox:1.36' });
    webPod('b', { image: 'busybox:1.36' });
    service('web');
    cluster.advance(20_000);
    expect(endpoints('web')!.subsets![0]!.addresses).toHaveLength(2);
    cluster.api.delete('Pod', 'default', 'a');
    cluster.advance(100);
    expect(cluster.api.get('Pod', 'default', 'a')?.metadata.deletionTimestamp).toBeDefined();
    expect(endpoints('web')!.subsets).toEqual([{ addresses: [podRef('b')], ports: [{ name: 'web', port: 8080, protocol: 'TCP' }] }]);
  });

  it('labels a headless service\'s endpoints and keeps the subset without ports for a portless one', () => {
    webPod('a');
    service('db', { clusterIP: 'None', ports: [] });
    cluster.advance(20_000);
    const ep = endpoints('db')!;
    expect(ep.metadata.labels).toEqual({ team: 'blue', 'endpoints.kubernetes.io/managed-by': 'endpoint-controller', 'service.kubernetes.io/headless': '' });
    expect(ep.subsets).toEqual([{ addresses: [podRef('a')] }]);
  });

  it('creates empty Endpoints for a service selecting nothing and deletes them with the service', () => {
    must({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'lonely', namespace: 'default' }, spec: { selector: { app: 'none' }, ports: [{ port: 80 }] } });
    cluster.advance(100);
    expect(endpoints('lonely')!.subsets).toBeUndefined();
    cluster.api.delete('Service', 'default', 'lonely');
    cluster.advance(100);
    expect(endpoints('lonely')).toBeUndefined();
    expect(endpoints('kubernetes')!.subsets).toEqual([{ addresses: [{ ip: '172.18.0.2' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }]);
  });

  it('keeps the kube-dns endpoints of the bootstrapped cluster', () => {
    const dns = cluster.api.get<Endpoints & KubeObject>('Endpoints', 'kube-system', 'kube-dns')!;
    const ips = dns.subsets!.flatMap((s) => (s.addresses ?? []).map((a) => a.ip)).sort();
    const corednsIps = cluster.api.list<Pod & KubeObject>('Pod', 'kube-system').filter((p) => p.metadata.labels?.['k8s-app'] === 'kube-dns').map((p) => p.status!.podIP!).sort();
    expect(ips).toEqual(corednsIps);
    expect(dns.subsets![0]!.ports!.map((p) => `${p.name}/${p.port}/${p.protocol}`).sort()).toEqual(['dns-tcp/53/TCP', 'dns/53/UDP', 'metrics/9153/TCP']);
  });
});

describe('computeSubsets', () => {
  const svc = (spec: Record<string, unknown>): StoredService => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'default' }, spec } as StoredService);
  const pod = (name: string, ip: string, ready: boolean, extra: Record<string, unknown> = {}): StoredPod =>
    ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default', uid: `uid-${name}`, ...extra },
      spec: { nodeName: 'n1', containers: [{ name: 'c', ports: [{ name: 'http', containerPort: 8080 }] }] },
      status: { podIP: ip, phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
    }) as StoredPod;

  it('sorts addresses by IP numerically and publishes unready pods when asked', () => {
    const pods = [pod('a', '10.244.1.10', true), pod('b', '10.244.1.9', false), pod('c', '10.244.1.2', true)];
    const plain = computeSubsets(svc({ ports: [{ port: 80, targetPort: 'http' }] }), pods);
    expect(plain.map((s) => [s.addresses?.map((a) => a.ip), s.notReadyAddresses?.map((a) => a.ip)])).toEqual([[['10.244.1.2', '10.244.1.10'], ['10.244.1.9']]]);
    const published = computeSubsets(svc({ ports: [{ port: 80, targetPort: 'http' }], publishNotReadyAddresses: true }), pods);
    expect(published[0]!.addresses!.map((a) => a.ip)).toEqual(['10.244.1.2', '10.244.1.9', '10.244.1.10']);
  });

  it('leaves out terminating pods unless unready addresses are published, and pods lacking the named port', () => {
    const terminating = pod('t', '10.244.1.5', true, { deletionTimestamp: '2026-01-15T09:00:00Z' });
    expect(computeSubsets(svc({ ports: [{ port: 80, targetPort: 'http' }] }), [terminating])).toEqual([]);
    expect(computeSubsets(svc({ ports: [{ port: 80, targetPort: 'http' }], publishNotReadyAddresses: true }), [terminating])[0]!.addresses![0]!.ip).toBe('10.244.1.5');
    expect(computeSubsets(svc({ ports: [{ port: 80, targetPort: 'grpc' }] }), [pod('a', '10.244.1.3', true)])).toEqual([]);
  });

  it('sets hostname for a pod whose subdomain is the service name', () => {
    const p = pod('a', '10.244.1.3', true);
    const named = { ...p, spec: { ...p.spec!, hostname: 'web-0', subdomain: 's' } } as StoredPod;
    expect(computeSubsets(svc({ ports: [{ port: 80 }] }), [named])[0]!.addresses![0]!.hostname).toBe('web-0');
  });
});
