/**
 * The StorageObjectInUseProtection admission plugin: new claims get `kubernetes.io/pvc-protection` and new
 * volumes `kubernetes.io/pv-protection`, so they exist with the finalizer the protection controllers act on.
 * Models plugin/pkg/admission/storage/storageobjectinuseprotection/admission.go.
 * It lives beside the protection controllers it serves; the apiserver runs it through `addAdmission`.
 */
import type { AdmissionPlugin, ApiServer } from '../../../apiserver/apiserver';
import { PVC_PROTECTION_FINALIZER, PV_PROTECTION_FINALIZER } from '../helpers/storage';

/** The admission function: adds the protection finalizer to PersistentVolumeClaims and PersistentVolumes on create. */
export const storageObjectInUseProtection: AdmissionPlugin = (op, obj) => {
  if (op !== 'CREATE') return undefined;
  const finalizer = obj.kind === 'PersistentVolumeClaim' ? PVC_PROTECTION_FINALIZER : obj.kind === 'PersistentVolume' ? PV_PROTECTION_FINALIZER : undefined;
  if (!finalizer) return undefined;
  const fins = obj.metadata.finalizers ?? [];
  if (!fins.includes(finalizer)) obj.metadata.finalizers = [...fins, finalizer];
  return undefined;
};

/** Adds StorageObjectInUseProtection to the apiserver's admission chain. Call once per apiserver. */
export function registerStorageObjectInUseProtection(api: ApiServer): void {
  api.addAdmission(storageObjectInUseProtection);
}
