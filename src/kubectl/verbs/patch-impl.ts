/**
 * The three patch formats `kubectl patch` sends: JSON merge patch (RFC 7386), JSON patch (RFC 6902) and
 * Kubernetes strategic merge patch (lists merged by their merge key, `$patch`/`$retainKeys`/
 * `$deleteFromPrimitiveList` directives), applied to a plain JSON object.
 * Models gopkg.in/evanphx/json-patch.v4 (MergePatch, Patch.Apply) and
 * staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go (StrategicMergePatch).
 */
// Divergence: a stand-in until the engine exports its own patch algorithms; strategic merge here covers the
// directives kubectl users write by hand, not `$setElementOrder` ordering.
import { fieldOf, rootTypeName, type FieldSpec } from '../../engine';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const clone = <T>(v: T): T => structuredClone(v);

/** A patch that cannot be applied; `message` is the error text the patch library reports. */
export class PatchApplyError extends Error {}

/** RFC 7386 JSON merge patch: objects merge, `null` deletes, everything else replaces. */
export function jsonMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObj(patch)) return clone(patch);
  const out: Obj = isObj(target) ? clone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = jsonMergePatch(out[k], v) as Json;
  }
  return out;
}

/** One RFC 6902 operation. */
interface Operation {
  op: string;
  path?: string;
  from?: string;
  value?: unknown;
}

function decodePointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw new PatchApplyError(`invalid JSON pointer: ${JSON.stringify(path)}`);
  return path.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(doc: Json, parts: string[], path: string): { container: Json; key: string } {
  let cur: Json = doc;
  for (const p of parts.slice(0, -1)) {
    if (Array.isArray(cur)) {
      const i = Number(p);
      if (!/^\d+$/.test(p) || i >= cur.length) throw new PatchApplyError(`doc is missing path: ${JSON.stringify(path)}: missing value`);
      cur = cur[i]!;
    } else if (isObj(cur) && p in cur) {
      cur = cur[p]!;
    } else {
      throw new PatchApplyError(`doc is missing path: ${JSON.stringify(path)}: missing value`);
    }
  }
  return { container: cur, key: parts[parts.length - 1]! };
}

function getAt(doc: Json, path: string): Json {
  const parts = decodePointer(path);
  if (parts.length === 0) return doc;
  const { container, key } = parentOf(doc, parts, path);
  if (Array.isArray(container)) {
    const i = Number(key);
    if (!/^\d+$/.test(key) || i >= container.length) throw new PatchApplyError(`doc is missing key: ${path}`);
    return container[i]!;
  }
  if (!isObj(container) || !(key in container)) throw new PatchApplyError(`doc is missing key: ${path}`);
  return container[key]!;
}

function removeAt(doc: Json, path: string, op: string): Json {
  const parts = decodePointer(path);
  const { container, key } = parentOf(doc, parts, path);
  if (Array.isArray(container)) {
    const i = Number(key);
    if (!/^\d+$/.test(key) || i >= container.length) throw new PatchApplyError(`Unable to ${op} nonexistent key: ${key}: missing value`);
    return container.splice(i, 1)[0]!;
  }
  if (!isObj(container) || !(key in container)) throw new PatchApplyError(`Unable to ${op} nonexistent key: ${key}: missing value`);
  const v = container[key]!;
  delete container[key];
  return v;
}

function addAt(doc: Json, path: string, value: Json, replace: boolean): Json {
  const parts = decodePointer(path);
  if (parts.length === 0) return value;
  const { container, key } = parentOf(doc, parts, path);
  if (Array.isArray(container)) {
    if (key === '-' && !replace) {
      container.push(value);
      return doc;
    }
    const i = Number(key);
    if (!/^\d+$/.test(key) || i > container.length || (replace && i >= container.length)) throw new PatchApplyError(`Unable to access invalid index: ${key}: invalid index referenced`);
    if (replace) container[i] = value;
    else container.splice(i, 0, value);
    return doc;
  }
  if (!isObj(container)) throw new PatchApplyError(`doc is missing path: ${JSON.stringify(path)}: missing value`);
  if (replace && !(key in container)) throw new PatchApplyError(`doc is missing key: ${path}`);
  container[key] = value;
  return doc;
}

/** Applies an RFC 6902 JSON patch (an array of operations); throws PatchApplyError when one does not apply. */
export function jsonPatch(target: unknown, patch: unknown): unknown {
  if (!Array.isArray(patch)) throw new PatchApplyError('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let doc = clone(target) as Json;
  for (const raw of patch as Operation[]) {
    if (!isObj(raw as unknown)) throw new PatchApplyError('json: cannot unmarshal into Go value of type jsonpatch.Operation');
    const op = raw.op;
    const path = raw.path ?? '';
    switch (op) {
      case 'add':
        doc = addAt(doc, path, clone(raw.value as Json), false);
        break;
      case 'remove':
        removeAt(doc, path, 'remove');
        break;
      case 'replace':
        doc = addAt(doc, path, clone(raw.value as Json), true);
        break;
      case 'move': {
        const v = removeAt(doc, raw.from ?? '', 'remove');
        doc = addAt(doc, path, v, false);
        break;
      }
      case 'copy':
        doc = addAt(doc, path, clone(getAt(doc, raw.from ?? '')), false);
        break;
      case 'test':
        if (JSON.stringify(sortKeys(getAt(doc, path))) !== JSON.stringify(sortKeys(raw.value as Json))) throw new PatchApplyError('testing value ' + path + ' failed: test failed');
        break;
      default:
        throw new PatchApplyError(`Unexpected kind: ${String(op)}`);
    }
  }
  return doc;
}

function sortKeys(v: Json): Json {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (!isObj(v)) return v;
  return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k]!)]));
}

/**
 * Kubernetes strategic merge patch of an object of `apiVersion`/`kind`: maps merge, `null` deletes, lists with a
 * merge strategy merge by their merge key (primitive ones by value), other lists are replaced.
 */
export function strategicMergePatch(original: unknown, patch: unknown, apiVersion: string, kind: string): unknown {
  if (!isObj(patch)) throw new PatchApplyError('json: cannot unmarshal into Go value of type map[string]interface {}');
  const merged = mergeMap(isObj(original) ? clone(original) : {}, patch, rootTypeName(apiVersion, kind));
  return merged ?? {};
}

function mergeMap(orig: Obj, patch: Obj, typeName: string | undefined): Obj | undefined {
  const directive = patch.$patch;
  if (directive === 'delete') return undefined;
  if (directive === 'replace') return stripDirectives(patch);
  const out: Obj = { ...orig };
  for (const [k, v] of Object.entries(patch)) {
    if (k === '$patch' || k === '$retainKeys' || k.startsWith('$setElementOrder/')) continue;
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const field = k.slice('$deleteFromPrimitiveList/'.length);
      const current = out[field];
      if (Array.isArray(current) && Array.isArray(v)) out[field] = current.filter((x) => !v.some((d) => JSON.stringify(d) === JSON.stringify(x)));
      continue;
    }
    if (v === null) {
      delete out[k];
      continue;
    }
    const spec = typeName ? fieldOf(typeName, k) : undefined;
    if (isObj(v)) {
      const childType = spec?.type === 'object' ? spec.ref : undefined;
      if (spec?.type === 'map') {
        const current = isObj(out[k]) ? (out[k] as Obj) : {};
        const m = mergeMap(current, v, undefined);
        if (m === undefined) delete out[k];
        else out[k] = m;
        continue;
      }
      const m = mergeMap(isObj(out[k]) ? (out[k] as Obj) : {}, v, childType);
      if (m === undefined) delete out[k];
      else out[k] = m;
    } else if (Array.isArray(v)) {
      out[k] = mergeList(Array.isArray(out[k]) ? (out[k] as Json[]) : [], v, spec);
    } else {
      out[k] = v;
    }
  }
  const retain = patch.$retainKeys;
  if (Array.isArray(retain)) for (const key of Object.keys(out)) if (!retain.includes(key)) delete out[key];
  return out;
}

function stripDirectives(v: Json): Obj {
  const out: Obj = {};
  for (const [k, x] of Object.entries(v as Obj)) if (!k.startsWith('$')) out[k] = x;
  return out;
}

function mergeList(orig: Json[], patch: Json[], spec: FieldSpec | undefined): Json[] {
  const replaceAll = patch.some((e) => isObj(e) && e.$patch === 'replace');
  const merging = spec?.type === 'array' && (spec.strategy ?? '').split(',').includes('merge');
  if (replaceAll || !merging) {
    return patch.filter((e) => !(isObj(e) && e.$patch === 'replace')).map((e) => (isObj(e) ? stripDirectives(e) : clone(e)));
  }
  const items = spec!.items;
  const key = spec!.mergeKey;
  if (!key || items?.type !== 'object') {
    const out = [...orig];
    for (const e of patch) if (!out.some((o) => JSON.stringify(o) === JSON.stringify(e))) out.push(clone(e));
    return out;
  }
  const out = orig.map((e) => clone(e));
  for (const e of patch) {
    if (!isObj(e)) continue;
    const idx = out.findIndex((o) => isObj(o) && o[key] === e[key]);
    if (e.$patch === 'delete') {
      if (idx >= 0) out.splice(idx, 1);
      continue;
    }
    if (idx >= 0) {
      const m = mergeMap(out[idx] as Obj, e, items.ref);
      if (m === undefined) out.splice(idx, 1);
      else out[idx] = m;
    } else {
      const m = mergeMap({}, e, items.ref);
      if (m !== undefined) out.push(m);
    }
  }
  return out;
}
