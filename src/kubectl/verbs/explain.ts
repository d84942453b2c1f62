/**
 * `kubectl explain TYPE[.FIELD...]`: the documentation of a kind or of one of its fields, laid out as kubectl
 * v1.34's OpenAPI v3 plaintext template prints it (GROUP/KIND/VERSION, FIELD, DESCRIPTION, FIELDS, `--recursive`).
 * Field names, types and required marks come from the engine's field model; descriptions from explain-docs.json
 * (generated from kubernetes-types by scripts/gen-explain.ts).
 * Models staging/src/k8s.io/kubectl/pkg/cmd/explain/explain.go, staging/src/k8s.io/kubectl/pkg/explain/explain.go
 * (SplitAndParseResourceRequestWithMatchingPrefix) and staging/src/k8s.io/kubectl/pkg/explain/v2/templates/
 * plaintext.tmpl.
 */
// Divergence: descriptions are kubernetes-types 1.30's without "More info" links, and enum lists are not shown
// (the field model carries no enums).
import { K8S_FIELDS, RESOURCE_TYPES, apiVersionOf, fieldOf, rootTypeName, type FieldSpec, type ResourceType } from '../../engine';
import type { Command } from '../command';
import { flag, type ParsedArgs } from '../cli/flags';
import type { CommandContext } from '../context';
import { clientError, KubectlError } from '../errors';
import { lookupType } from '../resource-args';
import docsJson from './explain-docs.json';

interface TypeDocs {
  d: string;
  f: Record<string, string>;
}

const DOCS = (docsJson as { types: Record<string, TypeDocs> }).types;

/** Wraps text at `limit` columns on white space, as github.com/mitchellh/go-wordwrap WrapString (v1.0.1) does. */
// Models go-wordwrap WrapString: spaces before a break are dropped, long words are never split.
export function wrapString(s: string, limit: number): string {
  let buf = '';
  let current = 0;
  let word = '';
  let space = '';
  const len = (t: string) => [...t].length;
  for (const ch of s) {
    if (ch === '\n') {
      if (word === '') {
        if (current + len(space) > limit) current = 0;
        else buf += space;
        space = '';
      } else {
        buf += space + word;
        space = '';
        word = '';
      }
      buf += ch;
      current = 0;
    } else if (/\s/.test(ch) && ch !== '\u00a0') {
      if (space === '' || word !== '') {
        current += len(space) + len(word);
        buf += space + word;
        space = '';
        word = '';
      }
      space += ch;
    } else {
      word += ch;
      if (current + len(space) + len(word) > limit && len(word) < limit) {
        buf += '\n';
        current = 0;
        space = '';
      }
    }
  }
  if (word === '') {
    if (current + len(space) <= limit) buf += space;
  } else {
    buf += space + word;
  }
  return buf;
}

/** The template's `indent`: every line (also the one after a trailing newline) gets `n` spaces. */
function indent(n: number, s: string): string {
  const pad = ' '.repeat(n);
  return pad + s.replace(/\n/g, `\n${pad}`);
}

/** The OpenAPI type name a field refers to, for the descriptions explain appends (Quantity, Time, a struct). */
function refOf(spec: FieldSpec): string | undefined {
  switch (spec.type) {
    case 'object':
      return spec.ref;
    case 'quantity':
      return 'io.k8s.apimachinery.pkg.api.resource.Quantity';
    case 'intOrString':
      return 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
    case 'string':
      if (spec.go === 'v1.Time' || spec.go === 'v1.MicroTime') return `io.k8s.apimachinery.pkg.apis.meta.${spec.go}`;
      return undefined;
    case 'any':
      if (spec.go === 'runtime.RawExtension') return 'io.k8s.apimachinery.pkg.runtime.RawExtension';
      if (spec.go === 'v1.FieldsV1') return 'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1';
      return undefined;
    default:
      return undefined;
  }
}

/** The type hint explain shows (`string`, `[]Container`, `map[string]string`, `ObjectMeta`, `Quantity`). */
// Models plaintext.tmpl "typeGuess" over the v1.34 OpenAPI v3 document.
export function typeGuess(spec: FieldSpec): string {
  switch (spec.type) {
    case 'array':
      return `[]${spec.items ? typeGuess(spec.items) : 'Object'}`;
    case 'map':
      return `map[string]${spec.items ? typeGuess(spec.items) : 'Object'}`;
    case 'object':
      return spec.ref ? spec.ref.slice(spec.ref.lastIndexOf('.') + 1) : 'Object';
    case 'quantity':
      return 'Quantity';
    case 'intOrString':
      return 'IntOrString';
    case 'any': {
      const ref = refOf(spec);
      return ref ? ref.slice(ref.lastIndexOf('.') + 1) : 'Object';
    }
    default:
      return spec.type;
  }
}

/** A schema node: a kind's root type, or one field (with the docs of the type it belongs to). */
type Node = { kind: 'type'; typeName: string } | { kind: 'field'; spec: FieldSpec; description: string };

/** The description block of a node: its own text, then the texts of the types it refers to (items, values). */
// Models plaintext.tmpl "description".
function descriptionOf(node: Node): string {
  if (node.kind === 'type') return DOCS[node.typeName]?.d ? `${DOCS[node.typeName]!.d}\n` : '';
  let out = node.description ? `${node.description}\n` : '';
  let spec: FieldSpec | undefined = node.spec;
  while (spec) {
    const ref = refOf(spec);
    if (ref) {
      if (DOCS[ref]?.d) out += `${DOCS[ref]!.d}\n`;
      break;
    }
    spec = spec.type === 'array' || spec.type === 'map' ? spec.items : undefined;
  }
  return out;
}

/** The struct type whose fields a node lists (through lists and maps), if any. */
function structOf(node: Node): string | undefined {
  if (node.kind === 'type') return node.typeName;
  let spec: FieldSpec | undefined = node.spec;
  while (spec) {
    if (spec.type === 'object') return spec.ref && K8S_FIELDS.types[spec.ref] ? spec.ref : undefined;
    spec = spec.type === 'array' || spec.type === 'map' ? spec.items : undefined;
  }
  return undefined;
}

/** The FIELDS block: every field of a struct, sorted, one paragraph each or (recursive) one line each, nested. */
// Models plaintext.tmpl "fieldList" and "fieldDetail".
function fieldList(typeName: string, level: number, recursive: boolean, history: ReadonlySet<string>): string {
  const t = K8S_FIELDS.types[typeName];
  if (!t) return '';
  const docs = DOCS[typeName]?.f ?? {};
  let out = '';
  for (const name of Object.keys(t.fields).sort()) {
    const spec = t.fields[name]!;
    const pad = level * 2;
    out += `${indent(pad, name)}\t<${typeGuess(spec)}>${(t.required ?? []).includes(name) ? ' -required-' : ''}\n`;
    if (!recursive) {
      out += `${indent(pad + 2, wrapString(docs[name] || '<no description>', 78 - pad))}\n\n`;
      continue;
    }
    const child = structOf({ kind: 'field', spec, description: '' });
    if (child && !history.has(child)) out += fieldList(child, level + 1, recursive, new Set([...history, child]));
  }
  return out;
}

/** Walks `path` from a kind's root type; undefined when a field does not exist. */
function walk(root: string, path: string[]): { node: Node; name: string } | undefined {
  let typeName: string | undefined = root;
  let found: { node: Node; name: string } | undefined;
  for (const name of path) {
    if (!typeName) return undefined;
    const spec = fieldOf(typeName, name);
    if (!spec) return undefined;
    found = { node: { kind: 'field', spec, description: DOCS[typeName]?.f[name] ?? '' }, name };
    typeName = structOf(found.node);
  }
  return found;
}

/** Renders the explain text of a kind (`root` type) and field path. Throws the template's errors. */
export function renderExplain(type: ResourceType, apiVersion: string, path: string[], recursive: boolean): string {
  const root = rootTypeName(apiVersion, type.kind);
  if (!root) throw clientError(`couldn't find resource for "${apiVersion}, Resource=${type.resource}"`);
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  let out = `${group ? `GROUP:      ${group}\n` : ''}KIND:       ${type.kind}\nVERSION:    ${version}\n\n`;
  let node: Node = { kind: 'type', typeName: root };
  if (path.length > 0) {
    const found = walk(root, path);
    if (!found) throw clientError(`field ${JSON.stringify(path[path.length - 1])} does not exist`);
    node = found.node;
    if (node.kind === 'field') out += `FIELD: ${found.name} <${typeGuess(node.spec)}>\n\n\n`;
  }
  out += `DESCRIPTION:\n${indent(4, wrapString(descriptionOf(node) || '<empty>', 76))}\n`;
  const struct = structOf(node);
  const fields = struct ? fieldList(struct, 1, recursive, new Set([struct])) : '';
  if (fields) out += `FIELDS:\n${fields}`;
  return `${out}\n`;
}

/** Splits `deployments.apps.spec.replicas` into the resource and the field path, as kubectl resolves them. */
// Models explain.SplitAndParseResourceRequestWithMatchingPrefix.
export function splitResourceRequest(arg: string): { type: ResourceType; path: string[] } {
  const parts = arg.split('.');
  const type = lookupType(parts[0]!);
  // A `resource.group` prefix names the group explicitly; the rest is the field path.
  for (const t of RESOURCE_TYPES.filter((r) => r.kind === type.kind || r.resource === type.resource)) {
    const groupResource = t.group ? `${t.resource}.${t.group}` : t.resource;
    if (arg === groupResource || arg.startsWith(`${groupResource}.`)) {
      return { type: t, path: arg.slice(groupResource.length).split('.').filter((p) => p !== '') };
    }
  }
  return { type, path: parts.slice(1).filter((p) => p !== '') };
}

export const explainCommand: Command = {
  name: 'explain',
  short: 'Get documentation for a resource',
  usage: 'kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]',
  flags: [
    { name: 'recursive', type: 'bool' },
    { name: 'api-version', type: 'string', default: '' },
    { name: 'output', short: 'o', type: 'string', default: 'plaintext' },
  ],
  run: runExplain,
};

function runExplain(ctx: CommandContext, args: ParsedArgs): number {
  if (args.positional.length === 0) {
    throw new KubectlError('error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.');
  }
  if (args.positional.length > 1) throw new KubectlError('error: We accept only this format: explain RESOURCE');
  const output = flag.str(args, 'output');
  // Divergence: plaintext-openapiv2 (the pre-1.27 layout) is rendered with the v3 template too.
  if (output !== 'plaintext' && output !== 'plaintext-openapiv2') throw clientError(`unrecognized format: ${output}`);
  const { type, path } = splitResourceRequest(args.positional[0]!);
  const apiVersion = flag.str(args, 'api-version') || apiVersionOf(type);
  ctx.out.out(renderExplain(type, apiVersion, path, flag.bool(args, 'recursive')));
  return 0;
}
