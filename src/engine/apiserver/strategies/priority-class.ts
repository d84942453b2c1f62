/**
 * The PriorityClass strategy: PreemptLowerPriority by default, the reserved `system-` prefix and the maximum
 * user-defined value, and an immutable value and preemption policy.
 * Models pkg/apis/scheduling/v1/defaults.go, pkg/apis/scheduling/validation/validation.go and
 * pkg/apis/scheduling (SystemPriorityClasses, HighestUserDefinablePriority).
 */
import { type FieldError, forbiddenField, notSupported } from '../field-errors';
import { registerStrategy, type Strategy } from '../strategy';
import { dedupe, immutableField } from './common/errors';
import { validateObjectMeta } from './common/meta';

/** The priority classes the apiserver creates, with their fixed values. */
export const SYSTEM_PRIORITY_CLASSES: Readonly<Record<string, number>> = {
  'system-cluster-critical': 2000000000,
  'system-node-critical': 2000001000,
};

/** HighestUserDefinablePriority. */
export const HIGHEST_USER_DEFINABLE_PRIORITY = 1000000000;

/** IsKnownSystemPriorityClass: the error text, or undefined for a known class with the right value. */
function systemClassError(name: string, value: number, globalDefault: boolean): string | undefined {
  const known = SYSTEM_PRIORITY_CLASSES[name];
  if (known === undefined) return `${name} is not a known system priority class`;
  if (known !== value) return `value of ${name} PriorityClass must be ${known}`;
  if (globalDefault) return `globalDefault of ${name} PriorityClass must be false`;
  return undefined;
}

/** The PriorityClass strategy. */
export const priorityClassStrategy: Strategy = {
  hasStatusSubresource: false,
  applyDefaults(obj) {
    if (!obj.preemptionPolicy) obj.preemptionPolicy = 'PreemptLowerPriority';
  },
  validate(obj) {
    const errs: FieldError[] = validateObjectMeta(obj);
    const name = obj.metadata.name;
    const value = typeof obj.value === 'number' ? obj.value : 0;
    if (name.startsWith('system-')) {
      const why = systemClassError(name, value, obj.globalDefault === true);
      if (why) errs.push(forbiddenField('metadata.name', `priority class names with 'system-' prefix are reserved for system use only. error: ${why}`));
    } else if (value > HIGHEST_USER_DEFINABLE_PRIORITY) {
      errs.push(forbiddenField('value', `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}`));
    }
    const pp = obj.preemptionPolicy;
    if (pp !== undefined && pp !== 'PreemptLowerPriority' && pp !== 'Never') errs.push(notSupported('preemptionPolicy', pp, ['PreemptLowerPriority', 'Never']));
    return dedupe(errs);
  },
  validateUpdate(obj, old) {
    const errs: FieldError[] = [];
    if (obj.value !== old.value) errs.push(forbiddenField('value', 'may not be changed in an update.'));
    errs.push(...immutableField(obj.preemptionPolicy, old.preemptionPolicy, 'preemptionPolicy'));
    return errs;
  },
};

/** Registers the PriorityClass strategy. */
export function registerPriorityClassStrategy(): void {
  registerStrategy('PriorityClass', priorityClassStrategy);
}
