/** Helpers over object metadata: keys, owner references, conditions. */
import type { KubeObject, OwnerReference } from './types';

/** The store key of an object: `namespace/name`, or `name` when cluster-scoped. */
export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

/** The owner reference marked `controller: true`, if any. */
export function controllerRef(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((o) => o.controller === true);
}

/** A controller owner reference pointing at `owner`. */
export function newControllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** A condition entry as the API stores it (status True/False/Unknown). */
export interface ConditionLike {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastUpdateTime?: string;
  lastProbeTime?: string | null;
  lastHeartbeatTime?: string;
  observedGeneration?: number;
}

/** The condition of `type`, if present. */
export function getCondition<C extends ConditionLike>(conds: readonly C[] | undefined, type: string): C | undefined {
  return conds?.find((c) => c.type === type);
}

/**
 * Returns `conds` with `next` set: keeps lastTransitionTime when the status did not change, as every upstream
 * SetCondition helper does. The input array is not mutated.
 */
export function setCondition<C extends ConditionLike>(conds: readonly C[] | undefined, next: C): C[] {
  const list = [...(conds ?? [])];
  const i = list.findIndex((c) => c.type === next.type);
  if (i < 0) {
    list.push(next);
    return list;
  }
  const prev = list[i]!;
  const merged = { ...next };
  if (prev.status === next.status && prev.lastTransitionTime) merged.lastTransitionTime = prev.lastTransitionTime;
  list[i] = merged;
  return list;
}

/** RFC 3339 timestamp with second precision, as metav1.Time marshals (`2026-11-22T01:50:24Z`). */
export function toTimestamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** RFC 3339 with microseconds, as metav1.MicroTime marshals (events' eventTime). */
export function toMicroTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** Milliseconds since the epoch of a stored timestamp (undefined stays undefined). */
export function fromTimestamp(ts: string | undefined | null): number | undefined {
  if (!ts) return undefined;
  const ms = Date.parse(ts);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Deep copy of a plain JSON value. Stored objects are immutable; mutate a copy. */
export function deepCopy<T>(value: T): T {
  return cloneJson(value);
}

function cloneJson<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = cloneJson(v[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const k in v) {
    if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined) out[k] = cloneJson(x);
  }
  return out as T;
}

/** Structural equality of JSON values; a key holding `undefined` counts as absent (as in JSON). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let na = 0;
  for (const k in ao) {
    if (ao[k] === undefined) continue;
    na++;
    if (!jsonEqual(ao[k], bo[k])) return false;
  }
  let nb = 0;
  for (const k in bo) if (bo[k] !== undefined) nb++;
  return na === nb;
}
