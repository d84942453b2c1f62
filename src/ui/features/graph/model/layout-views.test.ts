import { describe, expect, it } from 'vitest';
import { buildGraphIndex } from './graph-index';
import { layoutWorkloads, standaloneCardId } from './layout-workloads';
import { layoutNetwork } from './layout-network';
import { chooseVertical, layoutStorage } from './layout-storage';
import { deploymentYaml, testCluster } from './testing';
import type { LayoutOptions, NetworkData, WorkloadData } from './types';

const opts = (namespace = 'default'): LayoutOptions => ({ namespace, collapse: {} });

describe('layoutWorkloads', () => {
  it('draws Deployment → ReplicaSet with the pods inside the ReplicaSet', () => {
    const c = testCluster();
    c.run('kubectl apply -f -', deploymentYaml('web', 3));
    c.advance(30_000);
    const layout = layoutWorkloads(buildGraphIndex(c.objects()), opts());
    const rs = layout.nodes.find((n) => n.id.startsWith('ReplicaSet/'))!;
    expect(layout.nodes.map((n) => n.id)).toEqual([rs.id, 'Deployment/default/web']);
    expect(layout.edges).toEqual([{ id: `owner:Deployment/default/web->${rs.id}`, source: 'Deployment/default/web', target: rs.id, kind: 'owner' }]);
    const data = rs.data as WorkloadData;
    expect(data.revision).toBe('1');
    expect(data.isCurrent).toBe(true);
    expect(data.groups!.flatMap((g) => g.items.map((i) => i.id))).toHaveLength(3);
  });

  it('shows old and new ReplicaSets side by side during a rollout, oldest revision on the left', () => {
    const c = testCluster();
    c.run('kubectl apply -f -', deploymentYaml('web', 4));
    c.advance(30_000);
    c.run('kubectl set image deployment/web app=nginx:1.28');
    c.advance(1_500);
    const layout = layoutWorkloads(buildGraphIndex(c.objects()), opts());
    const rses = layout.nodes.filter((n) => n.id.startsWith('ReplicaSet/')).sort((a, b) => a.x - b.x);
    expect(rses).toHaveLength(2);
    expect(rses.map((n) => [(n.data as WorkloadData).revision, (n.data as WorkloadData).isCurrent])).toEqual([['1', false], ['2', true]]);
    expect(rses[0]!.y).toBe(rses[1]!.y);
    // The Deployment sits above its ReplicaSets, centred over them.
    const dep = layout.nodes.find((n) => n.id === 'Deployment/default/web')!;
    expect(dep.y + dep.height).toBeLessThan(rses[0]!.y);
    expect(dep.x + dep.width / 2).toBe((rses[0]!.x + rses[1]!.x + rses[1]!.width) / 2);
    // Once the rollout is over the old ReplicaSet (scaled to zero) is counted, not drawn.
    c.advance(120_000);
    const done = layoutWorkloads(buildGraphIndex(c.objects()), opts());
    expect(done.nodes.filter((n) => n.id.startsWith('ReplicaSet/')).map((n) => (n.data as WorkloadData).revision)).toEqual(['2']);
    expect((done.nodes.find((n) => n.id === 'Deployment/default/web')!.data as WorkloadData).hiddenChildren).toBe(1);
  });

  it('gives DaemonSets their own cards and puts static pods in the loose-pods card', () => {
    const c = testCluster();
    c.advance(1_000);
    const layout = layoutWorkloads(buildGraphIndex(c.objects()), opts('kube-system'));
    expect(layout.nodes.map((n) => n.id)).toEqual([
      'ReplicaSet/kube-system/coredns-5668df44b6', 'Deployment/kube-system/coredns',
      'DaemonSet/kube-system/kindnet', 'DaemonSet/kube-system/kube-proxy',
      standaloneCardId('kube-system'),
    ]);
    // No two boxes overlap.
    for (const a of layout.nodes) {
      for (const b of layout.nodes) {
        if (a === b) continue;
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
      }
    }
  });
});

describe('layoutNetwork', () => {
  it('draws a Service with a solid edge to each ready endpoint pod', () => {
    const c = testCluster();
    c.run('kubectl apply -f -', deploymentYaml('web', 3));
    c.run('kubectl expose deployment web --port=80');
    c.advance(30_000);
    const objects = c.objects();
    const layout = layoutNetwork(buildGraphIndex(objects), opts());
    const pods = Object.keys(objects).filter((k) => k.startsWith('Pod/default/web-')).sort();
    expect(layout.nodes.map((n) => n.id).sort()).toEqual([...pods, 'Service/default/kubernetes', 'Service/default/web'].concat(['addr:Service/default/kubernetes/172.18.0.2']).sort());
    const webEdges = layout.edges.filter((e) => e.source === 'Service/default/web');
    expect(webEdges.map((e) => [e.target, e.kind])).toEqual(pods.map((p) => [p, 'ready']));
    expect((layout.nodes.find((n) => n.id === 'Service/default/web')!.data as NetworkData).endpoints).toEqual({ ready: 3, total: 3 });
  });
});

describe('layoutStorage', () => {
  it('chains Pod → PVC → PV → StorageClass in straight rows', () => {
    const c = testCluster();
    c.run('kubectl apply -f -', `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: manual
provisioner: kubernetes.io/no-provisioner
---
apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv1
spec:
  storageClassName: manual
  capacity:
    storage: 1Gi
  accessModes: [ReadWriteOnce]
  hostPath:
    path: /data/pv1
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  storageClassName: manual
  volumeName: pv1
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 500Mi
---
apiVersion: v1
kind: Pod
metadata:
  name: db
spec:
  containers:
  - name: db
    image: nginx
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: data
`);
    c.advance(30_000);
    const objects = c.objects();
    const layout = layoutStorage(buildGraphIndex(objects), opts());
    // The claim names its volume; the edge is solid once the binder has marked it Bound.
    const bound = (objects['PersistentVolumeClaim/default/data']!.status as { phase?: string }).phase === 'Bound';
    // Classes nothing uses (the cluster's default `standard`) come last in their column.
    const unused = layout.nodes.filter((n) => n.id.startsWith('StorageClass/') && n.id !== 'StorageClass/manual');
    const manual = layout.nodes.find((n) => n.id === 'StorageClass/manual')!;
    for (const n of unused) expect([n.x, n.y > manual.y]).toEqual([774, true]);
    expect(layout.nodes.filter((n) => !unused.includes(n)).map((n) => [n.id, n.x])).toEqual([
      ['Pod/default/db', 0],
      ['PersistentVolumeClaim/default/data', 258],
      ['PersistentVolume/pv1', 516],
      ['StorageClass/manual', 774],
    ]);
    expect(layout.edges.map((e) => [e.source, e.target, e.kind])).toEqual([
      ['Pod/default/db', 'PersistentVolumeClaim/default/data', 'uses'],
      ['PersistentVolumeClaim/default/data', 'PersistentVolume/pv1', bound ? 'bound' : 'pending'],
      ['PersistentVolume/pv1', 'StorageClass/manual', 'uses'],
    ]);
  });
});

describe('chooseVertical', () => {
  const chain = [{ w: 210, h: 36, n: 1 }, { w: 210, h: 78, n: 1 }, { w: 210, h: 78, n: 1 }, { w: 220, h: 60, n: 2 }];
  it('runs the chain left to right on a wide stage and top to bottom on a narrow, tall one', () => {
    expect(chooseVertical(chain, { width: 1100, height: 500 })).toBe(false);
    expect(chooseVertical(chain, { width: 520, height: 640 })).toBe(true);
    expect(chooseVertical(chain, undefined)).toBe(false);
  });
});
