import { beforeEach, describe, expect, it } from 'vitest';
import type { ControllerRevision, DaemonSetStatus } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types';
import { createCluster, type Cluster } from '../../cluster/cluster';
import { isPodAvailable } from '../replicaset/pod-utils';

type StoredPod = Pod & KubeObject;
type Revision = ControllerRevision & KubeObject;

const WORKERS = ['kubeplay-worker', 'kubeplay-worker2'];
const ALL = ['kubeplay-control-plane', ...WORKERS];
const TOLERATE_CONTROL_PLANE = [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }];

let cluster: Cluster;
beforeEach(() => {
  cluster = createCluster({ seed: 3, freezeObjects: true });
});

function createDaemonSet(opts: { updateStrategy?: Record<string, unknown>; revisionHistoryLimit?: number; nodeSelector?: Record<string, string>; everywhere?: boolean } = {}): void {
  const r = cluster.api.create({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      ...(opts.updateStrategy ? { updateStrategy: opts.updateStrategy } : {}),
      ...(opts.revisionHistoryLimit !== undefined ? { revisionHistoryLimit: opts.revisionHistoryLimit } : {}),
      template: {
        metadata: { labels: { app: 'agent' } },
        spec: {
          containers: [{ name: 'agent', image: 'nginx:1.14.2' }],
          ...(opts.everywhere ? { tolerations: TOLERATE_CONTROL_PLANE } : {}),
          ...(opts.nodeSelector ? { nodeSelector: opts.nodeSelector } : {}),
        },
      },
    },
  });
  if (!r.ok) throw new Error(r.status.message);
}

function setImage(image: string): void {
  const r = cluster.api.mutate('DaemonSet', 'default', 'agent', (d) => {
    (d.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers[0]!.image = image;
  });
  if (!r.ok) throw new Error(r.status.message);
}

const pods = () => cluster.api.list<StoredPod>('Pod', 'default').filter((p) => p.metadata.labels?.app === 'agent');
const live = () => pods().filter((p) => !p.metadata.deletionTimestamp);
const nodesOf = (list: StoredPod[]) => list.map((p) => p.spec!.nodeName ?? '?').sort();
const status = () => cluster.api.get('DaemonSet', 'default', 'agent')!.status as DaemonSetStatus;
const revisions = () => cluster.api.list<Revision>('ControllerRevision', 'default').map((r) => `${r.revision}:${(r.data as { spec: { template: { spec: { containers: { image: string }[] } } } }).spec.template.spec.containers[0]!.image}`).sort();
const images = () => live().map((p) => `${p.spec!.nodeName}=${p.spec!.containers[0]!.image}`).sort();
type EventLike = KubeObject & { involvedObject: { kind: string }; reason: string; message: string };
const events = () =>
  cluster.api
    .list<EventLike>('Event', 'default')
    .filter((e) => e.involvedObject.kind === 'DaemonSet')
    .map((e) => `${e.reason}: ${e.message}`);

/** Advances in small steps, recording for each step how many of the desired nodes lack an available pod. */
function watchAvailability(ms: number): { maxUnavailable: number; maxPodsOnANode: number } {
  let maxUnavailable = 0;
  let maxPodsOnANode = 0;
  for (let t = 0; t < ms; t += 100) {
    cluster.advance(100);
    const byNode = new Map<string, StoredPod[]>();
    for (const p of pods()) byNode.set(p.spec!.nodeName ?? '?', [...(byNode.get(p.spec!.nodeName ?? '?') ?? []), p]);
    const unavailable = ALL.filter((n) => !(byNode.get(n) ?? []).some((p) => !p.metadata.deletionTimestamp && isPodAvailable(p, 0, cluster.nowMs))).length;
    maxUnavailable = Math.max(maxUnavailable, unavailable);
    for (const list of byNode.values()) maxPodsOnANode = Math.max(maxPodsOnANode, list.length);
  }
  return { maxUnavailable, maxPodsOnANode };
}

describe('DaemonSet rolling update', () => {
  it('replaces one node at a time with maxUnavailable 1, deleting the old pod before creating the new one', () => {
    createDaemonSet({ everywhere: true });
    cluster.advance(30_000);
    expect(status()).toEqual({ currentNumberScheduled: 3, numberMisscheduled: 0, desiredNumberScheduled: 3, numberReady: 3, observedGeneration: 1, updatedNumberScheduled: 3, numberAvailable: 3 });
    setImage('nginx:1.16.1');
    const seen = watchAvailability(60_000);
    expect(seen).toEqual({ maxUnavailable: 1, maxPodsOnANode: 1 });
    expect(images()).toEqual(ALL.map((n) => `${n}=nginx:1.16.1`).sort());
    expect(live().every((p) => p.metadata.labels?.['pod-template-generation'] === '2')).toBe(true);
    expect(status()).toMatchObject({ updatedNumberScheduled: 3, numberAvailable: 3, observedGeneration: 2 });
    expect(revisions()).toEqual(['1:nginx:1.14.2', '2:nginx:1.16.1']);
  });

  it('surges a second pod per node with maxSurge, keeping every node available', () => {
    createDaemonSet({ everywhere: true, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } } });
    cluster.advance(30_000);
    setImage('nginx:1.16.1');
    expect(watchAvailability(60_000)).toEqual({ maxUnavailable: 0, maxPodsOnANode: 2 });
    expect(images()).toEqual(ALL.map((n) => `${n}=nginx:1.16.1`).sort());
  });

  it('lets more nodes go at once with a larger maxUnavailable (percentages round up)', () => {
    createDaemonSet({ everywhere: true, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '50%' } } });
    cluster.advance(30_000);
    setImage('nginx:1.16.1');
    expect(watchAvailability(60_000).maxUnavailable).toBe(2);
    expect(images()).toEqual(ALL.map((n) => `${n}=nginx:1.16.1`).sort());
  });

  it('stalls on an image that cannot be pulled, keeping the other nodes on the old version', () => {
    createDaemonSet({ everywhere: true });
    cluster.advance(30_000);
    setImage('nginx:1.91');
    cluster.advance(120_000);
    const byImage = live().map((p) => p.spec!.containers[0]!.image).sort();
    expect(byImage).toEqual(['nginx:1.14.2', 'nginx:1.14.2', 'nginx:1.91']);
    expect(status()).toMatchObject({ desiredNumberScheduled: 3, updatedNumberScheduled: 1, numberAvailable: 2, numberUnavailable: 1 });
  });

  it('with OnDelete replaces a pod only when it is deleted', () => {
    createDaemonSet({ updateStrategy: { type: 'OnDelete' } });
    cluster.advance(30_000);
    setImage('nginx:1.16.1');
    cluster.advance(30_000);
    expect(images()).toEqual(WORKERS.map((n) => `${n}=nginx:1.14.2`).sort());
    // Zero counts are omitted, as Go's omitempty does.
    expect(status()).toEqual({ currentNumberScheduled: 2, numberMisscheduled: 0, desiredNumberScheduled: 2, numberReady: 2, observedGeneration: 2, numberAvailable: 2 });
    const victim = live().find((p) => p.spec!.nodeName === 'kubeplay-worker')!;
    cluster.api.delete('Pod', 'default', victim.metadata.name);
    cluster.advance(30_000);
    expect(images()).toEqual(['kubeplay-worker2=nginx:1.14.2', 'kubeplay-worker=nginx:1.16.1']);
    expect(status()).toMatchObject({ updatedNumberScheduled: 1 });
  });
});

describe('DaemonSet revision history', () => {
  it('renumbers a revision whose template comes back instead of creating a new one', () => {
    createDaemonSet();
    cluster.advance(30_000);
    setImage('nginx:1.16.1');
    cluster.advance(60_000);
    setImage('nginx:1.14.2');
    cluster.advance(60_000);
    expect(revisions()).toEqual(['2:nginx:1.16.1', '3:nginx:1.14.2']);
    const hashes = new Set(live().map((p) => p.metadata.labels?.['controller-revision-hash']));
    const current = cluster.api.list<Revision>('ControllerRevision', 'default').find((r) => r.revision === 3)!;
    expect([...hashes]).toEqual([current.metadata.labels!['controller-revision-hash']]);
    expect(current.metadata.name).toBe(`agent-${current.metadata.labels!['controller-revision-hash']}`);
  });

  it('keeps revisionHistoryLimit old revisions', () => {
    createDaemonSet({ revisionHistoryLimit: 1 });
    cluster.advance(30_000);
    for (const image of ['nginx:1.16.1', 'nginx:1.19.5', 'nginx:1.21.6']) {
      setImage(image);
      cluster.advance(60_000);
    }
    expect(revisions()).toEqual(['3:nginx:1.19.5', '4:nginx:1.21.6']);
  });

  it('copies the DaemonSet annotations (a recorded change-cause) onto the new revision', () => {
    createDaemonSet();
    cluster.advance(30_000);
    cluster.api.mutate('DaemonSet', 'default', 'agent', (d) => {
      d.metadata.annotations = { ...(d.metadata.annotations ?? {}), 'kubernetes.io/change-cause': 'kubectl set image ds/agent agent=nginx:1.16.1 --record=true' };
      (d.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers[0]!.image = 'nginx:1.16.1';
    });
    cluster.advance(1_000);
    const r2 = cluster.api.list<Revision>('ControllerRevision', 'default').find((r) => r.revision === 2)!;
    expect(r2.metadata.annotations).toEqual({ 'deprecated.daemonset.template.generation': '2', 'kubernetes.io/change-cause': 'kubectl set image ds/agent agent=nginx:1.16.1 --record=true' });
  });
});

describe('DaemonSet placement changes', () => {
  it('follows node labels for a nodeSelector', () => {
    createDaemonSet({ nodeSelector: { logging: 'on' } });
    cluster.advance(10_000);
    expect(live()).toHaveLength(0);
    cluster.api.mutate('Node', undefined, 'kubeplay-worker2', (n) => {
      n.metadata.labels = { ...n.metadata.labels, logging: 'on' };
    });
    cluster.advance(10_000);
    expect(nodesOf(live())).toEqual(['kubeplay-worker2']);
    cluster.api.mutate('Node', undefined, 'kubeplay-worker2', (n) => {
      const { logging: _, ...rest } = n.metadata.labels!;
      n.metadata.labels = rest;
    });
    cluster.advance(40_000);
    expect(live()).toHaveLength(0);
    expect(status()).toMatchObject({ desiredNumberScheduled: 0, currentNumberScheduled: 0 });
  });

  it('keeps a pod on a node tainted NoSchedule (misscheduled) and removes it for NoExecute', () => {
    createDaemonSet();
    cluster.advance(30_000);
    cluster.api.mutate('Node', undefined, 'kubeplay-worker', (n) => {
      (n.spec as { taints?: unknown[] }).taints = [{ key: 'maintenance', effect: 'NoSchedule' }];
    });
    cluster.advance(5_000);
    expect(nodesOf(live())).toEqual(WORKERS);
    expect(status()).toMatchObject({ desiredNumberScheduled: 1, currentNumberScheduled: 1, numberMisscheduled: 1 });
    cluster.api.mutate('Node', undefined, 'kubeplay-worker', (n) => {
      (n.spec as { taints?: unknown[] }).taints = [{ key: 'maintenance', effect: 'NoExecute' }];
    });
    cluster.advance(40_000);
    expect(nodesOf(live())).toEqual(['kubeplay-worker2']);
    expect(status()).toMatchObject({ desiredNumberScheduled: 1, numberMisscheduled: 0 });
  });

  it('moves pods when the template nodeSelector changes', () => {
    createDaemonSet({ everywhere: true });
    cluster.advance(30_000);
    cluster.api.mutate('DaemonSet', 'default', 'agent', (d) => {
      (d.spec as { template: { spec: { nodeSelector?: Record<string, string> } } }).template.spec.nodeSelector = { 'kubernetes.io/hostname': 'kubeplay-worker' };
    });
    cluster.advance(60_000);
    expect(nodesOf(live())).toEqual(['kubeplay-worker']);
    expect(status()).toMatchObject({ desiredNumberScheduled: 1, updatedNumberScheduled: 1, numberAvailable: 1 });
  });
});

describe('DaemonSet failed pods and events', () => {
  it('replaces a failed pod, backing off when the replacement fails again at once', () => {
    createDaemonSet();
    cluster.advance(30_000);
    const fail = (name: string) =>
      cluster.api.mutate('Pod', 'default', name, (p) => {
        p.status = { ...(p.status as object), phase: 'Failed' };
      }, 'status');
    const first = live().find((p) => p.spec!.nodeName === 'kubeplay-worker')!;
    fail(first.metadata.name);
    const failedAt = cluster.nowMs;
    // Catch the replacement as soon as it exists, before a kubelet runs it, and fail it too.
    const pinnedTo = (p: StoredPod) => p.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms[0]?.matchFields?.[0]?.values?.[0];
    let second: StoredPod | undefined;
    for (let i = 0; i < 1000 && !second; i++) {
      cluster.advance(1);
      second = pods().find((p) => p.metadata.name !== first.metadata.name && pinnedTo(p) === 'kubeplay-worker');
    }
    expect(second).toBeDefined();
    expect(cluster.nowMs - failedAt).toBeLessThan(1_000);
    fail(second!.metadata.name);
    let deletedAt: number | undefined;
    for (let i = 0; i < 300 && deletedAt === undefined; i++) {
      cluster.advance(10);
      const p = cluster.api.get<StoredPod>('Pod', 'default', second!.metadata.name);
      if (!p || p.metadata.deletionTimestamp) deletedAt = cluster.nowMs;
    }
    // The first failure started a 1s backoff for that node, so the second failed pod waits for it to expire.
    expect(deletedAt).toBeDefined();
    expect(deletedAt! - failedAt).toBeGreaterThanOrEqual(1_000);
    expect(events().filter((e) => e.startsWith('FailedDaemonPod'))).toEqual([
      `FailedDaemonPod: Found failed daemon pod default/${first.metadata.name} on node kubeplay-worker, will try to kill it`,
      `FailedDaemonPod: Found failed daemon pod default/${second!.metadata.name} on node kubeplay-worker, will try to kill it`,
    ]);
  });

  it('records SuccessfulCreate and SuccessfulDelete with the pod names', () => {
    createDaemonSet();
    cluster.advance(30_000);
    const before = live().map((p) => p.metadata.name).sort();
    setImage('nginx:1.16.1');
    cluster.advance(60_000);
    const after = live().map((p) => p.metadata.name).sort();
    const ev = events();
    for (const n of before) expect(ev).toContain(`SuccessfulCreate: Created pod: ${n}`);
    for (const n of before) expect(ev).toContain(`SuccessfulDelete: Deleted pod: ${n}`);
    for (const n of after) expect(ev).toContain(`SuccessfulCreate: Created pod: ${n}`);
  });
});
