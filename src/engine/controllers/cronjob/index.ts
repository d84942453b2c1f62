/**
 * The CronJob controller and its schedule arithmetic.
 */
export { startCronJobController } from './cronjob-controller';
export { parseStandardSchedule, parseGoDurationMs, isKnownTimeZone, type CronSchedule, type ParsedSchedule } from './schedule';
export {
  mostRecentScheduleTime, nextScheduleTime, nextScheduleTimeDurationMs, getJobName, formatSchedule, jobFromTemplate, jobStartTimeLess,
  formatRFC1123Z, formatRFC3339InZone, CRONJOB_CONTROLLER, NEXT_SCHEDULE_DELTA_MS, CRONJOB_SCHEDULED_TIMESTAMP_ANNOTATION,
  type StoredCronJob, type MissedSchedules, type MostRecentSchedule,
} from './utils';
