/**
 * Field errors, worded as apimachinery/pkg/util/validation/field/errors.go words them, and converted to
 * StatusCauses for an Invalid ApiStatus.
 */
import type { StatusCause } from './status';

/** One validation failure at a field path. */
export interface FieldError {
  type: 'Required' | 'Invalid' | 'NotSupported' | 'Duplicate' | 'Forbidden' | 'TooLong' | 'TypeInvalid' | 'TooMany';
  field: string;
  /** The offending value (Invalid, NotSupported, Duplicate, TypeInvalid). */
  value?: unknown;
  hasValue?: boolean;
  detail?: string;
  /** Allowed values (NotSupported). */
  supported?: string[];
}

export const required = (field: string, detail = ''): FieldError => ({ type: 'Required', field, detail });
export const invalidValue = (field: string, value: unknown, detail: string): FieldError => ({ type: 'Invalid', field, value, hasValue: true, detail });
export const notSupported = (field: string, value: unknown, supported: string[]): FieldError => ({ type: 'NotSupported', field, value, hasValue: true, supported });
export const duplicate = (field: string, value: unknown): FieldError => ({ type: 'Duplicate', field, value, hasValue: true });
export const forbiddenField = (field: string, detail: string): FieldError => ({ type: 'Forbidden', field, detail });
export const typeInvalid = (field: string, value: unknown, detail: string): FieldError => ({ type: 'TypeInvalid', field, value, hasValue: true, detail });

const TYPE_NAMES: Record<FieldError['type'], string> = {
  Required: 'Required value',
  Invalid: 'Invalid value',
  NotSupported: 'Unsupported value',
  Duplicate: 'Duplicate value',
  Forbidden: 'Forbidden',
  TooLong: 'Too long',
  TypeInvalid: 'Invalid value',
  TooMany: 'Too many',
};

const CAUSE_TYPES: Record<FieldError['type'], string> = {
  Required: 'FieldValueRequired',
  Invalid: 'FieldValueInvalid',
  NotSupported: 'FieldValueNotSupported',
  Duplicate: 'FieldValueDuplicate',
  Forbidden: 'FieldValueForbidden',
  TooLong: 'FieldValueTooLong',
  TypeInvalid: 'FieldValueTypeInvalid',
  TooMany: 'FieldValueTooMany',
};

/** Renders a value the way Go's %#v does for the common cases (strings quoted, maps as map[string]string{...}). */
export function goValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x === 'string')) return `[]string{${v.map((x) => JSON.stringify(x)).join(', ')}}`;
    return `[]interface {}{${v.map(goValue).join(', ')}}`;
  }
  const obj = v as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  if (keys.every((k) => typeof obj[k] === 'string')) {
    return `map[string]string{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(obj[k])}`).join(', ')}}`;
  }
  return `map[string]interface {}{${keys.map((k) => `${JSON.stringify(k)}:${goValue(obj[k])}`).join(', ')}}`;
}

/** The error body, as field.Error.ErrorBody() (without the field path). */
export function errorBody(e: FieldError): string {
  let s = TYPE_NAMES[e.type];
  if (e.type === 'Required' || e.type === 'Forbidden' || e.type === 'TooLong' || e.type === 'TooMany') {
    // No value is printed for these.
  } else if (e.hasValue) {
    s += `: ${goValue(e.value)}`;
  }
  if (e.type === 'NotSupported' && e.supported && e.supported.length > 0) {
    s += `: supported values: ${e.supported.map((x) => JSON.stringify(x)).join(', ')}`;
  } else if (e.detail) {
    s += `: ${e.detail}`;
  }
  return s;
}

/** Converts field errors to the causes of an Invalid status. */
export function toCauses(errs: readonly FieldError[]): StatusCause[] {
  return errs.map((e) => ({ type: CAUSE_TYPES[e.type], message: errorBody(e), field: e.field }));
}
