import { describe, expect, it } from 'vitest';
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import { createCluster, type Cluster } from '../../cluster/cluster';
import type { KubeObject } from '../../api/types';
import { controllerRef, fromTimestamp } from '../../api/meta';

type StoredCronJob = CronJob & KubeObject;
type StoredJob = Job & KubeObject;

const MIN = 60_000;

function cronJobManifest(spec: Record<string, unknown> = {}, command = 'date; echo Hello from the Kubernetes cluster'): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello', namespace: 'default' },
    spec: {
      schedule: '*/1 * * * *',
      ...spec,
      jobTemplate: { spec: { template: { spec: { containers: [{ name: 'hello', image: 'busybox', imagePullPolicy: 'IfNotPresent', args: ['/bin/sh', '-c', command] }], restartPolicy: 'OnFailure' } } } },
    },
  };
}

function start(manifest: KubeObject): Cluster {
  const c = createCluster({ seed: 5 });
  const r = c.api.create(manifest);
  if (!r.ok) throw new Error(r.status.message);
  return c;
}

/** Runs until `ms` after the start of the next minute (the cluster boots at 09:01:00.010). */
function advanceTo(c: Cluster, minuteOffset: number, extraMs: number): void {
  const base = Math.floor(c.nowMs / MIN) * MIN;
  c.advance(base + minuteOffset * MIN + extraMs - c.nowMs);
}

const cj = (c: Cluster) => c.api.get<StoredCronJob>('CronJob', 'default', 'hello')!;
const jobs = (c: Cluster) => c.api.list<StoredJob>('Job', 'default').filter((j) => controllerRef(j)?.kind === 'CronJob');
const events = (c: Cluster) =>
  c.api.list('Event', 'default').filter((e) => (e.involvedObject as { kind: string }).kind === 'CronJob').map((e) => `${e.reason as string}: ${e.message as string}`);
const minutesName = (ms: number) => `hello-${Math.floor(ms / MIN)}`;

describe('CronJob controller on a cluster', () => {
  it('every minute: a Job per minute boundary named <cronjob>-<unix minutes>; history keeps 3 successful Jobs', () => {
    const c = start(cronJobManifest());
    const created = fromTimestamp(cj(c).metadata.creationTimestamp)!;
    const firstMinute = Math.floor(created / MIN) * MIN + MIN;
    advanceTo(c, 1, 50);
    expect(jobs(c)).toEqual([]);
    advanceTo(c, 0, 150);
    const [first] = jobs(c);
    expect(first!.metadata.name).toBe(minutesName(firstMinute));
    expect(first!.metadata.creationTimestamp).toBe(new Date(firstMinute).toISOString().replace('.000Z', 'Z'));
    expect(first!.metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe(new Date(firstMinute).toISOString().replace('.000Z', 'Z'));
    expect(cj(c).status?.active?.map((r) => r.name)).toEqual([first!.metadata.name]);
    expect(fromTimestamp(cj(c).status?.lastScheduleTime)).toBe(firstMinute);

    advanceTo(c, 0, 30_000);
    expect(cj(c).status?.active).toBeUndefined();
    const completed = jobs(c)[0]!.status?.completionTime;
    expect(completed).toBeDefined();
    expect(cj(c).status?.lastSuccessfulTime).toBe(completed);

    advanceTo(c, 5, 30_000);
    const names = jobs(c).map((j) => j.metadata.name).sort();
    expect(names).toEqual([minutesName(firstMinute + 3 * MIN), minutesName(firstMinute + 4 * MIN), minutesName(firstMinute + 5 * MIN)]);
    expect(jobs(c).every((j) => j.status?.conditions?.some((x) => x.type === 'Complete'))).toBe(true);
    // Only the kept Jobs' pods remain (the garbage collector removed the others).
    expect(c.api.list('Pod', 'default').length).toBe(3);
    const ev = events(c);
    expect(ev.slice(0, 2)).toEqual([`SuccessfulCreate: Created job ${minutesName(firstMinute)}`, `SawCompletedJob: Saw completed job: ${minutesName(firstMinute)}, condition: Complete`]);
    expect(ev).toContain(`SuccessfulDelete: Deleted job ${minutesName(firstMinute)}`);
    expect(ev).toContain(`SuccessfulDelete: Deleted job ${minutesName(firstMinute + 2 * MIN)}`);
    expect(ev).not.toContain(`SuccessfulDelete: Deleted job ${minutesName(firstMinute + 3 * MIN)}`);
  });

  it('failedJobsHistoryLimit keeps the newest failed Job', () => {
    const c = start(cronJobManifest({ failedJobsHistoryLimit: 1 }, 'exit 1'));
    // backoffLimit 0: the first restart fails each Job.
    c.api.mutate<StoredCronJob>('CronJob', 'default', 'hello', (d) => {
      d.spec!.jobTemplate.spec!.backoffLimit = 0;
    });
    advanceTo(c, 3, 30_000);
    const failed = jobs(c);
    expect(failed.length).toBe(1);
    expect(failed[0]!.status?.conditions?.map((x) => x.type)).toEqual(['FailureTarget', 'Failed']);
    expect(events(c).filter((e) => e.startsWith('SawCompletedJob')).at(-1)).toMatch(/condition: Failed$/);
  });

  it('Forbid: no new Job while one runs, with a JobAlreadyActive event', () => {
    const c = start(cronJobManifest({ concurrencyPolicy: 'Forbid' }, 'sleep 150'));
    advanceTo(c, 3, 30_000);
    const all = jobs(c);
    expect(all.length).toBe(1);
    expect(events(c)).toContain('JobAlreadyActive: Not starting job because prior execution is running and concurrency policy is Forbid');
  });

  it('Replace: the running Job is deleted and replaced', () => {
    const c = start(cronJobManifest({ concurrencyPolicy: 'Replace' }, 'sleep 150'));
    advanceTo(c, 1, 30_000);
    const firstName = jobs(c)[0]!.metadata.name;
    advanceTo(c, 1, 1_000);
    const now = jobs(c).filter((j) => !j.metadata.deletionTimestamp).map((j) => j.metadata.name);
    expect(now).not.toContain(firstName);
    expect(now.length).toBe(1);
    expect(events(c)).toContain(`SuccessfulDelete: Deleted job ${firstName}`);
    expect(cj(c).status?.active?.map((r) => r.name)).toEqual(now);
  });

  it('Allow: overlapping runs are all active', () => {
    const c = start(cronJobManifest({}, 'sleep 150'));
    advanceTo(c, 3, 1_000);
    expect(cj(c).status?.active?.length).toBe(3);
  });

  it('suspend: nothing runs; after resuming, a missed time still runs unless startingDeadlineSeconds has passed', () => {
    const c = start(cronJobManifest({ suspend: true }));
    advanceTo(c, 3, 20_000);
    expect(jobs(c)).toEqual([]);
    c.api.mutate<StoredCronJob>('CronJob', 'default', 'hello', (d) => {
      d.spec!.suspend = false;
    });
    c.advance(1_000);
    // The most recent missed minute runs at once.
    expect(jobs(c).map((j) => j.metadata.name)).toEqual([minutesName(Math.floor(c.nowMs / MIN) * MIN)]);

    const d = start(cronJobManifest({ suspend: true, startingDeadlineSeconds: 10 }));
    advanceTo(d, 3, 20_000);
    d.api.mutate<StoredCronJob>('CronJob', 'default', 'hello', (x) => {
      x.spec!.suspend = false;
    });
    d.advance(1_000);
    expect(jobs(d)).toEqual([]);
    advanceTo(d, 1, 1_000);
    expect(jobs(d).length).toBe(1);
  });

  it('more than 100 missed times: a TooManyMissedTimes warning, and only the most recent time runs', () => {
    const c = start(cronJobManifest());
    c.advance(20_000);
    const threeHoursAgo = Math.floor(c.nowMs / MIN) * MIN - 180 * MIN;
    const r = c.api.mutate<StoredCronJob>('CronJob', 'default', 'hello', (d) => {
      d.status = { lastScheduleTime: new Date(threeHoursAgo).toISOString().replace('.000Z', 'Z') };
    }, 'status');
    expect(r.ok).toBe(true);
    c.advance(1_000);
    expect(events(c)).toEqual([
      'TooManyMissedTimes: too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
      `SuccessfulCreate: Created job ${minutesName(Math.floor(c.nowMs / MIN) * MIN)}`,
    ]);
    expect(jobs(c).length).toBe(1);
  });

  it('time zone: the schedule fields are read in spec.timeZone', () => {
    // 18:xx in Tokyo is 09:xx UTC: the schedule `5 18 * * *` fires at 09:05 UTC on the cluster's first day.
    const c = start(cronJobManifest({ schedule: '5 18 * * *', timeZone: 'Asia/Tokyo' }));
    advanceTo(c, 5, 0);
    const [j] = jobs(c);
    expect(j).toBeDefined();
    expect(fromTimestamp(cj(c).status?.lastScheduleTime)! % (60 * MIN)).toBe(5 * MIN);
    expect(j!.metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp']).toMatch(/T18:05:00\+09:00$/);
  });
});
