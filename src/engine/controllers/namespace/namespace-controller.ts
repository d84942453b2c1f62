/**
 * Deletes everything in a terminating namespace, then finalizes it (empties spec.finalizers) so the apiserver
 * removes it. Pods are deleted gracefully, so the namespace stays Terminating until their kubelets finish.
 * Models pkg/controller/namespace/deletion/namespaced_resources_deleter.go.
 */
import { RESOURCE_TYPES } from '../../api/registry';
import type { KubeObject } from '../../api/types';
import { setCondition, toTimestamp } from '../../api/meta';
import type { ComponentContext } from '../../cluster/context';
import { WorkQueue } from '../runtime';

/** Starts the namespace controller. */
export function startNamespaceController(ctx: ComponentContext): void {
  const queue = new WorkQueue(ctx.clock, ctx.rng, 'namespace-controller', (name) => sync(name), { minMs: 5, maxMs: 20 });

  ctx.api.watch('Namespace', (ev) => {
    if (ev.type !== 'DELETED' && ev.object.metadata.deletionTimestamp) queue.add(ev.object.metadata.name);
  });
  // Content removal progresses as pods finish terminating: re-check the namespace whenever something in it goes.
  ctx.api.watch('*', (ev) => {
    const ns = ev.object.metadata.namespace;
    if (ev.type === 'DELETED' && ns && ctx.api.get('Namespace', undefined, ns)?.metadata.deletionTimestamp) queue.add(ns);
  });

  function sync(name: string): void {
    const ns = ctx.api.get('Namespace', undefined, name);
    if (!ns?.metadata.deletionTimestamp) return;
    let remaining = 0;
    const kinds: string[] = [];
    for (const t of RESOURCE_TYPES) {
      if (!t.namespaced || t.kind === 'Binding' || (t.kind === 'Event' && t.group !== '')) continue;
      const items = ctx.api.list(t.kind, name);
      if (items.length === 0) continue;
      remaining += items.length;
      kinds.push(`${t.resource}${t.group ? `.${t.group}` : ''} has ${items.length} resource instances`);
      for (const o of items) if (!o.metadata.deletionTimestamp) ctx.api.delete(t.kind, name, o.metadata.name);
    }
    if (remaining > 0) {
      const now = toTimestamp(ctx.clock.nowMs);
      ctx.api.mutate('Namespace', undefined, name, (n: KubeObject) => {
        const st = (n.status ?? {}) as { conditions?: { type: string; status: string; reason?: string; message?: string; lastTransitionTime?: string }[] };
        st.conditions = setCondition(st.conditions, { type: 'NamespaceContentRemaining', status: 'True', reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${kinds.sort().join(', ')}`, lastTransitionTime: now });
        n.status = st;
      }, 'status');
      return;
    }
    ctx.api.mutate('Namespace', undefined, name, (n) => {
      (n.spec as { finalizers?: string[] }).finalizers = [];
    }, 'main');
  }
}
