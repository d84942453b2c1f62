/**
 * Generates src/kubectl/verbs/explain-docs.json: the descriptions `kubectl explain` prints for every type in the
 * field model (src/engine/api/schema/k8s-fields.json), read from the doc comments of kubernetes-types' .d.ts
 * files with the TypeScript compiler API. "More info: <link>" references are dropped to keep the file small.
 *
 * Run with `npx tsx scripts/gen-explain.ts` after regenerating k8s-fields.json, and commit the output.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TYPES_DIR = join(ROOT, 'node_modules', 'kubernetes-types');
const FIELDS = join(ROOT, 'src', 'engine', 'api', 'schema', 'k8s-fields.json');
const OUT = join(ROOT, 'src', 'kubectl', 'verbs', 'explain-docs.json');
/** `--keep-links` keeps the "More info" references (about 40 KiB more). */
const KEEP_LINKS = process.argv.includes('--keep-links');

/** OpenAPI definition name → kubernetes-types module and interface (`io.k8s.api.core.v1.Pod` → core/v1, Pod). */
function moduleOf(typeName: string): { module: string; name: string } {
  const name = typeName.slice(typeName.lastIndexOf('.') + 1);
  const prefix = typeName.slice(0, typeName.lastIndexOf('.'));
  if (prefix === 'io.k8s.apimachinery.pkg.apis.meta.v1') return { module: 'meta/v1', name };
  if (prefix === 'io.k8s.apimachinery.pkg.api.resource') return { module: 'api/resource', name };
  if (prefix === 'io.k8s.apimachinery.pkg.runtime') return { module: 'runtime', name };
  if (prefix === 'io.k8s.apimachinery.pkg.util.intstr') return { module: 'util/intstr', name };
  return { module: prefix.replace(/^io\.k8s\.api\./, '').replace('.', '/'), name };
}

const sources = new Map<string, ts.SourceFile | undefined>();

function sourceOf(module: string): ts.SourceFile | undefined {
  if (!sources.has(module)) {
    let text: string | undefined;
    try {
      text = readFileSync(join(TYPES_DIR, `${module}.d.ts`), 'utf8');
    } catch {
      text = undefined;
    }
    sources.set(module, text === undefined ? undefined : ts.createSourceFile(module, text, ts.ScriptTarget.ES2022, true));
  }
  return sources.get(module);
}

/** The text of the doc comment directly before a node, with "More info" links removed. */
function docOf(node: ts.Node, sf: ts.SourceFile): string {
  const ranges = ts.getLeadingCommentRanges(sf.text, node.pos) ?? [];
  const doc = ranges.filter((r) => sf.text.startsWith('/**', r.pos)).pop();
  if (!doc) return '';
  const raw = sf.text
    .slice(doc.pos + 3, doc.end - 2)
    .split('\n')
    .map((l) => l.replace(/^\s*\* ?/, ''))
    .join('\n')
    .trim();
  return raw
    .replace(KEEP_LINKS ? /(?!)/ : /\s*More info:\s*\S+/g, '')
    .replace(/\s+$/, '');
}

interface Docs {
  /** The type's own description. */
  d: string;
  /** Field name → description (fields without one are left out). */
  f: Record<string, string>;
}

const fields = JSON.parse(readFileSync(FIELDS, 'utf8')) as { types: Record<string, { fields: Record<string, unknown> }> };
const out: Record<string, Docs> = {};
let missing = 0;
for (const typeName of Object.keys(fields.types).sort()) {
  const { module, name } = moduleOf(typeName);
  const sf = sourceOf(module);
  const decl = sf?.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name);
  if (!sf || !decl) {
    missing++;
    continue;
  }
  const f: Record<string, string> = {};
  for (const m of decl.members) {
    if (!ts.isPropertySignature(m)) continue;
    const field = m.name.getText(sf).replace(/^["']|["']$/g, '');
    const text = docOf(m, sf);
    if (text) f[field] = text;
  }
  out[typeName] = { d: docOf(decl, sf), f };
}

// Scalar types the field model inlines (Quantity, Time, ...) still carry a description in the OpenAPI document,
// which explain appends to the description of fields of those types.
const SCALARS: Array<{ typeName: string; module: string; name: string }> = [
  { typeName: 'io.k8s.apimachinery.pkg.api.resource.Quantity', module: 'api/resource', name: 'Quantity' },
  { typeName: 'io.k8s.apimachinery.pkg.apis.meta.v1.Time', module: 'meta/v1', name: 'Time' },
  { typeName: 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime', module: 'meta/v1', name: 'MicroTime' },
  { typeName: 'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1', module: 'meta/v1', name: 'FieldsV1' },
  { typeName: 'io.k8s.apimachinery.pkg.runtime.RawExtension', module: 'runtime', name: 'RawExtension' },
];
for (const s of SCALARS) {
  const sf = sourceOf(s.module);
  const decl = sf?.statements.find((st) => (ts.isTypeAliasDeclaration(st) || ts.isInterfaceDeclaration(st)) && st.name.text === s.name);
  if (sf && decl) out[s.typeName] = { d: docOf(decl, sf), f: {} };
}
// kubernetes-types inlines IntOrString as `number | string`, so its description is not in the .d.ts files.
out['io.k8s.apimachinery.pkg.util.intstr.IntOrString'] = {
  d: 'IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.',
  f: {},
};

const text = `${JSON.stringify({ source: 'kubernetes-types 1.30.0 doc comments, "More info" links removed', types: out })}\n`;
writeFileSync(OUT, text);
console.log(`wrote ${OUT}: ${Object.keys(out).length} types (${missing} without a declaration), ${(text.length / 1024).toFixed(1)} KiB`);
