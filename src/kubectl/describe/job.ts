/**
 * `kubectl describe job` and `kubectl describe cronjob`.
 */
import type { CronJob, Job, JobTemplateSpec } from 'kubernetes-types/batch/v1';
import { fromTimestamp, humanDuration, type KubeObject } from '../../engine';
import { printAnnotationsMultiline, printController, printLabelsMultiline } from './common';
import { eventsOf, type DescribeContext } from './context';
import { describeEvents } from './events';
import { rfc1123z, titleBoolPtr } from './format';
import { describePodTemplate } from './pod-template';
import { LEVEL_0, tabbedString, type PrefixWriter } from './prefix-writer';
import { selectorString } from './selectors';

/**
 * The full describe text of a Job: parallelism, completions, timing, pod counts, template, events.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go describeJob.
 */
export function describeJob(obj: KubeObject, ctx: DescribeContext): string {
  const job = obj as unknown as Job;
  const events = eventsOf(ctx, obj);
  return tabbedString((w) => {
    const spec = job.spec;
    const status = job.status ?? {};
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorString(spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    const controlledBy = printController(obj);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (spec?.parallelism !== undefined) w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`);
    w.write(LEVEL_0, `Completions:\t${spec?.completions !== undefined ? spec.completions : '<unset>'}\n`);
    if (spec?.completionMode !== undefined) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`);
    if (spec?.suspend !== undefined) w.write(LEVEL_0, `Suspend:\t${spec.suspend}\n`);
    if (spec?.backoffLimit !== undefined) w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`);
    if (spec?.ttlSecondsAfterFinished !== undefined) w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
    if (status.completionTime) w.write(LEVEL_0, `Completed At:\t${rfc1123z(status.completionTime)}\n`);
    const started = fromTimestamp(status.startTime);
    const completed = fromTimestamp(status.completionTime);
    if (started !== undefined && completed !== undefined) w.write(LEVEL_0, `Duration:\t${humanDuration(completed - started)}\n`);
    if (spec?.activeDeadlineSeconds !== undefined) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
    const active = status.active ?? 0;
    const succeeded = status.succeeded ?? 0;
    const failed = status.failed ?? 0;
    if (status.ready === undefined || status.ready === null) {
      w.write(LEVEL_0, `Pods Statuses:\t${active} Active / ${succeeded} Succeeded / ${failed} Failed\n`);
    } else {
      w.write(LEVEL_0, `Pods Statuses:\t${active} Active (${status.ready} Ready) / ${succeeded} Succeeded / ${failed} Failed\n`);
    }
    if (spec?.completionMode === 'Indexed') {
      w.write(LEVEL_0, `Completed Indexes:\t${capIndexesListOrNone(status.completedIndexes ?? '', 50)}\n`);
    }
    describePodTemplate(spec?.template ?? {}, w);
    describeEvents(events, w, ctx.nowMs);
  });
}

// Models describe.go capIndexesListOrNone: cut after the first comma past the soft limit.
function capIndexesListOrNone(indexes: string, softLimit: number): string {
  if (indexes.length === 0) return '<none>';
  let ix = softLimit;
  while (ix < indexes.length && indexes[ix] !== ',') ix++;
  if (ix >= indexes.length) return indexes;
  return `${indexes.slice(0, ix + 1)}...`;
}

/**
 * The full describe text of a CronJob: schedule, policies, job template, last schedule time, active jobs.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go describeCronJob.
 */
export function describeCronJob(obj: KubeObject, ctx: DescribeContext): string {
  const cj = obj as unknown as CronJob;
  const events = eventsOf(ctx, obj);
  return tabbedString((w) => {
    const spec = cj.spec;
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    w.write(LEVEL_0, `Schedule:\t${spec?.schedule ?? ''}\n`);
    w.write(LEVEL_0, `Concurrency Policy:\t${spec?.concurrencyPolicy ?? ''}\n`);
    w.write(LEVEL_0, `Suspend:\t${titleBoolPtr(spec?.suspend)}\n`);
    w.write(LEVEL_0, `Successful Job History Limit:\t${spec?.successfulJobsHistoryLimit ?? '<unset>'}\n`);
    w.write(LEVEL_0, `Failed Job History Limit:\t${spec?.failedJobsHistoryLimit ?? '<unset>'}\n`);
    const deadline = spec?.startingDeadlineSeconds;
    w.write(LEVEL_0, `Starting Deadline Seconds:\t${deadline !== undefined && deadline !== null ? `${deadline}s` : '<unset>'}\n`);
    describeJobTemplate(spec?.jobTemplate ?? {}, w);
    const last = cj.status?.lastScheduleTime;
    w.write(LEVEL_0, `Last Schedule Time:\t${last ? rfc1123z(last) : '<unset>'}\n`);
    w.write(LEVEL_0, 'Active Jobs:\t');
    const active = cj.status?.active ?? [];
    if (active.length === 0) w.writeLine('<none>');
    else {
      active.forEach((ref, i) => {
        if (i !== 0) w.write(LEVEL_0, ', ');
        w.write(LEVEL_0, ref.name ?? '');
      });
      w.writeLine('');
    }
    describeEvents(events, w, ctx.nowMs);
  });
}

// Models describe.go describeJobTemplate.
function describeJobTemplate(tpl: JobTemplateSpec, w: PrefixWriter): void {
  const spec = tpl.spec;
  w.write(LEVEL_0, `Selector:\t${spec?.selector ? selectorString(spec.selector) : '<unset>'}\n`);
  w.write(LEVEL_0, `Parallelism:\t${spec?.parallelism ?? '<unset>'}\n`);
  w.write(LEVEL_0, `Completions:\t${spec?.completions ?? '<unset>'}\n`);
  if (spec?.activeDeadlineSeconds !== undefined) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  describePodTemplate(spec?.template ?? {}, w);
}
