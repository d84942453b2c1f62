import { describe, expect, it } from 'vitest';
import { parseGoDurationMs, parseStandardSchedule } from './schedule';

const at = (s: string) => Date.parse(s);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString().replace('.000Z', 'Z'));

function nexts(spec: string, from: string, n = 3): (string | undefined)[] {
  const p = parseStandardSchedule(spec);
  if (!p.ok) throw new Error(p.error);
  const out: (string | undefined)[] = [];
  let t: number | undefined = at(from);
  for (let i = 0; i < n && t !== undefined; i++) {
    t = p.schedule.next(t);
    out.push(iso(t));
  }
  return out;
}

describe('schedules (robfig/cron ParseStandard semantics over cron-parser)', () => {
  it('Next is strictly after the given time, at whole seconds', () => {
    expect(nexts('*/1 * * * *', '2026-01-15T09:00:00Z', 2)).toEqual(['2026-01-15T09:01:00Z', '2026-01-15T09:02:00Z']);
    expect(nexts('*/1 * * * *', '2026-01-15T09:00:59.900Z', 1)).toEqual(['2026-01-15T09:01:00Z']);
  });
  it('day of month OR day of week when both are restricted: `0 0 13 * 5` is every Friday and every 13th', () => {
    // 2016-05-19 is a Thursday; Fri 20th, Fri 27th, Fri 3rd June, Fri 10th, Mon 13th June.
    expect(nexts('0 0 13 * 5', '2016-05-19T10:00:00Z', 5)).toEqual(['2016-05-20T00:00:00Z', '2016-05-27T00:00:00Z', '2016-06-03T00:00:00Z', '2016-06-10T00:00:00Z', '2016-06-13T00:00:00Z']);
  });
  it('`*/1` in a day field is a wildcard (AND), `*/2` is a restriction (OR)', () => {
    // Weekdays only: Fri 20th, then Mon 23rd.
    expect(nexts('0 9 */1 * 1-5', '2016-05-20T10:00:00Z', 1)).toEqual(['2016-05-23T09:00:00Z']);
    // Odd days OR Mondays: Sat 21st is odd.
    expect(nexts('0 9 */2 * 1', '2016-05-20T10:00:00Z', 1)).toEqual(['2016-05-21T09:00:00Z']);
  });
  it('descriptors, including the ones cron-parser lacks', () => {
    expect(nexts('@hourly', '2016-05-19T10:00:00Z', 1)).toEqual(['2016-05-19T11:00:00Z']);
    expect(nexts('@midnight', '2016-05-19T10:00:00Z', 1)).toEqual(['2016-05-20T00:00:00Z']);
    expect(nexts('@weekly', '2016-05-19T10:00:00Z', 1)).toEqual(['2016-05-22T00:00:00Z']);
    expect(nexts('@annually', '2016-05-19T10:00:00Z', 1)).toEqual(['2017-01-01T00:00:00Z']);
  });
  it('@every adds the delay to the time truncated to the second (at least 1s)', () => {
    expect(nexts('@every 1h30m', '2016-05-19T10:00:00.500Z', 2)).toEqual(['2016-05-19T11:30:00Z', '2016-05-19T13:00:00Z']);
    expect(nexts('@every 10ms', '2016-05-19T10:00:00Z', 1)).toEqual(['2016-05-19T10:00:01Z']);
  });
  it('a TZ= prefix evaluates the fields in that zone', () => {
    expect(nexts('TZ=Asia/Tokyo 0 9 * * *', '2016-05-19T10:00:00Z', 1)).toEqual(['2016-05-20T00:00:00Z']);
    expect(nexts('TZ=America/New_York 0 9 * * *', '2016-05-19T10:00:00Z', 1)).toEqual(['2016-05-19T13:00:00Z']);
  });
  it('a schedule that can never fire has no next time (the parser returns the zero time)', () => {
    expect(nexts('59 23 31 2 *', '2016-05-19T10:00:00Z', 1)).toEqual([undefined]);
  });
  it('syntax errors carry the parser wording; unknown zones are rejected', () => {
    expect(parseStandardSchedule('* * * *')).toEqual({ ok: false, error: 'expected exactly 5 fields, found 4: [* * * *]' });
    expect(parseStandardSchedule('TZ=Mars/Olympus * * * * *')).toEqual({ ok: false, error: 'provided bad location Mars/Olympus: unknown time zone Mars/Olympus' });
  });
  it('parses Go durations', () => {
    expect(parseGoDurationMs('1h30m')).toBe(5_400_000);
    expect(parseGoDurationMs('1.5s')).toBe(1500);
    expect(parseGoDurationMs('90')).toBeUndefined();
  });
});
