import { describe, expect, it } from 'vitest';
import { slowStartBatch, slowStartBatchSizes } from './slow-start';

describe('slowStartBatch', () => {
  it('rs-slowstart-10: 10 creates go in batches 1, 2, 4, 3', () => {
    expect(slowStartBatchSizes(10)).toEqual([1, 2, 4, 3]);
  });

  it('batch sizes for other counts', () => {
    expect(slowStartBatchSizes(0)).toEqual([]);
    expect(slowStartBatchSizes(1)).toEqual([1]);
    expect(slowStartBatchSizes(3)).toEqual([1, 2]);
    expect(slowStartBatchSizes(500)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 245]);
  });

  it('runs every call of a failing batch, then skips the rest', () => {
    let calls = 0;
    // Call 3 (the second of batch [2,3]) fails: batch 2 completes, batch 3 never starts.
    const r = slowStartBatch(10, 1, () => (++calls === 3 ? 'quota exceeded' : undefined));
    expect(calls).toBe(3);
    expect(r).toEqual({ successes: 2, error: 'quota exceeded' });
  });

  it('reports every success when nothing fails', () => {
    let calls = 0;
    expect(slowStartBatch(7, 1, () => void calls++)).toEqual({ successes: 7 });
    expect(calls).toBe(7);
  });
});
