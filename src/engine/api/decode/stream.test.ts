import { describe, expect, it } from 'vitest';
import { base64Decode, utf8Length } from './bytes';
import { goJsonMarshal, goQuote } from './go-json';
import { GoJsonError, GoJsonStream, utf8Bytes } from './json-stream';
import { splitYamlDocuments } from './split';

describe('splitYamlDocuments (kubectl’s YAML reader)', () => {
  it('cuts at --- lines, skips empty documents and normalises CRLF', () => {
    expect(splitYamlDocuments('---\na: 1\r\n---\n---   # c\nb: 2\n--- \nc: 3')).toEqual({
      chunks: [
        { text: 'a: 1\n', firstLine: 2 },
        { text: 'b: 2\n', firstLine: 5 },
        { text: 'c: 3\n', firstLine: 7 },
      ],
    });
  });

  it('refuses text after a separator and drops the document before it', () => {
    expect(splitYamlDocuments('a: 1\n---\nb: 2\n----\nc: 3\n')).toEqual({
      chunks: [{ text: 'a: 1\n', firstLine: 1 }],
      error: { message: 'invalid Yaml document separator: -', line: 4 },
    });
  });
});

describe('GoJsonStream (encoding/json Decoder)', () => {
  const read = (text: string): unknown[] | string => {
    const s = new GoJsonStream(utf8Bytes(text));
    const out: unknown[] = [];
    try {
      while (!s.atEnd()) out.push(s.next());
    } catch (e) {
      if (e instanceof GoJsonError) return e.kind === 'syntax' ? `offset ${e.offset}: ${e.message}` : e.message;
      throw e;
    }
    return out;
  };

  it('reads concatenated values', () => {
    expect(read('{"a": [1, 2.5, -3e2, true, null]} {"b": "\\u00e9\\n"}\n')).toEqual([{ a: [1, 2.5, -300, true, null] }, { b: 'é\n' }]);
  });

  // Texts and offsets as Go's json.Decoder reports them.
  it('reports syntax errors with Go’s texts and byte offsets', () => {
    expect(read('{"a": 1,}')).toBe(`offset 9: invalid character '}' looking for beginning of object key string`);
    expect(read('{"a" 1}')).toBe(`offset 6: invalid character '1' after object key`);
    expect(read('{"a": 1 "b": 2}')).toBe(`offset 9: invalid character '"' after object key:value pair`);
    expect(read("{'a': 1}")).toBe(`offset 2: invalid character '\\'' looking for beginning of object key string`);
    expect(read('[1, 2,]')).toBe(`offset 7: invalid character ']' looking for beginning of value`);
    expect(read('{"é": tru}')).toBe(`offset 11: invalid character '}' in literal true (expecting 'e')`);
    expect(read('{"a": 01}')).toBe(`offset 8: invalid character '1' after object key:value pair`);
    expect(read('{"a": "x\ty"}')).toBe(`offset 9: invalid character '\\t' in string literal`);
    expect(read('{"a": [1, 2')).toBe('unexpected EOF');
  });
});

describe('Go encodings', () => {
  it('marshals like encoding/json: sorted keys and HTML-safe escapes', () => {
    expect(goJsonMarshal({ b: 1, a: ['<x>', 'a&b', '\u2028', 'tab\t', 1.5e21, 0.000001], c: null })).toBe(
      '{"a":["\\u003cx\\u003e","a\\u0026b","\\u2028","tab\\t",1.5e+21,0.000001],"b":1,"c":null}',
    );
  });

  it('quotes like strconv.Quote', () => {
    expect(goQuote('spec.replica')).toBe('"spec.replica"');
    expect(goQuote('\u00a0 labels')).toBe('"\\u00a0 labels"');
    expect(goQuote('a\u0001b\u007f"\\é')).toBe('"a\\x01b\\x7f\\"\\\\é"');
  });

  it('decodes base64 strictly, reporting Go’s offsets', () => {
    expect(base64Decode('YWRtaW4=')).toEqual(Uint8Array.from([97, 100, 109, 105, 110]));
    expect(base64Decode('admin')).toEqual({ badByte: 4 });
    expect(base64Decode('my-password')).toEqual({ badByte: 2 });
    expect(base64Decode('password123')).toEqual({ badByte: 8 });
  });

  it('counts UTF-8 bytes', () => {
    expect(utf8Length('aé€😀')).toBe(1 + 2 + 3 + 4);
  });
});
