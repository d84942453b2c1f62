import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { failure, makeApi, must } from './testing/harness';

// Tests read deep fields of stored objects, which are untyped JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

const template = (labels: Record<string, string>, extra: Obj = {}) => ({
  metadata: { labels },
  spec: { containers: [{ name: 'app', image: 'busybox:1.36' }], ...extra },
});

function replicaSet(name: string, spec: Obj = {}): KubeObject {
  return { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name, namespace: 'default' }, spec: { selector: { matchLabels: { app: name } }, template: template({ app: name }), ...spec } };
}
function statefulSet(name: string, spec: Obj = {}): KubeObject {
  return { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name, namespace: 'default' }, spec: { selector: { matchLabels: { app: name } }, serviceName: name, template: template({ app: name }), ...spec } };
}
function daemonSet(name: string, spec: Obj = {}): KubeObject {
  return { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name, namespace: 'default' }, spec: { selector: { matchLabels: { app: name } }, template: template({ app: name }), ...spec } };
}
function job(name: string, spec: Obj = {}): KubeObject {
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: { name, namespace: 'default' }, spec: { template: { spec: { containers: [{ name: 'pi', image: 'perl:5.34' }], restartPolicy: 'Never' } }, ...spec } };
}
function cronJob(name: string, spec: Obj = {}): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name, namespace: 'default' },
    spec: { schedule: '*/1 * * * *', jobTemplate: { spec: { template: { spec: { containers: [{ name: 'hello', image: 'busybox:1.36' }], restartPolicy: 'OnFailure' } } } }, ...spec },
  };
}

describe('ReplicaSet', () => {
  it('defaults replicas to 1 and starts with zero status replicas', () => {
    const { api } = makeApi();
    const rs = must(api.create(replicaSet('web')));
    expect((rs.spec as Obj).replicas).toBe(1);
    expect(rs.status).toEqual({ replicas: 0 });
  });

  it('requires a selector', () => {
    const { api } = makeApi();
    const rs = replicaSet('web');
    delete (rs.spec as Obj).selector;
    expect(failure(api.create(rs))).toBe(
      'ReplicaSet.apps "web" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`]',
    );
  });
});

describe('StatefulSet', () => {
  it('fills management, update and retention policies and claim-template defaults', () => {
    const { api } = makeApi();
    const sts = must(
      api.create(statefulSet('web', { volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }] })),
    );
    const spec = sts.spec as Obj;
    expect(spec.podManagementPolicy).toBe('OrderedReady');
    expect(spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
    expect(spec.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: 'Retain', whenScaled: 'Retain' });
    expect(spec.revisionHistoryLimit).toBe(10);
    expect(spec.replicas).toBe(1);
    expect(spec.volumeClaimTemplates[0]).toEqual({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'www' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' },
      status: { phase: 'Pending' },
    });
  });

  it('does not require serviceName but checks it when set', () => {
    const { api } = makeApi();
    const sts = statefulSet('web');
    delete (sts.spec as Obj).serviceName;
    must(api.create(sts));
    expect(failure(api.create(statefulSet('db', { serviceName: 'DB' })))).toBe(
      `StatefulSet.apps "db" is invalid: spec.serviceName: Invalid value: "DB": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    );
  });

  it('needs a DNS-1123 label name', () => {
    const { api } = makeApi();
    expect(failure(api.create(statefulSet('web.v1', { serviceName: 'web' })))).toMatch(/^StatefulSet\.apps "web\.v1" is invalid: metadata\.name: Invalid value: "web\.v1": a lowercase RFC 1123 label must consist/);
  });

  it('forbids changing fields other than the mutable ones', () => {
    const { api } = makeApi();
    const sts = must(api.create(statefulSet('web')));
    const next = structuredClone(sts);
    (next.spec as Obj).serviceName = 'other';
    expect(failure(api.update(next))).toBe(
      "StatefulSet.apps \"web\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    );
    const scaled = structuredClone(sts);
    (scaled.spec as Obj).replicas = 3;
    expect((must(api.update(scaled)).spec as Obj).replicas).toBe(3);
  });
});

describe('DaemonSet', () => {
  it('defaults the rolling update and records the template generation', () => {
    const { api } = makeApi();
    const ds = must(api.create(daemonSet('fluentd')));
    expect((ds.spec as Obj).updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    expect(ds.metadata.annotations).toEqual({ 'deprecated.daemonset.template.generation': '1' });
    expect(ds.status).toEqual({ currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 });
    const next = structuredClone(ds);
    (next.spec as Obj).template.spec.containers[0].image = 'busybox:1.37';
    expect(must(api.update(next)).metadata.annotations).toEqual({ 'deprecated.daemonset.template.generation': '2' });
  });

  it('rejects both maxSurge and maxUnavailable set', () => {
    const { api } = makeApi();
    const msg = failure(api.create(daemonSet('fluentd', { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: '25%' } } })));
    expect(msg).toBe('DaemonSet.apps "fluentd" is invalid: spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"25%"}: may not be set when maxUnavailable is non-zero');
  });
});

describe('Job', () => {
  it('generates the selector and labels from the uid and fills the defaults', () => {
    const { api } = makeApi();
    const j = must(api.create(job('pi')));
    const uid = j.metadata.uid!;
    const spec = j.spec as Obj;
    expect(spec.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': uid } });
    const labels = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': uid, 'job-name': 'pi' };
    expect(spec.template.metadata.labels).toEqual(labels);
    expect(j.metadata.labels).toEqual(labels);
    expect({
      completions: spec.completions,
      parallelism: spec.parallelism,
      backoffLimit: spec.backoffLimit,
      completionMode: spec.completionMode,
      suspend: spec.suspend,
      podReplacementPolicy: spec.podReplacementPolicy,
      manualSelector: spec.manualSelector,
    }).toEqual({ completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false, podReplacementPolicy: 'TerminatingOrFailed', manualSelector: false });
  });

  it('leaves completions unset for a work queue', () => {
    const { api } = makeApi();
    const spec = must(api.create(job('q', { parallelism: 3 }))).spec as Obj;
    expect(spec.completions).toBeUndefined();
    expect(spec.parallelism).toBe(3);
  });

  it('requires restartPolicy Never or OnFailure', () => {
    const { api } = makeApi();
    const j = job('pi');
    delete (j.spec as Obj).template.spec.restartPolicy;
    expect(failure(api.create(j))).toBe('Job.batch "pi" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"');
  });

  it('keeps the template immutable', () => {
    const { api } = makeApi();
    const j = must(api.create(job('pi')));
    const next = structuredClone(j);
    (next.spec as Obj).template.spec.containers[0].image = 'perl:5.36';
    expect(failure(api.update(next))).toMatch(/^Job\.batch "pi" is invalid: spec\.template: Invalid value: core\.PodTemplateSpec\{.*\}: field is immutable$/);
  });
});

describe('CronJob', () => {
  it('fills concurrency, suspend and history limits', () => {
    const { api } = makeApi();
    const spec = must(api.create(cronJob('hello'))).spec as Obj;
    expect([spec.concurrencyPolicy, spec.suspend, spec.successfulJobsHistoryLimit, spec.failedJobsHistoryLimit]).toEqual(['Allow', false, 3, 1]);
    expect(spec.jobTemplate.spec.template.spec.dnsPolicy).toBe('ClusterFirst');
    expect(spec.jobTemplate.spec.backoffLimit).toBeUndefined();
  });

  it.each([
    ['hello', 'expected exactly 5 fields, found 1: [hello]'],
    ['61 * * * *', 'end of range (61) above maximum (59): 61'],
    ['@fortnightly', 'unrecognized descriptor: @fortnightly'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['a * * * *', 'failed to parse int from a: strconv.Atoi: parsing "a": invalid syntax'],
  ])('rejects the schedule %s', (schedule, detail) => {
    const { api } = makeApi();
    expect(failure(api.create(cronJob('hello', { schedule })))).toBe(`CronJob.batch "hello" is invalid: spec.schedule: Invalid value: ${JSON.stringify(schedule)}: ${detail}`);
  });

  it('accepts names, ranges, lists and descriptors', () => {
    const { api } = makeApi();
    must(api.create(cronJob('a', { schedule: '30 6-16/4 * jan-jun mon-fri' })));
    must(api.create(cronJob('b', { schedule: '@hourly' })));
    must(api.create(cronJob('c', { schedule: '0,15,30,45 * * * *' })));
  });

  it('limits names to 52 characters', () => {
    const { api } = makeApi();
    const name = 'a'.repeat(53);
    expect(failure(api.create(cronJob(name)))).toBe(`CronJob.batch "${name}" is invalid: metadata.name: Invalid value: "${name}": must be no more than 52 characters`);
  });
});
