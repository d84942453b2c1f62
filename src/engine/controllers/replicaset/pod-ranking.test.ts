import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { toTimestamp } from '../../api/meta';
import { activePodsLess, getPodsToDelete, logarithmicRankDiff, rankedPodsLess, sortByLess, type RankedPod } from './pod-ranking';

const NOW = Date.UTC(2025, 5, 1, 12, 0, 0);
const HOUR = 3600_000;
const THEN = NOW - 30 * 24 * HOUR;

interface PodOpts {
  node?: string;
  phase?: string;
  ready?: boolean;
  readySince?: number;
  restarts?: number[];
  created?: number;
  uid?: string;
  cost?: string;
}

function pod(name: string, o: PodOpts = {}): Pod {
  const conditions = o.ready ? [{ type: 'Ready', status: 'True', ...(o.readySince !== undefined ? { lastTransitionTime: toTimestamp(o.readySince) } : {}) }] : [];
  return {
    metadata: {
      name,
      uid: o.uid ?? name,
      ...(o.created !== undefined ? { creationTimestamp: toTimestamp(o.created) } : {}),
      ...(o.cost !== undefined ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': o.cost } } : {}),
    },
    spec: { containers: [{ name: 'c' }], ...(o.node ? { nodeName: o.node } : {}) },
    status: {
      phase: o.phase ?? 'Running',
      conditions,
      containerStatuses: (o.restarts ?? []).map((n, i) => ({ name: `c${i}`, image: 'x', imageID: '', ready: !!o.ready, restartCount: n })),
    },
  };
}

describe('ActivePods order (controller_utils_test.go TestSortingActivePods)', () => {
  it('rs-activepods-order: sorts 9 pods from first-to-delete to last', () => {
    const expected = [
      pod('unscheduled', { phase: 'Pending' }),
      pod('scheduledButPending', { node: 'bar', phase: 'Pending' }),
      pod('unknownPhase', { node: 'foo', phase: 'Unknown' }),
      pod('runningButNotReady', { node: 'foo' }),
      pod('runningNoLastTransitionTime', { node: 'foo', ready: true, restarts: [3, 0] }),
      pod('runningWithLastTransitionTime', { node: 'foo', ready: true, readySince: NOW, restarts: [3, 0] }),
      pod('runningLongerTime', { node: 'foo', ready: true, readySince: THEN, restarts: [3, 0] }),
      pod('lowerContainerRestartCount', { node: 'foo', ready: true, readySince: THEN, restarts: [2, 1], created: NOW }),
      pod('oldest', { node: 'foo', ready: true, readySince: THEN, restarts: [2, 1], created: THEN }),
    ];
    // Several input orders, as upstream shuffles them.
    for (const perm of [[8, 7, 6, 5, 4, 3, 2, 1, 0], [3, 0, 8, 1, 6, 2, 7, 5, 4], [5, 6, 7, 8, 0, 1, 2, 3, 4]]) {
      const input = perm.map((i) => expected[i]!);
      expect(sortByLess(input, activePodsLess).map((p) => p.metadata!.name)).toEqual(expected.map((p) => p.metadata!.name));
    }
  });
});

function ranked(p: Pod, rank: number): RankedPod {
  return { pod: p, rank };
}

describe('ActivePodsWithRanks order (TestSortingActivePodsWithRanks)', () => {
  it('rs-rank-lt-02: an unscheduled pod goes before a scheduled pending one even with a higher rank', () => {
    const a = ranked(pod('unscheduled', { phase: 'Pending' }), 2);
    const b = ranked(pod('pending', { node: 'n', phase: 'Pending' }), 1);
    expect(rankedPodsLess(a, b, NOW)).toBe(true);
    expect(rankedPodsLess(b, a, NOW)).toBe(false);
  });

  it('rs-rank-lt-07: rank beats ready time', () => {
    const readyNow = ranked(pod('readyNow', { node: 'n', ready: true, readySince: NOW }), 2);
    const readyNoTime = ranked(pod('readyNoLTT', { node: 'n', ready: true }), 1);
    expect(rankedPodsLess(readyNow, readyNoTime, NOW)).toBe(true);
    expect(rankedPodsLess(readyNoTime, readyNow, NOW)).toBe(false);
  });

  it('rs-rank-lt-10: more container restarts goes first', () => {
    const many = ranked(pod('restarted', { node: 'n', ready: true, readySince: THEN, restarts: [9001], created: THEN }), 1);
    const none = ranked(pod('fresh', { node: 'n', ready: true, readySince: THEN, restarts: [0], created: THEN }), 1);
    expect(rankedPodsLess(many, none, NOW)).toBe(true);
    expect(rankedPodsLess(none, many, NOW)).toBe(false);
  });

  it('rs-rank-lt-14: a lower deletion cost beats a higher rank', () => {
    const cheap = ranked(pod('cost10', { node: 'n', ready: true, readySince: THEN, cost: '10' }), 1);
    const dear = ranked(pod('cost100', { node: 'n', ready: true, readySince: THEN, cost: '100' }), 2);
    expect(rankedPodsLess(cheap, dear, NOW)).toBe(true);
    expect(rankedPodsLess(dear, cheap, NOW)).toBe(false);
  });

  it('rs-rank-lt-15: ready 2h goes before ready 5h (log2 buckets 42 vs 44)', () => {
    const twoH = ranked(pod('ready2h', { node: 'n', ready: true, readySince: NOW - 2 * HOUR }), 1);
    const fiveH = ranked(pod('ready5h', { node: 'n', ready: true, readySince: NOW - 5 * HOUR }), 1);
    expect(logarithmicRankDiff(NOW - 2 * HOUR, NOW - 5 * HOUR, NOW)).toBe(42 - 44);
    expect(rankedPodsLess(twoH, fiveH, NOW)).toBe(true);
    expect(rankedPodsLess(fiveH, twoH, NOW)).toBe(false);
  });

  it('rs-rank-eq-5: ready 5h and 8h share bucket 44 and are equal (same uid)', () => {
    const fiveH = ranked(pod('a', { node: 'n', ready: true, readySince: NOW - 5 * HOUR, uid: '' }), 1);
    const eightH = ranked(pod('b', { node: 'n', ready: true, readySince: NOW - 8 * HOUR, uid: '' }), 1);
    expect(logarithmicRankDiff(NOW - 5 * HOUR, NOW - 8 * HOUR, NOW)).toBe(0);
    expect(rankedPodsLess(fiveH, eightH, NOW)).toBe(false);
    expect(rankedPodsLess(eightH, fiveH, NOW)).toBe(false);
  });

  it('same bucket falls back to the lower UID', () => {
    const a = ranked(pod('a', { node: 'n', ready: true, readySince: NOW - 5 * HOUR, uid: 'bbb' }), 1);
    const b = ranked(pod('b', { node: 'n', ready: true, readySince: NOW - 8 * HOUR, uid: 'aaa' }), 1);
    expect(rankedPodsLess(b, a, NOW)).toBe(true);
    expect(rankedPodsLess(a, b, NOW)).toBe(false);
  });

  it('newer creation goes first on log buckets; a missing timestamp counts as newest', () => {
    const newer = ranked(pod('newer', { node: 'n', created: NOW - 1000 }), 0);
    const older = ranked(pod('older', { node: 'n', created: NOW - 10 * HOUR }), 0);
    const none = ranked(pod('none', { node: 'n' }), 0);
    expect(rankedPodsLess(newer, older, NOW)).toBe(true);
    expect(rankedPodsLess(none, newer, NOW)).toBe(true);
  });
});

describe('getPodsToDelete', () => {
  it('rs-scaledown-choice-2: 3 -> 2 deletes the unscheduled Pending pod', () => {
    const pods = [
      pod('web-a', { node: 'n1', ready: true, readySince: THEN, created: THEN }),
      pod('web-b', { phase: 'Pending', created: NOW - 1000 }),
      pod('web-c', { node: 'n2', ready: true, readySince: THEN, created: THEN }),
    ];
    expect(getPodsToDelete(pods, pods, 1, NOW).map((p) => p.metadata!.name)).toEqual(['web-b']);
  });

  it('prefers pods doubled up on a node with related pods', () => {
    const a = pod('a', { node: 'n1', ready: true, readySince: THEN, created: THEN });
    const b = pod('b', { node: 'n2', ready: true, readySince: THEN, created: THEN });
    const sibling = pod('other-rs', { node: 'n2', ready: true, readySince: THEN, created: THEN });
    expect(getPodsToDelete([a, b], [a, b, sibling], 1, NOW).map((p) => p.metadata!.name)).toEqual(['b']);
  });

  it('deleting every pod needs no ranking', () => {
    const pods = [pod('x', { node: 'n' }), pod('y')];
    expect(getPodsToDelete(pods, pods, 2, NOW).map((p) => p.metadata!.name)).toEqual(['x', 'y']);
  });
});
