/**
 * The HorizontalPodAutoscaler (autoscaling/v2) strategy: minReplicas 1, the default CPU 80% metric, completion
 * of a partial behavior, conversion of autoscaling/v1's targetCPUUtilizationPercentage, and
 * ValidateHorizontalPodAutoscaler (target reference, replica bounds, metrics).
 * Models pkg/apis/autoscaling/v2/defaults.go, pkg/apis/autoscaling/v1/conversion.go and
 * pkg/apis/autoscaling/validation/validation.go.
 */
import type { KubeObject } from '../../api/types';
import { type FieldError, invalidValue, notSupported, required } from '../field-errors';
import { registerStrategy, type Strategy } from '../strategy';
import { dedupe } from './common/errors';
import { validateObjectMeta } from './common/meta';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const spec = (obj: KubeObject): Obj => (isObj(obj.spec) ? obj.spec : (obj.spec = {}));

/** The CPU utilization target an HPA without metrics gets. */
export const DEFAULT_CPU_UTILIZATION = 80;

const METRIC_TYPES = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'];

/** GenerateHPAScaleUpRules / GenerateHPAScaleDownRules: fill what a partial behavior leaves out. */
function completeRules(rules: unknown, up: boolean): Obj {
  const r: Obj = isObj(rules) ? rules : {};
  if (r.stabilizationWindowSeconds === undefined || r.stabilizationWindowSeconds === null) r.stabilizationWindowSeconds = up ? 0 : 300;
  if (!r.selectPolicy) r.selectPolicy = 'Max';
  if (!Array.isArray(r.policies)) {
    r.policies = up
      ? [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }]
      : [{ type: 'Percent', value: 100, periodSeconds: 15 }];
  }
  return r;
}

/** Converts an autoscaling/v1 body (targetCPUUtilizationPercentage) to the stored v2 form. */
function convertFromV1(s: Obj): void {
  if (s.targetCPUUtilizationPercentage === undefined) return;
  const pct = s.targetCPUUtilizationPercentage;
  delete s.targetCPUUtilizationPercentage;
  if (pct !== null && !Array.isArray(s.metrics)) {
    s.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: pct } } }];
  }
}

function validatePathSegment(v: string, field: string): FieldError[] {
  if (v === '.' || v === '..') return [invalidValue(field, v, `may not be '${v}'`)];
  for (const bad of ['/', '%']) if (v.includes(bad)) return [invalidValue(field, v, `may not contain '${bad}'`)];
  return [];
}

function validateTarget(t: unknown, field: string): FieldError[] {
  if (!isObj(t)) return [required(`${field}.type`, 'must specify a metric target type')];
  const errs: FieldError[] = [];
  const type = t.type;
  if (!type) errs.push(required(`${field}.type`, 'must specify a metric target type'));
  else if (!['AverageValue', 'Utilization', 'Value'].includes(String(type))) errs.push(notSupported(`${field}.type`, type, ['AverageValue', 'Utilization', 'Value']));
  if (typeof t.averageUtilization === 'number' && t.averageUtilization < 1) errs.push(invalidValue(`${field}.averageUtilization`, t.averageUtilization, 'must be greater than 0'));
  if (type === 'Utilization' && (t.averageUtilization === undefined || t.averageUtilization === null)) {
    errs.push(required(`${field}.averageUtilization`, 'must set either a target value or averageValue'));
  }
  return errs;
}

function validateMetrics(metrics: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  (Array.isArray(metrics) ? metrics : []).forEach((m, i) => {
    const p = `${field}[${i}]`;
    const metric: Obj = isObj(m) ? m : {};
    const type = metric.type;
    if (!type) {
      errs.push(required(`${p}.type`, 'must specify a metric source type'));
      return;
    }
    if (!METRIC_TYPES.includes(String(type))) {
      errs.push(notSupported(`${p}.type`, type, METRIC_TYPES));
      return;
    }
    const key = String(type).charAt(0).toLowerCase() + String(type).slice(1);
    const src = metric[key];
    if (!isObj(src)) {
      errs.push(required(`${p}.${key}`, `must populate information for the given metric source`));
      return;
    }
    if (type === 'Resource' || type === 'ContainerResource') {
      if (!src.name) errs.push(required(`${p}.${key}.name`, 'must specify a resource name'));
      if (type === 'ContainerResource' && !src.container) errs.push(required(`${p}.${key}.container`, 'must specify a container'));
    }
    errs.push(...validateTarget(src.target, `${p}.${key}.target`));
  });
  return errs;
}

/** The HorizontalPodAutoscaler strategy. */
export const horizontalPodAutoscalerStrategy: Strategy = {
  hasStatusSubresource: true,
  applyDefaults(obj) {
    const s = spec(obj);
    convertFromV1(s);
    if (s.minReplicas === undefined || s.minReplicas === null) s.minReplicas = 1;
    if (!Array.isArray(s.metrics) || s.metrics.length === 0) {
      s.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION } } }];
    }
    if (isObj(s.behavior)) {
      s.behavior.scaleUp = completeRules(s.behavior.scaleUp, true);
      s.behavior.scaleDown = completeRules(s.behavior.scaleDown, false);
    }
  },
  prepareForCreate(obj) {
    obj.status = { currentMetrics: null, desiredReplicas: 0 };
  },
  validate(obj) {
    const s = spec(obj);
    const errs = validateObjectMeta(obj);
    if (typeof s.minReplicas === 'number' && s.minReplicas < 1) errs.push(invalidValue('spec.minReplicas', s.minReplicas, 'must be greater than or equal to 1'));
    const max = typeof s.maxReplicas === 'number' ? s.maxReplicas : 0;
    if (max < 1) errs.push(invalidValue('spec.maxReplicas', max, 'must be greater than 0'));
    if (typeof s.minReplicas === 'number' && max < s.minReplicas) errs.push(invalidValue('spec.maxReplicas', max, 'must be greater than or equal to `minReplicas`'));
    const ref: Obj = isObj(s.scaleTargetRef) ? s.scaleTargetRef : {};
    if (!ref.kind) errs.push(required('spec.scaleTargetRef.kind'));
    else errs.push(...validatePathSegment(String(ref.kind), 'spec.scaleTargetRef.kind'));
    if (!ref.name) errs.push(required('spec.scaleTargetRef.name'));
    else errs.push(...validatePathSegment(String(ref.name), 'spec.scaleTargetRef.name'));
    errs.push(...validateMetrics(s.metrics, 'spec.metrics'));
    return dedupe(errs);
  },
};

/** Registers the HorizontalPodAutoscaler strategy. */
export function registerHorizontalPodAutoscalerStrategy(): void {
  registerStrategy('HorizontalPodAutoscaler', horizontalPodAutoscalerStrategy);
}
