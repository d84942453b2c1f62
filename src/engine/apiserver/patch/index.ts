/**
 * Patch algorithms over plain JSON values: JSON merge patch (RFC 7386), JSON patch (RFC 6902), strategic merge
 * patch with kubectl's directives, and the three-way patch of client-side `kubectl apply` with its
 * last-applied-configuration annotation.
 */
import { goJsonMarshal } from '../../api/decode/go-json';
import { isMap, type JsonMap } from './json-value';
import type { PatchFailure, PatchResult } from './json-patch';
import { lastAppliedText, readLastApplied, withLastApplied } from './last-applied';
import { patchSchemaForKind } from './patch-meta';
import { StrategicPatchError, applyStrategicPatch, createThreeWayPatch, createTwoWayPatch } from './strategic';

export { jsonMergePatch, createJsonMergePatch } from './json-merge-patch';
export { jsonPatch, MAX_JSON_PATCH_OPERATIONS } from './json-patch';
export type { JsonPatchOp, PatchFailure, PatchResult } from './json-patch';
export { LAST_APPLIED_ANNOTATION, lastAppliedConfiguration, lastAppliedText, readLastApplied, withLastApplied } from './last-applied';
export { patchSchemaForKind, type PatchSchema } from './patch-meta';
export { StrategicPatchError } from './strategic';
export type { JsonMap } from './json-value';

/** How the apiserver answers a strategic-merge-patch failure. Models patch.go interpretStrategicMergePatchError. */
function failureOf(e: StrategicPatchError): PatchFailure {
  if (e.kind === 'format') return { reason: 'BadRequest', code: 400, message: e.message };
  if (e.kind === 'unprocessable') {
    return { reason: 'Invalid', code: 422, message: 'the server rejected our request due to an error in our request', detail: e.message };
  }
  return { reason: 'Unknown', code: 500, message: e.message };
}

/**
 * Applies a strategic merge patch to `target` (not modified) as the apiserver does for `kind` (merge keys and
 * strategies of its Go types; unknown kinds merge like a JSON merge patch with lists replaced).
 */
export function strategicMergePatch(target: unknown, patch: unknown, kind: string, apiVersion?: string): PatchResult {
  if (!isMap(target) || !isMap(patch)) return { ok: false, failure: { reason: 'BadRequest', code: 400, message: 'invalid JSON document' } };
  try {
    return { ok: true, value: applyStrategicPatch(target, patch, patchSchemaForKind(kind, apiVersion)) };
  } catch (e) {
    if (e instanceof StrategicPatchError) return { ok: false, failure: failureOf(e) };
    throw e;
  }
}

/** A patch kubectl computed, or the reason it could not (upstream's text, which kubectl wraps in its own). */
export type PatchComputation = { ok: true; patch: JsonMap } | { ok: false, error: string };

/** The two-way strategic merge patch from `original` to `modified` (`kubectl edit`, `kubectl set ...`). */
export function twoWayMerge(original: JsonMap, modified: JsonMap, kind: string, apiVersion?: string): PatchComputation {
  try {
    return { ok: true, patch: createTwoWayPatch(original, modified, patchSchemaForKind(kind, apiVersion)) };
  } catch (e) {
    if (e instanceof StrategicPatchError) return { ok: false, error: e.message };
    throw e;
  }
}

/**
 * The patch client-side `kubectl apply` sends: changes from `current` to `modified` plus deletions from
 * `original` (the last-applied configuration) to `modified`. Models strategicpatch CreateThreeWayMergePatch.
 */
export function threeWayMerge(original: JsonMap | undefined, modified: JsonMap, current: JsonMap, kind: string, apiVersion?: string): PatchComputation {
  try {
    return { ok: true, patch: createThreeWayPatch(original, modified, current, patchSchemaForKind(kind, apiVersion)) };
  } catch (e) {
    if (e instanceof StrategicPatchError) return { ok: false, error: e.message };
    throw e;
  }
}

/** Everything `kubectl apply` works out for an object that already exists. */
export interface ApplyPlan {
  /** The patch to send (`{}` means `unchanged`). */
  patch: JsonMap;
  /** The patch as kubectl encodes it (for `-v` logs and error texts). */
  patchText: string;
  /** True when there is nothing to send: kubectl prints `<kind>/<name> unchanged`. */
  unchanged: boolean;
  /** True when the live object had no last-applied annotation: kubectl prints its warning first. */
  missingAnnotation: boolean;
  /** The last-applied text found on the live object (for `apply view-last-applied`). */
  previous?: string;
}

/**
 * Plans a client-side apply of `manifest` (the decoded object, namespace already filled in) onto `live`.
 * Returns the patch to send with a strategic merge patch, or upstream's error text.
 * Models k8s.io/kubectl/pkg/cmd/apply patcher.go (Patcher.patchSimple).
 */
export function planApply(live: JsonMap, manifest: JsonMap): { ok: true; plan: ApplyPlan } | { ok: false; error: string } {
  const kind = typeof manifest.kind === 'string' ? manifest.kind : '';
  const apiVersion = typeof manifest.apiVersion === 'string' ? manifest.apiVersion : undefined;
  const original = readLastApplied(live);
  if (original instanceof Error) return { ok: false, error: `retrieving original configuration: ${original.message}` };
  const modified = withLastApplied(manifest);
  const computed = threeWayMerge(original, modified, live, kind, apiVersion);
  if (!computed.ok) return computed;
  const patchText = goJsonMarshal(computed.patch);
  const previous = lastAppliedText(live);
  return {
    ok: true,
    plan: {
      patch: computed.patch,
      patchText,
      unchanged: patchText === '{}',
      missingAnnotation: previous === undefined,
      ...(previous !== undefined ? { previous } : {}),
    },
  };
}

/** The annotation value for an object (alias of lastAppliedConfiguration, the name kubectl verbs use). */
export { lastAppliedConfiguration as lastAppliedAnnotationValue } from './last-applied';

/** The outcome of applying a manifest onto a live object in one step. */
export interface ThreeWayApplyResult<T> {
  /** False when the computed patch is `{}` (kubectl prints `unchanged`) or when computing/applying failed. */
  changed: boolean;
  /** The object after the patch (the live object itself when unchanged or failed). */
  object: T;
  /** The patch that was applied. */
  patch: JsonMap;
  /** Why the patch could not be computed (kubectl's side) or applied (the apiserver's answer). */
  error?: string | PatchFailure;
}

/**
 * Client-side apply in one call: the three-way patch from `live`'s last-applied configuration, `modified` (the
 * manifest already carrying its new last-applied annotation) and `live`, applied as the apiserver applies it.
 */
export function applyThreeWayPatch<T extends object>(live: T, modified: T): ThreeWayApplyResult<T> {
  const current = live as unknown as JsonMap;
  const mod = modified as unknown as JsonMap;
  const kind = typeof mod.kind === 'string' ? mod.kind : '';
  const apiVersion = typeof mod.apiVersion === 'string' ? mod.apiVersion : undefined;
  const original = readLastApplied(current);
  if (original instanceof Error) return { changed: false, object: live, patch: {}, error: `retrieving original configuration: ${original.message}` };
  const computed = threeWayMerge(original, mod, current, kind, apiVersion);
  if (!computed.ok) return { changed: false, object: live, patch: {}, error: computed.error };
  if (goJsonMarshal(computed.patch) === '{}') return { changed: false, object: live, patch: computed.patch };
  const applied = strategicMergePatch(current, computed.patch, kind, apiVersion);
  if (!applied.ok) return { changed: false, object: live, patch: computed.patch, error: applied.failure };
  return { changed: true, object: applied.value as T, patch: computed.patch };
}
