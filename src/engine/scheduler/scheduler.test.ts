import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { makeNode, makePod, newTestCluster, type TestCluster } from './testing/fixtures';
import type { NodeObject } from './framework/node-info';
import type { PodObject } from './framework/pod-info';
import { registerPlugin, unregisterPlugin } from './plugins/registry';
import { Code, Status } from './framework/status';
import { podStatus } from './pod-condition';

const CP = 'kubeplay-control-plane';
const W1 = 'kubeplay-worker';
const W2 = 'kubeplay-worker2';
const CP_TAINT = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

function threeNodes(): NodeObject[] {
  return [
    makeNode(CP, { labels: { 'node-role.kubernetes.io/control-plane': '' }, taints: [CP_TAINT] }),
    makeNode(W1, { cpu: '2', memory: '4Gi', pods: '110' }),
    makeNode(W2, { cpu: '2', memory: '4Gi', pods: '110' }),
  ];
}

function cluster(): TestCluster {
  return newTestCluster(threeNodes());
}

const condition = (p: PodObject, type = 'PodScheduled') => (p.status?.conditions ?? []).find((c) => c.type === type) as Record<string, unknown> | undefined;

function mutateNode(c: TestCluster, name: string, fn: (n: NodeObject) => void): void {
  const r = c.api.mutate<NodeObject>('Node', undefined, name, fn);
  if (!r.ok) throw new Error(r.status.message);
}

/** Fills each worker with a 2Gi pod (priority 0), leaving 2Gi free on each. */
function fillWorkers(c: TestCluster): void {
  c.create(makePod('fill-a', { containers: [{ cpu: '100m', memory: '2Gi' }], startTime: '2025-01-01T10:00:00Z' }));
  c.create(makePod('fill-b', { containers: [{ cpu: '100m', memory: '2Gi' }], startTime: '2025-01-01T10:00:00Z' }));
  c.loop.advance(1000);
  expect(new Set([c.pod('fill-a').spec!.nodeName, c.pod('fill-b').spec!.nodeName])).toEqual(new Set([W1, W2]));
}

const BIG_POD_MESSAGE =
  '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient memory. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.';

describe('kube-scheduler (integration)', () => {
  it('binds pods to workers with PodScheduled=True and a Scheduled event', () => {
    const c = cluster();
    for (let i = 0; i < 6; i++) c.create(makePod(`web-${i}`, { containers: [{ cpu: '100m', memory: '128Mi' }] }));
    c.loop.advance(1000);
    const placed = new Map<string, number>();
    for (let i = 0; i < 6; i++) {
      const p = c.pod(`web-${i}`);
      expect([W1, W2]).toContain(p.spec!.nodeName);
      placed.set(p.spec!.nodeName!, (placed.get(p.spec!.nodeName!) ?? 0) + 1);
      expect(condition(p)).toEqual({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: expect.any(String), observedGeneration: expect.any(Number) });
      expect(c.eventsFor(`web-${i}`)).toEqual([{ type: 'Normal', reason: 'Scheduled', message: `Successfully assigned default/web-${i} to ${p.spec!.nodeName}`, count: 1, source: 'default-scheduler' }]);
    }
    // LeastAllocated spreads equal pods over equal nodes.
    expect(placed.get(W1)).toBe(3);
    expect(placed.get(W2)).toBe(3);
  });

  it('spends a few virtual ms per attempt: 100 pods take a fraction of a second', () => {
    const c = cluster();
    for (let i = 0; i < 100; i++) c.create(makePod(`p-${i}`, { containers: [{ cpu: '10m', memory: '16Mi' }] }));
    const bound = () => c.api.list<PodObject>('Pod').filter((p) => p.spec?.nodeName).length;
    c.loop.advance(50);
    expect(bound()).toBeGreaterThan(5);
    expect(bound()).toBeLessThan(60);
    c.loop.advance(950);
    expect(bound()).toBe(100);
  });

  it('leaves a pod that fits nowhere Pending with the upstream FailedScheduling message', () => {
    const c = cluster();
    fillWorkers(c);
    c.create(makePod('big', { containers: [{ cpu: '100m', memory: '3Gi' }] }));
    c.loop.advance(1000);
    const p = c.pod('big');
    expect(p.spec!.nodeName).toBeUndefined();
    expect(condition(p)).toEqual({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: BIG_POD_MESSAGE, lastProbeTime: null, lastTransitionTime: expect.any(String), observedGeneration: expect.any(Number) });
    expect(c.eventsFor('big')).toEqual([{ type: 'Warning', reason: 'FailedScheduling', message: BIG_POD_MESSAGE, count: 1, source: 'default-scheduler' }]);
    expect(c.scheduler.queueStats().unschedulable).toBe(1);
  });

  it('schedules it once the control-plane taint is removed', () => {
    const c = cluster();
    fillWorkers(c);
    c.create(makePod('big', { containers: [{ cpu: '100m', memory: '3Gi' }] }));
    c.loop.advance(1000);
    mutateNode(c, CP, (n) => {
      delete n.spec!.taints;
    });
    c.loop.advance(100);
    expect(c.pod('big').spec!.nodeName).toBe(CP);
    expect(c.eventsFor('big').map((e) => e.reason)).toEqual(['FailedScheduling', 'Scheduled']);
  });

  it('schedules it once a node is added', () => {
    const c = cluster();
    fillWorkers(c);
    c.create(makePod('big', { containers: [{ cpu: '100m', memory: '3Gi' }] }));
    c.loop.advance(1000);
    c.create(makeNode('kubeplay-worker3'));
    c.loop.advance(100);
    expect(c.pod('big').spec!.nodeName).toBe('kubeplay-worker3');
  });

  it('retries when a bound pod is deleted or terminates, not on unrelated changes', () => {
    const c = cluster();
    fillWorkers(c);
    c.create(makePod('big', { containers: [{ cpu: '100m', memory: '3Gi' }] }));
    c.loop.advance(1000);
    // A node label change does not concern NodeResourcesFit: the pod stays in the unschedulable pool.
    mutateNode(c, W1, (n) => {
      n.metadata.labels = { ...n.metadata.labels, team: 'a' };
    });
    c.loop.advance(100);
    expect(c.eventsFor('big')[0]!.count).toBe(1);
    // The pod on one worker finishes: its resources are free again.
    const r = c.api.mutate<PodObject>('Pod', 'default', 'fill-a', (p) => {
      podStatus(p).phase = 'Succeeded';
    }, 'status');
    expect(r.ok).toBe(true);
    c.loop.advance(100);
    expect(c.pod('big').spec!.nodeName).toBe(c.pod('fill-a').spec!.nodeName);
  });

  it('retries a pod when a bound pod is deleted', () => {
    const c = cluster();
    fillWorkers(c);
    c.create(makePod('big', { containers: [{ cpu: '100m', memory: '3Gi' }] }));
    c.loop.advance(1000);
    const freed = c.pod('fill-b').spec!.nodeName;
    expect(c.api.delete('Pod', 'default', 'fill-b', { gracePeriodSeconds: 0 }).ok).toBe(true);
    c.loop.advance(100);
    expect(c.pod('big').spec!.nodeName).toBe(freed);
  });

  it('re-emits FailedScheduling on the periodic flush (aggregated into a count)', () => {
    const c = cluster();
    fillWorkers(c);
    c.create(makePod('big', { containers: [{ cpu: '100m', memory: '3Gi' }] }));
    c.loop.advance(1000);
    c.loop.advance(4 * 60_000);
    expect(c.eventsFor('big')[0]!.count).toBe(1);
    // podMaxInUnschedulablePodsDuration is 5 minutes, checked every 30s.
    c.loop.advance(90_000);
    expect(c.eventsFor('big')).toEqual([{ type: 'Warning', reason: 'FailedScheduling', message: BIG_POD_MESSAGE, count: 2, source: 'default-scheduler' }]);
    // The next try is another 5 minutes (and a flush tick) after that failure.
    c.loop.advance(5 * 60_000);
    expect(c.eventsFor('big')[0]!.count).toBe(2);
    c.loop.advance(60_000);
    expect(c.eventsFor('big')[0]!.count).toBe(3);
  });

  it('honours nodeSelector (S36) and reports a selector that matches no node', () => {
    const c = cluster();
    mutateNode(c, W2, (n) => {
      n.metadata.labels = { ...n.metadata.labels, disktype: 'ssd' };
    });
    c.create(makePod('nginx', { nodeSelector: { disktype: 'ssd' } }));
    c.create(makePod('nowhere', { nodeSelector: { team: 'sigma' } }));
    c.loop.advance(1000);
    expect(c.pod('nginx').spec!.nodeName).toBe(W2);
    expect(condition(c.pod('nowhere'))!.message).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
    // Labelling a node to match (S29) wakes the pod up.
    mutateNode(c, W1, (n) => {
      n.metadata.labels = { ...n.metadata.labels, team: 'sigma' };
    });
    c.loop.advance(100);
    expect(c.pod('nowhere').spec!.nodeName).toBe(W1);
  });

  it('honours tolerations: a pod tolerating the control-plane taint may go there', () => {
    const c = cluster();
    c.create(
      makePod('cp-pod', {
        nodeSelector: { 'node-role.kubernetes.io/control-plane': '' },
        tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
      }),
    );
    c.loop.advance(1000);
    expect(c.pod('cp-pod').spec!.nodeName).toBe(CP);
  });

  it('skips cordoned nodes (node(s) were unschedulable) and resumes on uncordon', () => {
    const c = cluster();
    mutateNode(c, W1, (n) => {
      n.spec = { ...n.spec, unschedulable: true };
    });
    for (let i = 0; i < 4; i++) c.create(makePod(`p${i}`));
    c.loop.advance(1000);
    for (let i = 0; i < 4; i++) expect(c.pod(`p${i}`).spec!.nodeName).toBe(W2);
    mutateNode(c, W2, (n) => {
      n.spec = { ...n.spec, unschedulable: true };
    });
    c.create(makePod('late'));
    c.loop.advance(1000);
    expect(condition(c.pod('late'))!.message).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
    mutateNode(c, W1, (n) => {
      n.spec = { ...n.spec, unschedulable: false };
    });
    c.loop.advance(100);
    expect(c.pod('late').spec!.nodeName).toBe(W1);
  });

  it('reports "no nodes available to schedule pods" and retries when a node appears', () => {
    const c = newTestCluster([]);
    c.create(makePod('lonely'));
    c.loop.advance(1000);
    expect(condition(c.pod('lonely'))).toMatchObject({ status: 'False', reason: 'Unschedulable', message: 'no nodes available to schedule pods' });
    expect(c.eventsFor('lonely')[0]).toMatchObject({ reason: 'FailedScheduling', message: 'no nodes available to schedule pods' });
    c.create(makeNode('n1'));
    c.loop.advance(15_000);
    expect(c.pod('lonely').spec!.nodeName).toBe('n1');
  });

  it('ignores pods for other schedulers, bound pods and terminating pods', () => {
    const c = cluster();
    c.create(makePod('other', { schedulerName: 'my-scheduler' }));
    c.create(makePod('pinned', { nodeName: W1 }));
    c.loop.advance(1000);
    expect(c.pod('other').spec!.nodeName).toBeUndefined();
    expect(c.eventsFor('other')).toEqual([]);
    expect(c.eventsFor('pinned')).toEqual([]);
    expect(c.scheduler.lastDecision('default/pinned')).toBeUndefined();
  });

  it('does not filter pods that use PersistentVolumeClaims (left to a volume plugin)', () => {
    const c = cluster();
    const pod = makePod('with-pvc');
    pod.spec!.volumes = [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }];
    c.create(pod);
    c.loop.advance(1000);
    expect([W1, W2]).toContain(c.pod('with-pvc').spec!.nodeName);
  });

  it('lets a registered plugin join at its upstream position (registerPlugin)', () => {
    registerPlugin({
      name: 'VolumeBinding',
      factory: () => ({
        name: 'VolumeBinding',
        filter: (_s, pod, ni) => (pod.pod.spec?.volumes?.some((v) => v.persistentVolumeClaim) && ni.name === W1 ? new Status(Code.UnschedulableAndUnresolvable, ['node(s) had volume node affinity conflict'], 'VolumeBinding') : null),
      }),
    });
    try {
      const c = cluster();
      mutateNode(c, W2, (n) => {
        n.spec = { ...n.spec, unschedulable: true };
      });
      const pod = makePod('with-pvc');
      pod.spec!.volumes = [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }];
      c.create(pod);
      c.loop.advance(1000);
      expect(condition(c.pod('with-pvc'))!.message).toBe(
        '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) had volume node affinity conflict, 1 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
      );
    } finally {
      unregisterPlugin('VolumeBinding');
    }
  });

  it('keeps the last decision per pod: filter reasons, per-plugin scores, chosen node', () => {
    const c = cluster();
    c.create(makePod('a', { containers: [{ cpu: '500m', memory: '1Gi' }] }));
    c.loop.advance(1000);
    const d = c.scheduler.lastDecision('default/a')!;
    expect(d.result).toBe('Scheduled');
    expect(d.selectedNode).toBe(c.pod('a').spec!.nodeName);
    expect(d.numAllNodes).toBe(3);
    expect(d.filtered).toEqual([{ node: CP, code: 'UnschedulableAndUnresolvable', plugin: 'TaintToleration', reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'] }]);
    expect([...d.feasibleNodes].sort()).toEqual([W1, W2]);
    expect(d.scorePlugins.map((p) => `${p.name}:${p.weight}`)).toEqual(['TaintToleration:3', 'NodeResourcesFit:1', 'NodeResourcesBalancedAllocation:1', 'ImageLocality:1']);
    const w1 = d.scores.find((s) => s.node === W1)!;
    // cpu (2000-500)/2000 = 75, memory (4Gi-1Gi)/4Gi = 75; both fractions 0.25: perfectly balanced.
    expect(w1.scores).toEqual({ TaintToleration: 100, NodeResourcesFit: 75, NodeResourcesBalancedAllocation: 100, ImageLocality: 0 });
    expect(w1.total).toBe(300 + 75 + 100 + 0);

    c.create(makePod('huge', { containers: [{ cpu: '8' }] }));
    c.loop.advance(1000);
    const f = c.scheduler.lastDecision('default/huge')!;
    expect(f.result).toBe('Unschedulable');
    expect(f.filtered.map((x) => `${x.node}:${x.plugin}:${x.reasons.join('|')}`).sort()).toEqual([
      `${CP}:TaintToleration:node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }`,
      `${W2}:NodeResourcesFit:Insufficient cpu`,
      `${W1}:NodeResourcesFit:Insufficient cpu`,
    ]);
    expect(f.message).toBe('0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.');
  });

  it('is deterministic for a seed', () => {
    const run = (seed: number) => {
      const c = newTestCluster([makeNode('a'), makeNode('b'), makeNode('c'), makeNode('d')], {}, seed);
      for (let i = 0; i < 20; i++) c.create(makePod(`p${i}`, { containers: [{}] }));
      c.loop.advance(1000);
      return Array.from({ length: 20 }, (_, i) => c.pod(`p${i}`).spec!.nodeName).join(',');
    };
    expect(run(3)).toBe(run(3));
  });
});

describe('preemption (S42)', () => {
  /** Workers with 2Gi + 1Gi used each: 1Gi free per worker, all priority 0. */
  function crowded(): TestCluster {
    const c = cluster();
    fillWorkers(c);
    c.create(makePod('low-a', { containers: [{ cpu: '100m', memory: '1Gi' }], startTime: '2025-01-01T11:00:00Z' }));
    c.create(makePod('low-b', { containers: [{ cpu: '100m', memory: '1Gi' }], startTime: '2025-01-01T11:30:00Z' }));
    c.loop.advance(1000);
    expect(new Set([c.pod('low-a').spec!.nodeName, c.pod('low-b').spec!.nodeName])).toEqual(new Set([W1, W2]));
    return c;
  }

  it('evicts a lower-priority pod, nominates the node, then binds there', () => {
    const c = crowded();
    c.create(makePod('high', { containers: [{ cpu: '100m', memory: '2Gi' }], priority: 1000000 }));
    c.loop.advance(1000);
    const high = c.pod('high');
    expect(high.spec!.nodeName).toBeUndefined();
    // Equal victims on both workers: the younger one (latest start time) is evicted.
    const victim = c.pod('low-b');
    const victimNode = victim.spec!.nodeName!;
    expect(high.status!.nominatedNodeName).toBe(victimNode);
    expect(condition(high)!.message).toBe('0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient memory.');
    expect(c.pod('low-a').metadata.deletionTimestamp).toBeUndefined();
    // The victim: DisruptionTarget, graceful deletion and a Preempted event.
    expect(victim.metadata.deletionTimestamp).toBeDefined();
    expect(condition(victim, 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'PreemptionByScheduler', message: 'default-scheduler: preempting to accommodate a higher priority pod' });
    expect(c.eventsFor('low-b').map((e) => `${e.reason}: ${e.message}`)).toContain(`Preempted: Preempted by pod ${high.metadata.uid} on node ${victimNode}`);
    // The kubelet finishes the victim; the preemptor lands on its nominated node.
    expect(c.api.delete('Pod', 'default', 'low-b', { gracePeriodSeconds: 0 }).ok).toBe(true);
    c.loop.advance(100);
    expect(c.pod('high').spec!.nodeName).toBe(victimNode);
    expect(c.pod('high').status!.nominatedNodeName).toBeUndefined();
  });

  it('does not preempt with preemptionPolicy: Never', () => {
    const c = crowded();
    c.create(makePod('polite', { containers: [{ cpu: '100m', memory: '2Gi' }], priority: 1000000, preemptionPolicy: 'Never' }));
    c.loop.advance(1000);
    expect(condition(c.pod('polite'))!.message).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient memory. preemption: not eligible due to preemptionPolicy=Never.',
    );
    expect(c.pod('low-a').metadata.deletionTimestamp).toBeUndefined();
    expect(c.pod('low-b').metadata.deletionTimestamp).toBeUndefined();
  });

  it('finds no victims among equal-priority pods', () => {
    const c = crowded();
    c.create(makePod('same', { containers: [{ cpu: '100m', memory: '2Gi' }] }));
    c.loop.advance(1000);
    expect(condition(c.pod('same'))!.message).toBe(BIG_POD_MESSAGE);
  });

  it('schedules higher-priority pods first', () => {
    const c = newTestCluster([makeNode('only', { cpu: '1', memory: '1Gi' })]);
    c.create(makePod('low', { containers: [{ cpu: '800m' }], priority: 1 }));
    c.create(makePod('high', { containers: [{ cpu: '800m' }], priority: 100 }));
    c.loop.advance(1000);
    expect(c.pod('high').spec!.nodeName).toBe('only');
    expect(c.pod('low').spec!.nodeName).toBeUndefined();
  });
});

describe('pod affinity and topology spread (S31-S33, S43)', () => {
  const zoned = () =>
    newTestCluster([
      makeNode('node1', { labels: { zone: 'zoneA', 'failure-domain.beta.kubernetes.io/zone': 'zoneA' } }),
      makeNode('node2', { labels: { zone: 'zoneA', 'failure-domain.beta.kubernetes.io/zone': 'zoneA' } }),
      makeNode('node3', { labels: { zone: 'zoneB', 'failure-domain.beta.kubernetes.io/zone': 'zoneB' } }),
      makeNode('node4', { labels: { zone: 'zoneB', 'failure-domain.beta.kubernetes.io/zone': 'zoneB' } }),
    ]);

  it('S31: required pod affinity waits for a matching pod, then joins its zone', () => {
    const c = zoned();
    c.create(
      makePod('with-pod-affinity', {
        affinity: {
          podAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchExpressions: [{ key: 'security', operator: 'In', values: ['S1'] }] }, topologyKey: 'failure-domain.beta.kubernetes.io/zone' }],
          },
        },
      }),
    );
    c.loop.advance(1000);
    expect(condition(c.pod('with-pod-affinity'))!.message).toBe(
      "0/4 nodes are available: 4 node(s) didn't match pod affinity rules. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.",
    );
    c.create(makePod('security-s1', { labels: { security: 'S1' }, nodeName: 'node3' }));
    c.loop.advance(100);
    expect(['node3', 'node4']).toContain(c.pod('with-pod-affinity').spec!.nodeName);
  });

  it('required anti-affinity keeps replicas on separate hosts', () => {
    const c = zoned();
    const anti = {
      podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'db' } }, topologyKey: 'kubernetes.io/hostname' }] },
    };
    for (let i = 0; i < 5; i++) c.create(makePod(`db-${i}`, { labels: { app: 'db' }, affinity: anti }));
    c.loop.advance(1000);
    const nodes = Array.from({ length: 5 }, (_, i) => c.pod(`db-${i}`).spec?.nodeName).filter(Boolean);
    expect(new Set(nodes).size).toBe(4);
    const pending = Array.from({ length: 5 }, (_, i) => c.pod(`db-${i}`)).find((p) => !p.spec?.nodeName)!;
    expect(condition(pending)!.message).toBe(
      "0/4 nodes are available: 4 node(s) didn't match pod anti-affinity rules. preemption: 0/4 nodes are available: 4 No preemption victims found for incoming pod.",
    );
  });

  it('S33: preferred anti-affinity (100) outweighs preferred affinity (50)', () => {
    const c = newTestCluster([makeNode('both'), makeNode('test1-only')]);
    c.create(makePod('t1a', { labels: { 'app.kubernetes.io/name': 'test-1' }, nodeName: 'both' }));
    c.create(makePod('t2', { labels: { 'app.kubernetes.io/name': 'test-2' }, nodeName: 'both' }));
    c.create(makePod('t1b', { labels: { 'app.kubernetes.io/name': 'test-1' }, nodeName: 'test1-only' }));
    const term = (name: string) => ({ labelSelector: { matchExpressions: [{ key: 'app.kubernetes.io/name', operator: 'In', values: [name] }] }, topologyKey: 'kubernetes.io/hostname' });
    c.create(
      makePod('chooser', {
        affinity: {
          podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 50, podAffinityTerm: term('test-1') }] },
          podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: term('test-2') }] },
        },
      }),
    );
    c.loop.advance(1000);
    expect(c.pod('chooser').spec!.nodeName).toBe('test1-only');
    const d = c.scheduler.lastDecision('default/chooser')!;
    expect(d.scores.find((s) => s.node === 'test1-only')!.scores.InterPodAffinity).toBe(100);
    expect(d.scores.find((s) => s.node === 'both')!.scores.InterPodAffinity).toBe(0);
  });

  it('S43: DoNotSchedule topology spread keeps zone skew within maxSkew', () => {
    const c = zoned();
    c.create(makePod('a1', { labels: { foo: 'bar' }, nodeName: 'node1' }));
    c.create(makePod('a2', { labels: { foo: 'bar' }, nodeName: 'node2' }));
    c.create(
      makePod('mypod', {
        labels: { foo: 'bar' },
        topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { foo: 'bar' } } }],
      }),
    );
    c.loop.advance(1000);
    expect(['node3', 'node4']).toContain(c.pod('mypod').spec!.nodeName);
    const d = c.scheduler.lastDecision('default/mypod')!;
    expect(d.filtered.map((f) => `${f.node}:${f.reasons[0]}`).sort()).toEqual([
      "node1:node(s) didn't match pod topology spread constraints",
      "node2:node(s) didn't match pod topology spread constraints",
    ]);
  });

  it('spreads ReplicaSet pods across nodes through the default constraints', () => {
    const c = newTestCluster([makeNode('n1', { cpu: '8', memory: '32Gi' }), makeNode('n2', { cpu: '8', memory: '32Gi' }), makeNode('n3', { cpu: '8', memory: '32Gi' })]);
    const rs = c.create<KubeObject>({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-abc', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'web' } }, template: {} } } as KubeObject);
    const owner = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-abc', uid: rs.metadata.uid!, controller: true }];
    for (let i = 0; i < 9; i++) c.create(makePod(`web-abc-${i}`, { labels: { app: 'web' }, ownerReferences: owner, containers: [{ cpu: '10m', memory: '10Mi' }] }));
    c.loop.advance(1000);
    const counts = new Map<string, number>();
    for (let i = 0; i < 9; i++) {
      const n = c.pod(`web-abc-${i}`).spec!.nodeName!;
      counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    expect([...counts.values()]).toEqual([3, 3, 3]);
  });
});
