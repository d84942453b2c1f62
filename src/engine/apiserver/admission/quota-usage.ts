/**
 * What objects charge against a ResourceQuota: object counts (`pods`, `count/jobs.batch`, ...) and the compute
 * and storage requests and limits of pods and claims, with the quota scopes that select pods.
 * Models pkg/quota/v1/evaluator/core (pods.go PodUsageFunc and podMatchesScopeFunc, services.go,
 * persistent_volume_claims.go) and the generic object-count evaluator.
 */
import type { KubeObject } from '../../api/types';
import { typeForKind } from '../../api/registry';
import { fromTimestamp } from '../../api/meta';
import type { StrategyContext } from '../strategy';
import { computePodQOS } from '../strategies/common/qos';
import { parseQty, qtyAdd, qtyCmp, qtyString, type Qty } from '../strategies/common/quantity';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A usage vector: resource name -> quantity. */
export type Usage = Map<string, Qty>;

const one = (): Qty => ({ nanos: 1_000_000_000n, format: 'DecimalSI' });

/** Legacy count names some kinds charge besides `count/<resource>`. */
const LEGACY_COUNTS: Record<string, string> = {
  Pod: 'pods',
  Service: 'services',
  Secret: 'secrets',
  ConfigMap: 'configmaps',
  PersistentVolumeClaim: 'persistentvolumeclaims',
  ReplicationController: 'replicationcontrollers',
  ResourceQuota: 'resourcequotas',
};

/** The `count/<resource>[.<group>]` name of a kind. */
export function countResourceName(kind: string): string | undefined {
  const t = typeForKind(kind);
  if (!t) return undefined;
  return t.group ? `count/${t.resource}.${t.group}` : `count/${t.resource}`;
}

function add(u: Usage, name: string, q: Qty): void {
  const cur = u.get(name);
  u.set(name, cur ? qtyAdd(cur, q) : q);
}

/** Sums container quantities of one kind (`requests`/`limits`), taking init containers as a maximum. */
function podResourceTotals(spec: Obj, part: 'requests' | 'limits'): Map<string, Qty> {
  const total = new Map<string, Qty>();
  const containers = Array.isArray(spec.containers) ? (spec.containers as Obj[]) : [];
  for (const c of containers) {
    const m = isObj(c) && isObj(c.resources) && isObj(c.resources[part]) ? (c.resources[part] as Obj) : {};
    for (const [k, v] of Object.entries(m)) {
      const q = parseQty(v);
      if (q) {
        const cur = total.get(k);
        total.set(k, cur ? qtyAdd(cur, q) : q);
      }
    }
  }
  const inits = Array.isArray(spec.initContainers) ? (spec.initContainers as Obj[]) : [];
  for (const c of inits) {
    const m = isObj(c) && isObj(c.resources) && isObj(c.resources[part]) ? (c.resources[part] as Obj) : {};
    for (const [k, v] of Object.entries(m)) {
      const q = parseQty(v);
      if (!q) continue;
      const cur = total.get(k);
      if (!cur || qtyCmp(q, cur) > 0) total.set(k, q);
    }
  }
  return total;
}

/** The compute usage names a pod spec's requests and limits produce (podComputeUsageHelper). */
export function podComputeUsage(spec: Obj): Usage {
  const u: Usage = new Map();
  const requests = podResourceTotals(spec, 'requests');
  const limits = podResourceTotals(spec, 'limits');
  for (const [k, q] of requests) {
    if (k === 'cpu' || k === 'memory' || k === 'ephemeral-storage') {
      add(u, k, q);
      add(u, `requests.${k}`, q);
    } else if (k.startsWith('hugepages-')) {
      add(u, `requests.${k}`, q);
    } else if (k.includes('/')) {
      add(u, `requests.${k}`, q);
    }
  }
  for (const [k, q] of limits) {
    if (k === 'cpu' || k === 'memory' || k === 'ephemeral-storage') add(u, `limits.${k}`, q);
  }
  return u;
}

/** QuotaV1Pod: terminal pods and pods past their deletion grace no longer count. */
export function podCountsForQuota(pod: KubeObject, nowMs: number): boolean {
  const phase = isObj(pod.status) ? pod.status.phase : undefined;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  const del = fromTimestamp(pod.metadata.deletionTimestamp);
  const grace = pod.metadata.deletionGracePeriodSeconds;
  if (del !== undefined && typeof grace === 'number' && nowMs > del + grace * 1000) return false;
  return true;
}

/** The usage one object charges. */
export function objectUsage(obj: KubeObject, nowMs: number): Usage {
  const u: Usage = new Map();
  const count = countResourceName(obj.kind);
  if (obj.kind === 'Pod' && !podCountsForQuota(obj, nowMs)) return u;
  if (count) add(u, count, one());
  const legacy = LEGACY_COUNTS[obj.kind];
  if (legacy) add(u, legacy, one());
  const spec = isObj(obj.spec) ? obj.spec : {};
  if (obj.kind === 'Pod') {
    for (const [k, q] of podComputeUsage(spec)) add(u, k, q);
  } else if (obj.kind === 'Service') {
    const type = spec.type ?? 'ClusterIP';
    if (type === 'LoadBalancer') add(u, 'services.loadbalancers', one());
    if (type === 'NodePort' || type === 'LoadBalancer') {
      const n = (Array.isArray(spec.ports) ? (spec.ports as Obj[]) : []).length;
      if (n > 0) add(u, 'services.nodeports', { nanos: BigInt(n) * 1_000_000_000n, format: 'DecimalSI' });
    }
  } else if (obj.kind === 'PersistentVolumeClaim') {
    const req = isObj(spec.resources) && isObj(spec.resources.requests) ? spec.resources.requests : {};
    const storage = parseQty(req.storage);
    const sc = typeof spec.storageClassName === 'string' ? spec.storageClassName : '';
    if (sc) add(u, `${sc}.storageclass.storage.k8s.io/persistentvolumeclaims`, one());
    if (storage) {
      add(u, 'requests.storage', storage);
      if (sc) add(u, `${sc}.storageclass.storage.k8s.io/requests.storage`, storage);
    }
  }
  return u;
}

interface ScopeSelectorRequirement {
  scopeName?: string;
  operator?: string;
  values?: string[];
}

/** True when a quota's scopes and scope selector select `obj` (only pods can match scoped quotas). */
export function quotaMatches(quota: KubeObject, obj: KubeObject): boolean {
  const qs = isObj(quota.spec) ? quota.spec : {};
  const scopes = (Array.isArray(qs.scopes) ? (qs.scopes as string[]) : []).map((s) => ({ scopeName: s, operator: 'Exists' }) as ScopeSelectorRequirement);
  const selector = isObj(qs.scopeSelector) && Array.isArray(qs.scopeSelector.matchExpressions) ? (qs.scopeSelector.matchExpressions as ScopeSelectorRequirement[]) : [];
  const all = [...scopes, ...selector];
  if (all.length === 0) return true;
  if (obj.kind !== 'Pod') return false;
  const spec = isObj(obj.spec) ? obj.spec : {};
  for (const req of all) {
    let match: boolean;
    switch (req.scopeName) {
      case 'BestEffort':
        match = computePodQOS(spec) === 'BestEffort';
        break;
      case 'NotBestEffort':
        match = computePodQOS(spec) !== 'BestEffort';
        break;
      case 'Terminating':
        match = typeof spec.activeDeadlineSeconds === 'number';
        break;
      case 'NotTerminating':
        match = typeof spec.activeDeadlineSeconds !== 'number';
        break;
      case 'PriorityClass': {
        const pc = typeof spec.priorityClassName === 'string' ? spec.priorityClassName : '';
        const values = req.values ?? [];
        if (req.operator === 'In') match = values.includes(pc);
        else if (req.operator === 'NotIn') match = !values.includes(pc);
        else if (req.operator === 'Exists') match = pc !== '';
        else match = pc === '';
        break;
      }
      default:
        match = false;
    }
    if (!match) return false;
  }
  return true;
}

/** The kinds that can charge a quota (everything with a `count/` name). */
function chargingKinds(ctx: StrategyContext, ns: string): KubeObject[] {
  const kinds = ['Pod', 'Service', 'Secret', 'ConfigMap', 'PersistentVolumeClaim', 'ReplicationController', 'ResourceQuota', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'HorizontalPodAutoscaler', 'Ingress', 'NetworkPolicy', 'ServiceAccount', 'Endpoints', 'EndpointSlice', 'LimitRange', 'Lease', 'PodDisruptionBudget', 'ControllerRevision', 'Event', 'Role', 'RoleBinding'];
  const out: KubeObject[] = [];
  for (const k of kinds) if (typeForKind(k)) out.push(...ctx.list(k, ns));
  return out;
}

/** The usage of everything stored in `ns` that `quota` selects, except `exclude` (an object being replaced). */
export function namespaceUsage(ctx: StrategyContext, quota: KubeObject, exclude?: KubeObject): Usage {
  const total: Usage = new Map();
  const ns = quota.metadata.namespace ?? 'default';
  for (const obj of chargingKinds(ctx, ns)) {
    if (exclude && obj.kind === exclude.kind && obj.metadata.name === exclude.metadata.name) continue;
    if (!quotaMatches(quota, obj)) continue;
    for (const [k, q] of objectUsage(obj, ctx.nowMs)) add(total, k, q);
  }
  return total;
}

/** A quota's `status`: hard copied from spec, used for every hard resource (zero when nothing charges it). */
export function computeQuotaStatus(quota: KubeObject, ctx: StrategyContext): { hard: Record<string, string>; used: Record<string, string> } {
  const hardSpec = isObj(quota.spec) && isObj(quota.spec.hard) ? quota.spec.hard : {};
  const usage = namespaceUsage(ctx, quota);
  const hard: Record<string, string> = {};
  const used: Record<string, string> = {};
  for (const k of Object.keys(hardSpec).sort()) {
    const h = parseQty(hardSpec[k]);
    hard[k] = h ? qtyString(h) : String(hardSpec[k]);
    const u = usage.get(k);
    used[k] = u ? qtyString(u) : '0';
  }
  return { hard, used };
}
