/**
 * The ControllerRevision strategy: data is mandatory, the revision non-negative, and data immutable.
 * Models pkg/apis/apps/validation/validation.go ValidateControllerRevision / ValidateControllerRevisionUpdate.
 */
import { required } from '../field-errors';
import { registerStrategy, type Strategy } from '../strategy';
import { IMMUTABLE, dedupe, invalidRendered, nonNegative } from './common/errors';
import { semanticEqual } from './common/equality';
import { validateObjectMeta } from './common/meta';

/** The ControllerRevision strategy. */
export const controllerRevisionStrategy: Strategy = {
  hasStatusSubresource: false,
  validate(obj) {
    const errs = validateObjectMeta(obj);
    if (obj.data === undefined || obj.data === null) errs.push(required('data', 'data is mandatory'));
    errs.push(...nonNegative(obj.revision, 'revision'));
    return dedupe(errs);
  },
  validateUpdate(obj, old) {
    // Upstream renders the runtime.RawExtension struct; the JSON of the data stands in for it.
    return semanticEqual(obj.data, old.data) ? [] : [invalidRendered('data', `runtime.RawExtension{Raw:${JSON.stringify(JSON.stringify(obj.data ?? null))}}`, IMMUTABLE)];
  },
};

/** Registers the ControllerRevision strategy. */
export function registerControllerRevisionStrategy(): void {
  registerStrategy('ControllerRevision', controllerRevisionStrategy);
}
