/**
 * The StatefulSet controller: watches StatefulSets and pods, claims the pods named after each set (adopting
 * orphans its selector matches, releasing pods it no longer selects), adopts orphaned ControllerRevisions, and
 * runs one sync of stateful-set-control per change.
 * Models pkg/controller/statefulset/stateful_set.go (the pod and set event handlers, sync, getPodsForStatefulSet,
 * adoptOrphanRevisions, syncStatefulSet).
 *
 * Expectations: as in the ReplicaSet controller, every read goes to the store itself, so a sync always sees the
 * writes of the previous one and no create/delete expectations are kept.
 */
import type { KubeObject, OwnerReference } from '../../api/types';
import { ownersSelecting, resolveControllerRef } from '../owner-lookup';
import { controllerRef, newControllerRef } from '../../api/meta';
import { canonicalJson } from '../../api/names';
import { fromLabelSelector, matches, type Selector } from '../../api/labels';
import type { WatchEvent } from '../../apiserver/apiserver';
import type { ComponentContext } from '../../cluster/context';
import { WorkQueue, splitKey } from '../runtime';
import { apiClaimWrites, claimObjects } from '../replicaset/controller-ref-manager';
import { podAvailableAtMs } from '../replicaset/pod-utils';
import { isMemberOf, replicasOf, type StatefulPod, type StoredStatefulSet } from './stateful-set-utils';
import { updateStatefulSet } from './stateful-set-control';
import { ApiControllerHistory, ApiStatefulPodControl, writeStatefulSetStatus } from './stateful-pod-control';
import type { StoredControllerRevision } from './history';

/** Models the default controller rate limiter's per-item exponential backoff: 5ms doubling up to 1000s. */
const BACKOFF_BASE_MS = 5;
const BACKOFF_MAX_MS = 1_000_000;

/** Starts the StatefulSet controller on the cluster's apiserver and clock. */
export function startStatefulSetController(ctx: ComponentContext): void {
  new StatefulSetController(ctx);
}

function keyOf(obj: KubeObject): string {
  return `${obj.metadata.namespace}/${obj.metadata.name}`;
}

/** A nil selector selects nothing; an empty one selects everything (metav1.LabelSelectorAsSelector). */
function selectorMatches(sel: Selector | null, obj: KubeObject): boolean {
  return sel !== null && matches(sel, obj.metadata.labels);
}

class StatefulSetController {
  private readonly queue: WorkQueue;
  private readonly failures = new Map<string, number>();
  private readonly podControl: ApiStatefulPodControl;
  private readonly history: ApiControllerHistory;

  constructor(private readonly ctx: ComponentContext) {
    this.queue = new WorkQueue(ctx.clock, ctx.rng, 'statefulset', (key) => this.sync(key));
    this.podControl = new ApiStatefulPodControl(ctx.api, ctx.events);
    this.history = new ApiControllerHistory(ctx.api);
    ctx.api.watch('StatefulSet', (ev) => this.queue.add(keyOf(ev.object)));
    ctx.api.watch('Pod', (ev) => this.onPod(ev));
    for (const set of ctx.api.list('StatefulSet')) this.queue.add(keyOf(set));
  }

  // ---- event handlers (addPod, updatePod, deletePod) ----------------------------------------------------------

  private onPod(ev: WatchEvent): void {
    const pod = ev.object;
    if (ev.type === 'DELETED') {
      this.enqueueController(pod);
      return;
    }
    if (ev.type === 'ADDED') {
      if (pod.metadata.deletionTimestamp || controllerRef(pod)) {
        this.enqueueController(pod);
        return;
      }
      this.enqueueSelecting(pod);
      return;
    }
    const old = ev.old!;
    if (old.metadata.resourceVersion === pod.metadata.resourceVersion) return;
    const labelChanged = canonicalJson(old.metadata.labels ?? {}) !== canonicalJson(pod.metadata.labels ?? {});
    const curRef = controllerRef(pod);
    const oldRef = controllerRef(old);
    const refChanged = canonicalJson(curRef ?? null) !== canonicalJson(oldRef ?? null);
    if (refChanged && oldRef) this.enqueueRef(pod.metadata.namespace!, oldRef);
    if (curRef) {
      this.enqueueRef(pod.metadata.namespace!, curRef);
      return;
    }
    if (labelChanged || refChanged) this.enqueueSelecting(pod);
  }

  private enqueueController(pod: KubeObject): void {
    const ref = controllerRef(pod);
    if (ref) this.enqueueRef(pod.metadata.namespace!, ref);
  }

  /** Models resolveControllerRef: the reference must name a StatefulSet that exists with the same uid. */
  private enqueueRef(ns: string, ref: OwnerReference): void {
    const set = resolveControllerRef<StoredStatefulSet>(this.ctx.api, 'StatefulSet', ns, ref);
    if (set) this.queue.add(keyOf(set));
  }

  /** Models getStatefulSetsForPod: sets in the pod's namespace whose non-empty selector matches its labels. */
  private enqueueSelecting(pod: KubeObject): void {
    for (const set of ownersSelecting<StoredStatefulSet>(this.ctx.api, 'StatefulSet', pod)) this.queue.add(keyOf(set));
  }

  // ---- sync ----------------------------------------------------------------------------------------------------

  /** Models sync: adopt orphaned revisions, claim pods, run one update. */
  private sync(key: string): void {
    const { api } = this.ctx;
    const [ns, name] = splitKey(key);
    const set = api.get<StoredStatefulSet>('StatefulSet', ns, name);
    if (!set) {
      this.failures.delete(key);
      return;
    }
    const selector = fromLabelSelector(set.spec?.selector);
    // An unparsable selector is a permanent error: nothing to retry.
    if (!selector) return;
    const revisions = this.adoptOrphanRevisions(set, selector);
    if (typeof revisions === 'string') {
      this.requeueRateLimited(key);
      return;
    }
    const claim = claimObjects<StatefulPod>(set, api.list<StatefulPod>('Pod', ns), (p) => selectorMatches(selector, p) && isMemberOf(set, p), apiClaimWrites<StatefulPod>(api, set));
    if (claim.errors.length > 0) {
      this.requeueRateLimited(key);
      return;
    }
    const nowMs = this.ctx.clock.nowMs;
    const result = updateStatefulSet(set, claim.claimed, revisions, {
      podControl: this.podControl,
      history: this.history,
      updateStatus: (s, status) => writeStatefulSetStatus(api, s, status),
      nowMs,
    });
    if (result.error) {
      this.requeueRateLimited(key);
      return;
    }
    this.failures.delete(key);
    // Models syncStatefulSet's requeue: while pods wait out minReadySeconds, sync again when the next one is
    // available (upstream requeues after minReadySeconds; the exact instant moves the same counters).
    if (result.status && (set.spec?.minReadySeconds ?? 0) > 0 && (result.status.availableReplicas ?? 0) !== replicasOf(set)) {
      this.recheckAvailability(key, set, claim.claimed, nowMs);
    }
  }

  /**
   * Models ListRevisions and adoptOrphanRevisions: the namespace's ControllerRevisions the selector matches that
   * this set controls or nobody does; orphans get this set as their controller. Returns an error message on a
   * failed adoption.
   */
  private adoptOrphanRevisions(set: StoredStatefulSet, selector: Selector): StoredControllerRevision[] | string {
    const { api } = this.ctx;
    const out: StoredControllerRevision[] = [];
    for (const r of api.list<StoredControllerRevision>('ControllerRevision', set.metadata.namespace, { labelSelector: selector })) {
      const ref = controllerRef(r);
      if (ref && ref.uid !== set.metadata.uid) continue;
      if (ref) {
        out.push(r);
        continue;
      }
      const adopted = api.mutate<StoredControllerRevision>('ControllerRevision', r.metadata.namespace, r.metadata.name, (draft) => {
        if (draft.metadata.uid !== r.metadata.uid || controllerRef(draft)) return;
        draft.metadata.ownerReferences = [...(draft.metadata.ownerReferences ?? []), newControllerRef(set)];
      });
      if (!adopted.ok) return adopted.status.message;
      out.push(adopted.value);
    }
    return out;
  }

  private recheckAvailability(key: string, set: StoredStatefulSet, pods: readonly StatefulPod[], nowMs: number): void {
    const minReady = set.spec?.minReadySeconds ?? 0;
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
}
