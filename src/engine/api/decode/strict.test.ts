import { describe, expect, it } from 'vitest';
import { parseQuantityError, parseRfc3339Error, strictDecode } from './strict';

const DEPLOYMENT = 'io.k8s.api.apps.v1.Deployment';
const POD = 'io.k8s.api.core.v1.Pod';

/** A Deployment whose pod template has one container with the given fields. */
function deployment(container: Record<string, unknown>, spec: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: { template: { spec: { containers: [{ name: 'web', ...container }] } }, ...spec },
  };
}

// The messages below match what sigs.k8s.io/json (the apiserver's decoder) prints for the same JSON.
describe('strictDecode', () => {
  it('accepts a valid object and keeps it whole', () => {
    const obj = deployment({ image: 'nginx', ports: [{ containerPort: 80 }] }, { replicas: 3, strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } } });
    expect(strictDecode(obj, DEPLOYMENT)).toEqual({ unknownFields: [], unknownPaths: [], pruned: obj });
  });

  it('lists unknown fields in sorted-key order with array indices, and prunes them', () => {
    const obj = deployment({ imagee: 'x' }, { replica: 3 });
    (obj.metadata as Record<string, unknown>).lables = { a: 'b' };
    const r = strictDecode(obj, DEPLOYMENT);
    expect(r.unknownFields).toEqual(['unknown field "metadata.lables"', 'unknown field "spec.replica"', 'unknown field "spec.template.spec.containers[0].imagee"']);
    expect(r.pruned).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { template: { spec: { containers: [{ name: 'web' }] } } } });
  });

  it('names the innermost struct and the JSON path without indices in type errors', () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [deployment({}, { replicas: 'three' }), 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32'],
      [deployment({}, { replicas: 1.5 }), 'json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32'],
      [deployment({}, { replicas: 3000000000 }), 'json: cannot unmarshal number 3000000000 into Go struct field DeploymentSpec.spec.replicas of type int32'],
      [deployment({ image: 123 }), 'json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.image of type string'],
      [deployment({ args: [1, 2] }), 'json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.args of type string'],
      [{ spec: 'abc' }, 'json: cannot unmarshal string into Go struct field Deployment.spec of type v1.DeploymentSpec'],
      [{ kind: 5 }, 'json: cannot unmarshal number into Go struct field Deployment.kind of type string'],
      [{ metadata: { labels: 'x' } }, 'json: cannot unmarshal string into Go struct field ObjectMeta.metadata.labels of type map[string]string'],
      [{ metadata: { labels: { v: 1 } } }, 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string'],
      [{ spec: { template: { spec: { containers: ['nginx'] } } } }, 'json: cannot unmarshal string into Go struct field PodSpec.spec.template.spec.containers of type v1.Container'],
      [{ spec: { template: { spec: { containers: {} } } } }, 'json: cannot unmarshal object into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container'],
      [deployment({ imagePullPolicy: 1 }), 'json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.imagePullPolicy of type v1.PullPolicy'],
      [deployment({ livenessProbe: { httpGet: { port: true } } }), 'json: cannot unmarshal bool into Go struct field HTTPGetAction.spec.template.spec.containers.livenessProbe.httpGet.port of type int32'],
      [deployment({}, { strategy: { rollingUpdate: { maxSurge: 1.5 } } }), 'json: cannot unmarshal number 1.5 into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge of type int32'],
      [deployment({}, { template: { spec: { terminationGracePeriodSeconds: 'x', containers: [] } } }), 'json: cannot unmarshal string into Go struct field PodSpec.spec.template.spec.terminationGracePeriodSeconds of type int64'],
    ];
    for (const [obj, message] of cases) expect(strictDecode(obj, DEPLOYMENT).fatal).toBe(message);
  });

  it('a type error wins over unknown fields', () => {
    const r = strictDecode(deployment({ imagee: 'x' }, { replicas: 'x' }), DEPLOYMENT);
    expect(r).toMatchObject({ unknownFields: [], fatal: 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32', fatalPath: 'spec.replicas' });
  });

  it('null is accepted anywhere', () => {
    expect(strictDecode({ metadata: { creationTimestamp: null, labels: null }, spec: { replicas: null } }, DEPLOYMENT).fatal).toBeUndefined();
  });

  it('checks quantities, base64 data and times like their UnmarshalJSON methods', () => {
    const pod = (resources: unknown): Record<string, unknown> => ({ spec: { containers: [{ name: 'a', resources }] } });
    expect(strictDecode(pod({ limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: 0.5 } }), POD).fatal).toBeUndefined();
    expect(strictDecode(pod({ limits: { cpu: '100mi' } }), POD).fatal).toBe("unable to parse quantity's suffix");
    expect(strictDecode(pod({ limits: { memory: '1 Gi' } }), POD).fatal).toBe("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    expect(strictDecode({ data: { password: 'admin' } }, 'io.k8s.api.core.v1.Secret').fatal).toBe('illegal base64 data at input byte 4');
    expect(strictDecode({ data: { password: 'YWRtaW4=' } }, 'io.k8s.api.core.v1.Secret').fatal).toBeUndefined();
    expect(strictDecode({ metadata: { creationTimestamp: '2024-01-02' } }, POD).fatal).toBe(
      'parsing time "2024-01-02" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T"',
    );
    expect(strictDecode({ metadata: { creationTimestamp: 5 } }, POD).fatal).toBe(
      'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.creationTimestamp of type string',
    );
  });
});

describe('parseQuantityError', () => {
  it('follows resource.ParseQuantity', () => {
    for (const ok of ['0', '1', '100m', '1.5Gi', '2e3', '1E-3', '+5k', '-1', '.5', '1.']) expect(parseQuantityError(ok)).toBeUndefined();
    expect(parseQuantityError('')).toMatch(/^quantities must match/);
    expect(parseQuantityError('abc')).toMatch(/^quantities must match/);
    expect(parseQuantityError('2GB')).toMatch(/^quantities must match/);
    expect(parseQuantityError('1Mb')).toMatch(/^quantities must match/);
    expect(parseQuantityError('1mi')).toBe("unable to parse quantity's suffix");
    expect(parseQuantityError('1kk')).toBe("unable to parse quantity's suffix");
  });
});

describe('parseRfc3339Error', () => {
  const layout = '2006-01-02T15:04:05Z07:00';
  it('accepts RFC 3339 with or without fractions', () => {
    expect(parseRfc3339Error('2024-01-02T03:04:05Z', layout)).toBeUndefined();
    expect(parseRfc3339Error('2024-01-02T03:04:05.123+02:00', layout)).toBeUndefined();
  });
  it('reports the element that does not parse, and ranges', () => {
    expect(parseRfc3339Error('2024/01/02T03:04:05Z', layout)).toBe('parsing time "2024/01/02T03:04:05Z" as "2006-01-02T15:04:05Z07:00": cannot parse "/01/02T03:04:05Z" as "-"');
    expect(parseRfc3339Error('24-01-02T03:04:05Z', layout)).toBe('parsing time "24-01-02T03:04:05Z" as "2006-01-02T15:04:05Z07:00": cannot parse "1-02T03:04:05Z" as "2006"');
    expect(parseRfc3339Error('abc', layout)).toBe('parsing time "abc" as "2006-01-02T15:04:05Z07:00": cannot parse "abc" as "2006"');
    expect(parseRfc3339Error('2024-1-02T03:04:05Z', layout)).toBe('parsing time "2024-1-02T03:04:05Z" as "2006-01-02T15:04:05Z07:00": cannot parse "1-02T03:04:05Z" as "01"');
    expect(parseRfc3339Error('2024-01-02T03:04:05', layout)).toBe('parsing time "2024-01-02T03:04:05" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "Z07:00"');
    expect(parseRfc3339Error('2024-01-02T03:04:05Zx', layout)).toBe('parsing time "2024-01-02T03:04:05Zx": extra text: "x"');
    expect(parseRfc3339Error('2024-01-02T25:04:05Z', layout)).toBe('parsing time "2024-01-02T25:04:05Z": hour out of range');
    expect(parseRfc3339Error('2024-13-02T03:04:05Z', layout)).toBe('parsing time "2024-13-02T03:04:05Z": month out of range');
    expect(parseRfc3339Error('2023-02-29T03:04:05Z', layout)).toBe('parsing time "2023-02-29T03:04:05Z": day out of range');
  });
});
