import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { failure, makeApi, must, pod } from './testing/harness';
import { defaultPullPolicy } from './common/pod-defaults';

// Tests read deep fields of stored objects, which are untyped JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

describe('Pod defaults', () => {
  it('stores the v1 pod-spec and container defaults', () => {
    const { api } = makeApi({ admission: false });
    const p = must(api.create(pod('web', { containers: [{ name: 'app', image: 'nginx', ports: [{ containerPort: 80 }] }] })));
    const spec = p.spec as Obj;
    expect({
      restartPolicy: spec.restartPolicy,
      terminationGracePeriodSeconds: spec.terminationGracePeriodSeconds,
      dnsPolicy: spec.dnsPolicy,
      schedulerName: spec.schedulerName,
      securityContext: spec.securityContext,
      enableServiceLinks: spec.enableServiceLinks,
    }).toEqual({
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      securityContext: {},
      enableServiceLinks: true,
    });
    expect(spec.containers[0]).toEqual({
      name: 'app',
      image: 'nginx',
      imagePullPolicy: 'Always',
      ports: [{ containerPort: 80, protocol: 'TCP' }],
      resources: {},
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
    });
    expect(p.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.25', 'IfNotPresent'],
    ['nginx@sha256:0123456789abcdef', 'IfNotPresent'],
    ['registry.local:5000/app', 'Always'],
    ['registry.local:5000/app:v2', 'IfNotPresent'],
  ])('image %s pulls %s', (image, policy) => {
    expect(defaultPullPolicy(image)).toBe(policy);
  });

  it('copies limits into missing requests and computes the QoS class', () => {
    const { api } = makeApi({ admission: false });
    const p = must(api.create(pod('g', { containers: [{ name: 'app', image: 'nginx:1.25', resources: { limits: { cpu: '500m', memory: '128Mi' } } }] })));
    expect((p.spec as Obj).containers[0].resources).toEqual({ limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '500m', memory: '128Mi' } });
    expect((p.status as Obj).qosClass).toBe('Guaranteed');
    const b = must(api.create(pod('b', { containers: [{ name: 'app', image: 'nginx:1.25', resources: { requests: { cpu: '100m' } } }] })));
    expect((b.status as Obj).qosClass).toBe('Burstable');
  });

  it('turns a volume without a source into an emptyDir and defaults volume modes and probes', () => {
    const { api } = makeApi({ admission: false });
    const p = must(
      api.create(
        pod('v', {
          volumes: [{ name: 'scratch' }, { name: 'cfg', configMap: { name: 'cfg' } }, { name: 'host', hostPath: { path: '/data' } }],
          containers: [{ name: 'app', image: 'nginx:1.25', readinessProbe: { httpGet: { port: 80 } } }],
        }),
      ),
    );
    const spec = p.spec as Obj;
    expect(spec.volumes).toEqual([
      { name: 'scratch', emptyDir: {} },
      { name: 'cfg', configMap: { name: 'cfg', defaultMode: 420 } },
      { name: 'host', hostPath: { path: '/data', type: '' } },
    ]);
    expect(spec.containers[0].readinessProbe).toEqual({
      httpGet: { port: 80, path: '/', scheme: 'HTTP' },
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
  });
});

describe('Pod validation', () => {
  const cases: [string, KubeObject, string][] = [
    [
      'upper-case name',
      pod('Besteffort'),
      `Pod "Besteffort" is invalid: metadata.name: Invalid value: "Besteffort": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    ],
    [
      'bad label value',
      pod('web', {}, { labels: { app: 'web app' } }),
      `Pod "web" is invalid: metadata.labels: Invalid value: "web app": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    ],
    ['no containers', pod('web', { containers: [] }), 'Pod "web" is invalid: spec.containers: Required value'],
    ['missing image', pod('web', { containers: [{ name: 'app' }] }), 'Pod "web" is invalid: spec.containers[0].image: Required value'],
    [
      'duplicate container names',
      pod('web', { containers: [{ name: 'app', image: 'a' }, { name: 'app', image: 'b' }] }),
      'Pod "web" is invalid: spec.containers[1].name: Duplicate value: "app"',
    ],
    [
      'request above limit',
      pod('ngx-pod-resources', { containers: [{ name: 'ngx', image: 'nginx:alpine', resources: { requests: { cpu: '10', memory: '100Mi' }, limits: { cpu: '20m', memory: '200Mi' } } }] }),
      'Pod "ngx-pod-resources" is invalid: spec.containers[0].resources.requests: Invalid value: "10": must be less than or equal to cpu limit of 20m',
    ],
    [
      'bad restartPolicy',
      pod('web', { restartPolicy: 'Sometimes' }),
      'Pod "web" is invalid: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ],
    [
      'container port out of range',
      pod('web', { containers: [{ name: 'app', image: 'a', ports: [{ containerPort: 70000 }] }] }),
      'Pod "web" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ],
    [
      'liveness probe without handler',
      pod('web', { containers: [{ name: 'app', image: 'a', livenessProbe: { periodSeconds: 5 } }] }),
      'Pod "web" is invalid: spec.containers[0].livenessProbe: Required value: must specify a handler type',
    ],
    [
      'probe port name with digits only',
      pod('web', { containers: [{ name: 'app', image: 'a', readinessProbe: { tcpSocket: { port: '8080' } } }] }),
      'Pod "web" is invalid: spec.containers[0].readinessProbe.tcpSocket.port: Invalid value: "8080": must contain at least one letter (a-z)',
    ],
    [
      'env var without name',
      pod('web', { containers: [{ name: 'app', image: 'a', env: [{ value: 'x' }] }] }),
      'Pod "web" is invalid: spec.containers[0].env[0].name: Required value',
    ],
    [
      'duplicate volume name',
      pod('web', { volumes: [{ name: 'v', emptyDir: {} }, { name: 'v', emptyDir: {} }] }),
      'Pod "web" is invalid: spec.volumes[1].name: Duplicate value: "v"',
    ],
    [
      'toleration without key but Equal',
      pod('web', { tolerations: [{ operator: 'Equal', value: 'x', effect: 'NoSchedule' }] }),
      'Pod "web" is invalid: spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
    ],
  ];
  it.each(cases)('%s', (_name, obj, message) => {
    const { api } = makeApi({ admission: false });
    expect(failure(api.create(obj))).toBe(message);
  });

  it('reports a mount of an undefined volume', () => {
    const { api } = makeApi({ admission: false });
    const msg = failure(api.create(pod('web', { containers: [{ name: 'app', image: 'a', volumeMounts: [{ name: 'data', mountPath: '/data' }] }] })));
    expect(msg).toBe('Pod "web" is invalid: spec.containers[0].volumeMounts[0].name: Invalid value: "data": not found');
  });

  it('lists several errors in brackets', () => {
    const { api } = makeApi({ admission: false });
    const msg = failure(api.create(pod('web', { containers: [{ name: 'App' }] })));
    expect(msg).toBe(
      `Pod "web" is invalid: [spec.containers[0].name: Invalid value: "App": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?'), spec.containers[0].image: Required value]`,
    );
  });
});

describe('Pod updates', () => {
  it('allows changing an image', () => {
    const { api } = makeApi({ admission: false });
    const p = must(api.create(pod('web')));
    const next = structuredClone(p);
    (next.spec as Obj).containers[0].image = 'nginx:1.26';
    expect((must(api.update(next)).spec as Obj).containers[0].image).toBe('nginx:1.26');
  });

  it('forbids changing anything else', () => {
    const { api } = makeApi({ admission: false });
    const p = must(api.create(pod('web')));
    const next = structuredClone(p);
    (next.spec as Obj).containers[0].ports = [{ containerPort: 8080 }];
    expect(failure(api.update(next))).toBe(
      'Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\n' +
        '  core.PodSpec{\n' +
        '- \tContainers: [{"name":"app","image":"nginx:1.25","imagePullPolicy":"IfNotPresent","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","resources":{}}],\n' +
        '+ \tContainers: [{"name":"app","image":"nginx:1.25","imagePullPolicy":"IfNotPresent","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","resources":{},"ports":[{"containerPort":8080,"protocol":"TCP"}]}],\n' +
        '  \t... // 6 identical fields\n' +
        '  }',
    );
  });

  it('forbids adding or removing containers', () => {
    const { api } = makeApi({ admission: false });
    const p = must(api.create(pod('web')));
    const next = structuredClone(p);
    (next.spec as Obj).containers.push({ name: 'side', image: 'busybox' });
    expect(failure(api.update(next))).toBe('Pod "web" is invalid: spec.containers: Forbidden: pod updates may not add or remove containers');
  });

  it('lets the scheduler bind a pod by setting nodeName once', () => {
    const { api } = makeApi({ admission: false });
    must(api.create(pod('web')));
    const bound = must(api.mutate('Pod', 'default', 'web', (d) => ((d.spec as Obj).nodeName = 'node-1')));
    expect((bound.spec as Obj).nodeName).toBe('node-1');
    expect(failure(api.mutate('Pod', 'default', 'web', (d) => ((d.spec as Obj).nodeName = 'node-2')))).toMatch(/^Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than/);
  });
});
