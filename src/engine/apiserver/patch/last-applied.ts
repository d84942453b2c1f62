/**
 * The `kubectl.kubernetes.io/last-applied-configuration` annotation of client-side apply: what kubectl stores
 * (the object as it sent it, JSON-encoded by Go: keys sorted, `metadata.annotations` present even when empty,
 * the annotation itself left out, a trailing newline) and how it reads it back.
 * Models k8s.io/kubectl/pkg/util/apply.go (GetModifiedConfiguration, CreateApplyAnnotation,
 * GetOriginalConfiguration).
 */
import { goJsonMarshal } from '../../api/decode/go-json';
import { cloneJson, getKey, isMap, setKey, type JsonMap } from './json-value';

/** The annotation key kubectl apply keeps its last configuration under. */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** The object's annotations as a fresh map (empty when absent or malformed). */
function annotationsOf(obj: JsonMap): JsonMap {
  const meta = getKey(obj, 'metadata');
  const annotations = isMap(meta) ? getKey(meta, 'annotations') : undefined;
  return isMap(annotations) ? cloneJson(annotations) : {};
}

function withAnnotations(obj: JsonMap, annotations: JsonMap): JsonMap {
  const copy = cloneJson(obj);
  const meta = isMap(getKey(copy, 'metadata')) ? (copy.metadata as JsonMap) : {};
  setKey(meta, 'annotations', annotations);
  setKey(copy, 'metadata', meta);
  return copy;
}

/**
 * The annotation value kubectl stores for `obj` (the manifest object as sent: namespace filled in by kubectl,
 * nothing defaulted). `status`, if the manifest has one, is kept, as kubectl keeps it.
 */
export function lastAppliedConfiguration(obj: JsonMap): string {
  const annotations = annotationsOf(obj);
  delete annotations[LAST_APPLIED_ANNOTATION];
  // Unstructured.SetAnnotations with an empty map writes `"annotations":{}`, which kubectl then encodes.
  return `${goJsonMarshal(withAnnotations(obj, annotations))}\n`;
}

/**
 * `obj` with its last-applied annotation set to its own configuration: what `kubectl apply` creates, what
 * `kubectl create --save-config` stores, and the `modified` side of an apply patch.
 */
export function withLastApplied(obj: JsonMap): JsonMap {
  const annotations = annotationsOf(obj);
  delete annotations[LAST_APPLIED_ANNOTATION];
  setKey(annotations, LAST_APPLIED_ANNOTATION, lastAppliedConfiguration(obj));
  return withAnnotations(obj, annotations);
}

/** The stored configuration text of a live object, if it has one. */
export function lastAppliedText(live: JsonMap): string | undefined {
  const value = getKey(annotationsOf(live), LAST_APPLIED_ANNOTATION);
  return typeof value === 'string' ? value : undefined;
}

/**
 * The previous configuration of a live object, parsed. `undefined` without the annotation (kubectl then warns
 * and diffs against nothing); an Error for text that is not a JSON object.
 */
export function readLastApplied(live: JsonMap): JsonMap | undefined | Error {
  const text = lastAppliedText(live);
  if (text === undefined || text === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (!isMap(parsed)) return new Error('invalid JSON document');
    return cloneJson(parsed);
  } catch {
    return new Error('invalid JSON document');
  }
}
