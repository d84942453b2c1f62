/**
 * Object → YAML as `kubectl get -o yaml` prints it: keys sorted (JSON → map → YAML), sequences not indented
 * under their key, strings that YAML 1.1 would read as another type double-quoted, other strings needing quotes
 * single-quoted, multi-line strings as literal blocks.
 * Models sigs.k8s.io/yaml (JSONToYAML over go-yaml v2) output conventions.
 */
import { Document, isScalar, parse, visit, Scalar } from 'yaml';

const ambiguityCache = new Map<string, boolean>();

/**
 * True when `s` as a plain YAML 1.1 scalar resolves to another type (`yes`, `1.10`, `2026-01-15T09:00:00Z`,
 * `null`): go-yaml forces double quotes for those. Strings that merely contain indicators (`a: b`) are left to the
 * emitter, which single-quotes them.
 */
function isAmbiguous(s: string): boolean {
  let v = ambiguityCache.get(s);
  if (v === undefined) {
    try {
      const parsed: unknown = parse(s, { version: '1.1' });
      v = parsed === null || typeof parsed === 'number' || typeof parsed === 'boolean' || parsed instanceof Date;
    } catch {
      v = false;
    }
    if (ambiguityCache.size > 10_000) ambiguityCache.clear();
    ambiguityCache.set(s, v);
  }
  return v;
}

/** Serializes one value (usually an object) to YAML text ending in a newline. */
export function toYaml(value: unknown): string {
  const doc = new Document(value, { version: '1.1', sortMapEntries: true });
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string') {
        const s = node.value;
        if (s.includes('\n')) node.type = Scalar.BLOCK_LITERAL;
        else if (s === '' || isAmbiguous(s)) node.type = Scalar.QUOTE_DOUBLE;
      }
    },
  });
  return doc.toString({ lineWidth: 0, indentSeq: false, singleQuote: true, nullStr: 'null' });
}

/** JSON as kubectl prints it: 4-space indent, trailing newline. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 4)}\n`;
}
