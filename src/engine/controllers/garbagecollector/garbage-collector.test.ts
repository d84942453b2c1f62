import { beforeEach, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { createCluster, type Cluster } from '../../cluster/cluster';

let cluster: Cluster;
/** `DELETED Kind/name` in the order the apiserver removed objects of the default namespace. */
let deleted: string[];

beforeEach(() => {
  cluster = createCluster({ seed: 1, freezeObjects: true });
  deleted = [];
  cluster.api.watch('*', (ev) => {
    if (ev.type === 'DELETED' && ev.object.metadata.namespace === 'default' && ev.object.kind !== 'Event') deleted.push(`${ev.object.kind}/${ev.object.metadata.name}`);
  });
});

function createDeployment(name: string, replicas: number, podSpec: Record<string, unknown> = { containers: [{ name: 'nginx', image: 'nginx:1.27' }] }): void {
  const r = cluster.api.create({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: podSpec },
    },
  });
  if (!r.ok) throw new Error(r.status.message);
  cluster.advance(30_000);
  const running = cluster.api.list('Pod', 'default').filter((p) => (p.status as { phase?: string }).phase === 'Running');
  if (running.length !== replicas) throw new Error(`expected ${replicas} running pods, got ${running.length}`);
}

const list = (kind: string) => cluster.api.list(kind, 'default');
const names = (kind: string) => list(kind).map((o) => o.metadata.name);

describe('garbage collector', () => {
  it('background: the Deployment goes at once, then its ReplicaSet, then the pods after they terminate', () => {
    createDeployment('web', 2);
    const rs = names('ReplicaSet');
    const pods = names('Pod');
    cluster.api.delete('Deployment', 'default', 'web');
    expect(names('Deployment')).toEqual([]);
    cluster.advance(200);
    expect(names('ReplicaSet')).toEqual([]);
    expect(list('Pod').every((p) => p.metadata.deletionTimestamp !== undefined)).toBe(true);
    cluster.advance(5_000);
    expect(names('Pod')).toEqual([]);
    expect(deleted.slice(0, 2)).toEqual(['Deployment/web', `ReplicaSet/${rs[0]}`]);
    expect(deleted.slice(2).sort()).toEqual(pods.map((p) => `Pod/${p}`).sort());
  });

  it('orphan: dependents lose the owner reference and keep running', () => {
    createDeployment('web', 2);
    const marked = cluster.api.delete('Deployment', 'default', 'web', { propagationPolicy: 'Orphan' });
    expect(marked.ok && marked.value.metadata.finalizers).toEqual(['orphan']);
    cluster.advance(500);
    expect(names('Deployment')).toEqual([]);
    const [rs] = list('ReplicaSet');
    expect(rs!.metadata.ownerReferences).toBeUndefined();
    expect(rs!.metadata.deletionTimestamp).toBeUndefined();
    cluster.advance(10_000);
    const pods = list('Pod');
    expect(pods).toHaveLength(2);
    expect(pods.every((p) => p.metadata.deletionTimestamp === undefined && p.metadata.ownerReferences?.[0]?.uid === rs!.metadata.uid)).toBe(true);
  });

  it('foreground: pods go first, then the ReplicaSet, then the Deployment; only owners carry the finalizer', () => {
    createDeployment('web', 2);
    const rsName = names('ReplicaSet')[0]!;
    const pods = names('Pod');
    const podFinalizers = new Set<string>();
    cluster.api.watch('Pod', (ev) => { for (const f of ev.object.metadata.finalizers ?? []) podFinalizers.add(f); });
    cluster.api.delete('Deployment', 'default', 'web', { propagationPolicy: 'Foreground' });
    cluster.advance(200);
    const d = cluster.api.get('Deployment', 'default', 'web')!;
    const rs = cluster.api.get('ReplicaSet', 'default', rsName)!;
    expect([d.metadata.finalizers, d.metadata.deletionTimestamp !== undefined]).toEqual([['foregroundDeletion'], true]);
    expect([rs.metadata.finalizers, rs.metadata.deletionTimestamp !== undefined]).toEqual([['foregroundDeletion'], true]);
    for (const p of list('Pod')) {
      expect(p.metadata.deletionTimestamp).toBeDefined();
      expect(p.metadata.finalizers).toBeUndefined();
    }
    cluster.advance(5_000);
    // Pods have no dependents, so the collector deletes them in the background: they never carry the finalizer.
    expect([...podFinalizers]).toEqual([]);
    expect(names('Deployment')).toEqual([]);
    expect(deleted.slice(0, 2).sort()).toEqual(pods.map((p) => `Pod/${p}`).sort());
    expect(deleted.slice(2)).toEqual([`ReplicaSet/${rsName}`, 'Deployment/web']);
  });

  it('foreground keeps the owners while a blocking dependent terminates', () => {
    createDeployment('slow', 1, { terminationGracePeriodSeconds: 20, containers: [{ name: 'sleep', image: 'busybox:1.36', command: ['sleep', '3600'] }] });
    cluster.api.delete('Deployment', 'default', 'slow', { propagationPolicy: 'Foreground' });
    cluster.advance(19_000);
    expect(names('Deployment')).toEqual(['slow']);
    expect(names('ReplicaSet')).toHaveLength(1);
    expect(list('Pod')).toHaveLength(1);
    cluster.advance(2_000);
    expect([names('Pod'), names('ReplicaSet'), names('Deployment')]).toEqual([[], [], []]);
  });

  it('deletes an object whose only owner does not exist, and drops a dangling reference when another owner remains', () => {
    const owner = cluster.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owner', namespace: 'default' } });
    if (!owner.ok) throw new Error(owner.status.message);
    const ghostRef = { apiVersion: 'v1', kind: 'ConfigMap', name: 'ghost', uid: 'no-such-uid' };
    const liveRef = { apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: owner.value.metadata.uid! };
    const mk = (name: string, refs: object[]): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default', ownerReferences: refs } } as KubeObject);
    cluster.api.create(mk('orphaned', [ghostRef]));
    cluster.api.create(mk('shared', [ghostRef, liveRef]));
    cluster.advance(500);
    expect(cluster.api.get('ConfigMap', 'default', 'orphaned')).toBeUndefined();
    expect(cluster.api.get('ConfigMap', 'default', 'shared')?.metadata.ownerReferences).toEqual([liveRef]);
    cluster.api.delete('ConfigMap', 'default', 'owner');
    cluster.advance(500);
    expect(cluster.api.get('ConfigMap', 'default', 'shared')).toBeUndefined();
  });
});
