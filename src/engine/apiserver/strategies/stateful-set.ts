/**
 * The StatefulSet strategy: management/update/retention defaults, claim-template defaults, ValidateStatefulSet and
 * the rule that only replicas, ordinals, template, updateStrategy, retention policy and minReadySeconds may change.
 * Models pkg/apis/apps/v1/defaults.go SetDefaults_StatefulSet, pkg/registry/apps/statefulset/strategy.go and
 * pkg/apis/apps/validation/validation.go ValidateStatefulSetSpec / ValidateStatefulSetUpdate.
 * serviceName is optional in v1.34; when set it must be a DNS-1123 label (it becomes the pods' subdomain).
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../api/types';
import { dns1123LabelErrors } from '../../api/names';
import { type FieldError, forbiddenField, invalidValue, notSupported, required } from '../field-errors';
import { registerStrategy, type Strategy } from '../strategy';
import { dedupe, invalidRendered, nonNegative } from './common/errors';
import { semanticEqual } from './common/equality';
import { goLabelSelector } from './common/go-format';
import { markUpdate } from './common/operation';
import { labelSelectorAsSelector, nameIsDNSLabel, validateAnnotations, validateLabels, validateObjectMeta } from './common/meta';
import { defaultPodTemplate } from './common/pod-defaults';
import { restartAlwaysAndNoDeadline, selectorMatchesTemplate, validatePositiveIntOrPercent, validateRequiredSelector } from './common/workload';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const spec = (obj: KubeObject): Obj => (isObj(obj.spec) ? obj.spec : (obj.spec = {}));

/** Models SetDefaults_StatefulSet and the PVC defaults applied to each volumeClaimTemplate. */
function defaultStatefulSet(s: Obj): void {
  if (!s.podManagementPolicy) s.podManagementPolicy = 'OrderedReady';
  const us = isObj(s.updateStrategy) ? s.updateStrategy : (s.updateStrategy = {});
  if (!us.type) {
    us.type = 'RollingUpdate';
    if (!isObj(us.rollingUpdate)) us.rollingUpdate = {};
  }
  if (us.type === 'RollingUpdate' && isObj(us.rollingUpdate)) {
    if (us.rollingUpdate.partition === undefined || us.rollingUpdate.partition === null) us.rollingUpdate.partition = 0;
  }
  const retention = isObj(s.persistentVolumeClaimRetentionPolicy) ? s.persistentVolumeClaimRetentionPolicy : (s.persistentVolumeClaimRetentionPolicy = {});
  if (!retention.whenDeleted) retention.whenDeleted = 'Retain';
  if (!retention.whenScaled) retention.whenScaled = 'Retain';
  if (s.replicas === undefined || s.replicas === null) s.replicas = 1;
  if (s.revisionHistoryLimit === undefined || s.revisionHistoryLimit === null) s.revisionHistoryLimit = 10;
  defaultPodTemplate(s.template ?? (s.template = {}));
  for (const pvc of Array.isArray(s.volumeClaimTemplates) ? (s.volumeClaimTemplates as Obj[]) : []) {
    if (!isObj(pvc)) continue;
    if (!pvc.apiVersion) pvc.apiVersion = 'v1';
    if (!pvc.kind) pvc.kind = 'PersistentVolumeClaim';
    const ps = isObj(pvc.spec) ? pvc.spec : (pvc.spec = {});
    if (!ps.volumeMode) ps.volumeMode = 'Filesystem';
    const st = isObj(pvc.status) ? pvc.status : (pvc.status = {});
    if (!st.phase) st.phase = 'Pending';
  }
}

/** validateRollingUpdateStatefulSet. */
function validateRollingUpdate(ru: Obj, field: string): FieldError[] {
  const errs = nonNegative(ru.partition, `${field}.partition`);
  if (ru.maxUnavailable !== undefined && ru.maxUnavailable !== null) {
    errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, `${field}.maxUnavailable`));
  }
  return errs;
}

/** ValidateStatefulSetSpec. */
function validateStatefulSetSpec(s: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const pmp = s.podManagementPolicy;
  if (!pmp) errs.push(required('spec.podManagementPolicy'));
  else if (pmp !== 'OrderedReady' && pmp !== 'Parallel') errs.push(invalidValue('spec.podManagementPolicy', pmp, "must be 'OrderedReady' or 'Parallel'"));
  const us = isObj(s.updateStrategy) ? s.updateStrategy : {};
  switch (us.type) {
    case undefined:
    case '':
      errs.push(required('spec.updateStrategy'));
      break;
    case 'OnDelete':
      if (us.rollingUpdate !== undefined && us.rollingUpdate !== null) {
        errs.push(invalidValue('spec.updateStrategy.rollingUpdate', null, "only allowed for updateStrategy 'RollingUpdate'"));
      }
      break;
    case 'RollingUpdate':
      if (isObj(us.rollingUpdate)) errs.push(...validateRollingUpdate(us.rollingUpdate, 'spec.updateStrategy.rollingUpdate'));
      break;
    default:
      errs.push(invalidValue('spec.updateStrategy', null, "must be 'RollingUpdate' or 'OnDelete'"));
  }
  const retention = isObj(s.persistentVolumeClaimRetentionPolicy) ? s.persistentVolumeClaimRetentionPolicy : undefined;
  if (retention) {
    for (const f of ['whenDeleted', 'whenScaled']) {
      if (retention[f] !== 'Retain' && retention[f] !== 'Delete') errs.push(notSupported(`spec.persistentVolumeClaimRetentionPolicy.${f}`, retention[f] ?? '', ['Retain', 'Delete']));
    }
  }
  if (typeof s.serviceName === 'string' && s.serviceName) {
    errs.push(...dns1123LabelErrors(s.serviceName).map((m) => invalidValue('spec.serviceName', s.serviceName, m)));
  }
  errs.push(...nonNegative(s.replicas, 'spec.replicas'));
  errs.push(...nonNegative(s.minReadySeconds, 'spec.minReadySeconds'));
  if (isObj(s.ordinals)) errs.push(...nonNegative(s.ordinals.start, 'spec.ordinals.start'));
  const sel = s.selector as LabelSelector | undefined;
  errs.push(...validateRequiredSelector(sel, 'spec.selector', 'statefulset'));
  if (!labelSelectorAsSelector(sel).ok) {
    errs.push(invalidRendered('spec.selector', goLabelSelector(sel), ''));
  } else {
    // ValidatePodTemplateSpecForStatefulSet checks labels and annotations but not the pod spec (an upstream TODO).
    errs.push(...selectorMatchesTemplate(sel, s.template, 'spec.template.metadata.labels'));
    const meta = isObj(s.template) && isObj(s.template.metadata) ? s.template.metadata : {};
    errs.push(...validateLabels(meta.labels as Record<string, string> | undefined, 'spec.template.labels'));
    errs.push(...validateAnnotations(meta.annotations as Record<string, string> | undefined, 'spec.template.annotations'));
  }
  errs.push(...restartAlwaysAndNoDeadline(s.template, 'spec.template', 'StatefulSet'));
  return errs;
}

const MUTABLE_FIELDS = ['replicas', 'template', 'updateStrategy', 'minReadySeconds', 'ordinals', 'persistentVolumeClaimRetentionPolicy'];

/** The StatefulSet strategy. */
export const statefulSetStrategy: Strategy = {
  hasStatusSubresource: true,
  applyDefaults(obj) {
    defaultStatefulSet(spec(obj));
  },
  prepareForCreate(obj) {
    obj.status = { replicas: 0, availableReplicas: 0 };
  },
  prepareForUpdate(obj) {
    markUpdate(obj);
  },
  validate(obj) {
    return dedupe([...validateObjectMeta(obj, nameIsDNSLabel), ...validateStatefulSetSpec(spec(obj))]);
  },
  validateUpdate(obj, old) {
    const strip = (s: Obj) => Object.fromEntries(Object.entries(s).filter(([k]) => !MUTABLE_FIELDS.includes(k)));
    if (semanticEqual(strip(spec(obj)), strip(spec(old)))) return [];
    return [forbiddenField('spec', "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden")];
  },
};

/** Registers the StatefulSet strategy. */
export function registerStatefulSetStrategy(): void {
  registerStrategy('StatefulSet', statefulSetStrategy);
}
