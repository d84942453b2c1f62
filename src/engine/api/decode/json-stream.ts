/**
 * A JSON value reader with Go's encoding/json Decoder behaviour: values are read one after another from a byte
 * stream, and syntax errors carry Go's texts and byte offsets (`invalid character '}' looking for beginning of
 * object key string`, `unexpected EOF`), as kubectl reports them for `.json` manifests.
 * Models encoding/json scanner.go (step functions) and stream.go (Decoder.readValue).
 */
import { setOwn } from './goyaml/decode';
import { utf8Decode } from './bytes';

/** A failure reading a JSON value. `syntax` errors have a 1-based byte offset; `eof` is io.ErrUnexpectedEOF. */
export class GoJsonError extends Error {
  constructor(
    message: string,
    readonly kind: 'syntax' | 'eof',
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Go's quoteChar: how a byte is shown in `invalid character ...`. */
function quoteChar(c: number): string {
  if (c === 0x27) return `'\\''`;
  if (c === 0x22) return `'"'`;
  // Go converts the byte to a rune (so 0xE4 shows as 'ä') and quotes it with strconv.Quote.
  const ch = String.fromCharCode(c);
  let q: string;
  if (c === 0x0a) q = '\\n';
  else if (c === 0x0d) q = '\\r';
  else if (c === 0x09) q = '\\t';
  else if (c === 0x5c) q = '\\\\';
  else if (c < 0x20 || c === 0x7f) q = `\\x${c.toString(16).padStart(2, '0')}`;
  else if (c >= 0x80 && c < 0xa0) q = `\\u00${c.toString(16).padStart(2, '0')}`;
  else q = ch;
  return `'${q}'`;
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** Reads consecutive JSON values from bytes, like json.Decoder.Decode. */
export class GoJsonStream {
  /** Offset of the next unread byte. */
  pos = 0;

  constructor(readonly bytes: Uint8Array) {}

  /** True when only whitespace remains. */
  atEnd(): boolean {
    let p = this.pos;
    while (p < this.bytes.length && isSpace(this.bytes[p]!)) p++;
    return p >= this.bytes.length;
  }

  /** Reads the next value; throws GoJsonError. Call only when `atEnd()` is false. */
  next(): unknown {
    const start = this.pos;
    try {
      const v = this.value();
      return v;
    } catch (e) {
      if (e instanceof GoJsonError) this.pos = start;
      throw e;
    }
  }

  private byte(): number {
    if (this.pos >= this.bytes.length) throw new GoJsonError('unexpected EOF', 'eof', this.pos);
    return this.bytes[this.pos]!;
  }

  private fail(context: string): never {
    const c = this.bytes[this.pos]!;
    // Go counts the offending byte as read.
    throw new GoJsonError(`invalid character ${quoteChar(c)} ${context}`, 'syntax', this.pos + 1);
  }

  private skipSpace(): void {
    while (this.pos < this.bytes.length && isSpace(this.bytes[this.pos]!)) this.pos++;
  }

  private value(): unknown {
    this.skipSpace();
    const c = this.byte();
    if (c === 0x7b) return this.object();
    if (c === 0x5b) return this.array();
    if (c === 0x22) return this.string();
    if (c === 0x2d || isDigit(c)) return this.number();
    if (c === 0x74) return this.literal('true', true);
    if (c === 0x66) return this.literal('false', false);
    if (c === 0x6e) return this.literal('null', null);
    this.fail('looking for beginning of value');
  }

  private object(): Record<string, unknown> {
    const obj: Record<string, unknown> = {};
    this.pos++;
    this.skipSpace();
    if (this.byte() === 0x7d) {
      this.pos++;
      return obj;
    }
    for (;;) {
      this.skipSpace();
      if (this.byte() !== 0x22) this.fail('looking for beginning of object key string');
      const key = this.string();
      this.skipSpace();
      if (this.byte() !== 0x3a) this.fail('after object key');
      this.pos++;
      // Go's json.Unmarshal into a map keeps the last of repeated keys.
      setOwn(obj, key, this.value());
      this.skipSpace();
      const c = this.byte();
      if (c === 0x2c) {
        this.pos++;
        continue;
      }
      if (c === 0x7d) {
        this.pos++;
        return obj;
      }
      this.fail('after object key:value pair');
    }
  }

  private array(): unknown[] {
    const arr: unknown[] = [];
    this.pos++;
    this.skipSpace();
    if (this.byte() === 0x5d) {
      this.pos++;
      return arr;
    }
    for (;;) {
      arr.push(this.value());
      this.skipSpace();
      const c = this.byte();
      if (c === 0x2c) {
        this.pos++;
        continue;
      }
      if (c === 0x5d) {
        this.pos++;
        return arr;
      }
      this.fail('after array element');
    }
  }

  private string(): string {
    this.pos++;
    const start = this.pos;
    let hasEscape = false;
    for (;;) {
      const c = this.byte();
      if (c === 0x22) break;
      if (c === 0x5c) {
        hasEscape = true;
        this.pos++;
        const e = this.byte();
        if (e === 0x75) {
          for (let k = 0; k < 4; k++) {
            this.pos++;
            if (!/[0-9a-fA-F]/.test(String.fromCharCode(this.byte()))) this.fail('in \\u hexadecimal character escape');
          }
        } else if (!'bfnrt\\/"'.includes(String.fromCharCode(e))) {
          this.fail('in string escape code');
        }
      } else if (c < 0x20) {
        this.fail('in string literal');
      }
      this.pos++;
    }
    const raw = utf8Decode(this.bytes.subarray(start, this.pos));
    this.pos++;
    return hasEscape ? (JSON.parse(`"${raw}"`) as string) : raw;
  }

  private number(): number {
    const start = this.pos;
    if (this.bytes[this.pos] === 0x2d) {
      this.pos++;
      if (!isDigit(this.byte())) this.fail('in numeric literal');
    }
    if (this.byte() === 0x30) this.pos++;
    else while (this.pos < this.bytes.length && isDigit(this.bytes[this.pos]!)) this.pos++;
    if (this.pos < this.bytes.length && this.bytes[this.pos] === 0x2e) {
      this.pos++;
      if (!isDigit(this.byte())) this.fail('after decimal point in numeric literal');
      while (this.pos < this.bytes.length && isDigit(this.bytes[this.pos]!)) this.pos++;
    }
    if (this.pos < this.bytes.length && (this.bytes[this.pos] === 0x65 || this.bytes[this.pos] === 0x45)) {
      this.pos++;
      if (this.byte() === 0x2b || this.byte() === 0x2d) this.pos++;
      if (!isDigit(this.byte())) this.fail('in exponent of numeric literal');
      while (this.pos < this.bytes.length && isDigit(this.bytes[this.pos]!)) this.pos++;
    }
    return Number(utf8Decode(this.bytes.subarray(start, this.pos)));
  }

  private literal(word: string, value: unknown): unknown {
    this.pos++;
    for (let k = 1; k < word.length; k++) {
      if (this.byte() !== word.charCodeAt(k)) this.fail(`in literal ${word} (expecting '${word[k]}')`);
      this.pos++;
    }
    return value;
  }
}

/** UTF-8 bytes of a string. */
export function utf8Bytes(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return Uint8Array.from(out);
}
