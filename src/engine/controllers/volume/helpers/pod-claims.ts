/**
 * Which PersistentVolumeClaims a pod uses, and which pods use a claim: the link the protection controller, the
 * binder's WaitForFirstConsumer events, the scheduler and the kubelet all follow.
 * Models pkg/controller/volume/common (PodPVCIndexFunc) and component-helpers/storage/ephemeral
 * (VolumeClaimName).
 */
import type { Pod } from 'kubernetes-types/core/v1';

/** One claim a pod's volume refers to. */
export interface PodClaimRef {
  /** The pod volume's name (`spec.volumes[].name`). */
  volume: string;
  /** The claim's name in the pod's namespace. */
  claim: string;
  /** A generic ephemeral volume: the claim is created for (and owned by) the pod. */
  ephemeral: boolean;
}

/** The claims a pod's volumes use, in volume order. */
export function podClaims(pod: Pod): PodClaimRef[] {
  const out: PodClaimRef[] = [];
  for (const v of pod.spec?.volumes ?? []) {
    if (v.persistentVolumeClaim) out.push({ volume: v.name, claim: v.persistentVolumeClaim.claimName, ephemeral: false });
    else if (v.ephemeral) out.push({ volume: v.name, claim: `${pod.metadata?.name ?? ''}-${v.name}`, ephemeral: true });
  }
  return out;
}

/** True when the pod refers to the claim `name` (in its own namespace). */
export function podUsesClaim(pod: Pod, name: string): boolean {
  return podClaims(pod).some((c) => c.claim === name);
}

/** Models util.IsPodTerminated: the pod has finished (Succeeded or Failed). */
export function isPodTerminated(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}
