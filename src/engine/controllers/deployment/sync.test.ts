import { describe, expect, it } from 'vitest';
import { replicasOf } from '../replicaset/replica-set-status';
import { calculateStatus, cleanupDeployment, scale } from './sync';
import { annotateFor, deployment, FakeOps, rs, type DeploymentOpts } from './testing/fixtures';
import type { StoredReplicaSet } from './util/deployment-util';

const NEW = 2 * 3600_000;
const OLD = 3600_000;
const OLDER = 0;

interface ScaleCase {
  id: string;
  from: DeploymentOpts;
  to: DeploymentOpts;
  newRS?: [string, number, number?];
  oldRSs: [string, number, number][];
  expectNew?: number;
  expectOld: number[];
  newAvailable?: number;
}

/** Models sync_test.go TestScale: RSs annotated as last scaled by `from`, then scale() for `to`. */
function runScale(c: ScaleCase): { sizes: Map<string, number>; ops: FakeOps; newRS?: StoredReplicaSet; oldRSs: StoredReplicaSet[] } {
  const before = deployment(c.from);
  const d = deployment(c.to);
  const newRS = c.newRS ? annotateFor(rs(c.newRS[0], c.newRS[1], { createdMs: c.newRS[2] ?? NEW, available: c.newAvailable ?? 0 }), before) : undefined;
  const oldRSs = c.oldRSs.map(([name, n, created]) => annotateFor(rs(name, n, { createdMs: created }), before));
  const ops = new FakeOps();
  expect(scale(ops, d, newRS, oldRSs)).toBeUndefined();
  const sizes = new Map<string, number>();
  for (const r of [newRS, ...oldRSs]) if (r) sizes.set(r.metadata.name, ops.sizes.get(r.metadata.name) ?? replicasOf(r));
  return { sizes, ops, newRS, oldRSs };
}

describe('scale: proportional scaling (sync_test.go TestScale)', () => {
  const cases: ScaleCase[] = [
    { id: 'normal scaling event: 10 -> 12', from: { replicas: 10 }, to: { replicas: 12 }, newRS: ['foo-v1', 10], oldRSs: [], expectNew: 12, expectOld: [] },
    { id: 'normal scaling event: 10 -> 5', from: { replicas: 10 }, to: { replicas: 5 }, newRS: ['foo-v1', 10], oldRSs: [], expectNew: 5, expectOld: [] },
    { id: 'dep-scale-03: 5 -> 10', from: { replicas: 5 }, to: { replicas: 10 }, newRS: ['foo-v2', 2], oldRSs: [['foo-v1', 3, OLD]], expectNew: 4, expectOld: [6] },
    { id: 'proportional scaling: 5 -> 3', from: { replicas: 5 }, to: { replicas: 3 }, newRS: ['foo-v2', 2], oldRSs: [['foo-v1', 3, OLD]], expectNew: 1, expectOld: [2] },
    { id: 'proportional scaling: 9 -> 4', from: { replicas: 9 }, to: { replicas: 4 }, newRS: ['foo-v2', 8], oldRSs: [['foo-v1', 1, OLD]], expectNew: 4, expectOld: [0] },
    { id: 'dep-scale-06: 7 -> 10', from: { replicas: 7 }, to: { replicas: 10 }, newRS: ['foo-v3', 2], oldRSs: [['foo-v2', 3, OLD], ['foo-v1', 2, OLDER]], expectNew: 3, expectOld: [4, 3] },
    { id: 'dep-scale-07: 13 -> 8', from: { replicas: 13 }, to: { replicas: 8 }, newRS: ['foo-v3', 2], oldRSs: [['foo-v2', 8, OLD], ['foo-v1', 3, OLDER]], expectNew: 1, expectOld: [5, 2] },
    { id: 'leftover distribution: 3 -> 4', from: { replicas: 3 }, to: { replicas: 4 }, newRS: ['foo-v3', 1], oldRSs: [['foo-v2', 1, OLD], ['foo-v1', 1, OLDER]], expectNew: 2, expectOld: [1, 1] },
    { id: 'dep-scale-09: leftover distribution 3 -> 2', from: { replicas: 3 }, to: { replicas: 2 }, newRS: ['foo-v3', 1], oldRSs: [['foo-v2', 1, OLD], ['foo-v1', 1, OLDER]], expectNew: 1, expectOld: [1, 0] },
    { id: 'no new rs: 4 -> 5', from: { replicas: 4 }, to: { replicas: 5 }, oldRSs: [['foo-v2', 2, OLD], ['foo-v1', 2, OLDER]], expectOld: [3, 2] },
    { id: 'scales down to zero: 6 -> 0', from: { replicas: 6 }, to: { replicas: 0 }, newRS: ['foo-v3', 3], oldRSs: [['foo-v2', 2, OLD], ['foo-v1', 1, OLDER]], expectNew: 0, expectOld: [0, 0] },
    { id: 'scales up from zero: 0 -> 6', from: { replicas: 6 }, to: { replicas: 6 }, newRS: ['foo-v3', 0], oldRSs: [['foo-v2', 0, OLD], ['foo-v1', 0, OLDER]], expectNew: 6, expectOld: [0, 0] },
    { id: 'dep-scale-13: surge 2, 10 -> 20', from: { replicas: 10, maxSurge: 2 }, to: { replicas: 20, maxSurge: 2 }, newRS: ['foo-v2', 6], oldRSs: [['foo-v1', 6, OLD]], expectNew: 11, expectOld: [11] },
    { id: 'dep-scale-14: 10 (surge 3) -> 50 (surge 6)', from: { replicas: 10, maxSurge: 3 }, to: { replicas: 50, maxSurge: 6 }, newRS: ['foo-v2', 5], oldRSs: [['foo-v1', 8, OLD]], expectNew: 22, expectOld: [34] },
    {
      id: 'saturated but broken new replica set does not affect old pods',
      from: { replicas: 2, maxSurge: 1, maxUnavailable: 1 },
      to: { replicas: 2, maxSurge: 1, maxUnavailable: 1 },
      newRS: ['foo-v2', 2],
      oldRSs: [['foo-v1', 1, OLD]],
      expectNew: 2,
      expectOld: [1],
    },
  ];
  for (const c of cases) {
    it(c.id, () => {
      const { sizes, newRS, oldRSs } = runScale(c);
      if (newRS) expect(sizes.get(newRS.metadata.name)).toBe(c.expectNew);
      expect(oldRSs.map((r) => sizes.get(r.metadata.name))).toEqual(c.expectOld);
    });
  }

  it('a saturated new ReplicaSet empties the old ones', () => {
    const { ops } = runScale({ id: 'saturated', from: { replicas: 3 }, to: { replicas: 3 }, newRS: ['foo-v2', 3], newAvailable: 3, oldRSs: [['foo-v1', 2, OLD]], expectOld: [0] });
    expect(ops.scaled).toEqual(['foo-v1 down 2->0']);
  });

  it('records the scaling direction on each resized ReplicaSet', () => {
    const { ops } = runScale({ id: 'events', from: { replicas: 7 }, to: { replicas: 10 }, newRS: ['foo-v3', 2], oldRSs: [['foo-v2', 3, OLD], ['foo-v1', 2, OLDER]], expectOld: [] });
    expect(ops.scaled).toEqual(['foo-v2 up 3->4', 'foo-v3 up 2->3', 'foo-v1 up 2->3']);
  });
});

describe('cleanupDeployment (TestDeploymentController_cleanupDeployment)', () => {
  function deletions(limit: number, olds: StoredReplicaSet[]): string[] {
    const ops = new FakeOps();
    expect(cleanupDeployment(ops, olds, deployment({ replicas: 1, revisionHistoryLimit: limit }))).toBeUndefined();
    return ops.deleted;
  }
  const empty = (name: string, rev: number) => rs(name, 0, { statusReplicas: 0, revision: rev });

  it('limit 1 of three empty ReplicaSets deletes the two oldest revisions', () => {
    expect(deletions(1, [empty('foo-3', 3), empty('foo-1', 1), empty('foo-2', 2)])).toEqual(['foo-1', 'foo-2']);
  });

  it('dep-history-cleanup-2: only the ReplicaSet with spec=status=0 goes', () => {
    const olds = [rs('foo-1', 0, { statusReplicas: 0, revision: 1 }), rs('foo-2', 0, { statusReplicas: 1, revision: 2 }), rs('foo-3', 1, { statusReplicas: 0, revision: 3 }), rs('foo-4', 1, { statusReplicas: 1, revision: 4 })];
    expect(deletions(0, olds)).toEqual(['foo-1']);
  });

  it('skips ReplicaSets being deleted or with an unobserved generation; MaxInt32 keeps everything', () => {
    const deleting = empty('foo-1', 1);
    (deleting.metadata as { deletionTimestamp?: string }).deletionTimestamp = '2025-01-01T00:00:00Z';
    expect(deletions(0, [deleting])).toEqual([]);
    expect(deletions(0, [rs('foo-2', 0, { statusReplicas: 0, revision: 2, generation: 3, observedGeneration: 2 })])).toEqual([]);
    expect(deletions(2147483647, [empty('a', 1), empty('b', 2)])).toEqual([]);
  });
});

describe('calculateStatus', () => {
  it('sums the ReplicaSets and sets Available against MinAvailable', () => {
    const d = deployment({ replicas: 4, maxSurge: 1, maxUnavailable: 1, generation: 3 });
    const newRS = rs('new', 2, { statusReplicas: 2, available: 1 });
    const old = rs('old', 3, { statusReplicas: 3, available: 3 });
    const s = calculateStatus([old, newRS], newRS, d, Date.UTC(2025, 0, 1));
    expect(s).toMatchObject({ observedGeneration: 3, replicas: 5, updatedReplicas: 2, availableReplicas: 4, unavailableReplicas: 1 });
    expect(s.conditions).toEqual([
      { type: 'Available', status: 'True', lastUpdateTime: '2025-01-01T00:00:00Z', lastTransitionTime: '2025-01-01T00:00:00Z', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' },
    ]);
  });
});
