/**
 * The parser of kubectl's JSONPath templates (`{.items[*].metadata.name}`, `{range .items[*]}...{end}`,
 * filters, unions, slices, quoted literals). Produces the same node tree as client-go, so evaluation quirks and
 * error messages match.
 * Models staging/src/k8s.io/client-go/util/jsonpath/parser.go and node.go.
 */

/** One bound of an array slice `[start:end:step]`. */
export interface SliceParam {
  value: number;
  known: boolean;
  /** The end bound implied by a plain index (`[2]` means `[2:3]`). */
  derived: boolean;
}

/** A node of a parsed template. */
export type JsonPathNode =
  | ListNode
  | { type: 'text'; text: string }
  | { type: 'field'; name: string }
  | { type: 'array'; params: [SliceParam, SliceParam, SliceParam] }
  | { type: 'filter'; left: ListNode; right: ListNode; operator: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; nodes: ListNode[] }
  | { type: 'identifier'; name: string };

/** A sequence of nodes: the template root, or one `{...}` action. */
export interface ListNode {
  type: 'list';
  nodes: JsonPathNode[];
}

/** A template that does not parse; the message is client-go's (`unclosed action`). */
export class JsonPathParseError extends Error {}

const EOF = -1;

function list(): ListNode {
  return { type: 'list', nodes: [] };
}

/** Parses a template into its root list: text nodes and one list node per `{...}` action. */
export function parseJsonPath(text: string): ListNode {
  return new Parser(text).parse();
}

// Parses `{text}` and returns the action's list, as parser.go parseAction does for filter operands, union
// members and quoted dictionary keys.
function parseAction(text: string): ListNode {
  const root = parseJsonPath(`{${text}}`);
  return root.nodes[0] as ListNode;
}

function isSpace(r: number): boolean {
  return r === 0x20 || r === 0x09;
}

function isEndOfLine(r: number): boolean {
  return r === 0x0d || r === 0x0a;
}

function isDigit(r: number): boolean {
  return r >= 0 && /\p{Nd}/u.test(String.fromCodePoint(r));
}

function isAlphaNumeric(r: number): boolean {
  if (r < 0) return false;
  const ch = String.fromCodePoint(r);
  return ch === '_' || /\p{L}|\p{Nd}/u.test(ch);
}

// Characters that end an identifier or field name.
function isTerminator(r: number): boolean {
  if (r === EOF || isSpace(r) || isEndOfLine(r)) return true;
  return '.,[]$@{}'.includes(String.fromCodePoint(r));
}

// Models Go's %#U verb: `U+0023 '#'`.
function formatRune(r: number): string {
  const code = `U+${r.toString(16).toUpperCase().padStart(4, '0')}`;
  const printable = r >= 0x20 && r !== 0x7f && !(r >= 0x80 && r < 0xa0);
  return printable ? `${code} '${String.fromCodePoint(r)}'` : code;
}

class Parser {
  private pos = 0;
  private start = 0;
  private width = 0;
  private readonly root: ListNode = list();

  constructor(private readonly input: string) {}

  parse(): ListNode {
    // Alternates between plain text and actions until the input ends.
    while (this.parseText()) this.parseInsideAction(this.openAction());
    return this.root;
  }

  private consumeText(): string {
    const value = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return value;
  }

  private next(): number {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return EOF;
    }
    const r = this.input.codePointAt(this.pos)!;
    this.width = r > 0xffff ? 2 : 1;
    this.pos += this.width;
    return r;
  }

  private peek(): number {
    const r = this.next();
    this.backup();
    return r;
  }

  private backup(): void {
    this.pos -= this.width;
  }

  /** Reads text up to the next `{`; true when an action starts there. */
  private parseText(): boolean {
    for (;;) {
      if (this.input.startsWith('{', this.pos)) {
        if (this.pos > this.start) this.root.nodes.push({ type: 'text', text: this.consumeText() });
        return true;
      }
      if (this.next() === EOF) break;
    }
    if (this.pos > this.start) this.root.nodes.push({ type: 'text', text: this.consumeText() });
    return false;
  }

  private openAction(): ListNode {
    this.pos += 1;
    this.consumeText();
    const node = list();
    this.root.nodes.push(node);
    return node;
  }

  private parseInsideAction(cur: ListNode): void {
    for (;;) {
      if (this.input.startsWith('}', this.pos)) {
        this.pos += 1;
        this.consumeText();
        return;
      }
      if (this.input.startsWith('[?(', this.pos)) {
        this.parseFilter(cur);
        continue;
      }
      if (this.input.startsWith('..', this.pos)) {
        this.parseRecursive(cur);
        continue;
      }
      const r = this.next();
      if (r === EOF || isEndOfLine(r)) throw new JsonPathParseError('unclosed action');
      if (r === 0x20 || r === 0x40 /* @ */ || r === 0x24 /* $ */) {
        // Spaces separate tokens; `@` and `$` name the current object, which is where evaluation already is.
        this.consumeText();
      } else if (r === 0x5b /* [ */) {
        this.parseArray(cur);
      } else if (r === 0x22 /* " */ || r === 0x27 /* ' */) {
        this.parseQuote(cur, r);
      } else if (r === 0x2e /* . */) {
        this.parseField(cur);
      } else if (r === 0x2b /* + */ || r === 0x2d /* - */ || isDigit(r)) {
        this.backup();
        this.parseNumber(cur);
      } else if (isAlphaNumeric(r)) {
        this.backup();
        this.parseIdentifier(cur);
      } else {
        throw new JsonPathParseError(`unrecognized character in action: ${formatRune(r)}`);
      }
    }
  }

  private parseIdentifier(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (isTerminator(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (value === 'true' || value === 'false') cur.nodes.push({ type: 'bool', value: value === 'true' });
    else cur.nodes.push({ type: 'identifier', name: value });
  }

  private parseRecursive(cur: ListNode): void {
    const last = cur.nodes[cur.nodes.length - 1];
    if (last && last.type === 'recursive') throw new JsonPathParseError('invalid multiple recursive descent');
    this.pos += 2;
    this.consumeText();
    cur.nodes.push({ type: 'recursive' });
    if (isAlphaNumeric(this.peek())) this.parseField(cur);
  }

  private parseNumber(cur: ListNode): void {
    const first = this.peek();
    if (first === 0x2b || first === 0x2d) this.next();
    for (;;) {
      const r = this.next();
      if (r !== 0x2e && !isDigit(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    // Models strconv.Atoi, then strconv.ParseFloat.
    if (/^[+-]?\d+$/.test(value)) {
      cur.nodes.push({ type: 'int', value: Number(value) });
      return;
    }
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) {
      cur.nodes.push({ type: 'float', value: Number(value) });
      return;
    }
    throw new JsonPathParseError(`cannot parse number ${value}`);
  }

  private parseArray(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === 0x0a) throw new JsonPathParseError('unterminated array');
      if (r === 0x5d /* ] */) break;
    }
    let text = this.consumeText();
    text = text.slice(1, -1);
    if (text === '*') text = ':';

    const parts = text.split(',');
    if (parts.length > 1) {
      const members = parts.map((p) => parseAction(`[${trimSpaces(p)}]`));
      cur.nodes.push({ type: 'union', nodes: members });
      return;
    }

    const dictKey = /^'([^']*)'$/.exec(text);
    if (dictKey) {
      // `['key']` is `.key`, re-parsed (so dots inside split it, as upstream).
      cur.nodes.push(...parseAction(`.${dictKey[1]}`).nodes);
      return;
    }

    const m = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/.exec(text);
    if (!m) throw new JsonPathParseError(`invalid array index ${text}`);
    const groups = [m[1] ?? '', m[2] ?? '', m[3] ?? ''];
    const params: SliceParam[] = [];
    for (let i = 0; i < 3; i++) {
      let g = groups[i]!;
      if (g !== '') {
        if (i > 0) g = g.slice(1);
        if (i > 0 && g === '') {
          params.push({ value: 0, known: false, derived: false });
        } else {
          if (!/^[+-]?\d+$/.test(g)) throw new JsonPathParseError(`array index ${g} is not a number`);
          params.push({ value: Number(g), known: true, derived: false });
        }
      } else if (i === 1) {
        // A plain index `[n]` selects `[n:n+1]`.
        params.push({ value: params[0]!.value + 1, known: true, derived: true });
      } else {
        params.push({ value: 0, known: false, derived: false });
      }
    }
    cur.nodes.push({ type: 'array', params: params as [SliceParam, SliceParam, SliceParam] });
  }

  private parseFilter(cur: ListNode): void {
    this.pos += 3;
    this.consumeText();
    let begin = false;
    let end = false;
    let pair = 0;
    for (;;) {
      const r = this.next();
      if (r === EOF || r === 0x0a) throw new JsonPathParseError('unterminated filter');
      if (r === 0x22 || r === 0x27) {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === 0x29 /* ) */) {
        // Quotes in the right operand appear at most once and must be closed before the `)` counts.
        if (begin === end) break;
      }
    }
    if (this.next() !== 0x5d) throw new JsonPathParseError('unclosed array expect ]');
    const text = this.consumeText().slice(0, -2);
    const m = /^([^!<>=]+)([!<>=]+)(.+?)$/.exec(text);
    if (!m) {
      cur.nodes.push({ type: 'filter', left: parseAction(text), right: list(), operator: 'exists' });
    } else {
      cur.nodes.push({ type: 'filter', left: parseAction(m[1]!), right: parseAction(m[3]!), operator: m[2]! });
    }
  }

  private parseQuote(cur: ListNode, quote: number): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === 0x0a) throw new JsonPathParseError('unterminated quoted string');
      if (r === quote && this.input[this.pos - 2] !== '\\') break;
    }
    const value = this.consumeText();
    const s = unquoteExtend(value);
    if (s === undefined) throw new JsonPathParseError(`unquote string ${value} error invalid syntax`);
    cur.nodes.push({ type: 'text', text: s });
  }

  private parseField(cur: ListNode): void {
    this.consumeText();
    while (this.advance()) {
      // Reads up to the next unescaped terminator.
    }
    const value = this.consumeText();
    if (value === '*') cur.nodes.push({ type: 'wildcard' });
    else cur.nodes.push({ type: 'field', name: value.replace(/\\/g, '') });
  }

  private advance(): boolean {
    const r = this.next();
    if (r === 0x5c /* \ */) {
      this.next();
    } else if (isTerminator(r)) {
      this.backup();
      return false;
    }
    return true;
  }
}

function trimSpaces(s: string): string {
  return s.replace(/^ +| +$/g, '');
}

const SIMPLE_ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

/**
 * Unquotes a single- or double-quoted literal with Go escapes; undefined on bad syntax.
 * Models parser.go UnquoteExtend (strconv.UnquoteChar per character).
 */
export function unquoteExtend(s: string): string | undefined {
  if (s.length < 2) return undefined;
  const quote = s[0]!;
  if (quote !== s[s.length - 1] || (quote !== '"' && quote !== "'")) return undefined;
  let body = s.slice(1, -1);
  if (!body.includes('\\') && !body.includes(quote)) return body;
  let out = '';
  while (body.length > 0) {
    const c = body[0]!;
    if (c === quote) return undefined;
    if (c !== '\\') {
      const cp = body.codePointAt(0)!;
      const ch = String.fromCodePoint(cp);
      out += ch;
      body = body.slice(ch.length);
      continue;
    }
    if (body.length <= 1) return undefined;
    const e = body[1]!;
    body = body.slice(2);
    if (e in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[e];
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = body.slice(0, n);
      if (hex.length < n || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
      body = body.slice(n);
      const v = parseInt(hex, 16);
      if (e !== 'x' && (v > 0x10ffff || (v >= 0xd800 && v < 0xe000))) return undefined;
      out += String.fromCodePoint(v);
    } else if (e >= '0' && e <= '7') {
      const oct = e + body.slice(0, 2);
      if (!/^[0-7]{3}$/.test(oct)) return undefined;
      const v = parseInt(oct, 8);
      if (v > 255) return undefined;
      body = body.slice(2);
      out += String.fromCharCode(v);
    } else if (e === "'" || e === '"') {
      if (e !== quote) return undefined;
      out += e;
    } else {
      return undefined;
    }
  }
  return out;
}
