/**
 * The ConfigMap strategy: ValidateConfigMap (keys, no key in both data and binaryData, 1 MiB total) and the
 * `immutable` rule.
 * Models pkg/apis/core/validation/validation.go ValidateConfigMap / ValidateConfigMapUpdate.
 */
import { type FieldError, forbiddenField, invalidValue } from '../field-errors';
import { registerStrategy, type Strategy } from '../strategy';
import { dedupe, keyPath } from './common/errors';
import { semanticEqual } from './common/equality';
import { validateObjectMeta } from './common/meta';
import { configMapKeyErrors } from './common/pod-validation';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** core.MaxSecretSize, the limit of ConfigMaps and Secrets. */
export const MAX_DATA_SIZE = 1 * 1024 * 1024;

/** The ConfigMap strategy. */
export const configMapStrategy: Strategy = {
  hasStatusSubresource: false,
  validate(obj) {
    const errs = validateObjectMeta(obj);
    const data = isObj(obj.data) ? obj.data : {};
    const binary = isObj(obj.binaryData) ? obj.binaryData : {};
    let total = 0;
    for (const k of Object.keys(data).sort()) {
      errs.push(...configMapKeyErrors(k).map((m) => invalidValue(keyPath('data', k), k, m)));
      if (k in binary) errs.push(invalidValue(keyPath('data', k), k, 'duplicate of key present in binaryData'));
      total += String(data[k] ?? '').length;
    }
    for (const k of Object.keys(binary).sort()) {
      errs.push(...configMapKeyErrors(k).map((m) => invalidValue(keyPath('binaryData', k), k, m)));
      total += Math.floor((String(binary[k] ?? '').length * 3) / 4);
    }
    if (total > MAX_DATA_SIZE) errs.push({ type: 'TooLong', field: '', detail: `may not be more than ${MAX_DATA_SIZE} bytes` });
    return dedupe(errs);
  },
  validateUpdate(obj, old) {
    const errs: FieldError[] = [];
    if (old.immutable === true) {
      if (obj.immutable !== true) errs.push(forbiddenField('immutable', 'field is immutable when `immutable` is set'));
      if (!semanticEqual(obj.data, old.data)) errs.push(forbiddenField('data', 'field is immutable when `immutable` is set'));
      if (!semanticEqual(obj.binaryData, old.binaryData)) errs.push(forbiddenField('binaryData', 'field is immutable when `immutable` is set'));
    }
    return errs;
  },
};

/** Registers the ConfigMap strategy. */
export function registerConfigMapStrategy(): void {
  registerStrategy('ConfigMap', configMapStrategy);
}
