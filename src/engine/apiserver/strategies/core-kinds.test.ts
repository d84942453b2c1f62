import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { T0, failure, makeApi, must } from './testing/harness';

// Tests read deep fields of stored objects, which are untyped JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;
const obj = (apiVersion: string, kind: string, name: string, body: Obj = {}, namespace: string | undefined = 'default'): KubeObject => ({
  apiVersion,
  kind,
  metadata: { name, ...(namespace ? { namespace } : {}) },
  ...body,
});

describe('Secret', () => {
  it('merges stringData into base64 data and defaults the type', () => {
    const { api } = makeApi();
    const s = must(api.create(obj('v1', 'Secret', 'dev-db-secret', { data: { username: 'ZGV2' }, stringData: { password: 'S!B\\*d$zDsb=', note: 'héllo' } })));
    expect(s.type).toBe('Opaque');
    expect(s.stringData).toBeUndefined();
    expect(s.data).toEqual({ username: 'ZGV2', password: 'UyFCXCpkJHpEc2I9', note: 'aMOpbGxv' });
  });

  it('validates keys and per-type required data', () => {
    const { api } = makeApi();
    expect(failure(api.create(obj('v1', 'Secret', 's', { data: { 'bad key': 'eA==' } })))).toBe(
      `Secret "s" is invalid: data[bad key]: Invalid value: "bad key": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
    );
    expect(failure(api.create(obj('v1', 'Secret', 't', { type: 'kubernetes.io/tls', data: { 'tls.crt': 'eA==' } })))).toBe('Secret "t" is invalid: data[tls.key]: Required value');
  });

  it('refuses data that is not base64 with the decoder error', () => {
    const { api } = makeApi();
    const r = api.create(obj('v1', 'Secret', 's', { data: { password: 'not base64!' } }));
    expect(r.ok ? '' : `${r.status.reason} ${r.status.message}`).toBe('BadRequest Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 3');
  });

  it('keeps the type immutable', () => {
    const { api } = makeApi();
    const s = must(api.create(obj('v1', 'Secret', 's', { data: {} })));
    expect(failure(api.update({ ...s, type: 'kubernetes.io/basic-auth', data: { username: 'eA==' } }))).toBe('Secret "s" is invalid: type: Invalid value: "kubernetes.io/basic-auth": field is immutable');
  });
});

describe('Namespace', () => {
  it('gets its name label, the kubernetes finalizer and the Active phase', () => {
    const { api } = makeApi();
    const ns = must(api.create(obj('v1', 'Namespace', 'test-ns', {}, undefined)));
    expect(ns.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'test-ns' });
    expect(ns.spec).toEqual({ finalizers: ['kubernetes'] });
    expect(ns.status).toEqual({ phase: 'Active' });
  });

  it('needs a DNS-1123 label name', () => {
    const { api } = makeApi();
    expect(failure(api.create(obj('v1', 'Namespace', 'a.b', {}, undefined)))).toBe(
      `Namespace "a.b" is invalid: metadata.name: Invalid value: "a.b": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    );
  });
});

describe('PersistentVolume and PersistentVolumeClaim', () => {
  const pv = (name: string, spec: Obj = {}) =>
    obj('v1', 'PersistentVolume', name, { spec: { capacity: { storage: '10Mi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/tmp/host-10m-pv' }, ...spec } }, undefined);
  const pvc = (name: string, spec: Obj = {}) => obj('v1', 'PersistentVolumeClaim', name, { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '5Mi' } }, ...spec } });

  it('defaults reclaim policy, volume mode and phase', () => {
    const { api } = makeApi();
    const v = must(api.create(pv('host-10m-pv')));
    expect((v.spec as Obj).persistentVolumeReclaimPolicy).toBe('Retain');
    expect((v.spec as Obj).volumeMode).toBe('Filesystem');
    expect(v.status).toEqual({ phase: 'Pending', lastPhaseTransitionTime: '2026-01-01T00:00:00Z' });
    const c = must(api.create(pvc('host-5m-pvc', { storageClassName: 'host-test' })));
    expect((c.spec as Obj).volumeMode).toBe('Filesystem');
    expect(c.status).toEqual({ phase: 'Pending' });
    expect(T0).toBe(Date.parse('2026-01-01T00:00:00Z'));
  });

  it('validates access modes, capacity and the volume source', () => {
    const { api } = makeApi();
    expect(failure(api.create(pv('v1', { accessModes: [] })))).toBe('PersistentVolume "v1" is invalid: spec.accessModes: Required value');
    expect(failure(api.create(pv('v2', { hostPath: undefined })))).toBe('PersistentVolume "v2" is invalid: spec: Required value: must specify a volume type');
    expect(failure(api.create(pvc('c1', { accessModes: [] })))).toBe('PersistentVolumeClaim "c1" is invalid: spec.accessModes: Required value: at least 1 access mode is required');
    expect(failure(api.create(pvc('c2', { resources: {} })))).toBe('PersistentVolumeClaim "c2" is invalid: spec.resources[storage]: Required value');
    expect(failure(api.create(pvc('c3', { accessModes: ['ReadWriteAll'] })))).toBe(
      'PersistentVolumeClaim "c3" is invalid: spec.accessModes: Unsupported value: "ReadWriteAll": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"',
    );
  });

  it('keeps a claim spec immutable except its storage request once bound', () => {
    const { api } = makeApi();
    const c = must(api.create(pvc('data', { storageClassName: 'standard' })));
    const next = structuredClone(c);
    (next.spec as Obj).accessModes = ['ReadWriteMany'];
    expect(failure(api.update(next))).toMatch(/^PersistentVolumeClaim "data" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n {2}core.PersistentVolumeClaimSpec\{\n/);
    must(api.updateStatus({ ...c, status: { phase: 'Bound', capacity: { storage: '5Mi' } } }));
    const grown = must(api.mutate('PersistentVolumeClaim', 'default', 'data', (d) => ((d.spec as Obj).resources.requests.storage = '1Gi')));
    expect((grown.spec as Obj).resources.requests.storage).toBe('1Gi');
  });

  it('keeps a volume source immutable', () => {
    const { api } = makeApi();
    must(api.create(pv('v')));
    expect(failure(api.mutate('PersistentVolume', undefined, 'v', (d) => ((d.spec as Obj).hostPath.path = '/other')))).toMatch(
      /^PersistentVolume "v" is invalid: spec.persistentvolumesource: Forbidden: spec.persistentvolumesource is immutable after creation\n/,
    );
  });
});

describe('ConfigMap', () => {
  it('rejects bad keys and changes to immutable data', () => {
    const { api } = makeApi();
    expect(failure(api.create(obj('v1', 'ConfigMap', 'cm', { data: { '..x': 'y' } })))).toBe(`ConfigMap "cm" is invalid: data[..x]: Invalid value: "..x": must not start with '..'`);
    const cm = must(api.create(obj('v1', 'ConfigMap', 'frozen', { data: { a: '1' }, immutable: true })));
    expect(failure(api.update({ ...cm, data: { a: '2' } }))).toBe('ConfigMap "frozen" is invalid: data: Forbidden: field is immutable when `immutable` is set');
  });
});

describe('StorageClass', () => {
  it('defaults the reclaim policy and binding mode and refuses later changes', () => {
    const { api } = makeApi();
    const sc = must(api.create(obj('storage.k8s.io/v1', 'StorageClass', 'nfs-client', { provisioner: 'k8s-sigs.io/nfs-subdir-external-provisioner' }, undefined)));
    expect([sc.reclaimPolicy, sc.volumeBindingMode]).toEqual(['Delete', 'Immediate']);
    expect(failure(api.update({ ...sc, reclaimPolicy: 'Retain' }))).toBe('StorageClass.storage.k8s.io "nfs-client" is invalid: reclaimPolicy: Forbidden: updates to reclaimPolicy are forbidden.');
    expect(failure(api.create(obj('storage.k8s.io/v1', 'StorageClass', 'none', {}, undefined)))).toBe('StorageClass.storage.k8s.io "none" is invalid: provisioner: Required value');
  });
});

describe('HorizontalPodAutoscaler', () => {
  const hpa = (spec: Obj): KubeObject => obj('autoscaling/v2', 'HorizontalPodAutoscaler', 'ngx-hpa', { spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'ngx-hpa-dep' }, maxReplicas: 10, ...spec } });

  it('defaults minReplicas and the CPU metric', () => {
    const { api } = makeApi();
    const h = must(api.create(hpa({})));
    expect((h.spec as Obj).minReplicas).toBe(1);
    expect((h.spec as Obj).metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }]);
    expect((h.spec as Obj).behavior).toBeUndefined();
  });

  it('converts an autoscaling/v1 body and completes a partial behavior', () => {
    const { api } = makeApi();
    const h = must(api.create({ ...hpa({ targetCPUUtilizationPercentage: 50, behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } }), apiVersion: 'autoscaling/v1' }));
    expect(h.apiVersion).toBe('autoscaling/v2');
    const spec = h.spec as Obj;
    expect(spec.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }]);
    expect(spec.behavior).toEqual({
      scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] },
      scaleDown: { stabilizationWindowSeconds: 60, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
    });
  });

  it('checks the replica bounds', () => {
    const { api } = makeApi();
    expect(failure(api.create(hpa({ minReplicas: 10, maxReplicas: 5 })))).toBe('HorizontalPodAutoscaler.autoscaling "ngx-hpa" is invalid: spec.maxReplicas: Invalid value: 5: must be greater than or equal to `minReplicas`');
  });
});

describe('PriorityClass', () => {
  it('defaults the preemption policy and guards system names and values', () => {
    const { api } = makeApi();
    const pc = must(api.create(obj('scheduling.k8s.io/v1', 'PriorityClass', 'high-priority', { value: 1000000 }, undefined)));
    expect(pc.preemptionPolicy).toBe('PreemptLowerPriority');
    expect(failure(api.create(obj('scheduling.k8s.io/v1', 'PriorityClass', 'system-mine', { value: 5 }, undefined)))).toBe(
      "PriorityClass.scheduling.k8s.io \"system-mine\" is invalid: metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-mine is not a known system priority class",
    );
    expect(failure(api.create(obj('scheduling.k8s.io/v1', 'PriorityClass', 'huge', { value: 2000000000 }, undefined)))).toBe(
      'PriorityClass.scheduling.k8s.io "huge" is invalid: value: Forbidden: maximum allowed value of a user defined priority is 1000000000',
    );
    expect(failure(api.update({ ...pc, value: 5 }))).toBe('PriorityClass.scheduling.k8s.io "high-priority" is invalid: value: Forbidden: may not be changed in an update.');
  });
});

describe('LimitRange', () => {
  it('fills default limits from max and default requests from default limits', () => {
    const { api } = makeApi();
    const lr = must(api.create(obj('v1', 'LimitRange', 'dev-limits', { spec: { limits: [{ type: 'Container', default: { cpu: '500m' }, max: { memory: '1Gi' } }] } }, 'dev')));
    expect((lr.spec as Obj).limits[0]).toEqual({ type: 'Container', default: { cpu: '500m', memory: '1Gi' }, defaultRequest: { cpu: '500m', memory: '1Gi' }, max: { memory: '1Gi' } });
  });

  it('rejects a default request above the default limit', () => {
    const { api } = makeApi();
    expect(failure(api.create(obj('v1', 'LimitRange', 'l', { spec: { limits: [{ type: 'Container', default: { cpu: '100m' }, defaultRequest: { cpu: '200m' } }] } })))).toBe(
      'LimitRange "l" is invalid: spec.limits[0].defaultRequest[cpu]: Invalid value: "200m": default request value 200m is greater than default limit value 100m',
    );
  });
});

describe('Node', () => {
  it('copies capacity into allocatable and validates taints', () => {
    const { api } = makeApi();
    const n = must(api.create(obj('v1', 'Node', 'node-1', { status: { capacity: { cpu: '2', memory: '4Gi' } } }, undefined)));
    expect((n.status as Obj).allocatable).toEqual({ cpu: '2', memory: '4Gi' });
    expect(failure(api.create(obj('v1', 'Node', 'node-2', { spec: { taints: [{ key: 'team', value: 'a', effect: 'Never' }] } }, undefined)))).toBe(
      'Node "node-2" is invalid: metadata.taints[0].effect: Unsupported value: "Never": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    );
  });
});

describe('Endpoints, EndpointSlice, Ingress, NetworkPolicy, Event, Lease, ControllerRevision', () => {
  it('defaults endpoint port protocols and needs addresses', () => {
    const { api } = makeApi();
    const ep = must(api.create(obj('v1', 'Endpoints', 'web', { subsets: [{ addresses: [{ ip: '10.244.1.5' }], ports: [{ port: 80 }] }] })));
    expect((ep.subsets as Obj[])[0]!.ports).toEqual([{ port: 80, protocol: 'TCP' }]);
    expect(failure(api.create(obj('v1', 'Endpoints', 'bad', { subsets: [{ ports: [{ port: 80 }] }] })))).toBe('Endpoints "bad" is invalid: subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`');
    expect(failure(api.create(obj('discovery.k8s.io/v1', 'EndpointSlice', 's', { addressType: 'IPv4', endpoints: [{ addresses: ['nope'] }] })))).toBe(
      'EndpointSlice.discovery.k8s.io "s" is invalid: endpoints[0].addresses[0]: Invalid value: "nope": must be a valid IPv4 address',
    );
  });

  it('requires an ingress pathType', () => {
    const { api } = makeApi();
    const ing = obj('networking.k8s.io/v1', 'Ingress', 'example', { spec: { rules: [{ host: 'foo.bar.com', http: { paths: [{ path: '/', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] } });
    expect(failure(api.create(ing))).toBe('Ingress.networking.k8s.io "example" is invalid: spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified');
    ((ing.spec as Obj).rules[0].http.paths[0] as Obj).pathType = 'Prefix';
    must(api.create(ing));
  });

  it('defaults network policy types', () => {
    const { api } = makeApi();
    const np = must(api.create(obj('networking.k8s.io/v1', 'NetworkPolicy', 'default-deny', { spec: { podSelector: {}, egress: [{ ports: [{ port: 53 }] }] } })));
    expect((np.spec as Obj).policyTypes).toEqual(['Ingress', 'Egress']);
    expect((np.spec as Obj).egress[0].ports).toEqual([{ port: 53, protocol: 'TCP' }]);
  });

  it('checks event namespaces, lease durations and revision data', () => {
    const { api } = makeApi();
    expect(failure(api.create(obj('v1', 'Event', 'e', { involvedObject: { kind: 'Pod', name: 'p', namespace: 'dev' } })))).toBe(
      'Event "e" is invalid: involvedObject.namespace: Invalid value: "dev": does not match event.namespace',
    );
    expect(failure(api.create(obj('coordination.k8s.io/v1', 'Lease', 'l', { spec: { leaseDurationSeconds: 0 } })))).toBe(
      'Lease.coordination.k8s.io "l" is invalid: spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0',
    );
    expect(failure(api.create(obj('apps/v1', 'ControllerRevision', 'r', { revision: 1 })))).toBe('ControllerRevision.apps "r" is invalid: data: Required value: data is mandatory');
  });
});
