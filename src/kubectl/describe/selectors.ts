/**
 * Label maps and label selectors in the text forms describe prints (`app=web,tier=front`, `app in (a,b)`).
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';

/**
 * A label map as `k=v,k2=v2` sorted by key, or `<none>` when empty.
 * Models staging/src/k8s.io/apimachinery/pkg/labels/labels.go FormatLabels.
 */
export function formatLabels(labels: Readonly<Record<string, string>> | undefined | null): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

interface Requirement {
  key: string;
  op: string;
  values: string[];
}

/**
 * A LabelSelector in labels.Selector String() form: requirements sorted by key, set values sorted; empty for a
 * nil or empty selector.
 * Models staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go LabelSelectorAsSelector and
 * staging/src/k8s.io/apimachinery/pkg/labels/selector.go Requirement.String.
 */
export function selectorString(sel: LabelSelector | undefined | null): string {
  if (!sel) return '';
  const reqs: Requirement[] = [];
  for (const [key, value] of Object.entries(sel.matchLabels ?? {})) reqs.push({ key, op: '=', values: [value] });
  for (const e of sel.matchExpressions ?? []) reqs.push({ key: e.key, op: e.operator, values: [...(e.values ?? [])] });
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return reqs.map(requirementString).join(',');
}

/** As selectorString, but `<none>` when empty. Models metav1.FormatLabelSelector. */
export function formatLabelSelector(sel: LabelSelector | undefined | null): string {
  return selectorString(sel) || '<none>';
}

function requirementString(r: Requirement): string {
  const values = r.values.length === 1 ? r.values[0]! : [...r.values].sort().join(',');
  switch (r.op) {
    case '=':
      return `${r.key}=${values}`;
    case 'In':
      return `${r.key} in (${values})`;
    case 'NotIn':
      return `${r.key} notin (${values})`;
    case 'Exists':
      return r.key;
    case 'DoesNotExist':
      return `!${r.key}`;
    default:
      return `${r.key}${r.op}${values}`;
  }
}
