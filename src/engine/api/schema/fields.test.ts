import { describe, expect, it } from 'vitest';
import { RESOURCE_TYPES, apiVersionOf } from '../registry';
import { K8S_FIELDS, fieldOf, goElementTypeName, goStructName, goTypeName, rootTypeName } from './fields';

describe('k8s-fields.json', () => {
  it('has a root type for every served kind', () => {
    for (const t of RESOURCE_TYPES) {
      const name = rootTypeName(apiVersionOf(t), t.kind);
      expect(name, `${apiVersionOf(t)}/${t.kind}`).toBeDefined();
      expect(K8S_FIELDS.types[name!]).toBeDefined();
    }
    expect(rootTypeName('autoscaling/v1', 'HorizontalPodAutoscaler')).toBe('io.k8s.api.autoscaling.v1.HorizontalPodAutoscaler');
    expect(rootTypeName('extensions/v1beta1', 'Deployment')).toBeUndefined();
  });

  it('references only types it defines', () => {
    for (const [name, type] of Object.entries(K8S_FIELDS.types)) {
      for (const [field, spec] of Object.entries(type.fields)) {
        for (let s: typeof spec | undefined = spec; s; s = s.items) {
          if (s.ref) expect(K8S_FIELDS.types[s.ref], `${name}.${field} -> ${s.ref}`).toBeDefined();
        }
      }
    }
  });

  it('recognises int-or-strings, quantities and times', () => {
    expect(fieldOf('io.k8s.api.apps.v1.RollingUpdateDeployment', 'maxSurge')).toEqual({ type: 'intOrString' });
    expect(fieldOf('io.k8s.api.core.v1.ServicePort', 'targetPort')).toEqual({ type: 'intOrString' });
    expect(fieldOf('io.k8s.api.core.v1.HTTPGetAction', 'port')).toEqual({ type: 'intOrString' });
    expect(fieldOf('io.k8s.api.core.v1.ResourceRequirements', 'limits')).toEqual({ type: 'map', items: { type: 'quantity' }, go: 'v1.ResourceList' });
    expect(fieldOf('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'creationTimestamp')).toEqual({ type: 'string', go: 'v1.Time' });
  });

  it('carries the v1.34 fields kubernetes-types 1.30 lacks', () => {
    expect(fieldOf('io.k8s.api.core.v1.PodSpec', 'resources')).toEqual({ type: 'object', ref: 'io.k8s.api.core.v1.ResourceRequirements' });
    expect(fieldOf('io.k8s.api.core.v1.PodStatus', 'observedGeneration')).toEqual({ type: 'integer', go: 'int64' });
    expect(fieldOf('io.k8s.api.core.v1.Container', 'restartPolicy')).toMatchObject({ type: 'string' });
    expect(fieldOf('io.k8s.api.core.v1.PodResourceClaim', 'source')).toBeUndefined();
  });

  it('carries the strategic-merge-patch tags', () => {
    expect(fieldOf('io.k8s.api.core.v1.PodSpec', 'containers')).toMatchObject({ strategy: 'merge', mergeKey: 'name' });
    expect(fieldOf('io.k8s.api.core.v1.PodSpec', 'volumes')).toMatchObject({ strategy: 'merge,retainKeys', mergeKey: 'name' });
    expect(fieldOf('io.k8s.api.core.v1.Container', 'ports')).toMatchObject({ strategy: 'merge', mergeKey: 'containerPort' });
    expect(fieldOf('io.k8s.api.core.v1.ServiceSpec', 'ports')).toMatchObject({ strategy: 'merge', mergeKey: 'port' });
    expect(fieldOf('io.k8s.api.apps.v1.DeploymentSpec', 'strategy')).toMatchObject({ strategy: 'retainKeys' });
    expect(fieldOf('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'finalizers')).toMatchObject({ strategy: 'merge' });
    expect(fieldOf('io.k8s.api.core.v1.PodSpec', 'tolerations')?.strategy).toBeUndefined();
  });
});

describe('Go type names', () => {
  it('prints as reflect does', () => {
    const f = (type: string, field: string): string => goTypeName(fieldOf(type, field)!);
    expect(f('io.k8s.api.apps.v1.DeploymentSpec', 'replicas')).toBe('int32');
    expect(f('io.k8s.api.core.v1.PodSpec', 'activeDeadlineSeconds')).toBe('int64');
    expect(f('io.k8s.api.core.v1.PodSpec', 'containers')).toBe('[]v1.Container');
    expect(f('io.k8s.api.core.v1.PodSpec', 'restartPolicy')).toBe('v1.RestartPolicy');
    expect(f('io.k8s.api.apps.v1.DeploymentSpec', 'template')).toBe('v1.PodTemplateSpec');
    expect(f('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'labels')).toBe('map[string]string');
    expect(f('io.k8s.api.core.v1.Secret', 'data')).toBe('map[string][]uint8');
    expect(f('io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerSpec', 'metrics')).toBe('[]v2.MetricSpec');
    expect(goElementTypeName('map[v1.ResourceName]resource.Quantity')).toBe('resource.Quantity');
    expect(goElementTypeName('v1.ResourceList')).toBe('resource.Quantity');
    expect(goStructName('io.k8s.api.apps.v1.DeploymentSpec')).toBe('DeploymentSpec');
  });
});
