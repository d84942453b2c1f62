/**
 * API errors as values. Every failure the apiserver can answer is an ApiStatus with upstream's reason, code and
 * message, so kubectl can render it exactly as the real one does.
 * Models staging/src/k8s.io/apimachinery/pkg/api/errors/errors.go.
 */
import type { ResourceType } from '../api/registry';
import { qualifiedResource } from '../api/registry';

/** One field-level cause of an Invalid status. */
export interface StatusCause {
  /** `FieldValueRequired`, `FieldValueInvalid`, `FieldValueNotSupported`, `FieldValueDuplicate`, `FieldValueForbidden`, `FieldValueTooLong`, `FieldValueTypeInvalid`. */
  type: string;
  message: string;
  field: string;
}

/** A failed API call, as the apiserver returns it. */
export interface ApiStatus {
  kind: 'Status';
  apiVersion: 'v1';
  status: 'Failure';
  message: string;
  reason: 'NotFound' | 'AlreadyExists' | 'Conflict' | 'Invalid' | 'BadRequest' | 'Forbidden' | 'MethodNotAllowed' | 'NotAcceptable' | 'InternalError';
  code: number;
  details?: { name?: string; group?: string; kind?: string; causes?: StatusCause[] };
}

/** The outcome of an API call: a value or an ApiStatus. */
export type Result<T> = { ok: true; value: T } | { ok: false; status: ApiStatus };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(status: ApiStatus): Result<T> => ({ ok: false, status });

function status(reason: ApiStatus['reason'], code: number, message: string, details?: ApiStatus['details']): ApiStatus {
  return { kind: 'Status', apiVersion: 'v1', status: 'Failure', message, reason, code, ...(details ? { details } : {}) };
}

/** `pods "x" not found` */
export function notFound(t: ResourceType, name: string): ApiStatus {
  return status('NotFound', 404, `${qualifiedResource(t)} "${name}" not found`, { name, group: t.group, kind: t.resource });
}

/** `deployments.apps "web" already exists` */
export function alreadyExists(t: ResourceType, name: string): ApiStatus {
  return status('AlreadyExists', 409, `${qualifiedResource(t)} "${name}" already exists`, { name, group: t.group, kind: t.resource });
}

/** Optimistic-concurrency failure on update. */
export function conflict(t: ResourceType, name: string, why: string): ApiStatus {
  return status('Conflict', 409, `Operation cannot be fulfilled on ${qualifiedResource(t)} "${name}": ${why}`, { name, group: t.group, kind: t.resource });
}

/** Validation failure with every cause listed: `Deployment.apps "web" is invalid: spec.selector: Required value`. */
export function invalid(t: ResourceType, name: string, causes: StatusCause[]): ApiStatus {
  const qualifiedKind = t.group ? `${t.kind}.${t.group}` : t.kind;
  const parts = causes.map((c) => `${c.field}: ${c.message}`);
  const tail = parts.length === 0 ? '' : parts.length === 1 ? `: ${parts[0]}` : `: [${parts.join(', ')}]`;
  return status('Invalid', 422, `${qualifiedKind} "${name}" is invalid${tail}`, { name, group: t.group, kind: t.kind, causes });
}

export function badRequest(message: string): ApiStatus {
  return status('BadRequest', 400, message);
}

export function forbidden(t: ResourceType, name: string, why: string): ApiStatus {
  return status('Forbidden', 403, `${qualifiedResource(t)} "${name}" is forbidden: ${why}`, { name, group: t.group, kind: t.resource });
}

export function methodNotAllowed(message: string): ApiStatus {
  return status('MethodNotAllowed', 405, message);
}

export function internalError(message: string): ApiStatus {
  return status('InternalError', 500, `Internal error occurred: ${message}`);
}
