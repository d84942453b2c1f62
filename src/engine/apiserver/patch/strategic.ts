/**
 * Strategic merge patch: JSON merge patch plus per-field knowledge of lists. Lists tagged `merge` are merged by
 * their key (containers by name, ports by containerPort, env by name), other lists are replaced whole, and the
 * directives kubectl sends are honoured: `$patch: delete|replace|merge`, `$retainKeys`,
 * `$deleteFromPrimitiveList/<field>` and `$setElementOrder/<field>`.
 *
 * `applyStrategicPatch` is the apiserver side (what `kubectl patch` and `kubectl apply` patches do to the live
 * object); `diffStrategic` computes patches the way kubectl does (two-way and three-way).
 * Models k8s.io/apimachinery/pkg/util/strategicpatch/patch.go (mergeMap and friends, diffMaps and friends,
 * CreateThreeWayMergePatch) and pkg/util/mergepatch/errors.go.
 */
import { lookupSlice, lookupStruct, type PatchSchema } from './patch-meta';
import { goFmtV, hasKey, isMap, jsonEqual, setKey, type JsonMap } from './json-value';

const DIRECTIVE = '$patch';
const DELETE = 'delete';
const REPLACE = 'replace';
const MERGE = 'merge';
const RETAIN_KEYS = '$retainKeys';
const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList';
const SET_ELEMENT_ORDER = '$setElementOrder';

/** A strategic-merge-patch failure with upstream's text; `kind` says how the apiserver classifies it. */
export class StrategicPatchError extends Error {
  constructor(
    message: string,
    /** `format`: BadRequest; `unprocessable`: 422; `other`: a plain error (500 on the server). */
    readonly kind: 'format' | 'unprocessable' | 'other',
  ) {
    super(message);
  }
}

const errBadPatchFormatForPrimitiveList = (): StrategicPatchError => new StrategicPatchError('invalid patch format of primitive list', 'format');
const errBadPatchFormatForRetainKeys = (): StrategicPatchError => new StrategicPatchError('invalid patch format of retainKeys', 'format');
const errBadPatchFormatForSetElementOrderList = (): StrategicPatchError => new StrategicPatchError('invalid patch format of setElementOrder list', 'format');
const errNoListOfLists = (): StrategicPatchError => new StrategicPatchError('lists of lists are not supported', 'unprocessable');
const errNoMergeKey = (m: unknown, k: string): StrategicPatchError => new StrategicPatchError(`map: ${goFmtV(m)} does not contain declared merge key: ${k}`, 'other');
const errBadPatchType = (t: unknown, m: unknown): StrategicPatchError => new StrategicPatchError(`unknown patch type: ${goFmtV(t)} in map: ${goFmtV(m)}`, 'other');

/** Go's reflect type name of a decoded JSON value, for ErrBadArgType texts. */
function goTypeOf(v: unknown): string {
  if (v === null || v === undefined) return '%!s(<nil>)';
  if (Array.isArray(v)) return '[]interface {}';
  if (isMap(v)) return 'map[string]interface {}';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'float64';
  return 'bool';
}

function errBadArgType(expected: 'map' | 'slice', actual: unknown): StrategicPatchError {
  return new StrategicPatchError(`expected a ${expected === 'map' ? 'map[string]interface {}' : '[]interface {}'}, but received a ${goTypeOf(actual)}`, 'other');
}

/** The reflect kind a value decodes to (maps, slices and each scalar type are distinct). */
type Kind = 'map' | 'slice' | 'string' | 'number' | 'bool' | 'nil';

function kindOf(v: unknown): Kind {
  if (v === null || v === undefined) return 'nil';
  if (Array.isArray(v)) return 'slice';
  if (isMap(v)) return 'map';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  return 'bool';
}

/** Element kind shared by all given lists. */
function sliceElementType(...slices: unknown[][]): Kind {
  let prev: Kind | undefined;
  for (const s of slices) {
    for (const v of s) {
      const k = kindOf(v);
      if (prev === undefined) {
        prev = k;
        if (prev === 'slice') throw errNoListOfLists();
      } else if (prev !== k) {
        throw new StrategicPatchError(`list element types are not identical: ${goFmtV(slices)}`, 'other');
      }
    }
  }
  if (prev === undefined) throw new StrategicPatchError('no elements in any of the given slices', 'other');
  return prev;
}

// ---- ordering helpers -----------------------------------------------------------------------------------

/** Go's "clever" in-place de-duplication (it moves the last element into the hole, changing order). */
function deduplicateScalars(input: unknown[]): unknown[] {
  const s = [...input];
  let length = s.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (s[i] === s[j]) {
        s[j] = s[length];
        s.length = length;
        length--;
        j--;
      }
    }
  }
  return s;
}

/** Sorts scalars by their `%v` text. */
function sortScalars(s: unknown[]): unknown[] {
  return [...s].sort((a, b) => {
    const x = goFmtV(a);
    const y = goFmtV(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

function mergeKeyValue(item: unknown, mergeKey: string): unknown {
  return isMap(item) && hasKey(item, mergeKey) ? item[mergeKey] : null;
}

/** Index of `val` in `l`, matching maps by merge key and scalars by value. */
function indexOf(l: unknown[], val: unknown, mergeKey: string, kind: Kind): number {
  const key = (x: unknown): unknown => (kind === 'map' ? mergeKeyValue(x, mergeKey) : x);
  const want = key(val);
  return l.findIndex((x) => key(x) === want);
}

function validateMergeKeyInLists(mergeKey: string, ...lists: unknown[][]): void {
  for (const list of lists) {
    for (const item of list) {
      if (!isMap(item)) throw errBadArgType('map', item);
      if (!hasKey(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
    }
  }
}

function extractToDeleteItems(l: unknown[]): [unknown[], unknown[]] {
  const nonDelete: unknown[] = [];
  const toDelete: unknown[] = [];
  for (const v of l) {
    if (!isMap(v)) throw errBadArgType('map', v);
    if (hasKey(v, DIRECTIVE) && v[DIRECTIVE] === DELETE) toDelete.push(v);
    else nonDelete.push(v);
  }
  return [nonDelete, toDelete];
}

/** Sorts `toSort` by the positions its items have in `order` (items to delete go last). */
function normalizeSliceOrder(toSort: unknown[], order: unknown[], mergeKey: string, kind: Kind): unknown[] {
  let items = [...toSort];
  let toDelete: unknown[] = [];
  if (kind === 'map') {
    validateMergeKeyInLists(mergeKey, items, order);
    [items, toDelete] = extractToDeleteItems(items);
  }
  const less = (a: unknown, b: unknown): boolean => {
    const ia = indexOf(order, a, mergeKey, kind);
    if (ia >= 0) {
      const ib = indexOf(order, b, mergeKey, kind);
      if (ib >= 0) return ia < ib;
    }
    // Upstream's comparator says "less" when either item is not in the order list.
    return true;
  };
  // Go's sort.SliceStable: insertion sort for short lists (all lists in practice).
  if (items.length <= 20) {
    for (let i = 1; i < items.length; i++) {
      for (let j = i; j > 0 && less(items[j], items[j - 1]); j--) [items[j], items[j - 1]] = [items[j - 1], items[j]];
    }
  } else {
    // Divergence: longer lists use a stable sort by position (unknown items first) instead of symMerge.
    const pos = (x: unknown): number => indexOf(order, x, mergeKey, kind);
    items = items.map((x, i) => ({ x, i })).sort((a, b) => pos(a.x) - pos(b.x) || a.i - b.i).map((e) => e.x);
  }
  return [...items, ...toDelete];
}

/** Merges two lists sorted by their own orders, placing server-only items by the live order. */
function mergeSortedSlice(left: unknown[], right: unknown[], serverOrder: unknown[], mergeKey: string, kind: Kind): unknown[] {
  const less = (l: unknown, r: unknown): [boolean, boolean] => {
    const li = indexOf(serverOrder, l, mergeKey, kind);
    const ri = indexOf(serverOrder, r, mergeKey, kind);
    return li >= 0 && ri >= 0 ? [li < ri, true] : [false, false];
  };
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const [isLess, foundBoth] = less(left[i], right[j]);
      if (foundBoth && isLess) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

function normalizeElementOrder(patch: unknown[], serverOnly: unknown[], patchOrder: unknown[], serverOrder: unknown[], mergeKey: string, kind: Kind): unknown[] {
  const p = normalizeSliceOrder(patch, patchOrder, mergeKey, kind);
  const s = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind);
  return mergeSortedSlice(s, p, serverOrder, mergeKey, kind);
}

function findMapInSlice(m: unknown[], key: string, value: unknown): { map: JsonMap; index: number } | undefined {
  for (let k = 0; k < m.length; k++) {
    const v = m[k];
    if (!isMap(v)) throw new StrategicPatchError(`value for key ${k} is not a map`, 'other');
    if (hasKey(v, key) && v[key] === value) return { map: v, index: k };
  }
  return undefined;
}

function partitionPrimitives(original: unknown[], partitionBy: unknown[]): [unknown[], unknown[]] {
  const inPatch = new Set(partitionBy);
  return [original.filter((v) => inPatch.has(v)), original.filter((v) => !inPatch.has(v))];
}

function partitionMaps(original: unknown[], partitionBy: unknown[], mergeKey: string): [unknown[], unknown[]] {
  const patch: unknown[] = [];
  const serverOnly: unknown[] = [];
  for (const v of original) {
    if (!isMap(v)) throw errBadArgType('map', v);
    if (!hasKey(v, mergeKey)) throw errNoMergeKey(v, mergeKey);
    if (findMapInSlice(partitionBy, mergeKey, v[mergeKey])) patch.push(v);
    else serverOnly.push(v);
  }
  return [patch, serverOnly];
}

// ---- applying a patch -----------------------------------------------------------------------------------

/** How mergeMap runs: on the server (true/true) or when kubectl merges two patches (false/false). */
interface MergeOptions {
  mergeParallelList: boolean;
  ignoreUnmatchedNulls: boolean;
}

/** Drops directives from a value; returns [value, keep] (a map carrying `$patch` is not kept at all). */
function removeDirectives(obj: unknown): [unknown, boolean] {
  if (isMap(obj)) {
    if (hasKey(obj, DIRECTIVE)) return [null, false];
    for (const k of Object.keys(obj)) {
      const [v, keep] = removeDirectives(obj[k]);
      if (keep) setKey(obj, k, v);
      else delete obj[k];
    }
    return [obj, true];
  }
  if (Array.isArray(obj)) {
    const res: unknown[] = [];
    for (const v of obj) {
      const [nv, keep] = removeDirectives(v);
      if (keep) res.push(nv);
    }
    return [res, true];
  }
  return [obj, true];
}

function discardNullValuesFromPatch(v: unknown): void {
  if (isMap(v)) {
    for (const k of Object.keys(v)) {
      if (v[k] === null) delete v[k];
      else discardNullValuesFromPatch(v[k]);
    }
  } else if (Array.isArray(v)) {
    for (const x of v) discardNullValuesFromPatch(x);
  }
}

function handleDirectiveInMergeMap(directive: unknown, patch: JsonMap): JsonMap {
  if (directive === REPLACE) {
    delete patch[DIRECTIVE];
    return patch;
  }
  if (directive === DELETE) return {};
  throw errBadPatchType(directive, patch);
}

function extractKey(s: string, prefix: string): string {
  const slash = s.indexOf('/');
  if (slash < 0 || s.slice(0, slash) !== prefix) {
    if (prefix === DELETE_FROM_PRIMITIVE_LIST) throw errBadPatchFormatForPrimitiveList();
    if (prefix === SET_ELEMENT_ORDER) throw errBadPatchFormatForSetElementOrderList();
    throw new StrategicPatchError(`fail to find unknown prefix "${prefix}" in ${s}\n`, 'other');
  }
  return s.slice(slash + 1);
}

function applyRetainKeysDirective(original: JsonMap, patch: JsonMap, options: MergeOptions): void {
  if (!hasKey(patch, RETAIN_KEYS)) return;
  const retainKeys = patch[RETAIN_KEYS];
  delete patch[RETAIN_KEYS];
  if (!options.mergeParallelList) {
    // Merging two patches: both must carry the same list, or the original gets it.
    if (hasKey(original, RETAIN_KEYS)) {
      if (!jsonEqual(original[RETAIN_KEYS], retainKeys)) {
        throw new StrategicPatchError(`${goFmtV(original[RETAIN_KEYS])} and ${goFmtV(retainKeys)} are not deep equal: this may happen when calculating the 3-way diff patch`, 'other');
      }
    } else {
      setKey(original, RETAIN_KEYS, retainKeys);
    }
    return;
  }
  if (!Array.isArray(retainKeys)) throw errBadPatchFormatForRetainKeys();
  const keep = new Set(retainKeys);
  for (const k of Object.keys(patch)) {
    if (patch[k] === null || k.startsWith(DELETE_FROM_PRIMITIVE_LIST) || k.startsWith(SET_ELEMENT_ORDER)) continue;
    if (!keep.has(k)) throw errBadPatchFormatForRetainKeys();
  }
  for (const k of Object.keys(original)) if (!keep.has(k)) delete original[k];
}

function mergeKeyValueEqual(left: unknown, right: unknown, mergeKey: string): boolean {
  if (mergeKey === '') return left === right;
  if (!isMap(left)) throw errBadArgType('map', left);
  if (!isMap(right)) throw errBadArgType('map', right);
  if (!hasKey(left, mergeKey)) throw errNoMergeKey(left, mergeKey);
  if (!hasKey(right, mergeKey)) throw errNoMergeKey(right, mergeKey);
  return left[mergeKey] === right[mergeKey];
}

function validatePatchWithSetOrderList(patchList: unknown, setOrderList: unknown, mergeKey: string): void {
  if (!Array.isArray(setOrderList) || !Array.isArray(patchList)) throw errBadPatchFormatForSetElementOrderList();
  if (setOrderList.length === 0 || patchList.length === 0) return;
  const nonDelete = mergeKey !== '' ? extractToDeleteItems(patchList)[0] : patchList;
  let p = 0;
  let s = 0;
  while (p < nonDelete.length && s < setOrderList.length) {
    if (isMap(nonDelete[p]) && hasKey(nonDelete[p] as JsonMap, DIRECTIVE)) {
      p++;
      continue;
    }
    if (mergeKeyValueEqual(nonDelete[p], setOrderList[s], mergeKey)) p++;
    s++;
  }
  if (p < nonDelete.length && s >= setOrderList.length) {
    throw new StrategicPatchError(`The order in patch list:\n${goFmtV(patchList)}\n doesn't match ${SET_ELEMENT_ORDER} list:\n${goFmtV(setOrderList)}\n`, 'other');
  }
}

/** Processes `$setElementOrder/<field>` directives with their lists. */
function mergePatchIntoOriginal(original: JsonMap, patch: JsonMap, schema: PatchSchema, options: MergeOptions): void {
  for (const key of Object.keys(patch)) {
    if (!hasKey(patch, key) || !key.startsWith(SET_ELEMENT_ORDER)) continue;
    const setElementOrder = patch[key];
    if (!options.mergeParallelList) {
      if (hasKey(original, key)) {
        if (!jsonEqual(original[key], setElementOrder)) throw errBadPatchFormatForSetElementOrderList();
      } else {
        setKey(original, key, setElementOrder);
      }
    }
    delete patch[key];
    if (!Array.isArray(setElementOrder)) throw errBadArgType('slice', setElementOrder);
    const originalKey = extractKey(key, SET_ELEMENT_ORDER);
    const foundOriginal = hasKey(original, originalKey);
    const foundPatch = hasKey(patch, originalKey);
    let originalList: unknown[] = [];
    let patchList: unknown[] = [];
    if (foundOriginal) {
      if (!Array.isArray(original[originalKey])) throw errBadArgType('slice', original[originalKey]);
      originalList = original[originalKey] as unknown[];
    }
    if (foundPatch) {
      if (!Array.isArray(patch[originalKey])) throw errBadArgType('slice', patch[originalKey]);
      patchList = patch[originalKey] as unknown[];
    }
    const { sub, meta } = lookupSlice(schema, originalKey);
    validatePatchWithSetOrderList(patchList, setElementOrder, meta.mergeKey);
    let merged: unknown[];
    if (foundOriginal && !foundPatch) merged = originalList;
    else if (!foundOriginal && foundPatch) merged = removeDirectives(patchList)[0] as unknown[];
    else if (foundOriginal && foundPatch) merged = mergeSliceHandler(originalList, patchList, sub, meta.strategy, meta.mergeKey, false, options);
    else continue;
    const [patchItems, serverOnly] = meta.mergeKey === '' ? partitionPrimitives(merged, setElementOrder) : partitionMaps(merged, setElementOrder, meta.mergeKey);
    const kind = sliceElementType(originalList, patchList);
    setKey(original, originalKey, normalizeElementOrder(patchItems, serverOnly, setElementOrder, originalList, meta.mergeKey, kind));
    delete patch[originalKey];
  }
}

/** Merges `patch` into `original` (both are modified). Models patch.go mergeMap. */
function mergeMap(originalIn: JsonMap | null, patch: JsonMap, schema: PatchSchema, options: MergeOptions): JsonMap {
  if (hasKey(patch, DIRECTIVE)) return handleDirectiveInMergeMap(patch[DIRECTIVE], patch);
  const original = originalIn ?? {};
  applyRetainKeysDirective(original, patch, options);
  mergePatchIntoOriginal(original, patch, schema, options);

  for (const k of Object.keys(patch)) {
    if (!hasKey(patch, k)) continue;
    const patchV = patch[k];
    let key = k;
    let isDeleteList = false;
    if (k.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
      if (!options.mergeParallelList) {
        setKey(original, k, patchV);
        continue;
      }
      key = extractKey(k, DELETE_FROM_PRIMITIVE_LIST);
      isDeleteList = true;
    }
    // null deletes; when merging two patches the null itself is kept so it still deletes later.
    if (patchV === null) {
      delete original[key];
      if (options.ignoreUnmatchedNulls) continue;
    }
    const takePatchValue = (): void => {
      if (isDeleteList) return;
      if (options.ignoreUnmatchedNulls) discardNullValuesFromPatch(patchV);
      const [v, keep] = removeDirectives(patchV);
      if (keep) setKey(original, key, v);
      else delete original[key];
    };
    if (!hasKey(original, key) || kindOf(original[key]) !== kindOf(patchV)) {
      takePatchValue();
      continue;
    }
    const kind = kindOf(original[key]);
    if (kind === 'map') {
      const { sub, meta } = lookupStruct(schema, key);
      setKey(original, key, meta.strategy !== REPLACE ? mergeMap(original[key] as JsonMap, patchV as JsonMap, sub, options) : patchV);
    } else if (kind === 'slice') {
      const { sub, meta } = lookupSlice(schema, key);
      setKey(original, key, mergeSliceHandler(original[key] as unknown[], patchV as unknown[], sub, meta.strategy, meta.mergeKey, isDeleteList, options));
    } else {
      const [v, keep] = removeDirectives(patchV);
      if (keep) setKey(original, key, v);
      else delete original[key];
    }
  }
  return original;
}

function mergeSliceHandler(original: unknown[], patch: unknown[], schema: PatchSchema, strategy: string, mergeKey: string, isDeleteList: boolean, options: MergeOptions): unknown[] {
  // Deletion lists are applied the same way whatever the field's strategy.
  if (strategy === MERGE || isDeleteList) return mergeSlice(original, patch, schema, mergeKey, options, isDeleteList);
  return patch;
}

/**
 * A Go slice over a shared backing array. Upstream deletes list entries by shifting them left in place and
 * appends into the freed room, so the caller's view of the original list changes — and that view later orders
 * the merged list. Modelling it keeps element order identical to the apiserver's.
 */
interface GoSlice {
  backing: unknown[];
  len: number;
}

function sliceView(s: GoSlice): unknown[] {
  return s.backing.slice(0, s.len);
}

function sliceDeleteAt(s: GoSlice, i: number): void {
  for (let j = i; j < s.len - 1; j++) s.backing[j] = s.backing[j + 1];
  s.len--;
}

function sliceAppend(s: GoSlice, v: unknown): void {
  if (s.len < s.backing.length) {
    s.backing[s.len] = v;
    s.len++;
    return;
  }
  // Out of capacity: Go copies to a new array; the caller's view no longer sees the writes.
  s.backing = [...sliceView(s), v];
  s.len++;
}

/** Merges two lists; `original` may be changed in place the way upstream changes it. */
function mergeSlice(original: unknown[], patch: unknown[], schema: PatchSchema, mergeKey: string, options: MergeOptions, isDeleteList: boolean): unknown[] {
  if (original.length === 0 && patch.length === 0) return original;
  const kind = sliceElementType(original, patch);
  if (kind !== 'map') {
    if (options.mergeParallelList && isDeleteList) {
      const toDelete = new Set(patch);
      return original.filter((v) => !toDelete.has(v));
    }
    const merged = deduplicateScalars([...original, ...patch]);
    const [patchItems, serverOnly] = partitionPrimitives(merged, patch);
    return normalizeElementOrder(patchItems, serverOnly, patch, original, mergeKey, kind);
  }
  if (mergeKey === '') throw new StrategicPatchError(`cannot merge lists without merge key for ${schema.kind === 'unknown' ? 'map' : 'struct'}`, 'other');

  // $patch elements first: deletions by key, or replace (the patch list becomes the list).
  const s: GoSlice = { backing: original, len: original.length };
  const plain: unknown[] = [];
  let replace = false;
  for (const v of patch) {
    const m = v as JsonMap;
    if (!hasKey(m, DIRECTIVE)) {
      plain.push(v);
      continue;
    }
    const type = m[DIRECTIVE];
    if (type === DELETE) {
      if (!hasKey(m, mergeKey)) throw errNoMergeKey(m, mergeKey);
      for (let found = findMapInSlice(sliceView(s), mergeKey, m[mergeKey]); found; found = findMapInSlice(sliceView(s), mergeKey, m[mergeKey])) {
        sliceDeleteAt(s, found.index);
      }
    } else if (type === REPLACE) {
      replace = true;
    } else if (type === MERGE) {
      throw new StrategicPatchError('merging lists cannot yet be specified in the patch', 'other');
    } else {
      throw errBadPatchType(type, m);
    }
  }
  if (replace) {
    const [patchItems, serverOnly] = partitionMaps(plain, [], mergeKey);
    return normalizeElementOrder(patchItems, serverOnly, [], plain, mergeKey, kind);
  }
  const serverOrder = sliceView(s);
  for (const v of plain) {
    const m = v as JsonMap;
    if (!hasKey(m, mergeKey)) throw errNoMergeKey(m, mergeKey);
    const found = findMapInSlice(sliceView(s), mergeKey, m[mergeKey]);
    if (found) s.backing[found.index] = mergeMap(found.map, m, schema, options);
    else sliceAppend(s, v);
  }
  const [patchItems, serverOnly] = partitionMaps(sliceView(s), plain, mergeKey);
  return normalizeElementOrder(patchItems, serverOnly, plain, serverOrder, mergeKey, kind);
}

/**
 * Applies a strategic merge patch as the apiserver does (`patch` directives honoured, nulls delete). `target` and
 * `patch` are left unchanged. Throws StrategicPatchError.
 */
export function applyStrategicPatch(target: JsonMap, patch: JsonMap, schema: PatchSchema): JsonMap {
  return mergeMap(structuredCopy(target), structuredCopy(patch), schema, { mergeParallelList: true, ignoreUnmatchedNulls: true });
}

/** Merges two patches (kubectl's deletions + changes), keeping nulls and parallel lists. */
function mergePatches(a: JsonMap, b: JsonMap, schema: PatchSchema): JsonMap {
  return mergeMap(a, b, schema, { mergeParallelList: false, ignoreUnmatchedNulls: false });
}

function structuredCopy<T>(v: T): T {
  if (Array.isArray(v)) return v.map(structuredCopy) as T;
  if (isMap(v)) {
    const out: JsonMap = {};
    for (const k of Object.keys(v)) setKey(out, k, structuredCopy(v[k]));
    return out as T;
  }
  return v;
}

// ---- computing a patch ------------------------------------------------------------------------------------

/** What a diff keeps: the inputs of upstream's DiffOptions. */
interface DiffOptions {
  setElementOrder: boolean;
  ignoreChangesAndAdditions: boolean;
  ignoreDeletions: boolean;
  buildRetainKeysDirective: boolean;
}

function diffMaps(original: JsonMap, modified: JsonMap, schema: PatchSchema, options: DiffOptions): JsonMap {
  const patch: JsonMap = {};
  const retainKeysList: string[] = [];
  for (const key of Object.keys(modified)) {
    const modifiedValue = modified[key];
    if (options.buildRetainKeysDirective && modifiedValue !== null) retainKeysList.push(key);
    if (!hasKey(original, key)) {
      if (!options.ignoreChangesAndAdditions) setKey(patch, key, modifiedValue);
      continue;
    }
    const originalValue = original[key];
    if (key === DIRECTIVE) {
      if (typeof originalValue !== 'string' || typeof modifiedValue !== 'string') {
        throw new StrategicPatchError(`invalid value for special key: ${DIRECTIVE}`, 'other');
      }
      if (originalValue !== modifiedValue) setKey(patch, DIRECTIVE, modifiedValue);
      continue;
    }
    if (kindOf(originalValue) !== kindOf(modifiedValue)) {
      if (!options.ignoreChangesAndAdditions) setKey(patch, key, modifiedValue);
      continue;
    }
    if (isMap(originalValue)) handleMapDiff(key, originalValue, modifiedValue as JsonMap, patch, schema, options);
    else if (Array.isArray(originalValue)) handleSliceDiff(key, originalValue, modifiedValue as unknown[], patch, schema, options);
    else if (!options.ignoreChangesAndAdditions && !jsonEqual(originalValue, modifiedValue)) setKey(patch, key, modifiedValue);
  }
  if (!options.ignoreDeletions) {
    for (const key of Object.keys(original)) if (!hasKey(modified, key)) setKey(patch, key, null);
  }
  if (retainKeysList.length > 0 && (Object.keys(patch).length > 0 || hasAdditionalNewField(original, modified))) {
    setKey(patch, RETAIN_KEYS, sortScalars(retainKeysList));
  }
  return patch;
}

function hasAdditionalNewField(original: JsonMap, modified: JsonMap): boolean {
  return Object.keys(original).some((k) => original[k] !== null && !hasKey(modified, k));
}

function handleMapDiff(key: string, original: JsonMap, modified: JsonMap, patch: JsonMap, schema: PatchSchema, options: DiffOptions): void {
  const { sub, meta } = lookupStruct(schema, key);
  const childOptions = { ...options, buildRetainKeysDirective: meta.retainKeys };
  if (meta.strategy === REPLACE) {
    if (!options.ignoreChangesAndAdditions) setKey(patch, key, modified);
    return;
  }
  const value = diffMaps(original, modified, sub, childOptions);
  if (Object.keys(value).length > 0) setKey(patch, key, value);
}

function handleSliceDiff(key: string, original: unknown[], modified: unknown[], patch: JsonMap, schema: PatchSchema, options: DiffOptions): void {
  const { sub, meta } = lookupSlice(schema, key);
  if (meta.strategy !== MERGE) {
    if (!options.ignoreChangesAndAdditions && !jsonEqual(original, modified)) setKey(patch, key, modified);
    return;
  }
  const [addList, deletionList, setOrderList] = diffLists(original, modified, sub, meta.mergeKey, { ...options, buildRetainKeysDirective: meta.retainKeys });
  if (addList.length > 0) setKey(patch, key, addList);
  if (deletionList.length > 0) setKey(patch, `${DELETE_FROM_PRIMITIVE_LIST}/${key}`, deletionList);
  if (setOrderList.length > 0) setKey(patch, `${SET_ELEMENT_ORDER}/${key}`, setOrderList);
}

function diffLists(original: unknown[], modified: unknown[], schema: PatchSchema, mergeKey: string, options: DiffOptions): [unknown[], unknown[], unknown[]] {
  if (original.length === 0) {
    if (modified.length === 0 || options.ignoreChangesAndAdditions) return [[], [], []];
    return [modified, [], []];
  }
  const kind = sliceElementType(original, modified);
  if (kind === 'map') {
    const [patchList, deleteList] = diffListsOfMaps(original, modified, schema, mergeKey, options);
    const ordered = [...normalizeSliceOrder(patchList, modified, mergeKey, kind), ...deleteList];
    const orderSame = isOrderSame(original, modified, mergeKey);
    let setOrderList: unknown[] = [];
    if (options.setElementOrder && ((!options.ignoreChangesAndAdditions && (ordered.length > 0 || !orderSame)) || (!options.ignoreDeletions && ordered.length > 0))) {
      setOrderList = modified.map((v) => ({ [mergeKey]: (v as JsonMap)[mergeKey] }));
    }
    return [ordered, [], setOrderList];
  }
  const [patchList, deleteList] = diffListsOfScalars(original, modified, options);
  const ordered = normalizeSliceOrder(patchList, modified, mergeKey, kind);
  let setOrderList: unknown[] = [];
  if (options.setElementOrder && ((!options.ignoreDeletions && deleteList.length > 0) || (!options.ignoreChangesAndAdditions && !jsonEqual(original, modified)))) {
    setOrderList = modified;
  }
  return [ordered, deleteList, setOrderList];
}

function isOrderSame(original: unknown[], modified: unknown[], mergeKey: string): boolean {
  if (original.length !== modified.length) return false;
  return modified.every((m, i) => mergeKeyValueEqual(original[i], m, mergeKey));
}

function diffListsOfScalars(original: unknown[], modified: unknown[], options: DiffOptions): [unknown[], unknown[]] {
  const o = sortScalars(original);
  const m = sortScalars(modified);
  const add: unknown[] = [];
  const del: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < o.length || j < m.length) {
    const os = i < o.length ? goFmtV(o[i]) : undefined;
    const ms = j < m.length ? goFmtV(m[j]) : undefined;
    if (os !== undefined && ms !== undefined && os === ms) {
      i++;
      j++;
    } else if (os === undefined || (ms !== undefined && os > ms)) {
      if (!options.ignoreChangesAndAdditions) add.push(m[j]);
      j++;
    } else {
      if (!options.ignoreDeletions) del.push(o[i]);
      i++;
    }
  }
  return [add, deduplicateScalars(del)];
}

function sortMapsByMergeKey(list: unknown[], mergeKey: string): JsonMap[] {
  const key = (m: unknown): string => {
    if (!isMap(m)) throw errBadArgType('map', m);
    return goFmtV(m[mergeKey]);
  };
  return [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)) as JsonMap[];
}

function diffListsOfMaps(original: unknown[], modified: unknown[], schema: PatchSchema, mergeKey: string, options: DiffOptions): [unknown[], unknown[]] {
  const patch: unknown[] = [];
  const deletions: unknown[] = [];
  const o = sortMapsByMergeKey(original, mergeKey);
  const m = sortMapsByMergeKey(modified, mergeKey);
  let i = 0;
  let j = 0;
  while (i < o.length || j < m.length) {
    const oe = o[i];
    const me = m[j];
    if (oe && !hasKey(oe, mergeKey)) throw errNoMergeKey(oe, mergeKey);
    if (me && !hasKey(me, mergeKey)) throw errNoMergeKey(me, mergeKey);
    const os = oe ? goFmtV(oe[mergeKey]) : undefined;
    const ms = me ? goFmtV(me[mergeKey]) : undefined;
    if (os !== undefined && ms !== undefined && os === ms) {
      const value = diffMaps(oe!, me!, schema, options);
      if (Object.keys(value).length > 0) {
        setKey(value, mergeKey, me![mergeKey]);
        patch.push(value);
      }
      i++;
      j++;
    } else if (os === undefined || (ms !== undefined && os > ms)) {
      if (!options.ignoreChangesAndAdditions) patch.push(me);
      j++;
    } else {
      if (!options.ignoreDeletions) deletions.push({ [mergeKey]: oe![mergeKey], [DIRECTIVE]: DELETE });
      i++;
    }
  }
  return [patch, deletions];
}

/**
 * The strategic merge patch that turns `original` into `modified` (kubectl's two-way patch, as `kubectl edit`
 * and `kubectl set` build). Throws StrategicPatchError.
 */
export function createTwoWayPatch(original: JsonMap, modified: JsonMap, schema: PatchSchema): JsonMap {
  return diffMaps(structuredCopy(original), structuredCopy(modified), schema, {
    setElementOrder: true,
    ignoreChangesAndAdditions: false,
    ignoreDeletions: false,
    buildRetainKeysDirective: false,
  });
}

/**
 * The patch `kubectl apply` sends for an existing object: the changes from `current` (live) to `modified` (the
 * manifest, with its new last-applied annotation) without deletions, plus the deletions from `original` (the
 * previous last-applied configuration) to `modified`. Fields the manifest never set (like replicas changed by
 * `kubectl scale`) are left alone; fields removed from the manifest are removed live.
 * Divergence: only `--overwrite=true` (kubectl's default) is modelled, so conflicts are not checked.
 * Throws StrategicPatchError.
 */
export function createThreeWayPatch(original: JsonMap | undefined, modified: JsonMap, current: JsonMap, schema: PatchSchema): JsonMap {
  const o = structuredCopy(original ?? {});
  const m = structuredCopy(modified);
  const c = structuredCopy(current);
  const delta = diffMaps(c, m, schema, { ignoreDeletions: true, setElementOrder: true, ignoreChangesAndAdditions: false, buildRetainKeysDirective: false });
  const deletions = diffMaps(o, m, schema, { setElementOrder: true, ignoreChangesAndAdditions: true, ignoreDeletions: false, buildRetainKeysDirective: false });
  return mergePatches(deletions, delta, schema);
}
