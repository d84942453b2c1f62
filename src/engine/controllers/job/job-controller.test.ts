import { describe, expect, it } from 'vitest';
import type { Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { createCluster, type Cluster } from '../../cluster/cluster';
import type { KubeObject } from '../../api/types';
import { controllerRef, fromTimestamp } from '../../api/meta';
import { JOB_COMPLETION_INDEX_ANNOTATION, JOB_TRACKING_FINALIZER } from './job-util';

type StoredJob = Job & KubeObject;
type StoredPod = Pod & KubeObject;

interface JobOpts {
  name?: string;
  image?: string;
  command?: string[];
  restartPolicy?: 'Never' | 'OnFailure';
  spec?: Record<string, unknown>;
}

function jobManifest(o: JobOpts = {}): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: o.name ?? 'work', namespace: 'default' },
    spec: {
      ...(o.spec ?? {}),
      template: { spec: { containers: [{ name: 'main', image: o.image ?? 'busybox', imagePullPolicy: 'IfNotPresent', command: o.command ?? ['sh', '-c', 'sleep 2'] }], restartPolicy: o.restartPolicy ?? 'Never' } },
    },
  };
}

function start(manifest: KubeObject): Cluster {
  const c = createCluster({ seed: 3 });
  const r = c.api.create(manifest);
  if (!r.ok) throw new Error(r.status.message);
  return c;
}

const job = (c: Cluster, name = 'work') => c.api.get<StoredJob>('Job', 'default', name)!;
const podsOf = (c: Cluster, name = 'work') =>
  c.api.list<StoredPod>('Pod', 'default').filter((p) => p.metadata.labels?.['batch.kubernetes.io/job-name'] === name);
const conditions = (j: StoredJob) => (j.status?.conditions ?? []).map((x) => `${x.type}=${x.status}/${x.reason ?? ''}`);
const events = (c: Cluster, name = 'work') =>
  c.api.list('Event', 'default').filter((e) => (e.involvedObject as { kind: string; name: string }).kind === 'Job' && (e.involvedObject as { name: string }).name === name)
    .map((e) => `${e.reason as string}: ${e.message as string}`);

describe('Job controller on a cluster', () => {
  it('runs the pi Job to completion: 1/1 succeeded, SuccessCriteriaMet then Complete, pod Completed, log of pi', () => {
    const c = start(jobManifest({ name: 'pi', image: 'perl', command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'], spec: { backoffLimit: 4 } }));
    c.advance(2000);
    const running = job(c, 'pi');
    expect(running.status?.startTime).toBeDefined();
    expect(running.status?.active).toBe(1);
    const [pod] = podsOf(c, 'pi');
    expect(pod!.metadata.name).toMatch(/^pi-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pod!.metadata.finalizers).toEqual([JOB_TRACKING_FINALIZER]);
    expect(controllerRef(pod!)?.kind).toBe('Job');
    expect(Object.keys(pod!.metadata.labels ?? {}).sort()).toEqual(['batch.kubernetes.io/controller-uid', 'batch.kubernetes.io/job-name', 'controller-uid', 'job-name']);
    c.advance(60_000);
    const done = job(c, 'pi');
    expect(done.status?.succeeded).toBe(1);
    expect(done.status?.active).toBeUndefined();
    expect(done.status?.ready).toBe(0);
    expect(done.status?.terminating).toBe(0);
    expect(done.status?.uncountedTerminatedPods).toEqual({});
    expect(conditions(done)).toEqual(['SuccessCriteriaMet=True/CompletionsReached', 'Complete=True/CompletionsReached']);
    expect(done.status?.completionTime).toBe(done.status?.conditions?.[1]?.lastTransitionTime);
    const finished = podsOf(c, 'pi')[0]!;
    expect(finished.status?.phase).toBe('Succeeded');
    expect(finished.metadata.finalizers).toBeUndefined();
    expect(events(c, 'pi')).toEqual([`SuccessfulCreate: Created pod: ${finished.metadata.name}`, 'Completed: Job completed']);
    const log = c.logs('default', finished.metadata.name, 'main');
    expect(log.ok && log.value.startsWith('3.14159265358979')).toBe(true);
  });

  it('restartPolicy Never: every failure is a new pod, 10s/20s/40s… apart; the 7th failure (default backoffLimit 6) fails the Job', () => {
    const c = start(jobManifest({ command: ['sh', '-c', 'exit 1'] }));
    c.advance(20 * 60_000);
    const pods = podsOf(c);
    expect(pods.length).toBe(7);
    expect(pods.every((p) => p.status?.phase === 'Failed')).toBe(true);
    const j = job(c);
    expect(j.status?.failed).toBe(7);
    expect(conditions(j)).toEqual(['FailureTarget=True/BackoffLimitExceeded', 'Failed=True/BackoffLimitExceeded']);
    expect(j.status?.conditions?.[1]?.message).toBe('Job has reached the specified backoff limit');
    expect(j.status?.completionTime).toBeUndefined();
    expect(events(c).at(-1)).toBe('BackoffLimitExceeded: Job has reached the specified backoff limit');
    // Creation gaps grow with the backoff (each pod also takes a moment to start and fail).
    const created = pods.map((p) => fromTimestamp(p.metadata.creationTimestamp)!).sort((a, b) => a - b);
    const gaps = created.slice(1).map((t, i) => (t - created[i]!) / 1000);
    const backoffs = [10, 20, 40, 80, 160, 320];
    gaps.forEach((g, i) => {
      expect(g).toBeGreaterThanOrEqual(backoffs[i]!);
      expect(g).toBeLessThan(backoffs[i]! + 5);
    });
  });

  it('restartPolicy OnFailure: the kubelet restarts the container in the same pod until the restarts reach backoffLimit', () => {
    const c = start(jobManifest({ command: ['sh', '-c', 'exit 1'], restartPolicy: 'OnFailure', spec: { backoffLimit: 2 } }));
    c.advance(8_000);
    const [pod] = podsOf(c);
    expect(podsOf(c).length).toBe(1);
    expect(pod!.status?.containerStatuses?.[0]?.restartCount).toBe(1);
    expect(conditions(job(c))).toEqual([]);
    c.advance(120_000);
    const j = job(c);
    expect(conditions(j)).toEqual(['FailureTarget=True/BackoffLimitExceeded', 'Failed=True/BackoffLimitExceeded']);
    expect(j.status?.failed).toBe(1);
    // The one pod was deleted when the Job failed.
    expect(podsOf(c)).toEqual([]);
    expect(events(c)).toContain(`SuccessfulDelete: Deleted pod: ${events(c)[0]!.replace('SuccessfulCreate: Created pod: ', '')}`);
  });

  it('parallelism 2 with completions 5: at most two pods at a time until five succeeded', () => {
    const c = start(jobManifest({ command: ['sh', '-c', 'sleep 5'], spec: { completions: 5, parallelism: 2 } }));
    let maxActive = 0;
    for (let i = 0; i < 60; i++) {
      c.advance(1000);
      const active = podsOf(c).filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed').length;
      maxActive = Math.max(maxActive, active);
    }
    expect(maxActive).toBe(2);
    const j = job(c);
    expect(j.status?.succeeded).toBe(5);
    expect(podsOf(c).length).toBe(5);
    expect(conditions(j).at(-1)).toBe('Complete=True/CompletionsReached');
  });

  it('Indexed: pods <job>-<index>-xxxxx with the index annotation, label, hostname and JOB_COMPLETION_INDEX', () => {
    const c = start(jobManifest({ name: 'idx', spec: { completions: 3, parallelism: 3, completionMode: 'Indexed' } }));
    c.advance(1000);
    const pods = podsOf(c, 'idx').sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
    expect(pods.map((p) => p.metadata.name.replace(/-[a-z0-9]{5}$/, ''))).toEqual(['idx-0', 'idx-1', 'idx-2']);
    pods.forEach((p, i) => {
      expect(p.metadata.annotations?.[JOB_COMPLETION_INDEX_ANNOTATION]).toBe(String(i));
      expect(p.metadata.labels?.[JOB_COMPLETION_INDEX_ANNOTATION]).toBe(String(i));
      expect(p.spec?.hostname).toBe(`idx-${i}`);
      expect(p.spec?.containers[0]!.env).toEqual([{ name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: `metadata.labels['${JOB_COMPLETION_INDEX_ANNOTATION}']` } } }]);
    });
    c.advance(30_000);
    const j = job(c, 'idx');
    expect(j.status?.completedIndexes).toBe('0-2');
    expect(j.status?.succeeded).toBe(3);
    expect(conditions(j).at(-1)).toBe('Complete=True/CompletionsReached');
  });

  it('activeDeadlineSeconds: the Job fails with DeadlineExceeded and its running pod is deleted', () => {
    const c = start(jobManifest({ command: ['sh', '-c', 'sleep 600'], spec: { activeDeadlineSeconds: 10 } }));
    c.advance(9_000);
    expect(conditions(job(c))).toEqual([]);
    c.advance(2_000);
    expect(conditions(job(c))).toEqual(['FailureTarget=True/DeadlineExceeded']);
    expect(podsOf(c)[0]!.metadata.deletionTimestamp).toBeDefined();
    c.advance(60_000);
    const j = job(c);
    expect(conditions(j)).toEqual(['FailureTarget=True/DeadlineExceeded', 'Failed=True/DeadlineExceeded']);
    expect(j.status?.conditions?.[1]?.message).toBe('Job was active longer than specified deadline');
    expect(j.status?.failed).toBe(1);
    expect(podsOf(c)).toEqual([]);
  });

  it('ttlSecondsAfterFinished: the finished Job and its pods are deleted after the TTL', () => {
    const c = start(jobManifest({ spec: { ttlSecondsAfterFinished: 20 } }));
    c.advance(15_000);
    const j = job(c);
    expect(conditions(j).at(-1)).toBe('Complete=True/CompletionsReached');
    const finishedAt = fromTimestamp(j.status?.completionTime)!;
    c.advance(finishedAt + 19_000 - c.nowMs);
    expect(c.api.get('Job', 'default', 'work')).toBeDefined();
    c.advance(5_000);
    expect(c.api.get('Job', 'default', 'work')).toBeUndefined();
    expect(podsOf(c)).toEqual([]);
  });

  it('deleting a running Job: its pods lose the tracking finalizer and go; orphaned pods keep running without it', () => {
    const c = start(jobManifest({ command: ['sh', '-c', 'sleep 300'], spec: { parallelism: 2 } }));
    c.api.create(jobManifest({ name: 'kept', command: ['sh', '-c', 'sleep 300'] }));
    c.advance(10_000);
    expect(podsOf(c).length).toBe(2);
    expect(podsOf(c, 'kept')[0]!.metadata.finalizers).toEqual([JOB_TRACKING_FINALIZER]);
    c.api.delete('Job', 'default', 'work');
    c.api.delete('Job', 'default', 'kept', { propagationPolicy: 'Orphan' });
    c.advance(60_000);
    expect(podsOf(c)).toEqual([]);
    const [orphan] = podsOf(c, 'kept');
    expect(orphan!.status?.phase).toBe('Running');
    expect(orphan!.metadata.ownerReferences).toBeUndefined();
    expect(orphan!.metadata.finalizers).toBeUndefined();
  });

  it('suspend: no pods and a Suspended condition; resuming creates them and resets startTime', () => {
    const c = start(jobManifest({ spec: { suspend: true } }));
    c.advance(5_000);
    expect(podsOf(c)).toEqual([]);
    let j = job(c);
    expect(conditions(j)).toEqual(['Suspended=True/JobSuspended']);
    expect(j.status?.startTime).toBeUndefined();
    const r = c.api.mutate<StoredJob>('Job', 'default', 'work', (d) => {
      d.spec!.suspend = false;
    });
    expect(r.ok).toBe(true);
    c.advance(1_000);
    j = job(c);
    expect(conditions(j)).toEqual(['Suspended=False/JobResumed']);
    expect(j.status?.startTime).toBeDefined();
    expect(podsOf(c).length).toBe(1);
    // manageJob creates the pods before the sync records the resume, as upstream.
    expect(events(c)).toEqual(['Suspended: Job suspended', `SuccessfulCreate: Created pod: ${podsOf(c)[0]!.metadata.name}`, 'Resumed: Job resumed']);
  });
});
