/**
 * The ResourceQuota strategy: ValidateResourceQuota (quota resource names, non-negative and integral counts,
 * scopes) and a status whose hard and used values are computed from the namespace when the quota is written, so
 * `kubectl get quota` right after `apply` shows real usage.
 * Models pkg/apis/core/validation/validation.go ValidateResourceQuota and, for the status, the initial sync of
 * pkg/controller/resourcequota.
 */
import { labelKeyError } from '../../api/labels';
import { type FieldError, invalidValue } from '../field-errors';
import { registerStrategy, type Strategy } from '../strategy';
import { computeQuotaStatus } from '../admission/quota-usage';
import { dedupe, keyPath } from './common/errors';
import { markUpdate } from './common/operation';
import { validateObjectMeta } from './common/meta';
import { validateResourceQuantity } from './common/pod-validation';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

const STANDARD_QUOTA_RESOURCES = new Set([
  'pods', 'services', 'replicationcontrollers', 'resourcequotas', 'secrets', 'configmaps', 'persistentvolumeclaims',
  'services.nodeports', 'services.loadbalancers', 'cpu', 'memory', 'ephemeral-storage', 'requests.cpu',
  'requests.memory', 'requests.storage', 'requests.ephemeral-storage', 'limits.cpu', 'limits.memory',
  'limits.ephemeral-storage',
]);
const SCOPES = ['Terminating', 'NotTerminating', 'BestEffort', 'NotBestEffort', 'PriorityClass', 'CrossNamespacePodAffinity'];

/** ValidateResourceQuotaResourceName. */
function validateQuotaResourceName(name: string, field: string): FieldError[] {
  const msg = labelKeyError(name);
  if (msg) return [invalidValue(field, name, msg)];
  if (!name.includes('/') && !STANDARD_QUOTA_RESOURCES.has(name) && !name.startsWith('requests.hugepages-')) {
    return [invalidValue(field, name, 'must be a standard resource for quota')];
  }
  return [];
}

/** The ResourceQuota strategy. */
export const resourceQuotaStrategy: Strategy = {
  hasStatusSubresource: true,
  prepareForCreate(obj, ctx) {
    obj.status = computeQuotaStatus(obj, ctx);
  },
  prepareForUpdate(obj, _old, ctx) {
    markUpdate(obj);
    // A changed spec.hard shows in status at once, as the quota controller resyncs a changed quota immediately.
    obj.status = computeQuotaStatus(obj, ctx);
  },
  validate(obj) {
    const errs = validateObjectMeta(obj);
    const spec = isObj(obj.spec) ? obj.spec : {};
    const hard = isObj(spec.hard) ? spec.hard : {};
    for (const k of Object.keys(hard).sort()) {
      const p = keyPath('spec.hard', k);
      errs.push(...validateQuotaResourceName(k, p));
      errs.push(...validateResourceQuantity(k, hard[k], p));
    }
    const scopes = Array.isArray(spec.scopes) ? (spec.scopes as string[]) : [];
    for (const s of scopes) if (!SCOPES.includes(s)) errs.push(invalidValue('spec.scopes', scopes, 'unsupported scope'));
    if ((scopes.includes('BestEffort') && scopes.includes('NotBestEffort')) || (scopes.includes('Terminating') && scopes.includes('NotTerminating'))) {
      errs.push(invalidValue('spec.scopes', scopes, 'conflicting scopes'));
    }
    return dedupe(errs);
  },
  validateUpdate(obj, old) {
    const scopes = (o: typeof obj) => [...((isObj(o.spec) && Array.isArray(o.spec.scopes) ? o.spec.scopes : []) as string[])].sort().join(',');
    return scopes(obj) === scopes(old) ? [] : [invalidValue('spec.scopes', (isObj(obj.spec) ? obj.spec.scopes : undefined) ?? null, 'field is immutable')];
  },
};

/** Registers the ResourceQuota strategy. */
export function registerResourceQuotaStrategy(): void {
  registerStrategy('ResourceQuota', resourceQuotaStrategy);
}
