import { describe, expect, it } from 'vitest';
import { FailedPodsBackoff } from './backoff';

describe('FailedPodsBackoff', () => {
  it('starts at the initial delay, doubles up to the maximum, and forgets after twice the maximum', () => {
    const b = new FailedPodsBackoff(1_000, 8_000);
    expect(b.isInBackOffSinceUpdate('k', 0)).toBe(false);
    b.next('k', 0);
    expect(b.get('k')).toBe(1_000);
    expect(b.isInBackOffSinceUpdate('k', 999)).toBe(true);
    expect(b.isInBackOffSinceUpdate('k', 1_000)).toBe(false);
    b.next('k', 1_000);
    b.next('k', 3_000);
    b.next('k', 7_000);
    expect(b.get('k')).toBe(8_000);
    b.next('k', 15_000);
    expect(b.get('k')).toBe(8_000);
    b.next('k', 15_000 + 16_001);
    expect(b.get('k')).toBe(1_000);
    expect(b.get('other')).toBe(0);
  });
});
