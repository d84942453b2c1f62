import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { failure, failureStatus, makeApi, must, pod } from '../strategies/testing/harness';
import { tokenVolumeSuffix } from './service-account';

// Tests read deep fields of stored objects, which are untyped JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;
const obj = (apiVersion: string, kind: string, name: string, body: Obj = {}, namespace: string | undefined = 'default'): KubeObject => ({
  apiVersion,
  kind,
  metadata: { name, ...(namespace ? { namespace } : {}) },
  ...body,
});

describe('ServiceAccount admission', () => {
  it('runs pods as default and mounts the projected token in every container', () => {
    const { api } = makeApi();
    const p = must(api.create(pod('web', { initContainers: [{ name: 'init', image: 'busybox:1.36' }] })));
    const spec = p.spec as Obj;
    const volume = `kube-api-access-${tokenVolumeSuffix('default', 'web')}`;
    expect(volume).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(spec.serviceAccountName).toBe('default');
    expect(spec.serviceAccount).toBe('default');
    const mount = { name: volume, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' };
    expect(spec.containers[0].volumeMounts).toEqual([mount]);
    expect(spec.initContainers[0].volumeMounts).toEqual([mount]);
    expect(spec.volumes).toEqual([
      {
        name: volume,
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
            { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
          ],
        },
      },
    ]);
  });

  it('refuses a pod whose service account does not exist', () => {
    const { api } = makeApi();
    expect(failureStatus(api.create(pod('x', { serviceAccountName: 'foo' })))).toEqual({
      reason: 'Forbidden',
      code: 403,
      message: 'pods "x" is forbidden: error looking up service account default/foo: serviceaccount "foo" not found',
    });
  });

  it('honours the deprecated serviceAccount field and automountServiceAccountToken: false', () => {
    const { api } = makeApi();
    must(api.create(obj('v1', 'ServiceAccount', 'fluentd')));
    const p = must(api.create(pod('f', { serviceAccount: 'fluentd', automountServiceAccountToken: false })));
    expect((p.spec as Obj).serviceAccountName).toBe('fluentd');
    expect((p.spec as Obj).volumes).toBeUndefined();
  });

  it('leaves mirror pods alone', () => {
    const { api } = makeApi();
    const p = must(api.create(pod('etcd-node', { nodeName: 'node' }, { namespace: 'kube-system', annotations: { 'kubernetes.io/config.mirror': 'abc' } })));
    expect((p.spec as Obj).serviceAccountName).toBeUndefined();
  });
});

describe('DefaultTolerationSeconds', () => {
  it('adds the not-ready and unreachable tolerations unless the pod tolerates them', () => {
    const { api } = makeApi();
    const p = must(api.create(pod('web', { tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 }] })));
    expect((p.spec as Obj).tolerations).toEqual([
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 },
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
  });
});

describe('Priority admission', () => {
  it('resolves the class to a priority and preemption policy', () => {
    const { api } = makeApi();
    must(api.create(obj('scheduling.k8s.io/v1', 'PriorityClass', 'high-priority-nonpreempting', { value: 1000000, preemptionPolicy: 'Never' }, undefined)));
    const p = must(api.create(pod('nginx', { priorityClassName: 'high-priority-nonpreempting' })));
    expect([(p.spec as Obj).priority, (p.spec as Obj).preemptionPolicy]).toEqual([1000000, 'Never']);
    const plain = must(api.create(pod('plain')));
    expect([(plain.spec as Obj).priority, (plain.spec as Obj).preemptionPolicy]).toEqual([0, 'PreemptLowerPriority']);
    const critical = must(api.create(pod('dns', { priorityClassName: 'system-cluster-critical' })));
    expect((critical.spec as Obj).priority).toBe(2000000000);
  });

  it('refuses an unknown class', () => {
    const { api } = makeApi();
    expect(failure(api.create(pod('nginx', { priorityClassName: 'high-priority' })))).toBe('pods "nginx" is forbidden: no PriorityClass with name high-priority was found');
  });

  it('applies a global default and refuses a second one', () => {
    const { api } = makeApi();
    must(api.create(obj('scheduling.k8s.io/v1', 'PriorityClass', 'normal', { value: 1000, globalDefault: true }, undefined)));
    const p = must(api.create(pod('web')));
    expect([(p.spec as Obj).priorityClassName, (p.spec as Obj).priority]).toEqual(['normal', 1000]);
    expect(failure(api.create(obj('scheduling.k8s.io/v1', 'PriorityClass', 'other', { value: 5, globalDefault: true }, undefined)))).toBe(
      'priorityclasses.scheduling.k8s.io "other" is forbidden: PriorityClass normal is already marked as default. Only one default can exist',
    );
  });
});

describe('DefaultStorageClass', () => {
  it('gives class-less claims the newest default class', () => {
    const { api, clock } = makeApi();
    const sc = (name: string, isDefault: boolean) =>
      obj('storage.k8s.io/v1', 'StorageClass', name, { provisioner: 'example.com/nfs', metadata: { name, annotations: isDefault ? { 'storageclass.kubernetes.io/is-default-class': 'true' } : {} } }, undefined);
    must(api.create(sc('old-default', true)));
    clock.nowMs += 5000;
    must(api.create(sc('standard', true)));
    must(api.create(sc('other', false)));
    const claim = (name: string, spec: Obj = {}) => obj('v1', 'PersistentVolumeClaim', name, { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec } });
    expect((must(api.create(claim('a'))).spec as Obj).storageClassName).toBe('standard');
    expect((must(api.create(claim('b', { storageClassName: '' }))).spec as Obj).storageClassName).toBe('');
  });
});

describe('LimitRanger', () => {
  const limits = obj(
    'v1',
    'LimitRange',
    'dev-limits',
    {
      spec: {
        limits: [
          { type: 'Container', defaultRequest: { cpu: '200m', memory: '50Mi' }, default: { cpu: '500m', memory: '100Mi' } },
          { type: 'Pod', max: { cpu: '800m', memory: '200Mi' } },
        ],
      },
    },
    'dev',
  );

  it('fills container requests and limits and annotates the pod', () => {
    const { api } = makeApi();
    must(api.create(limits));
    const p = must(api.create(pod('ngx', { containers: [{ name: 'ngx', image: 'nginx:alpine' }] }, { namespace: 'dev' })));
    expect((p.spec as Obj).containers[0].resources).toEqual({ limits: { cpu: '500m', memory: '100Mi' }, requests: { cpu: '200m', memory: '50Mi' } });
    expect(p.metadata.annotations).toEqual({ 'kubernetes.io/limit-ranger': 'LimitRanger plugin set: cpu, memory request for container ngx; cpu, memory limit for container ngx' });
    expect((p.status as Obj).qosClass).toBe('Burstable');
  });

  it('enforces the per-pod maximum', () => {
    const { api } = makeApi();
    must(api.create(limits));
    const big = pod('big', { containers: [{ name: 'a', image: 'nginx:alpine', resources: { limits: { cpu: '1', memory: '100Mi' } } }] }, { namespace: 'dev' });
    expect(failure(api.create(big))).toBe('pods "big" is forbidden: maximum cpu usage per Pod is 800m, but limit is 1');
    const two = pod(
      'two',
      { containers: [{ name: 'a', image: 'nginx:alpine', resources: { limits: { cpu: '500m', memory: '150Mi' } } }, { name: 'b', image: 'nginx:alpine', resources: { limits: { cpu: '500m', memory: '150Mi' } } }] },
      { namespace: 'dev' },
    );
    expect(failure(api.create(two))).toBe('pods "two" is forbidden: [maximum cpu usage per Pod is 800m, but limit is 1, maximum memory usage per Pod is 200Mi, but limit is 300Mi]');
  });
});

describe('ResourceQuota', () => {
  const quota = obj(
    'v1',
    'ResourceQuota',
    'dev-qt',
    {
      spec: {
        hard: {
          'requests.cpu': '10',
          'requests.memory': '10Gi',
          'limits.cpu': '10',
          'limits.memory': '20Gi',
          'requests.storage': '100Gi',
          persistentvolumeclaims: '100',
          pods: '100',
          configmaps: '100',
          secrets: '100',
          services: '10',
          'count/jobs.batch': '1',
          'count/cronjobs.batch': '1',
          'count/deployments.apps': '1',
        },
      },
    },
    'dev',
  );
  const echoJob = (name: string) =>
    obj('batch/v1', 'Job', name, { spec: { template: { spec: { containers: [{ name, image: 'busybox', command: ['echo', 'hello'] }], restartPolicy: 'Never' } } } }, 'dev');

  it('computes status.used when the quota is created', () => {
    const { api } = makeApi();
    must(api.create(obj('v1', 'ConfigMap', 'kube-root-ca.crt', { data: { 'ca.crt': 'x' } }, 'dev')));
    const q = must(api.create(quota));
    expect((q.status as Obj).used).toEqual({
      configmaps: '1',
      'count/cronjobs.batch': '0',
      'count/deployments.apps': '0',
      'count/jobs.batch': '0',
      'limits.cpu': '0',
      'limits.memory': '0',
      persistentvolumeclaims: '0',
      pods: '0',
      'requests.cpu': '0',
      'requests.memory': '0',
      'requests.storage': '0',
      secrets: '0',
      services: '0',
    });
    expect((q.status as Obj).hard['limits.memory']).toBe('20Gi');
  });

  it('refuses the second Job with the exceeded-quota message and counts the first', () => {
    const { api } = makeApi();
    must(api.create(quota));
    must(api.create(echoJob('echo1')));
    expect(failureStatus(api.create(echoJob('echo2')))).toEqual({
      reason: 'Forbidden',
      code: 403,
      message: 'jobs.batch "echo2" is forbidden: exceeded quota: dev-qt, requested: count/jobs.batch=1, used: count/jobs.batch=1, limited: count/jobs.batch=1',
    });
    expect((api.get('ResourceQuota', 'dev', 'dev-qt')!.status as Obj).used['count/jobs.batch']).toBe('1');
  });

  it('refuses pods that do not state the constrained resources', () => {
    const { api } = makeApi();
    must(api.create(quota));
    expect(failure(api.create(pod('ngx', { containers: [{ name: 'ngx', image: 'nginx:alpine' }] }, { namespace: 'dev' })))).toBe(
      'pods "ngx" is forbidden: failed quota: dev-qt: must specify limits.cpu,limits.memory,requests.cpu,requests.memory',
    );
  });

  it('admits pods once a LimitRange fills them in, charges them and releases them on delete', () => {
    const { api } = makeApi();
    must(api.create(quota));
    must(api.create(obj('v1', 'LimitRange', 'dev-limits', { spec: { limits: [{ type: 'Container', defaultRequest: { cpu: '200m', memory: '50Mi' }, default: { cpu: '500m', memory: '100Mi' } }] } }, 'dev')));
    must(api.create(pod('ngx', { containers: [{ name: 'ngx', image: 'nginx:alpine' }] }, { namespace: 'dev' })));
    const used = () => (api.get('ResourceQuota', 'dev', 'dev-qt')!.status as Obj).used;
    expect([used().pods, used()['requests.cpu'], used()['requests.memory'], used()['limits.memory']]).toEqual(['1', '200m', '50Mi', '100Mi']);
    must(api.delete('Pod', 'dev', 'ngx'));
    expect([used().pods, used()['requests.cpu']]).toEqual(['0', '0']);
  });

  it('refuses a pod that would exceed the compute quota', () => {
    const { api } = makeApi();
    must(api.create(obj('v1', 'ResourceQuota', 'cpu', { spec: { hard: { 'requests.cpu': '1' } } }, 'dev')));
    const p = (name: string, cpu: string) => pod(name, { containers: [{ name: 'a', image: 'nginx:alpine', resources: { requests: { cpu } } }] }, { namespace: 'dev' });
    must(api.create(p('a', '600m')));
    expect(failure(api.create(p('b', '500m')))).toBe('pods "b" is forbidden: exceeded quota: cpu, requested: requests.cpu=500m, used: requests.cpu=600m, limited: requests.cpu=1');
  });

  it('leaves invalid objects to validation', () => {
    const { api } = makeApi();
    must(api.create(quota));
    must(api.create(echoJob('echo1')));
    const bad = echoJob('echo2');
    delete (bad.spec as Obj).template.spec.restartPolicy;
    expect(failure(api.create(bad))).toBe('Job.batch "echo2" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"');
  });
});

describe('decode errors', () => {
  it('reports a malformed quantity as a BadRequest', () => {
    const { api } = makeApi();
    const r = api.create(pod('web', { containers: [{ name: 'a', image: 'nginx', resources: { limits: { memory: '1GB' } } }] }));
    expect(failureStatus(r)).toEqual({
      reason: 'BadRequest',
      code: 400,
      message: `Pod in version "v1" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
    });
  });
});
