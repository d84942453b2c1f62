/**
 * The Lease strategy: a positive lease duration and non-negative transitions.
 * Models pkg/apis/coordination/validation/validation.go ValidateLeaseSpec.
 */
import { invalidValue } from '../field-errors';
import { registerStrategy, type Strategy } from '../strategy';
import { dedupe } from './common/errors';
import { validateObjectMeta } from './common/meta';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The Lease strategy. */
export const leaseStrategy: Strategy = {
  hasStatusSubresource: false,
  validate(obj) {
    const errs = validateObjectMeta(obj);
    const spec = isObj(obj.spec) ? obj.spec : {};
    if (typeof spec.leaseDurationSeconds === 'number' && spec.leaseDurationSeconds <= 0) {
      errs.push(invalidValue('spec.leaseDurationSeconds', spec.leaseDurationSeconds, 'must be greater than 0'));
    }
    if (typeof spec.leaseTransitions === 'number' && spec.leaseTransitions < 0) {
      errs.push(invalidValue('spec.leaseTransitions', spec.leaseTransitions, 'must be greater than or equal to 0'));
    }
    return dedupe(errs);
  },
};

/** Registers the Lease strategy. */
export function registerLeaseStrategy(): void {
  registerStrategy('Lease', leaseStrategy);
}
