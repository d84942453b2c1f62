/**
 * JSON patch (RFC 6902: add, remove, replace, move, copy, test with RFC 6901 pointers), as the apiserver applies
 * `--type json` patches, including the library's leniencies (replace of a missing object member adds it,
 * negative array indices count from the end) and its error texts. The apiserver answers every apply failure with
 * one generic 422 message; the library's own text is kept in `detail`.
 * Models gopkg.in/evanphx/json-patch.v4 patch.go (Patch.Apply and the operations) and
 * k8s.io/apiserver/pkg/endpoints/handlers/patch.go (jsonPatcher.applyJSPatch).
 */
import { cloneJson, getKey, hasKey, isMap, jsonEqual, setKey, type JsonMap } from './json-value';

/** One RFC 6902 operation as sent (fields may be missing or mistyped). */
export interface JsonPatchOp {
  op?: unknown;
  path?: unknown;
  from?: unknown;
  value?: unknown;
  [extra: string]: unknown;
}

/** Why a patch was refused, as the apiserver answers (`Unknown`/500 for errors it does not classify). */
export interface PatchFailure {
  reason: 'BadRequest' | 'Invalid' | 'RequestEntityTooLarge' | 'Unknown';
  code: 400 | 413 | 422 | 500;
  /** The Status message. */
  message: string;
  /** The patch library's own explanation (`error in remove for path: '/x': ...`), when the message hides it. */
  detail?: string;
}

/** A patched value, or why the patch was refused. */
export type PatchResult = { ok: true; value: unknown } | { ok: false; failure: PatchFailure };

/** The apiserver's cap on operations in one JSON patch. */
export const MAX_JSON_PATCH_OPERATIONS = 10000;

class OpError extends Error {}

/** pkg/errors Wrapf: "message: cause". */
function wrap(message: string, cause: string): OpError {
  return new OpError(`${message}: ${cause}`);
}

const MISSING = 'missing value';
const INVALID_INDEX = 'invalid index referenced';

function decodeKey(k: string): string {
  // RFC 6901: "~1" is "/", "~0" is "~", scanned left to right.
  return k.replace(/~[01]/g, (m) => (m === '~1' ? '/' : '~'));
}

/** Go's strconv.Atoi, or the error text it gives. */
function atoi(s: string): number | string {
  if (!/^[+-]?\d+$/.test(s)) return `strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`;
  const n = Number(s);
  if (!Number.isSafeInteger(n)) return `strconv.Atoi: parsing ${JSON.stringify(s)}: value out of range`;
  return n;
}

type Container = { kind: 'doc'; doc: JsonMap } | { kind: 'ary'; ary: unknown[] };

function containerOf(v: unknown): Container | undefined {
  if (Array.isArray(v)) return { kind: 'ary', ary: v };
  if (isMap(v)) return { kind: 'doc', doc: v };
  return undefined;
}

/** Normalises an array index (negative counts from the end); throws the library's errors. */
function arrayIndex(ary: unknown[], key: string, limit: number): number {
  const idx = atoi(key);
  if (typeof idx === 'string') throw new OpError(idx);
  let i = idx;
  if (i < 0) {
    if (i < -limit) throw wrap(`Unable to access invalid index: ${idx}`, INVALID_INDEX);
    i += limit;
  }
  return i;
}

function get(c: Container, key: string): unknown {
  if (c.kind === 'doc') return getKey(c.doc, key);
  const i = arrayIndex(c.ary, key, c.ary.length);
  if (i >= c.ary.length) throw wrap(`Unable to access invalid index: ${i}`, INVALID_INDEX);
  return c.ary[i];
}

function set(c: Container, key: string, value: unknown): void {
  if (c.kind === 'doc') {
    setKey(c.doc, key, value);
    return;
  }
  const i = arrayIndex(c.ary, key, c.ary.length);
  if (i >= c.ary.length) throw wrap(`Unable to access invalid index: ${i}`, INVALID_INDEX);
  c.ary[i] = value;
}

function add(c: Container, key: string, value: unknown): void {
  if (c.kind === 'doc') {
    setKey(c.doc, key, value);
    return;
  }
  if (key === '-') {
    c.ary.push(value);
    return;
  }
  const idx = atoi(key);
  if (typeof idx === 'string') throw wrap(`value was not a proper array index: '${key}'`, idx);
  const size = c.ary.length + 1;
  if (idx >= size) throw wrap(`Unable to access invalid index: ${idx}`, INVALID_INDEX);
  let i = idx;
  if (i < 0) {
    if (i < -size) throw wrap(`Unable to access invalid index: ${idx}`, INVALID_INDEX);
    i += size;
  }
  c.ary.splice(i, 0, value);
}

function remove(c: Container, key: string): void {
  if (c.kind === 'doc') {
    if (!hasKey(c.doc, key)) throw wrap(`Unable to remove nonexistent key: ${key}`, MISSING);
    delete c.doc[key];
    return;
  }
  const idx = atoi(key);
  if (typeof idx === 'string') throw new OpError(idx);
  if (idx >= c.ary.length) throw wrap(`Unable to access invalid index: ${idx}`, INVALID_INDEX);
  let i = idx;
  if (i < 0) {
    if (i < -c.ary.length) throw wrap(`Unable to access invalid index: ${idx}`, INVALID_INDEX);
    i += c.ary.length;
  }
  c.ary.splice(i, 1);
}

/** The container holding the pointer's last segment, and that segment; undefined when a parent is missing. */
function findObject(root: Container, path: string): { con: Container; key: string } | undefined {
  const split = path.split('/');
  if (split.length < 2) return undefined;
  // As in the library, the first segment is ignored, so "a/b" acts on "/b".
  let con = root;
  for (const part of split.slice(1, -1)) {
    let next: unknown;
    try {
      next = get(con, decodeKey(part));
    } catch {
      return undefined;
    }
    const c = containerOf(next);
    if (!c) return undefined;
    con = c;
  }
  return { con, key: decodeKey(split[split.length - 1]!) };
}

/** A string field of an operation, or undefined when missing or not a string. */
function stringField(op: JsonPatchOp, name: 'path' | 'from'): string | undefined {
  const v = (op as JsonMap)[name];
  return typeof v === 'string' ? v : undefined;
}

function missingField(op: JsonPatchOp, name: 'path' | 'from'): string {
  const v = (op as JsonMap)[name];
  if (v === undefined || v === null) return name === 'path' ? 'operation missing path field: missing value' : 'operation, missing from field: missing value';
  return `json: cannot unmarshal ${Array.isArray(v) ? 'array' : typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'bool' : 'object'} into Go value of type string`;
}

function applyOp(root: { c: Container }, op: JsonPatchOp): void {
  const kind = typeof op.op === 'string' ? op.op : 'unknown';
  const value = hasKey(op as JsonMap, 'value') ? cloneJson(op.value) : null;
  switch (kind) {
    case 'add': {
      const path = stringField(op, 'path');
      if (path === undefined) throw wrap('add operation failed to decode path', MISSING);
      const found = findObject(root.c, path);
      if (!found) throw wrap(`add operation does not apply: doc is missing path: "${path}"`, MISSING);
      try {
        add(found.con, found.key, value);
      } catch (e) {
        throw wrap(`error in add for path: '${path}'`, (e as Error).message);
      }
      return;
    }
    case 'remove': {
      const path = stringField(op, 'path');
      if (path === undefined) throw wrap('remove operation failed to decode path', MISSING);
      const found = findObject(root.c, path);
      if (!found) throw wrap(`remove operation does not apply: doc is missing path: "${path}"`, MISSING);
      try {
        remove(found.con, found.key);
      } catch (e) {
        throw wrap(`error in remove for path: '${path}'`, (e as Error).message);
      }
      return;
    }
    case 'replace': {
      const path = stringField(op, 'path');
      if (path === undefined) throw wrap('replace operation failed to decode path', missingField(op, 'path'));
      if (path === '') {
        const c = containerOf(value);
        // The library's check wraps a nil error here, so a scalar root value is silently ignored.
        if (c) root.c = c;
        return;
      }
      const found = findObject(root.c, path);
      if (!found) throw wrap(`replace operation does not apply: doc is missing path: ${path}`, MISSING);
      try {
        get(found.con, found.key);
      } catch {
        throw wrap(`replace operation does not apply: doc is missing key: ${path}`, MISSING);
      }
      try {
        set(found.con, found.key, value);
      } catch (e) {
        throw wrap(`error in remove for path: '${path}'`, (e as Error).message);
      }
      return;
    }
    case 'move': {
      const from = stringField(op, 'from');
      if (from === undefined) throw wrap('move operation failed to decode from', missingField(op, 'from'));
      const src = findObject(root.c, from);
      if (!src) throw wrap(`move operation does not apply: doc is missing from path: ${from}`, MISSING);
      let moved: unknown;
      try {
        moved = get(src.con, src.key);
        remove(src.con, src.key);
      } catch (e) {
        throw wrap(`error in move for path: '${src.key}'`, (e as Error).message);
      }
      const path = stringField(op, 'path');
      if (path === undefined) throw wrap('move operation failed to decode path', missingField(op, 'path'));
      const dst = findObject(root.c, path);
      if (!dst) throw wrap(`move operation does not apply: doc is missing destination path: ${path}`, MISSING);
      try {
        add(dst.con, dst.key, moved ?? null);
      } catch (e) {
        throw wrap(`error in move for path: '${path}'`, (e as Error).message);
      }
      return;
    }
    case 'test': {
      const path = stringField(op, 'path');
      if (path === undefined) throw wrap('test operation failed to decode path', missingField(op, 'path'));
      const failed = wrap(`testing value ${path} failed`, 'test failed');
      if (path === '') {
        if (!jsonEqual(root.c.kind === 'doc' ? root.c.doc : root.c.ary, value)) throw failed;
        return;
      }
      const found = findObject(root.c, path);
      if (!found) throw wrap(`test operation does not apply: is missing path: ${path}`, MISSING);
      let current: unknown;
      try {
        current = get(found.con, found.key);
      } catch (e) {
        throw wrap(`error in test for path: '${path}'`, (e as Error).message);
      }
      // A missing member and null are the same to the library.
      if ((current ?? null) === null) {
        if (value === null) return;
        throw failed;
      }
      if (!jsonEqual(current, value)) throw failed;
      return;
    }
    case 'copy': {
      const from = stringField(op, 'from');
      if (from === undefined) throw wrap('copy operation failed to decode from', missingField(op, 'from'));
      const src = findObject(root.c, from);
      if (!src) throw wrap(`copy operation does not apply: doc is missing from path: ${from}`, MISSING);
      let copied: unknown;
      try {
        copied = get(src.con, src.key);
      } catch (e) {
        throw wrap(`error in copy for from: '${from}'`, (e as Error).message);
      }
      const path = stringField(op, 'path');
      if (path === undefined) throw wrap('copy operation failed to decode path', MISSING);
      const dst = findObject(root.c, path);
      if (!dst) throw wrap(`copy operation does not apply: doc is missing destination path: ${path}`, MISSING);
      try {
        add(dst.con, dst.key, cloneJson(copied ?? null));
      } catch (e) {
        throw wrap('error while adding value during copy', (e as Error).message);
      }
      return;
    }
    default:
      throw new OpError(`Unexpected kind: ${kind}`);
  }
}

/**
 * Applies RFC 6902 operations to `target` (not modified) as the apiserver does. `ops` is the decoded patch
 * body; anything but an array of objects is a BadRequest.
 */
export function jsonPatch(target: unknown, ops: unknown): PatchResult {
  if (!Array.isArray(ops) || ops.some((o) => o !== null && !isMap(o))) {
    const what = Array.isArray(ops) ? 'array' : isMap(ops) ? 'object' : typeof ops === 'string' ? 'string' : typeof ops === 'number' ? 'number' : typeof ops === 'boolean' ? 'bool' : 'null';
    const inner = Array.isArray(ops) ? `json: cannot unmarshal ${jsonKindOf(ops.find((o) => o !== null && !isMap(o)))} into Go value of type jsonpatch.Operation` : `json: cannot unmarshal ${what} into Go value of type jsonpatch.Patch`;
    return { ok: false, failure: { reason: 'BadRequest', code: 400, message: inner } };
  }
  if (ops.length > MAX_JSON_PATCH_OPERATIONS) {
    return {
      ok: false,
      failure: {
        reason: 'RequestEntityTooLarge',
        code: 413,
        message: `The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${ops.length}`,
      },
    };
  }
  const start = containerOf(cloneJson(target));
  if (!start) return { ok: false, failure: { reason: 'BadRequest', code: 400, message: 'invalid JSON document' } };
  const root = { c: start };
  try {
    for (const op of ops as Array<JsonPatchOp | null>) applyOp(root, op ?? {});
  } catch (e) {
    if (!(e instanceof OpError)) throw e;
    return {
      ok: false,
      failure: { reason: 'Invalid', code: 422, message: 'the server rejected our request due to an error in our request', detail: e.message },
    };
  }
  return { ok: true, value: root.c.kind === 'doc' ? root.c.doc : root.c.ary };
}

function jsonKindOf(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  return 'object';
}
