/**
 * Byte-level helpers the decoders need without DOM or Node APIs: UTF-8 lengths and conversion, and strict
 * standard base64 (Go's base64.StdEncoding), so sizes, offsets and `[]byte` fields match the Go side.
 */

/** Number of UTF-8 bytes of a string (what Go's len() and the apiserver's size limit count). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Decodes UTF-8 bytes, replacing invalid sequences with U+FFFD as Go's JSON encoder does. */
export function utf8Decode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    let cp = -1;
    let len = 1;
    if (b < 0x80) cp = b;
    else if ((b & 0xe0) === 0xc0) len = 2;
    else if ((b & 0xf0) === 0xe0) len = 3;
    else if ((b & 0xf8) === 0xf0) len = 4;
    if (len > 1 && i + len <= bytes.length) {
      let v = b & (0xff >> (len + 1));
      let ok = true;
      for (let k = 1; k < len; k++) {
        const c = bytes[i + k]!;
        if ((c & 0xc0) !== 0x80) ok = false;
        v = (v << 6) | (c & 0x3f);
      }
      const min = len === 2 ? 0x80 : len === 3 ? 0x800 : 0x10000;
      if (ok && v >= min && v <= 0x10ffff && !(v >= 0xd800 && v <= 0xdfff)) cp = v;
    }
    if (cp < 0) {
      out += '\ufffd';
      i += 1;
    } else {
      out += String.fromCodePoint(cp);
      i += len;
    }
  }
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Strict standard base64 decoding. Returns the bytes, or the 0-based input offset Go reports in
 * `illegal base64 data at input byte N`. Line breaks are skipped, as Go's decoder does.
 */
// Models encoding/base64 (*Encoding).decodeQuantum with StdEncoding (padding required).
export function base64Decode(text: string): Uint8Array | { badByte: number } {
  const out: number[] = [];
  let si = 0;
  const isBreak = (c: string | undefined): boolean => c === '\n' || c === '\r';
  while (si < text.length) {
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    let j = 0;
    for (; j < 4; j++) {
      if (si === text.length) {
        if (j === 0) return Uint8Array.from(out);
        // An unpadded final group: the offset is where the group started.
        return { badByte: si - j };
      }
      const ch = text[si]!;
      si++;
      const v = B64.indexOf(ch);
      if (v >= 0) {
        dbuf[j] = v;
        continue;
      }
      if (isBreak(ch)) {
        j--;
        continue;
      }
      if (ch !== '=') return { badByte: si - 1 };
      if (j < 2) return { badByte: si - 1 };
      if (j === 2) {
        // "==" is expected; the first "=" is consumed.
        while (si < text.length && isBreak(text[si])) si++;
        if (si === text.length) return { badByte: text.length };
        if (text[si] !== '=') return { badByte: si - 1 };
        si++;
      }
      while (si < text.length && isBreak(text[si])) si++;
      if (si < text.length) return { badByte: si };
      dlen = j;
      break;
    }
    const bits = (dbuf[0]! << 18) | (dbuf[1]! << 12) | (dbuf[2]! << 6) | dbuf[3]!;
    const bytes = [(bits >> 16) & 0xff, (bits >> 8) & 0xff, bits & 0xff];
    out.push(...bytes.slice(0, dlen - 1));
    if (dlen < 4) return Uint8Array.from(out);
    // Skip breaks between groups so a trailing newline does not count as a new group.
    if (j === 4) while (si < text.length && isBreak(text[si])) si++;
  }
  return Uint8Array.from(out);
}
