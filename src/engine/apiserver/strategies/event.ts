/**
 * The Event strategy: legacy (core/v1) Events must name their own namespace in involvedObject, or be in
 * `default` for cluster-scoped objects.
 * Models pkg/apis/core/validation/events.go legacyValidateEvent.
 */
import { type FieldError, invalidValue } from '../field-errors';
import { registerStrategy, type Strategy } from '../strategy';
import { dedupe } from './common/errors';
import { validateObjectMeta } from './common/meta';

/** The Event strategy. */
export const eventStrategy: Strategy = {
  hasStatusSubresource: false,
  validate(obj) {
    const errs: FieldError[] = validateObjectMeta(obj);
    const involved = (obj.involvedObject ?? {}) as { namespace?: string };
    const ns = obj.metadata.namespace ?? '';
    const target = involved.namespace ?? '';
    if (!obj.eventTime) {
      if (!target) {
        if (ns !== '' && ns !== 'default') errs.push(invalidValue('involvedObject.namespace', target, 'does not match event.namespace'));
      } else if (ns !== target) {
        errs.push(invalidValue('involvedObject.namespace', target, 'does not match event.namespace'));
      }
    }
    return dedupe(errs);
  },
};

/** Registers the Event strategy. */
export function registerEventStrategy(): void {
  registerStrategy('Event', eventStrategy);
}
