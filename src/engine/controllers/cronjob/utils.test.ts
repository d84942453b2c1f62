import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { parseStandardSchedule, type CronSchedule } from './schedule';
import { formatRFC1123Z, formatRFC3339InZone, getJobName, jobFromTemplate, jobStartTimeLess, mostRecentScheduleTime, nextScheduleTime, nextScheduleTimeDurationMs, type StoredCronJob } from './utils';
import type { StoredJob } from '../job/job-util';

// All times UTC; 2016-05-19 is a Thursday (utils_test.go topOfTheHour).
const TOP = Date.UTC(2016, 4, 19, 10, 0, 0);
const after = (ms: number) => TOP + ms;
const MIN = 60_000;
const HOUR = 60 * MIN;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

function cronJob(schedule: string, o: { created?: number; last?: number; sds?: number } = {}): StoredCronJob {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello', namespace: 'default', uid: 'cj-uid', creationTimestamp: iso(o.created ?? TOP) },
    spec: { schedule, ...(o.sds !== undefined ? { startingDeadlineSeconds: o.sds } : {}), jobTemplate: { spec: { template: { spec: { containers: [] } } } } },
    status: o.last !== undefined ? { lastScheduleTime: iso(o.last) } : {},
  } as StoredCronJob;
}

function sched(spec: string): CronSchedule {
  const p = parseStandardSchedule(spec);
  if (!p.ok) throw new Error(p.error);
  return p.schedule;
}

describe('mostRecentScheduleTime (utils_test.go TestMostRecentScheduleTime)', () => {
  const cases: { id: string; cj: StoredCronJob; now: number; sds?: boolean; earliest: number; recent?: number; missed: string; error?: boolean }[] = [
    { id: 'now before next schedule', cj: cronJob('0 * * * *'), now: after(30_000), earliest: TOP, missed: 'none' },
    { id: 'cron-mostrecent-02: now just after next schedule', cj: cronJob('0 * * * *'), now: after(61 * MIN), earliest: TOP, recent: after(60 * MIN), missed: 'none' },
    { id: 'cron-mostrecent-03: missed 5 schedules', cj: cronJob('0 * * * *', { created: after(10_000) }), now: after(301 * MIN), earliest: after(10_000), recent: after(300 * MIN), missed: 'few' },
    { id: 'cron-mostrecent-04: complex schedule', cj: cronJob('30 6-16/4 * * 1-5', { last: after(30 * MIN) }), now: after(24 * HOUR + 31 * MIN), earliest: after(30 * MIN), recent: after(24 * HOUR + 30 * MIN), missed: 'few' },
    // The approximation quirk: 10:30/11:30/12:30 on weekdays; the estimate lands after Friday 12:30, so nothing is found.
    { id: 'cron-mostrecent-05: another complex schedule (approximation returns nil)', cj: cronJob('30 10,11,12 * * 1-5', { last: after(30 * MIN) }), now: after(30 * HOUR + 30 * MIN), earliest: after(30 * MIN), missed: 'few' },
    { id: 'complex schedule with longer diff between executions', cj: cronJob('30 6-16/4 * * 1-5', { last: after(30 * MIN) }), now: after(96 * HOUR + 31 * MIN), earliest: after(30 * MIN), recent: after(96 * HOUR + 30 * MIN), missed: 'few' },
    { id: 'complex schedule with shorter diff between executions', cj: cronJob('30 6-16/4 * * 1-5'), now: after(24 * HOUR + 31 * MIN), earliest: TOP, recent: after(24 * HOUR + 30 * MIN), missed: 'few' },
    { id: 'cron-mostrecent-08: @every schedule, too many missed', cj: cronJob('@every 1h', { created: after(-59 * MIN), last: after(MIN), sds: 10 }), now: after(7 * 24 * HOUR), earliest: after(MIN), recent: after(6 * 24 * HOUR + 23 * HOUR + MIN), missed: 'many' },
    { id: 'rogue cronjob (Feb 31 never comes)', cj: cronJob('59 23 31 2 *', { created: after(10_000) }), now: after(HOUR), earliest: after(10_000), missed: 'none', error: true },
    { id: 'earliest is the creation time and last schedule time', cj: cronJob('0 * * * *', { last: TOP }), now: after(30_000), earliest: TOP, missed: 'none' },
    { id: 'earliest is the last schedule time', cj: cronJob('*/5 * * * *', { last: after(30 * MIN) }), now: after(31 * MIN), earliest: after(30 * MIN), missed: 'none' },
    { id: 'earliest is the last schedule time (within startingDeadlineSeconds)', cj: cronJob('*/5 * * * *', { last: after(30 * MIN), sds: 60 }), now: after(31 * MIN), earliest: after(30 * MIN), missed: 'none' },
    { id: 'cron-mostrecent-12: earliest moved up to now - startingDeadlineSeconds', cj: cronJob('*/5 * * * *', { last: after(30 * MIN), sds: 60 }), sds: true, now: after(32 * MIN), earliest: after(31 * MIN), missed: 'none' },
  ];
  for (const tc of cases) {
    it(tc.id, () => {
      const r = mostRecentScheduleTime(tc.cj, tc.now, sched(tc.cj.spec!.schedule), tc.sds ?? false);
      expect(r.earliestMs).toBe(tc.earliest);
      expect(r.mostRecentMs).toBe(tc.recent);
      if (!tc.error) expect(r.missed).toBe(tc.missed);
      expect(r.error !== undefined).toBe(tc.error ?? false);
    });
  }
});

describe('nextScheduleTimeDuration (TestNextScheduleTimeDuration): next time + 100ms', () => {
  const cases: { id: string; cj: StoredCronJob; now: number; want: number }[] = [
    { id: 'complex schedule skipping weekend', cj: cronJob('30 6-16/4 * * 1-5', { last: after(30 * MIN) }), now: after(24 * HOUR + 31 * MIN), want: 3 * HOUR + 59 * MIN + 100 },
    { id: 'cron-requeue-2: another complex schedule skipping weekend (66h0m0.1s)', cj: cronJob('30 10,11,12 * * 1-5', { last: after(30 * MIN) }), now: after(30 * HOUR + 30 * MIN), want: 66 * HOUR + 100 },
    { id: 'once a week cronjob, missed two runs', cj: cronJob('0 12 * * 4', { last: after(2 * HOUR) }), now: after(19 * 24 * HOUR + HOUR + 30 * MIN), want: 48 * HOUR + 30 * MIN + 100 },
    { id: 'no previous run of a cronjob', cj: cronJob('0 12 * * 5'), now: after(6 * HOUR), want: 20 * HOUR + 100 },
  ];
  for (const tc of cases) {
    it(tc.id, () => expect(nextScheduleTimeDurationMs(tc.cj, tc.now, sched(tc.cj.spec!.schedule))).toBe(tc.want));
  }
  it('every minute: the sync lands 100ms after the next minute boundary', () => {
    const cj = cronJob('*/1 * * * *', { created: after(10_000) });
    expect(nextScheduleTimeDurationMs(cj, after(10_500), sched('*/1 * * * *'))).toBe(MIN - 10_500 + 100);
  });
});

describe('nextScheduleTime', () => {
  it('is the most recent time within startingDeadlineSeconds', () => {
    const cj = cronJob('*/1 * * * *', { created: TOP });
    expect(nextScheduleTime(cj, after(MIN + 100), sched('*/1 * * * *'))).toEqual({ timeMs: after(MIN), missed: 'none' });
    expect(nextScheduleTime(cj, after(30_000), sched('*/1 * * * *')).timeMs).toBeUndefined();
  });
});

describe('Jobs from a CronJob', () => {
  it('cron-job-name: hello at 2016-05-19T10:00Z is hello-24394200 (Unix minutes)', () => {
    expect(getJobName(cronJob('* * * * *'), TOP)).toBe('hello-24394200');
    expect(getJobName(cronJob('* * * * *'), TOP + 59_999)).toBe('hello-24394200');
  });
  it('carries the template, the scheduled-timestamp annotation and a controller reference', () => {
    const cj = cronJob('* * * * *');
    cj.spec!.jobTemplate.metadata = { labels: { team: 'a' }, annotations: { note: 'x' } };
    const job = jobFromTemplate(cj, TOP) as KubeObject;
    expect(job.metadata).toEqual({
      name: 'hello-24394200',
      namespace: 'default',
      labels: { team: 'a' },
      annotations: { note: 'x', 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2016-05-19T10:00:00Z' },
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', uid: 'cj-uid', controller: true, blockOwnerDeletion: true }],
    });
    expect(job.spec).toEqual(cj.spec!.jobTemplate.spec);
  });
  it('formats the scheduled timestamp in the CronJob time zone', () => {
    expect(formatRFC3339InZone(TOP, 'Asia/Tokyo')).toBe('2016-05-19T19:00:00+09:00');
    expect(formatRFC3339InZone(TOP, 'America/New_York')).toBe('2016-05-19T06:00:00-04:00');
    expect(formatRFC3339InZone(TOP, undefined)).toBe('2016-05-19T10:00:00Z');
  });
  it('formats missed schedule times as Go RFC1123Z', () => {
    expect(formatRFC1123Z(TOP)).toBe('Thu, 19 May 2016 10:00:00 +0000');
  });
  it('orders history by start time (unstarted last), then by name', () => {
    const j = (name: string, start?: number) => ({ metadata: { name }, status: start === undefined ? {} : { startTime: iso(start) } }) as unknown as StoredJob;
    expect(jobStartTimeLess(j('b', TOP), j('a', TOP + 1000))).toBe(true);
    expect(jobStartTimeLess(j('b', TOP), j('a', TOP))).toBe(false);
    expect(jobStartTimeLess(j('a', TOP), j('b'))).toBe(true);
    expect(jobStartTimeLess(j('a'), j('b', TOP))).toBe(false);
  });
});
