/**
 * The PV protection controller: a volume being deleted keeps its `kubernetes.io/pv-protection` finalizer while
 * it is Bound to a claim; once it is not, the finalizer goes and the volume with it. Volumes without the
 * finalizer get it.
 * Models pkg/controller/volume/pvprotection/pv_protection_controller.go (processPV, isBeingUsed).
 */
import type { ComponentContext } from '../../../cluster/context';
import { WorkQueue } from '../../runtime';
import { PV_PROTECTION_FINALIZER, type StoredPV } from '../helpers/storage';

/** Starts the PV protection controller. */
export function startPVProtectionController(ctx: ComponentContext): void {
  const { api } = ctx;
  const queue = new WorkQueue(ctx.clock, ctx.rng, 'pv-protection', (name) => sync(name), { minMs: 2, maxMs: 10 });

  api.watch('PersistentVolume', (ev) => {
    if (ev.type === 'DELETED') return;
    const pv = ev.object as StoredPV;
    const fins = pv.metadata.finalizers ?? [];
    if (pv.metadata.deletionTimestamp ? fins.includes(PV_PROTECTION_FINALIZER) : !fins.includes(PV_PROTECTION_FINALIZER)) queue.add(pv.metadata.name);
  });

  function sync(name: string): void {
    const pv = api.get<StoredPV>('PersistentVolume', undefined, name);
    if (!pv) return;
    const fins = pv.metadata.finalizers ?? [];
    if (pv.metadata.deletionTimestamp) {
      // Models isBeingUsed: a Bound volume is in use.
      if (fins.includes(PV_PROTECTION_FINALIZER) && pv.status?.phase !== 'Bound') api.removeFinalizer('PersistentVolume', undefined, name, PV_PROTECTION_FINALIZER);
      return;
    }
    if (!fins.includes(PV_PROTECTION_FINALIZER)) {
      api.mutate('PersistentVolume', undefined, name, (v) => {
        v.metadata.finalizers = [...(v.metadata.finalizers ?? []), PV_PROTECTION_FINALIZER];
      });
    }
  }
}
