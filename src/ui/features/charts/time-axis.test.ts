import { describe, expect, it } from 'vitest';
import { clockTick, timeTicks } from './time-axis';

const T = Date.UTC(2026, 0, 15, 9, 1, 0);

describe('time axis', () => {
  it('labels ticks with the cluster time of day in UTC', () => {
    expect(clockTick(T + 5_000)).toBe('09:01:05');
  });

  it('puts about four ticks on round times', () => {
    expect(timeTicks([T + 3_000, T + 33_000]).map(clockTick)).toEqual(['09:01:10', '09:01:20', '09:01:30']);
    expect(timeTicks([T, T + 5 * 60_000]).map(clockTick)).toEqual(['09:02:00', '09:04:00', '09:06:00']);
    expect(timeTicks([T, T + 60 * 60_000]).map(clockTick)).toEqual(['09:15:00', '09:30:00', '09:45:00', '10:00:00']);
  });
});
