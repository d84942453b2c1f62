/**
 * The apiserver's view of a manifest: decoding the JSON kubectl sends into the Go struct of its kind with
 * strict field validation (kubectl's default `--validate=strict`). It reports what the server answers:
 * unknown fields (`strict decoding error: unknown field "spec.replica"`), wrong JSON types
 * (`json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`), bad
 * quantities, times and base64 — and yields the object as stored, without the unknown fields.
 *
 * Models sigs.k8s.io/json internal/golang/encoding/json decode.go (object/array/literalStore, errorContext,
 * strict field stack), k8s.io/apimachinery runtime/serializer/json Serializer.unmarshal, and the
 * UnmarshalJSON methods of resource.Quantity, intstr.IntOrString and metav1.Time.
 */
import { K8S_FIELDS, goElementTypeName, goStructName, goTypeName, type FieldSchema, type FieldSpec } from '../schema/fields';
import { base64Decode } from './bytes';
import { setOwn } from './goyaml/decode';
import { compareGoStrings, goQuote } from './go-json';

/** What decoding a body would make the server say; `fatal` is the non-strict error that wins over strict ones. */
export interface StrictDecodeResult {
  /** `unknown field "spec.replica"`, in the order the server finds them (JSON keys sorted, depth first). */
  unknownFields: string[];
  /** The same fields as plain paths (`spec.replica`). */
  unknownPaths: string[];
  /** A wrong type, bad quantity, time or base64 value: the request fails with this text. */
  fatal?: string;
  /** JSON path of the value the fatal error is about (`spec.replicas`), for editors. */
  fatalPath?: string;
  /** The object with unknown fields dropped (what a typed decode keeps). */
  pruned: unknown;
}

/** Go reflect's name of a JSON value's kind, as UnmarshalTypeError prints it. */
function jsonKind(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

/** The JSON text Go would see for a number (`1.5`, `3`, `1e+21`). */
function numberText(n: number): string {
  return String(n);
}

/** Raw JSON text of a value, as a custom UnmarshalJSON receives it. */
function rawJson(v: unknown): string {
  return JSON.stringify(v);
}

const INT_RANGES: Record<string, [number, number]> = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  int64: [-(2 ** 63), 2 ** 63 - 1],
  int: [-(2 ** 63), 2 ** 63 - 1],
};

class FatalDecodeError extends Error {
  constructor(
    message: string,
    readonly path?: string,
  ) {
    super(message);
  }
}

/** Go's UnmarshalTypeError text with the decoder's context (`... into Go struct field PodSpec.spec.x of type T`). */
function typeErrorMessage(value: unknown, goType: string, ctx: Context, valueText?: string): string {
  const v = valueText ?? jsonKind(value);
  const where = ctx.struct !== undefined || ctx.fieldStack.length > 0 ? `Go struct field ${ctx.struct ?? ''}.${ctx.fieldStack.join('.')}` : 'Go value';
  return `json: cannot unmarshal ${v} into ${where} of type ${goType}`;
}

/** Decoding state: Go's errorContext (innermost struct + JSON field names) and the strict field stack. */
interface Context {
  struct?: string;
  fieldStack: string[];
  /** Strict path so far (`spec.template.spec.containers[0]`). */
  path: string;
}

class StrictDecoder {
  readonly unknown: string[] = [];
  readonly unknownPaths: string[] = [];
  private readonly seen = new Set<string>();
  savedError?: { message: string; path: string };

  constructor(private readonly schema: FieldSchema) {}

  private saveError(message: string, path: string): void {
    if (!this.savedError) this.savedError = { message, path };
  }

  private typeError(value: unknown, goType: string, ctx: Context, valueText?: string): void {
    this.saveError(typeErrorMessage(value, goType, ctx, valueText), ctx.path);
  }

  /** Decodes an object into the struct `typeName`; returns the kept fields. */
  struct(value: Record<string, unknown>, typeName: string, ctx: Context): Record<string, unknown> {
    const type = this.schema.types[typeName];
    const out: Record<string, unknown> = {};
    // kubectl sends maps encoded by Go, whose keys are sorted; the server meets them in that order.
    for (const key of Object.keys(value).sort(compareGoStrings)) {
      const spec = type && Object.prototype.hasOwnProperty.call(type.fields, key) ? type.fields[key] : undefined;
      if (!spec) {
        const path = ctx.path === '' ? key : `${ctx.path}.${key}`;
        const err = `unknown field ${goQuote(path)}`;
        // Go caps and de-duplicates the strict errors it keeps.
        if (!this.seen.has(err) && this.unknown.length < 100) {
          this.seen.add(err);
          this.unknown.push(err);
          this.unknownPaths.push(path);
        }
        continue;
      }
      const child: Context = {
        struct: goStructName(typeName),
        fieldStack: [...ctx.fieldStack, key],
        path: ctx.path === '' ? key : `${ctx.path}.${key}`,
      };
      setOwn(out, key, this.value(value[key], spec, child, () => goTypeName(spec)));
    }
    return out;
  }

  /**
   * Decodes one value into a field. `goTypeOf` names its Go type for messages (computed only when an error needs
   * it); `isBytes` marks `[]byte` values, which travel as base64 strings.
   */
  value(v: unknown, spec: FieldSpec, ctx: Context, goTypeOf: () => string, isBytes = spec.go === '[]uint8'): unknown {
    // JSON null leaves any Go value at its zero value, never an error.
    if (v === null || v === undefined) return v;
    if (spec.go === 'v1.Time' || spec.go === 'v1.MicroTime') return this.time(v, ctx, spec.go);
    if (isBytes) {
      if (typeof v !== 'string') {
        this.typeError(v, goTypeOf(), ctx);
        return v;
      }
      const decoded = base64Decode(v);
      if (!(decoded instanceof Uint8Array)) this.saveError(`illegal base64 data at input byte ${decoded.badByte}`, ctx.path);
      return v;
    }
    switch (spec.type) {
      case 'string':
        if (typeof v !== 'string') this.typeError(v, goTypeOf(), ctx);
        return v;
      case 'boolean':
        if (typeof v !== 'boolean') this.typeError(v, goTypeOf(), ctx);
        return v;
      case 'integer': {
        if (typeof v !== 'number') {
          this.typeError(v, goTypeOf(), ctx);
          return v;
        }
        const goType = spec.go ?? 'int32';
        const [min, max] = INT_RANGES[goType] ?? INT_RANGES.int32!;
        if (!Number.isInteger(v) || v < min || v > max) this.typeError(v, goTypeOf(), ctx, `number ${numberText(v)}`);
        return v;
      }
      case 'number':
        if (typeof v !== 'number') this.typeError(v, goTypeOf(), ctx);
        return v;
      case 'any':
        return v;
      case 'quantity':
        this.quantity(v, ctx);
        return v;
      case 'intOrString':
        this.intOrString(v, ctx);
        return v;
      case 'object': {
        if (typeof v !== 'object' || Array.isArray(v)) {
          this.typeError(v, goTypeOf(), ctx);
          return v;
        }
        return spec.ref ? this.struct(v as Record<string, unknown>, spec.ref, ctx) : v;
      }
      case 'array': {
        if (!Array.isArray(v)) {
          this.typeError(v, goTypeOf(), ctx);
          return v;
        }
        const items = spec.items;
        if (!items) return v;
        const elemGo = (): string => goElementTypeName(goTypeOf());
        return v.map((item, i) => this.value(item, items, { ...ctx, path: `${ctx.path}[${i}]` }, elemGo));
      }
      case 'map': {
        if (typeof v !== 'object' || Array.isArray(v)) {
          this.typeError(v, goTypeOf(), ctx);
          return v;
        }
        const items = spec.items;
        const elemGo = (): string => goElementTypeName(goTypeOf());
        const elemBytes = spec.go === 'map[string][]uint8';
        const out: Record<string, unknown> = {};
        const obj = v as Record<string, unknown>;
        for (const key of Object.keys(obj).sort(compareGoStrings)) {
          const child = { ...ctx, path: ctx.path === '' ? key : `${ctx.path}.${key}` };
          setOwn(out, key, items ? this.value(obj[key], items, child, elemGo, elemBytes) : obj[key]);
        }
        return out;
      }
    }
  }

  /** resource.Quantity's UnmarshalJSON: a failure ends decoding at once. */
  private quantity(v: unknown, ctx: Context): void {
    let text = typeof v === 'string' ? v : typeof v === 'number' ? numberText(v) : rawJson(v);
    text = text.trim();
    const err = parseQuantityError(text);
    if (err) throw new FatalDecodeError(err, ctx.path);
  }

  /** intstr.IntOrString's UnmarshalJSON: strings are kept, anything else must fit an int32. */
  private intOrString(v: unknown, ctx: Context): void {
    if (typeof v === 'string') return;
    const [min, max] = INT_RANGES.int32!;
    let valueText: string | undefined;
    if (typeof v === 'number') {
      if (Number.isInteger(v) && v >= min && v <= max) return;
      valueText = `number ${numberText(v)}`;
    } else {
      valueText = jsonKind(v);
    }
    // The nested json.Unmarshal error gets the decoder's field context added on the way out.
    throw new FatalDecodeError(typeErrorMessage(v, 'int32', ctx, valueText), ctx.path);
  }

  /** metav1.Time's UnmarshalJSON: a JSON string in RFC 3339. */
  private time(v: unknown, ctx: Context, goType: string): unknown {
    if (typeof v !== 'string') throw new FatalDecodeError(typeErrorMessage(v, 'string', ctx), ctx.path);
    const err = parseRfc3339Error(v, goType === 'v1.MicroTime' ? '2006-01-02T15:04:05.000000Z07:00' : '2006-01-02T15:04:05Z07:00');
    if (err) throw new FatalDecodeError(err, ctx.path);
    return v;
  }
}

/**
 * Decodes `obj` (a manifest as JSON) into the type of its kind with strict field validation.
 * `typeName` is the root OpenAPI type (`io.k8s.api.apps.v1.Deployment`).
 */
export function strictDecode(obj: Record<string, unknown>, typeName: string, schema: FieldSchema = K8S_FIELDS): StrictDecodeResult {
  const d = new StrictDecoder(schema);
  let pruned: unknown;
  try {
    pruned = d.struct(obj, typeName, { fieldStack: [], path: '' });
  } catch (e) {
    if (e instanceof FatalDecodeError) {
      // A fatal error drops the strict errors gathered so far, as the server does.
      return { unknownFields: [], unknownPaths: [], fatal: e.message, ...(e.path ? { fatalPath: e.path } : {}), pruned: obj };
    }
    throw e;
  }
  if (d.savedError) return { unknownFields: [], unknownPaths: [], fatal: d.savedError.message, fatalPath: d.savedError.path, pruned };
  return { unknownFields: d.unknown, unknownPaths: d.unknownPaths, pruned };
}

// ---- resource.Quantity --------------------------------------------------------------------------------------

const QUANTITY_FORMAT_WRONG = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const QUANTITY_SUFFIX = "unable to parse quantity's suffix";
const DECIMAL_SUFFIXES = new Set(['', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E']);
const BINARY_SUFFIXES = new Set(['Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']);

/** ParseQuantity's error for a text, or undefined when it parses. Models resource.ParseQuantity. */
export function parseQuantityError(str: string): string | undefined {
  if (str.length === 0) return QUANTITY_FORMAT_WRONG;
  if (str === '0') return undefined;
  let pos = 0;
  const end = str.length;
  if (str[0] === '-' || str[0] === '+') pos++;
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return undefined;
  while (pos < end && str[pos]! >= '0' && str[pos]! <= '9') pos++;
  if (pos >= end) return undefined;
  if (str[pos] === '.') {
    pos++;
    while (pos < end && str[pos]! >= '0' && str[pos]! <= '9') pos++;
    if (pos >= end) return undefined;
  }
  const suffixStart = pos;
  while (pos < end && 'eEinumkKMGTP'.includes(str[pos]!)) pos++;
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++;
  while (pos < end && str[pos]! >= '0' && str[pos]! <= '9') pos++;
  if (pos < end) return QUANTITY_FORMAT_WRONG;
  const suffix = str.slice(suffixStart);
  if (DECIMAL_SUFFIXES.has(suffix) || BINARY_SUFFIXES.has(suffix)) return undefined;
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?[0-9]+$/.test(suffix.slice(1))) return undefined;
  return QUANTITY_SUFFIX;
}

// ---- metav1.Time ------------------------------------------------------------------------------------------

/**
 * time.Parse(layout, value)'s error for the RFC 3339 layouts metav1.Time uses, or undefined when it parses.
 * Covers the element-by-element walk and the range checks Go reports.
 */
export function parseRfc3339Error(value: string, layout: string): string | undefined {
  const q = goQuote;
  const fail = (rest: string, elem: string): string => `parsing time ${q(value)} as ${q(layout)}: cannot parse ${q(rest)} as ${q(elem)}`;
  const micro = layout.includes('.000000');
  const elems: Array<[string, RegExp | string]> = [
    ['2006', /^\d{4}/],
    ['-', '-'],
    ['01', /^\d{2}/],
    ['-', '-'],
    ['02', /^\d{2}/],
    ['T', 'T'],
    ['15', /^\d{2}/],
    [':', ':'],
    ['04', /^\d{2}/],
    [':', ':'],
    ['05', /^\d{2}/],
    ...(micro ? ([['.000000', /^\.\d{6}/]] as Array<[string, RegExp]>) : []),
    ['Z07:00', /^(Z|[+-]\d{2}:\d{2})/],
  ];
  let rest = value;
  const parts: string[] = [];
  for (const [elem, pattern] of elems) {
    if (typeof pattern === 'string') {
      if (!rest.startsWith(pattern)) return fail(rest, elem);
      rest = rest.slice(pattern.length);
      parts.push(pattern);
      continue;
    }
    // RFC 3339 allows fractional seconds after "05" even when the layout has none.
    if (elem === 'Z07:00' && !micro && /^\.\d+/.test(rest)) rest = rest.replace(/^\.\d+/, '');
    if (elem === '2006' && rest.length >= 4 && !/^[+-]?\d+$/.test(rest.slice(0, 4))) {
      // Go takes four characters for the year before checking them, and reports what follows.
      return fail(rest.slice(4), elem);
    }
    const m = pattern.exec(rest);
    if (!m) return fail(rest, elem);
    parts.push(m[0]);
    rest = rest.slice(m[0].length);
  }
  if (rest.length > 0) return `parsing time ${q(value)}: extra text: ${q(rest)}`;
  const [year, , month, , day, , hour, , minute, , second] = parts.map((p) => Number(p));
  if (month! < 1 || month! > 12) return `parsing time ${q(value)}: month out of range`;
  const leap = (year! % 4 === 0 && year! % 100 !== 0) || year! % 400 === 0;
  const daysIn = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month! - 1]!;
  if (day! < 1 || day! > daysIn) return `parsing time ${q(value)}: day out of range`;
  if (hour! > 23) return `parsing time ${q(value)}: hour out of range`;
  if (minute! > 59) return `parsing time ${q(value)}: minute out of range`;
  if (second! > 59) return `parsing time ${q(value)}: second out of range`;
  return undefined;
}
