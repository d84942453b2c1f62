/**
 * Deletes everything in a terminating namespace, then finalizes it (empties spec.finalizers) so the apiserver
 * removes it. Pods are deleted gracefully, so the namespace stays Terminating until their kubelets finish.
 * Models pkg/controller/namespace/deletion/namespaced_resources_deleter.go.
 */
import { RESOURCE_TYPES } from '../../api/registry';
import type { KubeObject } from '../../api/types';
import { toTimestamp } from '../../api/meta';
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
    // Models deleteAllContent: delete every namespaced resource, then count what is still there (pods wait for
    // their kubelets) and which finalizers hold it.
    const remaining: string[] = [];
    const finalizerCounts = new Map<string, number>();
    for (const t of RESOURCE_TYPES) {
      if (!t.namespaced || t.kind === 'Binding' || (t.kind === 'Event' && t.group !== '')) continue;
      for (const o of ctx.api.list(t.kind, name)) if (!o.metadata.deletionTimestamp) ctx.api.delete(t.kind, name, o.metadata.name);
      const left = ctx.api.list(t.kind, name);
      if (left.length === 0) continue;
      // The upstream message prints group-qualified names with a dot even for the core group (`pods.`).
      remaining.push(`${t.resource}.${t.group} has ${left.length} resource instances`);
      for (const o of left) for (const f of o.metadata.finalizers ?? []) finalizerCounts.set(f, (finalizerCounts.get(f) ?? 0) + 1);
    }
    const finalizers = [...finalizerCounts].map(([f, n]) => `${f} in ${n} resource instances`);
    updateConditions(name, remaining.sort(), finalizers.sort());
    if (remaining.length > 0) return;
    // Models finalizeNamespace: the `kubernetes` finalizer goes, and the apiserver removes the namespace.
    ctx.api.mutate('Namespace', undefined, name, (n) => {
      (n.spec as { finalizers?: string[] }).finalizers = [];
    }, 'main');
  }

  /** Models deletion/status_condition_utils.go updateConditions: the five deletion conditions, in order. */
  function updateConditions(name: string, remaining: string[], finalizers: string[]): void {
    const now = toTimestamp(ctx.clock.nowMs);
    const desired: NamespaceCondition[] = [
      { type: 'NamespaceDeletionDiscoveryFailure', status: 'False', reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' },
      { type: 'NamespaceDeletionGroupVersionParsingFailure', status: 'False', reason: 'ParsedGroupVersions', message: 'All legacy kube types successfully parsed' },
      { type: 'NamespaceDeletionContentFailure', status: 'False', reason: 'ContentDeleted', message: 'All content successfully deleted, may be waiting on finalization' },
      remaining.length > 0
        ? { type: 'NamespaceContentRemaining', status: 'True', reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${remaining.join(', ')}` }
        : { type: 'NamespaceContentRemaining', status: 'False', reason: 'ContentRemoved', message: 'All content successfully removed' },
      finalizers.length > 0
        ? { type: 'NamespaceFinalizersRemaining', status: 'True', reason: 'SomeFinalizersRemain', message: `Some content in the namespace has finalizers remaining: ${finalizers.join(', ')}` }
        : { type: 'NamespaceFinalizersRemaining', status: 'False', reason: 'ContentHasNoFinalizers', message: 'All content-preserving finalizers finished' },
    ];
    ctx.api.mutate('Namespace', undefined, name, (n: KubeObject) => {
      const st = (n.status ?? {}) as { conditions?: NamespaceCondition[] };
      const conds = [...(st.conditions ?? [])];
      for (const d of desired) {
        const i = conds.findIndex((c) => c.type === d.type);
        if (i < 0) conds.push({ ...d, lastTransitionTime: now });
        else conds[i] = { ...d, lastTransitionTime: conds[i]!.status === d.status ? conds[i]!.lastTransitionTime : now };
      }
      n.status = { ...st, conditions: conds };
    }, 'status');
  }
}

interface NamespaceCondition {
  type: string;
  status: string;
  reason: string;
  message: string;
  lastTransitionTime?: string;
}
