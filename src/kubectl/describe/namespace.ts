/**
 * `kubectl describe namespace`, `resourcequota` and `limitrange`.
 */
import type { LimitRange, LimitRangeSpec, Namespace, ResourceQuota } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../engine';
import { printAnnotationsMultiline, printLabelsMultiline } from './common';
import type { DescribeContext } from './context';
import { rfc1123z } from './format';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefix-writer';
import { canonicalQuantity, parseQty, qtyString } from './quantity';

/**
 * The full describe text of a namespace: status, conditions, then its quotas and limit ranges.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go describeNamespace.
 */
export function describeNamespace(obj: KubeObject, ctx: DescribeContext): string {
  const ns = obj as unknown as Namespace;
  const quotas = ctx.list('ResourceQuota', obj.metadata.name) as unknown as ResourceQuota[];
  const limitRanges = (ctx.list('LimitRange', obj.metadata.name) as unknown as LimitRange[]).sort(byName);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
    const conditions = ns.status?.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(LEVEL_1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
      }
    }
    w.write(LEVEL_0, '\n');
    describeResourceQuotas(quotas, w);
    w.write(LEVEL_0, '\n');
    describeLimitRanges(limitRanges, w);
  });
}

function byName(a: { metadata?: { name?: string } }, b: { metadata?: { name?: string } }): number {
  const na = a.metadata?.name ?? '';
  const nb = b.metadata?.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}

// Models describe.go helpTextForResourceQuotaScope.
function quotaScopeHelp(scope: string): string {
  switch (scope) {
    case 'Terminating':
      return 'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.';
    case 'NotTerminating':
      return 'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.';
    case 'BestEffort':
      return 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.';
    case 'NotBestEffort':
      return 'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.';
    default:
      return '';
  }
}

// Models describe.go DescribeResourceQuotas.
function describeResourceQuotas(quotas: readonly ResourceQuota[], w: PrefixWriter): void {
  if (quotas.length === 0) {
    w.write(LEVEL_0, 'No resource quota.\n');
    return;
  }
  w.write(LEVEL_0, 'Resource Quotas\n');
  for (const q of [...quotas].sort(byName)) {
    w.write(LEVEL_1, `Name:\t${q.metadata?.name ?? ''}\n`);
    const scopes = [...(q.spec?.scopes ?? [])].sort();
    if (scopes.length > 0) {
      w.write(LEVEL_1, `Scopes:\t${scopes.join(', ')}\n`);
      for (const s of scopes) {
        const help = quotaScopeHelp(s);
        if (help) w.write(LEVEL_1, `* ${help}\n`);
      }
    }
    w.write(LEVEL_1, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_1, '--------\t---\t---\n');
    const hard = q.status?.hard ?? {};
    for (const res of Object.keys(hard).sort()) {
      w.write(LEVEL_1, `${res}\t${canonicalQuantity(q.status?.used?.[res])}\t${canonicalQuantity(hard[res])}\n`);
    }
  }
}

// Models describe.go DescribeLimitRanges.
function describeLimitRanges(limitRanges: readonly LimitRange[], w: PrefixWriter): void {
  if (limitRanges.length === 0) {
    w.write(LEVEL_0, 'No LimitRange resource.\n');
    return;
  }
  w.write(LEVEL_0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(LEVEL_0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  for (const lr of limitRanges) describeLimitRangeSpec(lr.spec, ' ', w);
}

/**
 * One row per limit type and resource, `-` for unset cells.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go describeLimitRangeSpec.
 * Divergence: upstream iterates a Go map, so its row order within a type is random; rows here follow the order
 * resources first appear in max, min, default, defaultRequest, maxLimitRequestRatio.
 */
function describeLimitRangeSpec(spec: LimitRangeSpec | undefined, prefix: string, w: PrefixWriter): void {
  for (const item of spec?.limits ?? []) {
    const names = new Set<string>();
    for (const map of [item.max, item.min, item.default, item.defaultRequest, item.maxLimitRequestRatio]) {
      for (const k of Object.keys(map ?? {})) names.add(k);
    }
    const cell = (map: Record<string, string> | undefined, k: string) =>
      map?.[k] !== undefined ? qtyString(parseQty(map[k])) : '-';
    for (const k of names) {
      w.write(LEVEL_0, `${prefix}${item.type}\t${k}\t${cell(item.min, k)}\t${cell(item.max, k)}\t` +
        `${cell(item.defaultRequest, k)}\t${cell(item.default, k)}\t${cell(item.maxLimitRequestRatio, k)}\n`);
    }
  }
}

/**
 * The full describe text of a ResourceQuota: scopes and the Used/Hard table.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go describeQuota.
 */
export function describeResourceQuota(obj: KubeObject, _ctx: DescribeContext): string {
  const q = obj as unknown as ResourceQuota;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    const scopes = [...(q.spec?.scopes ?? [])].sort();
    if (scopes.length > 0) {
      w.write(LEVEL_0, `Scopes:\t${scopes.join(', ')}\n`);
      for (const s of scopes) {
        const help = quotaScopeHelp(s);
        if (help) w.write(LEVEL_0, ` * ${help}\n`);
      }
    }
    w.write(LEVEL_0, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_0, '--------\t----\t----\n');
    const hard = q.status?.hard ?? {};
    for (const res of Object.keys(hard).sort()) {
      const hardQ = parseQty(hard[res]);
      const usedQ = parseQty(q.status?.used?.[res]);
      // Used is shown in the hard limit's format (`0` of `10Gi` prints as `0`, `1Gi` used of `2Gi` as `1Gi`).
      const used = hardQ.format !== usedQ.format ? { nano: ceilUnits(usedQ.nano), format: hardQ.format } : usedQ;
      w.write(LEVEL_0, `${res}\t${qtyString(used)}\t${qtyString(hardQ)}\n`);
    }
  });
}

/** Quantity.Value() of a nano amount, back in nano-units (fractions rounded up to whole units). */
function ceilUnits(nano: bigint): bigint {
  const units = nano / 1_000_000_000n + (nano % 1_000_000_000n > 0n ? 1n : 0n);
  return units * 1_000_000_000n;
}

/**
 * The full describe text of a LimitRange: its table of per-type, per-resource limits.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go describeLimitRange.
 */
export function describeLimitRange(obj: KubeObject, _ctx: DescribeContext): string {
  const lr = obj as unknown as LimitRange;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
    w.write(LEVEL_0, '----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
    describeLimitRangeSpec(lr.spec, '', w);
  });
}
