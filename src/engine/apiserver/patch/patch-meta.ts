/**
 * Strategic-merge-patch metadata of the served kinds, read from the field model: for a field, how lists merge
 * (`patchStrategy`: merge, replace, retainKeys) and by which key (`patchMergeKey`: name, containerPort, ...).
 * Models k8s.io/apimachinery/pkg/util/strategicpatch meta.go (PatchMetaFromStruct) over the Go struct tags.
 */
import { K8S_FIELDS, rootTypeName, type FieldSchema, type FieldSpec } from '../../api/schema/fields';
import { typeForKind, apiVersionOf } from '../../api/registry';

/** Where in the schema a value sits: a struct, a map of values, a list element, or unknown ground. */
export type PatchSchema =
  | { kind: 'struct'; typeName: string; schema: FieldSchema }
  | { kind: 'map'; items?: FieldSpec; schema: FieldSchema }
  | { kind: 'leaf' }
  | { kind: 'unknown' };

/** Patch strategy and merge key of one field. */
export interface PatchMeta {
  /** `merge`, `replace` or '' (the strategy besides retainKeys). */
  strategy: string;
  retainKeys: boolean;
  mergeKey: string;
}

const NO_META: PatchMeta = { strategy: '', retainKeys: false, mergeKey: '' };
const UNKNOWN: PatchSchema = { kind: 'unknown' };

function schemaOfSpec(spec: FieldSpec | undefined, schema: FieldSchema): PatchSchema {
  if (!spec) return UNKNOWN;
  if (spec.type === 'object' && spec.ref) return { kind: 'struct', typeName: spec.ref, schema };
  if (spec.type === 'map') return { kind: 'map', items: spec.items, schema };
  if (spec.type === 'array') return schemaOfSpec(spec.items, schema);
  if (spec.type === 'any') return UNKNOWN;
  return { kind: 'leaf' };
}

function metaOf(spec: FieldSpec): PatchMeta {
  const strategies = (spec.strategy ?? '').split(',').filter((s) => s !== '');
  const retainKeys = strategies.includes('retainKeys');
  const strategy = strategies.find((s) => s !== 'retainKeys') ?? '';
  return { strategy, retainKeys, mergeKey: spec.mergeKey ?? '' };
}

function fieldSpec(s: PatchSchema, key: string): FieldSpec | undefined {
  if (s.kind === 'struct') {
    const type = s.schema.types[s.typeName];
    return type && Object.prototype.hasOwnProperty.call(type.fields, key) ? type.fields[key] : undefined;
  }
  if (s.kind === 'map') return s.items;
  return undefined;
}

/** The schema below a field holding an object, and the field's patch metadata. */
export function lookupStruct(s: PatchSchema, key: string): { sub: PatchSchema; meta: PatchMeta } {
  const spec = fieldSpec(s, key);
  // Divergence: upstream fails on fields its struct does not have ("unable to find api field"); here they merge
  // as plain JSON and the apiserver's strict decoding reports them instead.
  if (!spec) return { sub: UNKNOWN, meta: NO_META };
  const schema = s.kind === 'struct' || s.kind === 'map' ? s.schema : K8S_FIELDS;
  return { sub: schemaOfSpec(spec, schema), meta: metaOf(spec) };
}

/** The schema of the elements of a field holding a list, and the field's patch metadata. */
export function lookupSlice(s: PatchSchema, key: string): { sub: PatchSchema; meta: PatchMeta } {
  const spec = fieldSpec(s, key);
  if (!spec) return { sub: UNKNOWN, meta: NO_META };
  const schema = s.kind === 'struct' || s.kind === 'map' ? s.schema : K8S_FIELDS;
  return { sub: spec.type === 'array' ? schemaOfSpec(spec.items, schema) : schemaOfSpec(spec, schema), meta: metaOf(spec) };
}

/**
 * The patch schema of a kind (`Deployment`, or `apps/v1` + `Deployment`). Unknown kinds get an untyped schema
 * (every list replaced), which is what a JSON merge patch would do.
 */
export function patchSchemaForKind(kind: string, apiVersion?: string, schema: FieldSchema = K8S_FIELDS): PatchSchema {
  const version = apiVersion ?? (typeForKind(kind) ? apiVersionOf(typeForKind(kind)!) : undefined);
  const typeName = version ? rootTypeName(version, kind, schema) : undefined;
  return typeName ? { kind: 'struct', typeName, schema } : UNKNOWN;
}
