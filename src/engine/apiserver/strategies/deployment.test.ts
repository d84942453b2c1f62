import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { deployment, failure, makeApi, must } from './testing/harness';

// Tests read deep fields of stored objects, which are untyped JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

describe('Deployment defaults', () => {
  it('fills replicas, strategy, history, deadline and the template pod spec', () => {
    const { api } = makeApi();
    const d = must(api.create(deployment('web')));
    const spec = d.spec as Obj;
    expect(spec.replicas).toBe(1);
    expect(spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } });
    expect(spec.revisionHistoryLimit).toBe(10);
    expect(spec.progressDeadlineSeconds).toBe(600);
    expect(spec.template.spec).toEqual({
      containers: [{ name: 'nginx', image: 'nginx:1.25', imagePullPolicy: 'IfNotPresent', resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' }],
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
    });
    expect(d.status).toEqual({});
    expect(d.metadata.generation).toBe(1);
  });

  it('adds no rollingUpdate block to a Recreate strategy', () => {
    const { api } = makeApi();
    const d = must(api.create(deployment('web', { strategy: { type: 'Recreate' } })));
    expect((d.spec as Obj).strategy).toEqual({ type: 'Recreate' });
  });
});

describe('Deployment validation', () => {
  const withSpec = (name: string, patch: (s: Obj) => void): KubeObject => {
    const d = deployment(name);
    patch(d.spec as Obj);
    return d;
  };
  const cases: [string, KubeObject, string][] = [
    [
      'no selector',
      withSpec('web', (s) => delete s.selector),
      'Deployment.apps "web" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`]',
    ],
    [
      'selector that does not match the template',
      withSpec('web', (s) => (s.selector = { matchLabels: { app: 'nginx' } })),
      'Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ],
    [
      'empty selector',
      withSpec('web', (s) => (s.selector = {})),
      'Deployment.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
    ],
    [
      'maxSurge and maxUnavailable both 0',
      withSpec('web', (s) => (s.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } })),
      'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0',
    ],
    [
      'maxSurge 0% and maxUnavailable 0%',
      withSpec('web', (s) => (s.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: '0%', maxUnavailable: '0%' } })),
      'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"0%"}: may not be 0 when `maxSurge` is 0',
    ],
    [
      'maxUnavailable over 100%',
      withSpec('web', (s) => (s.strategy = { rollingUpdate: { maxUnavailable: '150%' } })),
      'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%',
    ],
    [
      'rollingUpdate with Recreate',
      withSpec('web', (s) => (s.strategy = { type: 'Recreate', rollingUpdate: { maxSurge: 1 } })),
      "Deployment.apps \"web\" is invalid: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
    ],
    ['negative replicas', withSpec('web', (s) => (s.replicas = -1)), 'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    [
      'template restartPolicy OnFailure',
      withSpec('web', (s) => (s.template.spec.restartPolicy = 'OnFailure')),
      'Deployment.apps "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
    ],
    [
      'bad label key',
      { ...deployment('web'), metadata: { name: 'web', namespace: 'default', labels: { 'app/': 'x' } } },
      `Deployment.apps "web" is invalid: metadata.labels: Invalid value: "app/": name part must be non-empty`,
    ],
    [
      'bad name',
      deployment('Web_1'),
      `Deployment.apps "Web_1" is invalid: metadata.name: Invalid value: "Web_1": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    ],
    [
      'progress deadline not above minReadySeconds',
      withSpec('web', (s) => Object.assign(s, { minReadySeconds: 10, progressDeadlineSeconds: 5 })),
      'Deployment.apps "web" is invalid: spec.progressDeadlineSeconds: Invalid value: 5: must be greater than minReadySeconds',
    ],
  ];
  it.each(cases)('%s', (_name, obj, message) => {
    const { api } = makeApi();
    expect(failure(api.create(obj))).toBe(message);
  });

  it('keeps the selector immutable', () => {
    const { api } = makeApi();
    const d = must(api.create(deployment('web')));
    const next = structuredClone(d);
    (next.spec as Obj).selector = { matchLabels: { app: 'web2' } };
    (next.spec as Obj).template.metadata.labels = { app: 'web2' };
    expect(failure(api.update(next))).toBe(
      'Deployment.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    );
  });

  it('bumps the generation on a template change', () => {
    const { api } = makeApi();
    const d = must(api.create(deployment('web')));
    const next = structuredClone(d);
    (next.spec as Obj).template.spec.containers[0].image = 'nginx:1.26';
    expect(must(api.update(next)).metadata.generation).toBe(2);
  });
});
