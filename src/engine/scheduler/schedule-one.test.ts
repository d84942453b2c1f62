import { describe, expect, it } from 'vitest';
import { createRng } from '../sim/rng';
import { numFeasibleNodesToFind, selectHost, truncateMessage } from './schedule-one';

describe('numFeasibleNodesToFind (golden)', () => {
  it.each([
    ['small clusters check every node', 50, undefined, 50],
    ['sched-numfeasible-1000-0', 1000, 0, 420],
    ['sched-numfeasible-6000-0', 6000, 0, 300],
    ['sched-numfeasible-2000-0', 2000, 0, 680],
    ['explicit percentage', 1000, 40, 400],
    ['never below 100', 1000, 1, 100],
    ['5000 nodes adaptive (10%)', 5000, undefined, 500],
  ])('%s', (_name, nodes, pct, want) => {
    expect(numFeasibleNodesToFind(pct, nodes)).toBe(want);
  });
});

describe('selectHost', () => {
  it('picks the highest total', () => {
    expect(selectHost(Float64Array.from([3, 9, 4]), createRng(1))).toBe(1);
  });

  it('breaks ties uniformly with the seeded RNG', () => {
    const rng = createRng(5);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) counts[selectHost(Float64Array.from([7, 9, 9, 9]), rng)]!++;
    expect(counts[0]).toBe(0);
    for (const c of counts.slice(1)) expect(c).toBeGreaterThan(1150);
    // Deterministic for a seed.
    const a = createRng(9);
    const b = createRng(9);
    const seq = (r: typeof a) => Array.from({ length: 20 }, () => selectHost(Float64Array.from([1, 1, 1]), r));
    expect(seq(a)).toEqual(seq(b));
  });
});

describe('truncateMessage', () => {
  it('keeps messages up to 1024 characters and cuts longer ones with " ..."', () => {
    expect(truncateMessage('x'.repeat(1024))).toHaveLength(1024);
    const t = truncateMessage('y'.repeat(2000));
    expect(t).toHaveLength(1024);
    expect(t.endsWith('y ...')).toBe(true);
  });
});
