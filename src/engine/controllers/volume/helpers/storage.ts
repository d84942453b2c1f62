/**
 * Storage helpers shared by the PersistentVolume controller, the simulated provisioners, the scheduler's
 * VolumeBinding plugin and the kubelet: the annotation and finalizer names, a claim's and a volume's class,
 * pre-binding checks, access-mode and volume-mode matching, and FindMatchingVolume (smallest fit).
 * Models staging/src/k8s.io/component-helpers/storage/volume (helpers.go, pv_helpers.go) and
 * pkg/controller/volume/persistentvolume/index.go (findByClaim, allPossibleMatchingAccessModes).
 * Pure: no API access, so the scheduler and the kubelet can use it too.
 */
import type { PersistentVolume, PersistentVolumeClaim, ObjectReference } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { Stored } from '../../../api/types';
import { fromLabelSelector, matches } from '../../../api/labels';
import { parseQty, qtyCmp, type Qty } from '../../../apiserver/strategies/common/quantity';

/** A PersistentVolume as stored. */
export type StoredPV = Stored<PersistentVolume>;
/** A PersistentVolumeClaim as stored. */
export type StoredPVC = Stored<PersistentVolumeClaim>;
/** A StorageClass as stored. */
export type StoredClass = Stored<StorageClass>;

/** On a claim: its binding has been set up once (the binder reads bound claims differently from then on). */
export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
/** On a volume or claim: the binding was made by the controller, not pre-bound by a user. */
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
/** On a claim: the node the scheduler picked for a WaitForFirstConsumer claim (triggers provisioning there). */
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
/** On a volume: the provisioner that created it. */
export const ANN_DYNAMICALLY_PROVISIONED = 'pv.kubernetes.io/provisioned-by';
/** On a claim: the provisioner expected to provision it. */
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
/** The deprecated beta spelling of ANN_STORAGE_PROVISIONER, still set alongside it. */
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
/** The beta annotation that names a claim's or volume's class; it wins over spec.storageClassName. */
export const ANN_BETA_STORAGE_CLASS = 'volume.beta.kubernetes.io/storage-class';
/** The provisioner name of classes that cannot provision (local volumes are made by hand). */
export const NOT_SUPPORTED_PROVISIONER = 'kubernetes.io/no-provisioner';
/** Keeps a claim while a pod uses it. */
export const PVC_PROTECTION_FINALIZER = 'kubernetes.io/pvc-protection';
/** Keeps a volume while a claim is bound to it. */
export const PV_PROTECTION_FINALIZER = 'kubernetes.io/pv-protection';

/** Models GetPersistentVolumeClaimClass: the beta annotation, then spec.storageClassName, else "" (no class). */
export function claimClass(claim: PersistentVolumeClaim): string {
  const ann = claim.metadata?.annotations?.[ANN_BETA_STORAGE_CLASS];
  if (ann !== undefined) return ann;
  return claim.spec?.storageClassName ?? '';
}

/** Models PersistentVolumeClaimHasClass: a class is named (even ""), so no default class is assigned. */
export function claimHasClass(claim: PersistentVolumeClaim): boolean {
  if (claim.metadata?.annotations?.[ANN_BETA_STORAGE_CLASS] !== undefined) return true;
  return claim.spec?.storageClassName !== undefined && claim.spec.storageClassName !== null;
}

/** Models GetPersistentVolumeClass: the beta annotation, then spec.storageClassName, else "". */
export function volumeClass(volume: PersistentVolume): string {
  const ann = volume.metadata?.annotations?.[ANN_BETA_STORAGE_CLASS];
  if (ann !== undefined) return ann;
  return volume.spec?.storageClassName ?? '';
}

/** `namespace/name` of a claim, as the binder keys and reports it. */
export function claimKey(claim: { metadata?: { namespace?: string; name?: string } }): string {
  return `${claim.metadata?.namespace ?? ''}/${claim.metadata?.name ?? ''}`;
}

/** `namespace/name` of the claim a volume points at. */
export function claimRefKey(ref: ObjectReference): string {
  return `${ref.namespace ?? ''}/${ref.name ?? ''}`;
}

/** The requested storage of a claim (zero when unparseable, which validation prevents). */
export function requestedStorage(claim: PersistentVolumeClaim): Qty {
  return parseQty(claim.spec?.resources?.requests?.['storage']) ?? { nanos: 0n, format: 'BinarySI' };
}

/** The capacity of a volume (zero when unparseable). */
export function volumeCapacity(volume: PersistentVolume): Qty {
  return parseQty(volume.spec?.capacity?.['storage']) ?? { nanos: 0n, format: 'BinarySI' };
}

/**
 * Models IsVolumeBoundToClaim: the volume's claimRef names the claim, and its uid (when set) is the claim's.
 * A claimRef without uid is a user's pre-binding.
 */
export function isVolumeBoundToClaim(volume: PersistentVolume, claim: PersistentVolumeClaim): boolean {
  const ref = volume.spec?.claimRef;
  if (!ref) return false;
  if (claim.metadata?.name !== ref.name || claim.metadata?.namespace !== ref.namespace) return false;
  return !ref.uid || ref.uid === claim.metadata?.uid;
}

/** Models CheckAccessModes: the volume offers every mode the claim asks for. */
export function checkAccessModes(claim: PersistentVolumeClaim, volume: PersistentVolume): boolean {
  const offered = new Set(volume.spec?.accessModes ?? []);
  return (claim.spec?.accessModes ?? []).every((m) => offered.has(m));
}

/** Models CheckVolumeModeMismatches: true when a Block claim meets a Filesystem volume or the reverse. */
export function volumeModeMismatch(claim: PersistentVolumeClaim, volume: PersistentVolume): boolean {
  return (claim.spec?.volumeMode ?? 'Filesystem') !== (volume.spec?.volumeMode ?? 'Filesystem');
}

/** The short form kubectl prints and the binder indexes by (`RWO,ROX,RWX,RWOP`, in that order). */
// Models pkg/apis/core/v1/helper GetAccessModesAsString.
export function accessModesKey(modes: readonly string[] | undefined): string {
  const set = new Set(modes ?? []);
  const out: string[] = [];
  if (set.has('ReadWriteOnce')) out.push('RWO');
  if (set.has('ReadOnlyMany')) out.push('ROX');
  if (set.has('ReadWriteMany')) out.push('RWX');
  if (set.has('ReadWriteOncePod')) out.push('RWOP');
  return out.join(',');
}

/** Options of findMatchingVolume. */
export interface MatchOptions {
  /**
   * Scheduler path: does the volume's node affinity admit the candidate node? Absent in the controller path
   * (no node), where node affinity is not checked.
   */
  nodeMatches?: (volume: PersistentVolume) => boolean;
  /** Volumes already chosen for other claims of the same pod. */
  excluded?: ReadonlySet<string>;
  /** The claim's class binds WaitForFirstConsumer: the controller binds only volumes pre-bound to it. */
  delayBinding: boolean;
}

/**
 * The volume a claim should bind to: one pre-bound to it (user claimRef or provisioned for it), else the
 * smallest Available volume of the claim's class that is big enough, matches the selector, the volume mode and
 * the VolumeAttributesClass and (scheduler path) the access modes and the node. Ties keep the first volume.
 */
// Models component-helpers/storage/volume FindMatchingVolume (VolumeAttributesClass enabled, as in v1.34).
export function findMatchingVolume(claim: PersistentVolumeClaim, volumes: readonly PersistentVolume[], opts: MatchOptions): PersistentVolume | undefined {
  const requested = requestedStorage(claim);
  const requestedClass = claimClass(claim);
  const selector = claim.spec?.selector ? fromLabelSelector(claim.spec.selector) : null;
  const claimVac = (claim.spec as { volumeAttributesClassName?: string | null } | undefined)?.volumeAttributesClassName ?? '';
  let smallest: PersistentVolume | undefined;
  let smallestQty: Qty | undefined;
  for (const volume of volumes) {
    if (opts.excluded?.has(volume.metadata?.name ?? '')) continue;
    if (volume.spec?.claimRef && !isVolumeBoundToClaim(volume, claim)) continue;
    const qty = volumeCapacity(volume);
    if (qtyCmp(qty, requested) < 0) continue;
    if (volumeModeMismatch(claim, volume)) continue;
    const volumeVac = (volume.spec as { volumeAttributesClassName?: string | null } | undefined)?.volumeAttributesClassName ?? '';
    if (claimVac !== volumeVac) continue;
    if (volume.metadata?.deletionTimestamp) continue;
    const nodeOk = opts.nodeMatches ? opts.nodeMatches(volume) : true;
    if (isVolumeBoundToClaim(volume, claim)) {
      // A pre-bound volume is the answer, or (wrong node) there is none for this node.
      return nodeOk ? volume : undefined;
    }
    // The controller leaves unbound WaitForFirstConsumer claims to the scheduler.
    if (!opts.nodeMatches && opts.delayBinding) continue;
    if (volume.status?.phase !== 'Available') continue;
    if (selector !== null && !matches(selector, volume.metadata?.labels)) continue;
    if (volumeClass(volume) !== requestedClass) continue;
    if (!nodeOk) continue;
    if (opts.nodeMatches && !checkAccessModes(claim, volume)) continue;
    if (!smallest || qtyCmp(smallestQty!, qty) > 0) {
      smallest = volume;
      smallestQty = qty;
    }
  }
  return smallest;
}

/**
 * The controller path's search: volumes grouped by their access-mode set; groups that offer every requested
 * mode are searched with the fewest modes first, so an RWO claim prefers an RWO volume to an RWO+RWX one.
 * Divergence: upstream's index iterates in map order; groups with as many modes are taken in key order and
 * volumes in name order, so the result is deterministic.
 */
// Models pkg/controller/volume/persistentvolume/index.go findByClaim and allPossibleMatchingAccessModes.
export function findBestMatchForClaim(claim: PersistentVolumeClaim, volumes: readonly PersistentVolume[], delayBinding: boolean): PersistentVolume | undefined {
  const groups = new Map<string, PersistentVolume[]>();
  for (const v of [...volumes].sort((a, b) => cmp(a.metadata?.name ?? '', b.metadata?.name ?? ''))) {
    const key = accessModesKey(v.spec?.accessModes);
    const g = groups.get(key);
    if (g) g.push(v);
    else groups.set(key, [v]);
  }
  const requested = claim.spec?.accessModes ?? [];
  const candidates = [...groups.keys()]
    .filter((key) => {
      const offered = new Set(key.split(','));
      return requested.every((m) => offered.has(accessModesKey([m])));
    })
    .sort((a, b) => a.split(',').length - b.split(',').length || cmp(a, b));
  for (const key of candidates) {
    const found = findMatchingVolume(claim, groups.get(key)!, { delayBinding });
    if (found) return found;
  }
  return undefined;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The reference a volume keeps to its claim (what reference.GetReference returns for a claim). */
export function claimReference(claim: StoredPVC): ObjectReference {
  return {
    kind: 'PersistentVolumeClaim',
    namespace: claim.metadata.namespace,
    name: claim.metadata.name,
    uid: claim.metadata.uid,
    apiVersion: 'v1',
    resourceVersion: claim.metadata.resourceVersion,
  };
}

/**
 * The volume bound to `claim` (claimRef set, bound-by-controller added unless the user pre-bound it) and
 * whether anything changed. The input is not modified.
 */
// Models component-helpers/storage/volume GetBindVolumeToClaim.
export function bindVolumeToClaim(volume: StoredPV, claim: StoredPVC): { volume: StoredPV; dirty: boolean } {
  const setBoundByController = !isVolumeBoundToClaim(volume, claim);
  const ref = volume.spec?.claimRef;
  let dirty = false;
  const next: StoredPV = { ...volume, metadata: { ...volume.metadata }, spec: { ...(volume.spec ?? {}) } };
  if (!ref || ref.name !== claim.metadata.name || ref.namespace !== claim.metadata.namespace || ref.uid !== claim.metadata.uid) {
    next.spec!.claimRef = claimReference(claim);
    dirty = true;
  }
  if (setBoundByController && next.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER] === undefined) {
    next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [ANN_BOUND_BY_CONTROLLER]: 'yes' };
    dirty = true;
  }
  return { volume: next, dirty };
}

/** Models IsDelayBindingMode: the claim's class exists and binds WaitForFirstConsumer. */
export function isDelayBindingMode(claim: PersistentVolumeClaim, getClass: (name: string) => StorageClass | undefined): boolean {
  const name = claimClass(claim);
  if (name === '') return false;
  return getClass(name)?.volumeBindingMode === 'WaitForFirstConsumer';
}

/** Models IsDelayBindingProvisioning: the scheduler has picked a node for the claim. */
export function isDelayBindingProvisioning(claim: PersistentVolumeClaim): boolean {
  return claim.metadata?.annotations?.[ANN_SELECTED_NODE] !== undefined;
}

/** True when the claim is fully bound (volume named and the binding completed). */
// Models pkg/scheduler/framework/plugins/volumebinding/binder.go isPVCFullyBound.
export function isClaimFullyBound(claim: PersistentVolumeClaim): boolean {
  return !!claim.spec?.volumeName && claim.metadata?.annotations?.[ANN_BIND_COMPLETED] !== undefined;
}

/** Models v1helper.MatchTopologySelectorTerms: no terms admit every node; otherwise one term must match. */
export function matchTopologySelectorTerms(sc: StorageClass, nodeLabels: Readonly<Record<string, string>> | undefined): boolean {
  const terms = sc.allowedTopologies ?? [];
  if (terms.length === 0) return true;
  return terms.some((t) => (t.matchLabelExpressions ?? []).every((e) => nodeLabels?.[e.key] !== undefined && e.values.includes(nodeLabels[e.key]!)));
}
