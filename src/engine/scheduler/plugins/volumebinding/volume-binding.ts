/**
 * VolumeBinding: a pod whose claims are missing, lost, being deleted or unbound (Immediate binding) cannot be
 * scheduled anywhere; otherwise a node must suit the node affinity of its bound volumes and be able to get a
 * volume for each WaitForFirstConsumer claim (an existing volume there, or provisioning).
 * Models pkg/scheduler/framework/plugins/volumebinding/volume_binding.go (PreFilter, podHasPVCs, Filter,
 * EventsToRegister and its queueing hints).
 * Divergence: Reserve/PreBind run after the pod is bound (see prebind.ts); Score is not enabled upstream
 * without the alpha VolumeCapacityPriority gate, and is not implemented.
 */
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { ApiServer } from '../../../apiserver/apiserver';
import type { KubeObject } from '../../../api/types';
import type { StateData } from '../../framework/cycle-state';
import { ActionType } from '../../framework/events';
import type { ClusterEventWithHint, Handle, SchedulerPlugin } from '../../framework/interface';
import { Code, SKIP, Status } from '../../framework/status';
import { VolumeBinding as NAME } from '../names';
import { podClaims } from '../../../controllers/volume/helpers/pod-claims';
import type { StoredPVC } from '../../../controllers/volume/helpers/storage';
import { findPodVolumes, getPodVolumeClaims, type PodVolumeClaims } from './binder';
import type { PodObject } from '../../framework/pod-info';

const STATE_KEY = NAME;

/** The PreFilter reason for pods whose Immediate claims are not bound yet. */
export const ERR_REASON_UNBOUND_IMMEDIATE = 'pod has unbound immediate PersistentVolumeClaims';

class VolumeBindingState implements StateData {
  constructor(readonly claims: PodVolumeClaims | null) {}

  clone(): StateData {
    return this;
  }
}

/**
 * Why the pod's claims rule out every node, or undefined when none does. The second value says whether the pod
 * uses claims at all.
 */
// Models volume_binding.go podHasPVCs.
export function podClaimsProblem(api: ApiServer, pod: PodObject): { hasClaims: boolean; problem?: string } {
  const refs = podClaims(pod);
  for (const ref of refs) {
    const claim = api.get<StoredPVC>('PersistentVolumeClaim', pod.metadata.namespace, ref.claim);
    if (!claim) {
      return { hasClaims: true, problem: ref.ephemeral ? `waiting for ephemeral volume controller to create the persistentvolumeclaim "${ref.claim}"` : `persistentvolumeclaim "${ref.claim}" not found` };
    }
    if (claim.status?.phase === 'Lost') return { hasClaims: true, problem: `persistentvolumeclaim "${claim.metadata.name}" bound to non-existent persistentvolume "${claim.spec?.volumeName ?? ''}"` };
    if (claim.metadata.deletionTimestamp) return { hasClaims: true, problem: `persistentvolumeclaim "${claim.metadata.name}" is being deleted` };
    if (ref.ephemeral && !(claim.metadata.ownerReferences ?? []).some((o) => o.controller && o.uid === pod.metadata.uid)) {
      return { hasClaims: true, problem: `PVC ${claim.metadata.namespace}/${claim.metadata.name} was not created for pod ${pod.metadata.namespace}/${pod.metadata.name} (pod is not owner)` };
    }
  }
  return { hasClaims: refs.length > 0 };
}

/** The events that may make a pod this plugin rejected schedulable, with upstream's hints. */
// Models volume_binding.go EventsToRegister, isSchedulableAfterPersistentVolumeClaimChange, isSchedulableAfterStorageClassChange.
function events(): ClusterEventWithHint[] {
  return [
    {
      event: { resource: 'StorageClass', actionType: ActionType.Add | ActionType.Update, label: 'StorageClassChange' },
      hint: (_pod, oldObj, newObj) => !oldObj || JSON.stringify((oldObj as unknown as StorageClass).allowedTopologies ?? null) !== JSON.stringify((newObj as unknown as StorageClass | undefined)?.allowedTopologies ?? null),
    },
    {
      event: { resource: 'PersistentVolumeClaim', actionType: ActionType.Add | ActionType.Update, label: 'PersistentVolumeClaimChange' },
      hint: (pod, _oldObj, newObj) => {
        const claim = newObj as KubeObject | undefined;
        if (!claim || claim.metadata.namespace !== pod.namespace) return false;
        return podClaims(pod.pod).some((c) => c.claim === claim.metadata.name);
      },
    },
    { event: { resource: 'PersistentVolume', actionType: ActionType.Add | ActionType.Update, label: 'PersistentVolumeChange' } },
    { event: { resource: 'Node', actionType: ActionType.Add | ActionType.UpdateNodeLabel | ActionType.UpdateNodeTaint, label: 'NodeChange' } },
  ];
}

/** Builds the plugin. */
export function newVolumeBinding(h: Handle): SchedulerPlugin {
  const api = h.api;
  return {
    name: NAME,
    preFilter(state, pod) {
      const { hasClaims, problem } = podClaimsProblem(api, pod.pod);
      if (problem) return { status: new Status(Code.UnschedulableAndUnresolvable, [problem], NAME) };
      if (!hasClaims) {
        state.write(STATE_KEY, new VolumeBindingState(null));
        return { status: SKIP };
      }
      const claims = getPodVolumeClaims(api, pod.pod);
      if (claims.unboundImmediate.length > 0) {
        // The binder binds these; the pod is retried when a claim changes.
        return { status: new Status(Code.UnschedulableAndUnresolvable, [ERR_REASON_UNBOUND_IMMEDIATE], NAME) };
      }
      state.write(STATE_KEY, new VolumeBindingState(claims));
      return null;
    },
    filter(state, _pod, nodeInfo) {
      const data = state.read<VolumeBindingState>(STATE_KEY);
      if (!data?.claims || !nodeInfo.node) return null;
      const r = findPodVolumes(api, data.claims, nodeInfo.node);
      if (!r.ok) return new Status(Code.Error, [r.error], NAME);
      return r.reasons.length > 0 ? new Status(Code.UnschedulableAndUnresolvable, r.reasons, NAME) : null;
    },
    eventsToRegister: events,
  };
}
