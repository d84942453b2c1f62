import { beforeEach, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { controllerRef } from '../../api/meta';
import { Harness } from './testing/harness';
import { startReplicaSetController, REPLICASET_CONTROLLER } from './replica-set';

function replicaSet(name: string, replicas: number, extra: { minReadySeconds?: number; labels?: Record<string, string> } = {}): KubeObject {
  const labels = extra.labels ?? { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      ...(extra.minReadySeconds ? { minReadySeconds: extra.minReadySeconds } : {}),
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } },
    },
  };
}

function pod(name: string, labels: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels }, spec: { containers: [{ name: 'c', image: 'busybox' }] } };
}

function status(h: Harness, name: string): Record<string, unknown> {
  return h.api.get('ReplicaSet', 'default', name)!.status as Record<string, unknown>;
}

describe('ReplicaSet controller', () => {
  let h: Harness;
  beforeEach(() => {
    h = new Harness();
    startReplicaSetController(h.ctx);
  });

  it('creates the pods from the template with generateName, labels and a controller reference', () => {
    const rs = h.create(replicaSet('web', 3));
    h.advance(50);
    const pods = h.pods('web');
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.generateName).toBe('web-');
      expect(p.metadata.labels).toEqual({ app: 'web' });
      expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    }
    expect([...h.events(REPLICASET_CONTROLLER)].sort()).toEqual(pods.map((p) => `SuccessfulCreate: Created pod: ${p.metadata.name}`).sort());
  });

  it('reports replicas, then ready and available counts as the kubelet reports readiness', () => {
    h.create(replicaSet('web', 2));
    h.advance(50);
    expect(status(h, 'web')).toEqual({ replicas: 2, fullyLabeledReplicas: 2, observedGeneration: 1 });
    h.advance(2000);
    expect(status(h, 'web')).toEqual({ replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 });
  });

  it('counts a ready pod as available only after minReadySeconds, re-checking at that instant', () => {
    h.behaviour = () => ({ startMs: 100, readyMs: 400 });
    h.create(replicaSet('web', 1, { minReadySeconds: 5 }));
    // Ready at ~0.5s (lastTransitionTime truncated to 0s): available strictly after 5.000s.
    h.advance(1000);
    expect(status(h, 'web')).toMatchObject({ readyReplicas: 1 });
    expect(status(h, 'web').availableReplicas).toBeUndefined();
    h.advance(3999);
    expect(status(h, 'web').availableReplicas).toBeUndefined();
    h.advance(20);
    expect(status(h, 'web').availableReplicas).toBe(1);
  });

  it('scales down by deleting the pods that rank first, recording SuccessfulDelete', () => {
    // The third pod never becomes ready: it is the one to go.
    let n = 0;
    h.behaviour = () => ({ startMs: 100, readyMs: ++n === 3 ? undefined : 300 });
    h.create(replicaSet('web', 3));
    h.advance(2000);
    const notReady = h.pods('web').find((p) => (p.status as { conditions: { type: string; status: string }[] }).conditions.some((c) => c.type === 'Ready' && c.status === 'False'))!;
    h.update('ReplicaSet', 'web', (d) => {
      (d.spec as { replicas: number }).replicas = 2;
    });
    h.advance(50);
    expect(h.events(REPLICASET_CONTROLLER).at(-1)).toBe(`SuccessfulDelete: Deleted pod: ${notReady.metadata.name}`);
    expect(h.pods('web').map((p) => p.metadata.name)).not.toContain(notReady.metadata.name);
    expect(status(h, 'web')).toMatchObject({ replicas: 2, readyReplicas: 2, observedGeneration: 2 });
  });

  it('replaces a pod that is deleted, as soon as its deletion starts', () => {
    h.create(replicaSet('web', 2));
    h.advance(2000);
    const victim = h.pods('web')[0]!;
    h.api.delete('Pod', 'default', victim.metadata.name);
    h.advance(50);
    // The victim is still terminating (the kubelet takes 300ms), yet a replacement already exists.
    expect(h.api.get('Pod', 'default', victim.metadata.name)?.metadata.deletionTimestamp).toBeDefined();
    expect(h.pods('web')).toHaveLength(2);
  });

  it('adopts a matching orphan instead of creating a pod, and releases a pod whose labels stop matching', () => {
    const orphan = h.create(pod('stray', { app: 'web' }));
    const rs = h.create(replicaSet('web', 2));
    h.advance(50);
    expect(controllerRef(h.api.get('Pod', 'default', 'stray')!)?.uid).toBe(rs.metadata.uid);
    expect(h.pods('web')).toHaveLength(2);
    expect(h.events(REPLICASET_CONTROLLER)).toHaveLength(1);

    h.update('Pod', orphan.metadata.name, (p) => {
      p.metadata.labels = { app: 'other' };
    });
    h.advance(50);
    expect(h.api.get('Pod', 'default', 'stray')!.metadata.ownerReferences).toBeUndefined();
    expect(h.pods('web')).toHaveLength(2);
  });

  it('never adopts pods controlled by something else', () => {
    h.create({ ...pod('owned', { app: 'web' }), metadata: { name: 'owned', namespace: 'default', labels: { app: 'web' }, ownerReferences: [{ apiVersion: 'v1', kind: 'ReplicationController', name: 'rc', uid: 'u-1', controller: true }] } });
    h.create(replicaSet('web', 1));
    h.advance(50);
    expect(h.pods('web')).toHaveLength(1);
    expect(controllerRef(h.api.get('Pod', 'default', 'owned')!)?.kind).toBe('ReplicationController');
  });

  it('sets ReplicaFailure when pods cannot be created and clears it once they can', () => {
    h.create(replicaSet('web', 1, { labels: {} }));
    h.advance(50);
    expect((status(h, 'web').conditions as unknown[])[0]).toMatchObject({ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: 'unable to create pods, no labels' });
    h.update('ReplicaSet', 'web', (d) => {
      (d.spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels = { app: 'web' };
    });
    h.advance(100);
    expect(h.pods('web')).toHaveLength(1);
    expect(status(h, 'web').conditions).toBeUndefined();
  });
});
