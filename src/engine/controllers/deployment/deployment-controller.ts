/**
 * The Deployment controller: owns ReplicaSets by selector, creates the new ReplicaSet for the current template
 * (`<deployment>-<pod-template-hash>`), rolls pods over with the RollingUpdate or Recreate strategy, scales
 * proportionally when replicas change mid-rollout, keeps revision history, and reports status and the
 * Progressing/Available conditions.
 * Models pkg/controller/deployment/deployment_controller.go (event handlers, syncDeployment, getReplicaSetsForDeployment,
 * getPodMapForDeployment) and sync.go (getNewReplicaSet, checkPausedConditions, isScalingEvent, scaleReplicaSet,
 * syncDeploymentStatus); the strategies live in rolling.ts and recreate.ts.
 * Divergence: `spec.rollbackTo` (extensions/v1beta1) does not exist in apps/v1 and kubectl v1.34 rolls back by
 * copying an old template into the Deployment, so rollback.go's path is not modelled; reusing an old ReplicaSet
 * gets the revision bookkeeping of getNewReplicaSet.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject, OwnerReference } from '../../api/types';
import { controllerRef, deepCopy, newControllerRef } from '../../api/meta';
import { canonicalJson, computeTemplateHash } from '../../api/names';
import { fromLabelSelector, matches, type Selector } from '../../api/labels';
import type { WatchEvent } from '../../apiserver/apiserver';
import type { ComponentContext } from '../../cluster/context';
import { WorkQueue, splitKey } from '../runtime';
import { apiClaimWrites, claimObjects } from '../replicaset/controller-ref-manager';
import { replicasOf } from '../replicaset/replica-set-status';
import type { ReplicaSetsOfDeployment, RolloutController, ScaleOutcome, ScalingOperation } from './ops';
import { rolloutRolling } from './rolling';
import { rolloutRecreate } from './recreate';
import { calculateStatus, cleanupDeployment, scale } from './sync';
import { computeRolloutStatus, stuckDeploymentRequeueMs } from './progress';
import type { Fallible } from './util/int-or-string';
import {
  DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY,
  REVISION_ANNOTATION,
  Reasons,
  deploymentReplicas,
  deploymentStatusEqual,
  equalIgnoreHash,
  filterActiveReplicaSets,
  findNewReplicaSet,
  findOldReplicaSets,
  getDeploymentCondition,
  getDesiredReplicasAnnotation,
  hasProgressDeadline,
  maxRevision,
  maxSurge,
  newDeploymentCondition,
  newRSNewReplicas,
  replicasAnnotationsNeedUpdate,
  serializeDeploymentStatus,
  setDeploymentCondition,
  setDeploymentRevision,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
  type StoredDeployment,
  type StoredReplicaSet,
} from './util/deployment-util';

/** The component name events are reported under. */
export const DEPLOYMENT_CONTROLLER = 'deployment-controller';

const SOURCE = { component: DEPLOYMENT_CONTROLLER };
const BACKOFF_BASE_MS = 5;
const BACKOFF_MAX_MS = 1_000_000;

type StoredPod = Pod & KubeObject;

/** Starts the Deployment controller on the cluster's apiserver and clock. */
export function startDeploymentController(ctx: ComponentContext): void {
  new DeploymentController(ctx);
}

function keyOf(obj: KubeObject): string {
  return `${obj.metadata.namespace}/${obj.metadata.name}`;
}

function ok<T>(value: T): Fallible<T> {
  return { ok: true, value };
}

function err<T = never>(error: string): Fallible<T> {
  return { ok: false, error };
}

/**
 * The apps/v1 defaults a Deployment read by the controller must have (replicas 1, RollingUpdate 25%/25%, history
 * limit 10, deadline 600s). The apiserver's defaulting sets them on every stored Deployment; applying them to the
 * controller's private copy again is a no-op then, and keeps the controller correct when it is not.
 */
function withSpecDefaults(d: StoredDeployment): StoredDeployment {
  const spec = (d.spec ??= { selector: {}, template: {} });
  spec.replicas ??= 1;
  spec.strategy ??= {};
  spec.strategy.type ??= 'RollingUpdate';
  if (spec.strategy.type === 'RollingUpdate') {
    spec.strategy.rollingUpdate ??= {};
    spec.strategy.rollingUpdate.maxSurge ??= '25%';
    spec.strategy.rollingUpdate.maxUnavailable ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  (d as { status?: unknown }).status ??= {};
  return d;
}

/** Models labelsutil.CloneSelectorAndAddLabel. */
function cloneSelectorAndAddLabel(sel: LabelSelector | undefined, key: string, value: string): LabelSelector {
  const out: LabelSelector = { matchLabels: { ...(sel?.matchLabels ?? {}), [key]: value } };
  if (sel?.matchExpressions && sel.matchExpressions.length > 0) out.matchExpressions = deepCopy(sel.matchExpressions);
  return out;
}

function selects(sel: Selector | null, obj: KubeObject): boolean {
  return sel !== null && matches(sel, obj.metadata.labels);
}

class DeploymentController implements RolloutController {
  private readonly queue: WorkQueue;
  private readonly failures = new Map<string, number>();

  constructor(private readonly ctx: ComponentContext) {
    this.queue = new WorkQueue(ctx.clock, ctx.rng, 'deployment', (key) => this.syncKey(key));
    ctx.api.watch('Deployment', (ev) => this.queue.add(keyOf(ev.object)));
    ctx.api.watch('ReplicaSet', (ev) => this.onReplicaSet(ev));
    ctx.api.watch('Pod', (ev) => {
      if (ev.type === 'DELETED') this.onPodDeleted(ev.object);
    });
    for (const d of ctx.api.list('Deployment')) this.queue.add(keyOf(d));
  }

  // ---- event handlers ------------------------------------------------------------------------------------------

  /** Models addReplicaSet / updateReplicaSet / deleteReplicaSet. */
  private onReplicaSet(ev: WatchEvent): void {
    const rs = ev.object;
    const ns = rs.metadata.namespace!;
    if (ev.type === 'DELETED' || (ev.type === 'ADDED' && rs.metadata.deletionTimestamp)) {
      const ref = controllerRef(rs);
      if (ref) this.enqueueRef(ns, ref);
      return;
    }
    if (ev.type === 'ADDED') {
      const ref = controllerRef(rs);
      if (ref) this.enqueueRef(ns, ref);
      else this.enqueueSelecting(rs);
      return;
    }
    const old = ev.old!;
    if (old.metadata.resourceVersion === rs.metadata.resourceVersion) return;
    const curRef = controllerRef(rs);
    const oldRef = controllerRef(old);
    const refChanged = canonicalJson(curRef ?? null) !== canonicalJson(oldRef ?? null);
    if (refChanged && oldRef) this.enqueueRef(ns, oldRef);
    if (curRef) {
      this.enqueueRef(ns, curRef);
      return;
    }
    const labelChanged = canonicalJson(rs.metadata.labels ?? {}) !== canonicalJson(old.metadata.labels ?? {});
    if (labelChanged || refChanged) this.enqueueSelecting(rs);
  }

  /** Models deletePod: a Recreate Deployment waits for its last old pod to go, so that moment triggers a sync. */
  private onPodDeleted(pod: KubeObject): void {
    const d = this.deploymentForPod(pod);
    if (!d || d.spec?.strategy?.type !== 'Recreate') return;
    const podMap = this.getPodMapForDeployment(d, this.ownedReplicaSets(d));
    let n = 0;
    for (const pods of podMap.values()) n += pods.length;
    if (n === 0) this.queue.add(keyOf(d));
  }

  /** Models resolveControllerRef: a Deployment of that name with the same uid. */
  private resolveRef(ns: string, ref: OwnerReference): StoredDeployment | undefined {
    if (ref.kind !== 'Deployment') return undefined;
    const d = this.ctx.api.get<StoredDeployment>('Deployment', ns, ref.name);
    return d && d.metadata.uid === ref.uid ? d : undefined;
  }

  private enqueueRef(ns: string, ref: OwnerReference): void {
    const d = this.resolveRef(ns, ref);
    if (d) this.queue.add(keyOf(d));
  }

  /** Models getDeploymentsForReplicaSet: Deployments whose non-empty selector matches an orphan's labels. */
  private enqueueSelecting(rs: KubeObject): void {
    if (Object.keys(rs.metadata.labels ?? {}).length === 0) return;
    for (const d of this.ctx.api.list<StoredDeployment>('Deployment', rs.metadata.namespace)) {
      const sel = fromLabelSelector(d.spec?.selector);
      if (sel && sel.length > 0 && matches(sel, rs.metadata.labels)) this.queue.add(keyOf(d));
    }
  }

  /** Models getDeploymentForPod: pod -> controlling ReplicaSet -> controlling Deployment. */
  private deploymentForPod(pod: KubeObject): StoredDeployment | undefined {
    const ref = controllerRef(pod);
    if (!ref || ref.kind !== 'ReplicaSet') return undefined;
    const rs = this.ctx.api.get('ReplicaSet', pod.metadata.namespace, ref.name);
    if (!rs || rs.metadata.uid !== ref.uid) return undefined;
    const dref = controllerRef(rs);
    return dref ? this.resolveRef(rs.metadata.namespace!, dref) : undefined;
  }

  /** Models util.ListReplicaSets: ReplicaSets the Deployment selects and controls (no adoption). */
  private ownedReplicaSets(d: StoredDeployment): StoredReplicaSet[] {
    const sel = fromLabelSelector(d.spec?.selector);
    return this.ctx.api
      .list<StoredReplicaSet>('ReplicaSet', d.metadata.namespace)
      .filter((rs) => selects(sel, rs) && controllerRef(rs)?.uid === d.metadata.uid);
  }

  // ---- sync ----------------------------------------------------------------------------------------------------

  private syncKey(key: string): void {
    const [ns, name] = splitKey(key);
    const stored = this.ctx.api.get<StoredDeployment>('Deployment', ns, name);
    if (!stored) {
      this.failures.delete(key);
      return;
    }
    // A private copy: the sync mutates its status as upstream does with its deep copy.
    const error = this.syncDeployment(withSpecDefaults(deepCopy(stored)));
    if (error !== undefined) this.requeueRateLimited(key);
    else this.failures.delete(key);
  }

  private requeueRateLimited(key: string): void {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    this.queue.add(key, Math.min(BACKOFF_BASE_MS * 2 ** n, BACKOFF_MAX_MS));
  }

  /** Models syncDeployment. Returns an error message (the key is requeued with backoff), or undefined. */
  private syncDeployment(d: StoredDeployment): string | undefined {
    const sel = d.spec!.selector;
    if (sel && sel.matchLabels === undefined && sel.matchExpressions === undefined) {
      this.ctx.events.record(SOURCE, d, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.');
      if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
        d.status!.observedGeneration = d.metadata.generation;
        this.writeDeploymentStatus(d);
      }
      return undefined;
    }
    const claimed = this.getReplicaSetsForDeployment(d);
    if (!claimed.ok) return claimed.error;
    const rsList = claimed.value;
    const podMap = this.getPodMapForDeployment(d, rsList);

    if (d.metadata.deletionTimestamp) return this.syncStatusOnly(d, rsList);

    const pausedErr = this.checkPausedConditions(d);
    if (pausedErr !== undefined) return pausedErr;
    if (d.spec!.paused) return this.syncScaling(d, rsList);

    const scalingEvent = this.isScalingEvent(d, rsList);
    if (!scalingEvent.ok) return scalingEvent.error;
    if (scalingEvent.value) return this.syncScaling(d, rsList);

    switch (d.spec!.strategy!.type) {
      case 'Recreate':
        return rolloutRecreate(this, d, rsList, podMap);
      case 'RollingUpdate':
        return rolloutRolling(this, d, rsList);
      default:
        return `unexpected deployment strategy type: ${d.spec!.strategy!.type}`;
    }
  }

  /** Models getReplicaSetsForDeployment: claims ReplicaSets by selector (adopting orphans, releasing strays). */
  private getReplicaSetsForDeployment(d: StoredDeployment): Fallible<StoredReplicaSet[]> {
    const sel = fromLabelSelector(d.spec?.selector);
    const all = this.ctx.api.list<StoredReplicaSet>('ReplicaSet', d.metadata.namespace);
    const r = claimObjects(d, all, (rs) => selects(sel, rs), apiClaimWrites<StoredReplicaSet>(this.ctx.api, d));
    return r.errors.length > 0 ? err(r.errors[0]!) : ok(r.claimed);
  }

  /**
   * Models getPodMapForDeployment: the Deployment's pods (selected by it and controlled by one of its
   * ReplicaSets) grouped by ReplicaSet uid; every ReplicaSet has an entry.
   */
  private getPodMapForDeployment(d: StoredDeployment, rsList: readonly StoredReplicaSet[]): Map<string, StoredPod[]> {
    const sel = fromLabelSelector(d.spec?.selector);
    const map = new Map<string, StoredPod[]>();
    for (const rs of rsList) {
      const uid = rs.metadata.uid!;
      const pods: StoredPod[] = [];
      for (const depKey of this.ctx.api.store.dependents(uid)) {
        const [kind, ns, ...rest] = depKey.split('/');
        if (kind !== 'Pod') continue;
        const pod = this.ctx.api.get<StoredPod>('Pod', ns, rest.join('/'));
        if (pod && controllerRef(pod)?.uid === uid && selects(sel, pod)) pods.push(pod);
      }
      map.set(uid, pods);
    }
    return map;
  }

  /** Models syncStatusOnly: a Deployment being deleted only reports status. */
  private syncStatusOnly(d: StoredDeployment, rsList: StoredReplicaSet[]): string | undefined {
    const all = this.getAllReplicaSetsAndSyncRevision(d, rsList, false);
    if (!all.ok) return all.error;
    return this.syncDeploymentStatus([...all.value.oldRSs, all.value.newRS], all.value.newRS, d);
  }

  /** Models sync: scaling without a rollout (replica change, or paused); a paused Deployment also trims history. */
  private syncScaling(d: StoredDeployment, rsList: StoredReplicaSet[]): string | undefined {
    const all = this.getAllReplicaSetsAndSyncRevision(d, rsList, false);
    if (!all.ok) return all.error;
    const { newRS, oldRSs } = all.value;
    const scaleErr = scale(this, d, newRS, oldRSs);
    if (scaleErr !== undefined) return scaleErr;
    if (d.spec!.paused) {
      const cleanupErr = cleanupDeployment(this, oldRSs, d);
      if (cleanupErr !== undefined) return cleanupErr;
    }
    return this.syncDeploymentStatus([...oldRSs, newRS], newRS, d);
  }

  /**
   * Models checkPausedConditions: pausing sets Progressing=Unknown/DeploymentPaused and resuming
   * DeploymentResumed, so time spent paused never counts against the progress deadline. A timed-out condition
   * is left alone.
   */
  private checkPausedConditions(d: StoredDeployment): string | undefined {
    if (!hasProgressDeadline(d)) return undefined;
    const cond = getDeploymentCondition(d.status, 'Progressing');
    if (cond?.reason === Reasons.TimedOut) return undefined;
    const pausedCondExists = cond?.reason === Reasons.PausedDeploy;
    const now = this.ctx.clock.nowMs;
    if (d.spec!.paused && !pausedCondExists) {
      setDeploymentCondition(d.status!, newDeploymentCondition('Progressing', 'Unknown', Reasons.PausedDeploy, 'Deployment is paused', now));
    } else if (!d.spec!.paused && pausedCondExists) {
      setDeploymentCondition(d.status!, newDeploymentCondition('Progressing', 'Unknown', Reasons.ResumedDeploy, 'Deployment is resumed', now));
    } else {
      return undefined;
    }
    return this.writeDeploymentStatus(d);
  }

  /** Models isScalingEvent: an active ReplicaSet's desired-replicas annotation differs from spec.replicas. */
  private isScalingEvent(d: StoredDeployment, rsList: StoredReplicaSet[]): Fallible<boolean> {
    const all = this.getAllReplicaSetsAndSyncRevision(d, rsList, false);
    if (!all.ok) return all;
    for (const rs of filterActiveReplicaSets([...all.value.oldRSs, all.value.newRS])) {
      const desired = getDesiredReplicasAnnotation(rs);
      if (desired !== undefined && desired !== deploymentReplicas(d)) return ok(true);
    }
    return ok(false);
  }

  /** Models getAllReplicaSetsAndSyncRevision. */
  getAllReplicaSetsAndSyncRevision(d: StoredDeployment, rsList: StoredReplicaSet[], createIfNotExisted: boolean): Fallible<ReplicaSetsOfDeployment> {
    const { allOldRSs } = findOldReplicaSets(d, rsList);
    const newRS = this.getNewReplicaSet(d, rsList, allOldRSs, createIfNotExisted);
    if (!newRS.ok) return newRS;
    return ok({ newRS: newRS.value, oldRSs: allOldRSs });
  }

  /**
   * Models getNewReplicaSet: the ReplicaSet for the current template with its revision raised to max(old)+1
   * (a reused old ReplicaSet records its previous number in revision-history), or, when asked, a new one named
   * `<deployment>-<hash>` sized by NewRSNewReplicas. A name taken by a different template is a hash collision:
   * collisionCount goes up and the next sync tries another name.
   */
  private getNewReplicaSet(d: StoredDeployment, rsList: StoredReplicaSet[], oldRSs: StoredReplicaSet[], createIfNotExisted: boolean): Fallible<StoredReplicaSet | undefined> {
    const { api } = this.ctx;
    const now = this.ctx.clock.nowMs;
    const existing = findNewReplicaSet(d, rsList);
    const newRevision = String(maxRevision(oldRSs) + 1);
    const minReadySeconds = d.spec!.minReadySeconds ?? 0;

    if (existing) {
      const rsCopy = deepCopy(existing);
      const annotationsUpdated = setNewReplicaSetAnnotations(d, rsCopy, newRevision, true);
      if (annotationsUpdated || (rsCopy.spec?.minReadySeconds ?? 0) !== minReadySeconds) {
        const r = api.mutate<StoredReplicaSet>('ReplicaSet', existing.metadata.namespace, existing.metadata.name, (draft) => {
          setNewReplicaSetAnnotations(d, draft, newRevision, true);
          if (minReadySeconds > 0) draft.spec!.minReadySeconds = minReadySeconds;
          else delete draft.spec!.minReadySeconds;
        });
        return r.ok ? ok(r.value) : err(r.status.message);
      }
      // The Deployment takes the revision its new ReplicaSet carries.
      let needsUpdate = setDeploymentRevision(d, rsCopy.metadata.annotations?.[REVISION_ANNOTATION] ?? '');
      if (hasProgressDeadline(d) && !getDeploymentCondition(d.status, 'Progressing')) {
        setDeploymentCondition(d.status!, newDeploymentCondition('Progressing', 'True', Reasons.FoundNewRS, `Found new replica set "${rsCopy.metadata.name}"`, now));
        needsUpdate = true;
      }
      if (needsUpdate) {
        const e = this.writeDeploymentStatus(d);
        if (e !== undefined) return err(e);
      }
      return ok(rsCopy);
    }
    if (!createIfNotExisted) return ok(undefined);

    const template: PodTemplateSpec = deepCopy(d.spec!.template);
    const hash = computeTemplateHash(template, d.status?.collisionCount);
    template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY]: hash } };
    const name = `${d.metadata.name}-${hash}`;
    const newRS: StoredReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name, namespace: d.metadata.namespace, ownerReferences: [newControllerRef(d)], labels: { ...template.metadata.labels } },
      spec: {
        replicas: 0,
        ...(minReadySeconds > 0 ? { minReadySeconds } : {}),
        selector: cloneSelectorAndAddLabel(d.spec!.selector, DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY, hash),
        template,
      },
    };
    const target = newRSNewReplicas(d, [...oldRSs, newRS], newRS);
    if (!target.ok) return target;
    newRS.spec!.replicas = target.value;
    setNewReplicaSetAnnotations(d, newRS, newRevision, false);

    let alreadyExists = false;
    let created: StoredReplicaSet;
    const r = api.create<StoredReplicaSet>(newRS);
    if (r.ok) {
      created = r.value;
    } else if (r.status.reason === 'AlreadyExists') {
      alreadyExists = true;
      const found = api.get<StoredReplicaSet>('ReplicaSet', d.metadata.namespace, name);
      if (!found) return err(r.status.message);
      // Ours with the same template: an earlier sync already created it.
      if (controllerRef(found)?.uid === d.metadata.uid && equalIgnoreHash(d.spec!.template, found.spec?.template)) {
        created = found;
      } else {
        d.status!.collisionCount = (d.status!.collisionCount ?? 0) + 1;
        this.writeDeploymentStatus(d);
        return err(r.status.message);
      }
    } else if (r.status.reason === 'Forbidden' && r.status.message.includes('because it is being terminated')) {
      return err(r.status.message);
    } else {
      const msg = `Failed to create new replica set "${name}": ${r.status.message}`;
      if (hasProgressDeadline(d)) {
        setDeploymentCondition(d.status!, newDeploymentCondition('Progressing', 'False', Reasons.FailedRSCreate, msg, now));
        this.writeDeploymentStatus(d);
      }
      this.ctx.events.record(SOURCE, d, 'Warning', Reasons.FailedRSCreate, msg);
      return err(r.status.message);
    }

    if (!alreadyExists && target.value > 0) {
      this.ctx.events.record(SOURCE, d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name} from 0 to ${target.value}`);
    }
    let needsUpdate = setDeploymentRevision(d, newRevision);
    if (!alreadyExists && hasProgressDeadline(d)) {
      setDeploymentCondition(d.status!, newDeploymentCondition('Progressing', 'True', Reasons.NewReplicaSet, `Created new replica set "${created.metadata.name}"`, now));
      needsUpdate = true;
    }
    if (needsUpdate) {
      const e = this.writeDeploymentStatus(d);
      if (e !== undefined) return err(e);
    }
    return ok(created);
  }

  /** Models syncDeploymentStatus: writes calculateStatus when it differs. */
  private syncDeploymentStatus(allRSs: (StoredReplicaSet | undefined)[], newRS: StoredReplicaSet | undefined, d: StoredDeployment): string | undefined {
    const next = calculateStatus(allRSs, newRS, d, this.ctx.clock.nowMs);
    if (deploymentStatusEqual(d.status, next)) return undefined;
    (d as { status?: unknown }).status = next;
    return this.writeDeploymentStatus(d);
  }

  /** Models syncRolloutStatus: writes the status with the Progressing condition, or schedules a deadline check. */
  syncRolloutStatus(allRSs: (StoredReplicaSet | undefined)[], newRS: StoredReplicaSet | undefined, d: StoredDeployment): string | undefined {
    const now = this.ctx.clock.nowMs;
    const next = computeRolloutStatus(allRSs, newRS, d, now);
    if (deploymentStatusEqual(d.status, next)) {
      const after = stuckDeploymentRequeueMs(d, next, now);
      if (after === 0) this.requeueRateLimited(keyOf(d));
      else if (after !== undefined) this.queue.add(keyOf(d), after);
      return undefined;
    }
    (d as { status?: unknown }).status = next;
    return this.writeDeploymentStatus(d);
  }

  /**
   * Models UpdateStatus on a Deployment, whose status strategy also persists metadata: the revision annotation
   * goes through the main resource, then the status through the status subresource.
   */
  private writeDeploymentStatus(d: StoredDeployment): string | undefined {
    const { api } = this.ctx;
    const ns = d.metadata.namespace;
    const name = d.metadata.name;
    const rev = d.metadata.annotations?.[REVISION_ANNOTATION];
    const cur = api.get<StoredDeployment>('Deployment', ns, name);
    if (!cur || cur.metadata.uid !== d.metadata.uid) return `deployments.apps "${name}" not found`;
    if (rev !== undefined && cur.metadata.annotations?.[REVISION_ANNOTATION] !== rev) {
      const r = api.mutate('Deployment', ns, name, (draft) => {
        draft.metadata.annotations = { ...(draft.metadata.annotations ?? {}), [REVISION_ANNOTATION]: rev };
      });
      if (!r.ok) return r.status.message;
    }
    const status = serializeDeploymentStatus(d.status ?? {});
    const r = api.mutate('Deployment', ns, name, (draft) => {
      draft.status = status;
    }, 'status');
    return r.ok ? undefined : r.status.message;
  }

  // ---- RolloutOps ----------------------------------------------------------------------------------------------

  /** Models scaleReplicaSet (see ScaleOps). */
  scaleReplicaSet(rs: StoredReplicaSet, newScale: number, d: StoredDeployment, op: ScalingOperation): Fallible<ScaleOutcome> {
    const desired = deploymentReplicas(d);
    const max = desired + maxSurge(d);
    const sizeNeedsUpdate = replicasOf(rs) !== newScale;
    if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, desired, max)) return ok({ scaled: false, rs });
    const oldScale = replicasOf(rs);
    const r = this.ctx.api.mutate<StoredReplicaSet>('ReplicaSet', rs.metadata.namespace, rs.metadata.name, (draft) => {
      draft.spec!.replicas = newScale;
      setReplicasAnnotations(draft, desired, max);
    });
    if (!r.ok) return err(r.status.message);
    if (sizeNeedsUpdate) {
      this.ctx.events.record(SOURCE, d, 'Normal', 'ScalingReplicaSet', `Scaled ${op} replica set ${rs.metadata.name} from ${oldScale} to ${newScale}`);
    }
    return ok({ scaled: sizeNeedsUpdate, rs: r.value });
  }

  /** Deletes an old ReplicaSet (history cleanup); its pods go with it through the garbage collector. */
  deleteReplicaSet(rs: StoredReplicaSet): string | undefined {
    const r = this.ctx.api.delete('ReplicaSet', rs.metadata.namespace, rs.metadata.name);
    if (r.ok || r.status.reason === 'NotFound') return undefined;
    return r.status.message;
  }
}
