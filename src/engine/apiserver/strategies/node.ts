/**
 * The Node strategy: allocatable defaults from capacity, taint validation (qualified keys, label values, known
 * effects, unique key/effect pairs), resource quantities, and the write-once podCIDRs and providerID.
 * Models pkg/apis/core/v1/defaults.go SetDefaults_NodeStatus, pkg/registry/core/node/strategy.go and
 * pkg/apis/core/validation/validation.go ValidateNode / ValidateNodeUpdate.
 */
import { labelValueError } from '../../api/labels';
import { type FieldError, duplicate, forbiddenField, invalidValue, notSupported, required } from '../field-errors';
import { registerStrategy, type Strategy } from '../strategy';
import { dedupe } from './common/errors';
import { markUpdate } from './common/operation';
import { validateLabelName, validateObjectMeta } from './common/meta';
import { validateResourceQuantity } from './common/pod-validation';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map((x) => (isObj(x) ? x : {})) : []);

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** validateNodeTaints. */
export function validateTaints(taints: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  list(taints).forEach((t, i) => {
    const p = `${field}[${i}]`;
    const key = String(t.key ?? '');
    errs.push(...validateLabelName(key, `${p}.key`));
    const msg = labelValueError(String(t.value ?? ''));
    if (msg) errs.push(invalidValue(`${p}.value`, String(t.value ?? ''), msg));
    const effect = String(t.effect ?? '');
    if (!effect) errs.push(required(`${p}.effect`));
    else if (!EFFECTS.includes(effect)) errs.push(notSupported(`${p}.effect`, effect, EFFECTS));
    const k = `${effect}\u0000${key}`;
    if (seen.has(k)) {
      errs.push({ ...duplicate(p, `${key}:${effect}`), detail: 'taints must be unique by key and effect pair' });
      return;
    }
    seen.add(k);
  });
  return errs;
}

/** The Node strategy. */
export const nodeStrategy: Strategy = {
  hasStatusSubresource: true,
  applyDefaults(obj) {
    const status = isObj(obj.status) ? obj.status : undefined;
    if (status && isObj(status.capacity) && !isObj(status.allocatable)) status.allocatable = { ...status.capacity };
  },
  prepareForUpdate(obj) {
    markUpdate(obj);
  },
  validate(obj) {
    const errs = validateObjectMeta(obj);
    const spec = isObj(obj.spec) ? obj.spec : {};
    errs.push(...validateTaints(spec.taints, 'metadata.taints'));
    const status = isObj(obj.status) ? obj.status : {};
    for (const part of ['capacity', 'allocatable']) {
      const m = isObj(status[part]) ? status[part] : {};
      for (const k of Object.keys(m).sort()) errs.push(...validateResourceQuantity(k, m[k], `status.${part}.${k}`));
    }
    return dedupe(errs);
  },
  validateUpdate(obj, old) {
    const spec = isObj(obj.spec) ? obj.spec : {};
    const oldSpec = isObj(old.spec) ? old.spec : {};
    const errs: FieldError[] = [];
    const oldCidrs = Array.isArray(oldSpec.podCIDRs) ? (oldSpec.podCIDRs as string[]) : [];
    const newCidrs = Array.isArray(spec.podCIDRs) ? (spec.podCIDRs as string[]) : [];
    if (oldCidrs.length > 0 && (oldCidrs.length !== newCidrs.length || oldCidrs.some((c, i) => c !== newCidrs[i]))) {
      errs.push(forbiddenField('spec.podCIDRs', 'node updates may not change podCIDR except from "" to valid'));
    }
    if (oldSpec.providerID && oldSpec.providerID !== spec.providerID) {
      errs.push(forbiddenField('spec.providerID', 'node updates may not change providerID except from "" to valid'));
    }
    return errs;
  },
};

/** Registers the Node strategy. */
export function registerNodeStrategy(): void {
  registerStrategy('Node', nodeStrategy);
}
