/**
 * Manifest decoding as `kubectl apply -f` / `kubectl create -f` v1.34 does it, from text to objects or to the
 * exact errors kubectl and the apiserver print:
 *
 * 1. A stream starting with `{` is read as JSON values (falling back to YAML once if the first value fails);
 *    otherwise it is cut at `---` lines and each document is parsed by the go-yaml model (YAML 1.1 scalars:
 *    `yes`/`on` are booleans, `0777` is octal, `1e3` is 1000; repeated keys keep the last value silently).
 * 2. Client-side checks: apiVersion and kind set and strings (`--validate`), a `v1 List` has its items checked
 *    against the schema and is expanded into them, and the kind must be served (`resource mapping not found`).
 * 3. Server-side strict decoding (what the apiserver answers on create): unknown fields and wrong types.
 *
 * A parse or validation error ends the stream (later documents are not read, earlier ones stand), as kubectl's
 * stream visitor stops there; an unknown kind only fails its own document.
 * Models k8s.io/cli-runtime/pkg/resource visitor.go (StreamVisitor.Visit, FlattenListVisitor), mapper.go
 * (infoForData), k8s.io/apimachinery/pkg/util/yaml decoder.go (YAMLOrJSONDecoder) and
 * k8s.io/kubectl/pkg/validation (paramVerifyingSchema, getObjectKind).
 */
import type { KubeObject } from '../types';
import { apiVersionOf, typeForApiVersionKind, typeForKind } from '../registry';
import { K8S_FIELDS, rootTypeName, type FieldSpec, type TypeSpec } from '../schema/fields';
import { utf8Decode, utf8Length } from './bytes';
import { goJsonMarshal, goQuote } from './go-json';
import { YamlToJsonError, yamlToJson, type DuplicateKey } from './goyaml/decode';
import { GoJsonError, GoJsonStream, utf8Bytes } from './json-stream';
import { validateListItem } from './openapi-validate';
import { splitYamlDocuments } from './split';
import { strictDecode } from './strict';

/** The apiserver's request body limit (3 MiB). */
export const MAX_REQUEST_BYTES = 3 * 1024 * 1024;

/** kubectl's `--validate` modes (`--validate=false` is `ignore`). */
export type ValidationDirective = 'strict' | 'warn' | 'ignore';

/** Options of decodeManifests. */
export interface DecodeOptions {
  /** Default `strict`, kubectl v1.34's default. */
  validate?: ValidationDirective;
}

/** What the apiserver answers when the object is sent to it (the caller adds `error when creating "<file>": `). */
export interface ServerDecodeError {
  reason: 'BadRequest' | 'RequestEntityTooLarge';
  code: 400 | 413;
  /** `strict`: unknown fields; `type`: wrong JSON type, bad quantity/time/base64; `too-large`: over 3 MiB. */
  kind: 'strict' | 'type' | 'too-large';
  /** The Status message (`Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: ...`). */
  message: string;
  /** Unknown field paths (`spec.replica`), for editors. */
  unknownFields?: string[];
  /** `did you mean "replicas"?` suggestions, one per unknown field that has a close known name. */
  hints?: string[];
  /** JSON path of the mistyped value (`spec.replicas`), for `type` errors when known. */
  fieldPath?: string;
}

/** One entry of a decoded manifest stream. */
export interface DecodedDoc {
  /** 0-based position of this entry in the result. */
  index: number;
  /** The object kubectl would send (as written in the manifest: unknown fields included, nothing defaulted). */
  obj?: KubeObject;
  /** A client-side failure as kubectl prints it after `error: ` (`error parsing web.yaml: ...`). */
  error?: string;
  /** What the server answers when `obj` is created (strict field validation); `obj` is set too. */
  serverError?: ServerDecodeError;
  /** `Warning: unknown field ...` texts (with `--validate=warn`) and duplicate-key notes. */
  warnings?: string[];
  /** 1-based line in the source text: of the problem for failures, else where the document starts. */
  line?: number;
  /** Repeated mapping keys (kubectl keeps the last value without a word). */
  duplicateKeys?: DuplicateKey[];
}

const STOP_VALIDATE = 'if you choose to ignore these errors, turn validation off with --validate=false';

/** Go's utilerrors.NewAggregate text: one message as is, several in brackets. */
function aggregate(messages: string[]): string {
  return messages.length === 1 ? messages[0]! : `[${messages.join(', ')}]`;
}

/** A raw document value with its place in the stream. */
interface RawDoc {
  value: unknown;
  firstLine: number;
  /** JSON path → 1-based line within the document (add `lineOffset` for the stream). */
  lines?: Map<string, number>;
  lineOffset?: number;
  duplicates?: DuplicateKey[];
}

/** Models getObjectKind of k8s.io/kubectl/pkg/validation/validation.go. */
function objectKindErrors(v: unknown): { errors: string[]; apiVersion?: string; kind?: string } {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return { errors: ['invalid object to validate'] };
  const fields = v as Record<string, unknown>;
  const errors: string[] = [];
  const apiVersion = fields.apiVersion;
  if (apiVersion === null || apiVersion === undefined) errors.push('apiVersion not set');
  else if (typeof apiVersion !== 'string') errors.push("apiVersion isn't string type");
  else if ((apiVersion.match(/\//g) ?? []).length > 1) errors.push(`unexpected GroupVersion string: ${apiVersion}`);
  const kind = fields.kind;
  if (kind === null || kind === undefined) errors.push('kind not set');
  else if (typeof kind !== 'string') errors.push("kind isn't string type");
  return { errors, apiVersion: typeof apiVersion === 'string' ? apiVersion : undefined, kind: typeof kind === 'string' ? kind : undefined };
}

function stringField(obj: Record<string, unknown>, ...path: string[]): string {
  let cur: unknown = obj;
  for (const p of path) {
    if (typeof cur !== 'object' || cur === null || Array.isArray(cur)) return '';
    cur = (cur as Record<string, unknown>)[p];
  }
  return typeof cur === 'string' ? cur : '';
}

/** `apps/v1` → `v1`; `v1` → `v1`. */
function versionOf(apiVersion: string): string {
  const i = apiVersion.indexOf('/');
  return i >= 0 ? apiVersion.slice(i + 1) : apiVersion;
}

/** GroupVersion.String() of an apiVersion as ParseGroupVersion reads it (`/v1` → `v1`). */
function groupVersionString(apiVersion: string): string {
  if (apiVersion === '' || apiVersion === '/') return '';
  const i = apiVersion.indexOf('/');
  if (i < 0) return apiVersion;
  const group = apiVersion.slice(0, i);
  const version = apiVersion.slice(i + 1);
  return group ? `${group}/${version}` : version;
}

function isListObject(v: Record<string, unknown>): boolean {
  return v.apiVersion === 'v1' && v.kind === 'List';
}

/** Levenshtein distance, for `did you mean` hints. */
function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length]!;
}

/** The known field closest to an unknown one at the same place, when one is close enough. */
function suggestField(typeName: string, path: string): string | undefined {
  // Walk the schema along the path (`spec.template.spec.containers[0].imagee`).
  const parts = path.replace(/\[\d+\]/g, '').split('.');
  const unknown = parts.pop()!;
  let type: TypeSpec | undefined = K8S_FIELDS.types[typeName];
  for (const p of parts) {
    if (!type) return undefined;
    let spec: FieldSpec | undefined = type.fields[p];
    while (spec && (spec.type === 'array' || spec.type === 'map') && spec.items) spec = spec.items;
    type = spec?.ref ? K8S_FIELDS.types[spec.ref] : undefined;
  }
  if (!type) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of Object.keys(type.fields)) {
    const d = editDistance(unknown, name);
    if (d < bestDistance) {
      bestDistance = d;
      best = name;
    }
  }
  const limit = Math.max(1, Math.min(3, Math.floor(unknown.length / 3)));
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

/** Server-side decode of one mapped object; undefined when the server would accept it. */
function serverCheck(
  obj: Record<string, unknown>,
  apiVersion: string,
  kind: string,
  directive: ValidationDirective,
  warnings: string[],
): ServerDecodeError | undefined {
  // JSON.stringify is a cheap lower bound (UTF-8 is at most 3 bytes per UTF-16 unit); measure exactly when close.
  const approx = JSON.stringify(obj).length;
  if (approx * 3 > MAX_REQUEST_BYTES && utf8Length(goJsonMarshal(obj)) > MAX_REQUEST_BYTES) {
    return { reason: 'RequestEntityTooLarge', code: 413, kind: 'too-large', message: `Request entity too large: limit is ${MAX_REQUEST_BYTES}` };
  }
  const typeName = rootTypeName(apiVersion, kind);
  if (!typeName) return undefined;
  const result = strictDecode(obj, typeName);
  const prefix = `${kind} in version ${goQuote(versionOf(apiVersion))} cannot be handled as a ${kind}: `;
  if (result.fatal) {
    return { reason: 'BadRequest', code: 400, kind: 'type', message: prefix + result.fatal, ...(result.fatalPath ? { fieldPath: result.fatalPath } : {}) };
  }
  if (result.unknownFields.length === 0) return undefined;
  const paths = result.unknownPaths;
  if (directive === 'warn') {
    warnings.push(...result.unknownFields);
    return undefined;
  }
  if (directive === 'ignore') return undefined;
  const hints = paths.flatMap((p) => {
    const s = suggestField(typeName, p);
    return s ? [`unknown field ${goQuote(p)}: did you mean ${goQuote(s)}?`] : [];
  });
  return {
    reason: 'BadRequest',
    code: 400,
    kind: 'strict',
    message: `${prefix}strict decoding error: ${result.unknownFields.join(', ')}`,
    unknownFields: paths,
    ...(hints.length ? { hints } : {}),
  };
}

function duplicateWarnings(dups: DuplicateKey[] | undefined, firstLine: number): string[] {
  if (!dups?.length) return [];
  const out = dups.map((d) => `line ${d.line + firstLine - 1}: key ${goQuote(d.key)} already set in map (first at line ${d.firstLine + firstLine - 1}); the later value replaces it`);
  const rootKeys = new Set(dups.filter((d) => d.path === '').map((d) => d.key));
  if (rootKeys.has('apiVersion') && rootKeys.has('kind')) {
    out.push(`line ${dups.find((d) => d.path === '' && d.key === 'apiVersion')!.line + firstLine - 1}: a second object starts here without a "---" separator; only the last one is used`);
  }
  return out;
}

/**
 * Decodes a manifest stream into objects, kubectl-worded errors and server answers.
 * `source` names the input in messages (`web.yaml`, `STDIN`).
 */
export function decodeManifests(text: string, source: string, options: DecodeOptions = {}): DecodedDoc[] {
  const directive = options.validate ?? 'strict';
  const out: DecodedDoc[] = [];
  const push = (d: Omit<DecodedDoc, 'index'>): void => {
    out.push({ index: out.length, ...d });
  };

  if (utf8Length(text) > MAX_REQUEST_BYTES) {
    // Divergence: kubectl reads files of any size and only each request is capped; the simulator refuses to
    // parse more than one request's worth of text at all.
    push({
      serverError: { reason: 'RequestEntityTooLarge', code: 413, kind: 'too-large', message: `Request entity too large: limit is ${MAX_REQUEST_BYTES}` },
      line: 1,
    });
    return out;
  }

  for (const raw of readRawDocuments(text, source)) {
    if ('error' in raw) {
      push({ error: raw.error, line: raw.line });
      return out;
    }
    const stop = handleDocument(raw, source, directive, push);
    if (stop) return out;
  }
  return out;
}

/** Validates, maps and checks one raw document; returns true when the stream must stop. */
function handleDocument(raw: RawDoc, source: string, directive: ValidationDirective, push: (d: Omit<DecodedDoc, 'index'>) => void): boolean {
  const v = raw.value;
  if (v === undefined || v === null) return false;
  const lineOf = (path: string): number => {
    const line = raw.lines?.get(path);
    return line === undefined ? raw.firstLine : line + (raw.lineOffset ?? 0);
  };
  const warnings = duplicateWarnings(raw.duplicates, 1);
  const extra = (): Partial<DecodedDoc> => ({
    ...(warnings.length ? { warnings: [...warnings] } : {}),
    ...(raw.duplicates?.length ? { duplicateKeys: raw.duplicates } : {}),
  });

  if (directive !== 'ignore') {
    const { errors, apiVersion, kind } = objectKindErrors(v);
    let validation = errors;
    if (errors.length === 0 && apiVersion === 'v1' && kind === 'List') validation = validateList(v as Record<string, unknown>);
    if (validation.length > 0) {
      push({ error: `error validating ${goQuote(source)}: error validating data: ${aggregate(validation)}; ${STOP_VALIDATE}`, line: raw.firstLine, ...extra() });
      return true;
    }
  } else if (typeof v !== 'object' || Array.isArray(v)) {
    push({ error: `unable to decode ${goQuote(source)}: json: cannot unmarshal ${Array.isArray(v) ? 'array' : typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'bool' : 'string'} into Go value of type map[string]interface {}`, line: raw.firstLine });
    return false;
  }

  const obj = v as Record<string, unknown>;
  if (typeof obj.kind !== 'string' || obj.kind === '') {
    push({ error: `unable to decode ${goQuote(source)}: Object 'Kind' is missing in '${goJsonMarshal(obj)}'`, line: raw.firstLine, ...extra() });
    return false;
  }

  if (isListObject(obj)) {
    const items = Array.isArray(obj.items) ? obj.items : [];
    const errors: string[] = [];
    const expanded: Array<{ item: Record<string, unknown>; path: string }> = [];
    const flatten = (list: unknown[], path: string): void => {
      list.forEach((item, i) => {
        const p = `${path}[${i}]`;
        if (typeof item !== 'object' || item === null || Array.isArray(item)) return;
        const rec = item as Record<string, unknown>;
        if (isListObject(rec) && Array.isArray(rec.items)) flatten(rec.items, `${p}.items`);
        else expanded.push({ item: rec, path: p });
      });
    };
    flatten(items, 'items');
    for (const { item, path } of expanded) {
      const apiVersion = typeof item.apiVersion === 'string' ? item.apiVersion : '';
      const kind = typeof item.kind === 'string' ? item.kind : '';
      if (!typeForApiVersionKind(apiVersion, kind)) {
        errors.push(`unable to recognize no matches for kind ${goQuote(kind)} in version ${goQuote(groupVersionString(apiVersion))}`);
        continue;
      }
      const itemWarnings: string[] = [];
      const serverError = serverCheck(item, apiVersion, kind, directive, itemWarnings);
      push({
        obj: item as unknown as KubeObject,
        line: lineOf(path),
        ...(serverError ? { serverError } : {}),
        ...(itemWarnings.length || warnings.length ? { warnings: [...warnings, ...itemWarnings] } : {}),
      });
    }
    // Item mapping failures come back together, as FlattenListVisitor aggregates them.
    if (errors.length > 0) push({ error: aggregate(errors), line: raw.firstLine });
    return false;
  }

  let apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  const kind = obj.kind;
  let type = typeForApiVersionKind(apiVersion, kind);
  if (!type && directive === 'ignore' && apiVersion === '') {
    // Without validation, a missing apiVersion maps to the kind's preferred version and the request goes out.
    const preferred = typeForKind(kind);
    if (preferred) {
      type = preferred;
      apiVersion = apiVersionOf(preferred);
    }
  }
  if (!type) {
    const name = stringField(obj, 'metadata', 'name');
    const namespace = stringField(obj, 'metadata', 'namespace');
    push({
      error: `resource mapping not found for name: ${goQuote(name)} namespace: ${goQuote(namespace)} from ${goQuote(source)}: no matches for kind ${goQuote(kind)} in version ${goQuote(groupVersionString(apiVersion))}\nensure CRDs are installed first`,
      line: lineOf('kind'),
      ...extra(),
    });
    return false;
  }

  const serverWarnings: string[] = [];
  const serverError = serverCheck(obj, apiVersion, kind, directive, serverWarnings);
  const allWarnings = [...warnings, ...serverWarnings];
  let line = raw.firstLine;
  if (serverError?.unknownFields?.length) line = lineOf(serverError.unknownFields[0]!);
  else if (serverError?.fieldPath) line = lineOf(serverError.fieldPath);
  push({
    obj: obj as unknown as KubeObject,
    line,
    ...(serverError ? { serverError } : {}),
    ...(allWarnings.length ? { warnings: allWarnings } : {}),
    ...(raw.duplicates?.length ? { duplicateKeys: raw.duplicates } : {}),
  });
  return false;
}

/** kubectl's client-side check of a v1 List: each item's apiVersion/kind and its schema. */
function validateList(list: Record<string, unknown>): string[] {
  if (!Array.isArray(list.items)) return ['invalid object to validate'];
  const errors: string[] = [];
  for (const item of list.items) {
    const { errors: kindErrors, apiVersion, kind } = objectKindErrors(item);
    if (kindErrors.length > 0) {
      errors.push(...kindErrors);
      continue;
    }
    errors.push(...validateListItem(item as Record<string, unknown>, kind!, rootTypeName(apiVersion!, kind!)));
  }
  return errors;
}

/** Documents of the stream as raw values, or the parse error that ends it. */
function* readRawDocuments(text: string, source: string): Generator<RawDoc | { error: string; line?: number }> {
  // Go's unicode.IsSpace (unlike JS \s, a byte-order mark is not space, so such a file is read as YAML).
  const trimmed = text.slice(0, 4096).replace(/^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/, '');
  if (trimmed.startsWith('{')) {
    yield* readJsonStream(text, source);
    return;
  }
  yield* readYamlStream(text, source, 1);
}

function* readYamlStream(text: string, source: string, firstLine: number): Generator<RawDoc | { error: string; line?: number }> {
  const { chunks, error } = splitYamlDocuments(text, firstLine);
  for (const chunk of chunks) {
    try {
      const doc = yamlToJson(chunk.text);
      const duplicates = doc.duplicates.map((d) => ({ ...d, line: d.line + chunk.firstLine - 1, firstLine: d.firstLine + chunk.firstLine - 1 }));
      yield { value: doc.value, firstLine: chunk.firstLine, lines: doc.lines, lineOffset: chunk.firstLine - 1, duplicates };
    } catch (e) {
      if (e instanceof YamlToJsonError) {
        yield { error: `error parsing ${source}: ${e.message}`, line: e.line !== undefined ? e.line + chunk.firstLine - 1 : chunk.firstLine };
        return;
      }
      throw e;
    }
  }
  if (error) yield { error: `error parsing ${source}: ${error.message}`, line: error.line };
}

function* readJsonStream(text: string, source: string): Generator<RawDoc | { error: string; line?: number }> {
  const bytes = utf8Bytes(text);
  const stream = new GoJsonStream(bytes);
  // Byte offsets of line starts, so a byte offset maps to its 1-based line by binary search.
  const lineStarts = [0];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) lineStarts.push(i + 1);
  const lineAtByte = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  let count = 0;
  while (!stream.atEnd()) {
    const start = stream.pos;
    try {
      const value = stream.next();
      count++;
      yield { value, firstLine: lineAtByte(firstNonSpace(bytes, start)) };
    } catch (e) {
      if (!(e instanceof GoJsonError)) throw e;
      const jsonMessage = e.kind === 'syntax' ? `json: offset ${e.offset}: ${e.message}` : e.message;
      if (count > 1) {
        yield { error: `error parsing ${source}: ${jsonMessage}`, line: lineAtByte(e.offset) };
        return;
      }
      // Still ambiguous: read the rest as YAML from the line after the last good value; if that fails too,
      // the JSON error is the one reported.
      let p = stream.pos;
      while (p < bytes.length && (bytes[p] === 0x20 || bytes[p] === 0x09 || bytes[p] === 0x0d)) p++;
      if (p < bytes.length && bytes[p] === 0x0a) p++;
      const restText = utf8Decode(bytes.subarray(p));
      const restFirstLine = lineAtByte(p);
      let first = true;
      for (const doc of readYamlStream(restText, source, restFirstLine)) {
        if (first && 'error' in doc) {
          yield { error: `error parsing ${source}: ${jsonMessage}`, line: lineAtByte(e.offset) };
          return;
        }
        first = false;
        yield doc;
      }
      return;
    }
  }
}

function firstNonSpace(bytes: Uint8Array, start: number): number {
  let i = start;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x09 || bytes[i] === 0x0d)) i++;
  return i;
}
