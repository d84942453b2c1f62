/**
 * The PVC protection controller: a claim being deleted keeps its `kubernetes.io/pvc-protection` finalizer
 * (and so stays Terminating) while any scheduled pod still refers to it; once none does, the finalizer goes and
 * the claim with it. Claims without the finalizer get it.
 * Models pkg/controller/volume/pvcprotection/pvc_protection_controller.go (processPVC, isBeingUsed,
 * podUsesPVC, pod event handling).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../api/types';
import type { ComponentContext } from '../../../cluster/context';
import { WorkQueue, splitKey } from '../../runtime';
import { PVC_PROTECTION_FINALIZER, claimKey, type StoredPVC } from '../helpers/storage';
import { isPodTerminated, podClaims } from '../helpers/pod-claims';

type StoredPod = Pod & KubeObject;

/** Starts the PVC protection controller. */
export function startPVCProtectionController(ctx: ComponentContext): void {
  const { api } = ctx;
  const queue = new WorkQueue(ctx.clock, ctx.rng, 'pvc-protection', (key) => sync(key), { minMs: 2, maxMs: 10 });

  api.watch('PersistentVolumeClaim', (ev) => {
    if (ev.type === 'DELETED') return;
    const claim = ev.object as StoredPVC;
    const fins = claim.metadata.finalizers ?? [];
    // Only claims that need the finalizer added or may have it removed are worth a sync.
    if (claim.metadata.deletionTimestamp ? fins.includes(PVC_PROTECTION_FINALIZER) : !fins.includes(PVC_PROTECTION_FINALIZER)) queue.add(claimKey(claim));
  });
  // A pod that goes away, finishes or is not scheduled may free its claims.
  // Models pvc_protection_controller.go podAddedDeletedUpdated / enqueuePVCs.
  api.watch('Pod', (ev) => {
    const pod = ev.object as StoredPod;
    if (ev.type !== 'DELETED' && pod.spec?.nodeName && !isPodTerminated(pod)) return;
    for (const c of podClaims(pod)) queue.add(`${pod.metadata.namespace}/${c.claim}`);
  });

  function sync(key: string): void {
    const [ns, name] = splitKey(key);
    const claim = api.get<StoredPVC>('PersistentVolumeClaim', ns, name);
    if (!claim) return;
    const fins = claim.metadata.finalizers ?? [];
    if (claim.metadata.deletionTimestamp) {
      if (fins.includes(PVC_PROTECTION_FINALIZER) && !isBeingUsed(claim)) api.removeFinalizer('PersistentVolumeClaim', ns, name, PVC_PROTECTION_FINALIZER);
      return;
    }
    if (!fins.includes(PVC_PROTECTION_FINALIZER)) {
      api.mutate('PersistentVolumeClaim', ns, name, (c) => {
        c.metadata.finalizers = [...(c.metadata.finalizers ?? []), PVC_PROTECTION_FINALIZER];
      });
    }
  }

  /** A scheduled pod refers to the claim (whatever its phase: its volumes may still be mounted). */
  // Models pvc_protection_controller.go isBeingUsed / podUsesPVC.
  function isBeingUsed(claim: StoredPVC): boolean {
    return api
      .list<StoredPod>('Pod', claim.metadata.namespace)
      .some((p) => !!p.spec?.nodeName && podClaims(p).some((c) => c.claim === claim.metadata.name && (!c.ephemeral || !isShutDown(p))));
  }
}

/** Models podIsShutDown: the kubelet is done with the pod (terminal phase, or deleted with no grace left). */
function isShutDown(pod: StoredPod): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return true;
  return !!pod.metadata.deletionTimestamp && (pod.metadata.deletionGracePeriodSeconds ?? 0) === 0;
}
