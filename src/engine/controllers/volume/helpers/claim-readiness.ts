/**
 * Whether the kubelet can mount a pod's PersistentVolumeClaims yet: every claim a container mounts must exist,
 * not be deleting, be Bound and name an existing volume. Otherwise the kubelet reports `FailedMount` with the
 * volume manager's message, unless the claim is still being bound for this very node (see `binding`).
 * Models pkg/kubelet/volumemanager/populator/desired_state_of_world_populator.go (createVolumeSpec,
 * getPVCExtractPV, getPVSpec) and volume_manager.go WaitForAttachAndMount's error text.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../../../apiserver/apiserver';
import { ANN_SELECTED_NODE, isVolumeBoundToClaim, type StoredPV, type StoredPVC } from './storage';
import { podClaims } from './pod-claims';

/** The outcome for one pod. */
export type ClaimReadiness =
  | { ready: true }
  | {
      ready: false;
      /**
       * Every unready claim is being bound for this node right now (the scheduler picked the node for a
       * WaitForFirstConsumer claim, or a volume is already pre-bound to it). Upstream the scheduler holds the
       * pod back until then, so the kubelet never sees this; here the kubelet waits quietly.
       */
      binding: boolean;
      /** The FailedMount event message. */
      message: string;
    };

/** Names of the volumes some container of the pod mounts (the only ones the kubelet processes). */
function mountedVolumeNames(pod: Pod): Set<string> {
  const names = new Set<string>();
  const spec = pod.spec;
  for (const c of [...(spec?.initContainers ?? []), ...(spec?.containers ?? []), ...(spec?.ephemeralContainers ?? [])]) {
    for (const m of c.volumeMounts ?? []) names.add(m.name);
    for (const d of c.volumeDevices ?? []) names.add(d.name);
  }
  return names;
}

/** Checks the pod's claims for a kubelet on `nodeName`. */
export function podClaimReadiness(api: ApiServer, pod: Pod, nodeName: string): ClaimReadiness {
  const ns = pod.metadata?.namespace ?? 'default';
  const mounted = mountedVolumeNames(pod);
  const failed: string[] = [];
  const errors = new Set<string>();
  let allBinding = true;
  for (const ref of podClaims(pod)) {
    if (!mounted.has(ref.volume)) continue;
    const fail = (why: string, binding = false) => {
      failed.push(ref.volume);
      errors.add(`error processing PVC ${ns}/${ref.claim}: ${why}`);
      if (!binding) allBinding = false;
    };
    const claim = api.get<StoredPVC>('PersistentVolumeClaim', ns, ref.claim);
    if (!claim) {
      fail(`failed to fetch PVC from API server: persistentvolumeclaims "${ref.claim}" not found`);
      continue;
    }
    if (claim.metadata.deletionTimestamp) {
      fail('PVC is being deleted');
      continue;
    }
    if (claim.status?.phase !== 'Bound') {
      fail('PVC is not bound', isBeingBoundFor(api, claim, nodeName));
      continue;
    }
    const volumeName = claim.spec?.volumeName;
    if (!volumeName) {
      fail('PVC has empty pvc.Spec.VolumeName');
      continue;
    }
    if (!api.get<StoredPV>('PersistentVolume', undefined, volumeName)) {
      fail(`failed to fetch PV ${volumeName} from API server: persistentvolumes "${volumeName}" not found`);
    }
  }
  if (failed.length === 0) return { ready: true };
  const vols = [...new Set(failed)].sort().join(' ');
  const message = `Unable to attach or mount volumes: unmounted volumes=[${vols}], unattached volumes=[], failed to process volumes=[${vols}]: ${[...errors].sort().join('; ')}`;
  return { ready: false, binding: allBinding, message };
}

/** True when the claim is on its way to Bound for this node (provisioning there, or a volume pre-bound to it). */
function isBeingBoundFor(api: ApiServer, claim: StoredPVC, nodeName: string): boolean {
  if (claim.metadata.annotations?.[ANN_SELECTED_NODE] === nodeName) return true;
  if (claim.spec?.volumeName) return true;
  return api.list<StoredPV>('PersistentVolume').some((v) => !!v.spec?.claimRef?.uid && isVolumeBoundToClaim(v, claim));
}
