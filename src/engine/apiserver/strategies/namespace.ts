/**
 * The Namespace strategy: the `kubernetes.io/metadata.name` label, Active phase and the `kubernetes` finalizer on
 * create, DNS-1123 label names and finalizer-name validation.
 * Models pkg/apis/core/v1/defaults.go SetDefaults_Namespace, pkg/registry/core/namespace/strategy.go and
 * pkg/apis/core/validation/validation.go ValidateNamespace.
 */
import { type FieldError, invalidValue } from '../field-errors';
import { registerStrategy, type Strategy } from '../strategy';
import { dedupe } from './common/errors';
import { markUpdate } from './common/operation';
import { nameIsDNSLabel, validateObjectMeta } from './common/meta';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The label every namespace carries with its own name. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

const STANDARD_FINALIZERS = ['kubernetes', 'orphan', 'foregroundDeletion'];

/** validateFinalizerName: qualified names, and unqualified ones must be standard. */
function validateFinalizer(name: string, field: string): FieldError[] {
  if (!name.includes('/') && !STANDARD_FINALIZERS.includes(name)) {
    return [invalidValue(field, name, 'name is neither a standard finalizer name nor is it fully qualified')];
  }
  return [];
}

/** The Namespace strategy. */
export const namespaceStrategy: Strategy = {
  hasStatusSubresource: true,
  applyDefaults(obj) {
    if (obj.metadata.name) obj.metadata.labels = { ...(obj.metadata.labels ?? {}), [NAMESPACE_NAME_LABEL]: obj.metadata.name };
  },
  prepareForCreate(obj) {
    obj.status = { phase: 'Active' };
    const spec = isObj(obj.spec) ? obj.spec : (obj.spec = {});
    const finalizers = Array.isArray(spec.finalizers) ? (spec.finalizers as string[]) : [];
    if (!finalizers.includes('kubernetes')) spec.finalizers = [...finalizers, 'kubernetes'];
  },
  prepareForUpdate(obj, old) {
    markUpdate(obj);
    // Divergence: upstream keeps spec.finalizers on every update and only /finalize changes them; without that
    // subresource here, an update that omits spec.finalizers keeps the stored ones and an explicit list replaces them.
    const spec = isObj(obj.spec) ? obj.spec : (obj.spec = {});
    const oldSpec = isObj(old.spec) ? old.spec : {};
    if (spec.finalizers === undefined && oldSpec.finalizers !== undefined) spec.finalizers = oldSpec.finalizers;
  },
  validate(obj) {
    const errs = validateObjectMeta(obj, nameIsDNSLabel);
    const spec = isObj(obj.spec) ? obj.spec : {};
    for (const f of Array.isArray(spec.finalizers) ? (spec.finalizers as string[]) : []) errs.push(...validateFinalizer(String(f), 'spec.finalizers'));
    return dedupe(errs);
  },
};

/** Registers the Namespace strategy. */
export function registerNamespaceStrategy(): void {
  registerStrategy('Namespace', namespaceStrategy);
}
