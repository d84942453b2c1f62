/**
 * ControllerRevisions of a StatefulSet: the recorded patch that restores a pod template, its name and hash, and
 * the ordering and equality rules the controller and `kubectl rollout` rely on.
 * Models pkg/controller/history/controller_history.go (NewControllerRevision, HashControllerRevision,
 * ControllerRevisionName, EqualRevision, SortControllerRevisions) and the revision helpers of
 * pkg/controller/statefulset/stateful_set_utils.go (getPatch, newRevision, ApplyRevision, nextRevision).
 */
import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types';
import { deepCopy, fromTimestamp } from '../../api/meta';
import { safeEncodeString } from '../../api/names';
import { goJsonMarshal } from '../../api/decode';
import { STATEFUL_SET_KIND, type StoredStatefulSet } from './stateful-set-utils';

/** A ControllerRevision as stored by the apiserver. */
export type StoredControllerRevision = ControllerRevision & KubeObject;

/** Label carrying the hash of a revision's data. */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller.kubernetes.io/hash';

/** The patch a StatefulSet revision records: `{"spec":{"template":{"$patch":"replace", ...}}}`. */
export interface StatefulSetRevisionData {
  spec: { template: PodTemplateSpec & { $patch: 'replace' } };
}

/**
 * Models getPatch: a strategic merge patch that replaces spec.template with the set's current template. Go
 * re-marshals it through a map, so the stored bytes have sorted keys (goJsonMarshal gives the same text).
 */
export function getPatch(set: StoredStatefulSet): StatefulSetRevisionData {
  const template = deepCopy(set.spec?.template ?? {}) as PodTemplateSpec;
  return { spec: { template: { $patch: 'replace', ...template } } };
}

/** The revision's data as the bytes Go stores and hashes (keys sorted, HTML characters escaped). */
export function revisionDataText(data: unknown): string {
  return data === undefined || data === null ? '' : goJsonMarshal(data);
}

/** Models ControllerRevisionName: `<prefix>-<hash>`, the prefix cut to 223 characters. */
export function controllerRevisionName(prefix: string, hash: string): string {
  return `${prefix.length > 223 ? prefix.slice(0, 223) : prefix}-${hash}`;
}

/**
 * Models HashControllerRevision: 32-bit FNV-1 (not 1a, as hash/fnv.New32) over the data's bytes, then the collision
 * count in decimal when given, safe-encoded. For a template stored byte-for-byte as a real cluster stores it this
 * gives the same name a real cluster gives (the StatefulSet controller always passes a count, 0 at first).
 */
export function hashControllerRevision(data: unknown, collisionCount?: number): string {
  let text = revisionDataText(data);
  if (collisionCount !== undefined) text += String(collisionCount);
  return safeEncodeString(String(fnv1_32(utf8Bytes(text))));
}

/** Models newRevision with history.NewControllerRevision: an uncreated revision of `set` numbered `revision`. */
export function newRevision(set: StoredStatefulSet, revision: number, collisionCount: number): StoredControllerRevision {
  const data = getPatch(set);
  const hash = hashControllerRevision(data, collisionCount);
  const labels: Record<string, string> = { ...(set.spec?.template?.metadata?.labels ?? {}) };
  labels[CONTROLLER_REVISION_HASH_LABEL] = hash;
  const metadata: KubeObject['metadata'] = {
    name: controllerRevisionName(set.metadata.name, hash),
    namespace: set.metadata.namespace,
    labels,
    ownerReferences: [{ ...STATEFUL_SET_KIND, name: set.metadata.name, uid: set.metadata.uid!, controller: true, blockOwnerDeletion: true }],
  };
  // The set's annotations (kubectl's last-applied configuration, a change-cause) travel with the revision.
  if (set.metadata.annotations && Object.keys(set.metadata.annotations).length > 0) metadata.annotations = { ...set.metadata.annotations };
  return { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata, data: data as unknown as ControllerRevision['data'], revision };
}

/**
 * Models ApplyRevision: the set with the revision's template restored. The recorded patch replaces spec.template
 * whole, so applying it is a replacement of that field.
 * Divergence: the patch is not run through the strategic-merge engine; for the `$patch: replace` patches this
 * controller records the result is the same.
 */
export function applyRevision(set: StoredStatefulSet, revision: ControllerRevision): StoredStatefulSet {
  const data = revision.data as unknown as Partial<StatefulSetRevisionData> | undefined;
  const patched = data?.spec?.template;
  if (!patched) return set;
  const { $patch: _replace, ...template } = deepCopy(patched);
  void _replace;
  return { ...set, spec: { ...set.spec!, template } };
}

/** The pod template a revision records (without the `$patch` directive). */
export function revisionTemplate(revision: ControllerRevision): PodTemplateSpec | undefined {
  const data = revision.data as unknown as Partial<StatefulSetRevisionData> | undefined;
  const patched = data?.spec?.template;
  if (!patched) return undefined;
  const { $patch: _replace, ...template } = deepCopy(patched);
  void _replace;
  return template;
}

/** Models nextRevision: one more than the highest revision (revisions sorted), 1 for none. */
export function nextRevision(revisions: readonly ControllerRevision[]): number {
  return revisions.length === 0 ? 1 : revisions[revisions.length - 1]!.revision + 1;
}

/** Models byRevision.Less: by revision, then creation time, then name. Returns a new sorted array. */
export function sortControllerRevisions<R extends StoredControllerRevision>(revisions: readonly R[]): R[] {
  return [...revisions].sort((a, b) => {
    if (a.revision !== b.revision) return a.revision - b.revision;
    const ta = fromTimestamp(a.metadata.creationTimestamp) ?? 0;
    const tb = fromTimestamp(b.metadata.creationTimestamp) ?? 0;
    if (ta !== tb) return ta - tb;
    return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
  });
}

/**
 * Models EqualRevision: equal data bytes. Hash labels that both parse as decimal numbers must also agree (the
 * safe-encoded hashes almost never do parse, as upstream).
 */
export function equalRevision(lhs: ControllerRevision | undefined, rhs: ControllerRevision | undefined): boolean {
  if (!lhs || !rhs) return lhs === rhs;
  const lh = decimalHash(lhs.metadata?.labels?.[CONTROLLER_REVISION_HASH_LABEL]);
  const rh = decimalHash(rhs.metadata?.labels?.[CONTROLLER_REVISION_HASH_LABEL]);
  if (lh !== undefined && rh !== undefined && lh !== rh) return false;
  return revisionDataText(lhs.data) === revisionDataText(rhs.data);
}

/** Models FindEqualRevisions: the revisions equal to `needle`, in their order. */
export function findEqualRevisions<R extends ControllerRevision>(revisions: readonly R[], needle: ControllerRevision): R[] {
  return revisions.filter((r) => equalRevision(r, needle));
}

function decimalHash(label: string | undefined): number | undefined {
  // strconv.ParseInt(s, 10, 32) then uint32: only plain int32 decimals count.
  if (label === undefined || !/^[+-]?\d+$/.test(label)) return undefined;
  const n = Number(label);
  return n < -2147483648 || n > 2147483647 ? undefined : n >>> 0;
}

/** 32-bit FNV-1 (multiply, then xor) as Go's hash/fnv New32. */
function fnv1_32(bytes: readonly number[]): number {
  let h = 0x811c9dc5;
  for (const b of bytes) {
    h = Math.imul(h, 0x01000193) >>> 0;
    h = (h ^ b) >>> 0;
  }
  return h >>> 0;
}

/** UTF-8 bytes of a string (the engine has no TextEncoder); lone surrogates become U+FFFD as in Go. */
function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      c = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(i + 1) - 0xdc00);
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      c = 0xfffd;
    }
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return out;
}
