import { beforeEach, describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../api/types';
import { createCluster, type Cluster } from '../../../cluster/cluster';
import type { StoredPV, StoredPVC } from '../../../controllers/volume/helpers/storage';

type StoredPod = Pod & KubeObject;

let cluster: Cluster;
beforeEach(() => {
  cluster = createCluster({ seed: 3 });
});

function must(obj: KubeObject): void {
  const r = cluster.api.create(obj);
  if (!r.ok) throw new Error(r.status.message);
}

const pod = (name: string) => cluster.api.get<StoredPod>('Pod', 'default', name)!;
const failedScheduling = (name: string) =>
  cluster.api
    .list('Event', 'default')
    .filter((e) => (e.involvedObject as { name: string }).name === name && e.reason === 'FailedScheduling')
    .map((e) => e.message as string);

function localPV(name: string, node: string, cls: string, extra: { claimRef?: Record<string, string>; size?: string } = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name },
    spec: {
      storageClassName: cls,
      accessModes: ['ReadWriteOnce'],
      capacity: { storage: extra.size ?? '1Gi' },
      local: { path: `/mnt/disks/${name}` },
      ...(extra.claimRef ? { claimRef: extra.claimRef } : {}),
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } },
    },
  };
}

function claim(name: string, cls: string): KubeObject {
  return { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'default' }, spec: { storageClassName: cls, accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } };
}

function podWith(name: string, claimName: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { containers: [{ name: 'app', image: 'nginx:alpine', volumeMounts: [{ name: 'data', mountPath: '/data' }] }], volumes: [{ name: 'data', persistentVolumeClaim: { claimName } }] },
  };
}

const localClass: KubeObject = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'local-storage' }, provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: 'WaitForFirstConsumer' };

describe('VolumeBinding', () => {
  it('puts the pod on the node its bound volume is pinned to', () => {
    must(localPV('pinned', 'kubeplay-worker2', 'manual'));
    cluster.advance(1_000);
    must(claim('data', 'manual'));
    cluster.advance(1_000);
    for (const n of ['p1', 'p2', 'p3']) must(podWith(n, 'data'));
    cluster.advance(10_000);
    expect(['p1', 'p2', 'p3'].map((n) => pod(n).spec?.nodeName)).toEqual(['kubeplay-worker2', 'kubeplay-worker2', 'kubeplay-worker2']);
  });

  it('rejects nodes outside the bound volume\'s node affinity', () => {
    must(localPV('far', 'elsewhere', 'manual'));
    cluster.advance(1_000);
    must(claim('data', 'manual'));
    cluster.advance(1_000);
    must(podWith('stuck', 'data'));
    cluster.advance(5_000);
    expect(pod('stuck').spec?.nodeName).toBeUndefined();
    expect(failedScheduling('stuck')).toEqual([
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) had volume node affinity conflict. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    ]);
  });

  it('WaitForFirstConsumer: chooses a node with a free local volume and pre-binds it there', () => {
    must(localClass);
    must(localPV('disk-w1', 'kubeplay-worker', 'local-storage'));
    cluster.advance(1_000);
    must(claim('data', 'local-storage'));
    cluster.advance(1_000);
    expect(cluster.api.get<StoredPVC>('PersistentVolumeClaim', 'default', 'data')!.status?.phase).toBe('Pending');
    must(podWith('user', 'data'));
    cluster.advance(20_000);
    expect(pod('user').spec?.nodeName).toBe('kubeplay-worker');
    expect(pod('user').status?.phase).toBe('Running');
    const c = cluster.api.get<StoredPVC>('PersistentVolumeClaim', 'default', 'data')!;
    expect(c.spec?.volumeName).toBe('disk-w1');
    expect(c.metadata.annotations?.['volume.kubernetes.io/selected-node']).toBeUndefined();
    expect(cluster.api.get<StoredPV>('PersistentVolume', undefined, 'disk-w1')!.metadata.annotations).toEqual({ 'pv.kubernetes.io/bound-by-controller': 'yes' });
  });

  it('WaitForFirstConsumer without a fitting volume or a provisioner: no node will do', () => {
    must(localClass);
    must(claim('data', 'local-storage'));
    must(podWith('user', 'data'));
    cluster.advance(5_000);
    expect(pod('user').spec?.nodeName).toBeUndefined();
    expect(failedScheduling('user')).toEqual([
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't find available persistent volumes to bind. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    ]);
  });

  it('a claim being deleted keeps new pods off every node', () => {
    must(localPV('pv', 'kubeplay-worker', 'manual'));
    cluster.advance(1_000);
    must(claim('data', 'manual'));
    must(podWith('first', 'data'));
    cluster.advance(10_000);
    cluster.api.delete('PersistentVolumeClaim', 'default', 'data');
    must(podWith('second', 'data'));
    cluster.advance(5_000);
    expect(failedScheduling('second')).toEqual([
      '0/3 nodes are available: persistentvolumeclaim "data" is being deleted. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    ]);
  });
});
