import { describe, expect, it } from 'vitest';
import { createRng } from './rng';

const draws = (seed: number, n: number, label?: string): number[] => {
  const r = label === undefined ? createRng(seed) : createRng(seed).fork(label);
  return Array.from({ length: n }, () => r.next());
};

describe('createRng', () => {
  it('gives the same sequence for the same seed and different ones for different seeds', () => {
    expect(draws(42, 20)).toEqual(draws(42, 20));
    expect(draws(42, 20)).not.toEqual(draws(43, 20));
  });

  it('draws floats in [0, 1), integers in [0, n) and ranges in [min, max)', () => {
    const r = createRng(7);
    const floats: number[] = [];
    const ints = new Set<number>();
    const ranged: number[] = [];
    for (let i = 0; i < 5_000; i++) {
      floats.push(r.next());
      ints.add(r.int(6));
      ranged.push(r.range(-3, 5));
    }
    expect(Math.min(...floats)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...floats)).toBeLessThan(1);
    expect([...ints].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Math.min(...ranged)).toBeGreaterThanOrEqual(-3);
    expect(Math.max(...ranged)).toBeLessThan(5);
  });

  it('is roughly uniform', () => {
    const r = createRng(3);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 20_000; i++) buckets[r.int(10)]!++;
    for (const b of buckets) expect(Math.abs(b - 2_000)).toBeLessThan(250);
  });

  it('forks streams by label: stable, distinct per label, and independent of draws on the parent', () => {
    expect(draws(1, 10, 'scheduler')).toEqual(draws(1, 10, 'scheduler'));
    expect(draws(1, 10, 'scheduler')).not.toEqual(draws(1, 10, 'kubelet'));
    expect(draws(1, 10, 'scheduler')).not.toEqual(draws(2, 10, 'scheduler'));
    const parent = createRng(1);
    for (let i = 0; i < 100; i++) parent.next();
    const late = parent.fork('scheduler');
    expect(Array.from({ length: 10 }, () => late.next())).toEqual(draws(1, 10, 'scheduler'));
  });

  it('forks of forks are deterministic and differ from their parent', () => {
    const a = createRng(9).fork('x').fork('y');
    const b = createRng(9).fork('x').fork('y');
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(draws(9, 5, 'x')).not.toEqual(xs);
  });
});
