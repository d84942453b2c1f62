import { describe, expect, it } from 'vitest';
import { yamlToJson, YamlToJsonError } from './decode';

/** The error text for a document, without the sigs.k8s.io/yaml prefix. */
function errorOf(text: string): { message: string; line?: number } {
  try {
    yamlToJson(text);
  } catch (e) {
    if (e instanceof YamlToJsonError) return { message: e.message.replace(/^error converting YAML to JSON: /, ''), line: e.line };
    throw e;
  }
  throw new Error('expected a YAML error');
}

// Expected texts were produced by go-yaml v2.4 itself (the library sigs.k8s.io/yaml uses) on the same inputs.
describe('go-yaml syntax errors', () => {
  const cases: Array<[string, string, string, number]> = [
    ['over-indented key after a value', 'a: b\n  c: d\n', 'yaml: line 2: mapping values are not allowed in this context', 2],
    ['over-indented key in a mapping', 'metadata:\n  name: web\n    labels: x\n', 'yaml: line 3: mapping values are not allowed in this context', 3],
    // Parser errors print the 0-based line of the offending token: one less than the real line.
    ['under-indented key', 'metadata:\n  name: web\n labels: x\n', 'yaml: line 2: did not find expected key', 3],
    ['tab as indentation', 'metadata:\n\tname: web\n', 'yaml: line 2: found character that cannot start any token', 2],
    ['tab inside a plain scalar continuation', 'spec:\n  containers:\n  - name: a\n\t  image: b\n', 'yaml: line 4: found a tab character that violates indentation', 4],
    ['unclosed double quote', 'a: "web\nb: c\n', 'yaml: line 3: found unexpected end of stream', 3],
    ['unclosed single quote', "a: 'web\n", 'yaml: line 2: found unexpected end of stream', 2],
    // On the first line go-yaml has no line to print.
    ['two values on line 1', 'a: b: c\n', 'yaml: mapping values are not allowed in this context', 1],
    ['two values on line 3', 'x: 1\ny: 2\na: b: c\n', 'yaml: line 3: mapping values are not allowed in this context', 3],
    ['key after a sequence item', 'items:\n  - a\n  b: c\n', "yaml: line 2: did not find expected '-' indicator", 3],
    ['missing space after colon', 'metadata:\n  name:web\n  labels:\n    app:web\n', 'yaml: line 3: mapping values are not allowed in this context', 3],
    ['misaligned sequence item', 'c:\n- name: a\n  image: b\n - name: c\n', 'yaml: line 3: did not find expected key', 4],
    ['leading document end marker', '...\n containers:\n - name: main\n', 'yaml: did not find expected node content', 1],
    ['unclosed flow mapping', 'a: {b: 1\n', "yaml: line 1: did not find expected ',' or '}'", 2],
    ['unclosed flow sequence', 'a: [1, 2\n', "yaml: line 1: did not find expected ',' or ']'", 2],
  ];
  for (const [name, text, message, line] of cases) {
    it(name, () => expect(errorOf(text)).toEqual({ message, line }));
  }

  it('reports unknown anchors and self-referencing aliases', () => {
    expect(errorOf('a: *x\n').message).toBe("yaml: unknown anchor 'x' referenced");
    expect(errorOf('a: &a [*a]\n').message).toBe("yaml: anchor 'a' value contains itself");
  });

  it('rejects control characters like go-yaml’s reader', () => {
    expect(errorOf('a: b\u0001\n').message).toBe('yaml: control characters are not allowed');
  });

  it('rejects values JSON cannot hold', () => {
    expect(errorOf('a: .nan\n').message).toBe('json: unsupported value: NaN');
    expect(errorOf('a: -.inf\n').message).toBe('json: unsupported value: -Inf');
  });

  it('rejects explicit tags that do not match the text', () => {
    expect(errorOf('a: !!int abc\n').message).toBe('yaml: cannot decode !!str `abc` as a !!int');
  });
});

describe('go-yaml values (YAML 1.1 scalars, as kubectl v1.34 reads them)', () => {
  it('resolves booleans, nulls, numbers and strings', () => {
    const { value } = yamlToJson(
      'a: [yes, no, on, off, y, n, True, FALSE, ~, null, "", "yes"]\n' +
        'b: [0777, 08, 1e3, 0x1F, 0o17, 0b11, -0b11, 1_000, .5, +1., 3.0]\n' +
        'c: [2001-12-14, 12:30:45, 1.2.3, -, "007"]\n',
    );
    expect(value).toEqual({
      a: [true, false, true, false, true, false, true, false, null, null, '', 'yes'],
      b: [511, 8, 1000, 31, 15, 3, -3, 1000, 0.5, 1, 3],
      c: ['2001-12-14', '12:30:45', '1.2.3', '-', '007'],
    });
  });

  it('stringifies non-string keys as sigs.k8s.io/yaml does', () => {
    expect(yamlToJson('1.5: a\n2: b\ntrue: c\ny: d\n').value).toEqual({ '1.5': 'a', '2': 'b', true: 'd' });
  });

  it('keeps block and quoted scalar text', () => {
    const { value } = yamlToJson('a: |\n  line1\n  line2\nb: >-\n  folded\n  text\n\n  para\nc: "esc\\tx\\u00e9"\nd: \'it\'\'s\'\n');
    expect(value).toEqual({ a: 'line1\nline2\n', b: 'folded text\npara', c: 'esc\txé', d: "it's" });
  });

  it('applies merge keys, later explicit keys winning', () => {
    expect(yamlToJson('base: &b {x: 1, z: 2}\nd:\n  <<: *b\n  z: 3\n').value).toEqual({ base: { x: 1, z: 2 }, d: { x: 1, z: 3 } });
  });

  it('reads only the first document of a chunk, like yaml.Unmarshal', () => {
    expect(yamlToJson('a: 1\n...\nb: 2\n').value).toEqual({ a: 1 });
  });

  it('returns no value for empty or comment-only documents', () => {
    expect(yamlToJson('').value).toBeUndefined();
    expect(yamlToJson('# nothing\n').value).toBeUndefined();
    expect(yamlToJson('~\n').value).toBeUndefined();
  });

  it('keeps the last of duplicate keys and reports them', () => {
    const doc = yamlToJson('a: 1\nb:\n  c: 1\n  c: 2\na: 3\n');
    expect(doc.value).toEqual({ a: 3, b: { c: 2 } });
    expect(doc.duplicates).toEqual([
      { path: 'b', key: 'c', line: 4, firstLine: 3 },
      { path: '', key: 'a', line: 5, firstLine: 1 },
    ]);
  });

  it('records the line of every key and item', () => {
    const doc = yamlToJson('spec:\n  containers:\n  - name: a\n    image: x\n');
    expect(doc.lines.get('spec.containers[0].image')).toBe(4);
    expect(doc.lines.get('spec.containers[0]')).toBe(3);
  });
});

describe('safety', () => {
  it('stops a billion-laughs document quickly', () => {
    const levels = ['a: &a [x,x,x,x,x,x,x,x,x]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      levels.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    // Fails fast (the test's 2 s timeout) instead of expanding 9^9 nodes.
    expect(errorOf(`${levels.join('\n')}\n`).message).toBe('yaml: document contains excessive aliasing');
  }, 2000);

  it('never touches prototypes', () => {
    const { value } = yamlToJson('__proto__: {polluted: true}\nconstructor: {prototype: {polluted: true}}\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(value, '__proto__')).toBe(true);
    expect((value as Record<string, unknown>).constructor).toEqual({ prototype: { polluted: true } });
  });

  it('survives deep nesting without a crash', () => {
    const deep = `${'['.repeat(20000)}${']'.repeat(20000)}\n`;
    expect(errorOf(deep).message).toBe('yaml: exceeded max depth of 10000');
  });
});
