import { describe, expect, it } from 'vitest';
import { humanDuration, shortHumanDuration, parseDuration, goDurationString } from './duration';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const Y = 365 * D;

describe('humanDuration (k8s-semantics §11 golden cases)', () => {
  const cases: [number, string][] = [
    [1 * S, '1s'], [70 * S, '70s'], [119_999, '119s'], [2 * M, '2m'], [2 * M + S, '2m1s'], [190 * S, '3m10s'],
    [10 * M - 1, '9m59s'], [10 * M + S, '10m'], [70 * M, '70m'], [179 * M + 59 * S, '179m'], [3 * H, '3h'],
    [3 * H + M, '3h1m'], [7 * H + 59 * M, '7h59m'], [8 * H + 59 * M, '8h'], [47 * H, '47h'], [49 * H, '2d1h'],
    [7 * D + 23 * H, '7d23h'], [8 * D + 23 * H, '8d'], [367 * D, '367d'], [729 * D, '729d'], [2 * Y, '2y'],
    [2 * Y + D, '2y1d'], [8 * Y - 1, '7y364d'], [8 * Y + 364 * D, '8y'], [-2 * S, '<invalid>'], [-1999, '0s'],
  ];
  for (const [ms, want] of cases) it(`${ms}ms -> ${want}`, () => expect(humanDuration(ms)).toBe(want));
});

describe('shortHumanDuration', () => {
  it('uses one unit', () => {
    expect(shortHumanDuration(59 * S)).toBe('59s');
    expect(shortHumanDuration(61 * S)).toBe('1m');
    expect(shortHumanDuration(25 * H)).toBe('1d');
    expect(shortHumanDuration(400 * D)).toBe('1y');
  });
});

describe('parseDuration', () => {
  it('parses Go durations and bare seconds', () => {
    expect(parseDuration('1h30m')).toBe(90 * M);
    expect(parseDuration('2.5s')).toBe(2500);
    expect(parseDuration('30', 's')).toBe(30 * S);
    expect(parseDuration('30')).toBeUndefined();
    expect(parseDuration('3x')).toBeUndefined();
  });
  it('formats like time.Duration.String', () => {
    expect(goDurationString(90 * S)).toBe('1m30s');
    expect(goDurationString(2500)).toBe('2.5s');
    expect(goDurationString(H)).toBe('1h0m0s');
  });
});
