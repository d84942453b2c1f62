import { describe, expect, it } from 'vitest';
import { toTimestamp } from '../../../api/meta';
import { deployment, rs } from '../testing/fixtures';
import {
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  equalIgnoreHash,
  getReplicaSetFraction,
  maxUnavailable,
  minAvailable,
  newRSNewReplicas,
  resolveFenceposts,
  setDeploymentCondition,
  setNewReplicaSetAnnotations,
  type StoredDeployment,
} from './deployment-util';
import { getScaledValueFromIntOrPercent } from './int-or-string';

describe('ResolveFenceposts (deployment_util_test.go TestResolveFenceposts)', () => {
  const cases: [string, string | number | undefined, string | number | undefined, number, number, number][] = [
    ['dep-fence-01', '0%', '0%', 0, 0, 1],
    ['dep-fence-02', '39%', '39%', 10, 4, 3],
    ['dep-fence-05', undefined, '39%', 10, 0, 3],
    ['dep-fence-06', '39%', undefined, 10, 4, 0],
    ['dep-fence-07', undefined, undefined, 10, 0, 1],
  ];
  for (const [id, surge, unav, desired, wantSurge, wantUnav] of cases) {
    it(`${id}: ${String(surge)}, ${String(unav)}, ${desired} -> ${wantSurge}, ${wantUnav}`, () => {
      expect(resolveFenceposts(surge, unav, desired)).toEqual({ ok: true, value: { surge: wantSurge, unavailable: wantUnav } });
    });
  }

  it('dep-fence-03: a string without % is an error', () => {
    expect(resolveFenceposts('oops', '39%', 10)).toEqual({ ok: false, error: 'invalid value for IntOrString: invalid type: string is not a percentage' });
  });

  it('dep-fence-default: 25%/25% for 1,2,3,4,5,8,10,100 replicas', () => {
    const got = [1, 2, 3, 4, 5, 8, 10, 100].map((n) => {
      const f = resolveFenceposts('25%', '25%', n);
      return f.ok ? [f.value.surge, f.value.unavailable] : f.error;
    });
    expect(got).toEqual([[1, 0], [1, 0], [1, 0], [1, 1], [2, 1], [2, 2], [3, 2], [25, 25]]);
  });

  it('percentages round up for surge and down for unavailability', () => {
    expect(getScaledValueFromIntOrPercent('25%', 10, true)).toEqual({ ok: true, value: 3 });
    expect(getScaledValueFromIntOrPercent('25%', 10, false)).toEqual({ ok: true, value: 2 });
    expect(getScaledValueFromIntOrPercent(7, 10, false)).toEqual({ ok: true, value: 7 });
  });
});

describe('MaxUnavailable / MinAvailable', () => {
  it('dep-maxunavail-3: capped at replicas', () => {
    expect(maxUnavailable(deployment({ replicas: 5, maxUnavailable: 10 }))).toBe(5);
  });
  it('dep-maxunavail-4: 0 replicas -> 0', () => {
    expect(maxUnavailable(deployment({ replicas: 0, maxUnavailable: 10 }))).toBe(0);
  });
  it('is 0 for Recreate', () => {
    expect(maxUnavailable(deployment({ replicas: 5, type: 'Recreate' }))).toBe(0);
    expect(minAvailable(deployment({ replicas: 5, type: 'Recreate' }))).toBe(0);
  });
  it('dep-minavail-6: replicas 10, maxUnavailable 60% -> 4', () => {
    const d = deployment({ replicas: 10, maxUnavailable: '60%' });
    delete d.spec!.strategy!.rollingUpdate!.maxSurge;
    expect(minAvailable(d)).toBe(4);
  });
});

describe('NewRSNewReplicas (TestNewRSNewReplicas)', () => {
  it('dep-newrsnew-2: replicas 6, surge 10, new 2, all 5 -> 6', () => {
    const d = deployment({ replicas: 6, maxSurge: 10 });
    const newRS = rs('new', 2);
    expect(newRSNewReplicas(d, [newRS, rs('old', 3)], newRS)).toEqual({ ok: true, value: 6 });
  });
  it('keeps the current size when the surge room is used up', () => {
    const d = deployment({ replicas: 1, maxSurge: 1 });
    const newRS = rs('new', 1);
    expect(newRSNewReplicas(d, [newRS, rs('old', 1)], newRS)).toEqual({ ok: true, value: 1 });
  });
  it('Recreate jumps to replicas', () => {
    const d = deployment({ replicas: 6, type: 'Recreate' });
    expect(newRSNewReplicas(d, [rs('old', 6)], rs('new', 0))).toEqual({ ok: true, value: 6 });
  });
});

describe('getReplicaSetFraction (TestGetReplicaSetFraction)', () => {
  it('dep-fraction-7: replicas 120, surge 10, rs 50, max-replicas 110 -> +9', () => {
    const d = deployment({ replicas: 120, maxSurge: 10 });
    expect(getReplicaSetFraction(rs('r', 50, { annotations: { 'deployment.kubernetes.io/max-replicas': '110' } }), d)).toBe(9);
  });
  it('dep-fraction-9: replicas 100, surge 10, rs 50, max-replicas 130 -> -8', () => {
    const d = deployment({ replicas: 100, maxSurge: 10 });
    expect(getReplicaSetFraction(rs('r', 50, { annotations: { 'deployment.kubernetes.io/max-replicas': '130' } }), d)).toBe(-8);
  });
  it('scaling to zero removes the whole ReplicaSet', () => {
    expect(getReplicaSetFraction(rs('r', 7), deployment({ replicas: 0 }))).toBe(-7);
  });
  it('without the annotation falls back to status.replicas, or 0', () => {
    const d = deployment({ replicas: 20, status: { replicas: 10 } });
    expect(getReplicaSetFraction(rs('r', 5), d)).toBe(5);
    expect(getReplicaSetFraction(rs('r', 5), deployment({ replicas: 20 }))).toBe(0);
  });
});

describe('DeploymentComplete / DeploymentProgressing / DeploymentTimedOut', () => {
  it('dep-complete-5: desired 1, current 2, updated 1, available 1 -> not complete', () => {
    const d = deployment({ replicas: 1 });
    expect(deploymentComplete(d, { replicas: 2, updatedReplicas: 1, availableReplicas: 1, observedGeneration: 1 })).toBe(false);
    expect(deploymentComplete(d, { replicas: 1, updatedReplicas: 1, availableReplicas: 1, observedGeneration: 1 })).toBe(true);
    expect(deploymentComplete(deployment({ replicas: 1, generation: 2 }), { replicas: 1, updatedReplicas: 1, availableReplicas: 1, observedGeneration: 1 })).toBe(false);
  });

  it('dep-progressing-5: (10,4,7,7) -> (8,8,5,5) is progress (fewer old replicas)', () => {
    const d = deployment({ replicas: 10, status: { replicas: 10, updatedReplicas: 4, readyReplicas: 7, availableReplicas: 7 } });
    expect(deploymentProgressing(d, { replicas: 8, updatedReplicas: 8, readyReplicas: 5, availableReplicas: 5 })).toBe(true);
    expect(deploymentProgressing(d, { replicas: 10, updatedReplicas: 4, readyReplicas: 7, availableReplicas: 7 })).toBe(false);
  });

  function withProgressing(pds: number | undefined, reason: string, lastUpdateMs: number): { d: StoredDeployment; cond: Parameters<typeof setDeploymentCondition>[1] } {
    const d = deployment({ replicas: 1, ...(pds !== undefined ? { progressDeadlineSeconds: pds } : {}) });
    return { d, cond: { type: 'Progressing', status: 'True', reason, lastUpdateTime: toTimestamp(lastUpdateMs), lastTransitionTime: toTimestamp(lastUpdateMs) } };
  }
  const base = Date.UTC(2025, 0, 1, 0, 0, 0);

  it('dep-timedout-3: pds 10, lastUpdate 00:01:09, now 00:01:20 -> timed out', () => {
    const { d, cond } = withProgressing(10, 'ReplicaSetUpdated', base + 69_000);
    expect(deploymentTimedOut(d, { conditions: [cond] }, base + 80_000)).toBe(true);
    expect(deploymentTimedOut(d, { conditions: [cond] }, base + 79_000)).toBe(false);
  });

  it('never times out without a deadline, a Progressing condition, or after NewReplicaSetAvailable', () => {
    const far = base + 10 * 3600_000;
    expect(deploymentTimedOut(withProgressing(undefined, 'ReplicaSetUpdated', base).d, { conditions: [withProgressing(10, 'ReplicaSetUpdated', base).cond] }, far)).toBe(false);
    expect(deploymentTimedOut(deployment({ replicas: 1, progressDeadlineSeconds: 10 }), {}, far)).toBe(false);
    const done = withProgressing(10, 'NewReplicaSetAvailable', base);
    expect(deploymentTimedOut(done.d, { conditions: [done.cond] }, far)).toBe(false);
    const timedOut = withProgressing(10, 'ProgressDeadlineExceeded', far);
    expect(deploymentTimedOut(timedOut.d, { conditions: [timedOut.cond] }, far)).toBe(true);
  });
});

describe('conditions', () => {
  it('SetDeploymentCondition keeps an identical status+reason, otherwise moves the condition to the end', () => {
    const s = { conditions: [{ type: 'Progressing', status: 'True', reason: 'A', lastTransitionTime: 't0', lastUpdateTime: 't0' }, { type: 'Available', status: 'True', reason: 'B' }] };
    setDeploymentCondition(s, { type: 'Progressing', status: 'True', reason: 'A', lastTransitionTime: 't1', lastUpdateTime: 't1' });
    expect(s.conditions[0]!.lastUpdateTime).toBe('t0');
    setDeploymentCondition(s, { type: 'Progressing', status: 'True', reason: 'C', lastTransitionTime: 't2', lastUpdateTime: 't2' });
    expect(s.conditions.map((c) => `${c.type}/${c.reason}`)).toEqual(['Available/B', 'Progressing/C']);
    expect(s.conditions[1]).toMatchObject({ lastTransitionTime: 't0', lastUpdateTime: 't2' });
  });
});

describe('revision annotations', () => {
  it('a new ReplicaSet gets the revision, the replica annotations and the change-cause', () => {
    const d = deployment({ replicas: 3, maxSurge: 1 });
    d.metadata.annotations = { 'kubernetes.io/change-cause': 'v2', 'deployment.kubernetes.io/revision': '1', 'kubectl.kubernetes.io/last-applied-configuration': '{}' };
    const r = rs('new', 0);
    expect(setNewReplicaSetAnnotations(d, r, '2', false)).toBe(true);
    expect(r.metadata.annotations).toEqual({
      'kubernetes.io/change-cause': 'v2',
      'deployment.kubernetes.io/revision': '2',
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
    });
  });

  it('rollback: revisions 1,2,3 then undo to 2 -> that ReplicaSet becomes 4 with history "2"', () => {
    const d = deployment({ replicas: 3 });
    const reused = rs('v2', 0, { revision: 2 });
    expect(setNewReplicaSetAnnotations(d, reused, '4', true)).toBe(true);
    expect(reused.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('4');
    expect(reused.metadata.annotations!['deployment.kubernetes.io/revision-history']).toBe('2');
    // Back again later: the history grows.
    expect(setNewReplicaSetAnnotations(d, reused, '6', true)).toBe(true);
    expect(reused.metadata.annotations!['deployment.kubernetes.io/revision-history']).toBe('2,4');
    // Never lowered.
    expect(setNewReplicaSetAnnotations(d, reused, '5', true)).toBe(false);
  });

  it('the revision history is capped, dropping the oldest entries', () => {
    const d = deployment({ replicas: 1 });
    const r = rs('r', 0, { revision: 9, annotations: { 'deployment.kubernetes.io/revision-history': '1,3,5,7' } });
    setNewReplicaSetAnnotations(d, r, '10', true, 8);
    expect(r.metadata.annotations!['deployment.kubernetes.io/revision-history']).toBe('3,5,7,9');
  });

  it('EqualIgnoreHash ignores only the pod-template-hash label', () => {
    const a = { metadata: { labels: { app: 'web', 'pod-template-hash': 'abc' } }, spec: { containers: [{ name: 'c', image: 'v1' }] } };
    expect(equalIgnoreHash(a, { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'v1' }] } })).toBe(true);
    expect(equalIgnoreHash(a, { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'v2' }] } })).toBe(false);
  });
});
