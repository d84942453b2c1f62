import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types';
import { createCluster, type Cluster } from '../../cluster/cluster';
import { STATEFULSET_CONTROLLER } from './stateful-pod-control';
import { statefulSetRolloutStatus, statefulSetRevisionHistory } from './rollout';
import type { StoredStatefulSet } from './stateful-set-utils';
import type { StoredControllerRevision } from './history';

interface SetOpts {
  replicas?: number;
  parallel?: boolean;
  claims?: boolean;
  retention?: { whenDeleted?: 'Retain' | 'Delete'; whenScaled?: 'Retain' | 'Delete' };
  onDelete?: boolean;
}

function manifest(o: SetOpts = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      serviceName: 'nginx',
      replicas: o.replicas ?? 3,
      ...(o.parallel ? { podManagementPolicy: 'Parallel' } : {}),
      ...(o.onDelete ? { updateStrategy: { type: 'OnDelete' } } : {}),
      ...(o.retention ? { persistentVolumeClaimRetentionPolicy: o.retention } : {}),
      selector: { matchLabels: { app: 'nginx' } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.9.1', ...(o.claims ? { volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }] } : {}) }] },
      },
      ...(o.claims
        ? { volumeClaimTemplates: [{ metadata: { name: 'www', labels: { tier: 'data' } }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }] }
        : {}),
    },
  };
}

/** A cluster with the set created, and a log of pod lifecycle moments (`+web-0`, `ready web-0`, `-web-2`...). */
function start(o: SetOpts = {}): { c: Cluster; log: string[] } {
  const c = createCluster({ seed: 3 });
  const log: string[] = [];
  c.api.watch('Pod', (ev) => {
    const name = ev.object.metadata.name;
    if (!name.startsWith('web-')) return;
    if (ev.type === 'ADDED') log.push(`+${name}`);
    else if (ev.type === 'DELETED') log.push(`-${name}`);
    else {
      const ready = (p: KubeObject | undefined) => (p?.status as Pod['status'])?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True') ?? false;
      if (ready(ev.object) && !ready(ev.old)) log.push(`ready ${name}`);
      if (ev.object.metadata.deletionTimestamp && !ev.old?.metadata.deletionTimestamp) log.push(`terminating ${name}`);
    }
  });
  const r = c.api.create(manifest(o));
  if (!r.ok) throw new Error(r.status.message);
  return { c, log };
}

function set(c: Cluster): StoredStatefulSet {
  return c.api.get<StoredStatefulSet>('StatefulSet', 'default', 'web')!;
}

function edit(c: Cluster, change: (spec: NonNullable<StoredStatefulSet['spec']>) => void): void {
  const r = c.api.mutate<StoredStatefulSet>('StatefulSet', 'default', 'web', (d) => change(d.spec!));
  if (!r.ok) throw new Error(r.status.message);
}

function podNames(c: Cluster): string[] {
  return c.api.list('Pod', 'default').filter((p) => !p.metadata.deletionTimestamp).map((p) => p.metadata.name);
}

function events(c: Cluster): string[] {
  return c.api
    .list('Event', 'default')
    .filter((e) => (e.source as { component?: string }).component === STATEFULSET_CONTROLLER)
    .sort((a, b) => String(a.firstTimestamp).localeCompare(String(b.firstTimestamp)) || Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
    .map((e) => `${e.reason as string}: ${e.message as string}`);
}

describe('StatefulSet controller in a cluster', () => {
  it('OrderedReady creates web-1 only after web-0 is Running and Ready, then web-2 after web-1', () => {
    const { c, log } = start();
    c.advance(60_000);
    expect(log).toEqual(['+web-0', 'ready web-0', '+web-1', 'ready web-1', '+web-2', 'ready web-2']);
    expect(events(c)).toEqual([
      'SuccessfulCreate: create Pod web-0 in StatefulSet web successful',
      'SuccessfulCreate: create Pod web-1 in StatefulSet web successful',
      'SuccessfulCreate: create Pod web-2 in StatefulSet web successful',
    ]);
    const s = set(c);
    const rev = s.status!.currentRevision!;
    expect(rev).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(s.status).toEqual({ observedGeneration: 1, replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 3, currentRevision: rev, updateRevision: rev, collisionCount: 0, availableReplicas: 3 });
    const pod = c.api.get<KubeObject & Pod>('Pod', 'default', 'web-1')!;
    expect(pod.metadata.labels).toEqual({ app: 'nginx', 'apps.kubernetes.io/pod-index': '1', 'controller-revision-hash': rev, 'statefulset.kubernetes.io/pod-name': 'web-1' });
    expect(pod.metadata.generateName).toBe('web-');
    expect(pod.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: s.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect([pod.spec!.hostname, pod.spec!.subdomain]).toEqual(['web-1', 'nginx']);
    // The revision records the template as a replace patch, labelled with its hash and owned by the set.
    const cr = c.api.get<StoredControllerRevision>('ControllerRevision', 'default', rev)!;
    expect(cr.revision).toBe(1);
    expect(cr.metadata.labels).toEqual({ app: 'nginx', 'controller.kubernetes.io/hash': rev.slice('web-'.length) });
    expect((cr.data as { spec: { template: { $patch: string } } }).spec.template.$patch).toBe('replace');
  });

  it('Parallel creates every pod at once', () => {
    const { c, log } = start({ parallel: true });
    c.advance(100);
    expect(log).toEqual(['+web-0', '+web-1', '+web-2']);
  });

  it('scales down from the highest ordinal, one pod at a time, each gone before the next is deleted', () => {
    const { c, log } = start();
    c.advance(60_000);
    log.length = 0;
    edit(c, (s) => (s.replicas = 1));
    c.advance(120_000);
    expect(log).toEqual(['terminating web-2', '-web-2', 'terminating web-1', '-web-1']);
    expect(podNames(c)).toEqual(['web-0']);
    expect(events(c).slice(-2)).toEqual(['SuccessfulDelete: delete Pod web-2 in StatefulSet web successful', 'SuccessfulDelete: delete Pod web-1 in StatefulSet web successful']);
    expect(set(c).status).toMatchObject({ replicas: 1, readyReplicas: 1, availableReplicas: 1 });
  });

  it('rolls an image change out from web-2 down to web-0, then reports the update revision as current', () => {
    const { c, log } = start();
    c.advance(60_000);
    const rev1 = set(c).status!.currentRevision!;
    log.length = 0;
    edit(c, (s) => (s.template!.spec!.containers[0]!.image = 'nginx:1.20'));
    c.advance(1_000);
    expect(statefulSetRolloutStatus(set(c))).toEqual({ message: 'Waiting for 1 pods to be ready...\n', done: false });
    c.advance(120_000);
    expect(log.filter((l) => l.startsWith('terminating'))).toEqual(['terminating web-2', 'terminating web-1', 'terminating web-0']);
    const s = set(c);
    const rev2 = s.status!.updateRevision!;
    expect(rev2).not.toBe(rev1);
    expect(s.status).toMatchObject({ currentRevision: rev2, currentReplicas: 3, updatedReplicas: 3, readyReplicas: 3, observedGeneration: 2 });
    expect(statefulSetRolloutStatus(s)).toEqual({ message: 'partitioned roll out complete: 3 new pods have been updated...\n', done: true });
    const history = statefulSetRevisionHistory(s, c.api.list<StoredControllerRevision>('ControllerRevision', 'default'));
    expect(history.map((h) => [h.revision, h.name, h.template?.spec?.containers[0]?.image])).toEqual([
      [1, rev1, 'nginx:1.9.1'],
      [2, rev2, 'nginx:1.20'],
    ]);
  });

  it('creates a claim per template before each pod, mounts it by name and keeps it when the pod is replaced', () => {
    const { c } = start({ replicas: 2, claims: true });
    c.advance(60_000);
    const claims = c.api.list('PersistentVolumeClaim', 'default');
    expect(claims.map((p) => p.metadata.name)).toEqual(['www-web-0', 'www-web-1']);
    expect(claims[0]!.metadata.labels).toEqual({ app: 'nginx', tier: 'data' });
    expect(claims[0]!.metadata.ownerReferences).toBeUndefined();
    expect((claims[0]!.spec as { resources: unknown }).resources).toEqual({ requests: { storage: '1Gi' } });
    expect(events(c).slice(0, 2)).toEqual([
      'SuccessfulCreate: create Claim www-web-0 Pod web-0 in StatefulSet web success',
      'SuccessfulCreate: create Pod web-0 in StatefulSet web successful',
    ]);
    const volumes = (c.api.get<KubeObject & Pod>('Pod', 'default', 'web-0')!.spec!.volumes ?? []).filter((v) => v.persistentVolumeClaim);
    expect(volumes).toEqual([{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } }]);
    // The replacement pod reuses the same claim object.
    const uid = claims[0]!.metadata.uid;
    c.api.delete('Pod', 'default', 'web-0');
    c.advance(60_000);
    expect(c.api.get('Pod', 'default', 'web-0')).toBeDefined();
    expect(c.api.get('PersistentVolumeClaim', 'default', 'www-web-0')!.metadata.uid).toBe(uid);
    expect(events(c).filter((e) => e.includes('Claim'))).toHaveLength(2);
  });

  it('with whenScaled: Delete a scaled-down pod owns its claim, so the claim goes with it', () => {
    const { c } = start({ replicas: 2, parallel: true, claims: true, retention: { whenScaled: 'Delete' } });
    c.advance(60_000);
    expect(c.api.get('PersistentVolumeClaim', 'default', 'www-web-1')!.metadata.ownerReferences).toBeUndefined();
    edit(c, (s) => (s.replicas = 1));
    c.advance(60_000);
    expect(podNames(c)).toEqual(['web-0']);
    expect(c.api.list('PersistentVolumeClaim', 'default').map((p) => p.metadata.name)).toEqual(['www-web-0']);
  });

  it('with whenDeleted: Delete every claim is owned by the set', () => {
    const { c } = start({ replicas: 2, parallel: true, claims: true, retention: { whenDeleted: 'Delete' } });
    c.advance(60_000);
    const uid = set(c).metadata.uid;
    for (const claim of c.api.list('PersistentVolumeClaim', 'default')) {
      expect(claim.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid, controller: true, blockOwnerDeletion: true }]);
    }
  });

  it('adopts an orphan pod that carries its name and labels; a rolling update then replaces it (no revision label)', () => {
    for (const onDelete of [true, false]) {
      const c = createCluster({ seed: 3 });
      const orphan = c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-0', namespace: 'default', labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.9.1' }] } });
      if (!orphan.ok) throw new Error(orphan.status.message);
      c.advance(10_000);
      c.api.create(manifest({ replicas: 1, onDelete }));
      c.advance(10_000);
      const pod = c.api.get('Pod', 'default', 'web-0')!;
      expect(pod.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'StatefulSet', name: 'web', controller: true });
      expect(pod.metadata.labels).toMatchObject({ 'statefulset.kubernetes.io/pod-name': 'web-0', 'apps.kubernetes.io/pod-index': '0' });
      if (onDelete) {
        // OnDelete keeps the adopted pod and only fixes its identity labels.
        expect(pod.metadata.uid).toBe(orphan.value.metadata.uid);
        expect(events(c)).toEqual(['SuccessfulUpdate: update Pod web-0 in StatefulSet web successful']);
      } else {
        expect(pod.metadata.uid).not.toBe(orphan.value.metadata.uid);
        expect(pod.metadata.labels!['controller-revision-hash']).toBe(set(c).status!.updateRevision);
      }
    }
  });
});
