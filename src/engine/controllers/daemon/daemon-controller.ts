/**
 * The DaemonSet controller: one pod of each DaemonSet on every node that should run it (template nodeSelector and
 * required node affinity, taints against the template's tolerations plus the automatic daemon tolerations), pods
 * pinned to their node with a `metadata.name` node-affinity term and bound by the scheduler; RollingUpdate with
 * maxUnavailable or maxSurge and OnDelete; ControllerRevision history; failed pods replaced with backoff; status.
 * Models pkg/controller/daemon/daemon_controller.go (event handlers, syncDaemonSet, manage, podsShouldBeOnNode,
 * syncNodes, updateDaemonSetStatus, storeDaemonSetStatus) and update.go (rollingUpdate; see update.ts, history.ts).
 * Divergence: controllers read the apiserver directly, so a sync always sees its own writes and upstream's
 * expectations are modelled only by skipping the rolling update in the sync that just created or deleted pods (the
 * watch events of those writes trigger the next sync, as they satisfy upstream's expectations).
 */
import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject, OwnerReference } from '../../api/types';
import { controllerRef, deepCopy, fromTimestamp, newControllerRef } from '../../api/meta';
import { canonicalJson } from '../../api/names';
import { fromLabelSelector, matches } from '../../api/labels';
import type { WatchEvent } from '../../apiserver/apiserver';
import type { ComponentContext } from '../../cluster/context';
import { WorkQueue, splitKey } from '../runtime';
import { apiClaimWrites, claimObjects } from '../replicaset/controller-ref-manager';
import { isPodAvailable, isPodReady } from '../replicaset/pod-utils';
import { DaemonSetHistoryManager, type StoredControllerRevision } from './history';
import { nodeShouldRunDaemonPod, type StoredNode } from './node-should-run';
import { planRollingUpdate, updatedDesiredNodeCounts, type DaemonPod } from './update';
import { FailedPodsBackoff } from './backoff';
import {
  allowsSurge,
  CONTROLLER_REVISION_HASH_LABEL,
  createPodTemplate,
  getTargetNodeName,
  getTemplateGeneration,
  isPodUpdated,
  replaceDaemonSetPodNodeNameNodeAffinity,
  type StoredDaemonSet,
} from './util/daemonset-util';

/** The component name events are reported under. */
export const DAEMONSET_CONTROLLER = 'daemonset-controller';

const SOURCE = { component: DAEMONSET_CONTROLLER };
/** Models BurstReplicas: at most this many creates (and deletes) per sync. */
const BURST_REPLICAS = 250;
/** Models controller.SlowStartInitialBatchSize. */
const SLOW_START_INITIAL_BATCH_SIZE = 1;
const BACKOFF_BASE_MS = 5;
const BACKOFF_MAX_MS = 1_000_000;

/** Starts the DaemonSet controller on the cluster's apiserver and clock. */
export function startDaemonSetController(ctx: ComponentContext): void {
  new DaemonSetsController(ctx);
}

function keyOf(obj: KubeObject): string {
  return `${obj.metadata.namespace}/${obj.metadata.name}`;
}

/** Models podByCreationTimestampAndPhase: scheduled pods first, then oldest first, then by name. */
function comparePodsByCreation(a: Pod, b: Pod): number {
  const sa = !!a.spec?.nodeName;
  const sb = !!b.spec?.nodeName;
  if (sa !== sb) return sa ? -1 : 1;
  const ta = fromTimestamp(a.metadata?.creationTimestamp) ?? 0;
  const tb = fromTimestamp(b.metadata?.creationTimestamp) ?? 0;
  if (ta !== tb) return ta - tb;
  const na = a.metadata?.name ?? '';
  const nb = b.metadata?.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}

function isTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded';
}

/** The status fields storeDaemonSetStatus writes. */
interface DaemonCounts {
  desiredNumberScheduled: number;
  currentNumberScheduled: number;
  numberMisscheduled: number;
  numberReady: number;
  updatedNumberScheduled: number;
  numberAvailable: number;
  numberUnavailable: number;
}

class DaemonSetsController {
  private readonly queue: WorkQueue;
  private readonly failures = new Map<string, number>();
  private readonly failedPodsBackoff = new FailedPodsBackoff(1_000, 15 * 60_000);
  private readonly history: DaemonSetHistoryManager;

  constructor(private readonly ctx: ComponentContext) {
    this.history = new DaemonSetHistoryManager(ctx.api);
    this.queue = new WorkQueue(ctx.clock, ctx.rng, 'daemonset-controller', (key) => this.syncKey(key), { minMs: 2, maxMs: 12 });
    ctx.api.watch('DaemonSet', (ev) => this.queue.add(keyOf(ev.object)));
    ctx.api.watch('ControllerRevision', (ev) => this.onHistory(ev));
    ctx.api.watch('Pod', (ev) => this.onPod(ev));
    ctx.api.watch('Node', (ev) => this.onNode(ev));
    for (const ds of ctx.api.list('DaemonSet')) this.queue.add(keyOf(ds));
  }

  // ---- event handlers ------------------------------------------------------------------------------------------

  /** Models resolveControllerRef: the DaemonSet of that name with the same uid. */
  private resolveRef(ns: string | undefined, ref: OwnerReference): StoredDaemonSet | undefined {
    if (ref.kind !== 'DaemonSet') return undefined;
    const ds = this.ctx.api.get<StoredDaemonSet>('DaemonSet', ns, ref.name);
    return ds && ds.metadata.uid === ref.uid ? ds : undefined;
  }

  private enqueueRef(ns: string | undefined, ref: OwnerReference | undefined): void {
    const ds = ref ? this.resolveRef(ns, ref) : undefined;
    if (ds) this.queue.add(keyOf(ds));
  }

  /** DaemonSets whose selector matches an orphan's labels (getDaemonSetsForPod / getDaemonSetsForHistory). */
  private enqueueSelecting(obj: KubeObject): void {
    for (const ds of this.ctx.api.list<StoredDaemonSet>('DaemonSet', obj.metadata.namespace)) {
      const sel = fromLabelSelector(ds.spec?.selector);
      if (sel && sel.length > 0 && matches(sel, obj.metadata.labels)) this.queue.add(keyOf(ds));
    }
  }

  /** Models addHistory / updateHistory / deleteHistory. */
  private onHistory(ev: WatchEvent): void {
    const h = ev.object;
    const ns = h.metadata.namespace;
    const ref = controllerRef(h);
    if (ev.type === 'DELETED' || (ev.type === 'ADDED' && h.metadata.deletionTimestamp)) {
      this.enqueueRef(ns, ref);
      return;
    }
    if (ev.type === 'ADDED') {
      // An owned revision needs nothing; an orphan may be adopted.
      if (!ref) this.enqueueSelecting(h);
      return;
    }
    const old = ev.old!;
    if (old.metadata.resourceVersion === h.metadata.resourceVersion) return;
    const oldRef = controllerRef(old);
    const refChanged = canonicalJson(ref ?? null) !== canonicalJson(oldRef ?? null);
    if (refChanged && oldRef) this.enqueueRef(ns, oldRef);
    if (ref) {
      this.enqueueRef(ns, ref);
      return;
    }
    if (refChanged || canonicalJson(h.metadata.labels ?? {}) !== canonicalJson(old.metadata.labels ?? {})) this.enqueueSelecting(h);
  }

  /** Models addPod / updatePod / deletePod. */
  private onPod(ev: WatchEvent): void {
    const pod = ev.object as DaemonPod;
    const ns = pod.metadata.namespace;
    const ref = controllerRef(pod);
    if (ev.type === 'DELETED') {
      this.enqueueRef(ns, ref);
      return;
    }
    if (ev.type === 'ADDED') {
      if (ref) this.enqueueRef(ns, ref);
      else if (!pod.metadata.deletionTimestamp) this.enqueueSelecting(pod);
      return;
    }
    const old = ev.old as DaemonPod;
    if (old.metadata.resourceVersion === pod.metadata.resourceVersion) return;
    if (pod.metadata.deletionTimestamp) {
      this.enqueueRef(ns, ref);
      return;
    }
    const oldRef = controllerRef(old);
    const refChanged = canonicalJson(ref ?? null) !== canonicalJson(oldRef ?? null);
    if (refChanged && oldRef) this.enqueueRef(ns, oldRef);
    if (ref) {
      const ds = this.resolveRef(ns, ref);
      if (!ds) return;
      this.queue.add(keyOf(ds));
      // A pod that just turned ready becomes available after minReadySeconds; look again then (plus a second
      // against clock skew, as upstream).
      const minReady = ds.spec?.minReadySeconds ?? 0;
      if (minReady > 0 && !isPodReady(old) && isPodReady(pod)) this.queue.add(keyOf(ds), minReady * 1000 + 1000);
      return;
    }
    if (refChanged || canonicalJson(pod.metadata.labels ?? {}) !== canonicalJson(old.metadata.labels ?? {})) this.enqueueSelecting(pod);
  }

  /** Models addNode / updateNode: only changes that alter where a DaemonSet runs wake it up. */
  private onNode(ev: WatchEvent): void {
    const node = ev.object as StoredNode;
    if (ev.type === 'DELETED') return;
    const dsList = this.ctx.api.list<StoredDaemonSet>('DaemonSet');
    if (ev.type === 'ADDED') {
      for (const ds of dsList) if (nodeShouldRunDaemonPod(node, ds).shouldRun) this.queue.add(keyOf(ds));
      return;
    }
    const old = ev.old as StoredNode;
    if (canonicalJson(old.metadata.labels ?? {}) === canonicalJson(node.metadata.labels ?? {}) && canonicalJson(old.spec?.taints ?? []) === canonicalJson(node.spec?.taints ?? [])) return;
    for (const ds of dsList) {
      const before = nodeShouldRunDaemonPod(old, ds);
      const after = nodeShouldRunDaemonPod(node, ds);
      if (before.shouldRun !== after.shouldRun || before.shouldContinueRunning !== after.shouldContinueRunning) this.queue.add(keyOf(ds));
    }
  }

  // ---- sync ----------------------------------------------------------------------------------------------------

  private syncKey(key: string): void {
    const error = this.syncDaemonSet(key);
    if (error === undefined) {
      this.failures.delete(key);
      return;
    }
    // Models the rate-limited requeue of a failed sync (workqueue default: 5ms doubling, capped).
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    this.queue.add(key, Math.min(BACKOFF_BASE_MS * 2 ** n, BACKOFF_MAX_MS));
  }

  /** Models syncDaemonSet. Returns an error message (the key is requeued with backoff), or undefined. */
  private syncDaemonSet(key: string): string | undefined {
    const [ns, name] = splitKey(key);
    const stored = this.ctx.api.get<StoredDaemonSet>('DaemonSet', ns, name);
    if (!stored) return undefined;
    const ds = deepCopy(stored);
    const nodes = this.ctx.api.list<StoredNode>('Node');
    const sel = ds.spec?.selector;
    if (sel && Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0) {
      this.ctx.events.record(SOURCE, ds, 'Warning', 'SelectingAll', 'This daemon set is selecting all pods. A non-empty selector is required.');
      return undefined;
    }
    // The history of a DaemonSet being deleted may already be gone; upstream leaves it alone.
    if (ds.metadata.deletionTimestamp) return undefined;

    const history = this.history.constructHistory(ds, () => this.getDaemonPods(ds));
    if (!history.ok) return `failed to construct revisions of DaemonSet: ${history.error}`;
    const hash = history.value.cur.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? '';

    const updateErr = this.updateDaemonSet(ds, nodes, hash, history.value.old);
    const statusErr = this.updateDaemonSetStatus(ds, nodes, hash, true);
    return updateErr ?? statusErr;
  }

  /** Models updateDaemonSet: manage, then the update strategy, then history clean-up. */
  private updateDaemonSet(ds: StoredDaemonSet, nodes: StoredNode[], hash: string, old: StoredControllerRevision[]): string | undefined {
    const managed = this.manage(ds, nodes, hash);
    if (managed.error !== undefined) return managed.error;
    // Expectations: a sync that created or deleted pods waits for their watch events before rolling further.
    if (managed.writes === 0 && ds.spec?.updateStrategy?.type === 'RollingUpdate') {
      const err = this.rollingUpdate(ds, nodes, hash);
      if (err !== undefined) return err;
    }
    const cleanupErr = this.history.cleanupHistory(ds, old, this.daemonPodsWithNode(ds, true));
    return cleanupErr === undefined ? undefined : `failed to clean up revisions of DaemonSet: ${cleanupErr}`;
  }

  /**
   * Models getDaemonPods: the pods this DaemonSet controls, adopting matching orphans and releasing pods that no
   * longer match its selector.
   */
  private getDaemonPods(ds: StoredDaemonSet): DaemonPod[] {
    const sel = fromLabelSelector(ds.spec?.selector);
    const pods = this.ctx.api.list<DaemonPod>('Pod', ds.metadata.namespace);
    const r = claimObjects(ds, pods, (p) => sel !== null && matches(sel, p.metadata.labels), apiClaimWrites<DaemonPod>(this.ctx.api, ds));
    return r.claimed.map((p) => this.ctx.api.get<DaemonPod>('Pod', p.metadata.namespace, p.metadata.name) ?? p);
  }

  /** The daemon pods that have a target node; terminal pods being deleted are left out unless asked for. */
  private daemonPodsWithNode(ds: StoredDaemonSet, includeDeletedTerminal: boolean): DaemonPod[] {
    return this.getDaemonPods(ds).filter((p) => (includeDeletedTerminal || !(isTerminal(p) && p.metadata.deletionTimestamp)) && getTargetNodeName(p) !== undefined);
  }

  /** Models getNodesToDaemonPods: the daemon pods grouped by the node they run on (or are pinned to). */
  private getNodesToDaemonPods(ds: StoredDaemonSet): Map<string, DaemonPod[]> {
    const map = new Map<string, DaemonPod[]>();
    for (const pod of this.daemonPodsWithNode(ds, false)) {
      const node = getTargetNodeName(pod)!;
      const list = map.get(node);
      if (list) list.push(pod);
      else map.set(node, [pod]);
    }
    return map;
  }

  /**
   * Models manage: for each node, create the missing daemon pod or delete the ones that must go (see
   * podsShouldBeOnNode), plus unscheduled pods pinned to nodes that no longer exist.
   */
  private manage(ds: StoredDaemonSet, nodes: StoredNode[], hash: string): { writes: number; error?: string } {
    const nodeToDaemonPods = this.getNodesToDaemonPods(ds);
    const nodesNeedingDaemonPods: string[] = [];
    const podsToDelete: string[] = [];
    for (const node of nodes) {
      const r = this.podsShouldBeOnNode(node, nodeToDaemonPods, ds, hash);
      nodesNeedingDaemonPods.push(...r.nodesNeedingDaemonPods);
      podsToDelete.push(...r.podsToDelete);
    }
    const existing = new Set(nodes.map((n) => n.metadata.name));
    for (const [node, pods] of nodeToDaemonPods) {
      if (existing.has(node)) continue;
      for (const p of pods) if (!p.spec?.nodeName) podsToDelete.push(p.metadata.name);
    }
    return this.syncNodes(ds, podsToDelete, nodesNeedingDaemonPods, hash);
  }

  /** Models podsShouldBeOnNode. */
  private podsShouldBeOnNode(node: StoredNode, nodeToDaemonPods: Map<string, DaemonPod[]>, ds: StoredDaemonSet, hash: string): { nodesNeedingDaemonPods: string[]; podsToDelete: string[] } {
    const nodesNeedingDaemonPods: string[] = [];
    const podsToDelete: string[] = [];
    const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(node, ds);
    const nodeName = node.metadata.name;
    const daemonPods = nodeToDaemonPods.get(nodeName);
    if (shouldRun && !daemonPods) {
      nodesNeedingDaemonPods.push(nodeName);
    } else if (shouldContinueRunning) {
      const running: DaemonPod[] = [];
      for (const pod of daemonPods ?? []) {
        if (pod.metadata.deletionTimestamp) continue;
        if (pod.status?.phase === 'Failed') {
          // The DaemonSet and a kubelet that rejects its pods could fight forever: back off per node.
          const backoffKey = `${ds.metadata.uid}/${ds.status?.observedGeneration ?? 0}/${nodeName}`;
          const now = this.ctx.clock.nowMs;
          if (this.failedPodsBackoff.isInBackOffSinceUpdate(backoffKey, now)) {
            this.queue.add(keyOf(ds), this.failedPodsBackoff.get(backoffKey));
            continue;
          }
          this.failedPodsBackoff.next(backoffKey, now);
          this.ctx.events.record(SOURCE, ds, 'Warning', 'FailedDaemonPod', `Found failed daemon pod ${pod.metadata.namespace}/${pod.metadata.name} on node ${nodeName}, will try to kill it`);
          podsToDelete.push(pod.metadata.name);
        } else if (pod.status?.phase === 'Succeeded') {
          this.ctx.events.record(SOURCE, ds, 'Normal', 'SucceededDaemonPod', `Found succeeded daemon pod ${pod.metadata.namespace}/${pod.metadata.name} on node ${nodeName}, will try to delete it`);
          podsToDelete.push(pod.metadata.name);
        } else {
          running.push(pod);
        }
      }
      running.sort(comparePodsByCreation);
      if (!allowsSurge(ds)) {
        // Without surge a node keeps only its oldest pod.
        for (const p of running.slice(1)) podsToDelete.push(p.metadata.name);
      } else if (running.length <= 1) {
        // Surging needs at least one live pod on the node.
        if (running.length === 0 && shouldRun) nodesNeedingDaemonPods.push(nodeName);
      } else {
        // With surge a node may hold the oldest old pod and the oldest new pod while the new one is not ready yet.
        let oldestNew: DaemonPod | undefined;
        let oldestOld: DaemonPod | undefined;
        for (const pod of running) {
          if (pod.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] === hash) {
            if (!oldestNew) {
              oldestNew = pod;
              continue;
            }
          } else if (!oldestOld) {
            oldestOld = pod;
            continue;
          }
          podsToDelete.push(pod.metadata.name);
        }
        if (oldestNew && oldestOld) {
          if (!isPodReady(oldestOld)) podsToDelete.push(oldestOld.metadata.name);
          else if (isPodAvailable(oldestNew, ds.spec?.minReadySeconds ?? 0, this.ctx.clock.nowMs)) podsToDelete.push(oldestOld.metadata.name);
        }
      }
    } else if (daemonPods) {
      for (const pod of daemonPods) if (!pod.metadata.deletionTimestamp) podsToDelete.push(pod.metadata.name);
    }
    return { nodesNeedingDaemonPods, podsToDelete };
  }

  /** Models rollingUpdate: deletes old pods (and, with surge, starts new ones) within the update budget. */
  private rollingUpdate(ds: StoredDaemonSet, nodes: StoredNode[], hash: string): string | undefined {
    const nodeToDaemonPods = this.getNodesToDaemonPods(ds);
    const byName = new Map(nodes.map((n) => [n.metadata.name, n]));
    const shouldRun = (name: string) => {
      const node = byName.get(name);
      return node ? nodeShouldRunDaemonPod(node, ds).shouldRun : undefined;
    };
    const budget = updatedDesiredNodeCounts(ds, nodes.map((n) => n.metadata.name), (n) => shouldRun(n) === true, nodeToDaemonPods);
    if (!budget.ok) return `couldn't get unavailable numbers: ${budget.error}`;
    const plan = planRollingUpdate({ ds, hash, nodeToDaemonPods, budget: budget.value, nowMs: this.ctx.clock.nowMs, shouldRun });
    if (!plan.ok) return plan.error;
    return this.syncNodes(ds, plan.value.podsToDelete, plan.value.nodesToCreate, hash).error;
  }

  /**
   * Models syncNodes: creates daemon pods on the given nodes in slow-start batches (a failing batch stops the
   * rest) and deletes the given pods, recording SuccessfulCreate / SuccessfulDelete events.
   */
  private syncNodes(ds: StoredDaemonSet, podsToDelete: string[], nodesNeedingDaemonPods: string[], hash: string): { writes: number; error?: string } {
    const { api } = this.ctx;
    const createDiff = Math.min(nodesNeedingDaemonPods.length, BURST_REPLICAS);
    const deleteDiff = Math.min(podsToDelete.length, BURST_REPLICAS);
    const errors: string[] = [];
    let writes = 0;
    const template = createPodTemplate(ds.spec!.template, getTemplateGeneration(ds), hash);
    let batchSize = Math.min(createDiff, SLOW_START_INITIAL_BATCH_SIZE);
    for (let pos = 0; pos < createDiff; ) {
      const errorsBefore = errors.length;
      for (let i = pos; i < pos + batchSize; i++) {
        const r = this.createPod(ds, template, nodesNeedingDaemonPods[i]!);
        if (r === 'ok') writes++;
        else if (r !== 'namespace-terminating') errors.push(r);
      }
      pos += batchSize;
      // Slow start: after a failing batch the remaining pods wait for the next sync.
      if (errors.length > errorsBefore) break;
      batchSize = Math.min(2 * batchSize, createDiff - pos);
    }
    for (let i = 0; i < deleteDiff; i++) {
      const name = podsToDelete[i]!;
      const r = api.delete('Pod', ds.metadata.namespace, name);
      if (r.ok) {
        writes++;
        this.ctx.events.record(SOURCE, ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${name}`);
      } else if (r.status.reason !== 'NotFound') {
        this.ctx.events.record(SOURCE, ds, 'Warning', 'FailedDelete', `Error deleting: ${r.status.message}`);
        errors.push(r.status.message);
      }
    }
    return errors.length > 0 ? { writes, error: errors.join(', ') } : { writes };
  }

  /** Models PodControl.CreatePods for one node: the template pinned to the node, owned by the DaemonSet. */
  private createPod(ds: StoredDaemonSet, template: PodTemplateSpec, nodeName: string): 'ok' | 'namespace-terminating' | string {
    const spec = deepCopy(template.spec!);
    spec.affinity = replaceDaemonSetPodNodeNameNodeAffinity(spec.affinity, nodeName);
    const meta = template.metadata ?? {};
    const r = this.ctx.api.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: '',
        generateName: `${ds.metadata.name}-`,
        namespace: ds.metadata.namespace,
        ...(meta.labels ? { labels: { ...meta.labels } } : {}),
        ...(meta.annotations ? { annotations: { ...meta.annotations } } : {}),
        ...(meta.finalizers ? { finalizers: [...meta.finalizers] } : {}),
        ownerReferences: [newControllerRef(ds)],
      },
      spec,
    });
    if (r.ok) {
      this.ctx.events.record(SOURCE, ds, 'Normal', 'SuccessfulCreate', `Created pod: ${r.value.metadata.name}`);
      return 'ok';
    }
    // A namespace being torn down refuses every create; upstream ignores that error.
    if (r.status.reason === 'Forbidden' && r.status.message.includes('because it is being terminated')) return 'namespace-terminating';
    this.ctx.events.record(SOURCE, ds, 'Warning', 'FailedCreate', `Error creating: ${r.status.message}`);
    return r.status.message;
  }

  /**
   * Models updateDaemonSetStatus: per node that should run the pod, whether one is scheduled, and whether the
   * oldest one is ready, available and up to date; pods on nodes that should not run one are misscheduled.
   */
  private updateDaemonSetStatus(ds: StoredDaemonSet, nodes: StoredNode[], hash: string, updateObservedGen: boolean): string | undefined {
    const nodeToDaemonPods = this.getNodesToDaemonPods(ds);
    const now = this.ctx.clock.nowMs;
    const minReady = ds.spec?.minReadySeconds ?? 0;
    const generation = getTemplateGeneration(ds);
    const c: DaemonCounts = { desiredNumberScheduled: 0, currentNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0, updatedNumberScheduled: 0, numberAvailable: 0, numberUnavailable: 0 };
    for (const node of nodes) {
      const { shouldRun } = nodeShouldRunDaemonPod(node, ds);
      const pods = nodeToDaemonPods.get(node.metadata.name) ?? [];
      const scheduled = pods.length > 0;
      if (!shouldRun) {
        if (scheduled) c.numberMisscheduled++;
        continue;
      }
      c.desiredNumberScheduled++;
      if (!scheduled) continue;
      c.currentNumberScheduled++;
      const pod = [...pods].sort(comparePodsByCreation)[0]!;
      if (isPodReady(pod)) {
        c.numberReady++;
        if (isPodAvailable(pod, minReady, now)) c.numberAvailable++;
      }
      if (isPodUpdated(pod, hash, generation)) c.updatedNumberScheduled++;
    }
    c.numberUnavailable = c.desiredNumberScheduled - c.numberAvailable;
    const err = this.storeDaemonSetStatus(ds, c, updateObservedGen);
    if (err !== undefined) return `error storing status for daemon set ${ds.metadata.name}: ${err}`;
    // A last line of defence against missing the moment ready pods become available.
    if (minReady > 0 && c.numberReady !== c.numberAvailable) this.queue.add(keyOf(ds), minReady * 1000);
    return undefined;
  }

  /** Models storeDaemonSetStatus: writes the counts unless they and the observed generation are current. */
  private storeDaemonSetStatus(ds: StoredDaemonSet, c: DaemonCounts, updateObservedGen: boolean): string | undefined {
    const s = ds.status ?? { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 };
    const same =
      s.desiredNumberScheduled === c.desiredNumberScheduled &&
      s.currentNumberScheduled === c.currentNumberScheduled &&
      s.numberMisscheduled === c.numberMisscheduled &&
      s.numberReady === c.numberReady &&
      (s.updatedNumberScheduled ?? 0) === c.updatedNumberScheduled &&
      (s.numberAvailable ?? 0) === c.numberAvailable &&
      (s.numberUnavailable ?? 0) === c.numberUnavailable &&
      (s.observedGeneration ?? 0) >= (ds.metadata.generation ?? 0);
    if (same) return undefined;
    const observedGeneration = updateObservedGen ? ds.metadata.generation : s.observedGeneration;
    // Go's omitempty drops the zero values of the optional fields.
    const status = {
      currentNumberScheduled: c.currentNumberScheduled,
      numberMisscheduled: c.numberMisscheduled,
      desiredNumberScheduled: c.desiredNumberScheduled,
      numberReady: c.numberReady,
      ...(observedGeneration ? { observedGeneration } : {}),
      ...(c.updatedNumberScheduled ? { updatedNumberScheduled: c.updatedNumberScheduled } : {}),
      ...(c.numberAvailable ? { numberAvailable: c.numberAvailable } : {}),
      ...(c.numberUnavailable ? { numberUnavailable: c.numberUnavailable } : {}),
      ...(s.collisionCount !== undefined && s.collisionCount !== null ? { collisionCount: s.collisionCount } : {}),
      ...(s.conditions && s.conditions.length > 0 ? { conditions: s.conditions } : {}),
    };
    const r = this.ctx.api.mutate('DaemonSet', ds.metadata.namespace, ds.metadata.name, (draft) => {
      draft.status = status;
    }, 'status');
    return r.ok ? undefined : r.status.message;
  }
}
