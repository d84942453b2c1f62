/**
 * The contract between the simulated provisioner library and the provisioner programs it runs.
 * Models sig-storage-lib-external-provisioner controller (ProvisionOptions, ProvisioningState).
 */
import type { PersistentVolume } from 'kubernetes-types/core/v1';
import type { StoredClass, StoredPVC } from '../helpers/storage';

/** What a provisioner is asked to provision. */
export interface ProvisionRequest {
  claim: StoredPVC;
  storageClass: StoredClass;
  /** The volume's name: `pvc-<claim uid>`. */
  pvName: string;
}

/**
 * A provisioned volume (without claimRef, class and provisioned-by, which the library adds), or the error the
 * provisioner returned; `reschedule` asks the scheduler to pick another node (the library then drops the
 * claim's selected-node annotation).
 */
export type ProvisionResult = { ok: true; volume: PersistentVolume } | { ok: false; error: string; reschedule: boolean };
