/**
 * DaemonSet revision history: one ControllerRevision per distinct pod template, named `<ds>-<hash>`, whose data
 * is the strategic-merge patch that restores the template; the current one carries the highest revision number
 * (a template that comes back reuses its revision object with a new number), and old ones beyond
 * revisionHistoryLimit are deleted unless a live pod still uses them.
 * Models pkg/controller/daemon/update.go (constructHistory, cleanupHistory, dedupCurHistories, controlledHistories,
 * Match, getPatch, snapshot).
 */
import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../api/types';
import { controllerRef, newControllerRef } from '../../api/meta';
import { canonicalJson, computeTemplateHash } from '../../api/names';
import { fromLabelSelector, matches } from '../../api/labels';
import type { ApiServer } from '../../apiserver/apiserver';
import type { Fallible } from '../deployment/util/int-or-string';
import { apiClaimWrites, claimObjects } from '../replicaset/controller-ref-manager';
import { CONTROLLER_REVISION_HASH_LABEL, type StoredDaemonSet } from './util/daemonset-util';
import type { DaemonPod } from './update';

/** A ControllerRevision as stored by the apiserver. */
export type StoredControllerRevision = ControllerRevision & KubeObject;

/** Go's json.Marshal of a map sorts keys; the revision data is re-marshalled from a map, so its keys are sorted. */
function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value as object).sort()) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = sortKeysDeep(v);
  }
  return out;
}

/**
 * Models getPatch: `{"spec":{"template":{...,"$patch":"replace"}}}`, the patch that puts this DaemonSet's template
 * back. kubectl's rollout undo applies it as is.
 */
export function daemonSetTemplatePatch(ds: StoredDaemonSet): Record<string, unknown> {
  return sortKeysDeep({ spec: { template: { ...(ds.spec?.template ?? {}), $patch: 'replace' } } }) as Record<string, unknown>;
}

/** Models Match: the revision's data is exactly this DaemonSet's template patch. */
export function matchesRevision(ds: StoredDaemonSet, history: ControllerRevision): boolean {
  return canonicalJson(daemonSetTemplatePatch(ds)) === canonicalJson(history.data ?? null);
}

/** Models maxRevision. */
export function maxRevision(histories: readonly ControllerRevision[]): number {
  return histories.reduce((m, h) => Math.max(m, h.revision ?? 0), 0);
}

/** Sorts by revision number, oldest first (historiesByRevision). */
export function byRevision<T extends ControllerRevision>(histories: readonly T[]): T[] {
  return [...histories].sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0));
}

/** The current revision of a DaemonSet and the older ones. */
export interface DaemonSetHistory {
  cur: StoredControllerRevision;
  old: StoredControllerRevision[];
}

/** Reads, claims and maintains a DaemonSet's ControllerRevisions through the apiserver. */
export class DaemonSetHistoryManager {
  constructor(private readonly api: ApiServer) {}

  /**
   * Models controlledHistories: the revisions this DaemonSet controls, adopting matching orphans and releasing
   * revisions it no longer selects.
   */
  controlledHistories(ds: StoredDaemonSet): Fallible<StoredControllerRevision[]> {
    const sel = fromLabelSelector(ds.spec?.selector);
    const all = this.api.list<StoredControllerRevision>('ControllerRevision', ds.metadata.namespace);
    const r = claimObjects(ds, all, (h) => sel !== null && matches(sel, h.metadata.labels), apiClaimWrites<StoredControllerRevision>(this.api, ds));
    if (r.errors.length > 0) return { ok: false, error: r.errors[0]! };
    // Claims may have rewritten objects: read the stored versions back.
    return { ok: true, value: r.claimed.map((h) => this.api.get<StoredControllerRevision>('ControllerRevision', h.metadata.namespace, h.metadata.name) ?? h) };
  }

  /**
   * Models constructHistory: splits the revisions into the one matching the current template and the rest,
   * creates the current one if missing, and raises its revision number above every old one.
   */
  constructHistory(ds: StoredDaemonSet, pods: () => DaemonPod[]): Fallible<DaemonSetHistory> {
    const histories = this.controlledHistories(ds);
    if (!histories.ok) return histories;
    const current: StoredControllerRevision[] = [];
    const old: StoredControllerRevision[] = [];
    for (let h of histories.value) {
      // Revisions made before the unique label existed get their name as the label.
      if (h.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] === undefined) {
        const r = this.api.mutate<StoredControllerRevision>('ControllerRevision', h.metadata.namespace, h.metadata.name, (draft) => {
          draft.metadata.labels = { ...(draft.metadata.labels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: draft.metadata.name };
        });
        if (!r.ok) return { ok: false, error: r.status.message };
        h = r.value;
      }
      (matchesRevision(ds, h) ? current : old).push(h);
    }
    const currRevision = maxRevision(old) + 1;
    if (current.length === 0) {
      const cur = this.snapshot(ds, currRevision);
      return cur.ok ? { ok: true, value: { cur: cur.value, old } } : cur;
    }
    const kept = this.dedupCurHistories(ds, current, pods);
    if (!kept.ok) return kept;
    let cur = kept.value;
    if ((cur.revision ?? 0) < currRevision) {
      const r = this.api.mutate<StoredControllerRevision>('ControllerRevision', cur.metadata.namespace, cur.metadata.name, (draft) => {
        draft.revision = currRevision;
      });
      if (!r.ok) return { ok: false, error: r.status.message };
      cur = r.value;
    }
    return { ok: true, value: { cur, old } };
  }

  /** Models dedupCurHistories: keeps the highest-numbered duplicate, relabels pods onto it, deletes the others. */
  private dedupCurHistories(ds: StoredDaemonSet, current: StoredControllerRevision[], pods: () => DaemonPod[]): Fallible<StoredControllerRevision> {
    if (current.length === 1) return { ok: true, value: current[0]! };
    let keep = current[0]!;
    for (const h of current) if ((h.revision ?? 0) >= (keep.revision ?? 0)) keep = h;
    const keepHash = keep.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? '';
    for (const pod of pods()) {
      if (pod.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] === keepHash) continue;
      const r = this.api.mutate('Pod', pod.metadata.namespace, pod.metadata.name, (draft) => {
        draft.metadata.labels = { ...(draft.metadata.labels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: keepHash };
      });
      if (!r.ok && r.status.reason !== 'NotFound') return { ok: false, error: r.status.message };
    }
    for (const h of current) {
      if (h.metadata.name === keep.metadata.name) continue;
      const r = this.api.delete('ControllerRevision', h.metadata.namespace, h.metadata.name);
      if (!r.ok && r.status.reason !== 'NotFound') return { ok: false, error: r.status.message };
    }
    return { ok: true, value: keep };
  }

  /**
   * Models snapshot: creates `<ds>-<hash>` with the template's labels plus the hash label and the DaemonSet's
   * annotations (so a recorded change-cause reaches `rollout history`). A name taken by a different template is a
   * hash collision: collisionCount goes up and the sync is retried.
   */
  private snapshot(ds: StoredDaemonSet, revision: number): Fallible<StoredControllerRevision> {
    const hash = computeTemplateHash(ds.spec?.template, ds.status?.collisionCount);
    const name = `${ds.metadata.name}-${hash}`;
    const history: StoredControllerRevision = {
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: {
        name,
        namespace: ds.metadata.namespace,
        labels: { ...(ds.spec?.template?.metadata?.labels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: hash },
        ...(ds.metadata.annotations ? { annotations: { ...ds.metadata.annotations } } : {}),
        ownerReferences: [newControllerRef(ds)],
      },
      data: daemonSetTemplatePatch(ds),
      revision,
    };
    const r = this.api.create<StoredControllerRevision>(history);
    if (r.ok) return { ok: true, value: r.value };
    if (r.status.reason !== 'AlreadyExists') return { ok: false, error: r.status.message };
    const existing = this.api.get<StoredControllerRevision>('ControllerRevision', ds.metadata.namespace, name);
    if (existing && matchesRevision(ds, existing)) return { ok: true, value: existing };
    const fresh = this.api.get<StoredDaemonSet>('DaemonSet', ds.metadata.namespace, ds.metadata.name);
    if (!fresh) return { ok: false, error: r.status.message };
    if ((fresh.status?.collisionCount ?? undefined) !== (ds.status?.collisionCount ?? undefined)) {
      return { ok: false, error: `found a stale collision count (${ds.status?.collisionCount ?? 0}, expected ${fresh.status?.collisionCount ?? 0}) of DaemonSet "${ds.metadata.name}" while processing; will retry until it is updated` };
    }
    this.api.mutate('DaemonSet', ds.metadata.namespace, ds.metadata.name, (draft) => {
      draft.status = { ...((draft.status as object) ?? {}), collisionCount: (fresh.status?.collisionCount ?? 0) + 1 };
    }, 'status');
    return { ok: false, error: r.status.message };
  }

  /**
   * Models cleanupHistory: deletes the oldest revisions beyond revisionHistoryLimit, sparing any whose hash a
   * daemon pod (including a terminated one) still carries.
   */
  cleanupHistory(ds: StoredDaemonSet, old: readonly StoredControllerRevision[], podsIncludingTerminal: readonly DaemonPod[]): string | undefined {
    let toKill = old.length - (ds.spec?.revisionHistoryLimit ?? 10);
    if (toKill <= 0) return undefined;
    const liveHashes = new Set<string>();
    for (const pod of podsIncludingTerminal) {
      const h = pod.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL];
      if (h) liveHashes.add(h);
    }
    for (const h of byRevision(old)) {
      if (toKill <= 0) break;
      if (liveHashes.has(h.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? '')) continue;
      const r = this.api.delete('ControllerRevision', h.metadata.namespace, h.metadata.name);
      if (!r.ok && r.status.reason !== 'NotFound') return r.status.message;
      toKill--;
    }
    return undefined;
  }
}

/** True when `obj` is controlled by the DaemonSet (same uid). */
export function isControlledBy(obj: KubeObject, ds: StoredDaemonSet): boolean {
  return controllerRef(obj)?.uid === ds.metadata.uid;
}
