import { describe, expect, it } from 'vitest';
import { replicasOf } from '../replicaset/replica-set-status';
import { cleanupUnhealthyReplicas, reconcileNewReplicaSet, reconcileOldReplicaSets, scaleDownOldReplicaSetsForRollingUpdate } from './rolling';
import { deployment, FakeOps, rs } from './testing/fixtures';
import { filterActiveReplicaSets, type StoredReplicaSet } from './util/deployment-util';

describe('reconcileNewReplicaSet (rolling_test.go)', () => {
  it('dep-recnew-3: replicas 10, surge 2, old 5, new 0 -> new 7', () => {
    const ops = new FakeOps();
    const d = deployment({ replicas: 10, maxSurge: 2 });
    const newRS = rs('new', 0);
    expect(reconcileNewReplicaSet(ops, [rs('old', 5), newRS], newRS, d)).toEqual({ ok: true, value: true });
    expect(ops.scaled).toEqual(['new up 0->7']);
  });

  it('dep-recnew-5: replicas 10, old 2, new 11 -> new scaled down to 10', () => {
    const ops = new FakeOps();
    const d = deployment({ replicas: 10 });
    const newRS = rs('new', 11);
    expect(reconcileNewReplicaSet(ops, [rs('old', 2), newRS], newRS, d)).toEqual({ ok: true, value: true });
    expect(ops.scaled).toEqual(['new down 11->10']);
  });

  it('does nothing at the desired size or without surge room', () => {
    const ops = new FakeOps();
    const at = rs('new', 10);
    expect(reconcileNewReplicaSet(ops, [at], at, deployment({ replicas: 10 }))).toEqual({ ok: true, value: false });
    const full = rs('new', 2);
    expect(reconcileNewReplicaSet(ops, [rs('old', 10), full], full, deployment({ replicas: 10, maxSurge: 2 }))).toEqual({ ok: true, value: false });
    expect(ops.scaled).toEqual([]);
  });
});

describe('reconcileOldReplicaSets (rolling_test.go)', () => {
  function run(o: { replicas: number; maxUnavailable: number; maxSurge?: number }, old: StoredReplicaSet[], newRS: StoredReplicaSet): FakeOps {
    const ops = new FakeOps();
    const d = deployment(o);
    reconcileOldReplicaSets(ops, [...old, newRS], filterActiveReplicaSets(old), newRS, d);
    return ops;
  }

  it('dep-recold-1: unavailable 0 (resolves to 1), old 10/10 available -> old 9', () => {
    expect(run({ replicas: 10, maxUnavailable: 0 }, [rs('old', 10, { available: 10 })], rs('new', 0)).scaled).toEqual(['old down 10->9']);
  });

  it('dep-recold-3: unavailable 2, old 10 with 8 available -> the 2 unhealthy go, old 8', () => {
    expect(run({ replicas: 10, maxUnavailable: 2 }, [rs('old', 10, { available: 8 })], rs('new', 0)).scaled).toEqual(['old down 10->8']);
  });

  it('dep-recold-5: unavailable 2, old 8 (8 available), new 2 (0 available) -> no scale', () => {
    expect(run({ replicas: 10, maxUnavailable: 2 }, [rs('old', 8, { available: 8 })], rs('new', 2)).scaled).toEqual([]);
  });

  it("counts the new ReplicaSet's unavailable pods against the unhealthy cleanup budget", () => {
    // all 12, minAvailable 8, new unavailable 2 -> only 2 of the 3 unhealthy old replicas may go.
    expect(run({ replicas: 10, maxUnavailable: 2 }, [rs('old', 10, { available: 7 })], rs('new', 2)).scaled).toEqual(['old down 10->8']);
  });

  it('takes old replicas once new ones are available', () => {
    expect(run({ replicas: 10, maxUnavailable: 2 }, [rs('old', 8, { available: 8 })], rs('new', 2, { available: 2 })).scaled).toEqual(['old down 8->6']);
  });
});

describe('cleanupUnhealthyReplicas (TestDeploymentController_cleanupUnhealthyReplicas)', () => {
  const cases: [string, number, number, number, number][] = [
    ['oldReplicas 10, 8 available, maxCleanup 1', 10, 8, 1, 1],
    ['dep-cleanup-unhealthy-2: oldReplicas 10, 8 available, maxCleanup 3', 10, 8, 3, 2],
    ['oldReplicas 10, 8 available, maxCleanup 0', 10, 8, 0, 0],
    ['oldReplicas 10, 10 available, maxCleanup 3', 10, 10, 3, 0],
  ];
  for (const [name, spec, available, maxCleanup, want] of cases) {
    it(name, () => {
      const r = cleanupUnhealthyReplicas(new FakeOps(), [rs('old', spec, { available })], deployment({ replicas: 10 }), maxCleanup);
      expect(r.ok && r.value.scaledDown).toBe(want);
    });
  }

  it('walks old ReplicaSets oldest first', () => {
    const ops = new FakeOps();
    cleanupUnhealthyReplicas(ops, [rs('newer', 3, { available: 1, createdMs: 2000 }), rs('older', 3, { available: 2, createdMs: 1000 })], deployment({ replicas: 10 }), 2);
    expect(ops.scaled).toEqual(['older down 3->2', 'newer down 3->2']);
  });
});

describe('scaleDownOldReplicaSetsForRollingUpdate (TestDeploymentController_scaleDownOldReplicaSetsForRollingUpdate)', () => {
  const cases: [string, number, number, number, number][] = [
    ['unavailable 0 (->1), 10 available', 0, 10, 10, 1],
    ['unavailable 2, 10 available', 2, 10, 10, 2],
    ['dep-scaledownold-3: unavailable 2, 8 available', 2, 10, 8, 0],
    ['unavailable 2, 0 available', 2, 10, 0, 0],
  ];
  for (const [name, unav, spec, available, want] of cases) {
    it(name, () => {
      const old = rs('old', spec, { available });
      const r = scaleDownOldReplicaSetsForRollingUpdate(new FakeOps(), [old], [old], deployment({ replicas: 10, maxUnavailable: unav }));
      expect(r).toEqual({ ok: true, value: want });
    });
  }
});

/**
 * Replays one rolling sync at a time with the real reconcile functions: each sync scales up or down, and between
 * syncs the new ReplicaSet's pods become available (or never do); old pods are always available.
 */
function rolloutSequence(replicas: number, newPodsBecomeReady: boolean): string[] {
  const d = deployment({ replicas, maxSurge: '25%', maxUnavailable: '25%' });
  let old = rs('old', replicas, { available: replicas, createdMs: 0 });
  let cur = rs('new', 0, { available: 0, createdMs: 1000 });
  const seq = [`(${replicasOf(old)},${replicasOf(cur)})`];
  for (let i = 0; i < 20; i++) {
    const ops = new FakeOps();
    const allRSs = [old, cur];
    const up = reconcileNewReplicaSet(ops, allRSs, cur, d);
    if (!(up.ok && up.value)) {
      const down = reconcileOldReplicaSets(ops, allRSs, filterActiveReplicaSets([old]), cur, d);
      if (!(down.ok && down.value)) break;
    }
    const oldSize = ops.sizes.get('old') ?? replicasOf(old);
    const newSize = ops.sizes.get('new') ?? replicasOf(cur);
    old = rs('old', oldSize, { available: oldSize, createdMs: 0 });
    cur = rs('new', newSize, { available: newPodsBecomeReady ? newSize : 0, createdMs: 1000 });
    seq.push(`(${oldSize},${newSize})`);
  }
  return seq;
}

describe('rollout sequences (derived from rolling.go)', () => {
  it('dep-rollout-seq-01: 4 replicas, instant availability', () => {
    expect(rolloutSequence(4, true).join('→')).toBe('(4,0)→(4,1)→(2,1)→(2,3)→(0,3)→(0,4)');
  });
  it('dep-rollout-seq-02: 10 replicas', () => {
    expect(rolloutSequence(10, true).join('→')).toBe('(10,0)→(10,3)→(5,3)→(5,8)→(0,8)→(0,10)');
  });
  it('dep-rollout-seq-03: 3 replicas (surge 1, unavailable 0)', () => {
    expect(rolloutSequence(3, true).join('→')).toBe('(3,0)→(3,1)→(2,1)→(2,2)→(1,2)→(1,3)→(0,3)');
  });
  it('dep-rollout-seq-07: 4 replicas, new pods never Ready -> stalls', () => {
    expect(rolloutSequence(4, false).join('→')).toBe('(4,0)→(4,1)→(3,1)→(3,2)');
  });
  it('dep-rollout-seq-08: 10 replicas, new pods never Ready -> stalls', () => {
    expect(rolloutSequence(10, false).join('→')).toBe('(10,0)→(10,3)→(8,3)→(8,5)');
  });
});
