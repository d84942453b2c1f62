import { describe, expect, it } from 'vitest';
import type { KubeObject, OwnerReference } from '../../api/types';
import {
  claimOwnerRefsForPolicy, completeRollingUpdate, getPersistentVolumeClaims, isClaimOwnerUpToDate, newStatefulSetPod,
  newVersionedStatefulSetPod, parentNameAndOrdinal, serializeStatefulSetStatus, type StatefulPod,
} from './stateful-set-utils';
import { statefulSet } from './testing/world';

describe('ordinal identity', () => {
  it.each([
    ['web-0', 'web', 0],
    ['my-app-web-12', 'my-app-web', 12],
    ['web', '', -1],
    ['web-1a', '', -1],
    ['web-2147483647', 'web', 2147483647],
    ['web-2147483648', 'web', -1],
  ])('%s → parent %j, ordinal %d', (name, parent, ordinal) => {
    expect(parentNameAndOrdinal(name)).toEqual({ parent, ordinal });
  });

  it('builds a pod from the template with identity labels, hostname, subdomain, claim volumes and a controller reference', () => {
    const set = statefulSet(2, {
      volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: {} }, { metadata: { name: 'logs' }, spec: {} }],
      template: { metadata: { labels: { app: 'nginx' }, annotations: { a: 'b' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }], volumes: [{ name: 'www', emptyDir: {} }, { name: 'cfg', configMap: { name: 'x' } }] } },
    });
    const pod = newStatefulSetPod(set, 1);
    expect(pod.metadata).toEqual({
      name: 'web-1',
      generateName: 'web-',
      namespace: 'default',
      labels: { app: 'nginx', 'statefulset.kubernetes.io/pod-name': 'web-1', 'apps.kubernetes.io/pod-index': '1' },
      annotations: { a: 'b' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'set-uid', controller: true, blockOwnerDeletion: true }],
    });
    expect(pod.spec!.hostname).toBe('web-1');
    expect(pod.spec!.subdomain).toBe('nginx');
    // A template volume named like a claim template is replaced by the claim.
    expect(pod.spec!.volumes).toEqual([
      { name: 'www', persistentVolumeClaim: { claimName: 'www-web-1' } },
      { name: 'logs', persistentVolumeClaim: { claimName: 'logs-web-1' } },
      { name: 'cfg', configMap: { name: 'x' } },
    ]);
    expect(pod.status).toBeUndefined();
  });

  it('leaves subdomain unset without a serviceName', () => {
    const set = statefulSet(1, { serviceName: undefined });
    expect(newStatefulSetPod(set, 0).spec!.subdomain).toBeUndefined();
  });

  it('names claims <template>-<set>-<ordinal> with the template labels plus the selector matchLabels', () => {
    const set = statefulSet(1, {
      selector: { matchLabels: { app: 'nginx' }, matchExpressions: [{ key: 'tier', operator: 'Exists' }] },
      volumeClaimTemplates: [
        { metadata: { name: 'www', labels: { app: 'other', keep: 'yes' }, annotations: { note: 'x' } }, spec: { resources: { requests: { storage: '1Gi' } } } },
        { metadata: { name: 'data' }, spec: {} },
      ],
    });
    const claims = getPersistentVolumeClaims(set, { metadata: { name: 'web-3' } });
    expect([...claims.keys()]).toEqual(['www', 'data']);
    expect(claims.get('www')!.metadata).toEqual({ name: 'www-web-3', namespace: 'default', labels: { app: 'nginx', keep: 'yes' }, annotations: { note: 'x' } });
    expect(claims.get('www')!.spec).toEqual({ resources: { requests: { storage: '1Gi' } } });
    expect(claims.get('data')!.metadata.labels).toEqual({ app: 'nginx' });
  });

  it('builds pods below the partition from the current revision and the rest from the update revision', () => {
    const current = statefulSet(4, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } });
    const update = statefulSet(4, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } });
    update.spec!.template!.spec!.containers[0]!.image = 'nginx:new';
    const pods = [0, 1, 2, 3].map((o) => newVersionedStatefulSetPod(current, update, 'web-a', 'web-b', o));
    expect(pods.map((p) => `${p.metadata.labels!['controller-revision-hash']} ${p.spec!.containers[0]!.image}`)).toEqual(['web-a nginx:1.9.1', 'web-a nginx:1.9.1', 'web-b nginx:new', 'web-b nginx:new']);
    // With ordinals.start the partition counts from the start ordinal.
    const shifted = statefulSet(2, { ordinals: { start: 5 }, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } } });
    expect([5, 6].map((o) => newVersionedStatefulSetPod(shifted, shifted, 'web-a', 'web-b', o).metadata.labels!['controller-revision-hash'])).toEqual(['web-a', 'web-b']);
  });
});

describe('claim ownership under the retention policy', () => {
  const setRef: OwnerReference = { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'set-uid', controller: true, blockOwnerDeletion: true };
  const podRef: OwnerReference = { apiVersion: 'v1', kind: 'Pod', name: 'web-1', uid: 'pod-uid', controller: true, blockOwnerDeletion: true };
  const claim = (refs?: OwnerReference[]): KubeObject => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'www-web-1', ...(refs ? { ownerReferences: refs } : {}) } });
  const pod = (): StatefulPod => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1', namespace: 'default', uid: 'pod-uid' } });

  it.each([
    // [whenDeleted, whenScaled, replicas (2 = pod in range, 1 = scaled down), expected references]
    ['Retain', 'Retain', 2, []],
    ['Retain', 'Retain', 1, []],
    ['Delete', 'Retain', 2, ['StatefulSet']],
    ['Delete', 'Retain', 1, ['StatefulSet']],
    ['Retain', 'Delete', 2, []],
    ['Retain', 'Delete', 1, ['Pod']],
    ['Delete', 'Delete', 2, ['StatefulSet']],
    ['Delete', 'Delete', 1, ['Pod']],
  ] as const)('whenDeleted %s, whenScaled %s, %d replicas → %j', (whenDeleted, whenScaled, replicas, kinds) => {
    const set = statefulSet(replicas, { persistentVolumeClaimRetentionPolicy: { whenDeleted, whenScaled } });
    const refs = claimOwnerRefsForPolicy(claim(), set, pod());
    expect(refs.map((r) => r.kind)).toEqual(kinds);
    expect(isClaimOwnerUpToDate(claim(refs.length > 0 ? refs : undefined), set, pod())).toBe(true);
    expect(isClaimOwnerUpToDate(claim(), set, pod())).toBe(kinds.length === 0);
  });

  it('moves the reference from the set to the pod when the pod is scaled down (Delete/Delete)', () => {
    const set = statefulSet(1, { persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Delete' } });
    expect(isClaimOwnerUpToDate(claim([setRef]), set, pod())).toBe(false);
    expect(claimOwnerRefsForPolicy(claim([setRef]), set, pod())).toEqual([podRef]);
  });

  it('leaves claims managed by another controller alone, and treats stale references as up to date', () => {
    const set = statefulSet(1, { persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Retain' } });
    const other: OwnerReference = { apiVersion: 'v1', kind: 'ConfigMap', name: 'x', uid: 'x', controller: true };
    expect(isClaimOwnerUpToDate(claim([other]), set, pod())).toBe(true);
    expect(claimOwnerRefsForPolicy(claim([other]), set, pod())).toEqual([other]);
    expect(isClaimOwnerUpToDate(claim([{ ...setRef, uid: 'old-set' }]), set, pod())).toBe(true);
  });
});

describe('status', () => {
  it('completes a rolling update once every replica is updated and ready', () => {
    const set = statefulSet(2);
    const base = { replicas: 2, readyReplicas: 2, updatedReplicas: 2, currentReplicas: 0, currentRevision: 'web-a', updateRevision: 'web-b' };
    expect(completeRollingUpdate(set, base)).toMatchObject({ currentRevision: 'web-b', currentReplicas: 2 });
    expect(completeRollingUpdate(set, { ...base, readyReplicas: 1 })).toMatchObject({ currentRevision: 'web-a' });
    expect(completeRollingUpdate(statefulSet(2, { updateStrategy: { type: 'OnDelete' } }), base)).toMatchObject({ currentRevision: 'web-a' });
  });

  it('serializes like the API: zero omitempty counts dropped, replicas and availableReplicas kept', () => {
    expect(serializeStatefulSetStatus({ replicas: 0, readyReplicas: 0, availableReplicas: 0, currentReplicas: 0, updatedReplicas: 0, observedGeneration: 1, collisionCount: 0, currentRevision: 'web-a', updateRevision: 'web-a' })).toEqual({
      observedGeneration: 1,
      replicas: 0,
      currentRevision: 'web-a',
      updateRevision: 'web-a',
      collisionCount: 0,
      availableReplicas: 0,
    });
  });
});
