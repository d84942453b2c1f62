/**
 * VolumeBinding's Reserve + PreBind: once the scheduler has put a pod on a node, its WaitForFirstConsumer claims
 * are bound for that node: an existing volume is pre-bound to its claim (claimRef), and a claim that needs a
 * new volume gets the `volume.kubernetes.io/selected-node` annotation, which starts provisioning there. The
 * binder and the provisioners do the rest.
 * Models pkg/scheduler/framework/plugins/volumebinding/binder.go (AssumePodVolumes, BindPodVolumes,
 * bindAPIUpdate).
 * Divergence: upstream does this before binding the pod and waits (up to 10 minutes) until the claims are
 * Bound; here the pod is bound first and the kubelet waits for the claims before starting its containers.
 */
import type { KubeObject } from '../../../api/types';
import type { ComponentContext } from '../../../cluster/context';
import { WorkQueue, splitKey } from '../../../controllers/runtime';
import { ANN_SELECTED_NODE, bindVolumeToClaim } from '../../../controllers/volume/helpers/storage';
import { podClaims } from '../../../controllers/volume/helpers/pod-claims';
import type { NodeObject } from '../../framework/node-info';
import type { PodObject } from '../../framework/pod-info';
import { findPodVolumes, getPodVolumeClaims } from './binder';

/**
 * Starts the volume binding step for pods bound by the scheduler `schedulerName` (pods created with a node name
 * never pass through the scheduler, so their WaitForFirstConsumer claims stay unbound, as upstream).
 */
export function startVolumeBindingPreBind(ctx: ComponentContext, schedulerName = 'default-scheduler'): void {
  const { api } = ctx;
  const queue = new WorkQueue(ctx.clock, ctx.rng, 'kube-scheduler volumebinding', (key) => bindPodVolumes(key));

  api.watch('Pod', (ev) => {
    if (ev.type !== 'MODIFIED') return;
    const pod = ev.object as PodObject;
    const old = ev.old as PodObject | undefined;
    if (!pod.spec?.nodeName || old?.spec?.nodeName) return;
    if ((pod.spec.schedulerName ?? 'default-scheduler') !== schedulerName) return;
    if (podClaims(pod).length === 0) return;
    queue.add(`${pod.metadata.namespace}/${pod.metadata.name}`);
  });

  function bindPodVolumes(key: string): void {
    const [ns, name] = splitKey(key);
    const pod = api.get<PodObject>('Pod', ns, name);
    const nodeName = pod?.spec?.nodeName;
    if (!pod || !nodeName || pod.metadata.deletionTimestamp) return;
    const claims = getPodVolumeClaims(api, pod);
    if (claims.unboundDelayBinding.length === 0) return;
    const node = api.get<NodeObject>('Node', undefined, nodeName);
    if (!node) return;
    const found = findPodVolumes(api, claims, node);
    // The node no longer suits the claims (they changed since the scheduling cycle): nothing to bind here.
    if (!found.ok || found.reasons.length > 0) return;
    for (const { claim, volume } of found.volumes.staticBindings) {
      const bound = bindVolumeToClaim(volume, claim);
      if (bound.dirty) api.update(bound.volume as KubeObject);
    }
    for (const claim of found.volumes.dynamicProvisions) {
      if (claim.metadata.annotations?.[ANN_SELECTED_NODE] === nodeName) continue;
      api.mutate('PersistentVolumeClaim', claim.metadata.namespace, claim.metadata.name, (c) => {
        c.metadata.annotations = { ...(c.metadata.annotations ?? {}), [ANN_SELECTED_NODE]: nodeName };
      });
    }
  }
}
