/**
 * Owner lookups the pod-owning controllers share: resolving a controller reference to a live owner, and finding
 * the owners whose selector matches a pod's labels.
 * Models pkg/controller/replicaset resolveControllerRef / GetPodReplicaSets and their StatefulSet twins.
 */
import type { KubeObject, OwnerReference } from '../api/types';
import { fromLabelSelector, matches } from '../api/labels';
import type { ApiServer } from '../apiserver/apiserver';

/** The owner `ref` names, if it is of `kind`, exists and has the same uid. */
export function resolveControllerRef<T extends KubeObject>(api: ApiServer, kind: string, ns: string, ref: OwnerReference): T | undefined {
  if (ref.kind !== kind) return undefined;
  const owner = api.get<T>(kind, ns, ref.name);
  return owner && owner.metadata.uid === ref.uid ? owner : undefined;
}

/** Objects of `kind` in the pod's namespace whose non-empty `spec.selector` matches the pod's labels. */
export function ownersSelecting<T extends KubeObject>(api: ApiServer, kind: string, pod: KubeObject): T[] {
  return api.list<T>(kind, pod.metadata.namespace).filter((o) => {
    const sel = fromLabelSelector((o.spec as { selector?: Parameters<typeof fromLabelSelector>[0] } | undefined)?.selector);
    return sel !== null && sel.length > 0 && matches(sel, pod.metadata.labels);
  });
}
