import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { K8S_FIELDS, type FieldSchema } from './fields';
import { toJsonSchema } from './json-schema';

const tiny: FieldSchema = {
  source: 'test',
  kinds: { 'v1/Thing': 'x.v1.Thing' },
  types: {
    'x.v1.Thing': {
      fields: {
        apiVersion: { type: 'string' },
        kind: { type: 'string' },
        spec: { type: 'object', ref: 'x.v1.ThingSpec' },
      },
    },
    'x.v1.ThingSpec': {
      fields: {
        replicas: { type: 'integer' },
        port: { type: 'intOrString' },
        memory: { type: 'quantity' },
        labels: { type: 'map', items: { type: 'string' } },
        args: { type: 'array', items: { type: 'string' } },
      },
      required: ['replicas'],
    },
  },
};

describe('toJsonSchema', () => {
  it('turns the field model into draft-07 definitions', () => {
    const schema = toJsonSchema(tiny, { allowNull: false });
    expect(schema.definitions).toEqual({
      'x.v1.Thing': {
        type: 'object',
        additionalProperties: false,
        properties: { apiVersion: { type: 'string' }, kind: { type: 'string' }, spec: { $ref: '#/definitions/x.v1.ThingSpec' } },
      },
      'x.v1.ThingSpec': {
        type: 'object',
        additionalProperties: false,
        required: ['replicas'],
        properties: {
          replicas: { type: 'integer', format: 'int32' },
          port: { anyOf: [{ type: 'integer' }, { type: 'string' }] },
          memory: {
            anyOf: [{ type: 'string', pattern: '^[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+|Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$' }, { type: 'number' }],
          },
          labels: { type: 'object', additionalProperties: { type: 'string' } },
          args: { type: 'array', items: { type: 'string' } },
        },
      },
    });
  });

  it('validates real manifests with a standard validator', () => {
    // int32/int64 are OpenAPI formats a plain JSON Schema validator does not know.
    const ajv = new Ajv({ allErrors: true, unknownFormats: 'ignore', logger: false });
    const validate = ajv.compile(toJsonSchema(K8S_FIELDS));
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', creationTimestamp: null },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web' } },
        strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'web', image: 'nginx', resources: { limits: { cpu: '500m', memory: '128Mi' } }, ports: [{ containerPort: 80 }] }] },
        },
      },
    };
    expect(validate(deployment)).toBe(true);
    expect(validate({ ...deployment, spec: { ...deployment.spec, replica: 3 } })).toBe(false);
    expect(JSON.stringify(validate.errors)).toContain('replica');
    expect(validate({ ...deployment, spec: { ...deployment.spec, replicas: 'three' } })).toBe(false);
    expect(validate({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80, targetPort: 'http' }] } })).toBe(true);
  });

  it('can be limited to one kind', () => {
    const schema = toJsonSchema(K8S_FIELDS, { root: 'io.k8s.api.core.v1.ConfigMap' });
    expect(schema.$ref).toBe('#/definitions/io.k8s.api.core.v1.ConfigMap');
    expect(Object.keys(schema.definitions as object).sort()).toEqual([
      'io.k8s.api.core.v1.ConfigMap',
      'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1',
      'io.k8s.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry',
      'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
      'io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference',
    ].filter((n) => n in K8S_FIELDS.types));
  });
});
