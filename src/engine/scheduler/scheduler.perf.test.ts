import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { SchedulerCache } from './cache/cache';
import { makeHandle, makeNode, makePod, type PodSpecLite } from './testing/fixtures';
import { defaultProfilePlugins } from './plugins/registry';
import { Framework } from './framework/runtime';
import { ScheduleAlgorithm } from './schedule-one';
import { PodInfo } from './framework/pod-info';
import { createRng } from '../sim/rng';

const NODES = 5000;
const PODS = 150_000;
const DEPLOYMENTS = 150;

/**
 * Scale check at 5,000 nodes. Scheduling cost per pod must not grow with the number of unrelated pods already
 * bound (15,000 -> 150,000, the extra pods belonging to other apps): an O(all pods) scan per attempt would grow
 * ~10x. Costs that follow the pods a selector matches (as upstream's do) stay constant here by construction.
 * Timings are compared within one run, so the check holds on slow or busy machines; the absolute bound only
 * catches gross regressions.
 */
describe('scheduler at scale (5,000 nodes, 150,000 pods)', () => {
  it('keeps the per-pod cost flat as bound pods grow, for plain, ReplicaSet, spread and affinity pods', () => {
    const cache = new SchedulerCache();
    const handle = makeHandle(cache);
    for (let i = 0; i < NODES; i++) cache.addNode(makeNode(`node-${i}`, { cpu: '64', memory: '256Gi', pods: '110', labels: { 'topology.kubernetes.io/zone': `zone-${i % 3}` } }));
    const owners: NonNullable<PodSpecLite['ownerReferences']>[] = [];
    for (let d = 0; d < DEPLOYMENTS; d++) {
      const r = handle.api.create({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: `app-${d}-abc`, namespace: 'default' }, spec: { selector: { matchLabels: { app: `app-${d}`, 'pod-template-hash': 'abc' } }, template: {} } } as KubeObject);
      if (!r.ok) throw new Error(r.status.message);
      owners.push([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `app-${d}-abc`, uid: r.value.metadata.uid!, controller: true }]);
    }
    let bound = 0;
    const bindUpTo = (total: number, app: (i: number) => string) => {
      for (; bound < total; bound++) {
        const d = bound % DEPLOYMENTS;
        cache.addPod(makePod(`p-${bound}`, { uid: `u${bound}`, nodeName: `node-${(bound * 7) % NODES}`, labels: { app: app(bound), 'pod-template-hash': 'abc' }, ownerReferences: owners[d], containers: [{ cpu: '100m', memory: '128Mi' }], phase: 'Running' }));
      }
    };
    const fwk = new Framework(defaultProfilePlugins().map(({ reg, weight }) => ({ plugin: reg.factory(handle, {}), weight })));
    fwk.nominator = { nominatedPodsForNode: () => [] };
    const algo = new ScheduleAlgorithm(fwk, cache, createRng(1), undefined);

    const kinds: Record<string, (i: number) => PodSpecLite> = {
      plain: () => ({ containers: [{ cpu: '100m', memory: '128Mi' }] }),
      replicaSet: (i) => ({ labels: { app: `app-${i % DEPLOYMENTS}`, 'pod-template-hash': 'abc' }, ownerReferences: owners[i % DEPLOYMENTS], containers: [{ cpu: '100m', memory: '128Mi' }] }),
      zoneSpread: (i) => ({
        labels: { app: `app-${i % DEPLOYMENTS}`, 'pod-template-hash': 'abc' },
        topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: `app-${i % DEPLOYMENTS}` } } }],
      }),
      antiAffinity: (i) => ({
        labels: { app: `app-${i % DEPLOYMENTS}` },
        affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: `app-${i % DEPLOYMENTS}` } }, topologyKey: 'kubernetes.io/hostname' }] } },
      }),
      preferredAffinity: (i) => ({
        affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: { labelSelector: { matchLabels: { app: `app-${i % DEPLOYMENTS}` } }, topologyKey: 'topology.kubernetes.io/zone' } }] } },
      }),
    };
    let n = 0;
    const measure = (count: number): Record<string, number> => {
      const out: Record<string, number> = {};
      for (const [kind, spec] of Object.entries(kinds)) {
        const start = performance.now();
        for (let i = 0; i < count; i++) {
          const pod = makePod(`new-${n}`, { uid: `new-${n}`, ...spec(n) });
          n++;
          const r = algo.schedulePod(fwk.newCycleState(), PodInfo.of(pod));
          if (!r.node) throw new Error(`${kind} pod ${i} did not fit`);
          pod.spec!.nodeName = r.node.name;
          cache.addPod(pod);
        }
        out[kind] = (performance.now() - start) / count;
      }
      return out;
    };

    bindUpTo(PODS / 10, (i) => `app-${i % DEPLOYMENTS}`);
    measure(20); // JIT warm-up
    const small = measure(80);
    bindUpTo(PODS, (i) => `bulk-${i % (DEPLOYMENTS * 9)}`);
    const large = measure(80);
    if (process.env.SCHED_PERF_LOG) console.log({ small, large });
    for (const kind of Object.keys(kinds)) {
      expect(large[kind]!, `${kind}: ${small[kind]!.toFixed(2)} -> ${large[kind]!.toFixed(2)} ms/pod`).toBeLessThan(3 * small[kind]! + 2);
      expect(large[kind]!, `${kind}: ${large[kind]!.toFixed(2)} ms/pod`).toBeLessThan(40);
    }
  }, 180_000);
});
