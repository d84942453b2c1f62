import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../engine';
import { describe as describeObject } from './index';
import { sortEvents } from './events';
import { fakeContext } from './testing/fake-context';
import { ago, NOW_MS } from './testing/fixtures';

function event(name: string, lastAgo: number | null, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Event',
    metadata: { name, namespace: 'default', uid: `u-${name}` },
    involvedObject: { kind: 'ConfigMap', uid: 'cm-1', name: 'c', namespace: 'default' },
    reason: name, message: `  ${name} happened  `, type: 'Normal', source: { component: 'test' },
    lastTimestamp: lastAgo === null ? null : ago(lastAgo), firstTimestamp: lastAgo === null ? null : ago(lastAgo),
    count: 1, ...extra,
  };
}

describe('describe dispatch and shared sections', () => {
  it('falls back to the generic describer for kinds without one', () => {
    const lease: KubeObject = {
      apiVersion: 'coordination.k8s.io/v1', kind: 'Lease',
      metadata: { name: 'leader', namespace: 'kube-system', uid: 'l-1', creationTimestamp: ago(60), resourceVersion: '7' },
      spec: { holderIdentity: 'a', leaseDurationSeconds: 15, acquireTime: '2026-11-22T01:59:00.000000Z' },
    };
    expect(describeObject(lease, fakeContext([lease], NOW_MS))).toBe([
      'Name:         leader',
      'Namespace:    kube-system',
      'Labels:       <none>',
      'Annotations:  <none>',
      'API Version:  coordination.k8s.io/v1',
      'Kind:         Lease',
      'Metadata:',
      '  Creation Timestamp:  2026-11-22T01:59:00Z',
      '  Resource Version:    7',
      '  UID:                 l-1',
      'Spec:',
      '  Acquire Time:            2026-11-22T01:59:00.000000Z',
      '  Holder Identity:         a',
      '  Lease Duration Seconds:  15',
      'Events:                    <none>',
      '',
    ].join('\n'));
  });

  it('sorts events by last timestamp with unset ones first, keeping list order for ties', () => {
    const sorted = sortEvents([event('c', 10), event('a', 10), event('b', 30), event('d', null)]);
    expect(sorted.map((e) => e.reason)).toEqual(['d', 'b', 'a', 'c']);
  });

  it('trims event messages and shows repeats as "<last> (x<count> over <first>)"', () => {
    const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default', uid: 'cm-1' } };
    const repeated = event('Repeated', 5, { count: 4, firstTimestamp: ago(125) });
    const out = describeObject(cm, fakeContext([cm, repeated], NOW_MS));
    expect(out.endsWith([
      'Events:',
      '  Type    Reason    Age                From  Message',
      '  ----    ------    ----               ----  -------',
      '  Normal  Repeated  5s (x4 over 2m5s)  test  Repeated happened',
      '',
    ].join('\n'))).toBe(true);
  });

  it('leaves the Events section out when showEvents is false', () => {
    const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default', uid: 'cm-1' } };
    const ctx = { ...fakeContext([cm, event('Repeated', 5)], NOW_MS), showEvents: false };
    expect(describeObject(cm, ctx).endsWith('BinaryData\n====\n\n')).toBe(true);
  });

  it('cuts long annotation values at 140 characters and hides last-applied-configuration', () => {
    const cm: KubeObject = {
      apiVersion: 'v1', kind: 'ConfigMap',
      metadata: {
        name: 'c', namespace: 'default', uid: 'cm-2',
        annotations: { long: 'x'.repeat(150), 'kubectl.kubernetes.io/last-applied-configuration': '{}', multi: 'one\ntwo\n' },
      },
    };
    const out = describeObject(cm, fakeContext([cm], NOW_MS));
    expect(out.split('\n').slice(2, 8)).toEqual([
      'Labels:       <none>',
      'Annotations:  long:',
      `                ${'x'.repeat(138)}...`,
      '              multi:',
      '                one',
      '                two',
    ]);
  });
});
