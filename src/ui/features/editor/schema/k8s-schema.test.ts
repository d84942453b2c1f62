import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildEditorSchema } from '../../../../../scripts/gen-json-schema';
import { RESOURCE_TYPES } from '../../../../engine';
import { EXAMPLES } from '../examples';
import schema from './k8s-schema.json';

// int32/int64/date-time are formats a plain validator need not know; monaco-yaml checks date-time itself.
const validate = new Ajv({ allErrors: true, unknownFormats: 'ignore', logger: false }).compile(schema);

function check(doc: unknown): string[] {
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.dataPath} ${e.message}`);
}

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', creationTimestamp: null },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx', imagePullPolicy: 'IfNotPresent' }] } },
  },
};

describe('the editor schema', () => {
  it('is the generator output (run `npx tsx scripts/gen-json-schema.ts` when this fails)', () => {
    const stored = readFileSync(join(import.meta.dirname, 'k8s-schema.json'), 'utf8');
    expect(stored).toBe(`${JSON.stringify(buildEditorSchema())}\n`);
  });

  it('covers every kind of the registry', () => {
    const kinds = (schema.properties.kind as { enum: string[] }).enum;
    for (const t of RESOURCE_TYPES) expect(kinds, t.kind).toContain(t.kind);
  });

  it('accepts every starter manifest', () => {
    for (const ex of EXAMPLES) {
      for (const doc of parseAllDocuments(ex.text)) expect(check(doc.toJS()), ex.fileName).toEqual([]);
    }
  });

  it('rejects what the apiserver rejects: unknown fields, wrong types, values outside an enum', () => {
    expect(check(deployment)).toEqual([]);
    expect(check({ ...deployment, spec: { ...deployment.spec, replica: 3 } }).join('\n')).toContain('should NOT have additional properties');
    expect(check({ ...deployment, spec: { ...deployment.spec, replicas: 'three' } })).not.toEqual([]);
    const badPolicy = structuredClone(deployment);
    badPolicy.spec.template.spec.containers[0]!.imagePullPolicy = 'Sometimes';
    expect(check(badPolicy)).not.toEqual([]);
  });

  it('ties each kind to the apiVersions it is served at', () => {
    expect(check({ ...deployment, apiVersion: 'v1' }).join('\n')).toContain('should be equal to one of the allowed values');
    expect(check({ apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: { name: 'h' }, spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, maxReplicas: 3 } })).toEqual([]);
  });

  it('carries the API docs for hover', () => {
    const defs = schema.definitions as Record<string, { description?: string; properties: Record<string, { description?: string }> }>;
    expect(defs['io.k8s.api.apps.v1.DeploymentSpec']!.properties.replicas!.description).toMatch(/^Number of desired pods/);
    expect(defs['io.k8s.api.core.v1.Pod']!.description).toMatch(/^Pod is a collection of containers/);
  });
});
