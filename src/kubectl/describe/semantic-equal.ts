/**
 * Deep equality of stored JSON values the way apimachinery's semantic equality treats them.
 */
import { parseQty } from './quantity';

/**
 * True when two JSON values are equal, treating absent, null, empty arrays and empty objects as the same,
 * and comparing resource quantities (under `resources`, `overhead`, `sizeLimit`) by value.
 * Models staging/src/k8s.io/apimachinery/pkg/api/equality/semantic.go Semantic.DeepEqual (nil and empty
 * slices and maps are equal; Quantity compares by Cmp).
 */
export function semanticEqual(a: unknown, b: unknown, inQuantities = false): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (inQuantities && isQuantity(a) && isQuantity(b)) return parseQty(a).nano === parseQty(b).nano;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => semanticEqual(v, b[i], inQuantities));
  }
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const quantities = inQuantities || QUANTITY_PARENTS.has(k);
      if (!semanticEqual(a[k], b[k], quantities)) return false;
    }
    return true;
  }
  return a === b;
}

const QUANTITY_PARENTS = new Set(['resources', 'overhead', 'sizeLimit', 'limits', 'requests']);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  return isObject(v) && Object.keys(v).length === 0;
}

function isQuantity(v: unknown): v is string | number {
  return typeof v === 'string' || typeof v === 'number';
}
