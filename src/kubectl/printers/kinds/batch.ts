/**
 * Tables of Jobs and CronJobs.
 * Models pkg/printers/internalversion/printers.go printJob and printCronJob.
 */
import { fromTimestamp, humanDuration } from '../../../engine';
import type { CronJob, Job, Stored } from '../../../engine';
import { formatLabelSelector, layoutContainerCells, translateTimestampSince } from '../format';
import { AGE_COLUMN, NAME_COLUMN, as, col, wideCol, type KindHandler } from './handler';

type JobConditions = NonNullable<NonNullable<Job['status']>['conditions']>;

function hasJobCondition(conditions: JobConditions | undefined, type: string): boolean {
  // The first condition of the type decides, as upstream hasJobCondition does.
  const c = (conditions ?? []).find((x) => x.type === type);
  return c !== undefined && c.status === 'True';
}

/** The Job STATUS column: Complete, Failed, Terminating, Suspended, FailureTarget or Running. */
export function jobStatus(job: Stored<Job>): string {
  const conds = job.status?.conditions;
  if (hasJobCondition(conds, 'Complete')) return 'Complete';
  if (hasJobCondition(conds, 'Failed')) return 'Failed';
  if (job.metadata.deletionTimestamp) return 'Terminating';
  if (hasJobCondition(conds, 'Suspended')) return 'Suspended';
  if (hasJobCondition(conds, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

/** `kubectl get jobs`. */
export const jobHandler: KindHandler = {
  kinds: ['Job'],
  columns: [
    NAME_COLUMN, col('STATUS'), col('COMPLETIONS'), col('DURATION'), AGE_COLUMN,
    wideCol('CONTAINERS'), wideCol('IMAGES'), wideCol('SELECTOR'),
  ],
  row(obj, { nowMs }) {
    const job = as<Stored<Job>>(obj);
    const succeeded = job.status?.succeeded ?? 0;
    let completions: string;
    if (job.spec?.completions !== undefined && job.spec.completions !== null) {
      completions = `${succeeded}/${job.spec.completions}`;
    } else {
      const parallelism = job.spec?.parallelism ?? 0;
      completions = parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
    }
    const startMs = fromTimestamp(job.status?.startTime);
    const completionMs = fromTimestamp(job.status?.completionTime);
    let duration = '';
    if (startMs !== undefined) duration = humanDuration((completionMs ?? nowMs) - startMs);
    const [names, images] = layoutContainerCells(job.spec?.template?.spec?.containers);
    return [
      job.metadata.name, jobStatus(job), completions, duration, translateTimestampSince(job.metadata.creationTimestamp, nowMs),
      names, images, formatLabelSelector(job.spec?.selector),
    ];
  },
};

/** `kubectl get cronjobs`. */
export const cronJobHandler: KindHandler = {
  kinds: ['CronJob'],
  columns: [
    NAME_COLUMN, col('SCHEDULE'), col('TIMEZONE'), col('SUSPEND'), col('ACTIVE'), col('LAST SCHEDULE'), AGE_COLUMN,
    wideCol('CONTAINERS'), wideCol('IMAGES'), wideCol('SELECTOR'),
  ],
  row(obj, { nowMs }) {
    const cj = as<Stored<CronJob>>(obj);
    const last = cj.status?.lastScheduleTime;
    const suspend = cj.spec?.suspend;
    const jobSpec = cj.spec?.jobTemplate?.spec;
    const [names, images] = layoutContainerCells(jobSpec?.template?.spec?.containers);
    return [
      cj.metadata.name, cj.spec?.schedule ?? '', cj.spec?.timeZone ?? '<none>',
      // Models printBoolPtr: True / False, <unset> for nil.
      suspend === undefined || suspend === null ? '<unset>' : suspend ? 'True' : 'False',
      String(cj.status?.active?.length ?? 0), last ? translateTimestampSince(last, nowMs) : '<none>',
      translateTimestampSince(cj.metadata.creationTimestamp, nowMs),
      names, images, formatLabelSelector(jobSpec?.selector),
    ];
  },
};
