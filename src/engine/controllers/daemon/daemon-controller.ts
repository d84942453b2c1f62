/**
 * Runs one pod of each DaemonSet on every eligible node: nodes that match the pod's node selector / required node
 * affinity and whose NoSchedule/NoExecute taints the pod tolerates (DaemonSet pods get the upstream automatic
 * tolerations). Pods are pinned with a `metadata.name` node-affinity term and bound by the scheduler.
 * Models pkg/controller/daemon/daemon_controller.go (manage, syncNodes, podsShouldBeOnNode) and util/daemonset_util.go.
 * Divergence: rolling updates replace old pods maxUnavailable at a time without surge; ControllerRevision history
 * keeps the current revision only.
 */
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod, Toleration, NodeSelectorTerm, Taint } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types';
import { computeTemplateHash, canonicalJson } from '../../api/names';
import { controllerRef, deepCopy, getCondition, newControllerRef } from '../../api/meta';
import { fromLabelSelector, matches } from '../../api/labels';
import type { ComponentContext } from '../../cluster/context';
import { WorkQueue, splitKey } from '../runtime';

type StoredDs = DaemonSet & KubeObject;
type StoredPod = Pod & KubeObject;
type StoredNode = Node & KubeObject;

const SOURCE = { component: 'daemonset-controller' };

/** Tolerations every DaemonSet pod gets (util.AddOrUpdateDaemonPodTolerations). */
export function daemonTolerations(hostNetwork: boolean): Toleration[] {
  const t: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ];
  if (hostNetwork) t.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  return t;
}

/** Starts the DaemonSet controller. */
export function startDaemonSetController(ctx: ComponentContext): void {
  const { api } = ctx;
  const queue = new WorkQueue(ctx.clock, ctx.rng, 'daemonset-controller', (key) => sync(key), { minMs: 2, maxMs: 12 });
  const failures = new Map<string, number>();
  api.watch('DaemonSet', (ev) => queue.add(`${ev.object.metadata.namespace}/${ev.object.metadata.name}`));
  api.watch('Pod', (ev) => {
    const ref = controllerRef(ev.object);
    if (ref?.kind === 'DaemonSet') queue.add(`${ev.object.metadata.namespace}/${ref.name}`);
  });
  api.watch('Node', () => {
    for (const ds of api.list('DaemonSet')) queue.add(`${ds.metadata.namespace}/${ds.metadata.name}`);
  });

  function sync(key: string): void {
    const [ns, name] = splitKey(key);
    const ds = api.get<StoredDs>('DaemonSet', ns, name);
    if (!ds || ds.metadata.deletionTimestamp) return;
    const template = ds.spec!.template;
    const hash = computeTemplateHash(template);
    ensureRevision(ds, hash);
    const selector = fromLabelSelector(ds.spec!.selector);
    const pods = api
      .list<StoredPod>('Pod', ns, selector ? { labelSelector: selector } : {})
      .filter((p) => controllerRef(p)?.uid === ds.metadata.uid);
    const byNode = new Map<string, StoredPod[]>();
    for (const p of pods) {
      const node = nodeOfDaemonPod(p);
      if (!node) continue;
      (byNode.get(node) ?? byNode.set(node, []).get(node)!).push(p);
    }
    const nodes = api.list<StoredNode>('Node');
    let desired = 0;
    const hostNetwork = template.spec?.hostNetwork === true;
    const tolerations = [...(template.spec?.tolerations ?? []), ...daemonTolerations(hostNetwork)];
    for (const node of nodes) {
      const should = shouldRun(node, template.spec!, tolerations);
      const existing = (byNode.get(node.metadata.name) ?? []).filter((p) => !p.metadata.deletionTimestamp);
      if (should) desired++;
      if (should && existing.length === 0) createPod(ds, node.metadata.name, hash, tolerations);
      if (!should) for (const p of existing) deletePod(ds, p);
      if (should && existing.length > 1) for (const p of existing.slice(1)) deletePod(ds, p);
      // A failed daemon pod is replaced (upstream deletes it and creates a new one on the next sync).
      for (const p of existing) if (p.status?.phase === 'Failed') deletePod(ds, p);
    }
    rollingUpdate(ds, pods, hash);
    updateStatus(ds, pods, nodes, desired, hash);
  }

  function rollingUpdate(ds: StoredDs, pods: StoredPod[], hash: string): void {
    const strategy = ds.spec!.updateStrategy;
    if (strategy?.type === 'OnDelete') return;
    const live = pods.filter((p) => !p.metadata.deletionTimestamp);
    const maxUnavailable = resolveMaxUnavailable(strategy?.rollingUpdate?.maxUnavailable, live.length);
    const unavailable = live.filter((p) => !isAvailable(p)).length + pods.filter((p) => p.metadata.deletionTimestamp).length;
    let budget = maxUnavailable - unavailable;
    // Unavailable old pods go first; they cost nothing against the budget.
    for (const p of live) {
      if (p.metadata.labels?.['controller-revision-hash'] === hash) continue;
      if (!isAvailable(p)) deletePod(ds, p);
    }
    for (const p of live) {
      if (budget <= 0) break;
      if (p.metadata.labels?.['controller-revision-hash'] === hash || !isAvailable(p)) continue;
      deletePod(ds, p);
      budget--;
    }
  }

  function createPod(ds: StoredDs, node: string, hash: string, tolerations: Toleration[]): void {
    const tpl = deepCopy(ds.spec!.template);
    const spec = tpl.spec!;
    const term: NodeSelectorTerm = { matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] };
    spec.affinity = {
      ...(spec.affinity ?? {}),
      nodeAffinity: { ...(spec.affinity?.nodeAffinity ?? {}), requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [term] } },
    };
    spec.tolerations = tolerations;
    const r = api.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: '',
        generateName: `${ds.metadata.name}-`,
        namespace: ds.metadata.namespace,
        labels: { ...(tpl.metadata?.labels ?? {}), 'controller-revision-hash': hash, 'pod-template-generation': String(ds.metadata.generation ?? 1) },
        ...(tpl.metadata?.annotations ? { annotations: tpl.metadata.annotations } : {}),
        ownerReferences: [newControllerRef(ds)],
      },
      spec,
    });
    if (r.ok) ctx.events.record(SOURCE, ds, 'Normal', 'SuccessfulCreate', `Created pod: ${r.value.metadata.name}`);
    else {
      ctx.events.record(SOURCE, ds, 'Warning', 'FailedCreate', `Error creating: ${r.status.message}`);
      // Models the rate-limited requeue after a failed sync (workqueue default: 5ms doubling, capped).
      const key = `${ds.metadata.namespace}/${ds.metadata.name}`;
      const n = (failures.get(key) ?? 0) + 1;
      failures.set(key, n);
      queue.add(key, Math.min(5 * 2 ** n, 60_000));
    }
  }

  function deletePod(ds: StoredDs, p: StoredPod): void {
    if (p.metadata.deletionTimestamp) return;
    const r = api.delete('Pod', p.metadata.namespace, p.metadata.name);
    if (r.ok) ctx.events.record(SOURCE, ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`);
  }

  function ensureRevision(ds: StoredDs, hash: string): void {
    const name = `${ds.metadata.name}-${hash}`;
    if (api.get('ControllerRevision', ds.metadata.namespace, name)) return;
    const revisions = api.list('ControllerRevision', ds.metadata.namespace).filter((r) => controllerRef(r)?.uid === ds.metadata.uid);
    const next = revisions.reduce((m, r) => Math.max(m, Number((r as { revision?: number }).revision ?? 0)), 0) + 1;
    api.create({
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: {
        name,
        namespace: ds.metadata.namespace,
        labels: { ...(ds.spec!.template.metadata?.labels ?? {}), 'controller-revision-hash': hash },
        ownerReferences: [newControllerRef(ds)],
      },
      data: { spec: { template: { ...deepCopy(ds.spec!.template), $patch: 'replace' } } },
      revision: next,
    });
  }

  function updateStatus(ds: StoredDs, pods: StoredPod[], nodes: StoredNode[], desired: number, hash: string): void {
    const live = pods.filter((p) => !p.metadata.deletionTimestamp);
    const nodeNames = new Set(nodes.map((n) => n.metadata.name));
    const scheduled = new Set(live.map(nodeOfDaemonPod).filter((n): n is string => n !== undefined && nodeNames.has(n)));
    const ready = live.filter(isReady).length;
    const available = live.filter(isAvailable).length;
    const updated = live.filter((p) => p.metadata.labels?.['controller-revision-hash'] === hash).length;
    const status = {
      currentNumberScheduled: scheduled.size,
      numberMisscheduled: 0,
      desiredNumberScheduled: desired,
      numberReady: ready,
      observedGeneration: ds.metadata.generation,
      updatedNumberScheduled: updated,
      numberAvailable: available,
      ...(desired - available > 0 ? { numberUnavailable: desired - available } : {}),
    };
    if (canonicalJson(status) === canonicalJson(ds.status)) return;
    api.updateStatus({ ...ds, status } as KubeObject);
  }
}

function nodeOfDaemonPod(p: Pod): string | undefined {
  if (p.spec?.nodeName) return p.spec.nodeName;
  const terms = p.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const t of terms) for (const f of t.matchFields ?? []) if (f.key === 'metadata.name') return f.values?.[0];
  return undefined;
}

function isReady(p: StoredPod): boolean {
  return getCondition(p.status?.conditions, 'Ready')?.status === 'True';
}

function isAvailable(p: StoredPod): boolean {
  return isReady(p);
}

function resolveMaxUnavailable(v: number | string | undefined, total: number): number {
  if (v === undefined) return 1;
  if (typeof v === 'number') return Math.max(v, 1);
  const pct = Number(v.replace('%', ''));
  return Math.max(Math.floor((pct * total) / 100), 1);
}

function tolerates(tolerations: Toleration[], taint: Taint): boolean {
  return tolerations.some((t) => {
    if (t.effect && t.effect !== taint.effect) return false;
    if ((t.operator ?? 'Equal') === 'Exists') return !t.key || t.key === taint.key;
    return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
  });
}

/** Models daemon_controller.go NodeShouldRunDaemonPod: selector, required node affinity, taints. */
function shouldRun(node: StoredNode, spec: NonNullable<Pod['spec']>, tolerations: Toleration[]): boolean {
  const labels = node.metadata.labels ?? {};
  if (spec.nodeSelector && !Object.entries(spec.nodeSelector).every(([k, v]) => labels[k] === v)) return false;
  const terms = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (terms && terms.length > 0) {
    const ok = terms.some((t) =>
      (t.matchExpressions ?? []).every((e) => matches([{ key: e.key, op: e.operator as 'In', values: e.values ?? [] }], labels)) &&
      (t.matchFields ?? []).every((f) => f.key !== 'metadata.name' || (f.values ?? []).includes(node.metadata.name) === (f.operator === 'In')),
    );
    if (!ok) return false;
  }
  for (const taint of node.spec?.taints ?? []) {
    if (taint.effect === 'PreferNoSchedule') continue;
    if (!tolerates(tolerations, taint)) return false;
  }
  return true;
}
