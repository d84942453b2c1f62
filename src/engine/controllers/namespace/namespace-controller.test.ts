import { beforeEach, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { createCluster, type Cluster } from '../../cluster/cluster';

let cluster: Cluster;
beforeEach(() => {
  cluster = createCluster({ seed: 1, freezeObjects: true });
});

function must(obj: KubeObject): KubeObject {
  const r = cluster.api.create(obj);
  if (!r.ok) throw new Error(r.status.message);
  return r.value;
}

function createNamespaceWithDeployment(ns: string, replicas: number): void {
  must({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  cluster.advance(100);
  must({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'sleeper', namespace: ns },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'sleeper' } },
      template: { metadata: { labels: { app: 'sleeper' } }, spec: { containers: [{ name: 'sleep', image: 'busybox:1.36', command: ['sleep', '3600'] }] } },
    },
  });
  cluster.advance(20_000);
}

type Condition = { type: string; status: string; reason: string; message: string };
const namespace = (name: string) => cluster.api.get('Namespace', undefined, name) as (KubeObject & { status: { phase: string; conditions?: Condition[] } }) | undefined;

describe('namespace controller', () => {
  it('deletes the content of a terminating namespace and removes it once its pods have terminated', () => {
    createNamespaceWithDeployment('demo', 2);
    expect(cluster.api.list('Pod', 'demo').map((p) => (p.status as { phase: string }).phase)).toEqual(['Running', 'Running']);
    cluster.api.delete('Namespace', undefined, 'demo');
    cluster.advance(1_000);
    const ns = namespace('demo')!;
    expect(ns.status.phase).toBe('Terminating');
    expect(cluster.api.list('Deployment', 'demo')).toEqual([]);
    expect(cluster.api.list('ReplicaSet', 'demo')).toEqual([]);
    expect(cluster.api.list('ConfigMap', 'demo')).toEqual([]);
    expect(cluster.api.list('ServiceAccount', 'demo')).toEqual([]);
    expect(cluster.api.list('Pod', 'demo').every((p) => p.metadata.deletionTimestamp !== undefined)).toBe(true);
    expect(ns.status.conditions!.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['NamespaceDeletionDiscoveryFailure', 'False', 'ResourcesDiscovered', 'All resources successfully discovered'],
      ['NamespaceDeletionGroupVersionParsingFailure', 'False', 'ParsedGroupVersions', 'All legacy kube types successfully parsed'],
      ['NamespaceDeletionContentFailure', 'False', 'ContentDeleted', 'All content successfully deleted, may be waiting on finalization'],
      ['NamespaceContentRemaining', 'True', 'SomeResourcesRemain', 'Some resources are remaining: pods. has 2 resource instances'],
      ['NamespaceFinalizersRemaining', 'False', 'ContentHasNoFinalizers', 'All content-preserving finalizers finished'],
    ]);
    cluster.advance(27_000);
    expect(namespace('demo')?.status.phase).toBe('Terminating');
    cluster.advance(3_000);
    expect(namespace('demo')).toBeUndefined();
    expect(cluster.api.list('Pod', 'demo')).toEqual([]);
    expect(cluster.api.list('Event', 'demo')).toEqual([]);
  });

  it('forbids creating anything in a terminating namespace', () => {
    createNamespaceWithDeployment('demo', 1);
    cluster.api.delete('Namespace', undefined, 'demo');
    cluster.advance(100);
    const pod = cluster.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'late', namespace: 'demo' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    expect(!pod.ok && [pod.status.reason, pod.status.code, pod.status.message]).toEqual([
      'Forbidden',
      403,
      'pods "late" is forbidden: unable to create new content in namespace demo because it is being terminated',
    ]);
    const cm = cluster.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'demo' } });
    expect(!cm.ok && cm.status.message).toBe('configmaps "cfg" is forbidden: unable to create new content in namespace demo because it is being terminated');
    // The ServiceAccount and root CA controllers do not recreate what the namespace controller deleted.
    cluster.advance(5_000);
    expect(cluster.api.list('ServiceAccount', 'demo')).toEqual([]);
    expect(cluster.api.list('ConfigMap', 'demo')).toEqual([]);
  });

  it('removes a namespace without pods in one sync', () => {
    must({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'empty' } });
    cluster.advance(100);
    expect(cluster.api.get('ConfigMap', 'empty', 'kube-root-ca.crt')).toBeDefined();
    expect(cluster.api.get('ServiceAccount', 'empty', 'default')).toBeDefined();
    cluster.api.delete('Namespace', undefined, 'empty');
    expect(namespace('empty')?.status.phase).toBe('Terminating');
    cluster.advance(30);
    expect(namespace('empty')).toBeUndefined();
  });

  it('reports finalizers that hold remaining content', () => {
    must({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'held' } });
    must({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'keep', namespace: 'held', finalizers: ['example.com/keep'] } });
    cluster.api.delete('Namespace', undefined, 'held');
    cluster.advance(100);
    const conds = namespace('held')!.status.conditions!;
    expect(conds.slice(3).map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['NamespaceContentRemaining', 'True', 'SomeResourcesRemain', 'Some resources are remaining: configmaps. has 1 resource instances'],
      ['NamespaceFinalizersRemaining', 'True', 'SomeFinalizersRemain', 'Some content in the namespace has finalizers remaining: example.com/keep in 1 resource instances'],
    ]);
    cluster.api.removeFinalizer('ConfigMap', 'held', 'keep', 'example.com/keep');
    cluster.advance(100);
    expect(namespace('held')).toBeUndefined();
  });
});
