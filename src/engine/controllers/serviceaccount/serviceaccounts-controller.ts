/**
 * Ensures every active namespace has the `default` ServiceAccount (pods are admitted only if their account exists).
 * Models pkg/controller/serviceaccount/serviceaccounts_controller.go.
 */
import type { ComponentContext } from '../../cluster/context';
import { WorkQueue } from '../runtime';

export function startServiceAccountsController(ctx: ComponentContext): void {
  const queue = new WorkQueue(ctx.clock, ctx.rng, 'serviceaccount-controller', (ns) => {
    const n = ctx.api.get('Namespace', undefined, ns);
    if (!n || n.metadata.deletionTimestamp) return;
    if (!ctx.api.get('ServiceAccount', ns, 'default')) {
      ctx.api.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: ns } });
    }
  }, { minMs: 1, maxMs: 4 });
  ctx.api.watch('Namespace', (ev) => { if (ev.type !== 'DELETED') queue.add(ev.object.metadata.name); });
  ctx.api.watch('ServiceAccount', (ev) => { if (ev.type === 'DELETED' && ev.object.metadata.name === 'default') queue.add(ev.object.metadata.namespace!); });
}
