import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { completionIndexOf, firstPendingIndexes, formatIntervals, intervalsHave, parseIndexes, podGenerateNameWithIndex, withOrderedIndexes } from './indexed';
import { JOB_COMPLETION_INDEX_ANNOTATION } from './job-util';

const withIndex = (ix: number): Pod => ({ metadata: { annotations: { [JOB_COMPLETION_INDEX_ANNOTATION]: String(ix) } } });

describe('completed indexes (indexed_job_utils_test.go)', () => {
  it('formats two adjacent indexes as a list and three or more as a range', () => {
    expect(formatIntervals(withOrderedIndexes([], [0, 1, 3, 4, 5, 7, 9, 10]))).toBe('0,1,3-5,7,9,10');
  });
  it('merges new indexes into existing intervals', () => {
    expect(formatIntervals(withOrderedIndexes(parseIndexes('1,3-5', 10), [2, 6, 8]))).toBe('1-6,8');
  });
  it('parses, dropping what is beyond completions and skipping corrupted parts', () => {
    expect(parseIndexes('0-2,x,4,7-12', 9)).toEqual([{ first: 0, last: 2 }, { first: 4, last: 4 }, { first: 7, last: 8 }]);
    expect(parseIndexes('', 3)).toEqual([]);
  });
  it('answers membership', () => {
    const iv = parseIndexes('1,3-5', 10);
    expect([0, 1, 2, 3, 5, 6].map((i) => intervalsHave(iv, i))).toEqual([false, true, false, true, true, false]);
  });
});

describe('firstPendingIndexes', () => {
  it('skips succeeded and active indexes', () => {
    expect(firstPendingIndexes(parseIndexes('0,2', 6), [withIndex(1), withIndex(4)], undefined, 3, 6)).toEqual([3, 5]);
  });
  it('stops at count', () => {
    expect(firstPendingIndexes([], [], undefined, 2, 5)).toEqual([0, 1]);
  });
  it('counts terminating pods when only failed pods are replaced', () => {
    expect(firstPendingIndexes([], [], [withIndex(0)], 2, 3)).toEqual([1, 2]);
  });
});

describe('index names', () => {
  it('pods are named <job>-<index>-<5 chars>', () => {
    expect(podGenerateNameWithIndex('sample', 3)).toBe('sample-3-');
  });
  it('a long job name is cut so the prefix stays within 58 characters', () => {
    const p = podGenerateNameWithIndex('a'.repeat(60), 12);
    expect(p.length).toBe(58);
    expect(p.endsWith('-12-')).toBe(true);
  });
  it('reads the annotation; anything else is unknown (-1)', () => {
    expect(completionIndexOf({ [JOB_COMPLETION_INDEX_ANNOTATION]: '7' })).toBe(7);
    expect(completionIndexOf({ [JOB_COMPLETION_INDEX_ANNOTATION]: '-1' })).toBe(-1);
    expect(completionIndexOf({ [JOB_COMPLETION_INDEX_ANNOTATION]: 'x' })).toBe(-1);
    expect(completionIndexOf(undefined)).toBe(-1);
  });
});
