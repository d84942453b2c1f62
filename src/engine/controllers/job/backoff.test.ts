import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { BackoffStore, DEFAULT_POD_FAILURE_BACKOFF_MS, MAX_POD_FAILURE_BACKOFF_MS, podFinishedTimeMs, remainingBackoffMs, remainingTimeForFailuresMs } from './backoff';

const T = Date.UTC(2009, 10, 10, 23, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();

function finishedPod(phase: 'Succeeded' | 'Failed', finishedMs: number): Pod {
  return { metadata: {}, status: { phase, containerStatuses: [{ name: 'c', image: 'x', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, finishedAt: iso(finishedMs) } } }] } };
}

describe('remaining backoff (backoff_utils_test.go TestGetRemainingBackoffTime, base 5s, max 700s)', () => {
  const cases: [string, number, number, number][] = [
    ['no failures', 0, 0, 0],
    ['job-backoff-remaining-2: one failure, no time elapsed', 1, 0, 5],
    ['one failure, 1s elapsed', 1, 1, 4],
    ['one failure, exactly the backoff elapsed', 1, 5, 0],
    ['one failure, backoff + 1s elapsed', 1, 6, 0],
    ['job-backoff-remaining-6: three failures', 3, 0, 20],
    ['job-backoff-remaining-7: eight failures, below the cap', 8, 0, 640],
    ['job-backoff-remaining-8: nine failures, capped', 9, 0, 700],
  ];
  for (const [name, failures, elapsedS, wantS] of cases) {
    it(name, () => {
      const last = failures === 0 ? undefined : T;
      expect(remainingTimeForFailuresMs(T + elapsedS * 1000, 5000, 700_000, failures, last)).toBe(wantS * 1000);
    });
  }

  it('job-backoff-default-sequence: 10s doubling, capped at 10 minutes (not the 6 the docs say)', () => {
    const seq = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => remainingBackoffMs({ key: 'k', failuresAfterLastSuccess: n, lastFailureTimeMs: T }, T) / 1000);
    expect(seq).toEqual([10, 20, 40, 80, 160, 320, 600, 600]);
    expect(DEFAULT_POD_FAILURE_BACKOFF_MS).toBe(10_000);
    expect(MAX_POD_FAILURE_BACKOFF_MS).toBe(600_000);
  });
});

describe('newBackoffRecord (TestNewBackoffRecord)', () => {
  const record = (succeeded: number[], failed: number[], init?: { failures: number }) => {
    const store = new BackoffStore();
    if (init) store.update({ key: 'key', failuresAfterLastSuccess: init.failures });
    const r = store.newRecord('key', succeeded.map((d) => finishedPod('Succeeded', T + d)), failed.map((d) => finishedPod('Failed', T + d)));
    return { failures: r.failuresAfterLastSuccess, last: r.lastFailureTimeMs === undefined ? undefined : r.lastFailureTimeMs - T };
  };
  it('one new failure', () => expect(record([], [0])).toEqual({ failures: 1, last: 0 }));
  it('two new failures: the latest is the last failure', () => expect(record([], [0, -1])).toEqual({ failures: 2, last: 0 }));
  it('two failures followed by a success reset the count', () => expect(record([0], [-2, -1])).toEqual({ failures: 0, last: undefined }));
  it('two failures, a success, two more failures', () => expect(record([-2], [0, -4, -3, -1])).toEqual({ failures: 2, last: 0 }));
  it('a stored count of 2 plus one failure', () => expect(record([], [0], { failures: 2 })).toEqual({ failures: 3, last: 0 }));
  it('success and failure at the same instant', () => expect(record([0], [0])).toEqual({ failures: 0, last: undefined }));
  it('nothing new', () => expect(record([], [])).toEqual({ failures: 0, last: undefined }));
  it('one success', () => expect(record([0], [])).toEqual({ failures: 0, last: undefined }));
});

describe('pod finish time (TestGetFinishedTime)', () => {
  const running = { name: 'c', image: 'x', imageID: '', ready: true, restartCount: 0, state: { running: {} } };
  const term = (ms: number) => ({ name: 'c', image: 'x', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, finishedAt: iso(ms) } } });
  it('all containers terminated: the latest finishedAt', () => {
    expect(podFinishedTimeMs({ status: { containerStatuses: [term(T - 1000), term(T), term(T - 2000)] } })).toBe(T);
  });
  it('a running container: falls back to deletionTimestamp', () => {
    expect(podFinishedTimeMs({ metadata: { deletionTimestamp: iso(T) }, status: { containerStatuses: [term(T - 1000), running] } })).toBe(T);
  });
  it('deletionTimestamp minus the grace period', () => {
    expect(podFinishedTimeMs({ metadata: { deletionTimestamp: iso(T), deletionGracePeriodSeconds: 30 }, status: { containerStatuses: [running] } })).toBe(T - 30_000);
  });
  it('Ready=False transition time when containers have no finishedAt', () => {
    const c = { name: 'c', image: 'x', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: 1 } } };
    expect(podFinishedTimeMs({ status: { containerStatuses: [c], conditions: [{ type: 'Ready', status: 'False', reason: 'PodFailed', lastTransitionTime: iso(T) }] } })).toBe(T);
  });
  it('creationTimestamp as the last resort', () => {
    const c = { name: 'c', image: 'x', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: 1 } } };
    expect(podFinishedTimeMs({ metadata: { creationTimestamp: iso(T) }, status: { containerStatuses: [c] } })).toBe(T);
  });
});
