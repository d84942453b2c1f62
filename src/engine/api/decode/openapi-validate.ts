/**
 * kubectl's client-side schema validation, which v1.34 still runs for `kind: List` documents (the server cannot
 * validate a List, so kubectl checks each item against the OpenAPI schema itself):
 * `ValidationError(Deployment.spec): unknown field "replica" in io.k8s.api.apps.v1.DeploymentSpec`.
 * String fields accept any scalar here (the OpenAPI model is that loose); the server checks types later.
 * Models k8s.io/kube-openapi/pkg/util/proto/validation (types.go, errors.go) and
 * k8s.io/kubectl/pkg/validation schemaValidation.validateList.
 */
import { K8S_FIELDS, type FieldSchema, type FieldSpec } from '../schema/fields';
import { compareGoStrings, goQuote } from './go-json';

/** The proto kind of a JSON value (`map`, `array`, `string`, `integer`, `number`, `boolean`). */
function protoKind(v: unknown): string {
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  if (typeof v === 'string') return 'string';
  if (Array.isArray(v)) return 'array';
  return 'map';
}

/** The OpenAPI primitive type a field spec stands for (quantities, int-or-strings and times are strings). */
function primitiveType(spec: FieldSpec): string | undefined {
  switch (spec.type) {
    case 'string':
    case 'quantity':
    case 'intOrString':
      return 'string';
    case 'integer':
      return 'integer';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return undefined;
  }
}

class Validator {
  readonly errors: string[] = [];

  constructor(private readonly schema: FieldSchema) {}

  private validationError(path: string, err: string): void {
    this.errors.push(`ValidationError(${path}): ${err}`);
  }

  /** Visits value `v` at item path `path` against the schema of `spec`, whose OpenAPI path is `schemaPath`. */
  visit(v: unknown, path: string, spec: FieldSpec, schemaPath: string): void {
    if (spec.type === 'any') return;
    const kind = protoKind(v);
    if (spec.type === 'object' && spec.ref) {
      if (kind !== 'map') {
        this.validationError(path, `invalid type for ${spec.ref}: got "${kind}", expected "map"`);
        return;
      }
      this.kind(v as Record<string, unknown>, path, spec.ref);
      return;
    }
    if (spec.type === 'array') {
      if (kind !== 'array') {
        this.validationError(path, `invalid type for ${schemaPath}: got "${kind}", expected "array"`);
        return;
      }
      (v as unknown[]).forEach((item, i) => {
        const itemPath = `${path}[${i}]`;
        if (item === null || item === undefined) {
          this.validationError(itemPath, `unknown object type "nil" in ${itemPath}`);
          return;
        }
        if (spec.items) this.visit(item, itemPath, spec.items, schemaPath);
      });
      return;
    }
    if (spec.type === 'map') {
      if (kind !== 'map') {
        this.validationError(path, `invalid type for ${schemaPath}: got "${kind}", expected "map"`);
        return;
      }
      const obj = v as Record<string, unknown>;
      for (const key of Object.keys(obj).sort(compareGoStrings)) {
        const childPath = `${path}.${key}`;
        if (obj[key] === null || obj[key] === undefined) {
          this.errors.push(`unknown object type "nil" in ${childPath}`);
          continue;
        }
        if (spec.items) this.visit(obj[key], childPath, spec.items, schemaPath);
      }
      return;
    }
    const expected = primitiveType(spec)!;
    // Quantities, int-or-strings and times are references to their own definitions.
    if (spec.type === 'quantity') schemaPath = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
    else if (spec.type === 'intOrString') schemaPath = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
    else if (spec.go === 'v1.Time' || spec.go === 'v1.MicroTime') schemaPath = `io.k8s.apimachinery.pkg.apis.meta.${spec.go}`;
    if (kind === 'map' || kind === 'array') {
      this.validationError(path, `invalid type for ${schemaPath}: got "${kind}", expected "${expected}"`);
      return;
    }
    const ok =
      expected === 'string' ||
      (expected === 'boolean' && kind === 'boolean') ||
      ((expected === 'integer' || expected === 'number') && (kind === 'integer' || kind === 'number'));
    if (!ok) this.validationError(path, `invalid type for ${schemaPath}: got "${kind}", expected "${expected}"`);
  }

  /** Visits an object against a struct type (a proto Kind). */
  kind(obj: Record<string, unknown>, path: string, typeName: string): void {
    const type = this.schema.types[typeName];
    if (!type) return;
    for (const key of Object.keys(obj).sort(compareGoStrings)) {
      const v = obj[key];
      if (v === null || v === undefined) continue;
      const spec = Object.prototype.hasOwnProperty.call(type.fields, key) ? type.fields[key] : undefined;
      if (!spec) {
        this.validationError(path, `unknown field ${goQuote(key)} in ${typeName}`);
        continue;
      }
      this.visit(v, `${path}.${key}`, spec, `${typeName}.${key}`);
    }
    for (const required of type.required ?? []) {
      if (obj[required] === null || obj[required] === undefined) this.validationError(path, `missing required field ${goQuote(required)} in ${typeName}`);
    }
  }
}

/**
 * Validates one item of a v1 List as kubectl does (root path is the item's kind). Returns the error texts, in
 * kubectl's order; items of kinds without a schema are not checked.
 */
export function validateListItem(item: Record<string, unknown>, kind: string, typeName: string | undefined, schema: FieldSchema = K8S_FIELDS): string[] {
  if (!typeName) return [];
  const v = new Validator(schema);
  v.kind(item, kind, typeName);
  return v.errors;
}
