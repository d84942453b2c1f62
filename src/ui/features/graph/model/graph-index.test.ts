import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../engine';
import { buildGraphIndex, GraphIndexer } from './graph-index';
import { deploymentYaml, testCluster } from './testing';

const ids = (list: readonly KubeObject[]) => list.map((o) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`);

describe('GraphIndexer', () => {
  it('follows successive store versions exactly as a fresh build does', () => {
    const c = testCluster();
    const indexer = new GraphIndexer();
    c.run('kubectl apply -f -', deploymentYaml('web', 3));
    for (const step of [1_000, 30_000]) {
      c.advance(step);
      const objects = c.objects();
      const inc = indexer.update(objects);
      const fresh = buildGraphIndex(objects);
      for (const kind of ['Pod', 'ReplicaSet', 'Node', 'Service', 'EndpointSlice']) expect(ids(inc.kind(kind))).toEqual(ids(fresh.kind(kind)));
      for (const n of ['', 'kubeplay-worker', 'kubeplay-worker2']) expect(ids(inc.podsOnNode(n))).toEqual(ids(fresh.podsOnNode(n)));
      expect(inc.namespaces).toEqual(fresh.namespaces);
    }
    // Deletions are seen too.
    c.run('kubectl delete deployment web');
    c.advance(60_000);
    const objects = c.objects();
    const inc = indexer.update(objects);
    expect(ids(inc.kind('Pod')).filter((i) => i.startsWith('Pod/default/'))).toEqual([]);
    expect(ids(inc.kind('Deployment'))).not.toContain('Deployment/default/web');
    expect(ids(inc.kind('Deployment'))).toContain('Deployment/kube-system/coredns');
    expect(ids(inc.kind('Pod'))).toEqual(ids(buildGraphIndex(objects).kind('Pod')));
  });

  it('keeps the identity of lists whose members did not change', () => {
    const c = testCluster();
    c.advance(1_000);
    const indexer = new GraphIndexer();
    const first = indexer.update(c.objects());
    const nodes = first.kind('Node');
    const systemPods = first.podsOnNode('kubeplay-control-plane');
    c.run('kubectl create configmap settings --from-literal=a=b');
    const second = indexer.update(c.objects());
    expect(second).not.toBe(first);
    expect(second.kind('Node')).toBe(nodes);
    expect(second.podsOnNode('kubeplay-control-plane')).toBe(systemPods);
    expect(ids(second.kind('ConfigMap'))).toContain('ConfigMap/default/settings');
  });

  it('indexes children by controller and events by the object they are about', () => {
    const c = testCluster();
    c.run('kubectl apply -f -', deploymentYaml('web', 2));
    c.advance(30_000);
    const ix = buildGraphIndex(c.objects());
    const dep = ix.kind('Deployment').find((d) => d.metadata.name === 'web')!;
    const [rs] = ix.childrenOf(dep.metadata.uid!);
    expect(rs!.kind).toBe('ReplicaSet');
    const pods = ix.childrenOf(rs!.metadata.uid!);
    expect(pods.map((p) => p.kind)).toEqual(['Pod', 'Pod']);
    const reasons = ix.eventsFor(`Pod/default/${pods[0]!.metadata.name}`).map((e) => e.reason as string);
    expect(reasons).toContain('Scheduled');
    expect(reasons).toContain('Started');
    expect(ix.eventsFor('Deployment/default/web').map((e) => e.reason)).toEqual(['ScalingReplicaSet']);
  });
});
