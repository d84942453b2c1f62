/**
 * Fields shared by the PersistentVolumeClaim describer and ephemeral volume claim templates, plus the storage
 * helpers for class names and access modes.
 */
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import type { PersistentVolumeClaimSpec, PersistentVolumeClaimStatus } from 'kubernetes-types/core/v1';
import { goSlice, since } from './format';
import { printAnnotationsMultiline, printLabelsMultiline } from './common';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefix-writer';
import { canonicalQuantity } from './quantity';

const BETA_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/** The parts of a claim the fields below read. */
export interface ClaimLike {
  metadata?: ObjectMeta;
  spec?: PersistentVolumeClaimSpec;
  status?: PersistentVolumeClaimStatus;
}

/**
 * The claim's storage class: the beta annotation first, then spec.storageClassName.
 * Models staging/src/k8s.io/kubectl/pkg/util/storage/storage.go GetPersistentVolumeClaimClass.
 */
export function claimClass(pvc: ClaimLike): string {
  const ann = pvc.metadata?.annotations ?? {};
  if (BETA_STORAGE_CLASS_ANNOTATION in ann) return ann[BETA_STORAGE_CLASS_ANNOTATION]!;
  return pvc.spec?.storageClassName ?? '';
}

/**
 * Access modes in the fixed order RWO,ROX,RWX,RWOP.
 * Models staging/src/k8s.io/kubectl/pkg/util/storage/storage.go GetAccessModesAsString.
 */
export function accessModesString(modes: readonly string[] | undefined): string {
  const has = new Set(modes ?? []);
  const out: string[] = [];
  if (has.has('ReadWriteOnce')) out.push('RWO');
  if (has.has('ReadOnlyMany')) out.push('ROX');
  if (has.has('ReadWriteMany')) out.push('RWX');
  if (has.has('ReadWriteOncePod')) out.push('RWOP');
  return out.join(',');
}

/**
 * Name/Namespace/StorageClass/Status/Volume/Labels/Annotations/Finalizers/Capacity/Access Modes of a claim;
 * `isFull` is false for claim templates, which have no name, status or finalizers to show.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go printPersistentVolumeClaim.
 */
export function printPersistentVolumeClaim(w: PrefixWriter, pvc: ClaimLike, isFull: boolean, nowMs = 0): void {
  const meta = pvc.metadata ?? {};
  if (isFull) {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
  }
  w.write(LEVEL_0, `StorageClass:\t${claimClass(pvc)}\n`);
  if (isFull) {
    if (meta.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(meta.deletionTimestamp, nowMs)})\n`);
    else w.write(LEVEL_0, `Status:\t${pvc.status?.phase ?? ''}\n`);
  }
  const volumeName = pvc.spec?.volumeName ?? '';
  w.write(LEVEL_0, `Volume:\t${volumeName}\n`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
  if (isFull) w.write(LEVEL_0, `Finalizers:\t${goSlice(meta.finalizers)}\n`);
  let capacity = '';
  let accessModes = '';
  // Capacity and access modes are those of the bound volume, so they stay empty until binding.
  if (volumeName !== '') {
    accessModes = accessModesString(pvc.status?.accessModes);
    capacity = canonicalQuantity(pvc.status?.capacity?.['storage']);
  }
  w.write(LEVEL_0, `Capacity:\t${capacity}\n`);
  w.write(LEVEL_0, `Access Modes:\t${accessModes}\n`);
  if (pvc.spec?.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${pvc.spec.volumeMode}\n`);
  const ds = pvc.spec?.dataSource;
  if (ds) {
    w.write(LEVEL_0, 'DataSource:\n');
    if (ds.apiGroup !== undefined) w.write(LEVEL_1, `APIGroup:\t${ds.apiGroup}\n`);
    w.write(LEVEL_1, `Kind:\t${ds.kind}\n`);
    w.write(LEVEL_1, `Name:\t${ds.name}\n`);
  }
}
