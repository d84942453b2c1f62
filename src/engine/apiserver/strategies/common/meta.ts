/**
 * Object metadata and label-selector validation shared by every kind.
 * Models staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go (ValidateObjectMeta, ValidateAnnotations)
 * and staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go (ValidateLabels,
 * ValidateLabelSelector).
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../../api/types';
import { labelKeyError, labelValueError } from '../../../api/labels';
import { dns1035LabelErrors, dns1123LabelErrors, dns1123SubdomainErrors } from '../../../api/names';
import { type FieldError, forbiddenField, invalidValue, required } from '../../field-errors';

/** Returns the messages for an invalid object name (empty when valid). */
export type NameValidator = (name: string) => string[];

/** NameIsDNSSubdomain: most kinds. */
export const nameIsDNSSubdomain: NameValidator = dns1123SubdomainErrors;
/** NameIsDNSLabel: Namespaces, StatefulSets. */
export const nameIsDNSLabel: NameValidator = dns1123LabelErrors;
/** NameIsDNS1035Label: Services. */
export const nameIsDNS1035Label: NameValidator = dns1035LabelErrors;

/** TotalAnnotationSizeLimitB. */
const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/** ValidateLabelName: a qualified name. */
export function validateLabelName(key: string, field: string): FieldError[] {
  const msg = labelKeyError(key);
  return msg ? [invalidValue(field, key, msg)] : [];
}

/** ValidateLabels: every key a qualified name, every value a label value; keys in sorted order. */
export function validateLabels(labels: Record<string, string> | undefined | null, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const k of Object.keys(labels ?? {}).sort()) {
    errs.push(...validateLabelName(k, field));
    const v = String(labels![k] ?? '');
    const msg = labelValueError(v);
    if (msg) errs.push(invalidValue(field, v, msg));
  }
  return errs;
}

/** ValidateAnnotations: keys are qualified names (compared lower-cased), total size at most 256 KiB. */
export function validateAnnotations(annotations: Record<string, string> | undefined | null, field: string): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  for (const k of Object.keys(annotations ?? {}).sort()) {
    const msg = labelKeyError(k.toLowerCase());
    if (msg) errs.push(invalidValue(field, k, msg));
    total += k.length + String(annotations![k] ?? '').length;
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) {
    errs.push({ type: 'TooLong', field, detail: `may not be more than ${TOTAL_ANNOTATION_SIZE_LIMIT} bytes` });
  }
  return errs;
}

/** ValidateObjectMeta: the kind's name rule (DNS-1123 subdomain unless given), labels and annotations. */
export function validateObjectMeta(obj: KubeObject, nameFn: NameValidator = nameIsDNSSubdomain): FieldError[] {
  const meta = obj.metadata;
  const errs: FieldError[] = [];
  if (meta.name) {
    for (const msg of nameFn(meta.name)) errs.push(invalidValue('metadata.name', meta.name, msg));
  }
  errs.push(...validateLabels(meta.labels, 'metadata.labels'));
  errs.push(...validateAnnotations(meta.annotations, 'metadata.annotations'));
  return errs;
}

/** LabelSelectorValidationOptions. */
export interface SelectorOptions {
  allowInvalidLabelValue?: boolean;
}

/** ValidateLabelSelector. */
export function validateLabelSelector(sel: LabelSelector | undefined | null, field: string, opts: SelectorOptions = {}): FieldError[] {
  if (!sel) return [];
  const errs = validateLabels(sel.matchLabels as Record<string, string> | undefined, `${field}.matchLabels`);
  (sel.matchExpressions ?? []).forEach((expr, i) => {
    const p = `${field}.matchExpressions[${i}]`;
    const values = expr.values ?? [];
    switch (expr.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) errs.push(required(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) errs.push(forbiddenField(`${p}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        break;
      default:
        errs.push(invalidValue(`${p}.operator`, expr.operator ?? '', 'not a valid selector operator'));
    }
    errs.push(...validateLabelName(expr.key ?? '', `${p}.key`));
    if (!opts.allowInvalidLabelValue) {
      values.forEach((v, j) => {
        const msg = labelValueError(v);
        if (msg) errs.push(invalidValue(`${p}.values[${j}]`, v, msg));
      });
    }
  });
  return errs;
}

/** What LabelSelectorAsSelector yields: nil selects nothing, empty selects everything, or an error. */
export type AsSelector =
  | { ok: true; empty: boolean; matches: (labels: Record<string, string> | undefined) => boolean }
  | { ok: false };

/** Models metav1.LabelSelectorAsSelector: nil -> Nothing (not empty, matches nothing), {} -> Everything. */
export function labelSelectorAsSelector(sel: LabelSelector | undefined | null): AsSelector {
  if (!sel) return { ok: true, empty: false, matches: () => false };
  const ml = (sel.matchLabels ?? {}) as Record<string, string>;
  const exprs = sel.matchExpressions ?? [];
  for (const e of exprs) {
    if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(e.operator)) return { ok: false };
    if ((e.operator === 'In' || e.operator === 'NotIn') && (e.values ?? []).length === 0) return { ok: false };
  }
  const empty = Object.keys(ml).length === 0 && exprs.length === 0;
  const matches = (labels: Record<string, string> | undefined): boolean => {
    const l = labels ?? {};
    const has = (k: string) => Object.prototype.hasOwnProperty.call(l, k);
    for (const k of Object.keys(ml)) if (!has(k) || l[k] !== ml[k]) return false;
    for (const e of exprs) {
      const vals = e.values ?? [];
      switch (e.operator) {
        case 'In':
          if (!has(e.key) || !vals.includes(l[e.key]!)) return false;
          break;
        case 'NotIn':
          if (has(e.key) && vals.includes(l[e.key]!)) return false;
          break;
        case 'Exists':
          if (!has(e.key)) return false;
          break;
        case 'DoesNotExist':
          if (has(e.key)) return false;
          break;
      }
    }
    return true;
  };
  return { ok: true, empty, matches };
}
