/**
 * The CronJob strategy: concurrency/suspend/history defaults, job-template pod defaults, and ValidateCronJob
 * (schedule syntax, time zone, the 52-character name limit, a job template without a selector).
 * Models pkg/apis/batch/v1/defaults.go SetDefaults_CronJob, pkg/registry/batch/cronjob/strategy.go and
 * pkg/apis/batch/validation/validation.go ValidateCronJobCreate / validateCronJobSpec.
 */
import type { KubeObject } from '../../api/types';
import { type FieldError, invalidValue, notSupported, required } from '../field-errors';
import { registerStrategy, type Strategy } from '../strategy';
import { dedupe, invalidRendered, nonNegative } from './common/errors';
import { cronScheduleError } from './common/cron';
import { goLabelSelector } from './common/go-format';
import { isUpdate, markUpdate } from './common/operation';
import { validateObjectMeta } from './common/meta';
import { defaultPodTemplate } from './common/pod-defaults';
import { validateJobSpecCommon } from './job';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const spec = (obj: KubeObject): Obj => (isObj(obj.spec) ? obj.spec : (obj.spec = {}));

/** Models SetDefaults_CronJob; the job template's JobSpec keeps its unset fields (SetDefaults_Job is per Job). */
function defaultCronJob(s: Obj): void {
  if (!s.concurrencyPolicy) s.concurrencyPolicy = 'Allow';
  if (s.suspend === undefined || s.suspend === null) s.suspend = false;
  if (s.successfulJobsHistoryLimit === undefined || s.successfulJobsHistoryLimit === null) s.successfulJobsHistoryLimit = 3;
  if (s.failedJobsHistoryLimit === undefined || s.failedJobsHistoryLimit === null) s.failedJobsHistoryLimit = 1;
  const jt = isObj(s.jobTemplate) ? s.jobTemplate : (s.jobTemplate = {});
  const js = isObj(jt.spec) ? jt.spec : (jt.spec = {});
  defaultPodTemplate(js.template ?? (js.template = {}));
}

const TZ_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

/** validateTimeZone (without the IANA database lookup). */
function validateTimeZone(tz: unknown, field: string): FieldError[] {
  if (tz === undefined || tz === null) return [];
  const s = String(tz);
  if (s.length === 0) return [invalidValue(field, s, 'timeZone must be nil or non-empty string')];
  for (const part of s.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !TZ_PART.test(part)) return [invalidValue(field, s, `unknown time zone ${s}`)];
  }
  if (s.toLowerCase() === 'local') return [invalidValue(field, s, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones')];
  return [];
}

/** validateCronJobSpec. */
function validateCronJobSpec(s: Obj, oldSchedule: string | undefined): FieldError[] {
  const errs: FieldError[] = [];
  const schedule = typeof s.schedule === 'string' ? s.schedule : '';
  if (!schedule) {
    errs.push(required('spec.schedule'));
  } else {
    const msg = cronScheduleError(schedule);
    if (msg) errs.push(invalidValue('spec.schedule', schedule, msg));
    const allowTZ = (oldSchedule ?? '').includes('TZ');
    if (allowTZ && schedule.includes('TZ') && s.timeZone !== undefined && s.timeZone !== null) {
      errs.push(invalidValue('spec.schedule', schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'));
    } else if (!allowTZ && schedule.includes('TZ')) {
      errs.push(invalidValue('spec.schedule', schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
    }
  }
  if (typeof s.startingDeadlineSeconds === 'number') errs.push(...nonNegative(s.startingDeadlineSeconds, 'spec.startingDeadlineSeconds'));
  errs.push(...validateTimeZone(s.timeZone, 'spec.timeZone'));
  const cp = s.concurrencyPolicy;
  if (!cp) errs.push(required('spec.concurrencyPolicy'));
  else if (!['Allow', 'Forbid', 'Replace'].includes(String(cp))) errs.push(notSupported('spec.concurrencyPolicy', cp, ['Allow', 'Forbid', 'Replace']));
  const jt = isObj(s.jobTemplate) ? s.jobTemplate : {};
  const js = isObj(jt.spec) ? jt.spec : {};
  errs.push(...validateJobSpecCommon(js, 'spec.jobTemplate.spec'));
  if (js.selector !== undefined && js.selector !== null) {
    errs.push(invalidRendered('spec.jobTemplate.spec.selector', goLabelSelector(js.selector as never), '`selector` will be auto-generated'));
  }
  if (js.manualSelector === true) errs.push(notSupported('spec.jobTemplate.spec.manualSelector', true, ['nil', 'false']));
  for (const f of ['successfulJobsHistoryLimit', 'failedJobsHistoryLimit']) {
    if (typeof s[f] === 'number') errs.push(...nonNegative(s[f], `spec.${f}`));
  }
  return errs;
}

/** The schedules of CronJobs being updated, for the TZ rule that tolerates already-stored TZ schedules. */
const oldSchedules = new WeakMap<object, string>();

/** The CronJob strategy. */
export const cronJobStrategy: Strategy = {
  hasStatusSubresource: true,
  applyDefaults(obj) {
    defaultCronJob(spec(obj));
  },
  prepareForCreate(obj) {
    obj.status = {};
  },
  prepareForUpdate(obj, old) {
    markUpdate(obj);
    oldSchedules.set(obj, String(spec(old).schedule ?? ''));
  },
  validate(obj) {
    const update = isUpdate(obj);
    const errs = [...validateObjectMeta(obj), ...validateCronJobSpec(spec(obj), update ? oldSchedules.get(obj) : undefined)];
    // The controller appends an 11-character suffix to Job names, which must stay within 63 characters.
    if (!update && obj.metadata.name.length > 52) errs.push(invalidValue('metadata.name', obj.metadata.name, 'must be no more than 52 characters'));
    return dedupe(errs);
  },
};

/** Registers the CronJob strategy. */
export function registerCronJobStrategy(): void {
  registerStrategy('CronJob', cronJobStrategy);
}
