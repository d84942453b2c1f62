/**
 * The TTL-after-finished controller: deletes a finished Job (and, in the foreground, its pods)
 * `ttlSecondsAfterFinished` seconds after its Complete or Failed condition appeared.
 * Models pkg/controller/ttlafterfinished/ttlafterfinished_controller.go (addJob, updateJob, processJob, processTTL,
 * timeLeft, jobFinishTime).
 */
import type { ComponentContext } from '../../cluster/context';
import type { KubeObject } from '../../api/types';
import { fromTimestamp } from '../../api/meta';
import { WorkQueue, splitKey } from '../runtime';
import { finishedCondition, isJobFinished, type StoredJob } from '../job/job-util';

/** Models the default controller rate limiter's per-item backoff for failed deletes: 5ms doubling up to 1000s. */
const BACKOFF_BASE_MS = 5;
const BACKOFF_MAX_MS = 1_000_000;

/** Starts the TTL-after-finished controller. */
export function startTTLAfterFinishedController(ctx: ComponentContext): void {
  new TTLAfterFinishedController(ctx);
}

/** Models needsCleanup: a finished Job with a TTL. */
export function needsCleanup(job: StoredJob): boolean {
  const ttl = job.spec?.ttlSecondsAfterFinished;
  return ttl !== undefined && ttl !== null && isJobFinished(job);
}

/**
 * Models timeLeft: ms until the Job expires (finish time from its Complete/Failed condition plus the TTL); zero or
 * negative once it has. Undefined when the Job needs no cleanup or its finish time is unknown.
 */
export function ttlTimeLeftMs(job: StoredJob, nowMs: number): number | undefined {
  if (!needsCleanup(job)) return undefined;
  const finishAt = fromTimestamp(finishedCondition(job)?.lastTransitionTime);
  if (finishAt === undefined) return undefined;
  return finishAt + job.spec!.ttlSecondsAfterFinished! * 1000 - nowMs;
}

function keyOf(obj: KubeObject): string {
  return `${obj.metadata.namespace}/${obj.metadata.name}`;
}

class TTLAfterFinishedController {
  private readonly queue: WorkQueue;
  private readonly failures = new Map<string, number>();

  constructor(private readonly ctx: ComponentContext) {
    this.queue = new WorkQueue(ctx.clock, ctx.rng, 'ttl-after-finished', (key) => this.processJob(key));
    ctx.api.watch('Job', (ev) => {
      const job = ev.object as StoredJob;
      if (ev.type === 'DELETED') return;
      if (!job.metadata.deletionTimestamp && needsCleanup(job)) this.queue.add(keyOf(job));
    });
    for (const job of ctx.api.list<StoredJob>('Job')) if (!job.metadata.deletionTimestamp && needsCleanup(job)) this.queue.add(keyOf(job));
  }

  /** Models processTTL: true once expired; otherwise requeues for the moment it will be. */
  private processTTL(job: StoredJob): boolean {
    if (job.metadata.deletionTimestamp) return false;
    const left = ttlTimeLeftMs(job, this.ctx.clock.nowMs);
    if (left === undefined) return false;
    if (left <= 0) return true;
    this.queue.add(keyOf(job), left);
    return false;
  }

  /** Models processJob: deletes an expired Job in the foreground, only if it is still the same Job. */
  private processJob(key: string): void {
    const [ns, name] = splitKey(key);
    const job = this.ctx.api.get<StoredJob>('Job', ns, name);
    if (!job || !this.processTTL(job)) return;
    const r = this.ctx.api.delete('Job', ns, name, { propagationPolicy: 'Foreground', uid: job.metadata.uid! });
    if (r.ok || r.status.reason === 'NotFound') {
      this.failures.delete(key);
      return;
    }
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    this.queue.add(key, Math.min(BACKOFF_BASE_MS * 2 ** n, BACKOFF_MAX_MS));
  }
}
