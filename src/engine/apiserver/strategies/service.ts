/**
 * The Service strategy: defaults, IP-family initialization, ClusterIP and NodePort allocation through
 * ctx.allocators (requested values are claimed, others drawn at random), ValidateService, the update rules
 * (allocated values are patched in, ClusterIPs may not change) and release of everything on delete.
 * Models pkg/apis/core/v1/defaults.go SetDefaults_Service, pkg/registry/core/service/strategy.go,
 * pkg/registry/core/service/storage/{storage.go,alloc.go} and pkg/apis/core/validation/validation.go
 * (ValidateService, ValidateServiceUpdate).
 */
import type { KubeObject } from '../../api/types';
import { dns1123LabelErrors, dns1123SubdomainErrors } from '../../api/names';
import { type FieldError, forbiddenField, invalidValue, notSupported, required } from '../field-errors';
import { registerStrategy, type Strategy, type StrategyContext } from '../strategy';
import { NODE_PORT_RANGE, SERVICE_CLUSTER_IP_RANGE, isClusterIPInRange, isNodePortInRange } from '../allocators';
import { dedupe, duplicateRendered } from './common/errors';
import { semanticEqual } from './common/equality';
import { goServicePortKey } from './common/go-format';
import { isUpdate, markUpdate } from './common/operation';
import { nameIsDNS1035Label, validateLabels, validateObjectMeta } from './common/meta';
import { isValidIP, portNumErrors, validateIP, validatePortNumOrName } from './common/pod-validation';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const spec = (obj: KubeObject): Obj => (isObj(obj.spec) ? obj.spec : (obj.spec = {}));
const ports = (s: Obj): Obj[] => (Array.isArray(s.ports) ? (s.ports as unknown[]).map((p) => (isObj(p) ? p : {})) : []);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map((x) => String(x)) : []);

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const KUBELET_PORT = 10250;

const typeOf = (s: Obj): string => (typeof s.type === 'string' && s.type ? s.type : 'ClusterIP');
const needsClusterIP = (s: Obj) => typeOf(s) !== 'ExternalName';
const needsNodePort = (s: Obj) => typeOf(s) === 'NodePort' || typeOf(s) === 'LoadBalancer';
const externallyAccessible = (s: Obj) => needsNodePort(s) || (typeOf(s) === 'ClusterIP' && strings(s.externalIPs).length > 0);
const needsHealthCheck = (s: Obj) => typeOf(s) === 'LoadBalancer' && s.externalTrafficPolicy === 'Local';
const isHeadless = (s: Obj) => strings(s.clusterIPs).length === 1 && strings(s.clusterIPs)[0] === 'None';
const shouldAllocateNodePorts = (s: Obj) => typeOf(s) === 'NodePort' || (typeOf(s) === 'LoadBalancer' && s.allocateLoadBalancerNodePorts !== false);

/** Models SetDefaults_Service. */
function defaultService(s: Obj): void {
  if (!s.sessionAffinity) s.sessionAffinity = 'None';
  if (s.sessionAffinity === 'None') delete s.sessionAffinityConfig;
  if (s.sessionAffinity === 'ClientIP') {
    const cfg = s.sessionAffinityConfig as { clientIP?: { timeoutSeconds?: number } } | undefined;
    if (!cfg?.clientIP?.timeoutSeconds) s.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  }
  if (!s.type) s.type = 'ClusterIP';
  for (const p of ports(s)) {
    if (!p.protocol) p.protocol = 'TCP';
    if (p.targetPort === undefined || p.targetPort === null || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if (externallyAccessible(s) && !s.externalTrafficPolicy) s.externalTrafficPolicy = 'Cluster';
  if (!s.internalTrafficPolicy && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(typeOf(s))) s.internalTrafficPolicy = 'Cluster';
  if (typeOf(s) === 'LoadBalancer' && (s.allocateLoadBalancerNodePorts === undefined || s.allocateLoadBalancerNodePorts === null)) {
    s.allocateLoadBalancerNodePorts = true;
  }
}

/** normalizeClusterIPs for a create: a singular clusterIP initializes the plural field. */
function normalizeClusterIPsOnCreate(s: Obj): void {
  if (s.clusterIP && strings(s.clusterIPs).length === 0) s.clusterIPs = [s.clusterIP];
}

/** normalizeClusterIPs for an update. */
function normalizeClusterIPsOnUpdate(n: Obj, o: Obj): void {
  const sameIPs = () => semanticEqual(n.clusterIPs, o.clusterIPs);
  if (strings(o.clusterIPs).length > 0 && strings(n.clusterIPs).length === 0 && (o.clusterIP ?? '') === (n.clusterIP ?? '')) n.clusterIPs = o.clusterIPs;
  if ((o.clusterIP ?? '') !== (n.clusterIP ?? '')) {
    if (o.clusterIP && !n.clusterIP) {
      if (sameIPs()) delete n.clusterIPs;
    } else if (sameIPs()) {
      n.clusterIPs = [n.clusterIP];
    }
  }
}

/** patchAllocatedValues: values the server allocated survive a client that resubmits the original manifest. */
function patchAllocatedValues(n: Obj, o: Obj): void {
  if (needsClusterIP(o) && needsClusterIP(n)) {
    if (!n.clusterIP && o.clusterIP) n.clusterIP = o.clusterIP;
    if (strings(n.clusterIPs).length === 0 && strings(o.clusterIPs).length > 0) n.clusterIPs = o.clusterIPs;
  }
  if (needsNodePort(o) && needsNodePort(n)) {
    const used = new Set(ports(o).map((p) => Number(p.nodePort ?? 0)).filter((x) => x && ports(n).some((q) => Number(q.nodePort ?? 0) === x)));
    const byName = new Map(ports(o).map((p) => [String(p.name ?? ''), Number(p.nodePort ?? 0)]));
    for (const p of ports(n)) {
      if (!p.nodePort) {
        const old = byName.get(String(p.name ?? '')) ?? 0;
        if (old && !used.has(old)) p.nodePort = old;
      }
    }
  }
  if (needsHealthCheck(o) && needsHealthCheck(n) && !n.healthCheckNodePort && o.healthCheckNodePort) n.healthCheckNodePort = o.healthCheckNodePort;
}

/** dropTypeDependentFields: on a type change, fields the new type does not use are dropped if left unchanged. */
function dropTypeDependentFields(n: Obj, o: Obj): void {
  if (typeOf(n) === typeOf(o)) return;
  if (needsClusterIP(o) && !needsClusterIP(n)) {
    if (semanticEqual(n.clusterIPs, o.clusterIPs) && (n.clusterIP ?? '') === (o.clusterIP ?? '')) {
      delete n.clusterIP;
      delete n.clusterIPs;
    }
    if (semanticEqual(n.ipFamilies, o.ipFamilies)) delete n.ipFamilies;
    if (n.ipFamilyPolicy === o.ipFamilyPolicy) delete n.ipFamilyPolicy;
  }
  if (needsNodePort(o) && !needsNodePort(n)) {
    const sameNodePorts = semanticEqual(ports(n).map((p) => p.nodePort ?? 0), ports(o).map((p) => p.nodePort ?? 0));
    if (sameNodePorts) for (const p of ports(n)) delete p.nodePort;
  }
  if (needsHealthCheck(o) && !needsHealthCheck(n) && n.healthCheckNodePort === o.healthCheckNodePort) delete n.healthCheckNodePort;
  if (typeOf(o) === 'LoadBalancer' && typeOf(n) !== 'LoadBalancer' && n.allocateLoadBalancerNodePorts === o.allocateLoadBalancerNodePorts) delete n.allocateLoadBalancerNodePorts;
  if (externallyAccessible(o) && !externallyAccessible(n) && n.externalTrafficPolicy === o.externalTrafficPolicy) delete n.externalTrafficPolicy;
}

/**
 * initIPFamilyFields for a create on a single-stack IPv4 cluster: SingleStack/[IPv4], except headless Services
 * without a selector, which get RequireDualStack/[IPv4, IPv6] as upstream gives them on any cluster.
 */
function initIPFamilies(s: Obj): void {
  if (!needsClusterIP(s)) return;
  const selectorless = !isObj(s.selector) || Object.keys(s.selector).length === 0;
  if (isHeadless(s) && selectorless) {
    if (!s.ipFamilyPolicy) s.ipFamilyPolicy = 'RequireDualStack';
    const fams = strings(s.ipFamilies);
    if (fams.length === 0) s.ipFamilies = ['IPv4', 'IPv6'];
    else if (fams.length === 1) s.ipFamilies = [fams[0], fams[0] === 'IPv4' ? 'IPv6' : 'IPv4'];
    return;
  }
  if (!s.ipFamilyPolicy) s.ipFamilyPolicy = 'SingleStack';
  if (strings(s.ipFamilies).length === 0) s.ipFamilies = ['IPv4'];
}

/** The errors initIPFamilyFields returns on a single-stack IPv4 cluster. */
function ipFamilyErrors(s: Obj): FieldError[] {
  if (!needsClusterIP(s)) return [];
  const selectorless = !isObj(s.selector) || Object.keys(s.selector).length === 0;
  if (isHeadless(s) && selectorless) return [];
  const errs: FieldError[] = [];
  if (s.ipFamilyPolicy === 'RequireDualStack') {
    errs.push(invalidValue('spec.ipFamilyPolicy', 'RequireDualStack', 'this cluster is not configured for dual-stack services'));
  }
  strings(s.ipFamilies).forEach((f, i) => {
    if (f === 'IPv6') errs.push(invalidValue(`spec.ipFamilies[${i}]`, f, 'not configured on this cluster'));
  });
  if (strings(s.ipFamilies).length > 1 && s.ipFamilyPolicy === 'SingleStack') {
    errs.push(invalidValue('spec.ipFamilies', strings(s.ipFamilies), 'when multiple IP families are specified, IP family policy must be RequireDualStack or PreferDualStack'));
  }
  return errs;
}

/** validateServicePort. */
function validateServicePort(p: Obj, requireName: boolean, names: Set<string>, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = typeof p.name === 'string' ? p.name : '';
  if (requireName && !name) errs.push(required(`${field}.name`));
  else if (name) {
    errs.push(...dns1123LabelErrors(name).map((m) => invalidValue(`${field}.name`, name, m)));
    if (names.has(name)) errs.push({ type: 'Duplicate', field: `${field}.name`, value: name, hasValue: true });
    else names.add(name);
  }
  errs.push(...portNumErrors(Number(p.port ?? 0)).map((m) => invalidValue(`${field}.port`, Number(p.port ?? 0), m)));
  const proto = typeof p.protocol === 'string' ? p.protocol : '';
  if (!proto) errs.push(required(`${field}.protocol`));
  else if (!['SCTP', 'TCP', 'UDP'].includes(proto)) errs.push(notSupported(`${field}.protocol`, proto, ['SCTP', 'TCP', 'UDP']));
  errs.push(...validatePortNumOrName(p.targetPort, `${field}.targetPort`));
  return errs;
}

/** ValidateServiceClusterIPsRelatedFields. */
function validateClusterIPFields(s: Obj): FieldError[] {
  if (!needsClusterIP(s)) return [];
  const errs: FieldError[] = [];
  const ips = strings(s.clusterIPs);
  const ip = typeof s.clusterIP === 'string' ? s.clusterIP : '';
  if (ip) {
    if (ips.length === 0) errs.push(required('spec.clusterIPs'));
    else if (ips[0] !== ip) errs.push(invalidValue('spec.clusterIPs', ips, 'first value must match `clusterIP`'));
  } else if (ips.length !== 0) {
    errs.push(invalidValue('spec.clusterIPs', ips, 'must be empty when `clusterIP` is not specified'));
  }
  const seen = new Set<string>();
  strings(s.ipFamilies).forEach((f, i) => {
    if (f !== 'IPv4' && f !== 'IPv6') errs.push(notSupported(`spec.ipFamilies[${i}]`, f, ['IPv4', 'IPv6']));
    if (seen.has(f)) errs.push({ type: 'Duplicate', field: `spec.ipFamilies[${i}]`, value: f, hasValue: true });
    seen.add(f);
  });
  const pol = s.ipFamilyPolicy;
  if (pol !== undefined && pol !== null && !['PreferDualStack', 'RequireDualStack', 'SingleStack'].includes(String(pol))) {
    errs.push(notSupported('spec.ipFamilyPolicy', pol, ['PreferDualStack', 'RequireDualStack', 'SingleStack']));
  }
  ips.forEach((v, i) => {
    if (i === 0 && v === 'None') {
      if (ips.length > 1) errs.push(invalidValue('spec.clusterIPs', ips, "'None' must be the first and only value"));
      return;
    }
    errs.push(...validateIP(v, `spec.clusterIPs[${i}]`));
  });
  if (ips.length > 2) errs.push(invalidValue('spec.clusterIPs', ips, 'may only hold up to 2 values'));
  return errs;
}

/** ValidateService (create and update share it). */
export function checkService(obj: KubeObject): FieldError[] {
  const s = spec(obj);
  const errs = validateObjectMeta(obj, nameIsDNS1035Label);
  const type = typeof s.type === 'string' ? s.type : '';
  const ps = ports(s);
  if (ps.length === 0 && !isHeadless(s) && type !== 'ExternalName') errs.push(required('spec.ports'));
  if (type === 'LoadBalancer') {
    ps.forEach((p, i) => {
      if (Number(p.port) === KUBELET_PORT) errs.push(invalidValue(`spec.ports[${i}]`, KUBELET_PORT, `may not expose port ${KUBELET_PORT} externally since it is used by kubelet`));
    });
    if (isHeadless(s)) errs.push(invalidValue('spec.clusterIPs[0]', 'None', "may not be set to 'None' for LoadBalancer services"));
  } else if (type === 'NodePort') {
    if (isHeadless(s)) errs.push(invalidValue('spec.clusterIPs[0]', 'None', "may not be set to 'None' for NodePort services"));
  } else if (type === 'ExternalName') {
    if (strings(s.clusterIPs).length > 0) errs.push(forbiddenField('spec.clusterIPs', 'may not be set for ExternalName services'));
    if (strings(s.ipFamilies).length > 0) errs.push(forbiddenField('spec.ipFamilies', 'may not be set for ExternalName services'));
    if (s.ipFamilyPolicy !== undefined && s.ipFamilyPolicy !== null) errs.push(forbiddenField('spec.ipFamilyPolicy', 'may not be set for ExternalName services'));
    const cname = String(s.externalName ?? '').replace(/\.$/, '');
    if (cname) errs.push(...dns1123SubdomainErrors(cname).map((m) => invalidValue('spec.externalName', cname, m)));
    else errs.push(required('spec.externalName'));
  }
  const names = new Set<string>();
  ps.forEach((p, i) => errs.push(...validateServicePort(p, ps.length > 1, names, `spec.ports[${i}]`)));
  if (isObj(s.selector)) errs.push(...validateLabels(s.selector as Record<string, string>, 'spec.selector'));
  const sa = s.sessionAffinity;
  if (!sa) errs.push(required('spec.sessionAffinity'));
  else if (sa !== 'ClientIP' && sa !== 'None') errs.push(notSupported('spec.sessionAffinity', sa, ['ClientIP', 'None']));
  if (sa === 'ClientIP') {
    const t = (s.sessionAffinityConfig as { clientIP?: { timeoutSeconds?: number } } | undefined)?.clientIP?.timeoutSeconds;
    if (typeof t === 'number' && (t <= 0 || t > 86400)) errs.push(invalidValue('spec.sessionAffinityConfig.clientIP.timeoutSeconds', t, 'must be greater than 0 and less than 86400'));
  } else if (sa === 'None' && s.sessionAffinityConfig !== undefined && s.sessionAffinityConfig !== null) {
    errs.push(forbiddenField('spec.sessionAffinityConfig', 'must not be set when session affinity is None'));
  }
  errs.push(...validateClusterIPFields(s));
  strings(s.externalIPs).forEach((ip, i) => errs.push(...validateIP(ip, `spec.externalIPs[${i}]`)));
  if (!type) errs.push(required('spec.type'));
  else if (!SERVICE_TYPES.includes(type)) errs.push(notSupported('spec.type', type, SERVICE_TYPES));
  if (type === 'ClusterIP') {
    ps.forEach((p, i) => {
      if (p.nodePort) errs.push(forbiddenField(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const nodePorts = new Set<string>();
  ps.forEach((p, i) => {
    if (!p.nodePort) return;
    const key = `${p.protocol}/${p.nodePort}`;
    if (nodePorts.has(key)) errs.push({ type: 'Duplicate', field: `spec.ports[${i}].nodePort`, value: Number(p.nodePort), hasValue: true });
    nodePorts.add(key);
  });
  const portKeys = new Set<string>();
  ps.forEach((p, i) => {
    const key = `${p.protocol}/${p.port}`;
    if (portKeys.has(key)) errs.push(duplicateRendered(`spec.ports[${i}]`, goServicePortKey(String(p.protocol ?? ''), Number(p.port ?? 0))));
    portKeys.add(key);
  });
  if (strings(s.loadBalancerSourceRanges).length > 0 && type !== 'LoadBalancer') {
    errs.push(forbiddenField('spec.LoadBalancerSourceRanges', "may only be used when `type` is 'LoadBalancer'"));
  }
  if (s.allocateLoadBalancerNodePorts !== undefined && s.allocateLoadBalancerNodePorts !== null && type !== 'LoadBalancer') {
    errs.push(forbiddenField('spec.allocateLoadBalancerNodePorts', "may only be used when `type` is 'LoadBalancer'"));
  }
  if (type === 'LoadBalancer' && (s.allocateLoadBalancerNodePorts === undefined || s.allocateLoadBalancerNodePorts === null)) {
    errs.push(required('allocateLoadBalancerNodePorts'));
  }
  const etp = s.externalTrafficPolicy;
  if (!externallyAccessible(s)) {
    if (etp) errs.push(invalidValue('spec.externalTrafficPolicy', etp, 'may only be set for externally-accessible services'));
  } else if (!etp) {
    errs.push(required('spec.externalTrafficPolicy'));
  } else if (etp !== 'Cluster' && etp !== 'Local') {
    errs.push(notSupported('spec.externalTrafficPolicy', etp, ['Cluster', 'Local']));
  }
  if (!needsHealthCheck(s) && s.healthCheckNodePort) {
    errs.push(invalidValue('spec.healthCheckNodePort', s.healthCheckNodePort, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
  }
  const itp = s.internalTrafficPolicy;
  if ((itp === undefined || itp === null) && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(type)) errs.push(required('spec.internalTrafficPolicy'));
  if (itp !== undefined && itp !== null && itp !== 'Cluster' && itp !== 'Local') errs.push(notSupported('spec.internalTrafficPolicy', itp, ['Cluster', 'Local']));
  return errs;
}

// ---------------------------------------------------------------------------------------------------------------
// Allocation

const IP_TAKEN = 'provided IP is already allocated';
const PORT_TAKEN = 'provided port is already allocated';

/** Services other than `self` holding `ip` or `port` (the store is the source of truth; the allocator may lag). */
function usedBy(ctx: StrategyContext, self: KubeObject, test: (s: Obj) => boolean): boolean {
  return ctx.list('Service').some((o) => !(o.metadata.namespace === self.metadata.namespace && o.metadata.name === self.metadata.name) && test(spec(o)));
}
const holdsIP = (ip: string) => (s: Obj) => strings(s.clusterIPs).includes(ip) || s.clusterIP === ip;
const holdsPort = (port: number) => (s: Obj) => ports(s).some((p) => Number(p.nodePort ?? 0) === port) || Number(s.healthCheckNodePort ?? 0) === port;

function ipConflict(ctx: StrategyContext, svc: KubeObject, ip: string): FieldError | undefined {
  const ips = strings(spec(svc).clusterIPs);
  const fail = (why: string) => invalidValue('spec.clusterIPs', ips, `failed to allocate IP ${ip}: ${why}`);
  if (!isClusterIPInRange(ip)) return fail(`the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${SERVICE_CLUSTER_IP_RANGE}`);
  if (usedBy(ctx, svc, holdsIP(ip))) return fail(IP_TAKEN);
  return undefined;
}

function portConflict(ctx: StrategyContext, svc: KubeObject, port: number, field: string): FieldError | undefined {
  if (!isNodePortInRange(port)) return invalidValue(field, port, `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_RANGE.min}-${NODE_PORT_RANGE.max}`);
  if (usedBy(ctx, svc, holdsPort(port))) return invalidValue(field, port, PORT_TAKEN);
  return undefined;
}

/** Claims a specific IP; a claim the allocator refuses while no stored Service holds it is a leak and is repaired. */
function claimIP(ctx: StrategyContext, ip: string): void {
  if (!ctx.allocators.claimClusterIP(ip)) {
    ctx.allocators.releaseClusterIP(ip);
    ctx.allocators.claimClusterIP(ip);
  }
}

function claimPort(ctx: StrategyContext, port: number): void {
  if (!ctx.allocators.claimNodePort(port)) {
    ctx.allocators.releaseNodePort(port);
    ctx.allocators.claimNodePort(port);
  }
}

/** The allocation errors of a create, which upstream reports before (and instead of) validation errors. */
function createAllocationErrors(ctx: StrategyContext, svc: KubeObject): FieldError[] {
  const s = spec(svc);
  const errs = ipFamilyErrors(s);
  if (errs.length > 0) return errs;
  const ip = strings(s.clusterIPs)[0];
  if (needsClusterIP(s) && ip && ip !== 'None' && isValidIP(ip)) {
    const e = ipConflict(ctx, svc, ip);
    if (e) return [e];
  }
  if (needsNodePort(s)) {
    const seen = new Set<number>();
    for (const [i, p] of ports(s).entries()) {
      const np = Number(p.nodePort ?? 0);
      if (!np || seen.has(np)) continue;
      seen.add(np);
      const e = portConflict(ctx, svc, np, `spec.ports[${i}].nodePort`);
      if (e) return [e];
    }
  }
  return [];
}

/** allocateCreate: the ClusterIP and NodePorts (and the health-check port of Local LoadBalancers). */
function allocateCreate(ctx: StrategyContext, svc: KubeObject): FieldError[] {
  const s = spec(svc);
  if (needsClusterIP(s) && !isHeadless(s)) {
    const requested = strings(s.clusterIPs)[0];
    if (requested) {
      claimIP(ctx, requested);
    } else {
      const ip = ctx.allocators.allocateClusterIP();
      if (!ip) return [invalidValue('spec.clusterIPs', [], 'failed to allocate a serviceIP: range is full')];
      s.clusterIP = ip;
      s.clusterIPs = [ip];
    }
  }
  return allocateNodePorts(ctx, svc, new Set());
}

/** Gives every port of a NodePort/LoadBalancer Service a node port; `kept` are already held from before. */
function allocateNodePorts(ctx: StrategyContext, svc: KubeObject, kept: Set<number>): FieldError[] {
  const s = spec(svc);
  if (!needsNodePort(s)) return [];
  const claimed = new Set<number>();
  for (const p of ports(s)) {
    const np = Number(p.nodePort ?? 0);
    if (np) {
      if (!kept.has(np) && !claimed.has(np)) claimPort(ctx, np);
      claimed.add(np);
    } else if (shouldAllocateNodePorts(s)) {
      const port = ctx.allocators.allocateNodePort();
      if (port === undefined) return [invalidValue('spec.ports', [], 'failed to allocate a nodePort: range is full')];
      p.nodePort = port;
      claimed.add(port);
    }
  }
  if (needsHealthCheck(s)) {
    const hc = Number(s.healthCheckNodePort ?? 0);
    if (hc && !kept.has(hc)) claimPort(ctx, hc);
    else if (!hc) {
      const port = ctx.allocators.allocateNodePort();
      if (port !== undefined) s.healthCheckNodePort = port;
    }
  }
  return [];
}

function heldNodePorts(s: Obj): number[] {
  const out = ports(s).map((p) => Number(p.nodePort ?? 0)).filter((x) => x > 0);
  if (needsHealthCheck(s) && s.healthCheckNodePort) out.push(Number(s.healthCheckNodePort));
  return out;
}

function releaseAll(ctx: StrategyContext, s: Obj): void {
  if (needsClusterIP(s) && !isHeadless(s)) for (const ip of strings(s.clusterIPs)) ctx.allocators.releaseClusterIP(ip);
  for (const p of heldNodePorts(s)) ctx.allocators.releaseNodePort(p);
}

/** allocateUpdate: IPs for ExternalName -> other types, node ports for new or changed ports; releases the rest. */
function allocateUpdate(ctx: StrategyContext, svc: KubeObject, old: KubeObject): FieldError[] {
  const n = spec(svc);
  const o = spec(old);
  const errs: FieldError[] = [];
  if (!needsClusterIP(o) && needsClusterIP(n) && !isHeadless(n)) {
    const requested = strings(n.clusterIPs)[0];
    if (requested) {
      const e = ipConflict(ctx, svc, requested);
      if (e) return [e];
      claimIP(ctx, requested);
    } else {
      const ip = ctx.allocators.allocateClusterIP();
      if (ip) {
        n.clusterIP = ip;
        n.clusterIPs = [ip];
        if (!n.ipFamilyPolicy) n.ipFamilyPolicy = 'SingleStack';
        if (strings(n.ipFamilies).length === 0) n.ipFamilies = ['IPv4'];
      }
    }
  }
  const oldPorts = new Set(heldNodePorts(o));
  for (const [i, p] of ports(n).entries()) {
    const np = Number(p.nodePort ?? 0);
    if (np && !oldPorts.has(np) && needsNodePort(n)) {
      const e = portConflict(ctx, svc, np, `spec.ports[${i}].nodePort`);
      if (e) return [e];
    }
  }
  errs.push(...allocateNodePorts(ctx, svc, oldPorts));
  // Release what the old object held and the new one does not.
  if (needsClusterIP(o) && !isHeadless(o) && !needsClusterIP(n)) for (const ip of strings(o.clusterIPs)) ctx.allocators.releaseClusterIP(ip);
  const nowHeld = new Set(heldNodePorts(n));
  for (const p of oldPorts) if (!nowHeld.has(p)) ctx.allocators.releaseNodePort(p);
  return errs;
}

/** validateUpgradeDowngradeClusterIPs / IPFamilies and the immutable health-check port. */
function validateServiceUpdate(n: Obj, o: Obj): FieldError[] {
  const errs: FieldError[] = [];
  if (typeOf(n) !== 'ExternalName' && typeOf(o) !== 'ExternalName' && !(isHeadless(n) && isHeadless(o))) {
    const nips = strings(n.clusterIPs);
    const oips = strings(o.clusterIPs);
    if (nips.length === oips.length) {
      oips.forEach((ip, i) => {
        if (ip !== nips[i]) errs.push(invalidValue(`spec.clusterIPs[${i}]`, nips, 'may not change once set'));
      });
    } else if (oips.length > nips.length) {
      if (nips.length === 0) errs.push(invalidValue('spec.clusterIPs[0]', nips, 'primary clusterIP can not be unset'));
      if (oips.length > 0 && nips.length > 0 && nips[0] !== oips[0]) errs.push(invalidValue('spec.clusterIPs[0]', nips, 'may not change once set'));
    } else if (oips.length > 0 && nips[0] !== oips[0]) {
      errs.push(invalidValue('spec.clusterIPs[0]', nips, 'may not change once set'));
    }
    if (isHeadless(n) === isHeadless(o) && !isHeadless(n)) {
      const nf = strings(n.ipFamilies);
      const of = strings(o.ipFamilies);
      if (nf.length === of.length && of.some((f, i) => f !== nf[i])) errs.push(invalidValue('spec.ipFamilies[0]', nf, 'may not change once set'));
    }
  }
  if (needsHealthCheck(o) && needsHealthCheck(n) && n.healthCheckNodePort !== o.healthCheckNodePort) {
    errs.push(forbiddenField('spec.healthCheckNodePort', 'field is immutable'));
  }
  return errs;
}

/** The Service strategy. */
export const serviceStrategy: Strategy = {
  hasStatusSubresource: true,

  applyDefaults(obj) {
    const s = spec(obj);
    defaultService(s);
    if (!isUpdate(obj)) {
      normalizeClusterIPsOnCreate(s);
      if (ipFamilyErrors(s).length === 0) initIPFamilies(s);
    }
  },

  prepareForCreate(obj) {
    obj.status = { loadBalancer: {} };
  },

  prepareForUpdate(obj, old) {
    markUpdate(obj);
    const n = spec(obj);
    const o = spec(old);
    patchAllocatedValues(n, o);
    normalizeClusterIPsOnUpdate(n, o);
    dropTypeDependentFields(n, o);
  },

  validate(obj, ctx) {
    if (isUpdate(obj)) return dedupe(checkService(obj));
    const allocErrs = createAllocationErrors(ctx, obj);
    if (allocErrs.length > 0) return allocErrs;
    const errs = dedupe(checkService(obj));
    if (errs.length > 0) return errs;
    return allocateCreate(ctx, obj);
  },

  validateUpdate(obj, old, ctx) {
    const errs = dedupe(validateServiceUpdate(spec(obj), spec(old)));
    if (errs.length > 0 || checkService(obj).length > 0) return errs;
    return allocateUpdate(ctx, obj, old);
  },

  afterDelete(obj, ctx) {
    releaseAll(ctx, spec(obj));
  },
};

/** The side-effect-free part of Service validation (admission uses it before deciding to charge quota). */
export function validateServiceWithoutAllocation(obj: KubeObject, ctx: StrategyContext): FieldError[] {
  if (isUpdate(obj)) return dedupe(checkService(obj));
  const allocErrs = createAllocationErrors(ctx, obj);
  return allocErrs.length > 0 ? allocErrs : dedupe(checkService(obj));
}

/** Registers the Service strategy. */
export function registerServiceStrategy(): void {
  registerStrategy('Service', serviceStrategy);
}
