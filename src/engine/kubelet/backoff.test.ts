import { describe, expect, it } from 'vitest';
import { Backoff, INITIAL_BACKOFF_MS, MAX_BACKOFF_MS } from './backoff';

describe('Backoff', () => {
  it('gives the kubelet restart waits 0, 10, 20, 40, 80, 160, 300, 300 s', () => {
    const b = new Backoff();
    const waits: number[] = [];
    let now = 0;
    for (let i = 0; i < 8; i++) {
      const wait = b.get('uid/c', now);
      waits.push(wait / 1000);
      b.next('uid/c', now);
      now += wait + 1_000;
    }
    expect(waits).toEqual([0, 10, 20, 40, 80, 160, 300, 300]);
    expect(INITIAL_BACKOFF_MS).toBe(10_000);
    expect(MAX_BACKOFF_MS).toBe(300_000);
  });

  it('forgets an entry more than 2 × 300 s after its last update', () => {
    const b = new Backoff();
    b.next('k', 0);
    b.next('k', 1_000);
    expect(b.get('k', 1_000 + 600_000)).toBe(20_000);
    expect(b.get('k', 1_000 + 600_001)).toBe(0);
    expect(b.next('k', 1_000 + 600_001)).toBe(10_000);
  });

  it('reports whether an event is still inside the current backoff', () => {
    const b = new Backoff();
    expect(b.isInBackOff('k', 0, 0)).toBe(false);
    b.next('k', 0);
    expect(b.isInBackOff('k', 0, 9_999)).toBe(true);
    expect(b.isInBackOff('k', 0, 10_000)).toBe(false);
  });

  it('clears every entry of a pod by prefix', () => {
    const b = new Backoff();
    b.next('pod-a/c1', 0);
    b.next('pod-a/c2', 0);
    b.next('pod-b/c1', 0);
    b.clearPrefix('pod-a/');
    expect([b.get('pod-a/c1', 0), b.get('pod-a/c2', 0), b.get('pod-b/c1', 0)]).toEqual([0, 0, 10_000]);
  });
});
