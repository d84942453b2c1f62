/**
 * The Pod strategy: pod defaults, Pending status with the QoS class on create, ValidatePodCreate and the
 * update rule that only images, activeDeadlineSeconds and added tolerations may change.
 * Models pkg/registry/core/pod/strategy.go and pkg/apis/core/validation/validation.go (ValidatePodCreate,
 * ValidatePodUpdate).
 */
import type { KubeObject } from '../../api/types';
import { type FieldError, forbiddenField, invalidValue, required } from '../field-errors';
import { registerStrategy, type Strategy } from '../strategy';
import { dedupe } from './common/errors';
import { structDiff } from './common/diff';
import { semanticEqual } from './common/equality';
import { markUpdate, isUpdate } from './common/operation';
import { validateObjectMeta } from './common/meta';
import { defaultPodSpec } from './common/pod-defaults';
import { validatePodOnly, validatePodSpec } from './common/pod-validation';
import { computePodQOS } from './common/qos';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const spec = (obj: KubeObject): Obj => (isObj(obj.spec) ? obj.spec : (obj.spec = {}));

/** The annotation that marks a kubelet-mirrored static pod. */
export const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

/** The fields `pod updates may not change fields other than ...` lists (InPlacePodVerticalScaling uses /resize). */
const UPDATABLE_POD_SPEC_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

function tolerationsOnlyAdded(newT: unknown, oldT: unknown): FieldError[] {
  const news = Array.isArray(newT) ? (newT as Obj[]) : [];
  for (const old of Array.isArray(oldT) ? (oldT as Obj[]) : []) {
    const found = news.some((n) => semanticEqual({ ...old, tolerationSeconds: n.tolerationSeconds }, n));
    if (!found) return [forbiddenField('spec.tolerations', 'existing toleration can not be modified except its tolerationSeconds')];
  }
  // ValidateTolerations also runs here upstream; validate already reported those errors for this object.
  return [];
}

/** ValidatePodUpdate's spec rules (metadata and spec validity are checked by validate). */
function validatePodUpdate(newPod: KubeObject, oldPod: KubeObject): FieldError[] {
  const ns = spec(newPod);
  const os = spec(oldPod);
  const errs: FieldError[] = [];
  for (const kind of ['containers', 'initContainers']) {
    const nc = (Array.isArray(ns[kind]) ? ns[kind] : []) as Obj[];
    const oc = (Array.isArray(os[kind]) ? os[kind] : []) as Obj[];
    if (nc.length !== oc.length) {
      errs.push(forbiddenField(`spec.${kind}`, 'pod updates may not add or remove containers'));
      return errs;
    }
    nc.forEach((c, i) => {
      const image = typeof c.image === 'string' ? c.image : '';
      if (!image) errs.push(required(`spec.${kind}[${i}].image`));
      if (image.trim() !== image) errs.push(invalidValue(`spec.${kind}[${i}].image`, image, 'must not have leading or trailing whitespace'));
    });
  }
  const nads = ns.activeDeadlineSeconds;
  const oads = os.activeDeadlineSeconds;
  if (typeof nads === 'number') {
    if (nads < 0 || nads > 2147483647) return [...errs, invalidValue('spec.activeDeadlineSeconds', nads, 'must be between 0 and 2147483647, inclusive')];
    if (typeof oads === 'number' && oads < nads) return [...errs, invalidValue('spec.activeDeadlineSeconds', nads, 'must be less than or equal to previous value')];
  } else if (typeof oads === 'number') {
    errs.push(invalidValue('spec.activeDeadlineSeconds', null, 'must not update from a positive integer to nil value'));
  }
  errs.push(...tolerationsOnlyAdded(ns.tolerations, os.tolerations));
  if (semanticEqual(ns, os)) return errs;
  const oldQos = (oldPod.status as Obj | undefined)?.qosClass ?? computePodQOS(os);
  const newQos = computePodQOS(ns);
  if (oldQos !== newQos) errs.push(invalidValue('metadata', (newPod.status as Obj | undefined)?.qosClass ?? newQos, 'Pod QoS is immutable'));

  // Munge the fields that may change, then anything left over is forbidden.
  const munged: Obj = JSON.parse(JSON.stringify(ns));
  for (const kind of ['containers', 'initContainers']) {
    const mc = (Array.isArray(munged[kind]) ? munged[kind] : []) as Obj[];
    const oc = (Array.isArray(os[kind]) ? os[kind] : []) as Obj[];
    mc.forEach((c, i) => {
      c.image = oc[i]?.image;
    });
  }
  if (oads === undefined) delete munged.activeDeadlineSeconds;
  else munged.activeDeadlineSeconds = oads;
  if (os.schedulingGates === undefined) delete munged.schedulingGates;
  else munged.schedulingGates = os.schedulingGates;
  if (os.tolerations === undefined) delete munged.tolerations;
  else munged.tolerations = os.tolerations;
  const ograce = os.terminationGracePeriodSeconds;
  if (typeof ograce === 'number' && ograce < 0 && munged.terminationGracePeriodSeconds === 1) munged.terminationGracePeriodSeconds = ograce;
  // Divergence: binding a pod is a main-resource update here (the simulator has no binding subresource), so
  // setting spec.nodeName on a pod that has none is allowed, as the pods/binding endpoint allows it upstream.
  if (!os.nodeName && munged.nodeName) delete munged.nodeName;
  if (!semanticEqual(munged, os)) {
    errs.push(forbiddenField('spec', `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(',')}\n${structDiff('core.PodSpec', os, munged)}`));
  }
  return errs;
}

/** The Pod strategy. */
export const podStrategy: Strategy = {
  hasStatusSubresource: true,

  applyDefaults(obj) {
    defaultPodSpec(spec(obj), { isPod: true });
  },

  prepareForCreate(obj) {
    // The class is computed on the defaulted spec (limits copied into requests), as upstream decodes first.
    defaultPodSpec(spec(obj), { isPod: true });
    obj.status = { phase: 'Pending', qosClass: computePodQOS(spec(obj)) };
  },

  prepareForUpdate(obj) {
    markUpdate(obj);
  },

  validate(obj) {
    const errs = validateObjectMeta(obj);
    const annotations = obj.metadata.annotations ?? {};
    if (MIRROR_POD_ANNOTATION in annotations && !spec(obj).nodeName) {
      errs.push(invalidValue(`metadata.annotations[${MIRROR_POD_ANNOTATION}]`, annotations[MIRROR_POD_ANNOTATION], 'must set spec.nodeName if mirror pod annotation is set'));
    }
    errs.push(...validatePodSpec(obj.spec, 'spec', { isPod: true }));
    errs.push(...validatePodOnly(obj.spec, 'spec'));
    if (!isUpdate(obj)) {
      const s = spec(obj);
      if (Array.isArray(s.ephemeralContainers) && s.ephemeralContainers.length > 0) errs.push(forbiddenField('spec.ephemeralContainers', 'cannot be set on create'));
      if (s.nodeName && Array.isArray(s.schedulingGates) && s.schedulingGates.length > 0) {
        errs.push(forbiddenField('spec.nodeName', 'cannot be set until all schedulingGates have been cleared'));
      }
    }
    return dedupe(errs);
  },

  validateUpdate(obj, old) {
    return dedupe(validatePodUpdate(obj, old));
  },
};

/** Registers the Pod strategy. */
export function registerPodStrategy(): void {
  registerStrategy('Pod', podStrategy);
}
