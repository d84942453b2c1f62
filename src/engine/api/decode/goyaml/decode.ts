/**
 * YAML → JSON value the way `sigs.k8s.io/yaml.Unmarshal` does it for kubectl: go-yaml v2 composes the first
 * document of the text into nodes, resolves plain scalars with YAML 1.1 rules into an `interface{}` tree, and
 * the result is converted to JSON (non-string keys stringified, NaN/Inf rejected). Failures come back as the
 * exact error text (`error converting YAML to JSON: yaml: line 3: did not find expected key`).
 *
 * Scalar resolution (go-yaml v2, YAML 1.1 flavoured), which is what kubectl v1.34 applies to manifests:
 * - `true/True/TRUE/false/...`, and also `yes/Yes/YES/y/Y/no/No/NO/n/N/on/On/ON/off/Off/OFF` are booleans;
 * - `null/Null/NULL/~` and the empty value are null;
 * - integers use Go's base prefixes: `0x1F`, `0o17`, `0b101`, and a leading `0` is octal (`0777` = 511),
 *   underscores are ignored (`1_000`); `08` (not octal) falls through to the float rule and is 8;
 * - `1e3`, `1.5`, `.5`, `+1.` are floats (JSON `1000`, `1.5`, ...); `.inf`/`.nan` fail the JSON conversion;
 * - timestamps stay strings; everything else is a string. Quoted and block scalars are always strings.
 * Models go.yaml.in/yaml/v2 decode.go (parser, decoder), resolve.go, and sigs.k8s.io/yaml yaml.go
 * (yamlToJSONTarget, convertToJSONableObject).
 */
import { EventParser, type YamlEvent } from './parser';
import { YamlSyntaxError, type YamlProblem } from './scanner';
import { base64Decode, utf8Decode } from '../bytes';

/** A duplicated mapping key (kubectl keeps the last value silently; callers may want to warn). */
export interface DuplicateKey {
  /** JSON path of the mapping (`metadata`, `spec.template`), empty for the root. */
  path: string;
  key: string;
  /** 1-based line of the repeated key within the document. */
  line: number;
  /** 1-based line of the first occurrence. */
  firstLine: number;
}

/** The JSON-compatible value of a document, with where its keys are. */
export interface YamlDocument {
  /** `undefined` when the document is empty (kubectl skips it). */
  value: unknown;
  /** JSON path (`spec.template.spec.containers[0].image`) → 1-based line of the key or item. */
  lines: Map<string, number>;
  duplicates: DuplicateKey[];
}

/** A decoding failure with kubectl's wording (`error converting YAML to JSON: yaml: ...`). */
export class YamlToJsonError extends Error {
  constructor(
    message: string,
    /** 1-based line (within the document) the problem is at, when known; for editors. */
    readonly line?: number,
  ) {
    super(message);
  }
}

// ---- nodes ------------------------------------------------------------------------------------------------

type NodeKind = 'document' | 'mapping' | 'sequence' | 'scalar' | 'alias';

interface YNode {
  kind: NodeKind;
  /** 0-based line of the node's first event. */
  line: number;
  tag: string;
  value: string;
  implicit: boolean;
  children: YNode[];
  alias?: YNode;
}

/** Thrown by `failf`: a go-yaml decode failure, already worded (`yaml: ...`). */
class GoYamlFail extends Error {
  constructor(message: string, readonly line?: number) {
    super(message);
  }
}

function failf(message: string, line?: number): never {
  throw new GoYamlFail(`yaml: ${message}`, line);
}

/** Builds the node tree of the first document, as go-yaml's `parser.parse()` does. */
class Composer {
  private readonly events: EventParser;
  private event: YamlEvent | undefined;
  private anchors = new Map<string, YNode>();

  constructor(text: string) {
    this.events = new EventParser(text);
  }

  private peek(): YamlEvent {
    if (!this.event) this.event = this.events.next();
    return this.event;
  }

  private expect(type: YamlEvent['type']): YamlEvent {
    const e = this.peek();
    if (e.type === 'STREAM-END' && type !== 'STREAM-END') failf('attempted to go past the end of stream; corrupted value?');
    if (e.type !== type) failf(`expected ${type} event but got ${e.type}`);
    this.event = undefined;
    return e;
  }

  /** The first document's node, or undefined for an empty stream. */
  parseFirst(): YNode | undefined {
    this.expect('STREAM-START');
    const e = this.peek();
    if (e.type === 'STREAM-END') return undefined;
    return this.parse();
  }

  private node(kind: NodeKind, e: YamlEvent): YNode {
    return { kind, line: e.start.line, tag: '', value: '', implicit: false, children: [] };
  }

  private parse(): YNode {
    const e = this.peek();
    switch (e.type) {
      case 'SCALAR': {
        const n = this.node('scalar', e);
        n.value = e.value ?? '';
        n.tag = e.tag ?? '';
        n.implicit = e.implicit ?? false;
        if (e.anchor !== undefined) this.anchors.set(e.anchor, n);
        this.expect('SCALAR');
        return n;
      }
      case 'ALIAS': {
        const n = this.node('alias', e);
        n.value = e.anchor ?? '';
        const target = this.anchors.get(n.value);
        if (!target) failf(`unknown anchor '${n.value}' referenced`, e.start.line + 1);
        n.alias = target;
        this.expect('ALIAS');
        return n;
      }
      case 'MAPPING-START': {
        const n = this.node('mapping', e);
        n.tag = e.tag ?? '';
        if (e.anchor !== undefined) this.anchors.set(e.anchor, n);
        this.expect('MAPPING-START');
        while (this.peek().type !== 'MAPPING-END') n.children.push(this.parse(), this.parse());
        this.expect('MAPPING-END');
        return n;
      }
      case 'SEQUENCE-START': {
        const n = this.node('sequence', e);
        n.tag = e.tag ?? '';
        if (e.anchor !== undefined) this.anchors.set(e.anchor, n);
        this.expect('SEQUENCE-START');
        while (this.peek().type !== 'SEQUENCE-END') n.children.push(this.parse());
        this.expect('SEQUENCE-END');
        return n;
      }
      case 'DOCUMENT-START': {
        const n = this.node('document', e);
        this.anchors = new Map();
        this.expect('DOCUMENT-START');
        n.children.push(this.parse());
        this.expect('DOCUMENT-END');
        return n;
      }
      default:
        throw new Error(`attempted to parse unknown event: ${e.type}`);
    }
  }
}

// ---- scalar resolution --------------------------------------------------------------------------------------

const STR = 'tag:yaml.org,2002:str';
const BOOL = 'tag:yaml.org,2002:bool';
const INT = 'tag:yaml.org,2002:int';
const FLOAT = 'tag:yaml.org,2002:float';
const NULL = 'tag:yaml.org,2002:null';
const TIMESTAMP = 'tag:yaml.org,2002:timestamp';
const BINARY = 'tag:yaml.org,2002:binary';
const MERGE = 'tag:yaml.org,2002:merge';

/** A resolved Go value of a scalar: the tag decides how keys are stringified and what JSON allows. */
type Resolved =
  | { tag: 'str'; value: string }
  | { tag: 'bool'; value: boolean }
  | { tag: 'int'; value: number }
  | { tag: 'float'; value: number }
  | { tag: 'null'; value: null };

const RESOLVE_MAP: Record<string, Resolved | 'merge'> = Object.create(null);
for (const s of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) RESOLVE_MAP[s] = { tag: 'bool', value: true };
for (const s of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) RESOLVE_MAP[s] = { tag: 'bool', value: false };
for (const s of ['', '~', 'null', 'Null', 'NULL']) RESOLVE_MAP[s] = { tag: 'null', value: null };
for (const s of ['.nan', '.NaN', '.NAN']) RESOLVE_MAP[s] = { tag: 'float', value: NaN };
for (const s of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) RESOLVE_MAP[s] = { tag: 'float', value: Infinity };
for (const s of ['-.inf', '-.Inf', '-.INF']) RESOLVE_MAP[s] = { tag: 'float', value: -Infinity };
RESOLVE_MAP['<<'] = 'merge';

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** Go's strconv.ParseInt/ParseUint with base 0 (sign, 0x/0o/0b prefixes, leading-0 octal); undefined on error. */
function parseGoInt(text: string): { value: number; big: bigint } | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (!m) return undefined;
  const digits = m[2]!;
  let big: bigint;
  if (/^0[oO]/.test(digits)) big = BigInt(`0o${digits.slice(2)}`);
  else if (/^0[0-7]+$/.test(digits)) big = BigInt(`0o${digits.slice(1)}`);
  else big = BigInt(digits);
  if (m[1] === '-') big = -big;
  // int64, else uint64 (for non-negative); beyond both the text is not an integer.
  if (big < -(2n ** 63n) || big >= 2n ** 64n) return undefined;
  return { value: Number(big), big };
}

/** Go's strconv.ParseFloat on the texts the YAML float rule lets through; undefined when out of range. */
function parseGoFloat(text: string): number | undefined {
  const v = Number(text);
  if (Number.isNaN(v) || !Number.isFinite(v)) return undefined;
  return v;
}

function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

const TAG_OF: Record<Resolved['tag'], string> = { str: STR, bool: BOOL, int: INT, float: FLOAT, null: NULL };

/** Resolves a scalar's text under an explicit (or empty) tag. Models resolve.go resolve. */
function resolve(tag: string, text: string, line: number): Resolved | { tag: 'other'; value: string } | 'merge' {
  const resolvable = tag === '' || tag === STR || tag === BOOL || tag === INT || tag === FLOAT || tag === NULL || tag === TIMESTAMP;
  if (!resolvable) return { tag: 'other', value: text };
  const out = resolvePlain(tag, text);
  if (out === 'merge') return tag === '' ? 'merge' : { tag: 'str', value: text };
  const outTag = 'timestamp' in out ? TIMESTAMP : TAG_OF[out.tag];
  // An explicit tag must agree with what the text resolves to (an int may become a float).
  if (tag === '' || tag === outTag || tag === STR) return tag === STR ? { tag: 'str', value: text } : stripTimestamp(out);
  if (tag === FLOAT && out.tag === 'int') return { tag: 'float', value: out.value };
  failf(`cannot decode ${shortTag(outTag)} \`${text}\` as a ${shortTag(tag)}`, line);
}

type PlainResolved = Resolved | ({ tag: 'str'; value: string; timestamp: true });

function stripTimestamp(r: PlainResolved): Resolved {
  return r.tag === 'str' ? { tag: 'str', value: r.value } : r;
}

function resolvePlain(tag: string, text: string): PlainResolved | 'merge' {
  const first = text[0];
  const hint = text === '' ? 'N' : first === '+' || first === '-' ? 'S' : first! >= '0' && first! <= '9' ? 'D' : 'yYnNtTfFoO~'.includes(first!) ? 'M' : first === '.' ? '.' : '';
  if (hint !== '' && tag !== STR) {
    const mapped = RESOLVE_MAP[text];
    if (mapped !== undefined) return mapped;
    if (hint === '.') {
      const f = /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(text) ? parseGoFloat(text) : undefined;
      if (f !== undefined) return { tag: 'float', value: f };
    } else if (hint === 'D' || hint === 'S') {
      if ((tag === '' || tag === TIMESTAMP) && isTimestamp(text)) return { tag: 'str', value: text, timestamp: true };
      const plain = text.replace(/_/g, '');
      const int = parseGoInt(plain);
      if (int) return { tag: 'int', value: int.value };
      if (YAML_STYLE_FLOAT.test(plain)) {
        const f = parseGoFloat(plain);
        if (f !== undefined) return { tag: 'float', value: f };
      }
      if (/^-?0b[01]+$/.test(plain)) {
        const neg = plain.startsWith('-');
        const big = BigInt(`0b${plain.slice(neg ? 3 : 2)}`) * (neg ? -1n : 1n);
        if (big >= -(2n ** 63n) && big < 2n ** 64n) return { tag: 'int', value: Number(big) };
      }
    }
  }
  return { tag: 'str', value: text };
}

/** go-yaml's timestamp shapes (`2001-12-14`, `2001-12-14T21:59:43.10-05:00`, `2001-12-14 21:59:43.10`). */
function isTimestamp(text: string): boolean {
  if (!/^[0-9]{4}-/.test(text)) return false;
  return (
    /^\d{4}-\d{1,2}-\d{1,2}$/.test(text) ||
    /^\d{4}-\d{1,2}-\d{1,2}[Tt]\d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(text) ||
    /^\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?$/.test(text)
  );
}

// ---- decoding into interface{} ------------------------------------------------------------------------------

// Alias-expansion budget of go-yaml v2.4 (protects against "billion laughs" documents).
const ALIAS_RATIO_RANGE_LOW = 400000;
const ALIAS_RATIO_RANGE_HIGH = 4000000;

function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= ALIAS_RATIO_RANGE_LOW) return 0.99;
  if (decodeCount >= ALIAS_RATIO_RANGE_HIGH) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - ALIAS_RATIO_RANGE_LOW) / (ALIAS_RATIO_RANGE_HIGH - ALIAS_RATIO_RANGE_LOW));
}

/** A Go map[interface{}]interface{} under construction: typed keys in insertion order. */
interface GoMap {
  kind: 'map';
  entries: Map<string, { key: Resolved; value: GoValue; line: number }>;
}
type GoValue = Resolved | { tag: 'list'; items: GoValue[]; lines: number[] } | GoMap;

/** Identity of a typed key in a Go map (1 and "1" are different keys). */
function keyIdentity(k: Resolved): string {
  return `${k.tag}:${String(k.value)}`;
}

class Decoder {
  decodeCount = 0;
  aliasCount = 0;
  aliasDepth = 0;
  private readonly activeAliases = new Set<YNode>();
  readonly duplicates: Array<{ map: GoMap; key: string; line: number; firstLine: number }> = [];

  unmarshal(n: YNode): GoValue | undefined {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (this.aliasCount > 100 && this.decodeCount > 1000 && this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)) {
      failf('document contains excessive aliasing');
    }
    switch (n.kind) {
      case 'document':
        return n.children.length === 1 ? this.unmarshal(n.children[0]!) : undefined;
      case 'alias':
        return this.alias(n);
      case 'scalar':
        return this.scalar(n);
      case 'mapping': {
        const m: GoMap = { kind: 'map', entries: new Map() };
        this.mapping(n, m);
        return m;
      }
      case 'sequence': {
        const items: GoValue[] = [];
        const lines: number[] = [];
        for (const child of n.children) {
          const v = this.unmarshal(child);
          if (v !== undefined) {
            items.push(v);
            lines.push(child.line + 1);
          }
        }
        return { tag: 'list', items, lines };
      }
    }
  }

  private alias(n: YNode): GoValue | undefined {
    if (this.activeAliases.has(n)) failf(`anchor '${n.value}' value contains itself`, n.line + 1);
    this.activeAliases.add(n);
    this.aliasDepth++;
    const v = this.unmarshal(n.alias!);
    this.aliasDepth--;
    this.activeAliases.delete(n);
    return v;
  }

  private scalar(n: YNode): Resolved {
    if (n.tag === '' && !n.implicit) return { tag: 'str', value: n.value };
    if (n.tag === BINARY) return { tag: 'str', value: decodeBinary(n.value, n.line + 1) };
    const r = resolve(n.tag, n.value, n.line + 1);
    if (r === 'merge') return { tag: 'str', value: '<<' };
    if (r.tag === 'other') return { tag: 'str', value: r.value };
    return r;
  }

  /** Decodes a mapping node into `out` (a fresh map, or the map a merge key extends). */
  private mapping(n: YNode, out: GoMap): void {
    const explicit = new Map<string, number>();
    for (let i = 0; i < n.children.length; i += 2) {
      const keyNode = n.children[i]!;
      const valueNode = n.children[i + 1]!;
      if (keyNode.kind === 'scalar' && keyNode.value === '<<' && (keyNode.implicit || keyNode.tag === MERGE)) {
        this.merge(valueNode, out);
        continue;
      }
      const k = this.unmarshal(keyNode);
      if (k === undefined) continue;
      if ('kind' in k || k.tag === 'list') failf(`invalid map key: ${goSyntax(k)}`, keyNode.line + 1);
      const key = k as Resolved;
      const v = this.unmarshal(valueNode);
      if (v === undefined) continue;
      const id = keyIdentity(key);
      const seen = explicit.get(id);
      if (seen !== undefined) this.duplicates.push({ map: out, key: String(key.value), line: keyNode.line + 1, firstLine: seen });
      else explicit.set(id, keyNode.line + 1);
      // Non-strict go-yaml: a repeated key silently replaces the earlier value.
      out.entries.set(id, { key, value: v, line: keyNode.line + 1 });
    }
  }

  private merge(n: YNode, out: GoMap): void {
    const wantMap = (): never => failf('map merge requires map or sequence of maps as the value', n.line + 1);
    if (n.kind === 'mapping') {
      this.unmarshalInto(n, out);
    } else if (n.kind === 'alias') {
      if (n.alias && n.alias.kind !== 'mapping') wantMap();
      this.unmarshalInto(n, out);
    } else if (n.kind === 'sequence') {
      // Earlier maps take precedence, so merge them last.
      for (let i = n.children.length - 1; i >= 0; i--) {
        const ni = n.children[i]!;
        if (ni.kind === 'alias') {
          if (ni.alias && ni.alias.kind !== 'mapping') wantMap();
        } else if (ni.kind !== 'mapping') {
          wantMap();
        }
        this.unmarshalInto(ni, out);
      }
    } else {
      wantMap();
    }
  }

  /** `unmarshal` into an existing map (what a merge key does), counting work the same way. */
  private unmarshalInto(n: YNode, out: GoMap): void {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (this.aliasCount > 100 && this.decodeCount > 1000 && this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)) {
      failf('document contains excessive aliasing');
    }
    if (n.kind === 'alias') {
      if (this.activeAliases.has(n)) failf(`anchor '${n.value}' value contains itself`, n.line + 1);
      this.activeAliases.add(n);
      this.aliasDepth++;
      this.unmarshalInto(n.alias!, out);
      this.aliasDepth--;
      this.activeAliases.delete(n);
    } else {
      this.mapping(n, out);
    }
  }
}

function decodeBinary(text: string, line: number): string {
  const bytes = base64Decode(text);
  if (!(bytes instanceof Uint8Array)) failf('!!binary value contains invalid base64 data', line);
  // Go's JSON encoder replaces invalid UTF-8 with U+FFFD.
  return utf8Decode(bytes);
}

/** A rough Go `%#v` of a value, for the rare messages that print one. */
function goSyntax(v: GoValue): string {
  if ('kind' in v) {
    // fmt prints map entries sorted by key.
    const entries = [...v.entries.values()].sort((a, b) => (String(a.key.value) < String(b.key.value) ? -1 : String(a.key.value) > String(b.key.value) ? 1 : 0));
    const parts = entries.map((e) => `${goSyntax(e.key)}:${goSyntax(e.value)}`);
    return `map[interface {}]interface {}{${parts.join(', ')}}`;
  }
  switch (v.tag) {
    case 'list':
      return `[]interface {}{${v.items.map(goSyntax).join(', ')}}`;
    case 'str':
      return JSON.stringify(v.value);
    case 'null':
      return 'interface {}(nil)';
    default:
      return String(v.value);
  }
}

// ---- conversion to JSON values ------------------------------------------------------------------------------

/** Go's strconv.FormatFloat(f, 'g', -1, 32), which sigs.k8s.io/yaml uses for float map keys. */
function formatFloat32G(f: number): string {
  if (Number.isNaN(f)) return '.nan';
  if (f === Infinity) return '.inf';
  if (f === -Infinity) return '-.inf';
  const f32 = Math.fround(f);
  let digits = 1;
  for (; digits < 17; digits++) if (Math.fround(Number(f32.toPrecision(digits))) === f32) break;
  const [mant, expText] = f32.toExponential(digits - 1).split('e') as [string, string];
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const e = Math.abs(exp) < 10 ? `0${Math.abs(exp)}` : String(Math.abs(exp));
    return `${mant}e${exp < 0 ? '-' : '+'}${e}`;
  }
  return String(Number(f32.toPrecision(digits)));
}

/** Sets an own property without ever invoking the `__proto__` setter. */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  else obj[key] = value;
}

class JsonConverter {
  readonly lines = new Map<string, number>();
  readonly duplicates: DuplicateKey[] = [];
  private readonly mapPaths = new Map<GoMap, string>();

  constructor(private readonly rawDuplicates: Decoder['duplicates']) {}

  convert(v: GoValue, path: string): unknown {
    if ('kind' in v) {
      this.mapPaths.set(v, path);
      const obj: Record<string, unknown> = {};
      for (const { key, value, line } of v.entries.values()) {
        const keyString = this.keyString(key, value);
        const childPath = path === '' ? keyString : `${path}.${keyString}`;
        if (!this.lines.has(childPath)) this.lines.set(childPath, line);
        setOwn(obj, keyString, this.convert(value, childPath));
      }
      return obj;
    }
    switch (v.tag) {
      case 'list':
        return v.items.map((item, i) => {
          const childPath = `${path}[${i}]`;
          if (!this.lines.has(childPath)) this.lines.set(childPath, v.lines[i]!);
          return this.convert(item, childPath);
        });
      case 'float':
        if (Number.isNaN(v.value)) throw new GoYamlFail('json: unsupported value: NaN');
        if (!Number.isFinite(v.value)) throw new GoYamlFail(`json: unsupported value: ${v.value > 0 ? '+Inf' : '-Inf'}`);
        return v.value;
      default:
        return v.value;
    }
  }

  private keyString(key: Resolved, value: GoValue): string {
    switch (key.tag) {
      case 'str':
        return key.value;
      case 'int':
        return String(key.value);
      case 'float':
        return formatFloat32G(key.value);
      case 'bool':
        return key.value ? 'true' : 'false';
      case 'null':
        throw new GoYamlFail(`unsupported map key of type: %!s(<nil>), key: <nil>, value: ${goSyntax(value)}`);
    }
  }

  collectDuplicates(): DuplicateKey[] {
    return this.rawDuplicates.map((d) => ({ path: this.mapPaths.get(d.map) ?? '', key: d.key, line: d.line, firstLine: d.firstLine }));
  }
}

// ---- entry point --------------------------------------------------------------------------------------------

/** Index of the first character go-yaml's reader rejects (outside the YAML 1.1 printable set), or -1. */
function firstDisallowed(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0x20 && c <= 0x7e) || c === 0x85 || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd)) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
    }
    return i;
  }
  return -1;
}

/** Formats a scanner/parser problem as go-yaml's `parser.fail` does. */
export function formatProblem(p: YamlProblem): { message: string; line?: number } {
  let line = 0;
  if (p.problemMark.line !== 0) {
    line = p.problemMark.line;
    // Scanner marks are 0-based; go-yaml adds 1 for them but not for parser marks.
    if (p.kind === 'scanner') line++;
  } else if (p.contextMark && p.contextMark.line !== 0) {
    line = p.contextMark.line;
  }
  const where = line !== 0 ? `line ${line}: ` : '';
  return { message: `yaml: ${where}${p.problem || 'unknown problem parsing YAML content'}`, line: realLine(p) };
}

/** The 1-based line the problem really is on (go-yaml's printed number is off by one for parser errors). */
function realLine(p: YamlProblem): number | undefined {
  if (p.kind === 'reader') return undefined;
  return p.problemMark.line + 1;
}

/**
 * Decodes one document chunk (text between `---` separators, as kubectl's YAML reader cuts it) into a JSON
 * value. Throws YamlToJsonError with kubectl's wording.
 */
export function yamlToJson(text: string): YamlDocument {
  const bad = firstDisallowed(text);
  if (bad >= 0) {
    // Divergence: go-yaml's reader finds these while decoding ahead in 512-byte blocks, so a syntax error
    // earlier in the text can win there; here the reader check always comes first.
    throw new YamlToJsonError('error converting YAML to JSON: yaml: control characters are not allowed', lineAt(text, bad));
  }
  try {
    // go-yaml treats an empty input as a single line break.
    const root = new Composer(text.length === 0 ? '\n' : text).parseFirst();
    if (!root) return { value: undefined, lines: new Map(), duplicates: [] };
    const decoder = new Decoder();
    const goValue = decoder.unmarshal(root);
    if (goValue === undefined || (!('kind' in goValue) && goValue.tag === 'null')) {
      return { value: undefined, lines: new Map(), duplicates: [] };
    }
    const converter = new JsonConverter(decoder.duplicates);
    const value = converter.convert(goValue, '');
    return { value, lines: converter.lines, duplicates: converter.collectDuplicates() };
  } catch (e) {
    if (e instanceof YamlSyntaxError) {
      const { message, line } = formatProblem(e.detail);
      throw new YamlToJsonError(`error converting YAML to JSON: ${message}`, line);
    }
    if (e instanceof GoYamlFail) throw new YamlToJsonError(`error converting YAML to JSON: ${e.message}`, e.line);
    if (e instanceof RangeError) {
      // Divergence: go-yaml allows 10000 levels of nesting; a JS stack may give out earlier.
      throw new YamlToJsonError('error converting YAML to JSON: yaml: exceeded max depth of 10000');
    }
    throw e;
  }
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

