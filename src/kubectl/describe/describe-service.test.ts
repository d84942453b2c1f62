/**
 * Golden tests: kubectl describe for Services and endpoints. Expected texts match kubectl v1.34 output for the same objects.
 */
import { describe, expect, it } from 'vitest';
import { describe as describeObject } from './index';
import { fakeContext } from './testing/fake-context';
import * as f from './testing/fixtures';
import * as x from './testing/fixtures-extra';

const ctx = fakeContext([...f.allObjects(), ...x.extraObjects()], f.NOW_MS);

describe('kubectl describe for Services and endpoints', () => {
  it('ClusterIP Service with endpoints from its EndpointSlice', () => {
    const expected = [
      'Name:                     web',
      'Namespace:                default',
      'Labels:                   app=web',
      'Annotations:              <none>',
      'Selector:                 app=web',
      'Type:                     ClusterIP',
      'IP Family Policy:         SingleStack',
      'IP Families:              IPv4',
      'IP:                       10.96.45.123',
      'IPs:                      10.96.45.123',
      'Port:                     <unset>  80/TCP',
      'TargetPort:               80/TCP',
      'Endpoints:                10.244.1.5:80,10.244.1.6:80,10.244.2.3:80',
      'Session Affinity:         None',
      'Internal Traffic Policy:  Cluster',
      'Events:                   <none>',
      '',
    ].join('\n');
    expect(describeObject(f.webService(), ctx)).toBe(expected);
  });

  it('NodePort Service with a named port and a named target port', () => {
    const expected = [
      'Name:                     web-np',
      'Namespace:                default',
      'Labels:                   <none>',
      'Annotations:              <none>',
      'Selector:                 app=web',
      'Type:                     NodePort',
      'IP Family Policy:         SingleStack',
      'IP Families:              IPv4',
      'IP:                       10.96.200.17',
      'IPs:                      10.96.200.17',
      'Port:                     http  8080/TCP',
      'TargetPort:               http-web/TCP',
      'NodePort:                 http  30080/TCP',
      'Endpoints:                10.244.1.5:80,10.244.1.6:80,10.244.2.3:80',
      'Session Affinity:         None',
      'External Traffic Policy:  Cluster',
      'Internal Traffic Policy:  Cluster',
      'Events:                   <none>',
      '',
    ].join('\n');
    expect(describeObject(f.webNodePortService(), ctx)).toBe(expected);
  });

  it('EndpointSlice', () => {
    const expected = [
      'Name:         web-h2x7c',
      'Namespace:    default',
      'Labels:       endpointslice.kubernetes.io/managed-by=endpointslice-controller.k8s.io',
      '              kubernetes.io/service-name=web',
      'Annotations:  <none>',
      'AddressType:  IPv4',
      'Ports:',
      '  Name     Port  Protocol',
      '  ----     ----  --------',
      '  <unset>  80    TCP',
      'Endpoints:',
      '  - Addresses:  10.244.1.5',
      '    Conditions:',
      '      Ready:    true',
      '    Hostname:   <unset>',
      '    TargetRef:  Pod/web-5d65f98bd9-x7k2p',
      '    NodeName:   kubeplay-worker',
      '    Zone:       <unset>',
      '  - Addresses:  10.244.1.6',
      '    Conditions:',
      '      Ready:    true',
      '    Hostname:   <unset>',
      '    TargetRef:  Pod/web-5d65f98bd9-m4q9z',
      '    NodeName:   kubeplay-worker',
      '    Zone:       <unset>',
      '  - Addresses:  10.244.2.3',
      '    Conditions:',
      '      Ready:    true',
      '    Hostname:   <unset>',
      '    TargetRef:  Pod/web-5d65f98bd9-tr8hd',
      '    NodeName:   kubeplay-worker2',
      '    Zone:       <unset>',
      'Events:         <none>',
      '',
    ].join('\n');
    expect(describeObject(f.webEndpointSlices()[0]!, ctx)).toBe(expected);
  });

  it('Endpoints with ready and not-ready addresses', () => {
    const expected = [
      'Name:         web',
      'Namespace:    default',
      'Labels:       app=web',
      'Annotations:  endpoints.kubernetes.io/last-change-trigger-time: 2026-11-22T01:50:40Z',
      'Subsets:',
      '  Addresses:          10.244.1.5,10.244.1.6',
      '  NotReadyAddresses:  10.244.2.3',
      '  Ports:',
      '    Name     Port  Protocol',
      '    ----     ----  --------',
      '    <unset>  80    TCP',
      '    metrics  9113  TCP',
      '',
      'Events:  <none>',
      '',
    ].join('\n');
    expect(describeObject(x.miscObjects()[0]!, ctx)).toBe(expected);
  });
});
