/**
 * The Job controller: runs pods until a Job has its completions (or, without completions, until one pod succeeds),
 * replaces failed pods after an exponential backoff, fails the Job past its backoff limit or active deadline,
 * suspends and resumes, and counts finished pods through the `batch.kubernetes.io/job-tracking` finalizer so no pod
 * is lost or counted twice.
 * Models pkg/controller/job/job_controller.go (the pod/job event handlers, syncJob, manageJob,
 * trackJobStatusAndRemoveFinalizers, flushUncountedAndRemoveFinalizers, enactJobFinished, syncOrphanPod).
 *
 * Expectations: upstream keeps create/delete and finalizer-removal expectations because its informer cache lags
 * behind its own writes. Here every read goes to the store itself, so a sync always sees the effect of the previous
 * one and no expectations are kept (the same reasoning as the ReplicaSet controller).
 *
 * Divergence: podFailurePolicy, successPolicy, backoffLimitPerIndex/maxFailedIndexes and managedBy are accepted by
 * the apiserver but not acted upon; such Jobs run with the plain backoffLimit rules.
 */
import type { JobCondition } from 'kubernetes-types/batch/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject, OwnerReference } from '../../api/types';
import { controllerRef, deepCopy, fromTimestamp, newControllerRef, toTimestamp } from '../../api/meta';
import { canonicalJson } from '../../api/names';
import { fromLabelSelector, matches } from '../../api/labels';
import type { WatchEvent } from '../../apiserver/apiserver';
import type { ApiStatus } from '../../apiserver/status';
import type { ComponentContext } from '../../cluster/context';
import { WorkQueue, splitKey } from '../runtime';
import { claimObjects, type ClaimWrite, type ClaimWrites } from '../replicaset/controller-ref-manager';
import { filterActivePods, isPodReady, type StoredPod } from '../replicaset/pod-utils';
import { SLOW_START_INITIAL_BATCH_SIZE } from '../replicaset/slow-start';
import { BackoffStore, remainingBackoffMs, type BackoffRecord } from './backoff';
import {
  UNKNOWN_COMPLETION_INDEX, addCompletionIndexEnvVariables, calculateSucceededIndexes, completionIndexOf, firstPendingIndexes,
  formatIntervals, intervalsHave, podGenerateNameWithIndex, sortByCompletionIndex, totalIndexes, withOrderedIndexes, type Interval,
} from './indexed';
import {
  activePodsForRemoval, countTerminatingPods, isIndexedJob, isJobSuspended, isPodFailed, isPodTerminating, onlyReplaceFailedPods,
  pastBackoffLimitOnFailure, wantActive,
} from './job-pods';
import {
  BACKOFF_LIMIT_EXCEEDED, COMPLETIONS_REACHED, DEADLINE_EXCEEDED, ensureJobConditionStatus, newJobCondition, serializeJobStatus,
  workingStatus, type WorkingJobStatus,
} from './job-status';
import {
  JOB_COMPLETION_INDEX_ANNOTATION, JOB_CONTROLLER, JOB_TRACKING_FINALIZER, hasJobTrackingFinalizer, isJobFinished, type StoredJob,
} from './job-util';

const SOURCE = { component: JOB_CONTROLLER };

/** Pod events and status updates are batched: the Job syncs at most once per second for them (syncJobBatchPeriod). */
export const SYNC_JOB_BATCH_PERIOD_MS = 1000;
/** At most this many pods are created or deleted in one sync (MaxPodCreateDeletePerSync). */
export const MAX_POD_CREATE_DELETE_PER_SYNC = 500;
/** At most this many finished pods wait in `status.uncountedTerminatedPods` (MaxUncountedPods). */
export const MAX_UNCOUNTED_PODS = 500;
/** The rate limiter for failed syncs: 1s doubling up to a minute (DefaultJobApiBackOff, MaxJobApiBackOff). */
const API_BACKOFF_BASE_MS = 1000;
const API_BACKOFF_MAX_MS = 60_000;

/** Starts the Job controller on the cluster's apiserver and clock. */
export function startJobController(ctx: ComponentContext): void {
  new JobController(ctx);
}

/** The state one syncJob call works on (syncJobCtx). */
interface SyncJobCtx {
  job: StoredJob;
  status: WorkingJobStatus;
  pods: StoredPod[];
  activePods: StoredPod[];
  finishedCondition?: JobCondition;
  succeeded: number;
  failed: number;
  prevSucceededIndexes: Interval[];
  succeededIndexes: Interval[];
  newBackoffRecord: BackoffRecord;
  uncounted: { succeeded: Set<string>; failed: Set<string> };
  terminating: number;
  ready: number;
}

function keyOf(obj: KubeObject): string {
  return `${obj.metadata.namespace}/${obj.metadata.name}`;
}

function isNamespaceTerminating(status: ApiStatus): boolean {
  return status.reason === 'Forbidden' && status.message.includes('because it is being terminated');
}

function isSuccessCriteriaMet(c: JobCondition | undefined): boolean {
  return c?.type === 'SuccessCriteriaMet';
}

/** Models hasSuccessCriteriaMetCondition. */
function successCriteriaMetCondition(conditions: readonly JobCondition[]): JobCondition | undefined {
  const c = conditions.find((x) => x.type === 'SuccessCriteriaMet');
  return c?.status === 'True' ? c : undefined;
}

class JobController {
  private readonly queue: WorkQueue;
  private readonly orphanQueue: WorkQueue;
  private readonly backoff = new BackoffStore();
  private readonly failures = new Map<string, number>();

  constructor(private readonly ctx: ComponentContext) {
    this.queue = new WorkQueue(ctx.clock, ctx.rng, 'job', (key) => this.syncJob(key));
    this.orphanQueue = new WorkQueue(ctx.clock, ctx.rng, 'job-orphan-pod', (key) => this.syncOrphanPod(key));
    ctx.api.watch('Job', (ev) => this.onJob(ev));
    ctx.api.watch('Pod', (ev) => this.onPod(ev));
    for (const job of ctx.api.list('Job')) this.queue.add(keyOf(job));
  }

  // ---- event handlers (addJob, updateJob, deleteJob, addPod, updatePod, deletePod) ---------------------------

  private onJob(ev: WatchEvent): void {
    const job = ev.object as StoredJob;
    const key = keyOf(job);
    if (ev.type === 'ADDED') {
      this.queue.add(key);
      return;
    }
    if (ev.type === 'DELETED') {
      this.queue.add(key);
      this.cleanupPodFinalizers(job);
      return;
    }
    const old = ev.old as StoredJob;
    // Status updates (same generation) are batched; a spec change syncs at once.
    if (job.metadata.generation === old.metadata.generation) this.queue.add(key, SYNC_JOB_BATCH_PERIOD_MS);
    else this.queue.add(key);
    if (isJobFinished(job)) this.cleanupPodFinalizers(job);
    const start = fromTimestamp(job.status?.startTime);
    const ads = job.spec?.activeDeadlineSeconds;
    if (start !== undefined && ads !== undefined && ads !== null && old.spec?.activeDeadlineSeconds !== ads) {
      this.queue.add(key, Math.max(0, ads * 1000 - (this.ctx.clock.nowMs - start)));
    }
  }

  private onPod(ev: WatchEvent): void {
    const pod = ev.object as StoredPod;
    if (ev.type === 'DELETED') {
      this.onPodDeleted(pod);
      return;
    }
    if (ev.type === 'ADDED') {
      if (pod.metadata.deletionTimestamp) {
        this.onPodDeleted(pod);
        return;
      }
      const ref = controllerRef(pod);
      if (ref) {
        const job = this.resolveControllerRef(pod.metadata.namespace!, ref);
        if (job) this.enqueueBatched(job);
        return;
      }
      if (hasJobTrackingFinalizer(pod)) this.orphanQueue.add(keyOf(pod));
      for (const job of this.jobsSelecting(pod)) this.enqueueBatched(job);
      return;
    }
    const old = ev.old as StoredPod;
    if (old.metadata.resourceVersion === pod.metadata.resourceVersion) return;
    if (pod.metadata.deletionTimestamp) {
      // A graceful delete: the Job replaces the pod now rather than when the kubelet finishes.
      this.onPodDeleted(pod);
      return;
    }
    const curRef = controllerRef(pod);
    const oldRef = controllerRef(old);
    const refChanged = canonicalJson(curRef ?? null) !== canonicalJson(oldRef ?? null);
    if (refChanged && oldRef) {
      const job = this.resolveControllerRef(old.metadata.namespace!, oldRef);
      if (job) this.enqueueBatched(job);
    }
    if (curRef) {
      const job = this.resolveControllerRef(pod.metadata.namespace!, curRef);
      if (job) this.enqueueBatched(job);
      return;
    }
    if (hasJobTrackingFinalizer(pod)) this.orphanQueue.add(keyOf(pod));
    const labelChanged = canonicalJson(old.metadata.labels ?? {}) !== canonicalJson(pod.metadata.labels ?? {});
    if (labelChanged || refChanged) for (const job of this.jobsSelecting(pod)) this.enqueueBatched(job);
  }

  /** Models deletePod: wakes the owning Job, or hands a finalizer the Job will no longer remove to the orphan queue. */
  private onPodDeleted(pod: StoredPod): void {
    const ref = controllerRef(pod);
    const hasFinalizer = hasJobTrackingFinalizer(pod);
    if (!ref) {
      if (hasFinalizer) this.orphanQueue.add(keyOf(pod));
      return;
    }
    const job = this.resolveControllerRef(pod.metadata.namespace!, ref);
    if (!job || isJobFinished(job)) {
      if (hasFinalizer) this.orphanQueue.add(keyOf(pod));
      return;
    }
    this.enqueueBatched(job);
  }

  private enqueueBatched(job: StoredJob): void {
    this.queue.add(keyOf(job), SYNC_JOB_BATCH_PERIOD_MS);
  }

  /** Models resolveControllerRef: the reference must name a Job that exists with the same uid. */
  private resolveControllerRef(ns: string, ref: OwnerReference): StoredJob | undefined {
    if (ref.kind !== 'Job') return undefined;
    const job = this.ctx.api.get<StoredJob>('Job', ns, ref.name);
    return job && job.metadata.uid === ref.uid ? job : undefined;
  }

  /** Models getPodJobs: Jobs in the pod's namespace whose selector matches its labels. */
  private jobsSelecting(pod: StoredPod): StoredJob[] {
    return this.ctx.api.list<StoredJob>('Job', pod.metadata.namespace).filter((j) => {
      const sel = fromLabelSelector(j.spec?.selector);
      return sel !== null && sel.length > 0 && matches(sel, pod.metadata.labels);
    });
  }

  /** Models cleanupPodFinalizers: pods of a finished or deleted Job that still carry the finalizer. */
  private cleanupPodFinalizers(job: StoredJob): void {
    const sel = fromLabelSelector(job.spec?.selector);
    if (!sel) return;
    for (const pod of this.ctx.api.list<StoredPod>('Pod', job.metadata.namespace, { labelSelector: sel })) {
      if (controllerRef(pod)?.uid === job.metadata.uid && hasJobTrackingFinalizer(pod)) this.orphanQueue.add(keyOf(pod));
    }
  }

  /** Models syncOrphanPod: drops the tracking finalizer of a pod no running Job will count. */
  private syncOrphanPod(key: string): void {
    const [ns, name] = splitKey(key);
    const pod = this.ctx.api.get<StoredPod>('Pod', ns, name);
    if (!pod) return;
    const ref = controllerRef(pod);
    if (ref) {
      // Pods of owners other than batch/v1 Jobs keep their finalizers.
      if (ref.kind !== 'Job' || ref.apiVersion !== 'batch/v1') return;
      const job = this.resolveControllerRef(pod.metadata.namespace!, ref);
      if (job && !isJobFinished(job)) return;
    }
    this.removeTrackingFinalizer(pod);
  }

  // ---- sync ----------------------------------------------------------------------------------------------------

  private requeueRateLimited(key: string): void {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    this.queue.add(key, Math.min(API_BACKOFF_BASE_MS * 2 ** n, API_BACKOFF_MAX_MS));
  }

  /** Models syncJob. */
  private syncJob(key: string): void {
    const err = this.syncJobOnce(key);
    if (err === undefined) this.failures.delete(key);
    else this.requeueRateLimited(key);
  }

  private syncJobOnce(key: string): string | undefined {
    const { api, clock } = this.ctx;
    const [ns, name] = splitKey(key);
    const job = api.get<StoredJob>('Job', ns, name);
    if (!job) {
      this.backoff.remove(key);
      return undefined;
    }
    // A finished Job is never synced again.
    if (isJobFinished(job)) {
      this.backoff.remove(key);
      return undefined;
    }
    const mode = job.spec?.completionMode;
    if (mode !== undefined && mode !== null && mode !== 'NonIndexed' && mode !== 'Indexed') {
      this.ctx.events.record(SOURCE, job, 'Warning', 'UnknownCompletionMode', 'Skipped Job sync because completion mode is unknown');
      return undefined;
    }
    const nowMs = clock.nowMs;
    const status = workingStatus(job.status);
    const claimed = this.getPodsForJob(job);
    if (claimed.error) return claimed.error;
    const pods = claimed.pods;
    const activePods = filterActivePods(pods);
    const jc: SyncJobCtx = {
      job,
      status,
      pods,
      activePods,
      succeeded: 0,
      failed: 0,
      prevSucceededIndexes: [],
      succeededIndexes: [],
      newBackoffRecord: { key, failuresAfterLastSuccess: 0 },
      uncounted: { succeeded: new Set(status.uncounted.succeeded), failed: new Set(status.uncounted.failed) },
      // JobPodReplacementPolicy (GA) tracks terminating pods.
      terminating: countTerminatingPods(pods),
      ready: activePods.filter(isPodReady).length,
    };
    let active = activePods.length;
    const newSucceeded = this.validPodsWithFilter(jc, jc.uncounted.succeeded, (p) => p.status?.phase === 'Succeeded');
    const newFailed = this.validPodsWithFilter(jc, jc.uncounted.failed, (p) => isPodFailed(p, job));
    jc.succeeded = status.succeeded + newSucceeded.length + jc.uncounted.succeeded.size;
    jc.failed = status.failed + newFailed.length + jc.uncounted.failed.size;

    // The Job's first start; a suspended Job has not started.
    if (!status.startTime && !isJobSuspended(job)) status.startTime = toTimestamp(nowMs);
    jc.newBackoffRecord = this.backoff.newRecord(key, newSucceeded, newFailed);

    const backoffLimit = job.spec?.backoffLimit ?? 6;
    const exceedsBackoffLimit = jc.failed > backoffLimit;
    jc.finishedCondition = successCriteriaMetCondition(status.conditions);
    if (!jc.finishedCondition) {
      const target = status.conditions.find((c) => c.type === 'FailureTarget');
      if (target?.status === 'True') jc.finishedCondition = newJobCondition('Failed', 'True', target.reason ?? '', target.message ?? '', nowMs);
    }
    if (!jc.finishedCondition) {
      if (exceedsBackoffLimit || pastBackoffLimitOnFailure(job, pods)) {
        jc.finishedCondition = this.newFailureCondition(BACKOFF_LIMIT_EXCEEDED.reason, BACKOFF_LIMIT_EXCEEDED.message);
      } else if (this.pastActiveDeadline(job, status)) {
        jc.finishedCondition = this.newFailureCondition(DEADLINE_EXCEEDED.reason, DEADLINE_EXCEEDED.message);
      } else if (job.spec?.activeDeadlineSeconds !== undefined && job.spec.activeDeadlineSeconds !== null && !isJobSuspended(job)) {
        const start = fromTimestamp(status.startTime) ?? nowMs;
        this.queue.add(key, Math.max(0, job.spec.activeDeadlineSeconds * 1000 - (nowMs - start)));
      }
    }

    if (isIndexedJob(job)) {
      const completions = job.spec?.completions ?? 0;
      const idx = calculateSucceededIndexes(status.completedIndexes, completions, pods, (p) => (p.metadata?.finalizers ?? []).includes(JOB_TRACKING_FINALIZER));
      jc.prevSucceededIndexes = idx.prev;
      jc.succeededIndexes = idx.next;
      jc.succeeded = totalIndexes(jc.succeededIndexes);
    }

    let suspendCondChanged = false;
    let manageJobErr: string | undefined;
    if (jc.finishedCondition) {
      // The Job is done: every active pod goes (its finalizer is removed below).
      const r = this.deletePods(job, jc.activePods, false);
      if (r.deleted !== active) jc.finishedCondition = undefined;
      active -= r.deleted;
      jc.terminating += r.deleted;
      jc.ready -= r.deletedReady;
      manageJobErr = r.error;
    } else {
      let manageJobCalled = false;
      if (!job.metadata.deletionTimestamp) {
        const m = this.manageJob(job, jc);
        active = m.active;
        manageJobErr = m.error;
        manageJobCalled = true;
      }
      const completions = job.spec?.completions;
      const complete = completions === undefined || completions === null ? jc.succeeded > 0 && active === 0 : jc.succeeded >= completions && active === 0;
      if (complete) {
        jc.finishedCondition = this.newSuccessCondition();
      } else if (manageJobCalled) {
        if (isJobSuspended(job)) {
          if (ensureJobConditionStatus(status.conditions, 'Suspended', 'True', 'JobSuspended', 'Job suspended', nowMs)) {
            suspendCondChanged = true;
            this.ctx.events.record(SOURCE, job, 'Normal', 'Suspended', 'Job suspended');
          }
        } else if (ensureJobConditionStatus(status.conditions, 'Suspended', 'False', 'JobResumed', 'Job resumed', nowMs)) {
          suspendCondChanged = true;
          this.ctx.events.record(SOURCE, job, 'Normal', 'Resumed', 'Job resumed');
          // activeDeadlineSeconds counts the time a Job is continuously active, so a resumed Job starts anew.
          status.startTime = toTimestamp(nowMs);
        }
      }
    }

    const needsStatusUpdate = suspendCondChanged || active !== status.active || jc.ready !== status.ready || status.terminating !== jc.terminating;
    status.active = active;
    status.ready = jc.ready;
    status.terminating = jc.terminating;
    const trackErr = this.trackJobStatusAndRemoveFinalizers(jc, needsStatusUpdate);
    if (trackErr) return trackErr;
    return manageJobErr;
  }

  /** JobManagedBy and JobPodReplacementPolicy are on in v1.34, so a failing Job first gets FailureTarget. */
  private newFailureCondition(reason: string, message: string): JobCondition {
    return newJobCondition('FailureTarget', 'True', reason, message, this.ctx.clock.nowMs);
  }

  /** ... and a succeeding one SuccessCriteriaMet, before the terminal condition. */
  private newSuccessCondition(): JobCondition {
    return newJobCondition('SuccessCriteriaMet', 'True', COMPLETIONS_REACHED.reason, COMPLETIONS_REACHED.message, this.ctx.clock.nowMs);
  }

  /** Models pastActiveDeadline; never while suspended. */
  private pastActiveDeadline(job: StoredJob, status: WorkingJobStatus): boolean {
    const ads = job.spec?.activeDeadlineSeconds;
    const start = fromTimestamp(status.startTime);
    if (ads === undefined || ads === null || start === undefined || isJobSuspended(job)) return false;
    return this.ctx.clock.nowMs - start >= ads * 1000;
  }

  /** Models getValidPodsWithFilter: pods still carrying the finalizer, not yet uncounted, with a valid index. */
  private validPodsWithFilter(jc: SyncJobCtx, uncounted: ReadonlySet<string>, filter: (p: StoredPod) => boolean): StoredPod[] {
    const out: StoredPod[] = [];
    const indexed = isIndexedJob(jc.job);
    const completions = jc.job.spec?.completions ?? 0;
    for (const p of jc.pods) {
      if (!hasJobTrackingFinalizer(p) || uncounted.has(p.metadata.uid!)) continue;
      if (indexed) {
        const ix = completionIndexOf(p.metadata.annotations);
        if (ix === UNKNOWN_COMPLETION_INDEX || ix >= completions) continue;
      }
      if (filter(p)) out.push(p);
    }
    return out;
  }

  /**
   * Models getPodsForJob: the Job's pods plus orphans it selects (adopted with an ownerReference and the tracking
   * finalizer); pods it owns but no longer selects are released.
   */
  private getPodsForJob(job: StoredJob): { pods: StoredPod[]; error?: string } {
    const { api } = this.ctx;
    const ns = job.metadata.namespace!;
    const sel = fromLabelSelector(job.spec?.selector);
    const names = new Set<string>();
    for (const depKey of api.store.dependents(job.metadata.uid!)) {
      const [kind, depNs, ...rest] = depKey.split('/');
      if (kind === 'Pod' && depNs === ns) names.add(rest.join('/'));
    }
    for (const p of api.list<StoredPod>('Pod', ns)) if (!controllerRef(p)) names.add(p.metadata.name);
    const candidates: StoredPod[] = [];
    for (const n of [...names].sort()) {
      const p = api.get<StoredPod>('Pod', ns, n);
      if (p) candidates.push(p);
    }
    const claim = claimObjects(job, candidates, (p) => sel !== null && matches(sel, p.metadata.labels), this.claimWrites(job));
    // Re-read: adoption added the ownerReference and the finalizer.
    const pods = claim.claimed.map((p) => api.get<StoredPod>('Pod', ns, p.metadata.name)).filter((p): p is StoredPod => p !== undefined);
    return claim.errors.length > 0 ? { pods, error: claim.errors[0]! } : { pods };
  }

  /** Adoption adds the controller reference and the tracking finalizer in one write; release removes the reference. */
  private claimWrites(job: StoredJob): ClaimWrites<StoredPod> {
    const { api } = this.ctx;
    const write = (pod: StoredPod, change: (draft: KubeObject) => string | undefined): ClaimWrite => {
      let refused: string | undefined;
      const r = api.mutate('Pod', pod.metadata.namespace, pod.metadata.name, (draft) => {
        if (draft.metadata.uid !== pod.metadata.uid) {
          refused = `Pod ${pod.metadata.name} was recreated`;
          return;
        }
        refused = change(draft);
      });
      if (!r.ok) return { ok: false, notFound: r.status.reason === 'NotFound', message: r.status.message };
      return refused ? { ok: false, notFound: false, message: refused } : { ok: true };
    };
    return {
      adopt: (pod) =>
        write(pod, (draft) => {
          const existing = controllerRef(draft);
          if (existing) return `Object ${draft.metadata.name} is already controlled by ${existing.kind} ${existing.name}`;
          draft.metadata.ownerReferences = [...(draft.metadata.ownerReferences ?? []), newControllerRef(job)];
          const fins = draft.metadata.finalizers ?? [];
          if (!fins.includes(JOB_TRACKING_FINALIZER)) draft.metadata.finalizers = [...fins, JOB_TRACKING_FINALIZER];
          return undefined;
        }),
      release: (pod) =>
        write(pod, (draft) => {
          const rest = (draft.metadata.ownerReferences ?? []).filter((o) => o.uid !== job.metadata.uid);
          if (rest.length > 0) draft.metadata.ownerReferences = rest;
          else delete draft.metadata.ownerReferences;
          return undefined;
        }),
    };
  }

  /**
   * Models manageJob: deletes every active pod of a suspended Job, removes pods beyond wantActive, or creates the
   * missing ones once the failure backoff has passed (in slow-start batches). Returns the new active count.
   */
  private manageJob(job: StoredJob, jc: SyncJobCtx): { active: number; error?: string } {
    const key = keyOf(job);
    let active = jc.activePods.length;
    const parallelism = job.spec?.parallelism ?? 1;
    if (isJobSuspended(job)) {
      const r = this.deletePods(job, activePodsForRemoval(job, jc.activePods, active), true);
      jc.terminating += r.deleted;
      jc.ready -= r.deletedReady;
      return { active: active - r.deleted, ...(r.error ? { error: r.error } : {}) };
    }
    const want = wantActive(job.spec?.completions, parallelism, jc.succeeded, active);
    const rmAtLeast = Math.max(0, active - want);
    const toDelete = activePodsForRemoval(job, jc.activePods, rmAtLeast).slice(0, MAX_POD_CREATE_DELETE_PER_SYNC);
    if (toDelete.length > 0) {
      // A sync either deletes or creates pods, never both; deletion wins.
      const r = this.deletePods(job, toDelete, true);
      jc.terminating += r.deleted;
      jc.ready -= r.deletedReady;
      return { active: active - r.deleted, ...(r.error ? { error: r.error } : {}) };
    }
    const terminating = onlyReplaceFailedPods(job) ? jc.terminating : 0;
    let diff = want - terminating - active;
    if (diff <= 0) return { active };
    const remaining = remainingBackoffMs(jc.newBackoffRecord, this.ctx.clock.nowMs);
    if (remaining > 0) {
      // Models enqueueSyncJobWithDelay; upstream reports 0 active for this sync.
      this.queue.add(key, Math.max(remaining, SYNC_JOB_BATCH_PERIOD_MS));
      return { active: 0 };
    }
    diff = Math.min(diff, MAX_POD_CREATE_DELETE_PER_SYNC);
    let indexesToAdd: number[] = [];
    if (isIndexedJob(job)) {
      const terminatingPods = onlyReplaceFailedPods(job) ? jc.pods.filter(isPodTerminating) : undefined;
      indexesToAdd = firstPendingIndexes(jc.succeededIndexes, jc.activePods, terminatingPods, diff, job.spec?.completions ?? 0);
      diff = indexesToAdd.length;
    }
    active += diff;
    const template = deepCopy(job.spec?.template ?? {}) as PodTemplateSpec;
    if (isIndexedJob(job)) addCompletionIndexEnvVariables(template);
    const meta = (template.metadata ??= {});
    meta.finalizers = [...(meta.finalizers ?? []).filter((f) => f !== JOB_TRACKING_FINALIZER), JOB_TRACKING_FINALIZER];
    let firstError: string | undefined;
    for (let batch = Math.min(diff, SLOW_START_INITIAL_BATCH_SIZE); diff > 0; batch = Math.min(2 * batch, diff)) {
      let errors = 0;
      for (let i = 0; i < batch; i++) {
        const index = indexesToAdd.length > 0 ? indexesToAdd.shift()! : UNKNOWN_COMPLETION_INDEX;
        const err = this.createPod(job, template, index);
        if (err !== undefined) {
          active--;
          errors++;
          firstError ??= err;
        }
      }
      const skipped = diff - batch;
      if (errors > 0 && skipped > 0) {
        // Slow start: after a failing batch the rest is left for a later sync.
        active -= skipped;
        break;
      }
      diff -= batch;
    }
    return { active, ...(firstError ? { error: firstError } : {}) };
  }

  /**
   * Models RealPodControl.CreatePodsWithGenerateName with GetPodFromTemplate: `<job>-<5 chars>`, or for an index
   * `<job>-<index>-<5 chars>` with the index annotation and label and hostname `<job>-<index>`.
   * Returns an error message, or undefined (also when the namespace is terminating, which upstream ignores).
   */
  private createPod(job: StoredJob, template: PodTemplateSpec, index: number): string | undefined {
    const labels = { ...(template.metadata?.labels ?? {}) };
    const annotations = { ...(template.metadata?.annotations ?? {}) };
    const spec = deepCopy(template.spec ?? { containers: [] });
    let generateName = `${job.metadata.name}-`;
    if (index !== UNKNOWN_COMPLETION_INDEX) {
      annotations[JOB_COMPLETION_INDEX_ANNOTATION] = String(index);
      labels[JOB_COMPLETION_INDEX_ANNOTATION] = String(index);
      spec.hostname = `${job.metadata.name}-${index}`;
      generateName = podGenerateNameWithIndex(job.metadata.name, index);
    }
    const metadata: KubeObject['metadata'] = { name: '', generateName, namespace: job.metadata.namespace, labels };
    if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
    metadata.finalizers = [...(template.metadata?.finalizers ?? [])];
    metadata.ownerReferences = [newControllerRef(job)];
    const r = this.ctx.api.create({ apiVersion: 'v1', kind: 'Pod', metadata, spec });
    if (!r.ok) {
      if (isNamespaceTerminating(r.status)) return undefined;
      this.ctx.events.record(SOURCE, job, 'Warning', 'FailedCreate', `Error creating: ${r.status.message}`);
      return r.status.message;
    }
    this.ctx.events.record(SOURCE, job, 'Normal', 'SuccessfulCreate', `Created pod: ${r.value.metadata.name}`);
    return undefined;
  }

  /**
   * Models deleteJobPods (`removeFinalizer`: the finalizer goes first, so the pod is not counted) and
   * deleteActivePods (finalizers kept; trackJobStatusAndRemoveFinalizers counts and releases them).
   */
  private deletePods(job: StoredJob, pods: readonly StoredPod[], removeFinalizer: boolean): { deleted: number; deletedReady: number; error?: string } {
    let deleted = 0;
    let deletedReady = 0;
    let error: string | undefined;
    for (const pod of pods) {
      if (removeFinalizer) {
        const err = this.removeTrackingFinalizer(pod);
        if (err) {
          error ??= `removing completion finalizer: ${err}`;
          continue;
        }
      }
      const r = this.ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name, { uid: pod.metadata.uid! });
      if (!r.ok && r.status.reason !== 'NotFound') {
        this.ctx.events.record(SOURCE, job, 'Warning', 'FailedDelete', `Error deleting: ${r.status.message}`);
        error ??= r.status.message;
        continue;
      }
      if (r.ok) this.ctx.events.record(SOURCE, job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
      deleted++;
      if (isPodReady(pod)) deletedReady++;
    }
    return { deleted, deletedReady, ...(error ? { error } : {}) };
  }

  /** Removes the tracking finalizer from the pod (if it is still the same pod). Returns an error message or undefined. */
  private removeTrackingFinalizer(pod: StoredPod): string | undefined {
    const cur = this.ctx.api.get<StoredPod>('Pod', pod.metadata.namespace, pod.metadata.name);
    if (!cur || cur.metadata.uid !== pod.metadata.uid || !hasJobTrackingFinalizer(cur)) return undefined;
    const r = this.ctx.api.removeFinalizer('Pod', pod.metadata.namespace, pod.metadata.name, JOB_TRACKING_FINALIZER);
    if (!r.ok && r.status.reason !== 'NotFound') return r.status.message;
    return undefined;
  }

  /**
   * Models trackJobStatusAndRemoveFinalizers: records finished pods in `uncountedTerminatedPods`, removes their
   * finalizers, moves them into the succeeded/failed counters, and adds the terminal condition once nothing is
   * left uncounted or terminating.
   */
  private trackJobStatusAndRemoveFinalizers(jc: SyncJobCtx, needsFlushIn: boolean): string | undefined {
    let needsFlush = needsFlushIn;
    const { job, status } = jc;
    const indexed = isIndexedJob(job);
    const completions = job.spec?.completions ?? 0;
    if (indexed) jc.pods = sortByCompletionIndex(jc.pods);
    const uidsWithFinalizer = new Set(jc.pods.filter(hasJobTrackingFinalizer).map((p) => p.metadata.uid!));
    if (cleanUncountedPodsWithoutFinalizers(status, uidsWithFinalizer)) needsFlush = true;
    const podsToRemoveFinalizer: StoredPod[] = [];
    const newSucceededIndexes: number[] = [];
    let reachedMaxUncountedPods = false;
    for (const pod of jc.pods) {
      if (!hasJobTrackingFinalizer(pod)) continue;
      const uid = pod.metadata.uid!;
      const considerPodFailed = isPodFailed(pod, job);
      if (!this.canRemoveFinalizer(jc, pod, considerPodFailed)) continue;
      podsToRemoveFinalizer.push(pod);
      if (pod.status?.phase === 'Succeeded' && !jc.uncounted.failed.has(uid)) {
        if (indexed) {
          // The index is enough to avoid counting a success twice; no uid is tracked.
          const ix = completionIndexOf(pod.metadata.annotations);
          if (ix !== UNKNOWN_COMPLETION_INDEX && ix < completions && !intervalsHave(jc.prevSucceededIndexes, ix)) {
            newSucceededIndexes.push(ix);
            needsFlush = true;
          }
        } else if (!jc.uncounted.succeeded.has(uid)) {
          needsFlush = true;
          status.uncounted.succeeded.push(uid);
        }
      } else if (considerPodFailed || (jc.finishedCondition && !isSuccessCriteriaMet(jc.finishedCondition))) {
        // Once the Job is finished (not by success), every pod that has not succeeded counts as failed.
        const ix = completionIndexOf(pod.metadata.annotations);
        if (!jc.uncounted.failed.has(uid) && (!indexed || (ix !== UNKNOWN_COMPLETION_INDEX && ix < completions))) {
          needsFlush = true;
          status.uncounted.failed.push(uid);
        }
      }
      if (newSucceededIndexes.length + status.uncounted.succeeded.length + status.uncounted.failed.length >= MAX_UNCOUNTED_PODS) {
        reachedMaxUncountedPods = true;
        break;
      }
    }
    if (indexed) {
      jc.succeededIndexes = withOrderedIndexes(jc.succeededIndexes, [...newSucceededIndexes].sort((a, b) => a - b));
      const text = formatIntervals(jc.succeededIndexes);
      if (text !== status.completedIndexes) needsFlush = true;
      status.succeeded = totalIndexes(jc.succeededIndexes);
      status.completedIndexes = text;
    }
    if (jc.finishedCondition?.type === 'FailureTarget') {
      // The interim condition is written before the finalizers go, so the failure reason survives a crash.
      status.conditions.push(jc.finishedCondition);
      needsFlush = true;
      jc.finishedCondition = newJobCondition('Failed', 'True', jc.finishedCondition.reason ?? '', jc.finishedCondition.message ?? '', this.ctx.clock.nowMs);
    }
    if (isSuccessCriteriaMet(jc.finishedCondition)) {
      if (!successCriteriaMetCondition(status.conditions)) {
        status.conditions.push(jc.finishedCondition!);
        needsFlush = true;
      }
      jc.finishedCondition = newJobCondition('Complete', 'True', jc.finishedCondition!.reason ?? '', jc.finishedCondition!.message ?? '', this.ctx.clock.nowMs);
    }
    const flushed = this.flushUncountedAndRemoveFinalizers(jc, podsToRemoveFinalizer, uidsWithFinalizer, needsFlush);
    if (flushed.error) return flushed.error;
    needsFlush = flushed.needsFlush;
    const jobFinished = !reachedMaxUncountedPods && this.enactJobFinished(jc);
    if (jobFinished) needsFlush = true;
    if (needsFlush) {
      const err = this.writeStatus(jc);
      if (err) return `removing uncounted pods from status: ${err}`;
      if (jobFinished) this.recordJobFinished(jc);
    }
    return undefined;
  }

  /** Models canRemoveFinalizer (without the per-index delay of backoffLimitPerIndex). */
  private canRemoveFinalizer(jc: SyncJobCtx, pod: StoredPod, considerPodFailed: boolean): boolean {
    if (jc.job.metadata.deletionTimestamp || jc.finishedCondition || pod.status?.phase === 'Succeeded') return true;
    return considerPodFailed;
  }

  /**
   * Models flushUncountedAndRemoveFinalizers: writes the status with the new uncounted uids (and interim
   * conditions), removes the finalizers, then moves the uids whose finalizer is gone into the counters.
   */
  private flushUncountedAndRemoveFinalizers(jc: SyncJobCtx, podsToRemoveFinalizer: readonly StoredPod[], uidsWithFinalizer: Set<string>, needsFlushIn: boolean): { needsFlush: boolean; error?: string } {
    let needsFlush = needsFlushIn;
    if (needsFlush) {
      const err = this.writeStatus(jc);
      if (err) return { needsFlush, error: `adding uncounted pods to status: ${err}` };
      // The backoff record advances only with a status that counts the pods it is based on.
      this.backoff.update(jc.newBackoffRecord);
      needsFlush = false;
    }
    let rmErr: string | undefined;
    for (const pod of podsToRemoveFinalizer) {
      const err = this.removeTrackingFinalizer(pod);
      if (err) rmErr ??= err;
      else uidsWithFinalizer.delete(pod.metadata.uid!);
    }
    if (cleanUncountedPodsWithoutFinalizers(jc.status, uidsWithFinalizer)) needsFlush = true;
    if (rmErr && needsFlush) {
      const err = this.writeStatus(jc);
      if (err) return { needsFlush, error: `removing uncounted pods from status: ${err}` };
    }
    return rmErr ? { needsFlush, error: rmErr } : { needsFlush };
  }

  /**
   * Models enactJobFinished: the terminal condition (Complete with completionTime, or Failed) once no pod is
   * uncounted or still terminating.
   */
  private enactJobFinished(jc: SyncJobCtx): boolean {
    const cond = jc.finishedCondition;
    if (!cond) return false;
    const { status } = jc;
    if (status.uncounted.succeeded.length + status.uncounted.failed.length > 0) return false;
    if (jc.terminating > 0) return false;
    ensureJobConditionStatus(status.conditions, cond.type, cond.status as 'True', cond.reason ?? '', cond.message ?? '', this.ctx.clock.nowMs);
    if (cond.type === 'Complete') status.completionTime = cond.lastTransitionTime!;
    return true;
  }

  /** Models recordJobFinished: `Completed` / `Job completed`, or a Warning with the failure reason and message. */
  private recordJobFinished(jc: SyncJobCtx): void {
    const cond = jc.finishedCondition!;
    const job = this.ctx.api.get<StoredJob>('Job', jc.job.metadata.namespace, jc.job.metadata.name) ?? jc.job;
    if (cond.type === 'Complete') {
      const completions = jc.job.spec?.completions;
      if (completions !== undefined && completions !== null && jc.status.succeeded > completions) {
        this.ctx.events.record(SOURCE, job, 'Warning', 'TooManySucceededPods', 'Too many succeeded pods running after completion count reached');
      }
      this.ctx.events.record(SOURCE, job, 'Normal', 'Completed', 'Job completed');
    } else {
      this.ctx.events.record(SOURCE, job, 'Warning', cond.reason ?? '', cond.message ?? '');
    }
  }

  /** Models updateJobStatus: replaces the Job's status with the working copy. */
  private writeStatus(jc: SyncJobCtx): string | undefined {
    const status = serializeJobStatus(jc.status);
    let gone = false;
    const r = this.ctx.api.mutate('Job', jc.job.metadata.namespace, jc.job.metadata.name, (draft) => {
      if (draft.metadata.uid !== jc.job.metadata.uid) {
        gone = true;
        return;
      }
      draft.status = status;
    }, 'status');
    if (!r.ok) return r.status.message;
    if (gone) return `Job ${jc.job.metadata.name} was recreated`;
    return undefined;
  }
}

/**
 * Models cleanUncountedPodsWithoutFinalizers: uids whose pod no longer has the finalizer move from the uncounted
 * lists into the counters. Returns whether anything moved.
 */
function cleanUncountedPodsWithoutFinalizers(status: WorkingJobStatus, uidsWithFinalizer: ReadonlySet<string>): boolean {
  let updated = false;
  const keepS = status.uncounted.succeeded.filter((u) => uidsWithFinalizer.has(u));
  if (keepS.length !== status.uncounted.succeeded.length) {
    updated = true;
    status.succeeded += status.uncounted.succeeded.length - keepS.length;
    status.uncounted.succeeded = keepS;
  }
  const keepF = status.uncounted.failed.filter((u) => uidsWithFinalizer.has(u));
  if (keepF.length !== status.uncounted.failed.length) {
    updated = true;
    status.failed += status.uncounted.failed.length - keepF.length;
    status.uncounted.failed = keepF;
  }
  return updated;
}
