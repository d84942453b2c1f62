import { describe, expect, it } from 'vitest';
import type { Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { activePodsForRemoval, isPodFailed, pastBackoffLimitOnFailure, wantActive } from './job-pods';
import { JOB_COMPLETION_INDEX_ANNOTATION } from './job-util';

describe('wantActive', () => {
  const cases: [string, number | undefined, number, number, number, number][] = [
    // name, completions, parallelism, succeeded, active, want
    ['job-wantactive-3: completions 5, parallelism 2, 4 succeeded', 5, 2, 4, 1, 1],
    ['parallelism caps the remaining completions', 5, 2, 0, 0, 2],
    ['all completions reached', 3, 2, 3, 0, 0],
    ['more succeeded than completions floors at 0', 3, 2, 4, 1, 0],
    ['work queue (no completions) before the first success: parallelism', undefined, 3, 0, 1, 3],
    ['work queue after the first success: keep what runs', undefined, 3, 1, 2, 2],
  ];
  for (const [name, completions, parallelism, succeeded, active, want] of cases) {
    it(name, () => expect(wantActive(completions, parallelism, succeeded, active)).toBe(want));
  }
});

const job = (spec: Job['spec']): Job => ({ spec: spec! });

describe('pod failure accounting', () => {
  it('a Failed pod is failed; a deleted running pod too, unless only failed pods are replaced', () => {
    const deleting: Pod = { metadata: { deletionTimestamp: '2026-01-15T09:00:00Z' }, status: { phase: 'Running' } };
    const template = { spec: { containers: [], restartPolicy: 'Never' } };
    expect(isPodFailed({ status: { phase: 'Failed' } }, job({ template }))).toBe(true);
    expect(isPodFailed(deleting, job({ template }))).toBe(true);
    expect(isPodFailed(deleting, job({ template, podReplacementPolicy: 'Failed' }))).toBe(false);
    expect(isPodFailed({ metadata: { deletionTimestamp: '2026-01-15T09:00:00Z' }, status: { phase: 'Succeeded' } }, job({ template }))).toBe(false);
  });

  it('OnFailure: restarts of running pods count against backoffLimit (any restart when it is 0)', () => {
    const pod = (restarts: number, phase = 'Running'): Pod => ({ status: { phase, containerStatuses: [{ name: 'c', image: 'x', imageID: '', ready: true, restartCount: restarts }] } });
    const onFailure = (backoffLimit: number) => job({ backoffLimit, template: { spec: { containers: [], restartPolicy: 'OnFailure' } } });
    expect(pastBackoffLimitOnFailure(onFailure(6), [pod(5)])).toBe(false);
    expect(pastBackoffLimitOnFailure(onFailure(6), [pod(3), pod(3)])).toBe(true);
    expect(pastBackoffLimitOnFailure(onFailure(6), [pod(9, 'Failed')])).toBe(false);
    expect(pastBackoffLimitOnFailure(onFailure(0), [pod(1)])).toBe(true);
    expect(pastBackoffLimitOnFailure(job({ backoffLimit: 0, template: { spec: { containers: [], restartPolicy: 'Never' } } }), [pod(1)])).toBe(false);
  });
});

describe('activePodsForRemoval', () => {
  const pod = (name: string, index?: number, phase = 'Running'): Pod => ({
    metadata: { name, creationTimestamp: '2026-01-15T09:00:00Z', ...(index !== undefined ? { annotations: { [JOB_COMPLETION_INDEX_ANNOTATION]: String(index) } } : {}) },
    spec: { nodeName: 'n', containers: [] },
    status: { phase },
  });
  it('NonIndexed: pending pods go before running ones', () => {
    const j = job({ template: {} });
    expect(activePodsForRemoval(j, [pod('a'), pod('b', undefined, 'Pending')], 1).map((p) => p.metadata!.name)).toEqual(['b']);
  });
  it('Indexed: duplicates, pods without an index and out-of-range indexes go even when none must', () => {
    const j = job({ completionMode: 'Indexed', completions: 3, template: {} });
    const names = activePodsForRemoval(j, [pod('i0'), pod('a', 0), pod('b', 1), pod('c', 1, 'Pending'), pod('d', 5)], 0).map((p) => p.metadata!.name).sort();
    expect(names).toEqual(['c', 'd', 'i0']);
  });
});
