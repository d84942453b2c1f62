/**
 * Small formatting helpers shared by the per-kind table handlers: ages, label maps and selectors, container
 * lists, access modes. Models the helpers of pkg/printers/internalversion/printers.go and
 * staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go (FormatLabelSelector).
 */
import { fromLabelSelector, fromTimestamp, humanDuration } from '../../engine';
import type { Container, LabelSelector, Requirement } from '../../engine';

/** Time since a stored timestamp as AGE prints it, or `<unknown>` when the timestamp is missing. */
// Models pkg/printers/internalversion/printers.go translateTimestampSince.
export function translateTimestampSince(timestamp: string | null | undefined, nowMs: number): string {
  const ms = fromTimestamp(timestamp);
  if (ms === undefined) return '<unknown>';
  return humanDuration(nowMs - ms);
}

/** A label map as `a=b,c=d` (sorted by key), or `<none>` when empty. */
// Models staging/src/k8s.io/apimachinery/pkg/labels/labels.go FormatLabels.
export function formatLabels(labels: Readonly<Record<string, string>> | undefined | null): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

/**
 * A LabelSelector in selector string form (`app=web,tier in (a,b)`), requirements sorted by key as the internal
 * selector keeps them; empty for a nil or empty selector.
 */
// Models metav1.LabelSelectorAsSelector(...).String().
export function labelSelectorString(selector: LabelSelector | undefined | null): string {
  const reqs = fromLabelSelector(selector);
  if (!reqs) return '';
  return [...reqs]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(requirementString)
    .join(',');
}

/** A LabelSelector as kubectl prints it in a column, `<none>` when it selects by nothing. */
// Models metav1.FormatLabelSelector.
export function formatLabelSelector(selector: LabelSelector | undefined | null): string {
  const s = labelSelectorString(selector);
  return s === '' ? '<none>' : s;
}

function requirementString(r: Requirement): string {
  const values = [...r.values].sort();
  switch (r.op) {
    case '=':
      return `${r.key}=${values[0] ?? ''}`;
    case '!=':
      return `${r.key}!=${values[0] ?? ''}`;
    case 'In':
      return `${r.key} in (${values.join(',')})`;
    case 'NotIn':
      return `${r.key} notin (${values.join(',')})`;
    case 'Exists':
      return r.key;
    case 'DoesNotExist':
      return `!${r.key}`;
    case 'Gt':
      return `${r.key}>${values[0] ?? ''}`;
    case 'Lt':
      return `${r.key}<${values[0] ?? ''}`;
  }
}

/** Container names and images, each comma-joined, for the wide CONTAINERS and IMAGES columns. */
// Models pkg/printers/internalversion/printers.go layoutContainerCells.
export function layoutContainerCells(containers: readonly Container[] | undefined): [names: string, images: string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')];
}

/** Access modes in their short form, in the fixed order RWO, ROX, RWX, RWOP. */
// Models pkg/apis/core/helper/helpers.go GetAccessModesAsString.
export function accessModesString(modes: readonly string[] | undefined): string {
  const set = new Set(modes ?? []);
  const out: string[] = [];
  if (set.has('ReadWriteOnce')) out.push('RWO');
  if (set.has('ReadOnlyMany')) out.push('ROX');
  if (set.has('ReadWriteMany')) out.push('RWX');
  if (set.has('ReadWriteOncePod')) out.push('RWOP');
  return out.join(',');
}

/**
 * A stored quantity as Quantity.String() prints it; a missing one is the zero quantity `0`.
 * Divergence: the stored text is printed as written, not re-canonicalized (`0.5` stays `0.5`, not `500m`).
 */
export function quantityString(q: string | number | undefined | null): string {
  if (q === undefined || q === null || q === '') return '0';
  return String(q);
}

/** Joins up to `max` items with commas and appends ` + N more...` for the rest (`<unset>` when there are none). */
// Models pkg/printers/internalversion/printers.go listWithMoreString.
export function listWithMore(items: readonly string[], max: number): string {
  const shown = items.slice(0, max).join(',');
  if (items.length > max) return `${shown} + ${items.length - max} more...`;
  return shown === '' ? '<unset>' : shown;
}
