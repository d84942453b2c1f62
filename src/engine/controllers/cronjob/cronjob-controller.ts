/**
 * The CronJob controller (v2): creates a Job for each schedule time, honours suspend, startingDeadlineSeconds and
 * the concurrency policy, tracks active Jobs, records the last schedule and success times, and deletes finished
 * Jobs beyond the history limits. It sleeps until the next schedule time instead of polling.
 * Models pkg/controller/cronjob/cronjob_controllerv2.go (sync, syncCronJob, cleanupFinishedJobs, removeOldestJobs,
 * deleteJob, the job and cronjob event handlers).
 */
import type { CronJobStatus } from 'kubernetes-types/batch/v1';
import type { ObjectReference } from 'kubernetes-types/core/v1';
import type { KubeObject, OwnerReference } from '../../api/types';
import { controllerRef, toTimestamp, fromTimestamp } from '../../api/meta';
import { canonicalJson } from '../../api/names';
import type { WatchEvent } from '../../apiserver/apiserver';
import type { ComponentContext } from '../../cluster/context';
import { WorkQueue, splitKey } from '../runtime';
import { sortByLess } from '../replicaset/pod-ranking';
import { finishedCondition, isJobFinished, isJobSucceeded, type StoredJob } from '../job/job-util';
import { isKnownTimeZone, parseStandardSchedule } from './schedule';
import {
  CRONJOB_CONTROLLER, formatRFC1123Z, formatSchedule, getJobName, inActiveList, inActiveListByName, jobFromTemplate, jobReference,
  jobStartTimeLess, nextScheduleTime, nextScheduleTimeDurationMs, type StoredCronJob,
} from './utils';

const SOURCE = { component: CRONJOB_CONTROLLER };

/** Models the default controller rate limiter's per-item backoff: 5ms doubling up to 1000s. */
const BACKOFF_BASE_MS = 5;
const BACKOFF_MAX_MS = 1_000_000;

/** Starts the CronJob controller on the cluster's apiserver and clock. */
export function startCronJobController(ctx: ComponentContext): void {
  new CronJobController(ctx);
}

/** The status fields a sync edits. */
interface WorkingStatus {
  active: ObjectReference[];
  lastScheduleTime?: string;
  lastSuccessfulTime?: string;
}

/** What syncCronJob decided: when to sync again, whether the status changed, and an error that asks for a retry. */
interface SyncOutcome {
  requeueAfterMs?: number;
  updateStatus: boolean;
  error?: string;
}

function keyOf(obj: KubeObject): string {
  return `${obj.metadata.namespace}/${obj.metadata.name}`;
}

function serializeStatus(s: WorkingStatus): CronJobStatus {
  return {
    ...(s.active.length > 0 ? { active: s.active.map((r) => ({ ...r })) } : {}),
    ...(s.lastScheduleTime ? { lastScheduleTime: s.lastScheduleTime } : {}),
    ...(s.lastSuccessfulTime ? { lastSuccessfulTime: s.lastSuccessfulTime } : {}),
  };
}

class CronJobController {
  private readonly queue: WorkQueue;
  private readonly failures = new Map<string, number>();

  constructor(private readonly ctx: ComponentContext) {
    this.queue = new WorkQueue(ctx.clock, ctx.rng, 'cronjob', (key) => this.sync(key));
    ctx.api.watch('CronJob', (ev) => this.onCronJob(ev));
    ctx.api.watch('Job', (ev) => this.onJob(ev));
    for (const cj of ctx.api.list('CronJob')) this.queue.add(keyOf(cj));
  }

  // ---- event handlers ------------------------------------------------------------------------------------------

  private onCronJob(ev: WatchEvent): void {
    const cj = ev.object as StoredCronJob;
    if (ev.type !== 'MODIFIED') {
      this.queue.add(keyOf(cj));
      return;
    }
    this.updateCronJob(ev.old as StoredCronJob, cj);
  }

  /** Models updateCronJob: a new schedule or time zone requeues for its next time; any other change syncs now. */
  private updateCronJob(old: StoredCronJob, cur: StoredCronJob): void {
    if (old.spec?.schedule !== cur.spec?.schedule || (old.spec?.timeZone ?? null) !== (cur.spec?.timeZone ?? null)) {
      const parsed = parseStandardSchedule(formatSchedule(cur, isKnownTimeZone).schedule);
      if (!parsed.ok) {
        this.ctx.events.record(SOURCE, cur, 'Warning', 'UnParseableCronJobSchedule', `unparseable schedule for cronjob: ${cur.spec?.schedule ?? ''}`);
        return;
      }
      const d = nextScheduleTimeDurationMs(cur, this.ctx.clock.nowMs, parsed.schedule);
      if (d !== undefined) this.queue.add(keyOf(cur), Math.max(0, d));
      return;
    }
    this.queue.add(keyOf(cur));
  }

  private onJob(ev: WatchEvent): void {
    const job = ev.object as StoredJob;
    if (ev.type === 'MODIFIED') {
      const old = ev.old as StoredJob;
      if (old.metadata.resourceVersion === job.metadata.resourceVersion) return;
      const curRef = controllerRef(job);
      const oldRef = controllerRef(old);
      if (oldRef && canonicalJson(curRef ?? null) !== canonicalJson(oldRef)) this.enqueueRef(old.metadata.namespace!, oldRef);
      if (curRef) this.enqueueRef(job.metadata.namespace!, curRef);
      return;
    }
    // Models addJob (a Job already being deleted counts as deleted) and deleteJob.
    const ref = controllerRef(job);
    if (ref) this.enqueueRef(job.metadata.namespace!, ref);
  }

  /** Models resolveControllerRef + enqueueController. */
  private enqueueRef(ns: string, ref: OwnerReference): void {
    if (ref.kind !== 'CronJob') return;
    const cj = this.ctx.api.get<StoredCronJob>('CronJob', ns, ref.name);
    if (cj && cj.metadata.uid === ref.uid) this.queue.add(keyOf(cj));
  }

  // ---- sync ----------------------------------------------------------------------------------------------------

  private requeueRateLimited(key: string): void {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    this.queue.add(key, Math.min(BACKOFF_BASE_MS * 2 ** n, BACKOFF_MAX_MS));
  }

  /** Models sync + processNextWorkItem. */
  private sync(key: string): void {
    const { api } = this.ctx;
    const [ns, name] = splitKey(key);
    const cj = api.get<StoredCronJob>('CronJob', ns, name);
    if (!cj) {
      this.failures.delete(key);
      return;
    }
    const jobs = this.jobsToBeReconciled(cj);
    const status: WorkingStatus = {
      active: (cj.status?.active ?? []).map((r) => ({ ...r })),
      ...(cj.status?.lastScheduleTime ? { lastScheduleTime: cj.status.lastScheduleTime } : {}),
      ...(cj.status?.lastSuccessfulTime ? { lastSuccessfulTime: cj.status.lastSuccessfulTime } : {}),
    };
    const updateAfterCleanup = this.cleanupFinishedJobs(cj, status, jobs);
    const outcome = this.syncCronJob(cj, status, jobs);
    if (updateAfterCleanup || outcome.updateStatus) {
      const next = serializeStatus(status);
      const r = api.mutate('CronJob', ns, name, (draft) => {
        if (draft.metadata.uid === cj.metadata.uid) draft.status = next;
      }, 'status');
      if (!r.ok) {
        this.requeueRateLimited(key);
        return;
      }
    }
    if (outcome.requeueAfterMs !== undefined) {
      this.failures.delete(key);
      this.queue.add(key, Math.max(0, outcome.requeueAfterMs));
      return;
    }
    if (outcome.error !== undefined) this.requeueRateLimited(key);
    else this.failures.delete(key);
  }

  /**
   * Models getJobsToBeReconciled: the namespace's Jobs whose controller reference names this CronJob (by name only,
   * as upstream).
   */
  private jobsToBeReconciled(cj: StoredCronJob): StoredJob[] {
    return this.ctx.api.list<StoredJob>('Job', cj.metadata.namespace).filter((j) => controllerRef(j)?.name === cj.metadata.name);
  }

  /** Models syncCronJob. */
  private syncCronJob(cj: StoredCronJob, status: WorkingStatus, jobs: readonly StoredJob[]): SyncOutcome {
    const { api, clock, events } = this.ctx;
    const nowMs = clock.nowMs;
    let updateStatus = false;
    const children = new Set<string>();
    for (const j of jobs) {
      children.add(j.metadata.uid!);
      const found = inActiveList(status.active, j.metadata.uid);
      if (!found && !isJobFinished(j)) {
        // The stored CronJob may already list it (a status written since this sync read it).
        const fresh = api.get<StoredCronJob>('CronJob', cj.metadata.namespace, cj.metadata.name);
        if (fresh && inActiveList(fresh.status?.active ?? [], j.metadata.uid)) continue;
        events.record(SOURCE, cj, 'Warning', 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${j.metadata.name}`);
      } else if (found && isJobFinished(j)) {
        const cond = finishedCondition(j);
        status.active = status.active.filter((r) => r.uid !== j.metadata.uid);
        events.record(SOURCE, cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata.name}, condition: ${cond?.type ?? ''}`);
        updateStatus = true;
      } else if (isJobSucceeded(j)) {
        // A Job need not be active to count: any Job that completed moves lastSuccessfulTime forward.
        const done = j.status?.completionTime;
        if (!status.lastSuccessfulTime && done) {
          status.lastSuccessfulTime = done;
          updateStatus = true;
        }
        const doneMs = fromTimestamp(done);
        const lastMs = fromTimestamp(status.lastSuccessfulTime);
        if (doneMs !== undefined && lastMs !== undefined && doneMs > lastMs) {
          status.lastSuccessfulTime = done;
          updateStatus = true;
        }
      }
    }
    // Active Jobs that no longer exist are dropped, or the CronJob would look busy forever.
    for (const ref of [...status.active]) {
      if (children.has(ref.uid ?? '')) continue;
      if (!api.get('Job', ref.namespace, ref.name ?? '')) {
        events.record(SOURCE, cj, 'Normal', 'MissingJob', `Active job went missing: ${ref.name ?? ''}`);
        status.active = status.active.filter((r) => r.uid !== ref.uid);
        updateStatus = true;
      }
    }
    if (cj.metadata.deletionTimestamp) return { updateStatus };

    const tz = cj.spec?.timeZone;
    if (tz !== undefined && tz !== null && !isKnownTimeZone(tz)) {
      events.record(SOURCE, cj, 'Warning', 'UnknownTimeZone', `invalid timeZone: ${JSON.stringify(tz)}: unknown time zone ${tz}`);
      return { updateStatus };
    }
    if (cj.spec?.suspend === true) return { updateStatus };

    const formatted = formatSchedule(cj, isKnownTimeZone);
    if (formatted.usesTZ) {
      events.record(SOURCE, cj, 'Warning', 'UnsupportedSchedule', `CRON_TZ or TZ used in schedule ${JSON.stringify(cj.spec?.schedule ?? '')} is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`);
    }
    const parsed = parseStandardSchedule(formatted.schedule);
    if (!parsed.ok) {
      events.record(SOURCE, cj, 'Warning', 'UnparseableSchedule', `unparseable schedule: ${JSON.stringify(cj.spec?.schedule ?? '')} : ${parsed.error}`);
      return { updateStatus };
    }
    const sched = parsed.schedule;
    const requeue = (): number | undefined => nextScheduleTimeDurationMs(this.withStatus(cj, status), nowMs, sched);
    const scheduled = nextScheduleTime(this.withStatus(cj, status), nowMs, sched);
    if (scheduled.error) {
      events.record(SOURCE, cj, 'Warning', 'InvalidSchedule', `invalid schedule: ${cj.spec?.schedule ?? ''} : ${scheduled.error}`);
      return { updateStatus };
    }
    if (scheduled.missed === 'many' && scheduled.timeMs !== undefined) {
      events.record(SOURCE, cj, 'Warning', 'TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew');
    }
    const scheduledMs = scheduled.timeMs;
    if (scheduledMs === undefined) return { requeueAfterMs: requeue(), updateStatus };

    const sds = cj.spec?.startingDeadlineSeconds;
    if (sds !== undefined && sds !== null && scheduledMs + sds * 1000 < nowMs) {
      events.record(SOURCE, cj, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${formatRFC1123Z(scheduledMs)}`);
      return { requeueAfterMs: requeue(), updateStatus };
    }
    const jobName = getJobName(cj, scheduledMs);
    if (inActiveListByName(status.active, cj.metadata.namespace, jobName) || fromTimestamp(status.lastScheduleTime) === scheduledMs) {
      // This schedule time was already handled.
      return { requeueAfterMs: requeue(), updateStatus };
    }
    const policy = cj.spec?.concurrencyPolicy ?? 'Allow';
    if (policy === 'Forbid' && status.active.length > 0) {
      events.record(SOURCE, cj, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
      return { requeueAfterMs: requeue(), updateStatus };
    }
    if (policy === 'Replace') {
      for (const ref of [...status.active]) {
        const job = api.get<StoredJob>('Job', ref.namespace, ref.name ?? '');
        if (!job) {
          events.record(SOURCE, cj, 'Warning', 'FailedGet', `Get job: jobs.batch ${JSON.stringify(ref.name ?? '')} not found`);
          return { updateStatus, error: 'job not found' };
        }
        if (!this.deleteJob(cj, status, job)) return { updateStatus, error: `could not replace job ${job.metadata.namespace}/${job.metadata.name}` };
        updateStatus = true;
      }
    }

    const req = jobFromTemplate(cj, scheduledMs);
    let created: KubeObject;
    const r = api.create(req);
    if (r.ok) {
      created = r.value;
      events.record(SOURCE, cj, 'Normal', 'SuccessfulCreate', `Created job ${created.metadata.name}`);
    } else if (r.status.reason === 'AlreadyExists') {
      // Created by an earlier sync whose status write was lost: add it to the active list again, if it is ours.
      const existing = api.get<StoredJob>('Job', cj.metadata.namespace, jobName);
      if (!existing) return { updateStatus, error: r.status.message };
      if (controllerRef(existing)?.uid !== cj.metadata.uid) return { updateStatus };
      if (inActiveList(status.active, existing.metadata.uid)) return { updateStatus };
      created = existing;
    } else if (r.status.reason === 'Forbidden' && r.status.message.includes('because it is being terminated')) {
      return { updateStatus, error: r.status.message };
    } else {
      events.record(SOURCE, cj, 'Warning', 'FailedCreate', `Error creating job: ${r.status.message}`);
      return { updateStatus, error: r.status.message };
    }
    status.active.push(jobReference(created));
    status.lastScheduleTime = toTimestamp(scheduledMs);
    return { requeueAfterMs: requeue(), updateStatus: true };
  }

  /** The CronJob as it will look with `status`, for the schedule arithmetic that reads lastScheduleTime. */
  private withStatus(cj: StoredCronJob, status: WorkingStatus): StoredCronJob {
    return { ...cj, status: serializeStatus(status) };
  }

  /** Models cleanupFinishedJobs: deletes the oldest finished Jobs beyond each history limit. */
  private cleanupFinishedJobs(cj: StoredCronJob, status: WorkingStatus, jobs: readonly StoredJob[]): boolean {
    const successLimit = cj.spec?.successfulJobsHistoryLimit;
    const failedLimit = cj.spec?.failedJobsHistoryLimit;
    const isSet = (v: number | undefined | null): v is number => v !== undefined && v !== null;
    if (!isSet(successLimit) && !isSet(failedLimit)) return false;
    const successful: StoredJob[] = [];
    const failed: StoredJob[] = [];
    for (const j of jobs) {
      const type = finishedCondition(j)?.type;
      if (type === 'Complete') successful.push(j);
      else if (type === 'Failed') failed.push(j);
    }
    let update = false;
    if (isSet(successLimit) && this.removeOldestJobs(cj, status, successful, successLimit)) update = true;
    if (isSet(failedLimit) && this.removeOldestJobs(cj, status, failed, failedLimit)) update = true;
    return update;
  }

  /** Models removeOldestJobs: by start time, oldest first. */
  private removeOldestJobs(cj: StoredCronJob, status: WorkingStatus, jobs: readonly StoredJob[], max: number): boolean {
    const n = jobs.length - max;
    if (n <= 0) return false;
    let update = false;
    for (const j of sortByLess(jobs, jobStartTimeLess).slice(0, n)) if (this.deleteJob(cj, status, j)) update = true;
    return update;
  }

  /** Models deleteJob: deletes the Job (background propagation) and drops it from the active list. */
  private deleteJob(cj: StoredCronJob, status: WorkingStatus, job: StoredJob): boolean {
    const r = this.ctx.api.delete('Job', job.metadata.namespace, job.metadata.name, { propagationPolicy: 'Background' });
    if (!r.ok) {
      this.ctx.events.record(SOURCE, cj, 'Warning', 'FailedDelete', `Deleted job: ${r.status.message}`);
      return false;
    }
    status.active = status.active.filter((ref) => ref.uid !== job.metadata.uid);
    this.ctx.events.record(SOURCE, cj, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata.name}`);
    return true;
  }
}
