import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../api/types';
import { cacheWith, runFilter, runScore } from '../../testing/harness';
import { makeHandle, makeNode, makePod } from '../../testing/fixtures';
import { CycleState } from '../../framework/cycle-state';
import { Code } from '../../framework/status';
import type { SchedulerCache } from '../../cache/cache';
import { newPodTopologySpread } from './pod-topology-spread';

const H = 'kubernetes.io/hostname';
const foo = { matchExpressions: [{ key: 'foo', operator: 'Exists' }] };
const bar = { matchExpressions: [{ key: 'bar', operator: 'Exists' }] };
const soft = (maxSkew: number, topologyKey: string, labelSelector = foo) => ({ maxSkew, topologyKey, whenUnsatisfiable: 'ScheduleAnyway', labelSelector });
const hard = (maxSkew: number, topologyKey: string, labelSelector = foo) => ({ maxSkew, topologyKey, whenUnsatisfiable: 'DoNotSchedule', labelSelector });

/** Pods named by node letter: spread('a', 2, 'b', 1) puts 2 foo pods on node-a and 1 on node-b. */
function spread(...counts: (string | number)[]) {
  const pods = [];
  for (let i = 0; i < counts.length; i += 2) {
    const n = counts[i] as string;
    for (let j = 0; j < (counts[i + 1] as number); j++) pods.push(makePod(`p-${n}${j}`, { nodeName: `node-${n}`, labels: { foo: '' } }));
  }
  return pods;
}

const hostNodes = (...names: string[]) => names.map((n) => makeNode(`node-${n}`));
const zoneNode = (n: string, zone: string) => makeNode(`node-${n}`, { labels: { zone } });
const score = (c: SchedulerCache, pod: ReturnType<typeof makePod>, only?: string[]) => runScore(newPodTopologySpread(makeHandle(c)), pod, c, new CycleState(), only);

// Cases from upstream podtopologyspread/scoring_test.go TestPodTopologySpreadScore.
describe('PodTopologySpread scoring (upstream cases)', () => {
  it('one constraint on node, 4 candidates, maxSkew=2 (2/1/0/3) -> 33, 66, 100, 16', () => {
    const c = cacheWith(hostNodes('a', 'b', 'c', 'd'), spread('a', 2, 'b', 1, 'd', 3));
    const pod = makePod('p', { labels: { foo: '' }, topologySpreadConstraints: [soft(2, H)] });
    expect(score(c, pod)).toEqual({ 'node-a': 33, 'node-b': 66, 'node-c': 100, 'node-d': 16 });
  });

  it('one constraint on node, maxSkew=3 (4/3/2/1) -> 44, 66, 77, 100', () => {
    const c = cacheWith(hostNodes('a', 'b', 'c', 'd'), spread('a', 4, 'b', 3, 'c', 2, 'd', 1));
    const pod = makePod('p', { labels: { foo: '' }, topologySpreadConstraints: [soft(3, H)] });
    expect(score(c, pod)).toEqual({ 'node-a': 44, 'node-b': 66, 'node-c': 77, 'node-d': 100 });
  });

  it('system defaulting: a Service selects the pod, nodes have no zone -> 44, 66, 77, 100', () => {
    const c = cacheWith(hostNodes('a', 'b', 'c', 'd'), spread('a', 4, 'b', 3, 'c', 2, 'd', 1));
    const handle = makeHandle(c);
    const svc = handle.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'svc', namespace: 'default' }, spec: { selector: { foo: '' } } } as KubeObject);
    expect(svc.ok).toBe(true);
    const pod = makePod('p', { labels: { foo: '' } });
    expect(runScore(newPodTopologySpread(handle), pod, c)).toEqual({ 'node-a': 44, 'node-b': 66, 'node-c': 77, 'node-d': 100 });
  });

  it('one constraint on node, 3 of 4 nodes are candidates (4/2/1/~3~) -> 33, 83, 100', () => {
    const c = cacheWith(hostNodes('a', 'b', 'x', 'y'), spread('a', 4, 'b', 2, 'x', 1, 'y', 3));
    const pod = makePod('p', { labels: { foo: '' }, topologySpreadConstraints: [soft(1, H)] });
    expect(score(c, pod, ['node-a', 'node-b', 'node-x'])).toEqual({ 'node-a': 33, 'node-b': 83, 'node-x': 100 });
  });

  it('one candidate lacks the topology key -> 16, 0, 100', () => {
    const c = cacheWith([makeNode('node-a'), { ...makeNode('node-b'), metadata: { name: 'node-b', labels: { n: 'node-b' } } } as ReturnType<typeof makeNode>, makeNode('node-x'), makeNode('node-y')], spread('a', 4, 'b', 2, 'x', 1, 'y', 3));
    const pod = makePod('p', { labels: { foo: '' }, topologySpreadConstraints: [soft(1, H)] });
    expect(score(c, pod, ['node-a', 'node-b', 'node-x'])).toEqual({ 'node-a': 16, 'node-b': 0, 'node-x': 100 });
  });

  it('one constraint on zone, 3 of 4 candidates -> 75, 75, 100', () => {
    const c = cacheWith([zoneNode('a', 'zone1'), zoneNode('b', 'zone1'), zoneNode('x', 'zone2'), zoneNode('y', 'zone2')], spread('a', 4, 'b', 2, 'x', 1, 'y', 3));
    const pod = makePod('p', { labels: { foo: '' }, topologySpreadConstraints: [soft(1, 'zone')] });
    expect(score(c, pod, ['node-a', 'node-b', 'node-x'])).toEqual({ 'node-a': 75, 'node-b': 75, 'node-x': 100 });
  });

  it('two constraints with different selectors -> 60, 20, 100, 60', () => {
    const c = cacheWith(
      [zoneNode('a', 'zone1'), zoneNode('b', 'zone1'), zoneNode('x', 'zone2'), zoneNode('y', 'zone2')],
      [
        makePod('p-a1', { nodeName: 'node-a', labels: { foo: '' } }),
        makePod('p-b1', { nodeName: 'node-b', labels: { foo: '', bar: '' } }),
        makePod('p-y1', { nodeName: 'node-y', labels: { foo: '' } }),
        makePod('p-y2', { nodeName: 'node-y', labels: { bar: '' } }),
      ],
    );
    const pod = makePod('p', { labels: { foo: '', bar: '' }, topologySpreadConstraints: [soft(1, 'zone', foo), soft(1, H, bar)] });
    expect(score(c, pod)).toEqual({ 'node-a': 60, 'node-b': 20, 'node-x': 100, 'node-y': 60 });
  });
});

describe('PodTopologySpread filtering', () => {
  it('enforces maxSkew against the global minimum and names nodes missing the key', () => {
    const c = cacheWith([zoneNode('a', 'zone1'), zoneNode('b', 'zone1'), zoneNode('x', 'zone2'), makeNode('node-nolabel')], spread('a', 2, 'b', 1, 'x', 1));
    const pod = makePod('p', { labels: { foo: '' }, topologySpreadConstraints: [hard(1, 'zone')] });
    const r = runFilter(newPodTopologySpread(makeHandle(c)), pod, c);
    // zone1 has 3, zone2 has 1: adding to zone1 gives skew 3, to zone2 skew 1.
    expect(r['node-a']!.reasons).toEqual(["node(s) didn't match pod topology spread constraints"]);
    expect(r['node-a']!.code).toBe(Code.Unschedulable);
    expect(r['node-x']).toBeNull();
    expect(r['node-nolabel']!.reasons).toEqual(["node(s) didn't match pod topology spread constraints (missing required label)"]);
    expect(r['node-nolabel']!.code).toBe(Code.UnschedulableAndUnresolvable);
  });

  it('treats the minimum as 0 while fewer than minDomains domains exist', () => {
    const c = cacheWith([zoneNode('a', 'zone1'), zoneNode('x', 'zone2')], spread('a', 1, 'x', 1));
    const pod = makePod('p', { labels: { foo: '' }, topologySpreadConstraints: [{ ...hard(1, 'zone'), minDomains: 3 }] });
    const r = runFilter(newPodTopologySpread(makeHandle(c)), pod, c);
    expect([r['node-a'] === null, r['node-x'] === null]).toEqual([false, false]);
  });

  it('skips pods without hard constraints', () => {
    const c = cacheWith(hostNodes('a'));
    const r = runFilter(newPodTopologySpread(makeHandle(c)), makePod('p', { labels: { foo: '' }, topologySpreadConstraints: [soft(1, H)] }), c);
    expect(r['node-a']).toBeNull();
  });
});
