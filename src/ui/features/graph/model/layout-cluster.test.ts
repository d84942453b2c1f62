import { describe, expect, it } from 'vitest';
import { buildGraphIndex } from './graph-index';
import { bestColumns, layoutCluster, UNSCHEDULED_LANE_ID } from './layout-cluster';
import { deploymentYaml, testCluster } from './testing';
import type { LaneData, LayoutOptions } from './types';
import { LANE_GAP, LANE_WIDTH } from './geometry';

const opts = (namespace = 'default', prev?: LayoutOptions['prevSlots']): LayoutOptions => ({ namespace, collapse: {}, ...(prev ? { prevSlots: prev } : {}) });

function podsPerLane(layout: ReturnType<typeof layoutCluster>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const n of layout.nodes) out[n.id] = (n.data as LaneData).groups.flatMap((g) => g.items.map((i) => i.id));
  return out;
}

function slotsOf(layout: ReturnType<typeof layoutCluster>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const n of layout.nodes) for (const g of (n.data as LaneData).groups) for (const i of g.items) out[i.id] = i.slot;
  return out;
}

describe('layoutCluster', () => {
  it('draws one lane per node, control plane first, with each pod in the lane of its node', () => {
    const c = testCluster();
    c.run('kubectl apply -f -', deploymentYaml('web', 3));
    c.advance(30_000);
    const objects = c.objects();
    const layout = layoutCluster(buildGraphIndex(objects), opts());
    expect(layout.nodes.map((n) => [n.id, n.type, n.x])).toEqual([
      ['Node/kubeplay-control-plane', 'lane', 0],
      ['Node/kubeplay-worker', 'lane', LANE_WIDTH + LANE_GAP],
      ['Node/kubeplay-worker2', 'lane', 2 * (LANE_WIDTH + LANE_GAP)],
    ]);
    const lanes = podsPerLane(layout);
    for (const [laneId, podIds] of Object.entries(lanes)) {
      for (const id of podIds) expect(`Node/${(objects[id]!.spec as { nodeName: string }).nodeName}`).toBe(laneId);
    }
    expect(Object.values(lanes).flat().sort()).toEqual(Object.keys(objects).filter((k) => k.startsWith('Pod/default/')).sort());
    const worker = layout.nodes[1]!.data as LaneData;
    expect(worker.density).toBe('comfortable');
    expect(worker.groups.map((g) => [g.label, g.labelKind, g.revision])).toEqual([['web', 'Deployment', '1']]);
    // 8Gi capacity less the kubelet's 100Mi hard-eviction threshold.
    expect(worker.allocatable).toEqual({ cpuMilli: 4000, memBytes: 8 * 2 ** 30 - 100 * 2 ** 20 });
    // Lanes line up: one body height for all.
    expect(new Set(layout.nodes.map((n) => n.height)).size).toBe(1);
  });

  it('counts every pod on the node in the requested bars, whatever the namespace filter', () => {
    const c = testCluster();
    c.run('kubectl apply -f -', deploymentYaml('web', 4));
    c.advance(30_000);
    const objects = c.objects();
    const layout = layoutCluster(buildGraphIndex(objects), opts());
    for (const n of layout.nodes) {
      const nodeName = n.id.slice('Node/'.length);
      let cpu = 0;
      for (const o of Object.values(objects)) {
        if (o.kind !== 'Pod' || (o.spec as { nodeName?: string }).nodeName !== nodeName) continue;
        for (const ctr of (o.spec as { containers: { resources?: { requests?: { cpu?: string } } }[] }).containers) {
          const q = ctr.resources?.requests?.cpu;
          if (q) cpu += q.endsWith('m') ? Number(q.slice(0, -1)) : Number(q) * 1000;
        }
      }
      expect((n.data as LaneData).requested.cpuMilli).toBe(cpu);
    }
  });

  it('puts pods that cannot be scheduled in an unscheduled tray after the lanes', () => {
    const c = testCluster();
    c.run('kubectl apply -f -', `apiVersion: v1
kind: Pod
metadata:
  name: huge
spec:
  containers:
  - name: app
    image: nginx
    resources:
      requests:
        cpu: "64"
`);
    c.advance(5_000);
    const layout = layoutCluster(buildGraphIndex(c.objects()), opts());
    const tray = layout.nodes.find((n) => n.id === UNSCHEDULED_LANE_ID)!;
    expect(tray.type).toBe('tray');
    expect(tray.x).toBe(3 * (LANE_WIDTH + LANE_GAP));
    expect((tray.data as LaneData).groups.flatMap((g) => g.items.map((i) => i.id))).toEqual(['Pod/default/huge']);
  });

  it('keeps pods in their cells as the Deployment scales up and down', () => {
    const c = testCluster();
    c.run('kubectl apply -f -', deploymentYaml('web', 4));
    c.advance(30_000);
    const first = layoutCluster(buildGraphIndex(c.objects()), opts());
    const before = slotsOf(first);
    c.run('kubectl scale deployment web --replicas=8');
    c.advance(30_000);
    const second = layoutCluster(buildGraphIndex(c.objects()), opts('default', first.slots));
    const after = slotsOf(second);
    for (const [id, slot] of Object.entries(before)) expect(after[id]).toBe(slot);
    expect(Object.keys(after)).toHaveLength(8);
    c.run('kubectl scale deployment web --replicas=6');
    c.advance(60_000);
    const third = slotsOf(layoutCluster(buildGraphIndex(c.objects()), opts('default', second.slots)));
    expect(Object.keys(third)).toHaveLength(6);
    for (const [id, slot] of Object.entries(third)) expect(after[id]).toBe(slot);
  });

  it('shows system pods only when the filter includes their namespace', () => {
    const c = testCluster();
    c.advance(1_000);
    const ix = buildGraphIndex(c.objects());
    expect(Object.values(podsPerLane(layoutCluster(ix, opts('default')))).flat()).toEqual([]);
    const all = podsPerLane(layoutCluster(ix, opts('')));
    expect(all['Node/kubeplay-control-plane']).toContain('Pod/kube-system/etcd-kubeplay-control-plane');
    const cp = layoutCluster(ix, opts('')).nodes[0]!.data as LaneData;
    // Static pods are grouped under their Node and keep their whole name.
    const statics = cp.groups.find((g) => g.labelKind === 'Node')!;
    expect(statics.prefix).toBe('');
    expect(statics.items.map((i) => i.pod.metadata.name)).toContain('kube-apiserver-kubeplay-control-plane');
  });
});

describe('bestColumns', () => {
  it('keeps lanes in one row on a wide stage and wraps them on a narrow one', () => {
    expect(bestColumns(3, 200, { width: 1000, height: 400 }, undefined)).toBe(3);
    expect(bestColumns(4, 200, { width: 560, height: 420 }, undefined)).toBe(2);
    expect(bestColumns(3, 200, undefined, undefined)).toBe(3);
  });

  it('stays with the previous choice (one row at first) unless another is clearly bigger', () => {
    // Two rows fit a little better here, but not by enough to move the lanes.
    const viewport = { width: 780, height: 520 };
    expect(bestColumns(3, 200, viewport, undefined)).toBe(3);
    expect(bestColumns(3, 200, viewport, 3)).toBe(3);
    expect(bestColumns(3, 200, viewport, 2)).toBe(2);
  });

  it('wraps the lanes of a narrow stage into rows without overlap', () => {
    const c = testCluster();
    c.advance(1_000);
    const layout = layoutCluster(buildGraphIndex(c.objects()), { namespace: 'default', collapse: {}, viewport: { width: 560, height: 420 } });
    expect(layout.columns).toBe(2);
    expect(layout.nodes.map((n) => [n.id, n.x, n.y > 0])).toEqual([
      ['Node/kubeplay-control-plane', 0, false],
      ['Node/kubeplay-worker', LANE_WIDTH + LANE_GAP, false],
      ['Node/kubeplay-worker2', 0, true],
    ]);
  });
});
