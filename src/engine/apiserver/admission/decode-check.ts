/**
 * Rejects bodies the apiserver could not decode: malformed quantities and Secret data that is not base64. Upstream
 * fails these while decoding the request (400 BadRequest), before defaulting, admission and validation.
 * Divergence: the simulator decodes manifests into plain objects, so this check runs as the first admission plugin;
 * the status is the same BadRequest (`Pod in version "v1" cannot be handled as a Pod: ...`).
 */
import type { KubeObject } from '../../api/types';
import { typeForKind } from '../../api/registry';
import { badRequest } from '../status';
import type { AdmissionPlugin } from '../apiserver';
import { isQty } from '../strategies/common/quantity';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

const QUANTITY_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/** Every resource map (requests/limits/hard/...) of an object whose values must be quantities. */
function resourceMaps(obj: KubeObject): unknown[] {
  const maps: unknown[] = [];
  const podSpec = (s: unknown) => {
    if (!isObj(s)) return;
    for (const kind of ['containers', 'initContainers']) {
      for (const c of Array.isArray(s[kind]) ? (s[kind] as unknown[]) : []) {
        if (isObj(c) && isObj(c.resources)) maps.push(c.resources.requests, c.resources.limits);
      }
    }
    if (isObj(s.overhead)) maps.push(s.overhead);
  };
  const spec = isObj(obj.spec) ? obj.spec : {};
  const template = (t: unknown) => (isObj(t) ? podSpec(t.spec) : undefined);
  switch (obj.kind) {
    case 'Pod':
      podSpec(spec);
      break;
    case 'Deployment':
    case 'ReplicaSet':
    case 'DaemonSet':
    case 'Job':
      template(spec.template);
      break;
    case 'StatefulSet':
      template(spec.template);
      for (const pvc of Array.isArray(spec.volumeClaimTemplates) ? (spec.volumeClaimTemplates as unknown[]) : []) {
        if (isObj(pvc) && isObj(pvc.spec) && isObj(pvc.spec.resources)) maps.push(pvc.spec.resources.requests, pvc.spec.resources.limits);
      }
      break;
    case 'CronJob':
      if (isObj(spec.jobTemplate) && isObj(spec.jobTemplate.spec)) template(spec.jobTemplate.spec.template);
      break;
    case 'PersistentVolumeClaim':
      if (isObj(spec.resources)) maps.push(spec.resources.requests, spec.resources.limits);
      break;
    case 'PersistentVolume':
      maps.push(spec.capacity);
      break;
    case 'ResourceQuota':
      maps.push(spec.hard);
      break;
    case 'LimitRange':
      for (const item of Array.isArray(spec.limits) ? (spec.limits as unknown[]) : []) {
        if (isObj(item)) maps.push(item.max, item.min, item.default, item.defaultRequest, item.maxLimitRequestRatio);
      }
      break;
    case 'Node':
      if (isObj(obj.status)) maps.push(obj.status.capacity, obj.status.allocatable);
      break;
  }
  return maps;
}

/** Go's base64.StdEncoding error offset for `text`, or undefined when it decodes. */
export function base64ErrorOffset(text: string): number | undefined {
  const clean = text.replace(/[\r\n]/g, '');
  for (let i = 0; i < clean.length; i++) {
    const ch = clean[i]!;
    if (/[A-Za-z0-9+/]/.test(ch)) continue;
    if (ch === '=' && i >= clean.length - 2 && i % 4 >= 2 && /^=+$/.test(clean.slice(i)) && clean.length % 4 === 0) break;
    return i;
  }
  if (clean.length % 4 !== 0) return clean.length - (clean.length % 4);
  return undefined;
}

/** The decode-error plugin. */
export const decodeCheck: AdmissionPlugin = (op, obj) => {
  if (op !== 'CREATE' && op !== 'UPDATE') return undefined;
  const t = typeForKind(obj.kind);
  const prefix = `${obj.kind} in version "${t?.version ?? 'v1'}" cannot be handled as a ${obj.kind}`;
  for (const m of resourceMaps(obj)) {
    if (!isObj(m)) continue;
    for (const v of Object.values(m)) if (!isQty(v)) return badRequest(`${prefix}: ${QUANTITY_ERROR}`);
  }
  if (obj.kind === 'Secret' && isObj(obj.data)) {
    for (const v of Object.values(obj.data)) {
      const off = base64ErrorOffset(String(v ?? ''));
      if (off !== undefined) return badRequest(`${prefix}: illegal base64 data at input byte ${off}`);
    }
  }
  return undefined;
};
