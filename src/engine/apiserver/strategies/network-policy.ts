/**
 * The NetworkPolicy strategy: TCP port protocols and the Ingress(/Egress) policy types by default, and
 * ValidateNetworkPolicy (selectors, peers, ports, ipBlock CIDRs, policy types).
 * Models pkg/apis/networking/v1/defaults.go SetDefaults_NetworkPolicy and
 * pkg/apis/networking/validation/validation.go ValidateNetworkPolicySpec.
 */
import { type FieldError, forbiddenField, invalidValue, notSupported, required } from '../field-errors';
import { registerStrategy, type Strategy } from '../strategy';
import { dedupe } from './common/errors';
import { validateLabelSelector, validateObjectMeta } from './common/meta';
import { isValidIP, validatePortNumOrName } from './common/pod-validation';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map((x) => (isObj(x) ? x : {})) : []);

function isCidr(v: string): boolean {
  const [ip, bits, extra] = v.split('/');
  if (extra !== undefined || ip === undefined || bits === undefined || !/^\d+$/.test(bits)) return false;
  const max = ip.includes(':') ? 128 : 32;
  return isValidIP(ip) && Number(bits) <= max;
}

function validatePorts(ports: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  list(ports).forEach((p, i) => {
    const proto = p.protocol;
    if (proto !== undefined && !['SCTP', 'TCP', 'UDP'].includes(String(proto))) errs.push(notSupported(`${field}[${i}].protocol`, proto, ['SCTP', 'TCP', 'UDP']));
    if (p.port !== undefined && p.port !== null) errs.push(...validatePortNumOrName(p.port, `${field}[${i}].port`));
  });
  return errs;
}

function validatePeers(peers: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  list(peers).forEach((peer, i) => {
    const p = `${field}[${i}]`;
    const selectors = (isObj(peer.podSelector) ? 1 : 0) + (isObj(peer.namespaceSelector) ? 1 : 0);
    const hasIPBlock = isObj(peer.ipBlock);
    if (selectors === 0 && !hasIPBlock) errs.push(required(p, 'must specify a peer'));
    else if (selectors > 0 && hasIPBlock) errs.push(forbiddenField(p, 'may not specify both podSelector/namespaceSelector and ipBlock'));
    if (isObj(peer.podSelector)) errs.push(...validateLabelSelector(peer.podSelector as never, `${p}.podSelector`));
    if (isObj(peer.namespaceSelector)) errs.push(...validateLabelSelector(peer.namespaceSelector as never, `${p}.namespaceSelector`));
    if (hasIPBlock) {
      const block = peer.ipBlock as Obj;
      const cidr = typeof block.cidr === 'string' ? block.cidr : '';
      if (!cidr) errs.push(required(`${p}.ipBlock.cidr`));
      else if (!isCidr(cidr)) errs.push(invalidValue(`${p}.ipBlock.cidr`, cidr, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'));
      (Array.isArray(block.except) ? (block.except as string[]) : []).forEach((e, j) => {
        if (!isCidr(String(e))) errs.push(invalidValue(`${p}.ipBlock.except[${j}]`, String(e), 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'));
      });
    }
  });
  return errs;
}

/** The NetworkPolicy strategy. */
export const networkPolicyStrategy: Strategy = {
  hasStatusSubresource: false,
  applyDefaults(obj) {
    const spec = isObj(obj.spec) ? obj.spec : (obj.spec = {});
    if (!isObj(spec.podSelector)) spec.podSelector = {};
    for (const dir of ['ingress', 'egress']) for (const rule of list(spec[dir])) for (const p of list(rule.ports)) if (!p.protocol) p.protocol = 'TCP';
    if (!Array.isArray(spec.policyTypes) || spec.policyTypes.length === 0) {
      spec.policyTypes = list(spec.egress).length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
    }
  },
  validate(obj) {
    const errs = validateObjectMeta(obj);
    const spec: Obj = isObj(obj.spec) ? obj.spec : {};
    errs.push(...validateLabelSelector(spec.podSelector as never, 'spec.podSelector'));
    list(spec.ingress).forEach((r, i) => {
      errs.push(...validatePorts(r.ports, `spec.ingress[${i}].ports`));
      errs.push(...validatePeers(r.from, `spec.ingress[${i}].from`));
    });
    list(spec.egress).forEach((r, i) => {
      errs.push(...validatePorts(r.ports, `spec.egress[${i}].ports`));
      errs.push(...validatePeers(r.to, `spec.egress[${i}].to`));
    });
    const types = Array.isArray(spec.policyTypes) ? (spec.policyTypes as string[]) : [];
    types.forEach((t, i) => {
      if (t !== 'Ingress' && t !== 'Egress') errs.push(notSupported(`spec.policyTypes[${i}]`, t, ['Ingress', 'Egress']));
    });
    if (types.length > 2) errs.push(invalidValue('spec.policyTypes', types, 'may not specify more than two policyTypes'));
    return dedupe(errs);
  },
};

/** Registers the NetworkPolicy strategy. */
export function registerNetworkPolicyStrategy(): void {
  registerStrategy('NetworkPolicy', networkPolicyStrategy);
}
