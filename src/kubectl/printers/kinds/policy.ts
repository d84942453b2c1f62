/**
 * Tables of ResourceQuota, LimitRange and PodDisruptionBudget.
 * Models pkg/printers/internalversion/printers.go printResourceQuota and printPodDisruptionBudget; LimitRange has
 * no printer upstream and gets the apiserver's default table
 * (staging/src/k8s.io/apiserver/pkg/registry/rest/table.go defaultTableConvertor).
 */
import { fromTimestamp } from '../../../engine';
import type { ResourceQuota, Stored } from '../../../engine';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { quantityString, translateTimestampSince } from '../format';
import { AGE_COLUMN, NAME_COLUMN, as, col, type KindHandler } from './handler';

/**
 * `kubectl get resourcequotas`: REQUEST and LIMIT list `<resource>: <used>/<hard>` for every resource in
 * status.hard, sorted by name; `limits.*` resources go to LIMIT. AGE is the last column in current kubectl.
 */
export const resourceQuotaHandler: KindHandler = {
  kinds: ['ResourceQuota'],
  columns: [NAME_COLUMN, col('REQUEST'), col('LIMIT'), AGE_COLUMN],
  row(obj, { nowMs }) {
    const rq = as<Stored<ResourceQuota>>(obj);
    const hard = rq.status?.hard ?? {};
    const used = rq.status?.used ?? {};
    const request: string[] = [];
    const limit: string[] = [];
    for (const name of Object.keys(hard).sort()) {
      const pieces = name.split('.');
      const target = pieces.length > 1 && pieces[0] === 'limits' ? limit : request;
      target.push(`${name}: ${quantityString(used[name])}/${quantityString(hard[name])}`);
    }
    return [rq.metadata.name, request.join(', '), limit.join(', '), translateTimestampSince(rq.metadata.creationTimestamp, nowMs)];
  },
};

/** The columns the apiserver serves for kinds without a printer: NAME and CREATED AT (RFC 3339, UTC). */
export const defaultTableHandler: KindHandler = {
  kinds: ['LimitRange'],
  columns: [NAME_COLUMN, col('CREATED AT')],
  row(obj) {
    const ms = fromTimestamp(obj.metadata.creationTimestamp);
    // Go formats a zero time as 0001-01-01T00:00:00Z.
    const created = ms === undefined ? '0001-01-01T00:00:00Z' : rfc3339(ms);
    return [obj.metadata.name, created];
  },
};

function rfc3339(ms: number): string {
  const d = new Date(Math.floor(ms / 1000) * 1000);
  return d.toISOString().replace('.000Z', 'Z');
}

/** `kubectl get poddisruptionbudgets`. */
export const podDisruptionBudgetHandler: KindHandler = {
  kinds: ['PodDisruptionBudget'],
  columns: [NAME_COLUMN, col('MIN AVAILABLE'), col('MAX UNAVAILABLE'), col('ALLOWED DISRUPTIONS'), AGE_COLUMN],
  row(obj, { nowMs }) {
    const pdb = as<Stored<PodDisruptionBudget>>(obj);
    const min = pdb.spec?.minAvailable;
    const max = pdb.spec?.maxUnavailable;
    return [
      pdb.metadata.name, min === undefined || min === null ? 'N/A' : String(min),
      max === undefined || max === null ? 'N/A' : String(max), String(pdb.status?.disruptionsAllowed ?? 0),
      translateTimestampSince(pdb.metadata.creationTimestamp, nowMs),
    ];
  },
};
