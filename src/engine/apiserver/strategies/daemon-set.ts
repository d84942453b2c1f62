/**
 * The DaemonSet strategy: update-strategy defaults, template defaults, the template-generation annotation, and
 * ValidateDaemonSet with the immutable selector.
 * Models pkg/apis/apps/v1/defaults.go SetDefaults_DaemonSet, pkg/registry/apps/daemonset/strategy.go and
 * pkg/apis/apps/validation/validation.go ValidateDaemonSetSpec.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../api/types';
import { type FieldError, notSupported, required } from '../field-errors';
import { registerStrategy, type Strategy } from '../strategy';
import { dedupe, immutableRendered, invalidRendered, nonNegative } from './common/errors';
import { semanticEqual } from './common/equality';
import { goIntOrString, goLabelSelector } from './common/go-format';
import { markUpdate } from './common/operation';
import { labelSelectorAsSelector, validateLabelSelector, validateObjectMeta } from './common/meta';
import { defaultPodTemplate } from './common/pod-defaults';
import { validatePodTemplateSpec } from './common/pod-validation';
import { intOrPercentValue, notMoreThan100Percent, restartAlwaysAndNoDeadline, selectorMatchesTemplate, validatePositiveIntOrPercent } from './common/workload';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const spec = (obj: KubeObject): Obj => (isObj(obj.spec) ? obj.spec : (obj.spec = {}));

/** The annotation apps/v1 stores the internal templateGeneration in. */
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

/** Models SetDefaults_DaemonSet. */
function defaultDaemonSet(s: Obj): void {
  const us = isObj(s.updateStrategy) ? s.updateStrategy : (s.updateStrategy = {});
  if (!us.type) us.type = 'RollingUpdate';
  if (us.type === 'RollingUpdate') {
    const ru = isObj(us.rollingUpdate) ? us.rollingUpdate : (us.rollingUpdate = {});
    if (ru.maxUnavailable === undefined || ru.maxUnavailable === null) ru.maxUnavailable = 1;
    if (ru.maxSurge === undefined || ru.maxSurge === null) ru.maxSurge = 0;
  }
  if (s.revisionHistoryLimit === undefined || s.revisionHistoryLimit === null) s.revisionHistoryLimit = 10;
  defaultPodTemplate(s.template ?? (s.template = {}));
}

/** ValidateRollingUpdateDaemonSet. */
function validateRollingUpdate(ru: Obj, field: string): FieldError[] {
  const errs = [
    ...validatePositiveIntOrPercent(ru.maxUnavailable, `${field}.maxUnavailable`),
    ...validatePositiveIntOrPercent(ru.maxSurge, `${field}.maxSurge`),
    ...notMoreThan100Percent(ru.maxUnavailable, `${field}.maxUnavailable`),
    ...notMoreThan100Percent(ru.maxSurge, `${field}.maxSurge`),
  ];
  const hasUnavailable = intOrPercentValue(ru.maxUnavailable) !== 0;
  const hasSurge = intOrPercentValue(ru.maxSurge) !== 0;
  if (hasUnavailable && hasSurge) errs.push(invalidRendered(`${field}.maxSurge`, goIntOrString(ru.maxSurge), 'may not be set when maxUnavailable is non-zero'));
  else if (!hasUnavailable && !hasSurge) errs.push(required(`${field}.maxUnavailable`, 'cannot be 0 when maxSurge is 0'));
  return errs;
}

/** ValidateDaemonSetSpec (a nil selector is not reported as required; it only fails to match, as upstream). */
function validateDaemonSetSpec(s: Obj): FieldError[] {
  const sel = s.selector as LabelSelector | undefined;
  const errs = validateLabelSelector(sel, 'spec.selector');
  // An empty selector matches every label set, so only nil and mismatching selectors report here.
  if (labelSelectorAsSelector(sel).ok) errs.push(...selectorMatchesTemplate(sel, s.template, 'spec.template.metadata.labels'));
  if (sel && Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0) {
    errs.push(invalidRendered('spec.selector', goLabelSelector(sel), 'empty selector is invalid for daemonset'));
  }
  errs.push(...validatePodTemplateSpec(s.template, 'spec.template'));
  errs.push(...restartAlwaysAndNoDeadline(s.template, 'spec.template', 'DaemonSet'));
  errs.push(...nonNegative(s.minReadySeconds, 'spec.minReadySeconds'));
  const us = isObj(s.updateStrategy) ? s.updateStrategy : {};
  if (us.type === 'RollingUpdate') {
    if (!isObj(us.rollingUpdate)) errs.push(required('spec.updateStrategy.rollingUpdate'));
    else errs.push(...validateRollingUpdate(us.rollingUpdate, 'spec.updateStrategy.rollingUpdate'));
  } else if (us.type !== 'OnDelete') {
    errs.push(notSupported('spec.updateStrategy', us.type ?? '', ['RollingUpdate', 'OnDelete']));
  }
  if (typeof s.revisionHistoryLimit === 'number') errs.push(...nonNegative(s.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  return errs;
}

function templateGeneration(obj: KubeObject): number {
  return Number(obj.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION] ?? 0) || 0;
}

/** The DaemonSet strategy. */
export const daemonSetStrategy: Strategy = {
  hasStatusSubresource: true,
  applyDefaults(obj) {
    defaultDaemonSet(spec(obj));
  },
  prepareForCreate(obj) {
    obj.status = { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 };
    obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [TEMPLATE_GENERATION_ANNOTATION]: String(Math.max(1, templateGeneration(obj))) };
  },
  prepareForUpdate(obj, old) {
    markUpdate(obj);
    // The template generation bumps exactly when the template changes.
    const gen = templateGeneration(old) + (semanticEqual(spec(obj).template, spec(old).template) ? 0 : 1);
    obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [TEMPLATE_GENERATION_ANNOTATION]: String(Math.max(1, gen)) };
  },
  validate(obj) {
    return dedupe([...validateObjectMeta(obj), ...validateDaemonSetSpec(spec(obj))]);
  },
  validateUpdate(obj, old) {
    return immutableRendered(spec(obj).selector, spec(old).selector, 'spec.selector', (v) => goLabelSelector(v as LabelSelector));
  },
};

/** Registers the DaemonSet strategy. */
export function registerDaemonSetStrategy(): void {
  registerStrategy('DaemonSet', daemonSetStrategy);
}
