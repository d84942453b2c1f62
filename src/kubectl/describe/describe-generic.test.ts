/**
 * Golden tests: kubectl describe for kinds without a dedicated describer. Expected texts match kubectl v1.34 output for the same objects.
 */
import { describe, expect, it } from 'vitest';
import { describe as describeObject } from './index';
import { fakeContext } from './testing/fake-context';
import * as f from './testing/fixtures';
import * as x from './testing/fixtures-extra';

const ctx = fakeContext([...f.allObjects(), ...x.extraObjects()], f.NOW_MS);

describe('kubectl describe for kinds without a dedicated describer', () => {
  it('Event', () => {
    const expected = [
      'Name:             web-5d65f98bd9-x7k2p.1879a1b2c3d40001',
      'Namespace:        default',
      'Labels:           <none>',
      'Annotations:      <none>',
      'Action:           Binding',
      'API Version:      v1',
      'Event Time:       2026-11-22T01:50:22.000000Z',
      'First Timestamp:  <nil>',
      'Involved Object:',
      '  API Version:       v1',
      '  Kind:              Pod',
      '  Name:              web-5d65f98bd9-x7k2p',
      '  Namespace:         default',
      '  Resource Version:  1200',
      '  UID:               c2d4e6f8-1a3b-4c5d-9e7f-2a4b6c8d0e04',
      'Kind:                Event',
      'Last Timestamp:      <nil>',
      'Message:             Successfully assigned default/web-5d65f98bd9-x7k2p to kubeplay-worker',
      'Metadata:',
      '  Creation Timestamp:  2026-11-22T02:00:00Z',
      '  Resource Version:    1000',
      '  UID:                 ev-web-5d65f98bd9-x7k2p.1879a1b2c3d40001',
      'Reason:                Scheduled',
      'Reporting Component:   default-scheduler',
      'Reporting Instance:    default-scheduler-kubeplay-control-plane',
      'Source:',
      'Type:    Normal',
      'Events:  <none>',
      '',
    ].join('\n');
    expect(describeObject(f.webPodEvents()[0]!, ctx)).toBe(expected);
  });

  it('ControllerRevision', () => {
    const expected = [
      'Name:         kindnet-7b9f5c4d8',
      'Namespace:    kube-system',
      'Labels:       app=kindnet',
      '              controller-revision-hash=7b9f5c4d8',
      'Annotations:  deprecated.daemonset.template.generation: 1',
      'API Version:  apps/v1',
      'Data:',
      '  Spec:',
      '    Template:',
      '      $patch:  replace',
      '      Metadata:',
      '        Creation Timestamp:  <nil>',
      '        Labels:',
      '          App:  kindnet',
      '      Spec:',
      '        Containers:',
      '          Image:       docker.io/kindest/kindnetd:v20250512-df8de77b',
      '          Name:        kindnet-cni',
      '        Host Network:  true',
      'Kind:                  ControllerRevision',
      'Metadata:',
      '  Creation Timestamp:  2026-11-22T01:00:00Z',
      '  Owner References:',
      '    API Version:           apps/v1',
      '    Block Owner Deletion:  true',
      '    Controller:            true',
      '    Kind:                  DaemonSet',
      '    Name:                  kindnet',
      '    UID:                   ds-uid-kindnet',
      '  Resource Version:        2000',
      '  UID:                     cr-uid-kindnet',
      'Revision:                  1',
      'Events:                    <none>',
      '',
    ].join('\n');
    expect(describeObject(x.miscObjects()[2]!, ctx)).toBe(expected);
  });

  it('Lease', () => {
    const expected = [
      'Name:         kubeplay-worker',
      'Namespace:    kube-node-lease',
      'Labels:       <none>',
      'Annotations:  <none>',
      'API Version:  coordination.k8s.io/v1',
      'Kind:         Lease',
      'Metadata:',
      '  Creation Timestamp:  2026-11-22T01:00:10Z',
      '  Owner References:',
      '    API Version:     v1',
      '    Kind:            Node',
      '    Name:            kubeplay-worker',
      '    UID:             4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a705',
      '  Resource Version:  1000',
      '  UID:               lease-uid-worker',
      'Spec:',
      '  Holder Identity:         kubeplay-worker',
      '  Lease Duration Seconds:  40',
      '  Renew Time:              2026-11-22T01:59:52.123456Z',
      'Events:                    <none>',
      '',
    ].join('\n');
    expect(describeObject(f.workerLease(), ctx)).toBe(expected);
  });
});
