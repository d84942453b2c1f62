/**
 * Label selectors: the `-l` string form and the LabelSelector object form, and matching.
 * Models staging/src/k8s.io/apimachinery/pkg/labels/selector.go (Parse, Requirement.Matches).
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';

/** One requirement of a selector. */
export interface Requirement {
  key: string;
  op: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | '=' | '!=' | 'Gt' | 'Lt';
  values: string[];
}

/** A parsed selector: every requirement must hold. An empty list matches everything. */
export type Selector = readonly Requirement[];

/** Labels of an object (undefined means none). */
export type Labels = Readonly<Record<string, string>> | undefined;

/** True when `labels` satisfy every requirement. */
export function matches(selector: Selector, labels: Labels): boolean {
  for (const r of selector) {
    const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
    const v = has ? labels![r.key]! : undefined;
    switch (r.op) {
      case '=':
      case 'In':
        if (!has || !r.values.includes(v!)) return false;
        break;
      case '!=':
      case 'NotIn':
        if (has && r.values.includes(v!)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      case 'Gt':
      case 'Lt': {
        if (!has || !/^-?\d+$/.test(v!)) return false;
        const n = Number(v);
        const bound = Number(r.values[0]);
        if (r.op === 'Gt' ? !(n > bound) : !(n < bound)) return false;
        break;
      }
    }
  }
  return true;
}

/** Converts a LabelSelector object; a nil selector matches nothing, an empty one everything (as upstream). */
export function fromLabelSelector(sel: LabelSelector | undefined | null): Selector | null {
  if (!sel) return null;
  const out: Requirement[] = [];
  for (const k of Object.keys(sel.matchLabels ?? {}).sort()) out.push({ key: k, op: '=', values: [sel.matchLabels![k]!] });
  for (const e of sel.matchExpressions ?? []) {
    out.push({ key: e.key, op: e.operator as Requirement['op'], values: [...(e.values ?? [])] });
  }
  return out;
}

/** True when a LabelSelector object selects `labels` (nil selects nothing). */
export function selectorMatches(sel: LabelSelector | undefined | null, labels: Labels): boolean {
  const s = fromLabelSelector(sel);
  return s !== null && matches(s, labels);
}

/** Selector from a plain label map (Service.spec.selector); empty or missing selects nothing. */
export function fromMap(map: Record<string, string> | undefined): Selector | null {
  if (!map || Object.keys(map).length === 0) return null;
  return Object.keys(map).sort().map((k) => ({ key: k, op: '=' as const, values: [map[k]!] }));
}

/** The string form kubectl prints (`app=web,tier in (a,b)`), or `<none>` handled by callers for empty. */
export function selectorToString(sel: LabelSelector | undefined | null): string {
  const s = fromLabelSelector(sel);
  if (!s) return '';
  return s.map(requirementToString).join(',');
}

function requirementToString(r: Requirement): string {
  switch (r.op) {
    case '=':
      return `${r.key}=${r.values[0]}`;
    case '!=':
      return `${r.key}!=${r.values[0]}`;
    case 'In':
      return `${r.key} in (${[...r.values].sort().join(',')})`;
    case 'NotIn':
      return `${r.key} notin (${[...r.values].sort().join(',')})`;
    case 'Exists':
      return r.key;
    case 'DoesNotExist':
      return `!${r.key}`;
    case 'Gt':
      return `${r.key}>${r.values[0]}`;
    case 'Lt':
      return `${r.key}<${r.values[0]}`;
  }
}

/** Map form of labels as kubectl prints them (`app=web,tier=front`), sorted by key. */
export function labelsToString(labels: Labels): string {
  if (!labels) return '';
  return Object.keys(labels).sort().map((k) => `${k}=${labels[k]}`).join(',');
}

/** Result of parsing a `-l` string. */
export type ParseResult = { ok: true; selector: Selector } | { ok: false; error: string };

/** Parses kubectl's `-l` syntax: `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`, comma-separated. */
export function parseSelector(text: string): ParseResult {
  const out: Requirement[] = [];
  const s = text.trim();
  if (s === '') return { ok: true, selector: out };
  let i = 0;
  const err = (msg: string): ParseResult => ({ ok: false, error: `unable to parse requirement: ${msg}` });
  const skipWs = () => { while (i < s.length && s[i] === ' ') i++; };
  const readKey = (): string => {
    const start = i;
    while (i < s.length && /[A-Za-z0-9._\-/]/.test(s[i]!)) i++;
    return s.slice(start, i);
  };
  while (i < s.length) {
    skipWs();
    let negate = false;
    if (s[i] === '!') { negate = true; i++; skipWs(); }
    const key = readKey();
    if (!key) return err(`found '${s[i] ?? ''}', expected: identifier`);
    const keyErr = labelKeyError(key);
    if (keyErr) return { ok: false, error: `unable to parse requirement: <nil>: Invalid value: "${key}": ${keyErr}` };
    skipWs();
    if (negate) {
      out.push({ key, op: 'DoesNotExist', values: [] });
    } else if (i >= s.length || s[i] === ',') {
      out.push({ key, op: 'Exists', values: [] });
    } else if (s.startsWith('!=', i) || s.startsWith('==', i) || s[i] === '=') {
      const op = s.startsWith('!=', i) ? '!=' : '=';
      i += s.startsWith('==', i) || s.startsWith('!=', i) ? 2 : 1;
      skipWs();
      const start = i;
      while (i < s.length && s[i] !== ',' && s[i] !== ' ') i++;
      const value = s.slice(start, i);
      const vErr = labelValueError(value);
      if (vErr) return { ok: false, error: `unable to parse requirement: values[0][${key}]: Invalid value: "${value}": ${vErr}` };
      out.push({ key, op, values: [value] });
    } else if (s[i] === '>' || s[i] === '<') {
      const op = s[i] === '>' ? 'Gt' : 'Lt';
      i++;
      const start = i;
      while (i < s.length && s[i] !== ',') i++;
      out.push({ key, op, values: [s.slice(start, i).trim()] });
    } else {
      const word = /^(in|notin)\s*\(/.exec(s.slice(i));
      if (!word) return err(`found '${s.slice(i).split(/[ ,]/)[0]}', expected: in, notin, =, ==, !=, gt, lt`);
      i += word[0].length;
      const close = s.indexOf(')', i);
      if (close < 0) return err(`found '', expected: ')'`);
      const values = s.slice(i, close).split(',').map((v) => v.trim()).filter((v) => v !== '');
      i = close + 1;
      out.push({ key, op: word[1] === 'in' ? 'In' : 'NotIn', values });
    }
    skipWs();
    if (i < s.length) {
      if (s[i] !== ',') return err(`found '${s[i]}', expected: ',' or 'end of string'`);
      i++;
    }
  }
  return { ok: true, selector: out };
}

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const PREFIX = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Models validation.IsQualifiedName: the error message for a bad label or annotation key, or undefined. */
export function labelKeyError(key: string): string | undefined {
  const parts = key.split('/');
  let name = key;
  if (parts.length > 2) return "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";
  if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix.length === 0) return 'prefix part must be non-empty';
    if (!PREFIX.test(prefix) || prefix.length > 253) return "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
  }
  if (name.length === 0) return 'name part must be non-empty';
  if (name.length > 63) return 'name part must be no more than 63 characters';
  if (!QUALIFIED_NAME.test(name)) return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
  return undefined;
}

/** Models validation.IsValidLabelValue: the error message for a bad label value, or undefined. */
export function labelValueError(value: string): string | undefined {
  if (value === '') return undefined;
  if (value.length > 63) return 'must be no more than 63 characters';
  if (!QUALIFIED_NAME.test(value)) return "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
  return undefined;
}
