/**
 * Checks shared by the workload kinds (Deployment, ReplicaSet, StatefulSet, DaemonSet): selectors, templates that
 * must match them, and int-or-percent rollout parameters.
 * Models pkg/apis/apps/validation/validation.go (ValidatePodTemplateSpecForReplicaSet, ValidatePositiveIntOrPercent,
 * IsNotMoreThan100Percent, getIntOrPercentValue).
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { type FieldError, forbiddenField, notSupported, required } from '../../field-errors';
import { invalidRendered, nonNegative } from './errors';
import { goIntOrString, goLabelSelector, goStringMap } from './go-format';
import { labelSelectorAsSelector, validateLabelSelector } from './meta';
import { validatePodTemplateSpec } from './pod-validation';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The message when a selector does not select its own template. */
export const SELECTOR_MISMATCH = '`selector` does not match template `labels`';

const PERCENT_RE = /^[0-9]+%$/;

/** ValidatePositiveIntOrPercent. */
export function validatePositiveIntOrPercent(v: unknown, field: string): FieldError[] {
  if (typeof v === 'string') {
    return PERCENT_RE.test(v)
      ? []
      : [invalidRendered(field, goIntOrString(v), "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")];
  }
  if (typeof v === 'number') return nonNegative(v, field);
  return [];
}

/** getIntOrPercentValue: the number of a percent string, the integer of an int, 0 otherwise. */
export function intOrPercentValue(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    if (PERCENT_RE.test(v)) return Number(v.slice(0, -1));
    return /^-?\d+$/.test(v) ? Number(v) : 0;
  }
  return 0;
}

/** IsNotMoreThan100Percent. */
export function notMoreThan100Percent(v: unknown, field: string): FieldError[] {
  if (typeof v !== 'string' || !PERCENT_RE.test(v) || Number(v.slice(0, -1)) <= 100) return [];
  return [invalidRendered(field, goIntOrString(v), 'must not be greater than 100%')];
}

/**
 * The selector block of ValidateDeploymentSpec / ValidateReplicaSetSpec / ValidateStatefulSetSpec: required,
 * valid, not empty (`empty selector is invalid for <kind>`).
 */
export function validateRequiredSelector(sel: LabelSelector | undefined | null, field: string, kindWord: string): FieldError[] {
  if (!sel) return [required(field)];
  const errs = validateLabelSelector(sel, field);
  const n = Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length;
  if (n === 0) errs.push(invalidRendered(field, goLabelSelector(sel), `empty selector is invalid for ${kindWord}`));
  return errs;
}

/** Template labels as an object (undefined when unset). */
export function templateLabels(template: unknown): Record<string, string> | undefined {
  if (!isObj(template) || !isObj(template.metadata)) return undefined;
  return template.metadata.labels as Record<string, string> | undefined;
}

/** The mismatch error when a non-empty selector does not match the template labels. */
export function selectorMatchesTemplate(sel: LabelSelector | undefined | null, template: unknown, field: string): FieldError[] {
  const s = labelSelectorAsSelector(sel);
  if (!s.ok || s.empty) return [];
  const labels = templateLabels(template);
  return s.matches(labels) ? [] : [invalidRendered(field, goStringMap(labels), SELECTOR_MISMATCH)];
}

/** Kind names as they appear in activeDeadlineSeconds messages (`activeDeadlineSeconds in ReplicaSet is not Supported`). */
export type TemplateOwner = 'ReplicaSet' | 'DaemonSet' | 'StatefulSet';

/** ValidatePodTemplateSpecForReplicaSet (also used by Deployments): match, template validity, restartPolicy Always. */
export function validateTemplateForReplicaSet(sel: LabelSelector | undefined | null, template: unknown, field: string): FieldError[] {
  const asSel = labelSelectorAsSelector(sel);
  if (!asSel.ok) return [];
  const errs = selectorMatchesTemplate(sel, template, `${field}.metadata.labels`);
  errs.push(...validatePodTemplateSpec(template, field));
  errs.push(...restartAlwaysAndNoDeadline(template, field, 'ReplicaSet'));
  return errs;
}

/** The restartPolicy Always and no activeDeadlineSeconds rules of long-running workloads. */
export function restartAlwaysAndNoDeadline(template: unknown, field: string, owner: TemplateOwner): FieldError[] {
  const spec = isObj(template) && isObj(template.spec) ? template.spec : {};
  const errs: FieldError[] = [];
  if (spec.restartPolicy !== 'Always') errs.push(notSupported(`${field}.spec.restartPolicy`, spec.restartPolicy ?? '', ['Always']));
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null) {
    errs.push(forbiddenField(`${field}.spec.activeDeadlineSeconds`, `activeDeadlineSeconds in ${owner} is not Supported`));
  }
  return errs;
}

/** The invalid-selector error LabelSelectorAsSelector failures produce. */
export function invalidSelectorError(sel: LabelSelector | undefined | null, field: string, detail: string): FieldError[] {
  return labelSelectorAsSelector(sel).ok ? [] : [invalidRendered(field, goLabelSelector(sel), detail)];
}
