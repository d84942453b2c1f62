/**
 * Persistent storage: the PersistentVolume binder, the PVC and PV protection controllers, the simulated
 * external provisioners, and the StorageObjectInUseProtection admission plugin.
 */
import type { ComponentContext } from '../../cluster/context';
import { startPersistentVolumeController, type PersistentVolumeController } from './binder/pv-controller';
import { startPVCProtectionController } from './protection/pvc-protection';
import { startPVProtectionController } from './protection/pv-protection';
import { startExternalProvisioners, type ExternalProvisioners } from './provisioner/external-provisioner';

/** The running storage controllers. */
export interface VolumeControllers {
  binder: PersistentVolumeController;
  provisioners: ExternalProvisioners;
}

/** Starts every storage controller of kube-controller-manager plus the simulated external provisioners. */
export function startVolumeControllers(ctx: ComponentContext): VolumeControllers {
  const binder = startPersistentVolumeController(ctx);
  startPVCProtectionController(ctx);
  startPVProtectionController(ctx);
  const provisioners = startExternalProvisioners(ctx);
  return { binder, provisioners };
}

export { startPersistentVolumeController, PV_CONTROLLER, PV_RESYNC_PERIOD_MS, checkVolumeSatisfyClaim } from './binder/pv-controller';
export type { PersistentVolumeController } from './binder/pv-controller';
export { startPVCProtectionController } from './protection/pvc-protection';
export { startPVProtectionController } from './protection/pv-protection';
export { registerStorageObjectInUseProtection, storageObjectInUseProtection } from './protection/storage-object-in-use-admission';
export { startExternalProvisioners } from './provisioner/external-provisioner';
export type { ExternalProvisioners } from './provisioner/external-provisioner';
export { provisionerOf } from './provisioner/catalog';
export type { ProvisionerInstance, ProvisionerKind } from './provisioner/catalog';
export * from './helpers/storage';
export * from './helpers/pod-claims';
