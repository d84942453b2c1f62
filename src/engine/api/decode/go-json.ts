/**
 * JSON text exactly as Go's encoding/json writes a map-based object (what kubectl stores in
 * `kubectl.kubernetes.io/last-applied-configuration` and quotes in some messages): keys sorted, no spaces,
 * `<`, `>`, `&`, U+2028 and U+2029 escaped as \u sequences.
 * Models encoding/json encode.go (mapEncoder sorting, appendString with escapeHTML).
 */

function encodeString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    switch (c) {
      case 0x22:
        out += '\\"';
        continue;
      case 0x5c:
        out += '\\\\';
        continue;
      case 0x0a:
        out += '\\n';
        continue;
      case 0x0d:
        out += '\\r';
        continue;
      case 0x09:
        out += '\\t';
        continue;
      case 0x08:
        out += '\\b';
        continue;
      case 0x0c:
        out += '\\f';
        continue;
      case 0x3c:
      case 0x3e:
      case 0x26:
      case 0x2028:
      case 0x2029:
        out += `\\u${c.toString(16).padStart(4, '0')}`;
        continue;
    }
    if (c < 0x20) {
      out += `\\u${c.toString(16).padStart(4, '0')}`;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      // A lone surrogate is invalid UTF-8 on the Go side and becomes U+FFFD.
      const pair = c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      if (pair) {
        out += s[i]! + s[i + 1]!;
        i++;
      } else {
        out += '\ufffd';
      }
      continue;
    }
    out += s[i];
  }
  return `${out}"`;
}

/** Go's float64 text (`strconv.AppendFloat(f, 'f' or 'e', -1, 64)` with the exponent trimmed). */
function encodeNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`json: unsupported value: ${Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf'}`);
  return String(n);
}

/** Encodes a JSON value as Go's json.Marshal does for maps and slices of interface{}. */
export function goJsonMarshal(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return encodeString(v);
  if (typeof v === 'number') return encodeNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return `[${v.map(goJsonMarshal).join(',')}]`;
  const obj = v as Record<string, unknown>;
  const keys = Object.keys(obj).sort(compareGoStrings);
  return `{${keys.map((k) => `${encodeString(k)}:${goJsonMarshal(obj[k])}`).join(',')}}`;
}

/** Go compares strings bytewise (UTF-8), which orders astral characters differently from UTF-16. */
export function compareGoStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/**
 * Go's strconv.Quote (and `%q`): printable characters as they are, the rest escaped (`\n`, `\x01`, `\u00a0`).
 * Differs from JSON.stringify for control characters, U+007F and non-printing characters such as NBSP.
 */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const r = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') {
      out += `\\${ch}`;
      continue;
    }
    if (r === 0x20 || (r >= 0x21 && r < 0x7f) || (r > 0xa0 && r !== 0xad && PRINTABLE.test(ch))) {
      out += ch;
      continue;
    }
    const simple: Record<number, string> = { 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v' };
    if (simple[r]) out += simple[r];
    else if (r < 0x20 || r === 0x7f) out += `\\x${r.toString(16).padStart(2, '0')}`;
    else if (r >= 0xd800 && r <= 0xdfff) out += '\\ufffd';
    else if (r < 0x10000) out += `\\u${r.toString(16).padStart(4, '0')}`;
    else out += `\\U${r.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}
