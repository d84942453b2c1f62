/**
 * JSON merge patch (RFC 7386), as the apiserver applies `--type merge` patches: objects merge key by key, `null`
 * deletes, anything else (arrays included) replaces. Null members inside values the patch adds are dropped.
 * Models gopkg.in/evanphx/json-patch.v4 merge.go (MergePatch, mergeDocs, pruneNulls).
 */
import { cloneJson, hasKey, isMap, jsonEqual, setKey, type JsonMap } from './json-value';

/** Removes null members from objects, recursively (also inside arrays), as pruneNulls does. */
function pruneNulls(v: unknown): unknown {
  if (isMap(v)) {
    const out: JsonMap = {};
    for (const k of Object.keys(v)) if (v[k] !== null) setKey(out, k, pruneNulls(v[k]));
    return out;
  }
  // Nulls directly in an array stay; objects inside it are pruned.
  if (Array.isArray(v)) return v.map((x) => (x === null ? null : pruneNulls(x)));
  return v;
}

function merge(cur: unknown, patch: unknown): unknown {
  if (!isMap(cur)) return pruneNulls(patch);
  // An object replaced by a non-object takes the patch value as it is, nulls and all.
  if (!isMap(patch)) return patch;
  mergeDocs(cur, patch);
  return cur;
}

function mergeDocs(doc: JsonMap, patch: JsonMap): void {
  for (const k of Object.keys(patch)) {
    const v = patch[k];
    if (v === null) {
      delete doc[k];
      continue;
    }
    if (!hasKey(doc, k) || doc[k] === null) setKey(doc, k, pruneNulls(v));
    else setKey(doc, k, merge(doc[k], v));
  }
}

/**
 * Applies a JSON merge patch to `target` and returns the result (inputs are not modified). A patch that is not
 * an object replaces the target.
 */
export function jsonMergePatch(target: unknown, patch: unknown): unknown {
  if (!isMap(patch)) return pruneNulls(cloneJson(patch));
  const doc = isMap(target) ? cloneJson(target) : {};
  mergeDocs(doc, cloneJson(patch));
  return doc;
}

/**
 * The merge patch that turns `original` into `modified` (RFC 7386 section 3 in reverse): changed and added
 * members, `null` for removed ones; arrays are sent whole.
 * Models gopkg.in/evanphx/json-patch.v4 merge.go (CreateMergePatch, getDiff).
 */
export function createJsonMergePatch(original: unknown, modified: unknown): unknown {
  if (!isMap(original) || !isMap(modified)) return cloneJson(modified);
  const out: JsonMap = {};
  for (const k of Object.keys(modified)) {
    const o = original[k];
    const m = modified[k];
    if (!hasKey(original, k)) setKey(out, k, cloneJson(m));
    else if (isMap(o) && isMap(m)) {
      const sub = createJsonMergePatch(o, m) as JsonMap;
      if (Object.keys(sub).length > 0) setKey(out, k, sub);
    } else if (!jsonEqual(o, m)) setKey(out, k, cloneJson(m));
  }
  for (const k of Object.keys(original)) if (!hasKey(modified, k)) setKey(out, k, null);
  return out;
}
