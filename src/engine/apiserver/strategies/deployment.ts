/**
 * The Deployment strategy: replicas/strategy/history/progress-deadline defaults, template defaults, and
 * ValidateDeployment with the immutable selector of apps/v1.
 * Models pkg/apis/apps/v1/defaults.go SetDefaults_Deployment, pkg/registry/apps/deployment/strategy.go and
 * pkg/apis/apps/validation/validation.go ValidateDeploymentSpec.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../api/types';
import { type FieldError, forbiddenField, invalidValue, notSupported, required } from '../field-errors';
import { registerStrategy, type Strategy } from '../strategy';
import { dedupe, immutableRendered, invalidRendered, nonNegative } from './common/errors';
import { goIntOrString, goLabelSelector } from './common/go-format';
import { markUpdate } from './common/operation';
import { validateObjectMeta } from './common/meta';
import { defaultPodTemplate } from './common/pod-defaults';
import {
  intOrPercentValue, invalidSelectorError, notMoreThan100Percent, validatePositiveIntOrPercent, validateRequiredSelector,
  validateTemplateForReplicaSet,
} from './common/workload';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const spec = (obj: KubeObject): Obj => (isObj(obj.spec) ? obj.spec : (obj.spec = {}));

/** Models SetDefaults_Deployment. */
function defaultDeployment(s: Obj): void {
  if (s.replicas === undefined || s.replicas === null) s.replicas = 1;
  const strategy = isObj(s.strategy) ? s.strategy : (s.strategy = {});
  if (!strategy.type) strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = isObj(strategy.rollingUpdate) ? strategy.rollingUpdate : (strategy.rollingUpdate = {});
    if (ru.maxUnavailable === undefined || ru.maxUnavailable === null) ru.maxUnavailable = '25%';
    if (ru.maxSurge === undefined || ru.maxSurge === null) ru.maxSurge = '25%';
  }
  if (s.revisionHistoryLimit === undefined || s.revisionHistoryLimit === null) s.revisionHistoryLimit = 10;
  if (s.progressDeadlineSeconds === undefined || s.progressDeadlineSeconds === null) s.progressDeadlineSeconds = 600;
  defaultPodTemplate(s.template ?? (s.template = {}));
}

/** ValidateRollingUpdateDeployment. */
function validateRollingUpdate(ru: Obj, field: string): FieldError[] {
  const errs = [
    ...validatePositiveIntOrPercent(ru.maxUnavailable, `${field}.maxUnavailable`),
    ...validatePositiveIntOrPercent(ru.maxSurge, `${field}.maxSurge`),
  ];
  if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
    errs.push(invalidRendered(`${field}.maxUnavailable`, goIntOrString(ru.maxUnavailable), 'may not be 0 when `maxSurge` is 0'));
  }
  errs.push(...notMoreThan100Percent(ru.maxUnavailable, `${field}.maxUnavailable`));
  return errs;
}

/** ValidateDeploymentStrategy. */
function validateStrategy(strategy: Obj, field: string): FieldError[] {
  switch (strategy.type) {
    case 'Recreate':
      return strategy.rollingUpdate !== undefined && strategy.rollingUpdate !== null
        ? [forbiddenField(`${field}.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'")]
        : [];
    case 'RollingUpdate':
      return isObj(strategy.rollingUpdate)
        ? validateRollingUpdate(strategy.rollingUpdate, `${field}.rollingUpdate`)
        : [required(`${field}.rollingUpdate`, 'this should be defaulted and never be nil')];
    default:
      // Upstream passes the whole strategy struct; its %#v rendering is approximated by the type.
      return [notSupported(field, strategy.type ?? '', ['Recreate', 'RollingUpdate'])];
  }
}

/** ValidateDeploymentSpec. */
export function validateDeploymentSpec(s: Obj): FieldError[] {
  const sel = s.selector as LabelSelector | undefined;
  const errs: FieldError[] = [...nonNegative(s.replicas, 'spec.replicas')];
  errs.push(...validateRequiredSelector(sel, 'spec.selector', 'deployment'));
  errs.push(...invalidSelectorError(sel, 'spec.selector', 'invalid label selector'));
  errs.push(...validateTemplateForReplicaSet(sel, s.template, 'spec.template'));
  errs.push(...validateStrategy(isObj(s.strategy) ? s.strategy : {}, 'spec.strategy'));
  errs.push(...nonNegative(s.minReadySeconds, 'spec.minReadySeconds'));
  if (typeof s.revisionHistoryLimit === 'number') errs.push(...nonNegative(s.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  if (typeof s.progressDeadlineSeconds === 'number') {
    errs.push(...nonNegative(s.progressDeadlineSeconds, 'spec.progressDeadlineSeconds'));
    if (s.progressDeadlineSeconds <= Number(s.minReadySeconds ?? 0)) {
      errs.push(invalidValue('spec.progressDeadlineSeconds', s.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
    }
  }
  return errs;
}

/** The Deployment strategy. */
export const deploymentStrategy: Strategy = {
  hasStatusSubresource: true,
  applyDefaults(obj) {
    defaultDeployment(spec(obj));
  },
  prepareForCreate(obj) {
    obj.status = {};
  },
  prepareForUpdate(obj) {
    markUpdate(obj);
  },
  validate(obj) {
    return dedupe([...validateObjectMeta(obj), ...validateDeploymentSpec(spec(obj))]);
  },
  validateUpdate(obj, old) {
    return immutableRendered(spec(obj).selector, spec(old).selector, 'spec.selector', (v) => goLabelSelector(v as LabelSelector));
  },
};

/** Registers the Deployment strategy. */
export function registerDeploymentStrategy(): void {
  registerStrategy('Deployment', deploymentStrategy);
}
