/**
 * Field-error helpers the strategies share: the upstream constant messages, Go-rendered values, immutability and
 * the de-duplication that field.ErrorList.ToAggregate performs.
 * Models staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go and pkg/api/validation helpers.
 */
import { type FieldError, errorBody, invalidValue } from '../../field-errors';
import { semanticEqual } from './equality';

/** apimachinery IsNegativeErrorMsg. */
export const IS_NEGATIVE = 'must be greater than or equal to 0';
/** apimachinery FieldImmutableErrorMsg. */
export const IMMUTABLE = 'field is immutable';

/**
 * An Invalid error whose value is already rendered the way Go's %#v prints it (structs such as
 * `intstr.IntOrString{Type:0, IntVal:0, StrVal:""}`), which FieldError's own renderer cannot express.
 */
export function invalidRendered(field: string, rendered: string, detail: string): FieldError {
  return { type: 'Invalid', field, hasValue: false, detail: detail ? `${rendered}: ${detail}` : rendered };
}

/** A Duplicate error whose value is a rendered Go struct. */
export function duplicateRendered(field: string, rendered: string): FieldError {
  // errorBody prints `Duplicate value` then `: detail`, which is exactly `Duplicate value: <rendered>`.
  return { type: 'Duplicate', field, hasValue: false, detail: rendered };
}

/**
 * field.NotFound (`Not found: "x"`).
 * Divergence: FieldError has no NotFound type yet, so the nearest one (Invalid) is used with the upstream wording
 * as its detail: `Invalid value: "data": not found`.
 */
export function notFoundValue(field: string, value: string): FieldError {
  return invalidValue(field, value, 'not found');
}

/** ValidateNonnegativeField. */
export function nonNegative(value: unknown, field: string): FieldError[] {
  return typeof value === 'number' && value < 0 ? [invalidValue(field, value, IS_NEGATIVE)] : [];
}

/** ValidateImmutableField with a plain value (strings, numbers, string maps and lists render through goValue). */
export function immutableField(newVal: unknown, oldVal: unknown, field: string): FieldError[] {
  if (semanticEqual(newVal, oldVal)) return [];
  return [invalidValue(field, newVal ?? null, IMMUTABLE)];
}

/** ValidateImmutableField where the new value is rendered by `render` (Go structs). */
export function immutableRendered(newVal: unknown, oldVal: unknown, field: string, render: (v: unknown) => string): FieldError[] {
  if (semanticEqual(newVal, oldVal)) return [];
  return [invalidRendered(field, render(newVal), IMMUTABLE)];
}

/** Drops errors whose rendered text repeats an earlier one, as ErrorList.ToAggregate does. */
export function dedupe(errs: readonly FieldError[]): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of errs) {
    const key = `${e.field}: ${errorBody(e)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}

/** Appends `[key]` to a path, as field.Path.Key does. */
export function keyPath(path: string, key: string): string {
  return `${path}[${key}]`;
}
