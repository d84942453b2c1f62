/**
 * JSON Schema (draft-07) from the compact field model, for editors (monaco-yaml validation and completion).
 * Each struct becomes a definition that rejects unknown properties, like the apiserver's strict decoding;
 * the root picks the kind's definition from `apiVersion` and `kind`.
 */
import type { FieldSchema, FieldSpec } from './fields';

/** A JSON Schema document (draft-07), loosely typed. */
export type JsonSchema = { [key: string]: unknown };

/** Options of toJsonSchema. */
export interface JsonSchemaOptions {
  /** Accept `null` for every field, as the apiserver does (`creationTimestamp: null`). Default true. */
  allowNull?: boolean;
  /** Only this root type (`io.k8s.api.apps.v1.Deployment`) instead of every served kind. */
  root?: string;
}

function withNull(schema: JsonSchema, allowNull: boolean): JsonSchema {
  if (!allowNull) return schema;
  if (typeof schema.type === 'string') return { ...schema, type: [schema.type, 'null'] };
  return { anyOf: [schema, { type: 'null' }] };
}

function fieldSchema(spec: FieldSpec, allowNull: boolean): JsonSchema {
  switch (spec.type) {
    case 'string':
      return withNull({ type: 'string', ...(spec.go === 'v1.Time' ? { format: 'date-time' } : {}) }, allowNull);
    case 'integer':
      return withNull({ type: 'integer', format: spec.go === 'int64' ? 'int64' : 'int32' }, allowNull);
    case 'number':
      return withNull({ type: 'number' }, allowNull);
    case 'boolean':
      return withNull({ type: 'boolean' }, allowNull);
    case 'quantity':
      return withNull(
        { anyOf: [{ type: 'string', pattern: '^[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+|Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$' }, { type: 'number' }] },
        allowNull,
      );
    case 'intOrString':
      return withNull({ anyOf: [{ type: 'integer' }, { type: 'string' }] }, allowNull);
    case 'any':
      return {};
    case 'object':
      return withNull(spec.ref ? { $ref: `#/definitions/${spec.ref}` } : { type: 'object' }, allowNull);
    case 'array':
      return withNull({ type: 'array', items: spec.items ? fieldSchema(spec.items, allowNull) : {} }, allowNull);
    case 'map':
      return withNull({ type: 'object', additionalProperties: spec.items ? fieldSchema(spec.items, allowNull) : {} }, allowNull);
  }
}

/** Definitions reachable from `roots` (all types when no roots are given). */
function reachable(fields: FieldSchema, roots: string[] | undefined): string[] {
  if (!roots) return Object.keys(fields.types);
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    const name = queue.pop()!;
    if (seen.has(name) || !fields.types[name]) continue;
    seen.add(name);
    for (const spec of Object.values(fields.types[name]!.fields)) {
      for (let s: FieldSpec | undefined = spec; s; s = s.items) if (s.ref) queue.push(s.ref);
    }
  }
  return [...seen];
}

/**
 * Builds a draft-07 schema from the field model. Without `root`, the document validates any served kind: it
 * requires `apiVersion` and `kind` and applies the matching kind's definition.
 */
export function toJsonSchema(fields: FieldSchema, options: JsonSchemaOptions = {}): JsonSchema {
  const allowNull = options.allowNull ?? true;
  const definitions: Record<string, JsonSchema> = {};
  for (const name of reachable(fields, options.root ? [options.root] : undefined).sort()) {
    const type = fields.types[name]!;
    const properties: Record<string, JsonSchema> = {};
    for (const [field, spec] of Object.entries(type.fields)) properties[field] = fieldSchema(spec, allowNull);
    definitions[name] = {
      type: 'object',
      properties,
      additionalProperties: false,
      ...(type.required?.length ? { required: type.required } : {}),
    };
  }
  const base = { $schema: 'http://json-schema.org/draft-07/schema#', definitions };
  if (options.root) return { ...base, $ref: `#/definitions/${options.root}` };
  const kinds = Object.entries(fields.kinds).map(([gvk, typeName]) => {
    const slash = gvk.lastIndexOf('/');
    return { apiVersion: gvk.slice(0, slash), kind: gvk.slice(slash + 1), typeName };
  });
  return {
    ...base,
    type: 'object',
    required: ['apiVersion', 'kind'],
    properties: {
      apiVersion: { type: 'string', enum: [...new Set(kinds.map((k) => k.apiVersion))].sort() },
      kind: { type: 'string', enum: [...new Set(kinds.map((k) => k.kind))].sort() },
    },
    allOf: kinds.map((k) => ({
      if: { properties: { apiVersion: { const: k.apiVersion }, kind: { const: k.kind } }, required: ['apiVersion', 'kind'] },
      then: { $ref: `#/definitions/${k.typeName}` },
    })),
  };
}
