/**
 * The ReplicaSet controller: keeps `spec.replicas` pods running for each ReplicaSet, adopting matching orphans and
 * releasing pods it no longer selects, and reports replicas/ready/available counts in the status.
 * Models pkg/controller/replicaset/replica_set.go (syncReplicaSet, manageReplicas, the pod/RS event handlers) and
 * pkg/controller/controller_utils.go (RealPodControl.CreatePods/DeletePod, GetPodFromTemplate).
 *
 * Expectations: upstream keeps per-ReplicaSet "expectations" of creates/deletes in flight, because its informer
 * cache lags behind its own writes and a sync that ran before the cache caught up would create the same pods
 * again. Here the apiserver is synchronous and every read goes to the store itself: when a create or delete
 * returns, the next sync already sees it, so there is nothing in flight to wait for and no expectations are kept.
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject, OwnerReference } from '../../api/types';
import { ownersSelecting, resolveControllerRef } from '../owner-lookup';
import { controllerRef, deepCopy, newControllerRef } from '../../api/meta';
import { canonicalJson } from '../../api/names';
import { fromLabelSelector, matches, type Selector } from '../../api/labels';
import type { WatchEvent } from '../../apiserver/apiserver';
import type { ApiStatus } from '../../apiserver/status';
import type { ComponentContext } from '../../cluster/context';
import { WorkQueue, splitKey } from '../runtime';
import { apiClaimWrites, claimObjects } from './controller-ref-manager';
import { filterActivePods, podAvailableAtMs, type StoredPod } from './pod-utils';
import { getPodsToDelete } from './pod-ranking';
import { SLOW_START_INITIAL_BATCH_SIZE, slowStartBatch } from './slow-start';
import { calculateReplicaSetStatus, replicaSetStatusUpToDate, replicasOf, serializeReplicaSetStatus, type StoredReplicaSet } from './replica-set-status';

/** The component name events are reported under. */
export const REPLICASET_CONTROLLER = 'replicaset-controller';

/** At most this many pods are created or deleted in one sync (upstream BurstReplicas). */
export const BURST_REPLICAS = 500;

const SOURCE = { component: REPLICASET_CONTROLLER };

/** Models the default controller rate limiter's per-item exponential backoff: 5ms doubling up to 1000s. */
const BACKOFF_BASE_MS = 5;
const BACKOFF_MAX_MS = 1_000_000;

/** Starts the ReplicaSet controller on the cluster's apiserver and clock. */
export function startReplicaSetController(ctx: ComponentContext): void {
  new ReplicaSetController(ctx);
}

/** Pods without a controller, by namespace: the only pods besides its own that a ReplicaSet may claim. */
class OrphanPods {
  private readonly byNs = new Map<string, Set<string>>();

  observe(pod: KubeObject): void {
    const ns = pod.metadata.namespace ?? '';
    if (controllerRef(pod)) {
      this.byNs.get(ns)?.delete(pod.metadata.name);
      return;
    }
    let names = this.byNs.get(ns);
    if (!names) this.byNs.set(ns, (names = new Set()));
    names.add(pod.metadata.name);
  }

  forget(pod: KubeObject): void {
    this.byNs.get(pod.metadata.namespace ?? '')?.delete(pod.metadata.name);
  }

  names(ns: string): readonly string[] {
    return [...(this.byNs.get(ns) ?? [])];
  }
}

function keyOf(obj: KubeObject): string {
  return `${obj.metadata.namespace}/${obj.metadata.name}`;
}

function isNamespaceTerminating(status: ApiStatus): boolean {
  return status.reason === 'Forbidden' && status.message.includes('because it is being terminated');
}

/** Models getPodsPrefix: `<name>-` unless that would not be a valid generateName. */
function podNamePrefix(controllerName: string): string {
  return controllerName.length + 1 > 253 ? controllerName : `${controllerName}-`;
}

class ReplicaSetController {
  private readonly queue: WorkQueue;
  private readonly orphans = new OrphanPods();
  private readonly failures = new Map<string, number>();

  constructor(private readonly ctx: ComponentContext) {
    this.queue = new WorkQueue(ctx.clock, ctx.rng, 'replicaset', (key) => this.sync(key));
    for (const pod of ctx.api.list('Pod')) this.orphans.observe(pod);
    ctx.api.watch('ReplicaSet', (ev) => this.queue.add(keyOf(ev.object)));
    ctx.api.watch('Pod', (ev) => this.onPod(ev));
    for (const rs of ctx.api.list('ReplicaSet')) this.queue.add(keyOf(rs));
  }

  // ---- event handlers (addPod, updatePod, deletePod) ----------------------------------------------------------

  private onPod(ev: WatchEvent): void {
    const pod = ev.object;
    if (ev.type === 'DELETED') {
      this.orphans.forget(pod);
      this.enqueueController(pod);
      return;
    }
    this.orphans.observe(pod);
    if (ev.type === 'ADDED') {
      if (pod.metadata.deletionTimestamp || controllerRef(pod)) {
        this.enqueueController(pod);
        return;
      }
      // An orphan: every ReplicaSet that selects it gets a chance to adopt it.
      this.enqueueSelecting(pod);
      return;
    }
    const old = ev.old!;
    if (old.metadata.resourceVersion === pod.metadata.resourceVersion) return;
    const labelChanged = canonicalJson(old.metadata.labels ?? {}) !== canonicalJson(pod.metadata.labels ?? {});
    if (pod.metadata.deletionTimestamp) {
      // A graceful delete: the ReplicaSet replaces the pod now rather than when the kubelet finishes.
      this.enqueueController(pod);
      if (labelChanged) this.enqueueController(old);
      return;
    }
    const curRef = controllerRef(pod);
    const oldRef = controllerRef(old);
    const refChanged = canonicalJson(curRef ?? null) !== canonicalJson(oldRef ?? null);
    if (refChanged && oldRef) this.enqueueRef(pod.metadata.namespace!, oldRef);
    if (curRef) {
      // Readiness changes land here; availability after minReadySeconds is re-checked by the sync itself.
      this.enqueueRef(pod.metadata.namespace!, curRef);
      return;
    }
    if (labelChanged || refChanged) this.enqueueSelecting(pod);
  }

  private enqueueController(pod: KubeObject): void {
    const ref = controllerRef(pod);
    if (ref) this.enqueueRef(pod.metadata.namespace!, ref);
  }

  /** Models resolveControllerRef: the reference must name a ReplicaSet that exists with the same uid. */
  private enqueueRef(ns: string, ref: OwnerReference): void {
    const rs = resolveControllerRef<StoredReplicaSet>(this.ctx.api, 'ReplicaSet', ns, ref);
    if (rs) this.queue.add(keyOf(rs));
  }

  /** Models GetPodReplicaSets: ReplicaSets in the pod's namespace whose non-empty selector matches its labels. */
  private enqueueSelecting(pod: KubeObject): void {
    for (const rs of ownersSelecting<StoredReplicaSet>(this.ctx.api, 'ReplicaSet', pod)) this.queue.add(keyOf(rs));
  }

  // ---- sync ----------------------------------------------------------------------------------------------------

  /** Models syncReplicaSet. */
  private sync(key: string): void {
    const { api } = this.ctx;
    const [ns, name] = splitKey(key);
    const rs = api.get<StoredReplicaSet>('ReplicaSet', ns, name);
    if (!rs) {
      this.failures.delete(key);
      return;
    }
    const selector = fromLabelSelector(rs.spec?.selector);
    const active = filterActivePods(this.candidatePods(rs));
    const claim = claimObjects(rs, active, (p) => selectorMatches(selector, p), apiClaimWrites<StoredPod>(api, rs));
    if (claim.errors.length > 0) {
      this.requeueRateLimited(key);
      return;
    }
    const pods = claim.claimed;
    const manageError = rs.metadata.deletionTimestamp ? undefined : this.manageReplicas(pods, rs);
    const nowMs = this.ctx.clock.nowMs;
    const next = calculateReplicaSetStatus(rs, pods, manageError, nowMs);
    if (!replicaSetStatusUpToDate(rs, next)) {
      const status = serializeReplicaSetStatus({ ...next, observedGeneration: rs.metadata.generation });
      const r = api.mutate('ReplicaSet', ns, name, (draft) => {
        draft.status = status;
      }, 'status');
      if (!r.ok) {
        this.requeueRateLimited(key);
        return;
      }
    }
    if (manageError === undefined) this.recheckAvailability(key, rs, pods, nowMs);
    if (manageError !== undefined) this.requeueRateLimited(key);
    else this.failures.delete(key);
  }

  /**
   * Requeues the ReplicaSet for the instant its next ready pod passes minReadySeconds, so availableReplicas moves
   * exactly then (upstream enqueues after minReadySeconds+1s as an approximation of the same moment).
   */
  private recheckAvailability(key: string, rs: StoredReplicaSet, pods: readonly StoredPod[], nowMs: number): void {
    const minReady = rs.spec?.minReadySeconds ?? 0;
    if (minReady === 0) return;
    let next: number | undefined;
    for (const pod of pods) {
      const at = podAvailableAtMs(pod, minReady, nowMs);
      if (at !== undefined && (next === undefined || at < next)) next = at;
    }
    if (next !== undefined) this.queue.add(key, Math.max(0, next - nowMs));
  }

  private requeueRateLimited(key: string): void {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    this.queue.add(key, Math.min(BACKOFF_BASE_MS * 2 ** n, BACKOFF_MAX_MS));
  }

  /**
   * The pods a ReplicaSet may claim: those that reference it, and the namespace's orphans. Pods controlled by
   * anything else would be skipped by the claim anyway, so they are never listed.
   */
  private candidatePods(rs: StoredReplicaSet): StoredPod[] {
    const ns = rs.metadata.namespace!;
    const names = new Set<string>(this.orphans.names(ns));
    for (const depKey of this.ctx.api.store.dependents(rs.metadata.uid!)) {
      const [kind, depNs, ...rest] = depKey.split('/');
      if (kind === 'Pod' && depNs === ns) names.add(rest.join('/'));
    }
    const out: StoredPod[] = [];
    for (const n of [...names].sort()) {
      const pod = this.ctx.api.get<StoredPod>('Pod', ns, n);
      if (pod) out.push(pod);
    }
    return out;
  }

  /** Models manageReplicas. Returns the first error, or undefined when every create/delete went through. */
  private manageReplicas(pods: readonly StoredPod[], rs: StoredReplicaSet): string | undefined {
    const diff = pods.length - replicasOf(rs);
    if (diff < 0) {
      const n = Math.min(-diff, BURST_REPLICAS);
      return slowStartBatch(n, SLOW_START_INITIAL_BATCH_SIZE, () => this.createPod(rs)).error;
    }
    if (diff > 0) {
      const n = Math.min(diff, BURST_REPLICAS);
      const toDelete = getPodsToDelete(pods, this.indirectlyRelatedPods(rs), n, this.ctx.clock.nowMs);
      let firstError: string | undefined;
      for (const pod of toDelete) {
        const err = this.deletePod(rs, pod);
        firstError ??= err;
      }
      return firstError;
    }
    return undefined;
  }

  /** Models RealPodControl.CreatePods with GetPodFromTemplate: one pod named `<rs>-<5 chars>` by the apiserver. */
  private createPod(rs: StoredReplicaSet): string | undefined {
    const template: PodTemplateSpec = rs.spec?.template ?? {};
    const labels = { ...(template.metadata?.labels ?? {}) };
    if (Object.keys(labels).length === 0) return 'unable to create pods, no labels';
    const metadata: KubeObject['metadata'] = { name: '', generateName: podNamePrefix(rs.metadata.name), namespace: rs.metadata.namespace, labels };
    const annotations = template.metadata?.annotations;
    if (annotations && Object.keys(annotations).length > 0) metadata.annotations = { ...annotations };
    const finalizers = template.metadata?.finalizers;
    if (finalizers && finalizers.length > 0) metadata.finalizers = [...finalizers];
    metadata.ownerReferences = [newControllerRef(rs)];
    const r = this.ctx.api.create({ apiVersion: 'v1', kind: 'Pod', metadata, spec: deepCopy(template.spec ?? { containers: [] }) });
    if (!r.ok) {
      // A terminating namespace refuses every create; upstream treats that as nothing to do.
      if (isNamespaceTerminating(r.status)) return undefined;
      this.ctx.events.record(SOURCE, rs, 'Warning', 'FailedCreate', `Error creating: ${r.status.message}`);
      return r.status.message;
    }
    this.ctx.events.record(SOURCE, rs, 'Normal', 'SuccessfulCreate', `Created pod: ${r.value.metadata.name}`);
    return undefined;
  }

  /** Models RealPodControl.DeletePod: a pod that is already gone is not an error and records nothing. */
  private deletePod(rs: StoredReplicaSet, pod: StoredPod): string | undefined {
    const r = this.ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name);
    if (!r.ok) {
      if (r.status.reason === 'NotFound') return undefined;
      this.ctx.events.record(SOURCE, rs, 'Warning', 'FailedDelete', `Error deleting: ${r.status.message}`);
      return `unable to delete pods: ${r.status.message}`;
    }
    this.ctx.events.record(SOURCE, rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
    return undefined;
  }

  /**
   * Models getIndirectlyRelatedPods: the pods selected by every ReplicaSet that has the same controller as `rs`
   * (all revisions of one Deployment). A ReplicaSet without a controller has no related pods, as upstream.
   * Divergence: candidates are the pods that reference those ReplicaSets plus orphans (then filtered by each
   * selector), not every pod in the namespace; pods controlled by an unrelated owner with overlapping labels are
   * not counted.
   */
  private indirectlyRelatedPods(rs: StoredReplicaSet): StoredPod[] {
    const owner = controllerRef(rs);
    if (!owner) return [];
    const ns = rs.metadata.namespace!;
    const related: StoredPod[] = [];
    const seen = new Set<string>();
    for (const depKey of this.ctx.api.store.dependents(owner.uid)) {
      const [kind, depNs, ...rest] = depKey.split('/');
      if (kind !== 'ReplicaSet' || depNs !== ns) continue;
      const other = this.ctx.api.get<StoredReplicaSet>('ReplicaSet', ns, rest.join('/'));
      if (!other || controllerRef(other)?.uid !== owner.uid) continue;
      const sel = fromLabelSelector(other.spec?.selector);
      for (const pod of this.candidatePods(other)) {
        if (!selectorMatches(sel, pod) || seen.has(pod.metadata.uid!)) continue;
        seen.add(pod.metadata.uid!);
        related.push(pod);
      }
    }
    return related;
  }
}

/** A nil selector selects nothing; an empty one selects everything (metav1.LabelSelectorAsSelector). */
function selectorMatches(sel: Selector | null, obj: KubeObject): boolean {
  return sel !== null && matches(sel, obj.metadata.labels);
}
