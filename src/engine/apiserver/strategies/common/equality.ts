/**
 * Semantic equality of API values, as apiequality.Semantic.DeepEqual compares them: nil and empty maps or slices
 * are equal, and quantities compare by value (`1000m` equals `1`).
 */
import { canonicalJson } from '../../../api/names';
import { parseQty, qtyString } from './quantity';

/** Strips empty maps and lists and unset fields so that `{}`, `[]`, null and a missing field compare equal. */
export function normalizeForEquality(v: unknown): unknown {
  if (v === null || v === undefined) return undefined;
  if (Array.isArray(v)) {
    const items = v.map(normalizeForEquality);
    return items.length === 0 ? undefined : items;
  }
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
      const n = normalizeForEquality(val);
      if (n !== undefined) out[k] = n;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return v;
}

/** True when two values are semantically equal. */
export function semanticEqual(a: unknown, b: unknown): boolean {
  return canonicalJson(normalizeForEquality(a) ?? null) === canonicalJson(normalizeForEquality(b) ?? null);
}

/** True when two resource maps hold the same quantities (`1Gi` equals `1024Mi`). */
export function quantitiesEqual(a: Record<string, unknown> | undefined, b: Record<string, unknown> | undefined): boolean {
  const ka = Object.keys(a ?? {}).sort();
  const kb = Object.keys(b ?? {}).sort();
  if (ka.join(',') !== kb.join(',')) return false;
  return ka.every((k) => {
    const qa = parseQty(a![k]);
    const qb = parseQty(b![k]);
    return qa && qb ? qa.nanos === qb.nanos : String(a![k]) === String(b![k]);
  });
}

/** The canonical text of a resource map's quantities, for comparisons and messages. */
export function canonicalResources(m: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(m ?? {})) {
    const q = parseQty(v);
    out[k] = q ? qtyString(q) : String(v);
  }
  return out;
}
