/**
 * Adoption and release of dependents by a controller's selector: a controller claims the orphans it selects and
 * lets go of the dependents it no longer selects. Used by the ReplicaSet controller for pods and by the Deployment
 * controller for ReplicaSets.
 * Models pkg/controller/controller_ref_manager.go (BaseControllerRefManager.ClaimObject, AdoptPod, ReleasePod).
 */
import type { KubeObject } from '../../api/types';
import { controllerRef, newControllerRef } from '../../api/meta';
import type { ApiServer } from '../../apiserver/apiserver';

/** Outcome of an adopt or release write: done, the object is gone (ignored), or an error message. */
export type ClaimWrite = { ok: true } | { ok: false; notFound: boolean; message: string };

/** The two writes a claim may need. */
export interface ClaimWrites<T extends KubeObject> {
  adopt(obj: T): ClaimWrite;
  release(obj: T): ClaimWrite;
}

/** Objects this controller now owns, plus the messages of adopt/release writes that failed. */
export interface ClaimResult<T> {
  claimed: T[];
  errors: string[];
}

/**
 * Claims `objs` for `owner`: keeps what it owns and still selects, releases what it owns but no longer selects
 * (unless it is being deleted), and adopts matching orphans that are not being deleted.
 */
export function claimObjects<T extends KubeObject>(owner: KubeObject, objs: readonly T[], match: (obj: T) => boolean, writes: ClaimWrites<T>): ClaimResult<T> {
  const claimed: T[] = [];
  const errors: string[] = [];
  const ownerDeleting = !!owner.metadata.deletionTimestamp;
  for (const obj of objs) {
    const ref = controllerRef(obj);
    if (ref) {
      if (ref.uid !== owner.metadata.uid) continue;
      // Already ours: keep it while the selector matches, even when the owner is being deleted (no write needed).
      if (match(obj)) {
        claimed.push(obj);
        continue;
      }
      if (ownerDeleting) continue;
      const r = writes.release(obj);
      if (!r.ok && !r.notFound) errors.push(r.message);
      continue;
    }
    if (ownerDeleting || !match(obj) || obj.metadata.deletionTimestamp) continue;
    if (owner.metadata.namespace && owner.metadata.namespace !== obj.metadata.namespace) continue;
    const r = writes.adopt(obj);
    if (r.ok) claimed.push(obj);
    else if (!r.notFound) errors.push(r.message);
  }
  return { claimed, errors };
}

/**
 * Adoption and release through the apiserver: adoption adds a controller ownerReference (controller=true,
 * blockOwnerDeletion=true) if the object is still an orphan; release removes the owner's reference.
 */
export function apiClaimWrites<T extends KubeObject>(api: ApiServer, owner: KubeObject): ClaimWrites<T> {
  const write = (obj: T, change: (draft: KubeObject) => string | undefined): ClaimWrite => {
    let refused: string | undefined;
    const r = api.mutate(obj.kind, obj.metadata.namespace, obj.metadata.name, (draft) => {
      // The patch upstream sends carries the object's uid: a recreated object with the same name is not touched.
      if (draft.metadata.uid !== obj.metadata.uid) {
        refused = `${obj.kind} ${obj.metadata.name} was recreated (uid ${draft.metadata.uid}, expected ${obj.metadata.uid})`;
        return;
      }
      refused = change(draft);
    });
    if (!r.ok) return { ok: false, notFound: r.status.reason === 'NotFound', message: r.status.message };
    if (refused) return { ok: false, notFound: false, message: refused };
    return { ok: true };
  };
  return {
    adopt: (obj) =>
      write(obj, (draft) => {
        const existing = controllerRef(draft);
        if (existing) return `Object ${draft.metadata.name} is already controlled by ${existing.kind} ${existing.name}`;
        draft.metadata.ownerReferences = [...(draft.metadata.ownerReferences ?? []), newControllerRef(owner)];
        return undefined;
      }),
    release: (obj) =>
      write(obj, (draft) => {
        const rest = (draft.metadata.ownerReferences ?? []).filter((o) => o.uid !== owner.metadata.uid);
        if (rest.length > 0) draft.metadata.ownerReferences = rest;
        else delete draft.metadata.ownerReferences;
        return undefined;
      }),
  };
}
