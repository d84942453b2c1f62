/**
 * The LimitRange strategy: Container items get default limits from max and default requests from the default
 * limit or min, and ValidateLimitRange checks types, resource names and min <= default request <= default <= max.
 * Models pkg/apis/core/v1/defaults.go SetDefaults_LimitRangeItem and pkg/apis/core/validation/validation.go
 * ValidateLimitRange.
 */
import type { KubeObject } from '../../api/types';
import { type FieldError, duplicate, forbiddenField, invalidValue, required } from '../field-errors';
import { registerStrategy, type Strategy } from '../strategy';
import { dedupe, keyPath } from './common/errors';
import { validateObjectMeta } from './common/meta';
import { canonicalQuantity, parseQty, qtyCmp, type Qty } from './common/quantity';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const items = (obj: KubeObject): Obj[] => {
  const spec = isObj(obj.spec) ? obj.spec : {};
  return Array.isArray(spec.limits) ? (spec.limits as unknown[]).map((x) => (isObj(x) ? x : {})) : [];
};

const LIMIT_TYPES = ['Pod', 'Container', 'PersistentVolumeClaim'];

/** Models SetDefaults_LimitRangeItem for Container items. */
function defaultItem(item: Obj): void {
  if (item.type !== 'Container') return;
  const def = isObj(item.default) ? item.default : (item.default = {});
  const defReq = isObj(item.defaultRequest) ? item.defaultRequest : (item.defaultRequest = {});
  for (const [k, v] of Object.entries(isObj(item.max) ? item.max : {})) if (!(k in def)) def[k] = v;
  for (const [k, v] of Object.entries(def)) if (!(k in defReq)) defReq[k] = v;
  for (const [k, v] of Object.entries(isObj(item.min) ? item.min : {})) if (!(k in defReq)) defReq[k] = v;
}

/** The LimitRange strategy. */
export const limitRangeStrategy: Strategy = {
  hasStatusSubresource: false,
  applyDefaults(obj) {
    for (const item of items(obj)) defaultItem(item);
  },
  validate(obj) {
    const errs: FieldError[] = validateObjectMeta(obj);
    const seenTypes = new Set<string>();
    items(obj).forEach((item, i) => {
      const p = `spec.limits[${i}]`;
      const type = String(item.type ?? '');
      if (!type.includes('/') && !LIMIT_TYPES.includes(type)) errs.push(invalidValue(`${p}.type`, type, 'must be a standard limit type or fully qualified'));
      if (seenTypes.has(type)) errs.push(duplicate(`${p}.type`, type));
      seenTypes.add(type);
      const parts: Record<string, Map<string, Qty>> = {};
      for (const part of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio']) {
        const m = new Map<string, Qty>();
        const src = isObj(item[part]) ? (item[part] as Obj) : {};
        if (type === 'Pod' && (part === 'default' || part === 'defaultRequest') && Object.keys(src).length > 0) {
          errs.push(forbiddenField(`${p}.${part}`, "may not be specified when `type` is 'Pod'"));
          continue;
        }
        for (const [k, v] of Object.entries(src)) {
          const q = parseQty(v);
          if (q) m.set(k, q);
        }
        parts[part] = m;
      }
      if (type === 'PersistentVolumeClaim' && !parts.min?.has('storage') && !parts.max?.has('storage')) {
        errs.push(required(`${p}.limits`, 'either minimum or maximum storage value is required, but neither was provided'));
      }
      const keys = new Set<string>();
      for (const m of Object.values(parts)) for (const k of m.keys()) keys.add(k);
      for (const k of [...keys].sort()) {
        const min = parts.min?.get(k);
        const max = parts.max?.get(k);
        const def = parts.default?.get(k);
        const defReq = parts.defaultRequest?.get(k);
        const ratio = parts.maxLimitRequestRatio?.get(k);
        const s = (part: string) => canonicalQuantity((item[part] as Obj)[k]);
        if (min && max && qtyCmp(min, max) > 0) errs.push(invalidValue(keyPath(`${p}.min`, k), s('min'), `min value ${s('min')} is greater than max value ${s('max')}`));
        if (defReq && min && qtyCmp(min, defReq) > 0) errs.push(invalidValue(keyPath(`${p}.defaultRequest`, k), s('defaultRequest'), `min value ${s('min')} is greater than default request value ${s('defaultRequest')}`));
        if (defReq && max && qtyCmp(defReq, max) > 0) errs.push(invalidValue(keyPath(`${p}.defaultRequest`, k), s('defaultRequest'), `default request value ${s('defaultRequest')} is greater than max value ${s('max')}`));
        if (defReq && def && qtyCmp(defReq, def) > 0) errs.push(invalidValue(keyPath(`${p}.defaultRequest`, k), s('defaultRequest'), `default request value ${s('defaultRequest')} is greater than default limit value ${s('default')}`));
        if (def && min && qtyCmp(min, def) > 0) errs.push(invalidValue(keyPath(`${p}.default`, k), s('min'), `min value ${s('min')} is greater than default value ${s('default')}`));
        if (def && max && qtyCmp(def, max) > 0) errs.push(invalidValue(keyPath(`${p}.default`, k), s('max'), `default value ${s('default')} is greater than max value ${s('max')}`));
        if (ratio && ratio.nanos < 1_000_000_000n) errs.push(invalidValue(keyPath(`${p}.maxLimitRequestRatio`, k), s('maxLimitRequestRatio'), `ratio ${s('maxLimitRequestRatio')} is less than 1`));
      }
    });
    return dedupe(errs);
  },
};

/** Registers the LimitRange strategy. */
export function registerLimitRangeStrategy(): void {
  registerStrategy('LimitRange', limitRangeStrategy);
}
