import { describe, expect, it } from 'vitest';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/types';
import { fromTimestamp } from '../api/meta';
import { ClusterConfigError, createCluster, DEFAULT_START_TIME_MS, type Cluster } from './cluster';

type StoredPod = Pod & KubeObject;

/** Every stored object of every kind, as one JSON text (kinds sorted, objects in store order). */
function dumpAll(cluster: Cluster): string {
  const kinds = cluster.api.store.kinds().sort();
  return JSON.stringify(kinds.map((k) => [k, cluster.api.list(k)]));
}

/** The same operations, in the same order, on any cluster. */
function exercise(cluster: Cluster): void {
  const create = (obj: KubeObject) => {
    const r = cluster.api.create(obj);
    if (!r.ok) throw new Error(r.status.message);
  };
  create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
  cluster.advance(100);
  create({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'shop' },
    spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] } } },
  });
  create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
  create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'crash', namespace: 'shop' }, spec: { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] }] } });
  cluster.advance(30_000);
  cluster.api.mutate('Deployment', 'shop', 'web', (d) => { (d.spec as { replicas: number }).replicas = 5; });
  cluster.advance(10_000);
  const victim = cluster.api.list('Pod', 'shop', { labelSelector: [{ key: 'app', op: '=', values: ['web'] }] })[0]!;
  cluster.api.delete('Pod', 'shop', victim.metadata.name);
  cluster.advance(45_000);
}

describe('createCluster', () => {
  const cluster = createCluster({ seed: 1, freezeObjects: true });

  it('starts at the default time and has run the 60 s settle', () => {
    expect(cluster.nowMs).toBeGreaterThanOrEqual(DEFAULT_START_TIME_MS + 60_000);
    expect(cluster.nowMs).toBeLessThan(DEFAULT_START_TIME_MS + 61_000);
    expect(cluster.name).toBe('kubeplay');
    expect(cluster.seed).toBe(1);
  });

  it('registers three Ready nodes with their pod CIDRs and lease heartbeats', () => {
    const nodes = cluster.api.list<Node & KubeObject>('Node');
    expect(nodes.map((n) => [n.metadata.name, n.spec!.podCIDR, n.status!.addresses![0]!.address])).toEqual([
      ['kubeplay-control-plane', '10.244.0.0/24', '172.18.0.2'],
      ['kubeplay-worker', '10.244.1.0/24', '172.18.0.3'],
      ['kubeplay-worker2', '10.244.2.0/24', '172.18.0.4'],
    ]);
    for (const n of nodes) expect(n.status!.conditions!.find((c) => c.type === 'Ready')?.status).toBe('True');
    expect(nodes[0]!.spec!.taints).toEqual([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
    const leases = cluster.api.list('Lease', 'kube-node-lease');
    expect(leases.map((l) => l.metadata.name)).toEqual(nodes.map((n) => n.metadata.name));
    for (const l of leases) expect(cluster.nowMs - fromTimestamp((l.spec as { renewTime: string }).renewTime)!).toBeLessThanOrEqual(10_000);
  });

  it('has every kube-system pod Running after the settle, control-plane pods on the control plane', () => {
    const pods = cluster.api.list<StoredPod>('Pod', 'kube-system');
    const byApp = (prefix: string) => pods.filter((p) => p.metadata.name.startsWith(prefix));
    expect(pods.every((p) => p.status?.phase === 'Running' && p.status.containerStatuses!.every((c) => c.ready))).toBe(true);
    expect(byApp('coredns-')).toHaveLength(2);
    expect(byApp('kube-proxy-').map((p) => p.spec!.nodeName).sort()).toEqual(['kubeplay-control-plane', 'kubeplay-worker', 'kubeplay-worker2']);
    expect(byApp('kindnet-')).toHaveLength(3);
    for (const c of ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler']) {
      const p = cluster.api.get<StoredPod>('Pod', 'kube-system', `${c}-kubeplay-control-plane`)!;
      expect([p.spec!.nodeName, p.status!.podIP]).toEqual(['kubeplay-control-plane', '172.18.0.2']);
    }
    expect(pods).toHaveLength(12);
  });

  it('serves `kubernetes` at 10.96.0.1 and `kube-dns` at 10.96.0.10', () => {
    expect((cluster.api.get('Service', 'default', 'kubernetes')!.spec as { clusterIP: string }).clusterIP).toBe('10.96.0.1');
    expect((cluster.api.get('Service', 'kube-system', 'kube-dns')!.spec as { clusterIP: string }).clusterIP).toBe('10.96.0.10');
  });

  it('has the default ServiceAccount and kube-root-ca.crt in every namespace, new ones included', () => {
    const r = cluster.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } });
    expect(r.ok).toBe(true);
    cluster.advance(100);
    const namespaces = cluster.api.list('Namespace').map((n) => n.metadata.name);
    expect(namespaces).toEqual(expect.arrayContaining(['default', 'kube-node-lease', 'kube-public', 'kube-system', 'team-a']));
    for (const ns of namespaces) {
      expect(cluster.api.get('ServiceAccount', ns, 'default'), ns).toBeDefined();
      const ca = cluster.api.get('ConfigMap', ns, 'kube-root-ca.crt');
      expect((ca?.data as { 'ca.crt': string } | undefined)?.['ca.crt'], ns).toMatch(/^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+-----END CERTIFICATE-----\n$/);
    }
  });

  it('rejects an invalid topology with every problem listed', () => {
    expect(() => createCluster({ config: { nodes: [{ role: 'worker' }] } })).toThrow(ClusterConfigError);
    expect(() => createCluster({ config: { nodes: [{ role: 'worker' }] } })).toThrow('invalid cluster config:\n  - nodes: must have at least one control-plane node');
  });

  it('builds the configured topology', () => {
    const small = createCluster({ config: { name: 'lab', nodes: [{ role: 'control-plane' }, { role: 'worker', capacity: { cpu: '2' } }] }, settleMs: 30_000 });
    expect(small.api.list('Node').map((n) => n.metadata.name)).toEqual(['lab-control-plane', 'lab-worker']);
    expect((small.api.get('Node', undefined, 'lab-worker')!.status as { capacity: Record<string, string> }).capacity.cpu).toBe('2');
    expect(small.api.list<StoredPod>('Pod', 'kube-system').every((p) => p.status?.phase === 'Running')).toBe(true);
  });
});

describe('determinism', () => {
  it('gives identical objects for the same seed and operations', () => {
    const a = createCluster({ seed: 7, freezeObjects: true });
    const b = createCluster({ seed: 7, freezeObjects: true });
    expect(dumpAll(a)).toBe(dumpAll(b));
    exercise(a);
    exercise(b);
    expect(dumpAll(a)).toBe(dumpAll(b));
    expect(a.nowMs).toBe(b.nowMs);
  });

  it('changes generated pod names with a different seed', () => {
    const names = (seed: number) => createCluster({ seed }).api.list('Pod', 'kube-system').map((p) => p.metadata.name).filter((n) => /^(coredns|kube-proxy|kindnet)-/.test(n));
    const one = names(1);
    const two = names(2);
    expect(one).toHaveLength(8);
    expect(two).toHaveLength(8);
    expect(two.filter((n) => one.includes(n))).toEqual([]);
  });
});
