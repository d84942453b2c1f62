/**
 * Helpers over plain JSON values shared by the patch algorithms: type tests, deep equality and copying that never
 * touch prototypes, and Go's `%v` formatting for the messages upstream builds with it.
 */

/** A JSON object. */
export type JsonMap = Record<string, unknown>;

/** True for a JSON object (not an array, not null). */
export function isMap(v: unknown): v is JsonMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Sets an own property without ever invoking the `__proto__` setter. */
export function setKey(obj: JsonMap, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  else obj[key] = value;
}

/** Own-property lookup (so `constructor` or `__proto__` keys are data, not prototype members). */
export function hasKey(obj: JsonMap, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/** The value of an own property, or undefined. */
export function getKey(obj: JsonMap, key: string): unknown {
  return hasKey(obj, key) ? obj[key] : undefined;
}

/** A deep copy of a JSON value. */
export function cloneJson<T>(v: T): T {
  if (Array.isArray(v)) return v.map(cloneJson) as T;
  if (isMap(v)) {
    const out: JsonMap = {};
    for (const k of Object.keys(v)) setKey(out, k, cloneJson(v[k]));
    return out as T;
  }
  return v;
}

/** Deep equality of JSON values (Go's reflect.DeepEqual on decoded JSON). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => jsonEqual(x, b[i]));
  }
  if (isMap(a)) {
    if (!isMap(b)) return false;
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => hasKey(b, k) && jsonEqual(a[k], b[k]));
  }
  return false;
}

/** Go's strconv.FormatFloat(f, 'g', -1, 64), which `%v` uses for JSON numbers (`80`, `1e+06`, `1.5`). */
export function formatGoFloat(f: number): string {
  if (f === 0 || !Number.isFinite(f)) return String(f);
  const [mant, e] = f.toExponential().split('e') as [string, string];
  const exp = Number(e);
  // Shortest formatting switches to an exponent below 1e-4 and from 1e6 up.
  if (exp < -4 || exp >= 6) return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(f);
}

/** Go's `%v` of a decoded JSON value (`map[name:a port:80]`, `[a b]`, `<nil>`). */
export function goFmtV(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatGoFloat(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return `[${v.map(goFmtV).join(' ')}]`;
  const obj = v as JsonMap;
  return `map[${Object.keys(obj)
    .sort()
    .map((k) => `${k}:${goFmtV(obj[k])}`)
    .join(' ')}]`;
}
