/**
 * The garbage collector: deletes dependents whose owners are gone (background), deletes dependents before their
 * owner (foreground, `foregroundDeletion` finalizer) and orphans dependents (`orphan` finalizer).
 * Models pkg/controller/garbagecollector/garbagecollector.go (attemptToDeleteItem, orphanDependents,
 * processDeletingDependentsItem) without the graph: the apiserver's owner-uid index answers "who depends on X".
 */
import type { KubeObject } from '../../api/types';
import type { ComponentContext } from '../../cluster/context';
import { WorkQueue } from '../runtime';

/** Starts the garbage collector. */
export function startGarbageCollector(ctx: ComponentContext): void {
  const { api } = ctx;
  // Keys are `Kind/ns/name` of objects to examine.
  const attemptToDelete = new WorkQueue(ctx.clock, ctx.rng, 'garbage-collector', (key) => attempt(key), { minMs: 5, maxMs: 30 });
  const ownerWork = new WorkQueue(ctx.clock, ctx.rng, 'garbage-collector-owner', (key) => processOwner(key), { minMs: 5, maxMs: 30 });

  api.watch('*', (ev) => {
    const obj = ev.object;
    const key = keyOf(obj);
    if (ev.type === 'DELETED') {
      for (const dep of api.store.dependents(obj.metadata.uid!)) attemptToDelete.add(dep);
      return;
    }
    const fins = obj.metadata.finalizers ?? [];
    if (obj.metadata.deletionTimestamp && (fins.includes('foregroundDeletion') || fins.includes('orphan'))) ownerWork.add(key);
    if ((obj.metadata.ownerReferences ?? []).length > 0) {
      // A dependent created or changed: make sure its owners exist (or are being deleted in the foreground).
      const prevRefs = ev.old?.metadata.ownerReferences;
      if (ev.type === 'ADDED' || prevRefs !== obj.metadata.ownerReferences) attemptToDelete.add(key);
    }
    // Foreground: a dependent terminating, or dropping its reference, may let its owner's finalizer go.
    const refs = obj.metadata.deletionTimestamp ? obj.metadata.ownerReferences ?? [] : droppedRefs(ev.old, obj);
    for (const ref of refs) {
      const owner = api.store.byUid(ref.uid);
      if (owner?.metadata.finalizers?.includes('foregroundDeletion')) ownerWork.add(keyOf(owner));
    }
  });
  api.watch('*', (ev) => {
    if (ev.type !== 'DELETED') return;
    for (const ref of ev.object.metadata.ownerReferences ?? []) {
      const owner = api.store.byUid(ref.uid);
      if (owner?.metadata.finalizers?.includes('foregroundDeletion')) ownerWork.add(keyOf(owner));
    }
  });

  function attempt(key: string): void {
    const obj = byKey(key);
    if (!obj || obj.metadata.deletionTimestamp) return;
    const refs = obj.metadata.ownerReferences ?? [];
    if (refs.length === 0) return;
    const solid: string[] = [];
    const dangling: string[] = [];
    const waitingForDependentsDeletion: string[] = [];
    for (const ref of refs) {
      const owner = api.store.byUid(ref.uid);
      if (!owner || owner.metadata.name !== ref.name || owner.kind !== ref.kind) dangling.push(ref.uid);
      else if (owner.metadata.deletionTimestamp && owner.metadata.finalizers?.includes('foregroundDeletion')) waitingForDependentsDeletion.push(ref.uid);
      else solid.push(ref.uid);
    }
    if (solid.length > 0) {
      if (dangling.length + waitingForDependentsDeletion.length === 0) return;
      // Other owners still hold it: drop only the references to the missing / deleting owners.
      const drop = new Set([...dangling, ...waitingForDependentsDeletion]);
      api.mutate(obj.kind, obj.metadata.namespace, obj.metadata.name, (o) => {
        o.metadata.ownerReferences = (o.metadata.ownerReferences ?? []).filter((r) => !drop.has(r.uid));
      });
      return;
    }
    // An owner waiting for its dependents passes the foreground deletion on to dependents that have dependents
    // of their own; leaves (pods) go in the background; otherwise the object's own finalizers decide.
    const fins = obj.metadata.finalizers ?? [];
    const policy =
      waitingForDependentsDeletion.length > 0 && api.store.dependents(obj.metadata.uid!).length > 0 ? 'Foreground'
      : fins.includes('orphan') ? 'Orphan'
      : fins.includes('foregroundDeletion') ? 'Foreground'
      : 'Background';
    api.delete(obj.kind, obj.metadata.namespace, obj.metadata.name, { propagationPolicy: policy, uid: obj.metadata.uid! });
  }

  function processOwner(key: string): void {
    const owner = byKey(key);
    if (!owner?.metadata.deletionTimestamp) return;
    const fins = owner.metadata.finalizers ?? [];
    const deps = api.store.dependents(owner.metadata.uid!).map(byKey).filter((d): d is KubeObject => d !== undefined);
    if (fins.includes('orphan')) {
      for (const d of deps) {
        api.mutate(d.kind, d.metadata.namespace, d.metadata.name, (o) => {
          o.metadata.ownerReferences = (o.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid);
          if (o.metadata.ownerReferences.length === 0) delete o.metadata.ownerReferences;
        });
      }
      api.removeFinalizer(owner.kind, owner.metadata.namespace, owner.metadata.name, 'orphan');
      return;
    }
    if (fins.includes('foregroundDeletion')) {
      // Models processDeletingDependentsItem: only dependents that block the owner's deletion are waited for
      // (and deleted now); the others are collected once the owner is gone.
      const blocking = deps.filter((d) => d.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid && r.blockOwnerDeletion));
      if (blocking.length === 0) {
        api.removeFinalizer(owner.kind, owner.metadata.namespace, owner.metadata.name, 'foregroundDeletion');
        return;
      }
      for (const d of blocking) if (!d.metadata.deletionTimestamp) attempt(keyOf(d));
    }
  }

  function byKey(key: string): KubeObject | undefined {
    const [kind, ns, ...rest] = key.split('/');
    return api.get(kind!, ns || undefined, rest.join('/'));
  }
}

/** Owner references `old` had that `cur` no longer has. */
function droppedRefs(old: KubeObject | undefined, cur: KubeObject): { uid: string }[] {
  const kept = new Set((cur.metadata.ownerReferences ?? []).map((r) => r.uid));
  return (old?.metadata.ownerReferences ?? []).filter((r) => !kept.has(r.uid));
}

function keyOf(obj: KubeObject): string {
  return `${obj.kind}/${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
}
