import { beforeEach, describe, expect, it } from 'vitest';
import type { DaemonSetStatus } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types';
import { createCluster, type Cluster } from '../../cluster/cluster';

type StoredPod = Pod & KubeObject;

let cluster: Cluster;
beforeEach(() => {
  cluster = createCluster({ seed: 1, freezeObjects: true });
});

function must(obj: KubeObject): KubeObject {
  const r = cluster.api.create(obj);
  if (!r.ok) throw new Error(r.status.message);
  return r.value;
}

function daemonSet(name: string, podSpec: Record<string, unknown> = {}): KubeObject {
  return must({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'agent', image: 'nginx:1.27' }], ...podSpec } },
    },
  });
}

const podsOf = (ds: string) => cluster.api.list<StoredPod>('Pod', 'default').filter((p) => p.metadata.labels?.app === ds);
/** The node a daemon pod is bound to, or pinned to by its node-affinity term while not yet bound. */
const targetNode = (p: StoredPod) => p.spec!.nodeName ?? p.spec!.affinity!.nodeAffinity!.requiredDuringSchedulingIgnoredDuringExecution!.nodeSelectorTerms[0]!.matchFields![0]!.values![0];
const nodesOf = (ds: string) => podsOf(ds).map(targetNode).sort();
const statusOf = (ds: string) => cluster.api.get('DaemonSet', 'default', ds)!.status as DaemonSetStatus;

describe('daemonset controller', () => {
  it('runs one pod per worker, skipping the tainted control plane, and reports status', () => {
    const ds = daemonSet('agent');
    cluster.advance(20_000);
    expect(nodesOf('agent')).toEqual(['kubeplay-worker', 'kubeplay-worker2']);
    const pod = podsOf('agent')[0]!;
    expect(pod.metadata.name).toMatch(/^agent-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pod.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid: ds.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(pod.metadata.labels?.['pod-template-generation']).toBe('1');
    expect(pod.metadata.labels?.['controller-revision-hash']).toMatch(/^[0-9a-z]+$/);
    expect(pod.spec!.affinity).toEqual({
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [pod.spec!.nodeName] }] }] } },
    });
    // The automatic daemon tolerations (AddOrUpdateDaemonPodTolerations), without network-unavailable off hostNetwork.
    expect(pod.spec!.tolerations!.map((t) => `${t.key}:${t.operator}:${t.effect}`).sort()).toEqual([
      'node.kubernetes.io/disk-pressure:Exists:NoSchedule',
      'node.kubernetes.io/memory-pressure:Exists:NoSchedule',
      'node.kubernetes.io/not-ready:Exists:NoExecute',
      'node.kubernetes.io/pid-pressure:Exists:NoSchedule',
      'node.kubernetes.io/unreachable:Exists:NoExecute',
      'node.kubernetes.io/unschedulable:Exists:NoSchedule',
    ]);
    expect(statusOf('agent')).toMatchObject({ currentNumberScheduled: 2, desiredNumberScheduled: 2, numberMisscheduled: 0, numberReady: 2, numberAvailable: 2, updatedNumberScheduled: 2, observedGeneration: 1 });
  });

  it('includes the control plane when the pods tolerate its taint', () => {
    daemonSet('everywhere', { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] });
    cluster.advance(20_000);
    expect(nodesOf('everywhere')).toEqual(['kubeplay-control-plane', 'kubeplay-worker', 'kubeplay-worker2']);
    expect(statusOf('everywhere').desiredNumberScheduled).toBe(3);
  });

  it('honours a nodeSelector', () => {
    daemonSet('picky', { nodeSelector: { 'kubernetes.io/hostname': 'kubeplay-worker2' } });
    cluster.advance(20_000);
    expect(nodesOf('picky')).toEqual(['kubeplay-worker2']);
  });

  it('creates a pod for a node that joins later, and for the system DaemonSets too', () => {
    daemonSet('agent');
    cluster.advance(20_000);
    must({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'kubeplay-worker3', labels: { 'kubernetes.io/hostname': 'kubeplay-worker3', 'kubernetes.io/os': 'linux' } }, spec: {} });
    cluster.advance(1_000);
    expect(nodesOf('agent')).toEqual(['kubeplay-worker', 'kubeplay-worker2', 'kubeplay-worker3']);
    const proxies = cluster.api.list<StoredPod>('Pod', 'kube-system').filter((p) => p.metadata.labels?.['k8s-app'] === 'kube-proxy');
    expect(proxies.map(targetNode).sort()).toEqual([
      'kubeplay-control-plane', 'kubeplay-worker', 'kubeplay-worker2', 'kubeplay-worker3',
    ]);
  });

  it('replaces a deleted daemon pod on the same node', () => {
    daemonSet('agent');
    cluster.advance(20_000);
    const victim = podsOf('agent').find((p) => p.spec!.nodeName === 'kubeplay-worker')!;
    cluster.api.delete('Pod', 'default', victim.metadata.name);
    cluster.advance(20_000);
    const now = podsOf('agent');
    expect(nodesOf('agent')).toEqual(['kubeplay-worker', 'kubeplay-worker2']);
    expect(now.map((p) => p.metadata.name)).not.toContain(victim.metadata.name);
  });

  it('labels pods with the template generation, which only template changes bump', () => {
    daemonSet('agent');
    cluster.advance(20_000);
    // An update-strategy change bumps metadata.generation but not the template generation.
    const r1 = cluster.api.mutate('DaemonSet', 'default', 'agent', (d) => { (d.spec as { minReadySeconds?: number }).minReadySeconds = 1; });
    expect(r1.ok && r1.value.metadata.generation).toBe(2);
    const victim = podsOf('agent')[0]!;
    cluster.api.delete('Pod', 'default', victim.metadata.name);
    cluster.advance(20_000);
    expect(podsOf('agent').map((p) => p.metadata.labels?.['pod-template-generation'])).toEqual(['1', '1']);
  });
});
