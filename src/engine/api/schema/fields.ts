/**
 * The compact field model of the served kinds (generated into k8s-fields.json by scripts/gen-schema.ts). It
 * answers "is `spec.replica` a field of a Deployment", "what Go type does `replicas` decode into" and "how does a
 * strategic merge patch merge `containers`" without shipping OpenAPI documents.
 */
import rawSchema from './k8s-fields.json';

/** The JSON shape of a field's value. `map` is an object with free keys, all values of `items`. */
export type FieldType =
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'object'
  | 'array'
  | 'map'
  | 'quantity'
  | 'intOrString'
  | 'any';

/** One field (or array/map element) of a type. */
export interface FieldSpec {
  type: FieldType;
  /** For `object`: the OpenAPI name of the struct (`io.k8s.api.apps.v1.DeploymentSpec`). */
  ref?: string;
  /** For `array` and `map`: the element. */
  items?: FieldSpec;
  /** Go type when the default mapping does not give it (`int64`, `v1.RestartPolicy`, `v1.ResourceList`). */
  go?: string;
  /** Strategic-merge-patch strategy (`merge`, `replace`, `retainKeys`, `merge,retainKeys`). */
  strategy?: string;
  /** Strategic-merge-patch merge key of a list of objects (`name`, `containerPort`). */
  mergeKey?: string;
}

/** A struct: its JSON fields and the ones the OpenAPI document marks required. */
export interface TypeSpec {
  fields: Record<string, FieldSpec>;
  required?: string[];
}

/** The whole model: served `apiVersion/kind` → root type, and every reachable type. */
export interface FieldSchema {
  source: string;
  kinds: Record<string, string>;
  types: Record<string, TypeSpec>;
}

/** The generated model of every kind in RESOURCE_TYPES (v1.34 field set). */
export const K8S_FIELDS: FieldSchema = rawSchema as FieldSchema;

/** Root type name of a served kind (`apps/v1`, `Deployment` → `io.k8s.api.apps.v1.Deployment`). */
export function rootTypeName(apiVersion: string, kind: string, schema: FieldSchema = K8S_FIELDS): string | undefined {
  return schema.kinds[`${apiVersion}/${kind}`];
}

/** The Go struct name upstream's JSON errors print (`io.k8s.api.apps.v1.DeploymentSpec` → `DeploymentSpec`). */
export function goStructName(typeName: string): string {
  return typeName.slice(typeName.lastIndexOf('.') + 1);
}

/** Go package of a type name (`io.k8s.api.apps.v1.DeploymentSpec` → `v1`, `...api.resource.Quantity` → `resource`). */
function goPackageOf(typeName: string): string {
  const parts = typeName.split('.');
  return parts[parts.length - 2] ?? '';
}

/**
 * The Go type a field decodes into, as reflect prints it in `json: cannot unmarshal ... of type <T>`
 * (`int32`, `[]v1.Container`, `map[string]string`, `v1.PodTemplateSpec`).
 */
export function goTypeName(spec: FieldSpec): string {
  if (spec.go) return spec.go;
  switch (spec.type) {
    case 'string':
      return 'string';
    case 'integer':
      return 'int32';
    case 'number':
      return 'float64';
    case 'boolean':
      return 'bool';
    case 'quantity':
      return 'resource.Quantity';
    case 'intOrString':
      return 'intstr.IntOrString';
    case 'any':
      return 'interface {}';
    case 'object':
      return spec.ref ? `${goPackageOf(spec.ref)}.${goStructName(spec.ref)}` : 'map[string]interface {}';
    case 'array':
      return `[]${spec.items ? goTypeName(spec.items) : 'interface {}'}`;
    case 'map':
      return `map[string]${spec.items ? goTypeName(spec.items) : 'interface {}'}`;
  }
}

/** Element Go type of a slice or map Go type (`[]v1.Container` → `v1.Container`, `v1.ResourceList` → `resource.Quantity`). */
export function goElementTypeName(goType: string): string {
  if (goType === 'v1.ResourceList') return 'resource.Quantity';
  if (goType.startsWith('[]')) return goType.slice(2);
  if (goType.startsWith('map[')) {
    let depth = 0;
    for (let i = 3; i < goType.length; i++) {
      if (goType[i] === '[') depth++;
      else if (goType[i] === ']' && --depth === 0) return goType.slice(i + 1);
    }
  }
  return goType;
}

/** Looks up a field of a type; undefined for unknown types or fields. */
export function fieldOf(typeName: string, field: string, schema: FieldSchema = K8S_FIELDS): FieldSpec | undefined {
  const t = schema.types[typeName];
  return t && Object.prototype.hasOwnProperty.call(t.fields, field) ? t.fields[field] : undefined;
}
