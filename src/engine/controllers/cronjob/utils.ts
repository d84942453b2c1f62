/**
 * CronJob schedule arithmetic and Job construction: the most recent missed schedule time (with upstream's
 * approximation), when to sync next, the Job a schedule time produces, and history ordering.
 * Models pkg/controller/cronjob/utils.go (mostRecentScheduleTime, nextScheduleTime, nextScheduleTimeDuration,
 * getJobFromTemplate2, byJobStartTime, inActiveList, deleteFromActiveList) and cronjob_controllerv2.go (getJobName,
 * formatSchedule).
 */
import type { CronJob } from 'kubernetes-types/batch/v1';
import type { ObjectReference } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types';
import { deepCopy, fromTimestamp, newControllerRef } from '../../api/meta';
import type { StoredJob } from '../job/job-util';
import type { CronSchedule } from './schedule';

/** A CronJob as stored by the apiserver. */
export type StoredCronJob = CronJob & KubeObject;

/** The component name the CronJob controller records events under. */
export const CRONJOB_CONTROLLER = 'cronjob-controller';

/** Syncs for the next schedule happen this long after it, so the schedule time has surely passed (nextScheduleDelta). */
export const NEXT_SCHEDULE_DELTA_MS = 100;

/** Annotation with the schedule time a Job was created for (CronJobsScheduledAnnotation, on by default). */
export const CRONJOB_SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

/** How many schedule times were missed: none, a few, or more than 100 (which warrants an event). */
export type MissedSchedules = 'none' | 'few' | 'many';

/** Result of mostRecentScheduleTime. */
export interface MostRecentSchedule {
  /** The last schedule time, or the creation time, possibly moved up to now - startingDeadlineSeconds. */
  earliestMs: number;
  /** The most recent schedule time at or before now, if the approximation finds one. */
  mostRecentMs?: number;
  missed: MissedSchedules;
  /** Set for schedules that never fire or fire less than a second apart. */
  error?: string;
}

/** Guards the scan from potentialEarliest to now against schedules that do not advance. */
const MAX_SCAN = 10_000;

/**
 * Models mostRecentScheduleTime. It does not walk every missed time: it takes the interval between the first two
 * schedule times after `earliest`, estimates how many intervals fit until now, and scans from one interval before
 * that estimate. For irregular schedules (`30 10,11,12 * * 1-5`) the estimate can land after the last real
 * schedule time and the result is undefined although times were missed; upstream keeps that quirk and so does this.
 */
export function mostRecentScheduleTime(cj: StoredCronJob, nowMs: number, schedule: CronSchedule, includeStartingDeadlineSeconds: boolean): MostRecentSchedule {
  let earliestMs = fromTimestamp(cj.status?.lastScheduleTime) ?? fromTimestamp(cj.metadata.creationTimestamp) ?? nowMs;
  const sds = cj.spec?.startingDeadlineSeconds;
  if (includeStartingDeadlineSeconds && sds !== undefined && sds !== null) {
    // The controller is not going to schedule anything before this point.
    const deadline = nowMs - sds * 1000;
    if (deadline > earliestMs) earliestMs = deadline;
  }
  const t1 = schedule.next(earliestMs);
  const t2 = t1 === undefined ? undefined : schedule.next(t1);
  const lessThanASecond = 'time difference between two schedules is less than 1 second';
  if (t1 === undefined || t2 === undefined) return { earliestMs, missed: 'none', error: lessThanASecond };
  if (nowMs < t1) return { earliestMs, missed: 'none' };
  if (nowMs < t2) return { earliestMs, mostRecentMs: t1, missed: 'none' };
  // Go: int64(t2.Sub(t1).Round(time.Second).Seconds()) and int64(now.Sub(t1).Seconds()).
  const intervalS = Math.round((t2 - t1) / 1000);
  if (intervalS < 1) return { earliestMs, missed: 'none', error: lessThanASecond };
  const elapsedS = Math.trunc((nowMs - t1) / 1000);
  const missedCount = Math.floor(elapsedS / intervalS) + 1;
  // Back off one interval from the estimate and let the schedule find the real times (this is what makes `@every`
  // and regular schedules exact).
  const potentialEarliestMs = t1 + (missedCount - 2) * intervalS * 1000;
  let mostRecentMs: number | undefined;
  let n = 0;
  for (let t = schedule.next(potentialEarliestMs); t !== undefined && t <= nowMs && n < MAX_SCAN; t = schedule.next(t), n++) mostRecentMs = t;
  const missed: MissedSchedules = missedCount > 100 ? 'many' : missedCount > 0 ? 'few' : 'none';
  return mostRecentMs === undefined ? { earliestMs, missed } : { earliestMs, mostRecentMs, missed };
}

/**
 * Models nextScheduleTime: the schedule time to act on now (within startingDeadlineSeconds), or none. The caller
 * records TooManyMissedTimes when `missed` is `many`.
 */
export function nextScheduleTime(cj: StoredCronJob, nowMs: number, schedule: CronSchedule): { timeMs?: number; missed: MissedSchedules; error?: string } {
  const r = mostRecentScheduleTime(cj, nowMs, schedule, true);
  if (r.mostRecentMs === undefined || r.mostRecentMs > nowMs) return { missed: r.missed, ...(r.error ? { error: r.error } : {}) };
  return { timeMs: r.mostRecentMs, missed: r.missed };
}

/**
 * Models nextScheduleTimeDuration: how long until the sync for the next schedule time (100 ms after it). Undefined
 * when the schedule never fires again.
 */
export function nextScheduleTimeDurationMs(cj: StoredCronJob, nowMs: number, schedule: CronSchedule): number | undefined {
  const r = mostRecentScheduleTime(cj, nowMs, schedule, false);
  let base: number;
  if (r.error) base = nowMs;
  else if (r.mostRecentMs === undefined) base = r.missed === 'none' ? r.earliestMs : nowMs;
  else base = r.mostRecentMs;
  const next = schedule.next(base);
  return next === undefined ? undefined : next + NEXT_SCHEDULE_DELTA_MS - nowMs;
}

/** Models getJobName: `<cronjob>-<scheduled time in Unix minutes>`, so one schedule time gives one Job. */
export function getJobName(cj: StoredCronJob, scheduledMs: number): string {
  return `${cj.metadata.name}-${Math.floor(Math.floor(scheduledMs / 1000) / 60)}`;
}

/**
 * Models formatSchedule: the schedule with `TZ=<timeZone> ` prepended when spec.timeZone names a known zone.
 * `usesTZ` tells the caller to warn that TZ in the schedule itself is unsupported.
 */
export function formatSchedule(cj: StoredCronJob, isKnownZone: (tz: string) => boolean): { schedule: string; usesTZ: boolean } {
  const s = cj.spec?.schedule ?? '';
  if (s.includes('TZ')) return { schedule: s, usesTZ: true };
  const tz = cj.spec?.timeZone;
  if (tz !== undefined && tz !== null) return { schedule: isKnownZone(tz) ? `TZ=${tz} ${s}` : s, usesTZ: false };
  return { schedule: s, usesTZ: false };
}

/**
 * Models getJobFromTemplate2: the Job for one schedule time, with the template's labels and annotations, the
 * scheduled-timestamp annotation (RFC 3339 in the CronJob's time zone) and a controller reference to the CronJob.
 */
export function jobFromTemplate(cj: StoredCronJob, scheduledMs: number): KubeObject {
  const tpl = cj.spec?.jobTemplate;
  const labels = { ...(tpl?.metadata?.labels ?? {}) };
  const annotations: Record<string, string> = { ...(tpl?.metadata?.annotations ?? {}) };
  annotations[CRONJOB_SCHEDULED_TIMESTAMP_ANNOTATION] = formatRFC3339InZone(scheduledMs, cj.spec?.timeZone ?? undefined);
  const metadata: KubeObject['metadata'] = { name: getJobName(cj, scheduledMs), namespace: cj.metadata.namespace };
  if (Object.keys(labels).length > 0) metadata.labels = labels;
  metadata.annotations = annotations;
  metadata.ownerReferences = [newControllerRef(cj)];
  return { apiVersion: 'batch/v1', kind: 'Job', metadata, spec: deepCopy(tpl?.spec ?? {}) };
}

/** Models byJobStartTime.Less: started before not started, earlier start first, then by name. */
export function jobStartTimeLess(a: StoredJob, b: StoredJob): boolean {
  const sa = fromTimestamp(a.status?.startTime);
  const sb = fromTimestamp(b.status?.startTime);
  if (sb === undefined) return sa !== undefined;
  if (sa === sb) return a.metadata.name < b.metadata.name;
  return sa !== undefined && sa < sb;
}

/** Models inActiveList. */
export function inActiveList(active: readonly ObjectReference[], uid: string | undefined): boolean {
  return active.some((r) => r.uid === uid);
}

/** Models inActiveListByName. */
export function inActiveListByName(active: readonly ObjectReference[], namespace: string | undefined, name: string): boolean {
  return active.some((r) => r.name === name && r.namespace === namespace);
}

/** Models getRef: the ObjectReference of a Job, in Go field order. */
export function jobReference(job: KubeObject): ObjectReference {
  return { kind: 'Job', namespace: job.metadata.namespace, name: job.metadata.name, uid: job.metadata.uid, apiVersion: 'batch/v1', resourceVersion: job.metadata.resourceVersion };
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123Z of a UTC time: `Mon, 02 Jan 2006 15:04:05 +0000`. */
export function formatRFC1123Z(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** Go's time.RFC3339 of `ms` in `tz` (UTC prints `Z`, other zones their offset, `+09:00`). */
export function formatRFC3339InZone(ms: number, tz: string | undefined): string {
  const utc = new Date(Math.floor(ms / 1000) * 1000);
  if (!tz || tz === 'UTC') return utc.toISOString().replace('.000Z', 'Z');
  let offsetMin: number;
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(utc);
    const get = (t: string) => Number(parts.find((x) => x.type === t)?.value ?? '0');
    const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    offsetMin = Math.round((local - utc.getTime()) / 60_000);
  } catch {
    offsetMin = 0;
  }
  const local = new Date(utc.getTime() + offsetMin * 60_000).toISOString().replace('.000Z', '');
  if (offsetMin === 0) return `${local}Z`;
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
