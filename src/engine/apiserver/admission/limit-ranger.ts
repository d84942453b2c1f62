/**
 * LimitRanger: fills missing container requests and limits from the namespace's LimitRanges (and records what it
 * set in the `kubernetes.io/limit-ranger` annotation), then enforces min, max and max limit/request ratio per
 * Container, per Pod and per PersistentVolumeClaim.
 * Models plugin/pkg/admission/limitranger/admission.go (mergePodResourceRequirements, PodValidateLimitFunc,
 * PersistentVolumeClaimValidateLimitFunc, minConstraint, maxConstraint, limitRequestRatioConstraint).
 */
import type { KubeObject } from '../../api/types';
import { typeForKind } from '../../api/registry';
import { forbidden } from '../status';
import type { AdmissionPlugin } from '../apiserver';
import { computePodQOS } from '../strategies/common/qos';
import { parseQty, qtyAdd, qtyCmp, qtyMilli, qtyString, type Qty } from '../strategies/common/quantity';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const containersOf = (spec: Obj, kind: string): Obj[] => (Array.isArray(spec[kind]) ? (spec[kind] as unknown[]).filter(isObj) : []);

/** The annotation LimitRanger writes on pods it changed. */
export const LIMIT_RANGER_ANNOTATION = 'kubernetes.io/limit-ranger';

type ResourceList = Map<string, Qty>;

function toList(m: unknown): ResourceList {
  const out: ResourceList = new Map();
  if (!isObj(m)) return out;
  for (const [k, v] of Object.entries(m)) {
    const q = parseQty(v);
    if (q) out.set(k, q);
  }
  return out;
}

function items(lr: KubeObject): Obj[] {
  const spec = isObj(lr.spec) ? lr.spec : {};
  return Array.isArray(spec.limits) ? (spec.limits as unknown[]).filter(isObj) : [];
}

/** defaultContainerResourceRequirements: the Container item's default (limits) and defaultRequest (requests). */
function containerDefaults(lr: KubeObject): { limits: Obj; requests: Obj } {
  const out = { limits: {} as Obj, requests: {} as Obj };
  for (const item of items(lr)) {
    if (item.type !== 'Container') continue;
    Object.assign(out.requests, isObj(item.defaultRequest) ? item.defaultRequest : {});
    Object.assign(out.limits, isObj(item.default) ? item.default : {});
  }
  return out;
}

/** mergeContainerResources: adds missing keys; returns the annotation parts for this container. */
function mergeContainer(c: Obj, defaults: { limits: Obj; requests: Obj }, label: string): string[] {
  const res = isObj(c.resources) ? c.resources : (c.resources = {});
  const setLimits: string[] = [];
  const setRequests: string[] = [];
  for (const [k, v] of Object.entries(defaults.limits)) {
    const limits = isObj(res.limits) ? res.limits : {};
    if (!(k in limits)) {
      res.limits = { ...limits, [k]: v };
      setLimits.push(k);
    }
  }
  for (const [k, v] of Object.entries(defaults.requests)) {
    const requests = isObj(res.requests) ? res.requests : {};
    if (!(k in requests)) {
      res.requests = { ...requests, [k]: v };
      setRequests.push(k);
    }
  }
  const parts: string[] = [];
  const name = String(c.name ?? '');
  if (setRequests.length > 0) parts.push(`${setRequests.sort().join(', ')} request for ${label} ${name}`);
  if (setLimits.length > 0) parts.push(`${setLimits.sort().join(', ')} limit for ${label} ${name}`);
  return parts;
}

const str = (q: Qty) => qtyString(q);

function minConstraint(type: string, name: string, enforced: Qty, request: ResourceList, limit: ResourceList): string | undefined {
  const req = request.get(name);
  const lim = limit.get(name);
  if (!req) return `minimum ${name} usage per ${type} is ${str(enforced)}.  No request is specified`;
  if (qtyCmp(req, enforced) < 0) return `minimum ${name} usage per ${type} is ${str(enforced)}, but request is ${str(req)}`;
  if (lim && qtyCmp(lim, enforced) < 0) return `minimum ${name} usage per ${type} is ${str(enforced)}, but limit is ${str(lim)}`;
  return undefined;
}

function maxConstraint(type: string, name: string, enforced: Qty, request: ResourceList, limit: ResourceList): string | undefined {
  const req = request.get(name);
  const lim = limit.get(name);
  if (!lim) return `maximum ${name} usage per ${type} is ${str(enforced)}.  No limit is specified`;
  if (qtyCmp(lim, enforced) > 0) return `maximum ${name} usage per ${type} is ${str(enforced)}, but limit is ${str(lim)}`;
  if (req && qtyCmp(req, enforced) > 0) return `maximum ${name} usage per ${type} is ${str(enforced)}, but request is ${str(req)}`;
  return undefined;
}

function ratioConstraint(type: string, name: string, enforced: Qty, request: ResourceList, limit: ResourceList): string | undefined {
  const req = request.get(name);
  const lim = limit.get(name);
  if (!req || req.nanos === 0n) return `${name} max limit to request ratio per ${type} is ${str(enforced)}, but no request is specified or request is 0`;
  if (!lim || lim.nanos === 0n) return `${name} max limit to request ratio per ${type} is ${str(enforced)}, but no limit is specified or limit is 0`;
  const observed = Number(qtyMilli(lim)) / Number(qtyMilli(req));
  if (observed * 1000 > Number(qtyMilli(enforced))) {
    return `${name} max limit to request ratio per ${type} is ${str(enforced)}, but provided ratio is ${observed.toFixed(6)}`;
  }
  return undefined;
}

/** podRequests / podLimits of the limitranger: sum of containers, at least the largest init container. */
function podTotals(spec: Obj, part: 'requests' | 'limits'): ResourceList {
  const total: ResourceList = new Map();
  for (const c of containersOf(spec, 'containers')) {
    for (const [k, q] of toList(isObj(c.resources) ? c.resources[part] : undefined)) {
      const cur = total.get(k);
      total.set(k, cur ? qtyAdd(cur, q) : q);
    }
  }
  for (const c of containersOf(spec, 'initContainers')) {
    for (const [k, q] of toList(isObj(c.resources) ? c.resources[part] : undefined)) {
      const cur = total.get(k);
      if (!cur || qtyCmp(cur, q) < 0) total.set(k, q);
    }
  }
  return total;
}

function checkAll(type: string, item: Obj, request: ResourceList, limit: ResourceList, out: string[]): void {
  for (const [k, v] of [...toList(item.min)].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const e = minConstraint(type, k, v, request, limit);
    if (e) out.push(e);
  }
  for (const [k, v] of [...toList(item.max)].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const e = maxConstraint(type, k, v, request, limit);
    if (e) out.push(e);
  }
  for (const [k, v] of [...toList(item.maxLimitRequestRatio)].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const e = ratioConstraint(type, k, v, request, limit);
    if (e) out.push(e);
  }
}

/** PodValidateLimitFunc for one LimitRange. */
function validatePod(lr: KubeObject, spec: Obj, out: string[]): void {
  for (const item of items(lr)) {
    if (item.type === 'Container') {
      for (const c of [...containersOf(spec, 'containers'), ...containersOf(spec, 'initContainers')]) {
        const res = isObj(c.resources) ? c.resources : {};
        checkAll('Container', item, toList(res.requests), toList(res.limits), out);
      }
    } else if (item.type === 'Pod') {
      checkAll('Pod', item, podTotals(spec, 'requests'), podTotals(spec, 'limits'), out);
    }
  }
}

/** PersistentVolumeClaimValidateLimitFunc for one LimitRange. */
function validateClaim(lr: KubeObject, spec: Obj, out: string[]): void {
  const requests = toList(isObj(spec.resources) ? spec.resources.requests : undefined);
  for (const item of items(lr)) {
    if (item.type !== 'PersistentVolumeClaim') continue;
    for (const [k, v] of toList(item.min)) {
      const e = minConstraint('PersistentVolumeClaim', k, v, requests, new Map());
      if (e) out.push(e);
    }
    for (const [k, v] of toList(item.max)) {
      const req = requests.get(k);
      if (!req) out.push(`maximum ${k} usage per PersistentVolumeClaim is ${str(v)}.  No request is specified`);
      else if (qtyCmp(req, v) > 0) out.push(`maximum ${k} usage per PersistentVolumeClaim is ${str(v)}, but request is ${str(req)}`);
    }
  }
}

/** The aggregate error text: one message, or `[a, b]`. */
export function aggregate(msgs: readonly string[]): string {
  return msgs.length === 1 ? msgs[0]! : `[${msgs.join(', ')}]`;
}

/** The LimitRanger plugin (pods and claims on create). */
export const limitRanger: AdmissionPlugin = (op, obj, _old, ctx) => {
  if (op !== 'CREATE' || (obj.kind !== 'Pod' && obj.kind !== 'PersistentVolumeClaim')) return undefined;
  const ranges = ctx.list('LimitRange', obj.metadata.namespace);
  if (ranges.length === 0) return undefined;
  const spec = isObj(obj.spec) ? obj.spec : (obj.spec = {});
  const errors: string[] = [];
  if (obj.kind === 'Pod') {
    const annotations: string[] = [];
    for (const lr of ranges) {
      const defaults = containerDefaults(lr);
      for (const c of containersOf(spec, 'containers')) annotations.push(...mergeContainer(c, defaults, 'container'));
      for (const c of containersOf(spec, 'initContainers')) annotations.push(...mergeContainer(c, defaults, 'init container'));
    }
    if (annotations.length > 0) {
      obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [LIMIT_RANGER_ANNOTATION]: `LimitRanger plugin set: ${annotations.join('; ')}` };
      // The QoS class was computed before admission; the defaults just added can change it.
      if (isObj(obj.status)) obj.status.qosClass = computePodQOS(spec);
    }
    for (const lr of ranges) validatePod(lr, spec, errors);
  } else {
    for (const lr of ranges) validateClaim(lr, spec, errors);
  }
  return errors.length > 0 ? forbidden(typeForKind(obj.kind)!, obj.metadata.name, aggregate(errors)) : undefined;
};
