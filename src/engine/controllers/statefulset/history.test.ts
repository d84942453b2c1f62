import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { applyRevision, equalRevision, getPatch, hashControllerRevision, newRevision, revisionDataText, sortControllerRevisions, type StoredControllerRevision } from './history';
import { statefulSet } from './testing/world';
import type { StoredStatefulSet } from './stateful-set-utils';

/** The StatefulSet of upstream's pkg/controller/statefulset/testdata/compatibility_*_1.34.0.json. */
function upstreamTestSet(): StoredStatefulSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'test', namespace: 'default', uid: 'ec335e25-1045-4216-8634-50cfbe05f3d6' },
    spec: {
      selector: { matchLabels: { app: 'foo' } },
      serviceName: '',
      template: {
        metadata: { labels: { app: 'foo' }, annotations: { test: 'value' } },
        spec: {
          containers: [{ image: 'test', imagePullPolicy: 'Always', name: 'test', resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' }],
          dnsPolicy: 'ClusterFirst',
          restartPolicy: 'Always',
          schedulerName: 'default-scheduler',
          securityContext: {},
          terminationGracePeriodSeconds: 30,
        },
      },
    },
  } as StoredStatefulSet;
}

describe('ControllerRevisions', () => {
  it('records the template as a sorted-key replace patch, byte for byte as v1.34 stores it', () => {
    expect(revisionDataText(getPatch(upstreamTestSet()))).toBe(
      '{"spec":{"template":{"$patch":"replace","metadata":{"annotations":{"test":"value"},"labels":{"app":"foo"}},"spec":{"containers":[{"image":"test","imagePullPolicy":"Always","name":"test","resources":{},"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}],"dnsPolicy":"ClusterFirst","restartPolicy":"Always","schedulerName":"default-scheduler","securityContext":{},"terminationGracePeriodSeconds":30}}}}',
    );
  });

  it('hashes with FNV-1 and the collision count, giving the name upstream gives (test-776999688b)', () => {
    const cr = newRevision(upstreamTestSet(), 2, 0);
    expect(cr.metadata.name).toBe('test-776999688b');
    expect(cr.metadata.labels).toEqual({ app: 'foo', 'controller.kubernetes.io/hash': '776999688b' });
    expect(cr.revision).toBe(2);
    expect(cr.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'test', uid: 'ec335e25-1045-4216-8634-50cfbe05f3d6', controller: true, blockOwnerDeletion: true }]);
    // Another collision count gives another name for the same data.
    expect(hashControllerRevision(cr.data, 1)).not.toBe('776999688b');
  });

  it('copies the set annotations onto the revision', () => {
    const set = statefulSet(1);
    set.metadata.annotations = { 'kubernetes.io/change-cause': 'kubectl set image' };
    expect(newRevision(set, 1, 0).metadata.annotations).toEqual({ 'kubernetes.io/change-cause': 'kubectl set image' });
  });

  it('compares revisions by their data, and restores a set template from one', () => {
    const a = statefulSet(1);
    const b = statefulSet(1);
    b.spec!.template!.spec!.containers[0]!.image = 'nginx:2';
    const ra = newRevision(a, 1, 0);
    expect(equalRevision(ra, newRevision(a, 7, 3))).toBe(true);
    expect(equalRevision(ra, newRevision(b, 1, 0))).toBe(false);
    expect(applyRevision(b, ra).spec!.template).toEqual(a.spec!.template);
    expect(applyRevision(b, ra).spec!.replicas).toBe(1);
  });

  it('sorts by revision, then creation time, then name', () => {
    const r = (name: string, revision: number, ts: string): StoredControllerRevision => ({ apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { name, creationTimestamp: ts } as KubeObject['metadata'], revision });
    const sorted = sortControllerRevisions([r('c', 2, '2025-01-01T00:00:00Z'), r('b', 1, '2025-01-01T00:00:05Z'), r('a', 1, '2025-01-01T00:00:05Z'), r('d', 1, '2025-01-01T00:00:01Z')]);
    expect(sorted.map((x) => x.metadata.name)).toEqual(['d', 'a', 'b', 'c']);
  });
});
