import { describe, expect, it } from 'vitest';
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import { findUpdatedPodsOnNode, planRollingUpdate, updatedDesiredNodeCounts, type DaemonPod } from './update';

const NOW = Date.UTC(2026, 0, 15, 9, 0, 0);
const HASH = 'new';

function ds(rollingUpdate: { maxSurge?: number | string; maxUnavailable?: number | string }, minReadySeconds = 0): DaemonSet {
  return { metadata: { name: 'ds' }, spec: { selector: {}, template: {}, minReadySeconds, updateStrategy: { type: 'RollingUpdate', rollingUpdate } } };
}

/** A daemon pod on `node`: `new` or `old` revision, ready or not (ready since `readyForS` seconds). */
function pod(name: string, node: string, rev: 'new' | 'old', ready: boolean, opts: { deleting?: boolean; readyForS?: number } = {}): DaemonPod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { 'controller-revision-hash': rev }, ...(opts.deleting ? { deletionTimestamp: '2026-01-15T09:00:00Z' } : {}) },
    spec: { containers: [], nodeName: node },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: new Date(NOW - (opts.readyForS ?? 100) * 1000).toISOString() }] },
  };
}

function plan(d: DaemonSet, pods: DaemonPod[], nodes: string[], shouldRun: (n: string) => boolean = () => true) {
  const map = new Map<string, DaemonPod[]>();
  for (const p of pods) map.set(p.spec!.nodeName!, [...(map.get(p.spec!.nodeName!) ?? []), p]);
  const budget = updatedDesiredNodeCounts(d, nodes, shouldRun, map);
  if (!budget.ok) throw new Error(budget.error);
  const r = planRollingUpdate({ ds: d, hash: HASH, nodeToDaemonPods: map, budget: budget.value, nowMs: NOW, shouldRun: (n) => (nodes.includes(n) ? shouldRun(n) : undefined) });
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('updatedDesiredNodeCounts', () => {
  it('resolves the budget against the nodes that should run the pod and adds empty entries for them', () => {
    const map = new Map<string, DaemonPod[]>();
    const r = updatedDesiredNodeCounts(ds({ maxUnavailable: '50%', maxSurge: 0 }), ['a', 'b', 'c', 'd'], (n) => n !== 'd', map);
    expect(r).toEqual({ ok: true, value: { maxSurge: 0, maxUnavailable: 2, desiredNumberScheduled: 3 } });
    expect([...map.keys()]).toEqual(['a', 'b', 'c']);
  });

  it('falls back to one unavailable pod when neither surge nor unavailability is allowed', () => {
    expect(updatedDesiredNodeCounts(ds({ maxUnavailable: 0, maxSurge: 0 }), ['a'], () => true, new Map())).toEqual({ ok: true, value: { maxSurge: 0, maxUnavailable: 1, desiredNumberScheduled: 1 } });
    expect(updatedDesiredNodeCounts(ds({ maxUnavailable: '0%', maxSurge: 0 }), [], () => true, new Map())).toEqual({ ok: true, value: { maxSurge: 0, maxUnavailable: 0, desiredNumberScheduled: 0 } });
  });
});

describe('findUpdatedPodsOnNode', () => {
  it('ignores pods being deleted and gives up on duplicates', () => {
    const d = ds({ maxUnavailable: 1 });
    expect(findUpdatedPodsOnNode(d, [pod('a', 'n', 'old', true), pod('b', 'n', 'new', false)], HASH)).toMatchObject({ ok: true, oldPod: { metadata: { name: 'a' } }, newPod: { metadata: { name: 'b' } } });
    expect(findUpdatedPodsOnNode(d, [pod('a', 'n', 'old', true), pod('b', 'n', 'old', true, { deleting: true })], HASH).ok).toBe(true);
    expect(findUpdatedPodsOnNode(d, [pod('a', 'n', 'old', true), pod('b', 'n', 'old', true)], HASH)).toEqual({ ok: false });
  });
});

describe('planRollingUpdate without surge', () => {
  const nodes = ['n1', 'n2', 'n3'];

  it('deletes maxUnavailable available old pods, in node order', () => {
    const pods = nodes.map((n, i) => pod(`p${i}`, n, 'old', true));
    expect(plan(ds({ maxUnavailable: 1, maxSurge: 0 }), pods, nodes)).toEqual({ podsToDelete: ['p0'], nodesToCreate: [] });
    expect(plan(ds({ maxUnavailable: 2, maxSurge: 0 }), pods, nodes)).toEqual({ podsToDelete: ['p0', 'p1'], nodesToCreate: [] });
  });

  it('always replaces unavailable old pods, and they use up the budget', () => {
    const pods = [pod('p0', 'n1', 'old', true), pod('p1', 'n2', 'old', false), pod('p2', 'n3', 'old', true)];
    expect(plan(ds({ maxUnavailable: 1, maxSurge: 0 }), pods, nodes)).toEqual({ podsToDelete: ['p1'], nodesToCreate: [] });
    expect(plan(ds({ maxUnavailable: 2, maxSurge: 0 }), pods, nodes)).toEqual({ podsToDelete: ['p1', 'p0'], nodesToCreate: [] });
  });

  it('waits while a new pod is not available yet, or a node has no pod', () => {
    const notReady = [pod('p0', 'n1', 'new', false), pod('p1', 'n2', 'old', true), pod('p2', 'n3', 'old', true)];
    expect(plan(ds({ maxUnavailable: 1, maxSurge: 0 }), notReady, nodes)).toEqual({ podsToDelete: [], nodesToCreate: [] });
    const missing = [pod('p1', 'n2', 'old', true), pod('p2', 'n3', 'old', true)];
    expect(plan(ds({ maxUnavailable: 1, maxSurge: 0 }), missing, nodes)).toEqual({ podsToDelete: [], nodesToCreate: [] });
    expect(plan(ds({ maxUnavailable: 2, maxSurge: 0 }), missing, nodes)).toEqual({ podsToDelete: ['p1'], nodesToCreate: [] });
  });

  it('counts minReadySeconds: a new pod ready for less than that is still unavailable', () => {
    const pods = [pod('p0', 'n1', 'new', true, { readyForS: 5 }), pod('p1', 'n2', 'old', true), pod('p2', 'n3', 'old', true)];
    expect(plan(ds({ maxUnavailable: 1, maxSurge: 0 }, 10), pods, nodes)).toEqual({ podsToDelete: [], nodesToCreate: [] });
    expect(plan(ds({ maxUnavailable: 1, maxSurge: 0 }, 3), pods, nodes)).toEqual({ podsToDelete: ['p1'], nodesToCreate: [] });
  });

  it('finishes when every pod is new', () => {
    const pods = nodes.map((n, i) => pod(`p${i}`, n, 'new', true));
    expect(plan(ds({ maxUnavailable: 1, maxSurge: 0 }), pods, nodes)).toEqual({ podsToDelete: [], nodesToCreate: [] });
  });
});

describe('planRollingUpdate with surge', () => {
  const nodes = ['n1', 'n2', 'n3'];

  it('starts maxSurge new pods next to available old ones', () => {
    const pods = nodes.map((n, i) => pod(`p${i}`, n, 'old', true));
    expect(plan(ds({ maxUnavailable: 0, maxSurge: 1 }), pods, nodes)).toEqual({ podsToDelete: [], nodesToCreate: ['n1'] });
    expect(plan(ds({ maxUnavailable: 0, maxSurge: '100%' }), pods, nodes)).toEqual({ podsToDelete: [], nodesToCreate: ['n1', 'n2', 'n3'] });
  });

  it('retires the old pod once the new one is available, and counts pending new pods against the surge', () => {
    const pods = [pod('o1', 'n1', 'old', true), pod('x1', 'n1', 'new', true), pod('o2', 'n2', 'old', true), pod('o3', 'n3', 'old', true)];
    expect(plan(ds({ maxUnavailable: 0, maxSurge: 1 }), pods, nodes)).toEqual({ podsToDelete: ['o1'], nodesToCreate: ['n2'] });
    const pending = [pod('o1', 'n1', 'old', true), pod('x1', 'n1', 'new', false), pod('o2', 'n2', 'old', true), pod('o3', 'n3', 'old', true)];
    expect(plan(ds({ maxUnavailable: 0, maxSurge: 1 }), pending, nodes)).toEqual({ podsToDelete: [], nodesToCreate: [] });
  });

  it('replaces an unavailable old pod at once, beyond the surge budget', () => {
    const pods = [pod('o1', 'n1', 'old', true), pod('x1', 'n1', 'new', false), pod('o2', 'n2', 'old', false), pod('o3', 'n3', 'old', true)];
    expect(plan(ds({ maxUnavailable: 0, maxSurge: 1 }), pods, nodes)).toEqual({ podsToDelete: [], nodesToCreate: ['n2'] });
  });

  it('removes a pod from a node that no longer qualifies only when enough pods are available elsewhere', () => {
    const shouldRun = (n: string) => n !== 'n3';
    const pods = [pod('x1', 'n1', 'new', true), pod('x2', 'n2', 'new', true), pod('o3', 'n3', 'old', true)];
    expect(plan(ds({ maxUnavailable: 0, maxSurge: 1 }), pods, nodes, shouldRun)).toEqual({ podsToDelete: ['o3'], nodesToCreate: [] });
    const notYet = [pod('x1', 'n1', 'new', false), pod('x2', 'n2', 'new', true), pod('o3', 'n3', 'old', true)];
    expect(plan(ds({ maxUnavailable: 0, maxSurge: 1 }), notYet, nodes, shouldRun)).toEqual({ podsToDelete: [], nodesToCreate: [] });
    const unavailable = [pod('x1', 'n1', 'new', false), pod('x2', 'n2', 'new', true), pod('o3', 'n3', 'old', false)];
    expect(plan(ds({ maxUnavailable: 0, maxSurge: 1 }), unavailable, nodes, shouldRun)).toEqual({ podsToDelete: ['o3'], nodesToCreate: [] });
  });
});
