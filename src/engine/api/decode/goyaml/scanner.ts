/**
 * The YAML scanner kubectl parses manifests with: a TypeScript model of go-yaml v2's libyaml-derived scanner
 * (sigs.k8s.io/yaml → go.yaml.in/yaml/v2). It turns text into tokens and fails with the same problem texts and
 * marks, so `yaml: line 7: mapping values are not allowed in this context` comes out exactly as kubectl prints it.
 * Models go.yaml.in/yaml/v2 scannerc.go.
 */

import { utf8Decode } from '../bytes';

/** A position: `index` counts characters (code points), `line` and `column` are 0-based. */
export interface Mark {
  index: number;
  line: number;
  column: number;
}

/** Token kinds, named as libyaml names them. */
export type TokenType =
  | 'STREAM-START'
  | 'STREAM-END'
  | 'VERSION-DIRECTIVE'
  | 'TAG-DIRECTIVE'
  | 'DOCUMENT-START'
  | 'DOCUMENT-END'
  | 'BLOCK-SEQUENCE-START'
  | 'BLOCK-MAPPING-START'
  | 'BLOCK-END'
  | 'FLOW-SEQUENCE-START'
  | 'FLOW-SEQUENCE-END'
  | 'FLOW-MAPPING-START'
  | 'FLOW-MAPPING-END'
  | 'BLOCK-ENTRY'
  | 'FLOW-ENTRY'
  | 'KEY'
  | 'VALUE'
  | 'ALIAS'
  | 'ANCHOR'
  | 'TAG'
  | 'SCALAR';

/** How a scalar was written (plain, quoted, `|` literal, `>` folded). */
export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

/** One token with its start and end marks. */
export interface Token {
  type: TokenType;
  start: Mark;
  end: Mark;
  /** Scalar text, anchor/alias name, tag handle, or %TAG handle. */
  value?: string;
  /** Tag suffix or %TAG prefix. */
  suffix?: string;
  style?: ScalarStyle;
  major?: number;
  minor?: number;
}

/** A syntax error as go-yaml records it; `format.ts` turns it into kubectl's text. */
export interface YamlProblem {
  kind: 'scanner' | 'parser' | 'reader';
  problem: string;
  problemMark: Mark;
  context?: string;
  contextMark?: Mark;
}

/** Thrown inside the scanner/parser to unwind; caught at the entry points. */
export class YamlSyntaxError extends Error {
  constructor(readonly detail: YamlProblem) {
    super(detail.problem);
  }
}

interface SimpleKey {
  possible: boolean;
  required: boolean;
  tokenNumber: number;
  mark: Mark;
}

// go-yaml limits (max_flow_level, max_indents) that keep hostile input from exhausting the stack.
const MAX_FLOW_LEVEL = 10000;
const MAX_INDENTS = 10000;

const NUL = '\0';

function copyMark(m: Mark): Mark {
  return { index: m.index, line: m.line, column: m.column };
}

/** Scans one YAML stream into tokens on demand (the parser pulls with `peek`/`skip`). */
export class Scanner {
  private readonly src: string;
  /** UTF-16 offset of the current character. */
  private pos = 0;
  private mark: Mark = { index: 0, line: 0, column: 0 };

  private tokens: Token[] = [];
  private tokensHead = 0;
  private tokensParsed = 0;
  private tokenAvailable = false;
  private streamStartProduced = false;
  private streamEndProduced = false;

  private indent = -1;
  private indents: number[] = [];
  private simpleKeyAllowed = false;
  private simpleKeys: SimpleKey[] = [];
  private simpleKeysByTok = new Map<number, number>();
  private flowLevel = 0;

  constructor(text: string) {
    // The reader drops a leading byte-order mark.
    this.src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  // ---- character access -------------------------------------------------------------------------------------

  /** The character `k` characters ahead (NUL past the end, as go-yaml's buffer ends in a zero byte). */
  private ch(k = 0): string {
    let p = this.pos;
    for (let i = 0; i < k; i++) p += this.width(p);
    if (p >= this.src.length) return NUL;
    const c = this.src.charCodeAt(p);
    // Astral characters are one character (two UTF-16 units), as go-yaml counts runes.
    if (c >= 0xd800 && c <= 0xdbff && p + 1 < this.src.length) return this.src.slice(p, p + 2);
    return this.src[p]!;
  }

  private width(p: number): number {
    const c = this.src.charCodeAt(p);
    return c >= 0xd800 && c <= 0xdbff && p + 1 < this.src.length ? 2 : 1;
  }

  private isZ(k = 0): boolean {
    return this.ch(k) === NUL;
  }

  private isBreak(k = 0): boolean {
    const c = this.ch(k);
    return c === '\r' || c === '\n' || c === '\u0085' || c === '\u2028' || c === '\u2029';
  }

  private isBreakZ(k = 0): boolean {
    return this.isBreak(k) || this.isZ(k);
  }

  private isBlank(k = 0): boolean {
    const c = this.ch(k);
    return c === ' ' || c === '\t';
  }

  private isBlankZ(k = 0): boolean {
    return this.isBlank(k) || this.isBreakZ(k);
  }

  private isAlpha(k = 0): boolean {
    const c = this.ch(k);
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c === '_' || c === '-';
  }

  private isDigit(k = 0): boolean {
    const c = this.ch(k);
    return c >= '0' && c <= '9';
  }

  private isHex(k = 0): boolean {
    return /^[0-9A-Fa-f]$/.test(this.ch(k));
  }

  private skip(): void {
    this.mark.index++;
    this.mark.column++;
    this.pos += this.width(this.pos);
  }

  private skipLine(): void {
    if (this.ch() === '\r' && this.ch(1) === '\n') {
      this.mark.index += 2;
      this.mark.column = 0;
      this.mark.line++;
      this.pos += 2;
    } else if (this.isBreak()) {
      this.mark.index++;
      this.mark.column = 0;
      this.mark.line++;
      this.pos += this.width(this.pos);
    }
  }

  /** Copies the current character into `s` and advances. */
  private read(s: string[]): void {
    s.push(this.ch());
    this.skip();
  }

  /** Copies a line break (normalised to LF, except LS/PS) into `s` and advances. */
  private readLine(s: string[]): void {
    const c = this.ch();
    if (c === '\r' && this.ch(1) === '\n') {
      s.push('\n');
      this.pos += 2;
      this.mark.index += 2;
    } else if (c === '\r' || c === '\n' || c === '\u0085') {
      s.push('\n');
      this.pos += 1;
      this.mark.index++;
    } else if (c === '\u2028' || c === '\u2029') {
      s.push(c);
      this.pos += 1;
      this.mark.index++;
    } else {
      return;
    }
    this.mark.column = 0;
    this.mark.line++;
  }

  private fail(context: string, contextMark: Mark, problem: string): never {
    throw new YamlSyntaxError({ kind: 'scanner', context, contextMark: copyMark(contextMark), problem, problemMark: copyMark(this.mark) });
  }

  // ---- token queue ------------------------------------------------------------------------------------------

  /** The next token without consuming it. */
  peek(): Token {
    if (!this.tokenAvailable) this.fetchMoreTokens();
    return this.tokens[this.tokensHead]!;
  }

  /** Consumes the token `peek` returned. */
  skipToken(): void {
    this.tokenAvailable = false;
    this.tokensParsed++;
    this.streamEndProduced = this.tokens[this.tokensHead]!.type === 'STREAM-END';
    this.tokensHead++;
    // Drop consumed tokens now and then so long streams do not keep them all.
    if (this.tokensHead > 64 && this.tokensHead * 2 > this.tokens.length) {
      this.tokens = this.tokens.slice(this.tokensHead);
      this.tokensHead = 0;
    }
  }

  get isStreamEnd(): boolean {
    return this.streamEndProduced;
  }

  private insertToken(pos: number, token: Token): void {
    if (pos < 0) {
      this.tokens.push(token);
      return;
    }
    this.tokens.splice(this.tokensHead + pos, 0, token);
  }

  private fetchMoreTokens(): void {
    for (;;) {
      if (this.tokensHead !== this.tokens.length) {
        // A token is queued; fetch more only while a simple key may still turn the head into a KEY.
        const headKey = this.simpleKeysByTok.get(this.tokensParsed);
        if (headKey === undefined) break;
        if (!this.simpleKeyIsValid(this.simpleKeys[headKey]!)) break;
      }
      this.fetchNextToken();
    }
    this.tokenAvailable = true;
  }

  private fetchNextToken(): void {
    if (!this.streamStartProduced) {
      this.fetchStreamStart();
      return;
    }
    this.scanToNextToken();
    this.unrollIndent(this.mark.column);

    if (this.isZ()) {
      this.fetchStreamEnd();
      return;
    }
    const c = this.ch();
    if (this.mark.column === 0 && c === '%') {
      this.fetchDirective();
      return;
    }
    if (this.mark.column === 0 && c === '-' && this.ch(1) === '-' && this.ch(2) === '-' && this.isBlankZ(3)) {
      this.fetchDocumentIndicator('DOCUMENT-START');
      return;
    }
    if (this.mark.column === 0 && c === '.' && this.ch(1) === '.' && this.ch(2) === '.' && this.isBlankZ(3)) {
      this.fetchDocumentIndicator('DOCUMENT-END');
      return;
    }
    if (c === '[') return this.fetchFlowCollectionStart('FLOW-SEQUENCE-START');
    if (c === '{') return this.fetchFlowCollectionStart('FLOW-MAPPING-START');
    if (c === ']') return this.fetchFlowCollectionEnd('FLOW-SEQUENCE-END');
    if (c === '}') return this.fetchFlowCollectionEnd('FLOW-MAPPING-END');
    if (c === ',') return this.fetchFlowEntry();
    if (c === '-' && this.isBlankZ(1)) return this.fetchBlockEntry();
    if (c === '?' && (this.flowLevel > 0 || this.isBlankZ(1))) return this.fetchKey();
    if (c === ':' && (this.flowLevel > 0 || this.isBlankZ(1))) return this.fetchValue();
    if (c === '*') return this.fetchAnchor('ALIAS');
    if (c === '&') return this.fetchAnchor('ANCHOR');
    if (c === '!') return this.fetchTag();
    if (c === '|' && this.flowLevel === 0) return this.fetchBlockScalar(true);
    if (c === '>' && this.flowLevel === 0) return this.fetchBlockScalar(false);
    if (c === "'") return this.fetchFlowScalar(true);
    if (c === '"') return this.fetchFlowScalar(false);

    // A plain scalar starts with any non-blank character that is not an indicator; '-', '?' and ':' may start
    // one when a non-blank follows ('-' in flow context too).
    const indicator = '-?:,[]{}#&*!|>\'"%@`'.includes(c);
    if (
      !(this.isBlankZ() || indicator) ||
      (c === '-' && !this.isBlank(1)) ||
      (this.flowLevel === 0 && (c === '?' || c === ':') && !this.isBlankZ(1))
    ) {
      this.fetchPlainScalar();
      return;
    }
    this.fail('while scanning for the next token', this.mark, 'found character that cannot start any token');
  }

  // ---- simple keys and indentation --------------------------------------------------------------------------

  private simpleKeyIsValid(key: SimpleKey): boolean {
    if (!key.possible) return false;
    // An implicit key must sit on one line and within 1024 characters of its ':'.
    if (key.mark.line < this.mark.line || key.mark.index + 1024 < this.mark.index) {
      if (key.required) this.fail('while scanning a simple key', key.mark, "could not find expected ':'");
      key.possible = false;
      return false;
    }
    return true;
  }

  private saveSimpleKey(): void {
    const required = this.flowLevel === 0 && this.indent === this.mark.column;
    if (this.simpleKeyAllowed) {
      const key: SimpleKey = {
        possible: true,
        required,
        tokenNumber: this.tokensParsed + (this.tokens.length - this.tokensHead),
        mark: copyMark(this.mark),
      };
      this.removeSimpleKey();
      this.simpleKeys[this.simpleKeys.length - 1] = key;
      this.simpleKeysByTok.set(key.tokenNumber, this.simpleKeys.length - 1);
    }
  }

  private removeSimpleKey(): void {
    const i = this.simpleKeys.length - 1;
    const key = this.simpleKeys[i]!;
    if (key.possible) {
      if (key.required) this.fail('while scanning a simple key', key.mark, "could not find expected ':'");
      key.possible = false;
      this.simpleKeysByTok.delete(key.tokenNumber);
    }
  }

  private increaseFlowLevel(): void {
    this.simpleKeys.push({
      possible: false,
      required: false,
      tokenNumber: this.tokensParsed + (this.tokens.length - this.tokensHead),
      mark: copyMark(this.mark),
    });
    this.flowLevel++;
    if (this.flowLevel > MAX_FLOW_LEVEL) {
      this.fail('while increasing flow level', this.simpleKeys[this.simpleKeys.length - 1]!.mark, `exceeded max depth of ${MAX_FLOW_LEVEL}`);
    }
  }

  private decreaseFlowLevel(): void {
    if (this.flowLevel > 0) {
      this.flowLevel--;
      const last = this.simpleKeys.pop()!;
      this.simpleKeysByTok.delete(last.tokenNumber);
    }
  }

  private rollIndent(column: number, number: number, type: TokenType, mark: Mark): void {
    if (this.flowLevel > 0) return;
    if (this.indent < column) {
      this.indents.push(this.indent);
      this.indent = column;
      if (this.indents.length > MAX_INDENTS) {
        this.fail('while increasing indent level', this.simpleKeys[this.simpleKeys.length - 1]!.mark, `exceeded max depth of ${MAX_INDENTS}`);
      }
      const token: Token = { type, start: copyMark(mark), end: copyMark(mark) };
      this.insertToken(number > -1 ? number - this.tokensParsed : -1, token);
    }
  }

  private unrollIndent(column: number): void {
    if (this.flowLevel > 0) return;
    while (this.indent > column) {
      this.insertToken(-1, { type: 'BLOCK-END', start: copyMark(this.mark), end: copyMark(this.mark) });
      this.indent = this.indents.pop()!;
    }
  }

  // ---- token fetchers ---------------------------------------------------------------------------------------

  private fetchStreamStart(): void {
    this.indent = -1;
    this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: copyMark(this.mark) });
    this.simpleKeyAllowed = true;
    this.streamStartProduced = true;
    this.insertToken(-1, { type: 'STREAM-START', start: copyMark(this.mark), end: copyMark(this.mark) });
  }

  private fetchStreamEnd(): void {
    // Force a new line.
    if (this.mark.column !== 0) {
      this.mark.column = 0;
      this.mark.line++;
    }
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, { type: 'STREAM-END', start: copyMark(this.mark), end: copyMark(this.mark) });
  }

  private fetchDirective(): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanDirective());
  }

  private fetchDocumentIndicator(type: TokenType): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    const start = copyMark(this.mark);
    this.skip();
    this.skip();
    this.skip();
    this.insertToken(-1, { type, start, end: copyMark(this.mark) });
  }

  private fetchFlowCollectionStart(type: TokenType): void {
    this.saveSimpleKey();
    this.increaseFlowLevel();
    this.simpleKeyAllowed = true;
    const start = copyMark(this.mark);
    this.skip();
    this.insertToken(-1, { type, start, end: copyMark(this.mark) });
  }

  private fetchFlowCollectionEnd(type: TokenType): void {
    this.removeSimpleKey();
    this.decreaseFlowLevel();
    this.simpleKeyAllowed = false;
    const start = copyMark(this.mark);
    this.skip();
    this.insertToken(-1, { type, start, end: copyMark(this.mark) });
  }

  private fetchFlowEntry(): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    const start = copyMark(this.mark);
    this.skip();
    this.insertToken(-1, { type: 'FLOW-ENTRY', start, end: copyMark(this.mark) });
  }

  private fetchBlockEntry(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) this.fail('', this.mark, 'block sequence entries are not allowed in this context');
      this.rollIndent(this.mark.column, -1, 'BLOCK-SEQUENCE-START', this.mark);
    }
    // A '-' inside a flow collection is reported by the parser, which knows the context.
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    const start = copyMark(this.mark);
    this.skip();
    this.insertToken(-1, { type: 'BLOCK-ENTRY', start, end: copyMark(this.mark) });
  }

  private fetchKey(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) this.fail('', this.mark, 'mapping keys are not allowed in this context');
      this.rollIndent(this.mark.column, -1, 'BLOCK-MAPPING-START', this.mark);
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = this.flowLevel === 0;
    const start = copyMark(this.mark);
    this.skip();
    this.insertToken(-1, { type: 'KEY', start, end: copyMark(this.mark) });
  }

  private fetchValue(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1]!;
    if (this.simpleKeyIsValid(key)) {
      // The scalar (or collection) before ':' was a key: insert KEY before it, and open a mapping if needed.
      this.insertToken(key.tokenNumber - this.tokensParsed, { type: 'KEY', start: copyMark(key.mark), end: copyMark(key.mark) });
      this.rollIndent(key.mark.column, key.tokenNumber, 'BLOCK-MAPPING-START', key.mark);
      key.possible = false;
      this.simpleKeysByTok.delete(key.tokenNumber);
      this.simpleKeyAllowed = false;
    } else {
      // ':' after a complex key ('?'), or where no key can be.
      if (this.flowLevel === 0) {
        if (!this.simpleKeyAllowed) this.fail('', this.mark, 'mapping values are not allowed in this context');
        this.rollIndent(this.mark.column, -1, 'BLOCK-MAPPING-START', this.mark);
      }
      this.simpleKeyAllowed = this.flowLevel === 0;
    }
    const start = copyMark(this.mark);
    this.skip();
    this.insertToken(-1, { type: 'VALUE', start, end: copyMark(this.mark) });
  }

  private fetchAnchor(type: 'ALIAS' | 'ANCHOR'): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanAnchor(type));
  }

  private fetchTag(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanTag());
  }

  private fetchBlockScalar(literal: boolean): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.insertToken(-1, this.scanBlockScalar(literal));
  }

  private fetchFlowScalar(single: boolean): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanFlowScalar(single));
  }

  private fetchPlainScalar(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanPlainScalar());
  }

  // ---- whitespace, comments, directives ---------------------------------------------------------------------

  private scanToNextToken(): void {
    for (;;) {
      // Tabs are whitespace in flow context, and in block context only where no simple key may start (not at
      // the start of a line, where they would be indentation).
      while (this.ch() === ' ' || ((this.flowLevel > 0 || !this.simpleKeyAllowed) && this.ch() === '\t')) this.skip();
      if (this.ch() === '#') while (!this.isBreakZ()) this.skip();
      if (this.isBreak()) {
        this.skipLine();
        if (this.flowLevel === 0) this.simpleKeyAllowed = true;
      } else {
        break;
      }
    }
  }

  private scanDirective(): Token {
    const start = copyMark(this.mark);
    this.skip();
    const name = this.scanDirectiveName(start);
    let token: Token;
    if (name === 'YAML') {
      const [major, minor] = this.scanVersionDirectiveValue(start);
      token = { type: 'VERSION-DIRECTIVE', start, end: copyMark(this.mark), major, minor };
    } else if (name === 'TAG') {
      const [handle, prefix] = this.scanTagDirectiveValue(start);
      token = { type: 'TAG-DIRECTIVE', start, end: copyMark(this.mark), value: handle, suffix: prefix };
    } else {
      this.fail('while scanning a directive', start, 'found unknown directive name');
    }
    while (this.isBlank()) this.skip();
    if (this.ch() === '#') while (!this.isBreakZ()) this.skip();
    if (!this.isBreakZ()) this.fail('while scanning a directive', start, 'did not find expected comment or line break');
    if (this.isBreak()) this.skipLine();
    return token;
  }

  private scanDirectiveName(start: Mark): string {
    const s: string[] = [];
    while (this.isAlpha()) this.read(s);
    if (s.length === 0) this.fail('while scanning a directive', start, 'could not find expected directive name');
    if (!this.isBlankZ()) this.fail('while scanning a directive', start, 'found unexpected non-alphabetical character');
    return s.join('');
  }

  private scanVersionDirectiveValue(start: Mark): [number, number] {
    while (this.isBlank()) this.skip();
    const major = this.scanVersionDirectiveNumber(start);
    if (this.ch() !== '.') this.fail('while scanning a %YAML directive', start, "did not find expected digit or '.' character");
    this.skip();
    const minor = this.scanVersionDirectiveNumber(start);
    return [major, minor];
  }

  private scanVersionDirectiveNumber(start: Mark): number {
    let value = 0;
    let length = 0;
    while (this.isDigit()) {
      length++;
      if (length > 2) this.fail('while scanning a %YAML directive', start, 'found extremely long version number');
      value = value * 10 + Number(this.ch());
      this.skip();
    }
    if (length === 0) this.fail('while scanning a %YAML directive', start, 'did not find expected version number');
    return value;
  }

  private scanTagDirectiveValue(start: Mark): [string, string] {
    while (this.isBlank()) this.skip();
    const handle = this.scanTagHandle(true, start);
    if (!this.isBlank()) this.fail('while scanning a %TAG directive', start, 'did not find expected whitespace');
    while (this.isBlank()) this.skip();
    const prefix = this.scanTagUri(true, '', start);
    if (!this.isBlankZ()) this.fail('while scanning a %TAG directive', start, 'did not find expected whitespace or line break');
    return [handle, prefix];
  }

  // ---- anchors and tags -------------------------------------------------------------------------------------

  private scanAnchor(type: 'ALIAS' | 'ANCHOR'): Token {
    const start = copyMark(this.mark);
    this.skip();
    const s: string[] = [];
    while (this.isAlpha()) this.read(s);
    const end = copyMark(this.mark);
    const c = this.ch();
    if (s.length === 0 || !(this.isBlankZ() || '?:,]}%@`'.includes(c))) {
      this.fail(type === 'ANCHOR' ? 'while scanning an anchor' : 'while scanning an alias', start, 'did not find expected alphabetic or numeric character');
    }
    return { type, start, end, value: s.join('') };
  }

  private scanTag(): Token {
    const start = copyMark(this.mark);
    let handle: string;
    let suffix: string;
    if (this.ch(1) === '<') {
      // Verbatim tag: !<uri>
      this.skip();
      this.skip();
      handle = '';
      suffix = this.scanTagUri(false, '', start);
      if (this.ch() !== '>') this.fail('while scanning a tag', start, "did not find the expected '>'");
      this.skip();
    } else {
      handle = this.scanTagHandle(false, start);
      if (handle[0] === '!' && handle.length > 1 && handle[handle.length - 1] === '!') {
        suffix = this.scanTagUri(false, '', start);
      } else {
        // `!foo` is handle `!` with suffix `foo`; a lone `!` is the non-specific tag.
        suffix = this.scanTagUri(false, handle, start);
        handle = '!';
        if (suffix.length === 0) {
          suffix = handle;
          handle = '';
        }
      }
    }
    if (!this.isBlankZ()) this.fail('while scanning a tag', start, 'did not find expected whitespace or line break');
    return { type: 'TAG', start, end: copyMark(this.mark), value: handle, suffix };
  }

  private tagError(directive: boolean, start: Mark, problem: string): never {
    this.fail(directive ? 'while parsing a %TAG directive' : 'while parsing a tag', start, problem);
  }

  private scanTagHandle(directive: boolean, start: Mark): string {
    if (this.ch() !== '!') this.tagError(directive, start, "did not find expected '!'");
    const s: string[] = [];
    this.read(s);
    while (this.isAlpha()) this.read(s);
    if (this.ch() === '!') {
      this.read(s);
    } else if (directive && s.join('') !== '!') {
      this.tagError(directive, start, "did not find expected '!'");
    }
    return s.join('');
  }

  private scanTagUri(directive: boolean, head: string, start: Mark): string {
    const s: string[] = head.length > 1 ? [head.slice(1)] : [];
    let hasTag = head.length > 0;
    while (this.isAlpha() || ";/?:@&=+$,.!~*'()[]%".includes(this.ch()) && !this.isZ()) {
      if (this.ch() === '%') s.push(this.scanUriEscapes(directive, start));
      else this.read(s);
      hasTag = true;
    }
    if (!hasTag) this.tagError(directive, start, 'did not find expected tag URI');
    return s.join('');
  }

  private scanUriEscapes(directive: boolean, start: Mark): string {
    const bytes: number[] = [];
    let w = 1024;
    while (w > 0) {
      if (!(this.ch() === '%' && this.isHex(1) && this.isHex(2))) this.tagError(directive, start, 'did not find URI escaped octet');
      const octet = parseInt(this.ch(1) + this.ch(2), 16);
      if (w === 1024) {
        w = (octet & 0x80) === 0 ? 1 : (octet & 0xe0) === 0xc0 ? 2 : (octet & 0xf0) === 0xe0 ? 3 : (octet & 0xf8) === 0xf0 ? 4 : 0;
        if (w === 0) this.tagError(directive, start, 'found an incorrect leading UTF-8 octet');
      } else if ((octet & 0xc0) !== 0x80) {
        this.tagError(directive, start, 'found an incorrect trailing UTF-8 octet');
      }
      bytes.push(octet);
      this.skip();
      this.skip();
      this.skip();
      w--;
    }
    return utf8Decode(Uint8Array.from(bytes));
  }

  // ---- scalars ----------------------------------------------------------------------------------------------

  private scanBlockScalar(literal: boolean): Token {
    const start = copyMark(this.mark);
    this.skip();
    let chomping = 0;
    let increment = 0;
    if (this.ch() === '+' || this.ch() === '-') {
      chomping = this.ch() === '+' ? 1 : -1;
      this.skip();
      if (this.isDigit()) {
        if (this.ch() === '0') this.fail('while scanning a block scalar', start, 'found an indentation indicator equal to 0');
        increment = Number(this.ch());
        this.skip();
      }
    } else if (this.isDigit()) {
      if (this.ch() === '0') this.fail('while scanning a block scalar', start, 'found an indentation indicator equal to 0');
      increment = Number(this.ch());
      this.skip();
      if (this.ch() === '+' || this.ch() === '-') {
        chomping = this.ch() === '+' ? 1 : -1;
        this.skip();
      }
    }
    while (this.isBlank()) this.skip();
    if (this.ch() === '#') while (!this.isBreakZ()) this.skip();
    if (!this.isBreakZ()) this.fail('while scanning a block scalar', start, 'did not find expected comment or line break');
    if (this.isBreak()) this.skipLine();

    const endRef = { mark: copyMark(this.mark) };
    let indent = 0;
    if (increment > 0) indent = this.indent >= 0 ? this.indent + increment : increment;

    const s: string[] = [];
    let leadingBreak: string[] = [];
    let trailingBreaks: string[] = [];
    indent = this.scanBlockScalarBreaks(indent, trailingBreaks, start, endRef);

    let leadingBlank = false;
    let trailingBlank = false;
    while (this.mark.column === indent && !this.isZ()) {
      trailingBlank = this.isBlank();
      // Folded style joins lines with a space unless blank lines or more-indented lines intervene.
      if (!literal && !leadingBlank && !trailingBlank && leadingBreak.length > 0 && leadingBreak[0] === '\n') {
        if (trailingBreaks.length === 0) s.push(' ');
      } else {
        s.push(...leadingBreak);
      }
      leadingBreak = [];
      s.push(...trailingBreaks);
      trailingBreaks = [];
      leadingBlank = this.isBlank();
      const run = this.pos;
      while (!this.isBreakZ()) this.skip();
      s.push(this.src.slice(run, this.pos));
      this.readLine(leadingBreak);
      indent = this.scanBlockScalarBreaks(indent, trailingBreaks, start, endRef);
    }
    if (chomping !== -1) s.push(...leadingBreak);
    if (chomping === 1) s.push(...trailingBreaks);
    return { type: 'SCALAR', start, end: endRef.mark, value: s.join(''), style: literal ? 'literal' : 'folded' };
  }

  /** Eats indentation and empty lines of a block scalar; returns the (possibly detected) indentation. */
  private scanBlockScalarBreaks(indent: number, breaks: string[], start: Mark, endRef: { mark: Mark }): number {
    endRef.mark = copyMark(this.mark);
    let maxIndent = 0;
    for (;;) {
      while ((indent === 0 || this.mark.column < indent) && this.ch() === ' ') this.skip();
      if (this.mark.column > maxIndent) maxIndent = this.mark.column;
      if ((indent === 0 || this.mark.column < indent) && this.ch() === '\t') {
        this.fail('while scanning a block scalar', start, 'found a tab character where an indentation space is expected');
      }
      if (!this.isBreak()) break;
      this.readLine(breaks);
      endRef.mark = copyMark(this.mark);
    }
    if (indent === 0) {
      indent = maxIndent;
      if (indent < this.indent + 1) indent = this.indent + 1;
      if (indent < 1) indent = 1;
    }
    return indent;
  }

  private scanFlowScalar(single: boolean): Token {
    const start = copyMark(this.mark);
    this.skip();
    const s: string[] = [];
    let leadingBreak: string[] = [];
    let trailingBreaks: string[] = [];
    let whitespaces: string[] = [];
    for (;;) {
      if (this.mark.column === 0 && ((this.ch() === '-' && this.ch(1) === '-' && this.ch(2) === '-') || (this.ch() === '.' && this.ch(1) === '.' && this.ch(2) === '.')) && this.isBlankZ(3)) {
        this.fail('while scanning a quoted scalar', start, 'found unexpected document indicator');
      }
      if (this.isZ()) this.fail('while scanning a quoted scalar', start, 'found unexpected end of stream');

      let leadingBlanks = false;
      let run = -1;
      while (!this.isBlankZ()) {
        const c = this.ch();
        if (run >= 0 && (c === "'" || c === '"' || c === '\\')) {
          s.push(this.src.slice(run, this.pos));
          run = -1;
        }
        if (single && c === "'" && this.ch(1) === "'") {
          s.push("'");
          this.skip();
          this.skip();
        } else if (single && c === "'") {
          break;
        } else if (!single && c === '"') {
          break;
        } else if (!single && c === '\\' && this.isBreak(1)) {
          // An escaped line break joins lines without a space.
          this.skip();
          this.skipLine();
          leadingBlanks = true;
          break;
        } else if (!single && c === '\\') {
          let codeLength = 0;
          const e = this.ch(1);
          const simple: Record<string, string> = {
            '0': '\0', a: '\x07', b: '\x08', t: '\t', '\t': '\t', n: '\n', v: '\x0b', f: '\x0c', r: '\r', e: '\x1b',
            ' ': ' ', '"': '"', "'": "'", '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
          };
          if (e === 'x') codeLength = 2;
          else if (e === 'u') codeLength = 4;
          else if (e === 'U') codeLength = 8;
          else if (Object.prototype.hasOwnProperty.call(simple, e)) s.push(simple[e]!);
          else this.fail('while parsing a quoted scalar', start, 'found unknown escape character');
          this.skip();
          this.skip();
          if (codeLength > 0) {
            let value = 0;
            for (let k = 0; k < codeLength; k++) {
              if (!this.isHex(k)) this.fail('while parsing a quoted scalar', start, 'did not find expected hexdecimal number');
              value = value * 16 + parseInt(this.ch(k), 16);
            }
            if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) {
              this.fail('while parsing a quoted scalar', start, 'found invalid Unicode character escape code');
            }
            s.push(String.fromCodePoint(value));
            for (let k = 0; k < codeLength; k++) this.skip();
          }
        } else {
          if (run < 0) run = this.pos;
          this.skip();
        }
      }
      if (run >= 0) s.push(this.src.slice(run, this.pos));
      if (single ? this.ch() === "'" : this.ch() === '"') break;

      // Fold whitespace and line breaks inside the quotes.
      while (this.isBlank() || this.isBreak()) {
        if (this.isBlank()) {
          if (!leadingBlanks) this.read(whitespaces);
          else this.skip();
        } else if (!leadingBlanks) {
          whitespaces = [];
          this.readLine(leadingBreak);
          leadingBlanks = true;
        } else {
          this.readLine(trailingBreaks);
        }
      }
      if (leadingBlanks) {
        if (leadingBreak.length > 0 && leadingBreak[0] === '\n') {
          if (trailingBreaks.length === 0) s.push(' ');
          else s.push(...trailingBreaks);
        } else {
          s.push(...leadingBreak, ...trailingBreaks);
        }
        trailingBreaks = [];
        leadingBreak = [];
      } else {
        s.push(...whitespaces);
        whitespaces = [];
      }
    }
    this.skip();
    return { type: 'SCALAR', start, end: copyMark(this.mark), value: s.join(''), style: single ? 'single' : 'double' };
  }

  private scanPlainScalar(): Token {
    const s: string[] = [];
    let leadingBreak: string[] = [];
    let trailingBreaks: string[] = [];
    let whitespaces: string[] = [];
    let leadingBlanks = false;
    const indent = this.indent + 1;
    const start = copyMark(this.mark);
    let end = copyMark(this.mark);
    for (;;) {
      if (this.mark.column === 0 && ((this.ch() === '-' && this.ch(1) === '-' && this.ch(2) === '-') || (this.ch() === '.' && this.ch(1) === '.' && this.ch(2) === '.')) && this.isBlankZ(3)) {
        break;
      }
      if (this.ch() === '#') break;
      // Characters are copied as one slice per run rather than one by one.
      let run = -1;
      while (!this.isBlankZ()) {
        const c = this.ch();
        if ((c === ':' && this.isBlankZ(1)) || (this.flowLevel > 0 && ',?[]{}'.includes(c))) break;
        if (leadingBlanks || whitespaces.length > 0) {
          if (leadingBlanks) {
            if (leadingBreak[0] === '\n') {
              if (trailingBreaks.length === 0) s.push(' ');
              else s.push(...trailingBreaks);
            } else {
              s.push(...leadingBreak, ...trailingBreaks);
            }
            trailingBreaks = [];
            leadingBreak = [];
            leadingBlanks = false;
          } else {
            s.push(...whitespaces);
            whitespaces = [];
          }
        }
        if (run < 0) run = this.pos;
        this.skip();
      }
      if (run >= 0) {
        s.push(this.src.slice(run, this.pos));
        end = copyMark(this.mark);
      }
      if (!(this.isBlank() || this.isBreak())) break;
      while (this.isBlank() || this.isBreak()) {
        if (this.isBlank()) {
          if (leadingBlanks && this.mark.column < indent && this.ch() === '\t') {
            this.fail('while scanning a plain scalar', start, 'found a tab character that violates indentation');
          }
          if (!leadingBlanks) this.read(whitespaces);
          else this.skip();
        } else if (!leadingBlanks) {
          whitespaces = [];
          this.readLine(leadingBreak);
          leadingBlanks = true;
        } else {
          this.readLine(trailingBreaks);
        }
      }
      // In block context a continuation line must be indented more than the enclosing node.
      if (this.flowLevel === 0 && this.mark.column < indent) break;
    }
    if (leadingBlanks) this.simpleKeyAllowed = true;
    return { type: 'SCALAR', start, end, value: s.join(''), style: 'plain' };
  }
}
