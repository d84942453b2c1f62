/**
 * ResourceQuota admission and status: an object that would take a namespace over a quota is refused
 * (`exceeded quota: <name>, requested: ..., used: ..., limited: ...`), a pod that omits a resource the quota
 * constrains is refused (`failed quota: <name>: must specify ...`), and quota status.used follows every change.
 * Models staging/src/k8s.io/apiserver/pkg/admission/plugin/resourcequota/controller.go (checkRequest, prettyPrint),
 * pkg/quota/v1/evaluator/core/pods.go (Constraints) and the replenishment of pkg/controller/resourcequota.
 * Divergence: usage is recomputed from the store on every check instead of read from status.used, which is exact
 * in a single-threaded apiserver and needs no "status unknown" state; status is rewritten synchronously when a
 * charging object changes (upstream's controller does it a moment later).
 */
import type { KubeObject } from '../../api/types';
import { typeForKind } from '../../api/registry';
import { forbidden } from '../status';
import type { AdmissionPlugin, ApiServer, WatchEvent } from '../apiserver';
import { validateWithoutSideEffects } from '../strategies';
import { parseQty, qtyCmp, qtyString, type Qty } from '../strategies/common/quantity';
import { computeQuotaStatus, namespaceUsage, objectUsage, podComputeUsage, quotaMatches, type Usage } from './quota-usage';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The compute resources a quota can require every pod container to state. */
const POD_CONSTRAINED = ['cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage', 'limits.cpu', 'limits.memory', 'limits.ephemeral-storage'];

/** prettyPrint: `a=1,b=2Gi` in key order. */
function prettyPrint(names: readonly string[], values: Map<string, Qty>): string {
  return [...names].sort().map((k) => `${k}=${values.has(k) ? qtyString(values.get(k)!) : '0'}`).join(',');
}

function hardOf(quota: KubeObject): Map<string, Qty> {
  const hard = new Map<string, Qty>();
  const spec = isObj(quota.spec) && isObj(quota.spec.hard) ? quota.spec.hard : {};
  for (const [k, v] of Object.entries(spec)) {
    const q = parseQty(v);
    if (q) hard.set(k, q);
  }
  return hard;
}

/** The pod evaluator's Constraints: every container states each constrained compute resource. */
function missingPodResources(pod: KubeObject, hard: Map<string, Qty>): string[] {
  const required = POD_CONSTRAINED.filter((k) => hard.has(k));
  if (required.length === 0) return [];
  const spec = isObj(pod.spec) ? pod.spec : {};
  const missing = new Set<string>();
  for (const kind of ['containers', 'initContainers']) {
    for (const c of Array.isArray(spec[kind]) ? (spec[kind] as Obj[]) : []) {
      const usage = podComputeUsage({ containers: [c] });
      for (const r of required) if (!usage.has(r)) missing.add(r);
    }
  }
  return [...missing].sort();
}

/** The usage an operation adds: the new object's usage minus the old one's, floored at zero. */
function deltaUsage(obj: KubeObject, old: KubeObject | undefined, nowMs: number): Usage {
  const next = objectUsage(obj, nowMs);
  if (!old) return next;
  const prev = objectUsage(old, nowMs);
  const delta: Usage = new Map();
  for (const [k, q] of next) {
    const p = prev.get(k);
    const d = p ? q.nanos - p.nanos : q.nanos;
    if (d > 0n) delta.set(k, { nanos: d, format: q.format });
  }
  return delta;
}

/** The ResourceQuota admission plugin. */
export const resourceQuotaAdmission: AdmissionPlugin = (op, obj, old, ctx) => {
  const ns = obj.metadata.namespace;
  if (!ns) return undefined;
  const quotas = ctx.list('ResourceQuota', ns);
  if (quotas.length === 0) return undefined;
  // Quota runs after validation upstream: an invalid object is left for the Invalid error and charges nothing.
  if (validateWithoutSideEffects(obj, old, ctx).length > 0) return undefined;
  const type = typeForKind(obj.kind)!;
  const delta = deltaUsage(obj, old, ctx.nowMs);
  for (const quota of quotas) {
    if (!quotaMatches(quota, obj)) continue;
    const hard = hardOf(quota);
    if (obj.kind === 'Pod' && op === 'CREATE') {
      const missing = missingPodResources(obj, hard);
      if (missing.length > 0) return forbidden(type, obj.metadata.name, `failed quota: ${quota.metadata.name}: must specify ${missing.join(',')}`);
    }
    const requested = [...delta.keys()].filter((k) => hard.has(k));
    if (requested.length === 0) continue;
    const used = namespaceUsage(ctx, quota);
    const exceeded = requested.filter((k) => {
      const u = used.get(k)?.nanos ?? 0n;
      return qtyCmp({ nanos: u + delta.get(k)!.nanos, format: 'DecimalSI' }, hard.get(k)!) > 0;
    });
    if (exceeded.length > 0) {
      return forbidden(
        type,
        obj.metadata.name,
        `exceeded quota: ${quota.metadata.name}, requested: ${prettyPrint(exceeded, delta)}, used: ${prettyPrint(exceeded, used)}, limited: ${prettyPrint(exceeded, hard)}`,
      );
    }
  }
  return undefined;
};

/**
 * Keeps every quota's status in step with its namespace: after any change to an object that can charge a quota,
 * the quotas of that namespace are recomputed and rewritten when they changed.
 */
export function startQuotaStatusSync(api: ApiServer): () => void {
  const ctx = api.strategyContext;
  return api.watch('*', (ev: WatchEvent) => {
    const ns = ev.object.metadata.namespace;
    if (!ns) return;
    // A quota's own status writes must not trigger another pass.
    if (ev.object.kind === 'ResourceQuota' && ev.type === 'MODIFIED') return;
    for (const quota of ctx.list('ResourceQuota', ns)) {
      const status = computeQuotaStatus(quota, ctx);
      const cur = (quota.status ?? {}) as { hard?: unknown; used?: unknown };
      if (JSON.stringify(cur.hard) === JSON.stringify(status.hard) && JSON.stringify(cur.used) === JSON.stringify(status.used)) continue;
      api.updateStatus({ ...quota, status });
    }
  });
}
