import { describe, expect, it } from 'vitest';
import { cacheWith, runFilter, runScore } from '../../testing/harness';
import { makeNode, makePod } from '../../testing/fixtures';
import { CycleState } from '../../framework/cycle-state';
import { PodInfo } from '../../framework/pod-info';
import { newNodeAffinity } from './node-affinity';

const nodes = () =>
  cacheWith([
    makeNode('amd-ssd', { labels: { 'beta.kubernetes.io/arch': 'amd64', 'disk-type': 'ssd', size: '10' } }),
    makeNode('amd-hdd', { labels: { 'beta.kubernetes.io/arch': 'amd64', 'disk-type': 'hdd', size: '3' } }),
    makeNode('arm', { labels: { 'beta.kubernetes.io/arch': 'arm64' } }),
  ]);

describe('NodeAffinity', () => {
  it('filters by nodeSelector with the upstream reason', () => {
    const r = runFilter(newNodeAffinity(), makePod('p', { nodeSelector: { 'disk-type': 'ssd' } }), nodes());
    expect(r['amd-ssd']).toBeNull();
    expect(r['amd-hdd']!.reasons).toEqual(["node(s) didn't match Pod's node affinity/selector"]);
    expect(r.arm!.reasons).toEqual(["node(s) didn't match Pod's node affinity/selector"]);
  });

  it('S30: required arch In [amd64], preferred disk-type ssd scores higher', () => {
    const pod = makePod('with-node-affinity', {
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'beta.kubernetes.io/arch', operator: 'In', values: ['amd64'] }] }] },
          preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchExpressions: [{ key: 'disk-type', operator: 'In', values: ['ssd'] }] } }],
        },
      },
    });
    const c = nodes();
    const f = runFilter(newNodeAffinity(), pod, c);
    expect([f['amd-ssd'], f['amd-hdd'], f.arm === null]).toEqual([null, null, false]);
    expect(runScore(newNodeAffinity(), pod, c)).toEqual({ 'amd-ssd': 100, 'amd-hdd': 0, arm: 0 });
  });

  it('compares Gt/Lt as integers and ORs the terms', () => {
    const pod = makePod('p', {
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: 'size', operator: 'Gt', values: ['5'] }] }, { matchExpressions: [{ key: 'beta.kubernetes.io/arch', operator: 'In', values: ['arm64'] }] }],
          },
        },
      },
    });
    const f = runFilter(newNodeAffinity(), pod, nodes());
    expect([f['amd-ssd'] === null, f['amd-hdd'] === null, f.arm === null]).toEqual([true, false, true]);
  });

  it('narrows to metadata.name pins in PreFilter', () => {
    const pod = makePod('p', {
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['arm'] }] }] } } },
    });
    const r = newNodeAffinity().preFilter!(new CycleState(), PodInfo.of(pod), []);
    expect([...(r?.nodeNames ?? [])]).toEqual(['arm']);
  });
});
