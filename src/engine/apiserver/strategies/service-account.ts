/**
 * The ServiceAccount strategy: object metadata only (names are DNS-1123 subdomains).
 * Models pkg/apis/core/validation/validation.go ValidateServiceAccount.
 */
import { registerStrategy, type Strategy } from '../strategy';
import { dedupe } from './common/errors';
import { validateObjectMeta } from './common/meta';

/** The ServiceAccount strategy. */
export const serviceAccountStrategy: Strategy = {
  hasStatusSubresource: false,
  validate(obj) {
    return dedupe(validateObjectMeta(obj));
  },
};

/** Registers the ServiceAccount strategy. */
export function registerServiceAccountStrategy(): void {
  registerStrategy('ServiceAccount', serviceAccountStrategy);
}
