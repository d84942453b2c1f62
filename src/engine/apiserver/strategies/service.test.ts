import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { isClusterIPInRange } from '../allocators';
import { failure, makeApi, must } from './testing/harness';

// Tests read deep fields of stored objects, which are untyped JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

function service(name: string, spec: Obj = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { selector: { app: name }, ports: [{ port: 80 }], ...spec } };
}

describe('Service defaults and allocation', () => {
  it('allocates a ClusterIP from the service range and fills the defaults', () => {
    const { api, allocators } = makeApi();
    const svc = must(api.create(service('web', { ports: [{ port: 80, targetPort: 8080 }] })));
    const spec = svc.spec as Obj;
    expect(isClusterIPInRange(spec.clusterIP)).toBe(true);
    expect(spec.clusterIPs).toEqual([spec.clusterIP]);
    expect(allocators.isClusterIPTaken(spec.clusterIP)).toBe(true);
    expect(spec).toMatchObject({
      type: 'ClusterIP',
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
      ipFamilyPolicy: 'SingleStack',
      ipFamilies: ['IPv4'],
      ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }],
    });
    expect(spec.externalTrafficPolicy).toBeUndefined();
    expect(svc.status).toEqual({ loadBalancer: {} });
  });

  it('is deterministic for a seed', () => {
    const a = must(makeApi().api.create(service('web'))).spec as Obj;
    const b = must(makeApi().api.create(service('web'))).spec as Obj;
    expect(a.clusterIP).toBe(b.clusterIP);
  });

  it('defaults targetPort to port', () => {
    const { api } = makeApi();
    const spec = must(api.create(service('web'))).spec as Obj;
    expect(spec.ports).toEqual([{ port: 80, protocol: 'TCP', targetPort: 80 }]);
  });

  it('keeps headless Services headless', () => {
    const { api } = makeApi();
    const spec = must(api.create(service('nginx', { clusterIP: 'None' }))).spec as Obj;
    expect(spec.clusterIP).toBe('None');
    expect(spec.clusterIPs).toEqual(['None']);
    expect(spec.ipFamilyPolicy).toBe('SingleStack');
  });

  it('allocates node ports for NodePort and LoadBalancer Services', () => {
    const { api, allocators } = makeApi();
    const np = must(api.create(service('web', { type: 'NodePort' }))).spec as Obj;
    expect(np.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
    expect(np.ports[0].nodePort).toBeLessThanOrEqual(32767);
    expect(np.externalTrafficPolicy).toBe('Cluster');
    expect(allocators.isNodePortTaken(np.ports[0].nodePort)).toBe(true);
    const lb = must(api.create(service('lb', { type: 'LoadBalancer' }))).spec as Obj;
    expect(lb.allocateLoadBalancerNodePorts).toBe(true);
    expect(lb.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
  });

  it('claims requested values and refuses taken ones', () => {
    const { api } = makeApi();
    must(api.create(service('dns', { clusterIP: '10.96.0.10', type: 'NodePort', ports: [{ port: 53, nodePort: 30053 }] })));
    expect(failure(api.create(service('copy', { clusterIP: '10.96.0.10' })))).toBe(
      'Service "copy" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated',
    );
    expect(failure(api.create(service('np', { type: 'NodePort', ports: [{ port: 80, nodePort: 30053 }] })))).toBe(
      'Service "np" is invalid: spec.ports[0].nodePort: Invalid value: 30053: provided port is already allocated',
    );
    expect(failure(api.create(service('far', { type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] })))).toBe(
      'Service "far" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
    expect(failure(api.create(service('out', { clusterIP: '192.168.1.1' })))).toBe(
      'Service "out" is invalid: spec.clusterIPs: Invalid value: []string{"192.168.1.1"}: failed to allocate IP 192.168.1.1: the provided IP (192.168.1.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    );
  });

  it('releases the ClusterIP and node ports on delete', () => {
    const { api, allocators } = makeApi();
    const spec = must(api.create(service('web', { type: 'NodePort' }))).spec as Obj;
    must(api.delete('Service', 'default', 'web'));
    expect(allocators.isClusterIPTaken(spec.clusterIP)).toBe(false);
    expect(allocators.isNodePortTaken(spec.ports[0].nodePort)).toBe(false);
    must(api.create(service('again', { clusterIP: spec.clusterIP, type: 'NodePort', ports: [{ port: 80, nodePort: spec.ports[0].nodePort }] })));
  });

  it('does not allocate for an invalid Service', () => {
    const { api, allocators } = makeApi();
    failure(api.create(service('web', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080, protocol: 'HTTP' }] })));
    expect(allocators.isNodePortTaken(30080)).toBe(false);
  });
});

describe('Service validation', () => {
  const cases: [string, KubeObject, string][] = [
    [
      'name that is no DNS-1035 label',
      service('1web'),
      `Service "1web" is invalid: metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    ],
    ['no ports', service('web', { ports: [] }), 'Service "web" is invalid: spec.ports: Required value'],
    ['unnamed ports', service('web', { ports: [{ port: 80 }, { port: 443 }] }), 'Service "web" is invalid: [spec.ports[0].name: Required value, spec.ports[1].name: Required value]'],
    [
      'duplicate ports',
      service('web', { ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80 }] }),
      'Service "web" is invalid: spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
    ],
    ['port out of range', service('web', { ports: [{ port: 0, targetPort: 80 }] }), 'Service "web" is invalid: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive'],
    [
      'nodePort on a ClusterIP Service',
      service('web', { ports: [{ port: 80, nodePort: 30080 }] }),
      "Service \"web\" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    ],
    ['unknown type', service('web', { type: 'Public' }), 'Service "web" is invalid: spec.type: Unsupported value: "Public": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"'],
    [
      'dual-stack on a single-stack cluster',
      service('web', { ipFamilyPolicy: 'RequireDualStack' }),
      'Service "web" is invalid: spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services',
    ],
  ];
  it.each(cases)('%s', (_name, obj, message) => {
    const { api } = makeApi();
    expect(failure(api.create(obj))).toBe(message);
  });
});

describe('Service updates', () => {
  it('keeps the allocated ClusterIP and node port when a manifest omits them (kubectl replace)', () => {
    const { api } = makeApi();
    const created = must(api.create(service('web', { type: 'NodePort' })));
    const replaced = must(api.update(service('web', { type: 'NodePort', selector: { app: 'web', tier: 'front' } })));
    expect((replaced.spec as Obj).clusterIP).toBe((created.spec as Obj).clusterIP);
    expect((replaced.spec as Obj).ports[0].nodePort).toBe((created.spec as Obj).ports[0].nodePort);
  });

  it('refuses a changed ClusterIP', () => {
    const { api } = makeApi();
    const created = must(api.create(service('web')));
    const next = structuredClone(created);
    (next.spec as Obj).clusterIP = '10.96.0.99';
    (next.spec as Obj).clusterIPs = ['10.96.0.99'];
    expect(failure(api.update(next))).toBe('Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.0.99"}: may not change once set');
  });

  it('allocates node ports when the type becomes NodePort and frees them when it goes back', () => {
    const { api, allocators } = makeApi();
    must(api.create(service('web')));
    const np = must(api.mutate('Service', 'default', 'web', (d) => ((d.spec as Obj).type = 'NodePort')));
    const port = (np.spec as Obj).ports[0].nodePort;
    expect(allocators.isNodePortTaken(port)).toBe(true);
    const back = must(api.mutate('Service', 'default', 'web', (d) => ((d.spec as Obj).type = 'ClusterIP')));
    expect((back.spec as Obj).ports[0].nodePort).toBeUndefined();
    expect((back.spec as Obj).externalTrafficPolicy).toBeUndefined();
    expect(allocators.isNodePortTaken(port)).toBe(false);
  });
});
