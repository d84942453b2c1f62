import { describe, expect, it } from 'vitest';
import { World, statefulSet } from './testing/world';
import { getPersistentVolumeClaims } from './stateful-set-utils';

/** The revision name the pods of `world` carry for its n-th revision. */
function revisionName(world: World, n: number): string {
  return world.revisions.find((r) => r.revision === n)!.metadata.name;
}

describe('StatefulSet sync: golden cases (k8s-semantics §3)', () => {
  it('sts-create-orderedready: syncs create [web-0], [web-1], [web-2], each after its predecessor is Running and Ready', () => {
    const w = new World(statefulSet(3));
    expect(w.sync()).toEqual(['create revision 1', 'create web-0']);
    // web-0 exists but is Pending: nothing more happens.
    expect(w.sync()).toEqual([]);
    w.run('web-0', false);
    expect(w.sync()).toEqual([]);
    w.run('web-0');
    expect(w.sync()).toEqual(['create web-1']);
    w.run('web-1');
    expect(w.sync()).toEqual(['create web-2']);
    w.run('web-2');
    expect(w.sync()).toEqual([]);
    expect(w.set.status).toMatchObject({ replicas: 3, readyReplicas: 3, availableReplicas: 3, currentReplicas: 3, updatedReplicas: 3 });
  });

  it('sts-create-parallel: web-0..2 are created in one sync', () => {
    const w = new World(statefulSet(3, { podManagementPolicy: 'Parallel' }));
    expect(w.sync()).toEqual(['create revision 1', 'create web-0', 'create web-1', 'create web-2']);
    expect(w.sync()).toEqual([]);
  });

  it('sts-scaledown-orderedready: 3→1 deletes web-2, waits for it to terminate, then deletes web-1', () => {
    const w = new World(statefulSet(3));
    w.converge();
    w.edit((s) => (s.replicas = 1));
    expect(w.sync()).toEqual(['delete web-2']);
    // web-2 is terminating: the next deletion waits for it to be gone.
    expect(w.sync()).toEqual([]);
    w.reap();
    expect(w.sync()).toEqual(['delete web-1']);
    w.reap();
    expect(w.sync()).toEqual([]);
    expect(w.podRevisions().map((p) => p.split('@')[0])).toEqual(['web-0']);
    expect(w.set.status).toMatchObject({ replicas: 1, readyReplicas: 1 });
  });

  it('sts-scaledown-parallel: every condemned pod is deleted in one sync', () => {
    const w = new World(statefulSet(3, { podManagementPolicy: 'Parallel' }));
    w.converge();
    w.edit((s) => (s.replicas = 0));
    expect(w.sync()).toEqual(['delete web-2', 'delete web-1', 'delete web-0']);
  });

  it('sts-rollingupdate: update order web-2, web-1, web-0, one at a time, each recreated before the next goes', () => {
    const w = new World(statefulSet(3));
    w.converge();
    const rev1 = revisionName(w, 1);
    w.edit((s) => (s.template!.spec!.containers[0]!.image = 'nginx:1.20'));
    const log = w.converge();
    const rev2 = revisionName(w, 2);
    expect(log).toEqual([
      ['create revision 2', 'delete web-2'],
      ['create web-2'],
      ['delete web-1'],
      ['create web-1'],
      ['delete web-0'],
      ['create web-0'],
    ]);
    expect(w.podRevisions()).toEqual([`web-0@${rev2}`, `web-1@${rev2}`, `web-2@${rev2}`]);
    expect(w.set.status).toMatchObject({ currentRevision: rev2, updateRevision: rev2, currentReplicas: 3, updatedReplicas: 3 });
    expect(rev1).not.toBe(rev2);
    expect(w.pods.get('web-0')!.spec!.containers[0]!.image).toBe('nginx:1.20');
  });

  it('sts-rollingupdate waits for the recreated pod to be healthy before updating the next', () => {
    const w = new World(statefulSet(2));
    w.converge();
    w.edit((s) => (s.template!.spec!.containers[0]!.image = 'nginx:1.20'));
    expect(w.sync()).toEqual(['create revision 2', 'delete web-1']);
    w.reap();
    expect(w.sync()).toEqual(['create web-1']);
    w.run('web-1', false);
    expect(w.sync()).toEqual([]);
    w.run('web-1');
    expect(w.sync()).toEqual(['delete web-0']);
  });

  it('sts-rollingupdate-partition: partition 2 with 5 replicas updates only web-4, web-3, web-2', () => {
    const w = new World(statefulSet(5, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } }));
    w.converge();
    const rev1 = revisionName(w, 1);
    w.edit((s) => (s.template!.spec!.containers[0]!.image = 'nginx:1.20'));
    const deleted = w.converge().flat().filter((a) => a.startsWith('delete'));
    const rev2 = revisionName(w, 2);
    expect(deleted).toEqual(['delete web-4', 'delete web-3', 'delete web-2']);
    expect(w.podRevisions()).toEqual([`web-0@${rev1}`, `web-1@${rev1}`, `web-2@${rev2}`, `web-3@${rev2}`, `web-4@${rev2}`]);
    expect(w.set.status).toMatchObject({ currentReplicas: 2, updatedReplicas: 3, currentRevision: rev1, updateRevision: rev2 });
    // A pod below the partition that is deleted comes back at the current revision.
    w.pods.delete('web-0');
    expect(w.sync()).toEqual(['create web-0']);
    expect(w.pods.get('web-0')!.metadata.labels!['controller-revision-hash']).toBe(rev1);
  });

  it('sts-naming: ordinals.start=5 gives web-5..7 and PVCs www-web-5..', () => {
    const w = new World(statefulSet(3, { ordinals: { start: 5 }, volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }] }));
    const created = w.converge().flat().filter((a) => a.startsWith('create web'));
    expect(created).toEqual(['create web-5', 'create web-6', 'create web-7']);
    const pod = w.pods.get('web-5')!;
    expect(pod.spec!.volumes).toEqual([{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-5' } }]);
    expect([...w.pods.values()].map((p) => [...getPersistentVolumeClaims(w.set, p).values()][0]!.metadata.name).sort()).toEqual(['www-web-5', 'www-web-6', 'www-web-7']);
    expect(pod.metadata.labels).toMatchObject({ 'apps.kubernetes.io/pod-index': '5', 'statefulset.kubernetes.io/pod-name': 'web-5' });
    // Scaling down to 1 leaves web-5: the ordinals past start+replicas-1 are condemned.
    w.edit((s) => (s.replicas = 1));
    expect(w.converge().flat()).toEqual(['delete web-7', 'delete web-6']);
  });
});

describe('StatefulSet sync: other rules', () => {
  it('deletes a Failed or Succeeded pod and recreates it under the same name on a later sync', () => {
    const w = new World(statefulSet(2));
    w.converge();
    w.finish('web-0', 'Failed');
    expect(w.sync()).toEqual(['delete web-0']);
    // Still terminating: it must be gone before a new web-0 is created.
    expect(w.sync()).toEqual([]);
    w.reap();
    expect(w.sync()).toEqual(['create web-0']);
    w.run('web-0');
    w.finish('web-1', 'Succeeded');
    expect(w.sync()).toEqual(['delete web-1']);
  });

  it('OrderedReady waits for minReadySeconds before creating the next pod', () => {
    const w = new World(statefulSet(2, { minReadySeconds: 10 }));
    w.sync();
    w.run('web-0');
    w.nowMs += 10_000;
    expect(w.sync()).toEqual([]);
    w.nowMs += 1_000;
    expect(w.sync()).toEqual(['create web-1']);
  });

  it('monotonic scale-down waits while an in-range pod is unhealthy', () => {
    const w = new World(statefulSet(3));
    w.converge();
    w.run('web-0', false);
    w.edit((s) => (s.replicas = 2));
    expect(w.sync()).toEqual([]);
    w.run('web-0');
    expect(w.sync()).toEqual(['delete web-2']);
  });

  it('monotonic scale-down deletes an unhealthy condemned pod only when it is the first unhealthy one', () => {
    const w = new World(statefulSet(4));
    w.converge();
    w.run('web-3', false);
    w.run('web-2', false);
    w.edit((s) => (s.replicas = 2));
    // web-3 goes first (highest ordinal) only if it is healthy or the first unhealthy pod (web-2 is): blocked.
    expect(w.sync()).toEqual([]);
    w.run('web-2');
    expect(w.sync()).toEqual(['delete web-3']);
  });

  it('OnDelete never deletes pods for an update; a deleted pod comes back at the update revision', () => {
    const w = new World(statefulSet(2, { updateStrategy: { type: 'OnDelete' } }));
    w.converge();
    const rev1 = revisionName(w, 1);
    w.edit((s) => (s.template!.spec!.containers[0]!.image = 'nginx:1.20'));
    expect(w.converge()).toEqual([['create revision 2']]);
    const rev2 = revisionName(w, 2);
    expect(w.podRevisions()).toEqual([`web-0@${rev1}`, `web-1@${rev1}`]);
    expect(w.set.status).toMatchObject({ currentRevision: rev1, updateRevision: rev2, currentReplicas: 2 });
    w.pods.delete('web-1');
    expect(w.sync()).toEqual(['create web-1']);
    expect(w.pods.get('web-1')!.metadata.labels!['controller-revision-hash']).toBe(rev2);
  });

  it('rolling back to an earlier template renumbers its revision instead of creating one', () => {
    const w = new World(statefulSet(1));
    w.converge();
    const rev1 = revisionName(w, 1);
    w.edit((s) => (s.template!.spec!.containers[0]!.image = 'nginx:1.20'));
    w.converge();
    w.edit((s) => (s.template!.spec!.containers[0]!.image = 'nginx:1.9.1'));
    expect(w.converge()[0]).toEqual(['renumber revision 1 to 3', 'delete web-0']);
    expect(w.revisions.map((r) => [r.metadata.name, r.revision])).toContainEqual([rev1, 3]);
    expect(w.set.status!.updateRevision).toBe(rev1);
  });

  it('keeps at most revisionHistoryLimit revisions besides the live ones, deleting the oldest', () => {
    const w = new World(statefulSet(1, { revisionHistoryLimit: 1 }));
    w.converge();
    for (const tag of ['1.20', '1.21', '1.22']) {
      w.edit((s) => (s.template!.spec!.containers[0]!.image = `nginx:${tag}`));
      w.converge();
    }
    expect(w.revisions.map((r) => r.revision).sort()).toEqual([3, 4]);
  });

  it('reports the stored status fields and only writes when they change', () => {
    const w = new World(statefulSet(2));
    w.sync();
    const rev = revisionName(w, 1);
    // The pod created in this sync is not counted until it has a phase (next sync).
    expect(w.set.status).toEqual({ observedGeneration: 1, currentRevision: rev, updateRevision: rev, collisionCount: 0, replicas: 0, readyReplicas: 0, availableReplicas: 0, currentReplicas: 0, updatedReplicas: 0 });
    w.sync();
    expect(w.set.status).toMatchObject({ replicas: 1, currentReplicas: 1, updatedReplicas: 1, readyReplicas: 0 });
  });

  it('a set being deleted only reports status', () => {
    const w = new World(statefulSet(2));
    w.converge();
    w.set = { ...w.set, metadata: { ...w.set.metadata, deletionTimestamp: '2025-01-01T00:00:00Z' } };
    w.edit((s) => (s.replicas = 0));
    expect(w.sync()).toEqual([]);
  });
});
