/**
 * The PersistentVolume controller ("binder"): binds claims to volumes (pre-bound ones, else the smallest fit),
 * asks provisioners for new volumes, keeps both sides' phases current (Available, Bound, Released, Failed;
 * Pending, Bound, Lost) and carries out reclaim policies (Retain, Delete, Recycle). Every claim and volume is
 * resynced every 15 seconds, as `--pvclaimbinder-sync-period` does, which repeats the events of claims that
 * keep waiting.
 * Models pkg/controller/volume/persistentvolume/pv_controller.go (syncClaim, syncUnboundClaim, syncBoundClaim,
 * syncVolume, bind, unbindVolume, reclaimVolume, provisionClaim) and pv_controller_base.go (event handlers,
 * resync).
 * Divergence: no assume cache (reads go to the apiserver, which is never stale here) and no asynchronous
 * operation goroutines (deletion and external-provisioning requests run inside the sync).
 */
import type { PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../api/types';
import { toTimestamp } from '../../../api/meta';
import type { ComponentContext } from '../../../cluster/context';
import type { EventType } from '../../../apiserver/events';
import { WorkQueue, splitKey } from '../../runtime';
import { defaultStorageClass } from '../../../apiserver/admission/default-storage-class';
import {
  ANN_BETA_STORAGE_PROVISIONER, ANN_BIND_COMPLETED, ANN_BOUND_BY_CONTROLLER, ANN_DYNAMICALLY_PROVISIONED,
  ANN_STORAGE_PROVISIONER, bindVolumeToClaim, checkAccessModes, claimClass, claimHasClass, claimKey,
  claimRefKey, findBestMatchForClaim, isDelayBindingMode, isDelayBindingProvisioning, isVolumeBoundToClaim,
  requestedStorage, volumeCapacity, volumeClass, volumeModeMismatch, type StoredClass, type StoredPV,
  type StoredPVC,
} from '../helpers/storage';
import { isPodTerminated, podUsesClaim } from '../helpers/pod-claims';
import { qtyCmp } from '../../../apiserver/strategies/common/quantity';
import { canRecycle, deleteVolumeStorage, lookupProvisioner } from './in-tree-plugins';

/** The controller's name, as its events report it. */
export const PV_CONTROLLER = 'persistentvolume-controller';

/** How often every claim and volume is synced again (kube-controller-manager's default, 15s). */
export const PV_RESYNC_PERIOD_MS = 15_000;

/** How long the in-tree recycler pod takes to scrub a volume. */
const RECYCLE_MS: [number, number] = [3_000, 6_000];

const SOURCE = { component: PV_CONTROLLER };

type StoredPod = Pod & KubeObject;

/** A started binder (tests use `syncClaim` / `syncVolume` to drive it step by step). */
export interface PersistentVolumeController {
  /** Syncs the claim `namespace/name` now. */
  syncClaim(key: string): void;
  /** Syncs the volume `name` now. */
  syncVolume(name: string): void;
}

/** Starts the PersistentVolume controller: watches claims and volumes, and resyncs both periodically. */
export function startPersistentVolumeController(ctx: ComponentContext): PersistentVolumeController {
  const ctrl = new PVController(ctx);
  ctrl.start();
  return ctrl;
}

class PVController implements PersistentVolumeController {
  private readonly claims: WorkQueue;
  private readonly volumes: WorkQueue;
  private readonly rng;
  /** Volumes whose recycler is running (upstream's runningOperations for recycle). */
  private readonly recycling = new Set<string>();

  constructor(private readonly ctx: ComponentContext) {
    // Volumes react a little faster than claims: a PV and a PVC created together (one `kubectl apply`, where
    // real requests are milliseconds apart) find the volume Available when the claim is first synced.
    this.claims = new WorkQueue(ctx.clock, ctx.rng, 'persistentvolume-claims', (key) => this.syncClaim(key), { minMs: 5, maxMs: 12 });
    this.volumes = new WorkQueue(ctx.clock, ctx.rng, 'persistentvolume-volumes', (key) => this.syncVolume(key), { minMs: 1, maxMs: 4 });
    this.rng = ctx.rng.fork('persistentvolume-controller');
  }

  // Models pv_controller_base.go addClaim/updateClaim/deleteClaim, addVolume/updateVolume/deleteVolume, resync.
  start(): void {
    const { api } = this.ctx;
    api.watch('PersistentVolumeClaim', (ev) => {
      const claim = ev.object as StoredPVC;
      if (ev.type === 'DELETED') {
        // The volume it was bound to is released now.
        if (claim.spec?.volumeName) this.volumes.add(claim.spec.volumeName);
        return;
      }
      this.claims.add(claimKey(claim));
    });
    api.watch('PersistentVolume', (ev) => {
      const volume = ev.object as StoredPV;
      if (ev.type === 'DELETED') {
        // Its claim is lost (or, if it was still pending on it, has to look elsewhere).
        if (volume.spec?.claimRef) this.claims.add(claimRefKey(volume.spec.claimRef));
        return;
      }
      this.volumes.add(volume.metadata.name);
    });
    const resync = () => {
      for (const c of api.list('PersistentVolumeClaim')) this.claims.add(claimKey(c));
      for (const v of api.list('PersistentVolume')) this.volumes.add(v.metadata.name);
      this.ctx.clock.schedule(PV_RESYNC_PERIOD_MS, 'persistentvolume-controller resync', resync);
    };
    this.ctx.clock.schedule(PV_RESYNC_PERIOD_MS, 'persistentvolume-controller resync', resync);
  }

  // ---- claims -------------------------------------------------------------------------------------------

  /** Models syncClaim: claims whose binding completed once take the bound path. */
  syncClaim(key: string): void {
    const [ns, name] = splitKey(key);
    const claim = this.ctx.api.get<StoredPVC>('PersistentVolumeClaim', ns, name);
    if (!claim) return;
    if (claim.metadata.annotations?.[ANN_BIND_COMPLETED] === undefined) this.syncUnboundClaim(claim);
    else this.syncBoundClaim(claim);
  }

  // Models pv_controller.go syncUnboundClaim.
  private syncUnboundClaim(claim: StoredPVC): void {
    const volumeName = claim.spec?.volumeName;
    if (!volumeName) {
      // The user did not ask for a particular volume.
      const delayBinding = isDelayBindingMode(claim, (n) => this.getClass(n));
      const volume = findBestMatchForClaim(claim, this.ctx.api.list<StoredPV>('PersistentVolume'), delayBinding);
      if (volume) {
        this.bind(volume as StoredPV, claim);
        return;
      }
      // Nothing fits. A claim without a class may get the default class now (retroactive assignment).
      if (this.assignDefaultStorageClass(claim)) return;
      if (delayBinding && !isDelayBindingProvisioning(claim)) {
        // The scheduler has not picked a node yet.
        this.emitEventForUnboundDelayBindingClaim(claim);
      } else if (claimClass(claim) !== '') {
        this.provisionClaim(claim);
        return;
      } else {
        this.event(claim, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set');
      }
      this.updateClaimStatus(claim, 'Pending', undefined);
      return;
    }
    // The user asked for a particular volume.
    const volume = this.ctx.api.get<StoredPV>('PersistentVolume', undefined, volumeName);
    if (!volume) {
      this.updateClaimStatus(claim, 'Pending', undefined);
      return;
    }
    if (!volume.spec?.claimRef) {
      const problem = checkVolumeSatisfyClaim(volume, claim);
      if (problem) {
        this.event(claim, 'Warning', 'VolumeMismatch', `Cannot bind to requested volume "${volume.metadata.name}": ${problem}`);
        this.updateClaimStatus(claim, 'Pending', undefined);
        return;
      }
      this.bind(volume, claim);
      return;
    }
    if (isVolumeBoundToClaim(volume, claim)) {
      // Pre-bound both ways: finish the binding (the volume gets the claim's uid).
      this.bind(volume, claim);
      return;
    }
    // The volume belongs to another claim.
    this.event(claim, 'Warning', 'FailedBinding', `volume "${volume.metadata.name}" already bound to a different claim.`);
    if (claim.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER] === undefined) this.updateClaimStatus(claim, 'Pending', undefined);
  }

  // Models pv_controller.go syncBoundClaim.
  private syncBoundClaim(claim: StoredPVC): void {
    const volumeName = claim.spec?.volumeName;
    if (!volumeName) {
      this.updateClaimStatusWithEvent(claim, 'Lost', undefined, 'Warning', 'ClaimLost', 'Bound claim has lost reference to PersistentVolume. Data on the volume is lost!');
      return;
    }
    const volume = this.ctx.api.get<StoredPV>('PersistentVolume', undefined, volumeName);
    if (!volume) {
      this.updateClaimStatusWithEvent(claim, 'Lost', undefined, 'Warning', 'ClaimLost', 'Bound claim has lost its PersistentVolume. Data on the volume is lost!');
      return;
    }
    const ref = volume.spec?.claimRef;
    if (!ref || ref.uid === claim.metadata.uid) {
      // Unbound volume (or a normal binding): (re)bind; a no-op when everything is in place.
      this.bind(volume, claim);
      return;
    }
    this.updateClaimStatusWithEvent(claim, 'Lost', undefined, 'Warning', 'ClaimMisbound', 'Two claims are bound to the same volume, this one is bound incorrectly');
  }

  // Models pv_controller.go emitEventForUnboundDelayBindingClaim.
  private emitEventForUnboundDelayBindingClaim(claim: StoredPVC): void {
    const pods = this.ctx.api
      .list<StoredPod>('Pod', claim.metadata.namespace)
      .filter((p) => podUsesClaim(p, claim.metadata.name) && !isPodTerminated(p) && !p.spec?.nodeName)
      .map((p) => p.metadata.name);
    if (pods.length === 0) this.event(claim, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding');
    else if (pods.length === 1) this.event(claim, 'Normal', 'WaitForPodScheduled', `waiting for pod ${pods[0]} to be scheduled`);
    else this.event(claim, 'Normal', 'WaitForPodScheduled', `waiting for pods ${pods.join(',')} to be scheduled`);
  }

  // Models pv_controller.go assignDefaultStorageClass.
  private assignDefaultStorageClass(claim: StoredPVC): boolean {
    if (claimHasClass(claim)) return false;
    const sc = defaultStorageClass(this.ctx.api.strategyContext);
    if (!sc) return false;
    const r = this.ctx.api.mutate<StoredPVC>('PersistentVolumeClaim', claim.metadata.namespace, claim.metadata.name, (c) => {
      c.spec = { ...(c.spec ?? {}), storageClassName: sc.metadata.name };
    });
    return r.ok;
  }

  /**
   * Starts provisioning for a claim with a class: external provisioners are told through the claim's
   * storage-provisioner annotations and an ExternalProvisioning event; in-tree plugins fail as upstream's do.
   */
  // Models pv_controller.go provisionClaim, findProvisionablePlugin, provisionClaimOperationExternal, setClaimProvisioner.
  private provisionClaim(claim: StoredPVC): void {
    const className = claimClass(claim);
    const sc = this.getClass(className);
    if (!sc) {
      this.event(claim, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${className}" not found`);
      return;
    }
    const found = lookupProvisioner(sc.provisioner);
    if (found.kind === 'failed') {
      this.event(claim, 'Warning', 'ProvisioningFailed', found.message);
      return;
    }
    let current: StoredPVC = claim;
    if (claim.metadata.annotations?.[ANN_STORAGE_PROVISIONER] !== found.name) {
      const r = this.ctx.api.mutate<StoredPVC>('PersistentVolumeClaim', claim.metadata.namespace, claim.metadata.name, (c) => {
        c.metadata.annotations = { ...(c.metadata.annotations ?? {}), [ANN_BETA_STORAGE_PROVISIONER]: found.name, [ANN_STORAGE_PROVISIONER]: found.name };
      });
      if (!r.ok) {
        this.event(claim, 'Warning', 'ProvisioningFailed', `Error saving claim: ${r.status.message}`);
        return;
      }
      current = r.value;
    }
    this.event(
      current,
      'Normal',
      'ExternalProvisioning',
      `Waiting for a volume to be created either by the external provisioner '${found.name}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
    );
  }

  // ---- volumes ------------------------------------------------------------------------------------------

  // Models pv_controller.go syncVolume.
  syncVolume(name: string): void {
    const { api } = this.ctx;
    const volume = api.get<StoredPV>('PersistentVolume', undefined, name);
    if (!volume) return;
    const ref = volume.spec?.claimRef;
    if (!ref || !ref.uid) {
      // Unused, or reserved for a claim that has not bound yet (the claim's sync will bind it).
      this.updateVolumePhase(volume, 'Available', '');
      return;
    }
    let claim = api.get<StoredPVC>('PersistentVolumeClaim', ref.namespace, ref.name ?? '');
    // A claim with the same name but another uid is a new claim: the old one is gone.
    if (claim && claim.metadata.uid !== ref.uid) claim = undefined;
    if (!claim) {
      let current = volume;
      if (volume.status?.phase !== 'Released' && volume.status?.phase !== 'Failed') {
        const r = this.updateVolumePhase(volume, 'Released', '');
        if (!r) return;
        current = r;
      }
      this.reclaimVolume(current);
      return;
    }
    if (!claim.spec?.volumeName) {
      if (volumeModeMismatch(claim, volume)) {
        this.event(volume, 'Warning', 'VolumeMismatch', `Cannot bind PersistentVolume to requested PersistentVolumeClaim "${claim.metadata.name}" due to incompatible volumeMode.`);
        this.event(claim, 'Warning', 'VolumeMismatch', `Cannot bind PersistentVolume "${volume.metadata.name}" to requested PersistentVolumeClaim due to incompatible volumeMode.`);
        return;
      }
      // Bound on the volume side only (a provisioned volume, or the claim's half is pending): the claim's sync
      // finishes the binding.
      this.claims.add(claimKey(claim));
      return;
    }
    if (claim.spec.volumeName === volume.metadata.name) {
      this.updateVolumePhase(volume, 'Bound', '');
      return;
    }
    // The claim is bound to another volume.
    if (volume.metadata.annotations?.[ANN_DYNAMICALLY_PROVISIONED] !== undefined && volume.spec?.persistentVolumeReclaimPolicy === 'Delete') {
      // Provisioned for this claim but not needed any more.
      let current = volume;
      if (volume.status?.phase !== 'Released' && volume.status?.phase !== 'Failed') {
        const r = this.updateVolumePhase(volume, 'Released', '');
        if (!r) return;
        current = r;
      }
      this.reclaimVolume(current);
      return;
    }
    this.unbindVolume(volume);
  }

  // Models pv_controller.go reclaimVolume.
  private reclaimVolume(volume: StoredPV): void {
    switch (volume.spec?.persistentVolumeReclaimPolicy) {
      case 'Retain':
        return;
      case 'Recycle':
        this.recycleVolume(volume);
        return;
      case 'Delete':
        this.deleteVolume(volume);
        return;
      default:
        this.updateVolumePhaseWithEvent(volume, 'Failed', 'Warning', 'VolumeUnknownReclaimPolicy', 'Volume has unrecognized PersistentVolumeReclaimPolicy');
    }
  }

  /**
   * Deletes a released volume's storage with the in-tree plugins; external provisioners delete their own.
   * Models pv_controller.go deleteVolumeOperation.
   */
  private deleteVolume(volume: StoredPV): void {
    if (!this.isVolumeReleased(volume)) return;
    const outcome = deleteVolumeStorage(volume);
    if (outcome.kind === 'external') return;
    if (outcome.kind === 'failed') {
      // The controller keeps retrying on every sync; the event is sent once, with the phase change.
      this.updateVolumePhaseWithEvent(volume, 'Failed', 'Warning', 'VolumeFailedDelete', outcome.message);
      return;
    }
    this.ctx.api.delete('PersistentVolume', undefined, volume.metadata.name);
  }

  /**
   * Scrubs a released volume and makes it Available again.
   * Divergence: no recycler pod runs; the scrub takes a few seconds of virtual time.
   */
  // Models pv_controller.go recycleVolumeOperation.
  private recycleVolume(volume: StoredPV): void {
    const name = volume.metadata.name;
    if (this.recycling.has(name) || !this.isVolumeReleased(volume)) return;
    if (!canRecycle(volume)) {
      this.updateVolumePhaseWithEvent(volume, 'Failed', 'Warning', 'VolumeFailedRecycle', 'No recycler plugin found for the volume!');
      return;
    }
    this.recycling.add(name);
    const delay = Math.round(this.rng.range(RECYCLE_MS[0], RECYCLE_MS[1]));
    this.ctx.clock.schedule(delay, `persistentvolume-controller recycle ${name}`, () => {
      this.recycling.delete(name);
      const current = this.ctx.api.get<StoredPV>('PersistentVolume', undefined, name);
      if (!current || current.metadata.uid !== volume.metadata.uid || !this.isVolumeReleased(current)) return;
      if (this.isVolumeUsed(current)) {
        this.event(current, 'Normal', 'VolumeFailedRecycle', `Volume is used by pods: ${this.podsUsing(current).join(',')}`);
        return;
      }
      this.event(current, 'Normal', 'VolumeRecycled', 'Volume recycled');
      this.unbindVolume(current);
    });
  }

  // Models pv_controller.go isVolumeReleased.
  private isVolumeReleased(volume: StoredPV): boolean {
    const ref = volume.spec?.claimRef;
    if (!ref || !ref.uid) return false;
    const claim = this.ctx.api.get<StoredPVC>('PersistentVolumeClaim', ref.namespace, ref.name ?? '');
    if (claim && claim.metadata.uid === ref.uid) {
      return !!claim.spec?.volumeName && claim.spec.volumeName !== volume.metadata.name;
    }
    return true;
  }

  private podsUsing(volume: StoredPV): string[] {
    const ref = volume.spec?.claimRef;
    if (!ref) return [];
    return this.ctx.api
      .list<StoredPod>('Pod', ref.namespace)
      .filter((p) => podUsesClaim(p, ref.name ?? '') && !isPodTerminated(p))
      .map((p) => `${p.metadata.namespace}/${p.metadata.name}`)
      .sort();
  }

  // Models pv_controller.go isVolumeUsed.
  private isVolumeUsed(volume: StoredPV): boolean {
    return this.podsUsing(volume).length > 0;
  }

  // ---- binding ------------------------------------------------------------------------------------------

  /**
   * Binds volume and claim: the volume's claimRef, the volume's phase, the claim's volumeName and annotations,
   * then the claim's status (phase, the volume's access modes and capacity). Stops at the first failed write;
   * a later sync finishes the job.
   */
  // Models pv_controller.go bind, bindVolumeToClaim, bindClaimToVolume.
  private bind(volume: StoredPV, claim: StoredPVC): void {
    const { api } = this.ctx;
    let v = volume;
    const bound = bindVolumeToClaim(v, claim);
    if (bound.dirty) {
      const r = api.update<StoredPV>(bound.volume as KubeObject);
      if (!r.ok) return;
      v = r.value;
    }
    const withPhase = this.updateVolumePhase(v, 'Bound', '');
    if (!withPhase) return;
    v = withPhase;

    let c = claim;
    const shouldBind = c.spec?.volumeName !== v.metadata.name;
    const annotations = { ...(c.metadata.annotations ?? {}) };
    let dirty = false;
    if (shouldBind && annotations[ANN_BOUND_BY_CONTROLLER] === undefined) {
      annotations[ANN_BOUND_BY_CONTROLLER] = 'yes';
      dirty = true;
    }
    if (annotations[ANN_BIND_COMPLETED] === undefined) {
      annotations[ANN_BIND_COMPLETED] = 'yes';
      dirty = true;
    }
    if (shouldBind || dirty) {
      const next: StoredPVC = { ...c, metadata: { ...c.metadata, annotations }, spec: { ...(c.spec ?? {}), volumeName: v.metadata.name } };
      const r = api.update<StoredPVC>(next as KubeObject);
      if (!r.ok) return;
      c = r.value;
    }
    this.updateClaimStatus(c, 'Bound', v);
  }

  // Models pv_controller.go unbindVolume.
  private unbindVolume(volume: StoredPV): void {
    const next: StoredPV = { ...volume, metadata: { ...volume.metadata }, spec: { ...(volume.spec ?? {}) } };
    if (volume.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER] !== undefined) {
      // The controller made this binding: undo it entirely.
      delete next.spec!.claimRef;
      const annotations = { ...(volume.metadata.annotations ?? {}) };
      delete annotations[ANN_BOUND_BY_CONTROLLER];
      if (Object.keys(annotations).length > 0) next.metadata.annotations = annotations;
      else delete next.metadata.annotations;
    } else {
      // A user pre-bound it: keep the reservation, forget the claim's uid.
      next.spec!.claimRef = { ...volume.spec!.claimRef!, uid: '' };
    }
    const r = this.ctx.api.update<StoredPV>(next as KubeObject);
    if (!r.ok) return;
    this.updateVolumePhase(r.value, 'Available', '');
  }

  // ---- status writes ------------------------------------------------------------------------------------

  /**
   * Sets a claim's phase; a bound claim reports its volume's access modes, and (when it becomes Bound) the
   * volume's capacity, not the size it asked for.
   */
  // Models pv_controller.go updateClaimStatus.
  private updateClaimStatus(claim: StoredPVC, phase: string, volume: StoredPV | undefined): StoredPVC | undefined {
    const status = { ...(claim.status ?? {}) } as NonNullable<PersistentVolumeClaim['status']>;
    let dirty = false;
    if (status.phase !== phase) {
      status.phase = phase;
      dirty = true;
    }
    if (!volume) {
      if (status.accessModes !== undefined) {
        delete status.accessModes;
        dirty = true;
      }
      if (status.capacity !== undefined) {
        delete status.capacity;
        dirty = true;
      }
    } else {
      const modes = volume.spec?.accessModes ?? [];
      if (JSON.stringify(status.accessModes ?? null) !== JSON.stringify(modes)) {
        status.accessModes = [...modes];
        dirty = true;
      }
      // Capacity is copied when the claim becomes Bound, not afterwards (a resized filesystem may differ).
      if (claim.status?.phase !== phase) {
        const cap = volume.spec?.capacity?.['storage'];
        if (cap !== undefined && claim.status?.capacity?.['storage'] !== cap) {
          status.capacity = { ...(volume.spec?.capacity ?? {}) };
          dirty = true;
        }
      }
    }
    if (!dirty) return claim;
    const r = this.ctx.api.updateStatus<StoredPVC>({ ...claim, status } as KubeObject);
    return r.ok ? r.value : undefined;
  }

  // Models pv_controller.go updateClaimStatusWithEvent: the event goes out only with an actual phase change.
  private updateClaimStatusWithEvent(claim: StoredPVC, phase: string, volume: StoredPV | undefined, type: EventType, reason: string, message: string): void {
    if (claim.status?.phase === phase) return;
    const updated = this.updateClaimStatus(claim, phase, volume);
    if (updated) this.event(updated, type, reason, message);
  }

  /**
   * Sets a volume's phase and message. Divergence: lastPhaseTransitionTime is stamped here; upstream's
   * PersistentVolume status strategy stamps it on every phase change.
   */
  // Models pv_controller.go updateVolumePhase.
  private updateVolumePhase(volume: StoredPV, phase: string, message: string): StoredPV | undefined {
    if (volume.status?.phase === phase) return volume;
    const status: NonNullable<PersistentVolume['status']> = { ...(volume.status ?? {}), phase, lastPhaseTransitionTime: toTimestamp(this.ctx.clock.nowMs) };
    if (message) status.message = message;
    else delete status.message;
    const r = this.ctx.api.updateStatus<StoredPV>({ ...volume, status } as KubeObject);
    return r.ok ? r.value : undefined;
  }

  // Models pv_controller.go updateVolumePhaseWithEvent.
  private updateVolumePhaseWithEvent(volume: StoredPV, phase: string, type: EventType, reason: string, message: string): void {
    if (volume.status?.phase === phase) return;
    const updated = this.updateVolumePhase(volume, phase, message);
    if (updated) this.event(updated, type, reason, message);
  }

  private getClass(name: string): StoredClass | undefined {
    return name ? this.ctx.api.get<StoredClass>('StorageClass', undefined, name) : undefined;
  }

  private event(obj: KubeObject | StoredPV | StoredPVC, type: EventType, reason: string, message: string): void {
    this.ctx.events.record(SOURCE, obj as KubeObject, type, reason, message);
  }
}

/**
 * Why a volume the claim names in spec.volumeName cannot serve it, or undefined when it can.
 * Models pv_controller.go checkVolumeSatisfyClaim.
 */
export function checkVolumeSatisfyClaim(volume: PersistentVolume, claim: PersistentVolumeClaim): string | undefined {
  if (volume.metadata?.deletionTimestamp) return `the volume is marked for deletion "${volume.metadata.name}"`;
  if (qtyCmp(volumeCapacity(volume), requestedStorage(claim)) < 0) return 'requested PV is too small';
  if (volumeClass(volume) !== claimClass(claim)) return 'storageClassName does not match';
  if (volumeModeMismatch(claim, volume)) return 'incompatible volumeMode';
  if (!checkAccessModes(claim, volume)) return 'incompatible accessMode';
  return undefined;
}
