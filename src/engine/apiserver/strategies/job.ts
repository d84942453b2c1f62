/**
 * The Job strategy: completion/parallelism/backoff defaults, the generated selector and the
 * `batch.kubernetes.io/controller-uid` / `job-name` labels derived from the uid, ValidateJob, and the immutable
 * selector, completions and template.
 * Models pkg/apis/batch/v1/defaults.go SetDefaults_Job, pkg/registry/batch/job/strategy.go (PrepareForCreate,
 * generateSelector) and pkg/apis/batch/validation/validation.go (ValidateJob, ValidateJobSpecUpdate).
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../api/types';
import { dns1123LabelErrors } from '../../api/names';
import { type FieldError, invalidValue, notSupported, required } from '../field-errors';
import { registerStrategy, type Strategy } from '../strategy';
import { dedupe, immutableField, immutableRendered, invalidRendered, keyPath, nonNegative } from './common/errors';
import { semanticEqual } from './common/equality';
import { goLabelSelector, goPodTemplateSpec, goStringMap } from './common/go-format';
import { isUpdate, markUpdate } from './common/operation';
import { labelSelectorAsSelector, validateLabelSelector, validateObjectMeta } from './common/meta';
import { defaultPodTemplate } from './common/pod-defaults';
import { validatePodTemplateSpec } from './common/pod-validation';
import { SELECTOR_MISMATCH, templateLabels } from './common/workload';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const spec = (obj: KubeObject): Obj => (isObj(obj.spec) ? obj.spec : (obj.spec = {}));

/** Labels the Job controller puts on its pods and selects them by. */
export const JOB_LABELS = {
  legacyJobName: 'job-name',
  jobName: 'batch.kubernetes.io/job-name',
  legacyControllerUid: 'controller-uid',
  controllerUid: 'batch.kubernetes.io/controller-uid',
} as const;

const MAX_INT32 = 2147483647;

/** Models SetDefaults_Job (without the template, which defaultJobSpecTemplate handles). */
export function defaultJob(obj: KubeObject): void {
  const s = spec(obj);
  const unset = (v: unknown) => v === undefined || v === null;
  if (unset(s.completions) && unset(s.parallelism)) {
    s.completions = 1;
    s.parallelism = 1;
  }
  if (unset(s.parallelism)) s.parallelism = 1;
  if (unset(s.backoffLimit)) s.backoffLimit = unset(s.backoffLimitPerIndex) ? 6 : MAX_INT32;
  const tplLabels = templateLabels(s.template);
  if (tplLabels && Object.keys(obj.metadata.labels ?? {}).length === 0) obj.metadata.labels = { ...tplLabels };
  if (unset(s.completionMode)) s.completionMode = 'NonIndexed';
  if (unset(s.suspend)) s.suspend = false;
  if (unset(s.podReplacementPolicy)) s.podReplacementPolicy = unset(s.podFailurePolicy) ? 'TerminatingOrFailed' : 'Failed';
  if (unset(s.manualSelector)) s.manualSelector = false;
  defaultPodTemplate(s.template ?? (s.template = {}));
}

/** Models generateSelector: template labels from the name and uid, selector on the controller uid. */
function generateSelector(obj: KubeObject): void {
  const s = spec(obj);
  const template = isObj(s.template) ? s.template : (s.template = {});
  const meta = isObj(template.metadata) ? template.metadata : (template.metadata = {});
  const labels = (isObj(meta.labels) ? meta.labels : (meta.labels = {})) as Record<string, string>;
  const uid = obj.metadata.uid ?? '';
  for (const k of [JOB_LABELS.legacyJobName, JOB_LABELS.jobName]) if (!(k in labels)) labels[k] = obj.metadata.name;
  for (const k of [JOB_LABELS.legacyControllerUid, JOB_LABELS.controllerUid]) if (!(k in labels)) labels[k] = uid;
  const sel = isObj(s.selector) ? s.selector : (s.selector = {});
  const ml = (isObj(sel.matchLabels) ? sel.matchLabels : (sel.matchLabels = {})) as Record<string, string>;
  if (!(JOB_LABELS.controllerUid in ml)) ml[JOB_LABELS.controllerUid] = uid;
}

/** ValidateHasLabel. */
function hasLabel(labels: Record<string, string> | undefined, key: string, expected: string): FieldError[] {
  const field = keyPath('spec.template.metadata.labels', key);
  if (!labels || !(key in labels)) return [required(field, `must be '${expected}'`)];
  if (labels[key] !== expected) return [invalidRendered(field, goStringMap(labels), `must be '${expected}'`)];
  return [];
}

/** validateGeneratedSelector. */
function validateGeneratedSelector(obj: KubeObject, requirePrefixed: boolean): FieldError[] {
  const s = spec(obj);
  if (s.manualSelector === true || !s.selector) return [];
  const errs: FieldError[] = [];
  const uid = obj.metadata.uid ?? '';
  if (!uid) errs.push(required('metadata.uid'));
  const labels = templateLabels(s.template);
  errs.push(...hasLabel(labels, JOB_LABELS.legacyControllerUid, uid));
  errs.push(...hasLabel(labels, JOB_LABELS.legacyJobName, obj.metadata.name));
  const expected: Record<string, string> = {};
  if (requirePrefixed) {
    errs.push(...hasLabel(labels, JOB_LABELS.controllerUid, uid));
    errs.push(...hasLabel(labels, JOB_LABELS.jobName, obj.metadata.name));
    expected[JOB_LABELS.controllerUid] = uid;
    expected[JOB_LABELS.jobName] = obj.metadata.name;
  }
  expected[JOB_LABELS.legacyControllerUid] = uid;
  expected[JOB_LABELS.legacyJobName] = obj.metadata.name;
  const asSel = labelSelectorAsSelector(s.selector as LabelSelector);
  if (asSel.ok && !asSel.matches(expected)) errs.push(invalidRendered('spec.selector', goLabelSelector(s.selector as LabelSelector), '`selector` not auto-generated'));
  return errs;
}

/** validateJobSpec: counts, policies, template and the Never/OnFailure restart policy. Shared with CronJobs. */
export function validateJobSpecCommon(s: Obj, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished', 'backoffLimitPerIndex', 'maxFailedIndexes']) {
    if (typeof s[f] === 'number') errs.push(...nonNegative(s[f], `${field}.${f}`));
  }
  const mode = s.completionMode;
  if (mode !== undefined && mode !== null) {
    if (mode !== 'NonIndexed' && mode !== 'Indexed') errs.push(notSupported(`${field}.completionMode`, mode, ['NonIndexed', 'Indexed']));
    if (mode === 'Indexed' && (s.completions === undefined || s.completions === null)) errs.push(required(`${field}.completions`, 'when completion mode is Indexed'));
  }
  if (mode !== 'Indexed') {
    if (typeof s.backoffLimitPerIndex === 'number') errs.push(invalidValue(`${field}.backoffLimitPerIndex`, s.backoffLimitPerIndex, 'requires indexed completion mode'));
    if (typeof s.maxFailedIndexes === 'number') errs.push(invalidValue(`${field}.maxFailedIndexes`, s.maxFailedIndexes, 'requires indexed completion mode'));
  }
  const prp = s.podReplacementPolicy;
  if (prp !== undefined && prp !== null) {
    if (s.podFailurePolicy) {
      if (prp !== 'Failed') errs.push(notSupported(`${field}.podReplacementPolicy`, prp, ['Failed']));
    } else if (prp !== 'Failed' && prp !== 'TerminatingOrFailed') {
      errs.push(notSupported(`${field}.podReplacementPolicy`, prp, ['Failed', 'TerminatingOrFailed']));
    }
  }
  errs.push(...validatePodTemplateSpec(s.template, `${field}.template`));
  const rp = isObj(s.template) && isObj(s.template.spec) ? s.template.spec.restartPolicy : undefined;
  if (rp === 'Always' || rp === '' || rp === undefined) {
    errs.push(required(`${field}.template.spec.restartPolicy`, 'valid values: "OnFailure", "Never"'));
  } else if (rp !== 'OnFailure' && rp !== 'Never') {
    errs.push(notSupported(`${field}.template.spec.restartPolicy`, rp, ['OnFailure', 'Never']));
  } else if (s.podFailurePolicy && rp !== 'Never') {
    errs.push(invalidValue(`${field}.template.spec.restartPolicy`, rp, 'only "Never" is supported when podFailurePolicy is specified'));
  }
  return errs;
}

/** ValidateJobSpec: validateJobSpec plus the selector and its match with the template. */
function validateJobSpec(s: Obj): FieldError[] {
  const errs = validateJobSpecCommon(s, 'spec');
  const sel = s.selector as LabelSelector | undefined;
  if (!sel) errs.push(required('spec.selector'));
  else errs.push(...validateLabelSelector(sel, 'spec.selector'));
  const asSel = labelSelectorAsSelector(sel);
  if (asSel.ok && !asSel.matches(templateLabels(s.template))) {
    errs.push(invalidRendered('spec.template.metadata.labels', goStringMap(templateLabels(s.template)), SELECTOR_MISMATCH));
  }
  return errs;
}

/** Labels on the template that mark a Job created after the prefixed labels were introduced. */
function hadPrefixedLabels(job: KubeObject): boolean {
  const l = templateLabels(spec(job).template) ?? {};
  return JOB_LABELS.jobName in l && JOB_LABELS.controllerUid in l;
}

/** The old jobs being updated, so validate can apply the update-time label rule. */
const oldJobs = new WeakMap<object, KubeObject>();

/** The scheduling directives a suspended, never-started Job may change. */
function mutableSchedulingView(template: unknown): Obj {
  const t: Obj = JSON.parse(JSON.stringify(template ?? {}));
  const meta = isObj(t.metadata) ? t.metadata : {};
  delete meta.labels;
  delete meta.annotations;
  const ps = isObj(t.spec) ? t.spec : {};
  delete ps.nodeSelector;
  delete ps.tolerations;
  delete ps.schedulingGates;
  if (isObj(ps.affinity)) delete ps.affinity.nodeAffinity;
  return t;
}

/** The Job strategy. */
export const jobStrategy: Strategy = {
  hasStatusSubresource: true,
  applyDefaults(obj) {
    defaultJob(obj);
  },
  prepareForCreate(obj) {
    // generateSelectorIfNeeded runs before defaulting here, so an unset manualSelector counts as false.
    if (spec(obj).manualSelector !== true) generateSelector(obj);
    obj.status = {};
  },
  prepareForUpdate(obj, old) {
    markUpdate(obj);
    oldJobs.set(obj, old);
  },
  validate(obj) {
    const old = isUpdate(obj) ? oldJobs.get(obj) : undefined;
    const requirePrefixed = old ? hadPrefixedLabels(old) : true;
    const errs = [...validateObjectMeta(obj), ...validateGeneratedSelector(obj, requirePrefixed), ...validateJobSpec(spec(obj))];
    const s = spec(obj);
    if (s.completionMode === 'Indexed' && typeof s.completions === 'number' && s.completions > 0) {
      const host = `${obj.metadata.name}-${s.completions - 1}`;
      if (dns1123LabelErrors(host).length > 0) errs.push(invalidValue('metadata.name', obj.metadata.name, `will not able to create pod with invalid DNS label: ${host}`));
    }
    return dedupe(errs);
  },
  validateUpdate(obj, old) {
    const s = spec(obj);
    const o = spec(old);
    const errs: FieldError[] = [];
    if (s.completionMode === 'Indexed') {
      if (!semanticEqual(s.completions, o.completions) && typeof s.completions === 'number' && s.completions !== s.parallelism) {
        errs.push(invalidValue('spec.completions', s.completions, 'can only be modified in tandem with spec.parallelism'));
      }
    } else {
      errs.push(...immutableField(s.completions, o.completions, 'spec.completions'));
    }
    errs.push(...immutableRendered(s.selector, o.selector, 'spec.selector', (v) => goLabelSelector(v as LabelSelector)));
    const suspended = o.suspend === true;
    const notStarted = !isObj(old.status) || !old.status.startTime;
    const [nt, ot] = suspended && notStarted ? [mutableSchedulingView(s.template), mutableSchedulingView(o.template)] : [s.template, o.template];
    if (!semanticEqual(nt, ot)) errs.push(invalidRendered('spec.template', goPodTemplateSpec(s.template), 'field is immutable'));
    errs.push(...immutableField(s.completionMode, o.completionMode, 'spec.completionMode'));
    errs.push(...immutableField(s.podFailurePolicy, o.podFailurePolicy, 'spec.podFailurePolicy'));
    errs.push(...immutableField(s.backoffLimitPerIndex, o.backoffLimitPerIndex, 'spec.backoffLimitPerIndex'));
    errs.push(...immutableField(s.managedBy, o.managedBy, 'spec.managedBy'));
    errs.push(...immutableField(s.successPolicy, o.successPolicy, 'spec.successPolicy'));
    return dedupe(errs);
  },
};

/** Registers the Job strategy. */
export function registerJobStrategy(): void {
  registerStrategy('Job', jobStrategy);
}
