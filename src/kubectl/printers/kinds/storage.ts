/**
 * Tables of PersistentVolumes, PersistentVolumeClaims and StorageClasses.
 * Models pkg/printers/internalversion/printers.go printPersistentVolume, printPersistentVolumeClaim,
 * printStorageClass.
 */
import type { PersistentVolume, PersistentVolumeClaim, StorageClass, Stored } from '../../../engine';
import { accessModesString, quantityString, translateTimestampSince } from '../format';
import { AGE_COLUMN, NAME_COLUMN, as, col, wideCol, type KindHandler } from './handler';

const BETA_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';
const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
const BETA_DEFAULT_CLASS_ANNOTATION = 'storageclass.beta.kubernetes.io/is-default-class';

// kubernetes-types 1.30 predates volumeAttributesClassName on some specs; read it loosely.
interface VolumeAttributesClassField {
  volumeAttributesClassName?: string | null;
}

/** `kubectl get pv`. */
export const persistentVolumeHandler: KindHandler = {
  kinds: ['PersistentVolume'],
  columns: [
    NAME_COLUMN, col('CAPACITY'), col('ACCESS MODES'), col('RECLAIM POLICY'), col('STATUS'), col('CLAIM'),
    col('STORAGECLASS'), col('VOLUMEATTRIBUTESCLASS'), col('REASON'), AGE_COLUMN, wideCol('VOLUMEMODE'),
  ],
  row(obj, { nowMs }) {
    const pv = as<Stored<PersistentVolume>>(obj);
    const spec = pv.spec ?? {};
    const claimRef = spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : '';
    const phase = pv.metadata.deletionTimestamp ? 'Terminating' : pv.status?.phase ?? '';
    // Models pkg/apis/core/helper GetPersistentVolumeClass: the beta annotation wins over the field.
    const annotations = pv.metadata.annotations ?? {};
    const storageClass = BETA_STORAGE_CLASS_ANNOTATION in annotations
      ? annotations[BETA_STORAGE_CLASS_ANNOTATION]!
      : spec.storageClassName ?? '';
    const vac = (spec as VolumeAttributesClassField).volumeAttributesClassName;
    return [
      pv.metadata.name, quantityString(spec.capacity?.['storage']), accessModesString(spec.accessModes),
      spec.persistentVolumeReclaimPolicy ?? '', phase, claimRef, storageClass,
      vac === undefined || vac === null ? '<unset>' : vac, pv.status?.reason ?? '',
      translateTimestampSince(pv.metadata.creationTimestamp, nowMs), spec.volumeMode ?? '<unset>',
    ];
  },
};

/** `kubectl get pvc`: CAPACITY and ACCESS MODES come from status and show only once the claim names a volume. */
export const persistentVolumeClaimHandler: KindHandler = {
  kinds: ['PersistentVolumeClaim'],
  columns: [
    NAME_COLUMN, col('STATUS'), col('VOLUME'), col('CAPACITY'), col('ACCESS MODES'), col('STORAGECLASS'),
    col('VOLUMEATTRIBUTESCLASS'), AGE_COLUMN, wideCol('VOLUMEMODE'),
  ],
  row(obj, { nowMs }) {
    const pvc = as<Stored<PersistentVolumeClaim>>(obj);
    const spec = pvc.spec ?? {};
    const phase = pvc.metadata.deletionTimestamp ? 'Terminating' : pvc.status?.phase ?? '';
    let capacity = '';
    let accessModes = '';
    if (spec.volumeName) {
      accessModes = accessModesString(pvc.status?.accessModes);
      capacity = quantityString(pvc.status?.capacity?.['storage']);
    }
    // Models pkg/apis/core/helper GetPersistentVolumeClaimClass: the beta annotation wins over the field.
    const annotations = pvc.metadata.annotations ?? {};
    const storageClass = BETA_STORAGE_CLASS_ANNOTATION in annotations
      ? annotations[BETA_STORAGE_CLASS_ANNOTATION]!
      : spec.storageClassName ?? '';
    const vac = (spec as VolumeAttributesClassField).volumeAttributesClassName;
    return [
      pvc.metadata.name, phase, spec.volumeName ?? '', capacity, accessModes, storageClass,
      vac === undefined || vac === null ? '<unset>' : vac, translateTimestampSince(pvc.metadata.creationTimestamp, nowMs),
      spec.volumeMode ?? '<unset>',
    ];
  },
};

/** True when a StorageClass carries the default-class annotation (GA or beta) set to "true". */
// Models pkg/apis/storage/util IsDefaultAnnotation.
export function isDefaultStorageClass(sc: Stored<StorageClass>): boolean {
  const a = sc.metadata.annotations ?? {};
  return a[DEFAULT_CLASS_ANNOTATION] === 'true' || a[BETA_DEFAULT_CLASS_ANNOTATION] === 'true';
}

/**
 * `kubectl get storageclasses`: the default class's name gets ` (default)`.
 * Divergence: every annotated class is marked; the newer apiserver convertor that marks only the newest of
 * several annotated classes is not modelled.
 */
export const storageClassHandler: KindHandler = {
  kinds: ['StorageClass'],
  columns: [
    NAME_COLUMN, col('PROVISIONER'), col('RECLAIMPOLICY'), col('VOLUMEBINDINGMODE'), col('ALLOWVOLUMEEXPANSION'), AGE_COLUMN,
  ],
  row(obj, { nowMs }) {
    const sc = as<Stored<StorageClass>>(obj);
    return [
      isDefaultStorageClass(sc) ? `${sc.metadata.name} (default)` : sc.metadata.name,
      sc.provisioner ?? '', sc.reclaimPolicy ?? 'Delete', sc.volumeBindingMode ?? 'Immediate',
      String(sc.allowVolumeExpansion === true), translateTimestampSince(sc.metadata.creationTimestamp, nowMs),
    ];
  },
};
