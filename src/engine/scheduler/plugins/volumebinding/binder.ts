/**
 * The scheduler's volume binder: sorts a pod's claims into bound, delayed (WaitForFirstConsumer) and immediate
 * ones, and decides per node whether the bound volumes' node affinity admits it and whether every delayed claim
 * can get a volume there (an existing one, or a provisioned one).
 * Models pkg/scheduler/framework/plugins/volumebinding/binder.go (GetPodVolumeClaims, FindPodVolumes,
 * checkBoundClaims, findMatchingVolumes, checkVolumeProvisions).
 * Divergence: no PV/PVC assume cache; the apiserver is read directly. CSIStorageCapacity is not modelled (no CSI
 * drivers opt into capacity tracking), so storage is never "not enough".
 */
import type { NodeSelectorTerm } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../../../apiserver/apiserver';
import type { NodeObject } from '../../framework/node-info';
import type { PodObject } from '../../framework/pod-info';
import { NodeSelectorMatcher } from '../helper/node-affinity';
import {
  ANN_SELECTED_NODE, NOT_SUPPORTED_PROVISIONER, claimClass, findMatchingVolume, isClaimFullyBound,
  isDelayBindingMode, matchTopologySelectorTerms, requestedStorage, volumeClass, type StoredClass, type StoredPV,
  type StoredPVC,
} from '../../../controllers/volume/helpers/storage';
import { podClaims } from '../../../controllers/volume/helpers/pod-claims';
import { qtyCmp } from '../../../apiserver/strategies/common/quantity';

/** Why a node cannot host the pod's volumes (the Filter reasons). */
export const ERR_REASON_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
export const ERR_REASON_NODE_CONFLICT = 'node(s) had volume node affinity conflict';
export const ERR_REASON_NOT_ENOUGH_SPACE = 'node(s) did not have enough free storage';
export const ERR_REASON_PV_NOT_EXIST = 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)';

/** A pod's claims, sorted as GetPodVolumeClaims sorts them. */
export interface PodVolumeClaims {
  bound: StoredPVC[];
  /** Unbound claims of WaitForFirstConsumer classes (the scheduler binds or provisions them). */
  unboundDelayBinding: StoredPVC[];
  /** Unbound claims that the binder should have bound already (Immediate classes, pre-bound claims). */
  unboundImmediate: StoredPVC[];
  /** Candidate volumes per class of the delayed claims. */
  unboundVolumesDelayBinding: Map<string, StoredPV[]>;
}

/** What a node offers the pod's delayed claims. */
export interface PodVolumes {
  /** Existing volumes to pre-bind to claims. */
  staticBindings: { claim: StoredPVC; volume: StoredPV }[];
  /** Claims to provision on the node. */
  dynamicProvisions: StoredPVC[];
}

/** The outcome of FindPodVolumes for one node. */
export type FindResult = { ok: true; volumes: PodVolumes; reasons: string[] } | { ok: false; error: string };

/** The pod's claims, sorted into bound / delayed / immediate. Missing claims are left out (PreFilter rejects them). */
// Models binder.go GetPodVolumeClaims.
export function getPodVolumeClaims(api: ApiServer, pod: PodObject): PodVolumeClaims {
  const ns = pod.metadata.namespace ?? 'default';
  const out: PodVolumeClaims = { bound: [], unboundDelayBinding: [], unboundImmediate: [], unboundVolumesDelayBinding: new Map() };
  const getClass = (n: string) => api.get<StoredClass>('StorageClass', undefined, n);
  for (const ref of podClaims(pod)) {
    const claim = api.get<StoredPVC>('PersistentVolumeClaim', ns, ref.claim);
    if (!claim) continue;
    if (isClaimFullyBound(claim)) out.bound.push(claim);
    else if (isDelayBindingMode(claim, getClass) && !claim.spec?.volumeName) out.unboundDelayBinding.push(claim);
    else out.unboundImmediate.push(claim);
  }
  if (out.unboundDelayBinding.length > 0) {
    const all = api.list<StoredPV>('PersistentVolume');
    for (const claim of out.unboundDelayBinding) {
      const cls = claimClass(claim);
      if (!out.unboundVolumesDelayBinding.has(cls)) out.unboundVolumesDelayBinding.set(cls, all.filter((v) => volumeClass(v) === cls));
    }
  }
  return out;
}

/** Models CheckNodeAffinity: a volume without required node affinity fits every node. */
export function volumeFitsNode(volume: StoredPV, node: NodeObject): boolean {
  const terms: NodeSelectorTerm[] | undefined = volume.spec?.nodeAffinity?.required?.nodeSelectorTerms;
  if (!volume.spec?.nodeAffinity?.required) return true;
  return new NodeSelectorMatcher(terms ?? []).match(node);
}

/** Can the node host the pod's claims? Reasons are empty when it can. */
// Models binder.go FindPodVolumes.
export function findPodVolumes(api: ApiServer, claims: PodVolumeClaims, node: NodeObject): FindResult {
  let boundSatisfied = true;
  let boundPVsFound = true;
  let unboundSatisfied = true;
  const volumes: PodVolumes = { staticBindings: [], dynamicProvisions: [] };
  const reasons = (): string[] => {
    const r: string[] = [];
    if (!boundSatisfied) r.push(ERR_REASON_NODE_CONFLICT);
    if (!unboundSatisfied) r.push(ERR_REASON_BIND_CONFLICT);
    if (!boundPVsFound) r.push(ERR_REASON_PV_NOT_EXIST);
    return r;
  };

  // Models checkBoundClaims: the first mismatching (or missing) volume decides.
  for (const claim of claims.bound) {
    const pv = api.get<StoredPV>('PersistentVolume', undefined, claim.spec!.volumeName!);
    if (!pv) {
      boundPVsFound = false;
      break;
    }
    if (!volumeFitsNode(pv, node)) {
      boundSatisfied = false;
      break;
    }
  }

  if (claims.unboundDelayBinding.length > 0) {
    const toMatch: StoredPVC[] = [];
    const toProvision: StoredPVC[] = [];
    for (const claim of claims.unboundDelayBinding) {
      const selected = claim.metadata.annotations?.[ANN_SELECTED_NODE];
      if (selected !== undefined) {
        // Provisioning already targets a node: only that one will do.
        if (selected !== node.metadata.name) {
          unboundSatisfied = false;
          return { ok: true, volumes, reasons: reasons() };
        }
        toProvision.push(claim);
      } else {
        toMatch.push(claim);
      }
    }
    if (toMatch.length > 0) {
      // Models findMatchingVolumes: smallest requests first, each volume used once.
      const sorted = [...toMatch].sort((a, b) => qtyCmp(requestedStorage(a), requestedStorage(b)));
      const chosen = new Set<string>();
      for (const claim of sorted) {
        const candidates = claims.unboundVolumesDelayBinding.get(claimClass(claim)) ?? [];
        const pv = findMatchingVolume(claim, candidates, { nodeMatches: (v) => volumeFitsNode(v as StoredPV, node), excluded: chosen, delayBinding: true }) as StoredPV | undefined;
        if (!pv) {
          toProvision.push(claim);
          unboundSatisfied = false;
          continue;
        }
        chosen.add(pv.metadata.name);
        volumes.staticBindings.push({ claim, volume: pv });
      }
    }
    if (toProvision.length > 0) {
      // Models checkVolumeProvisions.
      unboundSatisfied = true;
      for (const claim of toProvision) {
        const cls = claimClass(claim);
        if (cls === '') return { ok: false, error: `no class for claim "${claim.metadata.namespace}/${claim.metadata.name}"` };
        const sc = api.get<StoredClass>('StorageClass', undefined, cls);
        if (!sc) return { ok: false, error: `failed to find storage class "${cls}"` };
        if (!sc.provisioner || sc.provisioner === NOT_SUPPORTED_PROVISIONER || !matchTopologySelectorTerms(sc, node.metadata.labels)) {
          unboundSatisfied = false;
          volumes.dynamicProvisions = [];
          break;
        }
        volumes.dynamicProvisions.push(claim);
      }
    }
  }
  return { ok: true, volumes, reasons: reasons() };
}
