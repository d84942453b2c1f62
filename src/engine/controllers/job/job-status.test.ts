import { describe, expect, it } from 'vitest';
import type { JobCondition } from 'kubernetes-types/batch/v1';
import { ensureJobConditionStatus, serializeJobStatus, workingStatus } from './job-status';

const T = Date.UTC(2026, 0, 15, 9, 1, 23);

describe('Job status as v1.34 stores it', () => {
  it('omits zero counters and empty strings, keeps ready, terminating and uncountedTerminatedPods', () => {
    const w = workingStatus(undefined);
    w.startTime = '2026-01-15T09:01:00Z';
    w.succeeded = 1;
    w.ready = 0;
    w.terminating = 0;
    expect(JSON.stringify(serializeJobStatus(w))).toBe('{"startTime":"2026-01-15T09:01:00Z","succeeded":1,"terminating":0,"uncountedTerminatedPods":{},"ready":0}');
  });
  it('round-trips uncounted uids', () => {
    const w = workingStatus({ active: 2, uncountedTerminatedPods: { failed: ['u1'] } });
    expect(serializeJobStatus(w)).toEqual({ active: 2, uncountedTerminatedPods: { failed: ['u1'] } });
  });
});

describe('ensureJobConditionStatus', () => {
  it('appends a True condition, never a new False one, and replaces one whose status or reason changed', () => {
    const list: JobCondition[] = [];
    expect(ensureJobConditionStatus(list, 'Suspended', 'False', 'JobResumed', 'Job resumed', T)).toBe(false);
    expect(list).toEqual([]);
    expect(ensureJobConditionStatus(list, 'Suspended', 'True', 'JobSuspended', 'Job suspended', T)).toBe(true);
    expect(ensureJobConditionStatus(list, 'Suspended', 'True', 'JobSuspended', 'Job suspended', T + 5000)).toBe(false);
    expect(ensureJobConditionStatus(list, 'Suspended', 'False', 'JobResumed', 'Job resumed', T + 9000)).toBe(true);
    expect(list).toEqual([{ type: 'Suspended', status: 'False', lastProbeTime: '2026-01-15T09:01:32Z', lastTransitionTime: '2026-01-15T09:01:32Z', reason: 'JobResumed', message: 'Job resumed' }]);
  });
});
