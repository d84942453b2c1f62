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
  return structuredClone(value);
}
