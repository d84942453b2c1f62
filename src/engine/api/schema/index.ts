/**
 * The compact field model of the served kinds and what is derived from it (Go type names, JSON Schema).
 */
export { K8S_FIELDS, rootTypeName, goStructName, goTypeName, goElementTypeName, fieldOf } from './fields';
export type { FieldSchema, FieldSpec, FieldType, TypeSpec } from './fields';
export { toJsonSchema } from './json-schema';
export type { JsonSchema, JsonSchemaOptions } from './json-schema';
