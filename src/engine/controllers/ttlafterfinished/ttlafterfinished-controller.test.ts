import { describe, expect, it } from 'vitest';
import type { StoredJob } from '../job/job-util';
import { needsCleanup, ttlTimeLeftMs } from './ttlafterfinished-controller';

const T = Date.UTC(2026, 0, 15, 9, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

function job(ttl: number | undefined, finished?: { type: string; at: number }): StoredJob {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'j', namespace: 'default' },
    spec: { template: {}, ...(ttl !== undefined ? { ttlSecondsAfterFinished: ttl } : {}) },
    status: finished ? { conditions: [{ type: 'SuccessCriteriaMet', status: 'True', lastTransitionTime: iso(finished.at - 5000) }, { type: finished.type, status: 'True', lastTransitionTime: iso(finished.at) }] } : {},
  } as StoredJob;
}

describe('ttlSecondsAfterFinished (ttlafterfinished_controller.go timeLeft)', () => {
  it('counts from the Complete or Failed condition, not from earlier interim conditions', () => {
    expect(ttlTimeLeftMs(job(100, { type: 'Complete', at: T }), T + 30_000)).toBe(70_000);
    expect(ttlTimeLeftMs(job(0, { type: 'Failed', at: T }), T + 1)).toBe(-1);
  });
  it('only finished Jobs with a TTL need cleanup', () => {
    expect(needsCleanup(job(100))).toBe(false);
    expect(needsCleanup(job(undefined, { type: 'Complete', at: T }))).toBe(false);
    expect(needsCleanup(job(100, { type: 'Complete', at: T }))).toBe(true);
    expect(ttlTimeLeftMs(job(100), T)).toBeUndefined();
  });
});
