import { describe, expect, it } from 'vitest';
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import { planStatefulSetRollback, statefulSetRevisionHistory, statefulSetRolloutStatus } from './rollout';
import { newRevision, type StoredControllerRevision } from './history';
import { statefulSet } from './testing/world';

function withStatus(status: NonNullable<StatefulSet['status']>, spec: Partial<NonNullable<StatefulSet['spec']>> = {}, generation = 2) {
  const s = statefulSet(3, spec);
  return { ...s, metadata: { ...s.metadata, generation }, status };
}

describe('rollout status (StatefulSetStatusViewer)', () => {
  it.each([
    ['the spec change is not observed yet', withStatus({ replicas: 3, observedGeneration: 1 }), 'Waiting for statefulset spec update to be observed...\n', false],
    ['nothing observed at all', withStatus({ replicas: 0 }), 'Waiting for statefulset spec update to be observed...\n', false],
    ['pods are not ready', withStatus({ replicas: 3, readyReplicas: 1, observedGeneration: 2 }), 'Waiting for 2 pods to be ready...\n', false],
    [
      'a partitioned rollout is under way',
      withStatus({ replicas: 3, readyReplicas: 3, updatedReplicas: 1, observedGeneration: 2 }, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } } }),
      'Waiting for partitioned roll out to finish: 1 out of 2 new pods have been updated...\n',
      false,
    ],
    ['the default partition 0 rollout is complete', withStatus({ replicas: 3, readyReplicas: 3, updatedReplicas: 3, observedGeneration: 2 }), 'partitioned roll out complete: 3 new pods have been updated...\n', true],
    [
      'no rollingUpdate block, revisions differ',
      withStatus({ replicas: 3, readyReplicas: 3, updatedReplicas: 2, currentRevision: 'web-a', updateRevision: 'web-b', observedGeneration: 2 }, { updateStrategy: { type: 'RollingUpdate' } }),
      'waiting for statefulset rolling update to complete 2 pods at revision web-b...\n',
      false,
    ],
    [
      'no rollingUpdate block, revisions equal',
      withStatus({ replicas: 3, readyReplicas: 3, currentReplicas: 3, currentRevision: 'web-b', updateRevision: 'web-b', observedGeneration: 2 }, { updateStrategy: { type: 'RollingUpdate' } }),
      'statefulset rolling update complete 3 pods at revision web-b...\n',
      true,
    ],
  ])('%s', (_name, sts, message, done) => {
    expect(statefulSetRolloutStatus(sts)).toEqual({ message, done });
  });

  it('refuses OnDelete sets', () => {
    expect(statefulSetRolloutStatus(withStatus({ replicas: 3 }, { updateStrategy: { type: 'OnDelete' } }))).toEqual({ message: '', done: true, error: 'rollout status is only available for RollingUpdate strategy type' });
  });
});

describe('rollout history and undo', () => {
  const base = statefulSet(1);
  const v2 = statefulSet(1);
  v2.spec!.template!.spec!.containers[0]!.image = 'nginx:2';
  v2.metadata.annotations = { 'kubernetes.io/change-cause': 'set image to 2' };
  const r1 = { ...newRevision(base, 1, 0), metadata: { ...newRevision(base, 1, 0).metadata, namespace: 'default' } };
  const r2 = { ...newRevision(v2, 2, 0), metadata: { ...newRevision(v2, 2, 0).metadata, namespace: 'default' } };
  const foreign: StoredControllerRevision = { ...r1, metadata: { ...r1.metadata, name: 'other', ownerReferences: [{ ...r1.metadata.ownerReferences![0]!, uid: 'other-uid' }] }, revision: 9 };

  it('lists the set’s own revisions in order with change causes and templates', () => {
    const h = statefulSetRevisionHistory(v2, [r2, foreign, r1]);
    expect(h.map((e) => [e.revision, e.name, e.changeCause, e.template?.spec?.containers[0]?.image])).toEqual([
      [1, r1.metadata.name, undefined, 'nginx:1.9.1'],
      [2, r2.metadata.name, 'set image to 2', 'nginx:2'],
    ]);
    expect(h[0]!.template).toEqual(base.spec!.template);
  });

  it('undo goes to the previous revision, skips a revision equal to the template, and reports missing ones', () => {
    const h = statefulSetRevisionHistory(v2, [r1, r2]);
    expect(planStatefulSetRollback(v2, h, 0)).toMatchObject({ kind: 'patch', revision: 1, data: r1.data });
    expect(planStatefulSetRollback(v2, h, 2)).toEqual({ kind: 'skip', revision: 2, message: 'skipped rollback (current template already matches revision 2)' });
    expect(planStatefulSetRollback(v2, h, 5)).toEqual({ kind: 'error', message: 'unable to find specified revision 5 in history' });
    expect(planStatefulSetRollback(v2, h.slice(0, 1), 0)).toEqual({ kind: 'error', message: 'no last revision to roll back to' });
  });
});
