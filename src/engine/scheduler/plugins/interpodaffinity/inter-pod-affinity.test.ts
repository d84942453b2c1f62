import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../api/types';
import { cacheWith, runFilter, runScore } from '../../testing/harness';
import { makeHandle, makeNode, makePod, type PodSpecLite } from '../../testing/fixtures';
import { CycleState } from '../../framework/cycle-state';
import { Code } from '../../framework/status';
import type { SchedulerCache } from '../../cache/cache';
import { newInterPodAffinity } from './inter-pod-affinity';

type Affinity = PodSpecLite['affinity'];
const sec = (op: string, ...values: string[]) => ({ key: 'security', operator: op, ...(values.length ? { values } : {}) });
const weighted = (weight: number, topologyKey: string, ...exprs: object[]) => ({ weight, podAffinityTerm: { labelSelector: { matchExpressions: exprs }, topologyKey } });
const stayWithS1InRegion: Affinity = { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [weighted(5, 'region', sec('In', 'S1'))] } } as Affinity;
const stayWithS2InRegion: Affinity = { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [weighted(6, 'region', sec('In', 'S2'))] } } as Affinity;
const affinity3: Affinity = {
  podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [weighted(8, 'region', sec('NotIn', 'S1'), sec('In', 'S2')), weighted(2, 'region', sec('Exists'), { key: 'wrongkey', operator: 'DoesNotExist' })] },
} as Affinity;
const hardAffinity: Affinity = {
  podAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: [
      { labelSelector: { matchExpressions: [sec('In', 'S1', 'value2')] }, topologyKey: 'region' },
      { labelSelector: { matchExpressions: [sec('Exists'), { key: 'wrongkey', operator: 'DoesNotExist' }] }, topologyKey: 'region' },
    ],
  },
} as Affinity;
const awayFromS1InAz: Affinity = { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [weighted(5, 'az', sec('In', 'S1'))] } } as Affinity;
const awayFromS2InAz: Affinity = { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [weighted(5, 'az', sec('In', 'S2'))] } } as Affinity;
const stayWithS1InRegionAwayFromS2InAz: Affinity = {
  podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [weighted(8, 'region', sec('In', 'S1'))] },
  podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [weighted(5, 'az', sec('In', 'S2'))] },
} as Affinity;

const S1 = { security: 'S1' };
const S2 = { security: 'S2' };
const node = (name: string, labels: Record<string, string>) => makeNode(name, { labels });
let seq = 0;
const on = (nodeName: string, labels?: Record<string, string>, affinity?: Affinity, namespace?: string) => makePod(`e${seq++}`, { nodeName, ...(labels ? { labels } : {}), ...(affinity ? { affinity } : {}), ...(namespace ? { namespace } : {}) });
const score = (c: SchedulerCache, pod: ReturnType<typeof makePod>, handle = makeHandle(c)) => runScore(newInterPodAffinity(handle), pod, c, new CycleState());

// Cases from upstream interpodaffinity/scoring_test.go TestPreferredAffinity.
describe('InterPodAffinity scoring (upstream cases)', () => {
  it('different label operators, including match failures -> 20, 100, 0', () => {
    const c = cacheWith([node('node1', { region: 'China' }), node('node2', { region: 'India' }), node('node3', { az: 'az1' })], [on('node1', S1), on('node2', S2), on('node3', S1)]);
    expect(score(c, makePod('p', { labels: S1, affinity: affinity3 }))).toEqual({ node1: 20, node2: 100, node3: 0 });
  });

  it('symmetry: existing pods preferred affinity toward the incoming pod -> 0, 100, 0', () => {
    const c = cacheWith([node('node1', { region: 'China' }), node('node2', { region: 'India' }), node('node3', { az: 'az1' })], [on('node1', S1, stayWithS1InRegion), on('node2', S2, stayWithS2InRegion)]);
    expect(score(c, makePod('p', { labels: S2 }))).toEqual({ node1: 0, node2: 100, node3: 0 });
  });

  it('symmetry: existing pods required affinity counts at hardPodAffinityWeight -> 100, 100, 0', () => {
    const c = cacheWith([node('node1', { region: 'China' }), node('node2', { region: 'India' }), node('node3', { az: 'az1' })], [on('node1', S1, hardAffinity), on('node2', S2, hardAffinity)]);
    expect(score(c, makePod('p', { labels: S1 }))).toEqual({ node1: 100, node2: 100, node3: 0 });
  });

  it('anti-affinity symmetry -> 0, 100', () => {
    const c = cacheWith([node('node1', { az: 'az1' }), node('node2', { az: 'az2' })], [on('node1', S1, awayFromS2InAz), on('node2', S2, awayFromS1InAz)]);
    expect(score(c, makePod('p', { labels: S2 }))).toEqual({ node1: 0, node2: 100 });
  });

  it('affinity, anti-affinity and symmetry together -> 100, 0, 100, 0', () => {
    const c = cacheWith(
      [node('node1', { region: 'China' }), node('node2', { az: 'az1' }), node('node3', { region: 'India' }), node('node4', { az: 'az2' })],
      [on('node1', S1), on('node2', S2), on('node3', undefined, stayWithS1InRegionAwayFromS2InAz), on('node4', undefined, awayFromS1InAz)],
    );
    expect(score(c, makePod('p', { labels: S1, affinity: stayWithS1InRegionAwayFromS2InAz }))).toEqual({ node1: 100, node2: 0, node3: 100, node4: 0 });
  });

  it('symmetry with a namespaceSelector on the existing pod term -> 100, 0, 0', () => {
    const c = cacheWith([node('node1', { region: 'China' }), node('node2', { region: 'India' }), node('node3', { az: 'az1' })]);
    const handle = makeHandle(c);
    for (const [name, team] of [['subteam1.team1', 'team1'], ['subteam2.team1', 'team1'], ['subteam1.team2', 'team2'], ['subteam2.team2', 'team2']]) {
      expect(handle.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { team: team! } } } as KubeObject).ok).toBe(true);
    }
    const nsSelectorAffinity = {
      podAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 5, podAffinityTerm: { labelSelector: { matchExpressions: [sec('In', 'S1')] }, topologyKey: 'region', namespaces: ['subteam2.team2'], namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'In', values: ['team1'] }] } } },
        ],
      },
    } as Affinity;
    for (const p of [on('node1', S1, nsSelectorAffinity), on('node2', S2, stayWithS2InRegion)]) c.addPod(p);
    expect(score(c, makePod('p', { namespace: 'subteam1.team1', labels: S1 }), handle)).toEqual({ node1: 100, node2: 0, node3: 0 });
  });

  it('skips when nothing has affinity', () => {
    const c = cacheWith([node('node1', { region: 'China' })], [on('node1', S1)]);
    expect(score(c, makePod('p', { labels: S1 }))).toEqual({ node1: 0 });
  });
});

describe('InterPodAffinity filtering', () => {
  const zones = () => cacheWith([node('a1', { zone: 'a' }), node('a2', { zone: 'a' }), node('b1', { zone: 'b' }), makeNode('nozone')]);

  it('required affinity: only zones with a matching pod; the first pod of a self-affine group may go anywhere with the key', () => {
    const c = zones();
    const req = { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'zone' }] } } as Affinity;
    const first = runFilter(newInterPodAffinity(makeHandle(c)), makePod('first', { labels: { app: 'web' }, affinity: req }), c);
    expect([first.a1, first.b1]).toEqual([null, null]);
    expect(first.nozone!.reasons).toEqual(["node(s) didn't match pod affinity rules"]);
    c.addPod(on('a2', { app: 'web' }));
    const second = runFilter(newInterPodAffinity(makeHandle(c)), makePod('second', { labels: { app: 'web' }, affinity: req }), c);
    expect([second.a1, second.a2]).toEqual([null, null]);
    expect(second.b1!.code).toBe(Code.UnschedulableAndUnresolvable);
  });

  it("existing pods' required anti-affinity repels matching pods (symmetry)", () => {
    const c = zones();
    const anti = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { role: 'cache' } }, topologyKey: 'zone' }] } } as Affinity;
    c.addPod(on('a1', { app: 'db' }, anti));
    const r = runFilter(newInterPodAffinity(makeHandle(c)), makePod('cache', { labels: { role: 'cache' } }), c);
    expect(r.a2!.reasons).toEqual(["node(s) didn't satisfy existing pods anti-affinity rules"]);
    expect(r.a2!.code).toBe(Code.Unschedulable);
    expect(r.b1).toBeNull();
  });
});
