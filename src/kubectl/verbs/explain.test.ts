import { describe, expect, it } from 'vitest';
import { session } from './support/testing/harness';
import { splitResourceRequest, typeGuess, wrapString } from './explain';

describe('wrapString', () => {
  it('breaks at white space before the limit, drops the space at the break, keeps long words whole', () => {
    expect(wrapString('aaa bbb ccc', 7)).toBe('aaa bbb\nccc');
    expect(wrapString('a verylongword b', 5)).toBe('a\nverylongword\nb');
    expect(wrapString('line one\nline two', 80)).toBe('line one\nline two');
  });
});

describe('typeGuess', () => {
  it("prints kubectl's type hints", () => {
    expect(typeGuess({ type: 'array', items: { type: 'object', ref: 'io.k8s.api.core.v1.Container' } })).toBe('[]Container');
    expect(typeGuess({ type: 'map', items: { type: 'quantity' } })).toBe('map[string]Quantity');
    expect(typeGuess({ type: 'intOrString' })).toBe('IntOrString');
    expect(typeGuess({ type: 'string', go: 'v1.Time' })).toBe('string');
    expect(typeGuess({ type: 'object' })).toBe('Object');
  });
});

describe('splitResourceRequest', () => {
  it('splits the resource from the field path, honouring resource.group prefixes', () => {
    expect(splitResourceRequest('deployment.spec.replicas')).toMatchObject({ type: { kind: 'Deployment' }, path: ['spec', 'replicas'] });
    expect(splitResourceRequest('deployments.apps.spec')).toMatchObject({ type: { kind: 'Deployment' }, path: ['spec'] });
    expect(splitResourceRequest('Pod.spec.topologySpreadConstraints')).toMatchObject({ type: { kind: 'Pod' }, path: ['spec', 'topologySpreadConstraints'] });
  });
});

describe('kubectl explain', () => {
  it('explains a kind: header, description (with the trailing indented line) and fields', () => {
    const s = session();
    const out = s.ok('kubectl explain pods');
    expect(out.startsWith(
      'KIND:       Pod\nVERSION:    v1\n\nDESCRIPTION:\n    Pod is a collection of containers that can run on a host. This resource is\n    created by clients and scheduled onto hosts.\n    \nFIELDS:\n  apiVersion\t<string>\n    APIVersion defines the versioned schema of this representation of an object.\n',
    )).toBe(true);
    expect(out).toContain('\n  spec\t<PodSpec>\n    Specification of the desired behavior of the pod.\n\n');
    expect(out.endsWith('    Populated by the system. Read-only.\n\n\n')).toBe(true);
  });

  it('explains a field with its group, type and the description of its type', () => {
    const s = session();
    expect(s.run('kubectl explain deployment.spec.replicas').output).toBe(
      'GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: replicas <integer>\n\n\nDESCRIPTION:\n    Number of desired pods. This is a pointer to distinguish between explicit\n    zero and not specified. Defaults to 1.\n    \n\n',
    );
    const spec = s.ok('kubectl explain deploy.spec');
    expect(spec).toContain('FIELD: spec <DeploymentSpec>\n\n\nDESCRIPTION:\n    Specification of the desired behavior of the Deployment.\n    DeploymentSpec is the specification of the desired behavior of the\n    Deployment.\n    \nFIELDS:\n');
    expect(spec).toContain('  selector\t<LabelSelector> -required-\n');
  });

  it('walks lists and prints nested fields with --recursive', () => {
    const s = session();
    expect(s.run('kubectl explain deployments.apps.spec.strategy --recursive').output).toBe(
      'GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: strategy <DeploymentStrategy>\n\n\nDESCRIPTION:\n    The deployment strategy to use to replace existing pods with new ones.\n    DeploymentStrategy describes how to replace existing pods with new ones.\n    \nFIELDS:\n  rollingUpdate\t<RollingUpdateDeployment>\n    maxSurge\t<IntOrString>\n    maxUnavailable\t<IntOrString>\n  type\t<string>\n\n',
    );
    expect(s.ok('kubectl explain pod.spec.containers')).toContain('FIELD: containers <[]Container>\n');
    expect(s.ok('kubectl explain Pod.spec.topologySpreadConstraints')).toContain('  maxSkew\t<integer> -required-\n');
  });

  it('uses another served version with --api-version', () => {
    const s = session();
    expect(s.ok('kubectl explain hpa --api-version=autoscaling/v1')).toContain('GROUP:      autoscaling\nKIND:       HorizontalPodAutoscaler\nVERSION:    v1\n');
  });

  it("reports kubectl's errors", () => {
    const s = session();
    expect(s.run('kubectl explain pod.spec.foo').output).toBe('error: field "foo" does not exist\n');
    expect(s.run('kubectl explain pod.spec.foo.bar').output).toBe('error: field "bar" does not exist\n');
    expect(s.run('kubectl explain foo').output).toBe('error: the server doesn\'t have a resource type "foo"\n');
    expect(s.run('kubectl explain').output).toBe('error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n');
    expect(s.run('kubectl explain pods nodes').output).toBe('error: We accept only this format: explain RESOURCE\n');
  });
});
