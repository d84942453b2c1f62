import { describe, expect, it } from 'vitest';
import { printTable } from '../table';
import { NOW, obj } from '../testing/fixtures';

const svc = (name: string, age: number, spec: Record<string, unknown>, status: Record<string, unknown> = {}) =>
  obj('v1', 'Service', name, age, { spec, status }, { namespace: 'default' });

describe('Service table', () => {
  const services = [
    svc('kubernetes', 86400 * 39, { type: 'ClusterIP', clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] }),
    svc('ngx-svc', 355, { type: 'ClusterIP', clusterIPs: ['10.103.245.125'], selector: { app: 'ngx-dep' }, ports: [{ port: 80, protocol: 'TCP' }] }),
    svc('redis-svc', 4, { type: 'ClusterIP', clusterIPs: ['None'], selector: { app: 'redis-sts' }, ports: [{ port: 6379, protocol: 'TCP' }] }),
    svc('web-np', 60, {
      type: 'NodePort', clusterIPs: ['10.96.112.7'], externalIPs: ['192.168.56.101'], selector: { app: 'web', tier: 'front' },
      ports: [{ name: 'http', port: 80, nodePort: 30080, protocol: 'TCP' }, { name: 'https', port: 443, nodePort: 30443, protocol: 'TCP' }],
    }),
    svc('web-lb', 30, { type: 'LoadBalancer', clusterIPs: ['10.96.40.3'], selector: { app: 'web' }, ports: [{ port: 80, nodePort: 31234, protocol: 'TCP' }] }),
    svc('api-lb', 3600, { type: 'LoadBalancer', clusterIPs: ['10.96.40.4'], selector: { app: 'api' }, ports: [{ port: 443, nodePort: 31443, protocol: 'TCP' }] },
      { loadBalancer: { ingress: [{ ip: '192.0.2.20' }, { ip: '192.0.2.10' }, { ip: '192.0.2.20' }] } }),
    svc('elb', 3600, { type: 'LoadBalancer', clusterIPs: ['10.96.40.5'], ports: [{ port: 53, nodePort: 30053, protocol: 'UDP' }], externalIPs: ['198.51.100.7'] },
      { loadBalancer: { ingress: [{ hostname: 'a1b2c3d4e5f6-1234567890.us-west-2.elb.amazonaws.com' }] } }),
    svc('db', 120, { type: 'ExternalName', externalName: 'db.prod.example.com' }),
  ];

  it('prints TYPE, CLUSTER-IP, EXTERNAL-IP and PORT(S) for every service type', () => {
    expect(printTable(services, { nowMs: NOW })).toBe(
      'NAME         TYPE           CLUSTER-IP       EXTERNAL-IP                                                        PORT(S)                      AGE\n' +
      'kubernetes   ClusterIP      10.96.0.1        <none>                                                             443/TCP                      39d\n' +
      'ngx-svc      ClusterIP      10.103.245.125   <none>                                                             80/TCP                       5m55s\n' +
      'redis-svc    ClusterIP      None             <none>                                                             6379/TCP                     4s\n' +
      'web-np       NodePort       10.96.112.7      192.168.56.101                                                     80:30080/TCP,443:30443/TCP   60s\n' +
      'web-lb       LoadBalancer   10.96.40.3       <pending>                                                          80:31234/TCP                 30s\n' +
      'api-lb       LoadBalancer   10.96.40.4       192.0.2.10,192.0.2.20                                              443:31443/TCP                60m\n' +
      'elb          LoadBalancer   10.96.40.5       a1b2c3d4e5f6-1234567890.us-west-2.elb.amazonaws.com,198.51.100.7   53:30053/UDP                 60m\n' +
      'db           ExternalName   <none>           db.prod.example.com                                                <none>                       2m\n',
    );
  });

  it('adds SELECTOR with -o wide', () => {
    expect(printTable(services.slice(0, 4), { nowMs: NOW, wide: true })).toBe(
      'NAME         TYPE        CLUSTER-IP       EXTERNAL-IP      PORT(S)                      AGE     SELECTOR\n' +
      'kubernetes   ClusterIP   10.96.0.1        <none>           443/TCP                      39d     <none>\n' +
      'ngx-svc      ClusterIP   10.103.245.125   <none>           80/TCP                       5m55s   app=ngx-dep\n' +
      'redis-svc    ClusterIP   None             <none>           6379/TCP                     4s      app=redis-sts\n' +
      'web-np       NodePort    10.96.112.7      192.168.56.101   80:30080/TCP,443:30443/TCP   60s     app=web,tier=front\n',
    );
  });
});

describe('Endpoints table', () => {
  const addr = (...ips: string[]) => ips.map((ip) => ({ ip }));
  it('lists at most three endpoints, then how many more', () => {
    const list = [
      obj('v1', 'Endpoints', 'kubernetes', 86400 * 39, { subsets: [{ addresses: addr('192.168.56.101'), ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }] }),
      obj('v1', 'Endpoints', 'ngx-svc', 355, {
        subsets: [{ addresses: addr('10.244.1.5', '10.244.2.3', '10.244.2.4', '10.244.1.7'), notReadyAddresses: addr('10.244.1.9'), ports: [{ port: 80, protocol: 'TCP' }] }],
      }),
      obj('v1', 'Endpoints', 'web', 60, {
        subsets: [{ addresses: addr('10.244.1.5', '10.244.2.3'), ports: [{ name: 'http', port: 80 }, { name: 'https', port: 443 }] }],
      }),
      obj('v1', 'Endpoints', 'redis-svc', 4, { subsets: [{ addresses: addr('10.244.1.12', 'fd00:10:244::12') }] }),
      obj('v1', 'Endpoints', 'v6', 4, { subsets: [{ addresses: addr('fd00:10:244::7'), ports: [{ port: 8080 }] }] }),
      obj('v1', 'Endpoints', 'not-ready', 4, { subsets: [{ notReadyAddresses: addr('10.244.2.8'), ports: [{ port: 80 }] }] }),
      obj('v1', 'Endpoints', 'no-pods', 4, {}),
    ];
    expect(printTable(list, { nowMs: NOW })).toBe(
      'NAME         ENDPOINTS                                                AGE\n' +
      'kubernetes   192.168.56.101:6443                                      39d\n' +
      'ngx-svc      10.244.1.5:80,10.244.2.3:80,10.244.2.4:80 + 1 more...    5m55s\n' +
      'web          10.244.1.5:80,10.244.2.3:80,10.244.1.5:443 + 1 more...   60s\n' +
      'redis-svc    10.244.1.12,fd00:10:244::12                              4s\n' +
      'v6           [fd00:10:244::7]:8080                                    4s\n' +
      'not-ready                                                             4s\n' +
      'no-pods      <none>                                                   4s\n',
    );
  });
});

describe('EndpointSlice table', () => {
  it('prints address type, ports and endpoint addresses', () => {
    const ep = (ip: string) => ({ addresses: [ip], conditions: { ready: true } });
    const slices = [
      obj('discovery.k8s.io/v1', 'EndpointSlice', 'ngx-svc-x7k2m', 355, {
        addressType: 'IPv4', ports: [{ name: '', port: 80, protocol: 'TCP' }], endpoints: [ep('10.244.1.5'), ep('10.244.2.3')],
      }),
      obj('discovery.k8s.io/v1', 'EndpointSlice', 'web-9wq4z', 60, {
        addressType: 'IPv4', ports: [{ name: 'http', port: 80 }, { name: 'https', port: 443 }, { name: 'metrics', port: 9090 }, { name: 'admin', port: 9091 }],
        endpoints: [ep('10.244.1.5'), ep('10.244.2.3'), ep('10.244.2.4'), ep('10.244.1.7'), ep('10.244.1.8')],
      }),
      obj('discovery.k8s.io/v1', 'EndpointSlice', 'headless-abcde', 4, { addressType: 'IPv6', ports: [{ name: 'grpc' }, {}], endpoints: [] }),
    ];
    expect(printTable(slices, { nowMs: NOW })).toBe(
      'NAME             ADDRESSTYPE   PORTS                     ENDPOINTS                                      AGE\n' +
      'ngx-svc-x7k2m    IPv4          80                        10.244.1.5,10.244.2.3                          5m55s\n' +
      'web-9wq4z        IPv4          80,443,9090 + 1 more...   10.244.1.5,10.244.2.3,10.244.2.4 + 2 more...   60s\n' +
      'headless-abcde   IPv6          grpc,*                    <unset>                                        4s\n',
    );
  });
});

describe('Ingress, IngressClass and NetworkPolicy tables', () => {
  it('prints ingresses', () => {
    const list = [
      obj('networking.k8s.io/v1', 'Ingress', 'ngx-ing', 600, {
        spec: { ingressClassName: 'ngx-ink', rules: [{ host: 'ngx.test', http: {} }] },
        status: { loadBalancer: { ingress: [{ ip: '192.168.56.101' }] } },
      }),
      obj('networking.k8s.io/v1', 'Ingress', 'shop', 60, {
        spec: { tls: [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }], rules: [{ host: 'shop.example.com' }, { host: 'api.example.com' }, {}, { host: 'img.example.com' }, { host: 'cdn.example.com' }] },
      }),
      obj('networking.k8s.io/v1', 'Ingress', 'catch-all', 5, { spec: { defaultBackend: { service: { name: 'web', port: { number: 80 } } } } }),
    ];
    expect(printTable(list, { nowMs: NOW })).toBe(
      'NAME        CLASS     HOSTS                                                          ADDRESS          PORTS     AGE\n' +
      'ngx-ing     ngx-ink   ngx.test                                                       192.168.56.101   80        10m\n' +
      'shop        <none>    shop.example.com,api.example.com,img.example.com + 2 more...                    80, 443   60s\n' +
      'catch-all   <none>    *                                                                               80        5s\n',
    );
  });

  it('prints ingress classes and network policies', () => {
    const classes = [
      obj('networking.k8s.io/v1', 'IngressClass', 'ngx-ink', 86400, { spec: { controller: 'nginx.org/ingress-controller' } }),
      obj('networking.k8s.io/v1', 'IngressClass', 'external-lb', 86400, {
        spec: { controller: 'example.com/ingress-controller', parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'external-lb' } },
      }),
    ];
    expect(printTable(classes, { nowMs: NOW })).toBe(
      'NAME          CONTROLLER                       PARAMETERS                                      AGE\n' +
      'ngx-ink       nginx.org/ingress-controller     <none>                                          24h\n' +
      'external-lb   example.com/ingress-controller   IngressParameters.k8s.example.com/external-lb   24h\n',
    );
    const policies = [
      obj('networking.k8s.io/v1', 'NetworkPolicy', 'default-deny', 300, { spec: { podSelector: {}, policyTypes: ['Ingress'] } }),
      obj('networking.k8s.io/v1', 'NetworkPolicy', 'allow-frontend', 120, { spec: { podSelector: { matchLabels: { app: 'web', role: 'db' } } } }),
    ];
    expect(printTable(policies, { nowMs: NOW })).toBe(
      'NAME             POD-SELECTOR      AGE\n' +
      'default-deny     <none>            5m\n' +
      'allow-frontend   app=web,role=db   2m\n',
    );
  });
});
