/**
 * IntOrString values such as `maxSurge: 25%` resolved against a total.
 * Models staging/src/k8s.io/apimachinery/pkg/util/intstr/intstr.go (GetScaledValueFromIntOrPercent).
 */

/** A value or an error message: expected failures are values. */
export type Fallible<T> = { ok: true; value: T } | { ok: false; error: string };

/** An IntOrString as it appears in JSON. */
export type IntOrString = number | string;

/**
 * Resolves an int (returned as is) or a percentage of `total`: `ceil(p*total/100)` when rounding up, otherwise
 * `floor(...)`. A string without `%` is an error, as upstream.
 */
export function getScaledValueFromIntOrPercent(value: IntOrString | undefined | null, total: number, roundUp: boolean): Fallible<number> {
  if (value === undefined || value === null) return { ok: false, error: 'nil value for IntOrString' };
  if (typeof value === 'number') return { ok: true, value: Math.trunc(value) };
  if (!value.endsWith('%')) return { ok: false, error: 'invalid value for IntOrString: invalid type: string is not a percentage' };
  const digits = value.slice(0, -1);
  if (!/^[+-]?\d+$/.test(digits)) return { ok: false, error: `invalid value for IntOrString: invalid value "${value}": strconv.Atoi: parsing "${digits}": invalid syntax` };
  const p = Number(digits);
  // Same float operation order as Go: float64(value) * float64(total) / 100.
  const scaled = (p * total) / 100;
  return { ok: true, value: roundUp ? Math.ceil(scaled) : Math.floor(scaled) };
}
