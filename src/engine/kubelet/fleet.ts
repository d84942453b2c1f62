/**
 * Routes pod watch events to the kubelet of the pod's node: one watch for the whole cluster instead of one per
 * node, so a pod change costs O(1) whatever the node count.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/types';
import type { ComponentContext } from '../cluster/context';
import type { Kubelet } from './kubelet';

/** All kubelets of the cluster. */
export class KubeletFleet {
  private readonly kubelets = new Map<string, Kubelet>();

  constructor(ctx: ComponentContext) {
    ctx.api.watch('Pod', (ev) => {
      const pod = ev.object as Pod & KubeObject;
      const node = pod.spec?.nodeName;
      if (!node) return;
      this.kubelets.get(node)?.onPod(pod, ev.type === 'DELETED');
    });
  }

  add(k: Kubelet): void {
    this.kubelets.set(k.nodeName, k);
  }

  get(node: string): Kubelet | undefined {
    return this.kubelets.get(node);
  }

  remove(node: string): void {
    this.kubelets.delete(node);
  }
}
