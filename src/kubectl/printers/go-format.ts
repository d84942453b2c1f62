/**
 * Go's ways of turning decoded JSON values (map[string]interface{}, []interface{}, string, int64, float64, bool,
 * nil) into text, which kubectl's JSONPath and custom-columns output expose: fmt's %v and %#v, and
 * encoding/json's Marshal. Also the few typed values a JSONPath template can produce besides JSON data.
 */

/** A float literal of a template (`3.0`): Go keeps it a float64 even when it is integral. */
export class GoFloat {
  constructor(readonly value: number) {}
}

/** A byte of a string that a JSONPath wildcard walked into (Go yields uint8 values). */
export class GoUint {
  constructor(readonly value: number) {}
}

/** The Go kinds a value maps to; integral JSON numbers decode to int64, others to float64. */
export type GoKind = 'invalid' | 'bool' | 'int' | 'uint' | 'float' | 'string' | 'map' | 'slice';

/** The reflect kind Go would see for a decoded value. */
export function goKind(v: unknown): GoKind {
  if (v === null || v === undefined) return 'invalid';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (v instanceof GoFloat) return 'float';
  if (v instanceof GoUint) return 'uint';
  if (Array.isArray(v)) return 'slice';
  return 'map';
}

/** The Go type name of a decoded value, as reflect.Type prints it in error messages. */
export function goTypeName(v: unknown): string {
  switch (goKind(v)) {
    case 'invalid':
      return 'interface {}';
    case 'bool':
      return 'bool';
    case 'string':
      return 'string';
    case 'int':
      return 'int64';
    case 'uint':
      return 'uint8';
    case 'float':
      return 'float64';
    case 'slice':
      return '[]interface {}';
    case 'map':
      return 'map[string]interface {}';
  }
}

/** A float64 as fmt's %v prints it: shortest digits, exponent form (two digits at least) below 1e-4 and from 1e6. */
// Models strconv.FormatFloat(f, 'g', -1, 64): with the shortest precision, %e is used when the decimal exponent
// is below -4 or at least 6.
export function goFloatString(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mantissa, expText] = f.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const digits = String(Math.abs(exp)).padStart(2, '0');
    return `${mantissa}e${exp < 0 ? '-' : '+'}${digits}`;
  }
  // In this range JavaScript prints the same shortest digits in fixed notation.
  return String(f);
}

function numberText(v: number): string {
  return Number.isInteger(v) ? (Object.is(v, -0) ? '0' : String(v)) : goFloatString(v);
}

function sortedKeys(o: object): string[] {
  // Go sorts map keys by byte order; code-unit order agrees for the keys Kubernetes objects carry. Undefined
  // properties are absent, as they are once the object goes through JSON.
  return Object.keys(o)
    .filter((k) => (o as Record<string, unknown>)[k] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** fmt.Sprint of a decoded value: `map[a:1 b:x]`, `[a b]`, `<nil>`, strings as they are. */
export function goSprint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return numberText(v);
  if (v instanceof GoFloat) return goFloatString(v.value);
  if (v instanceof GoUint) return String(v.value);
  if (Array.isArray(v)) return `[${v.map(goSprint).join(' ')}]`;
  const o = v as Record<string, unknown>;
  return `map[${sortedKeys(o).map((k) => `${k}:${goSprint(o[k])}`).join(' ')}]`;
}

/** fmt's %#v of a decoded value: `map[string]interface {}{"a":1, "b":[]interface {}{"x"}}`. */
export function goSharpV(v: unknown, nested = false): string {
  if (v === null || v === undefined) return nested ? 'interface {}(nil)' : '<nil>';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return numberText(v);
  if (v instanceof GoFloat) return goFloatString(v.value);
  if (v instanceof GoUint) return `0x${v.value.toString(16)}`;
  if (Array.isArray(v)) return `[]interface {}{${v.map((x) => goSharpV(x, true)).join(', ')}}`;
  const o = v as Record<string, unknown>;
  return `map[string]interface {}{${sortedKeys(o).map((k) => `${JSON.stringify(k)}:${goSharpV(o[k], true)}`).join(', ')}}`;
}

/** encoding/json.Marshal of a decoded value: compact, map keys sorted, `<`, `>`, `&` escaped. */
export function goJsonMarshal(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goJsonString(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  // encoding/json formats floats like JavaScript does (the ES6 number-to-string rules).
  if (typeof v === 'number') return Number.isFinite(v) ? JSON.stringify(v) : 'null';
  if (v instanceof GoFloat) return JSON.stringify(v.value);
  if (v instanceof GoUint) return String(v.value);
  if (Array.isArray(v)) return `[${v.map(goJsonMarshal).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${sortedKeys(o).map((k) => `${goJsonString(k)}:${goJsonMarshal(o[k])}`).join(',')}}`;
}

function goJsonString(s: string): string {
  // Go escapes HTML-significant characters and the JavaScript line separators that JSON.stringify leaves raw.
  return JSON.stringify(s)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
