/**
 * The EndpointSlice strategy: port defaults and ValidateEndpointSlice (address type, 1-100 addresses per endpoint
 * valid for that type, at most 1000 endpoints, ports), with an immutable address type.
 * Models pkg/apis/discovery/v1/defaults.go and pkg/apis/discovery/validation/validation.go.
 */
import { dns1123SubdomainErrors } from '../../api/names';
import { type FieldError, invalidValue, notSupported, required } from '../field-errors';
import { registerStrategy, type Strategy } from '../strategy';
import { dedupe, immutableField } from './common/errors';
import { validateObjectMeta } from './common/meta';
import { isValidIP } from './common/pod-validation';
import { validateEndpointPort } from './endpoints';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map((x) => (isObj(x) ? x : {})) : []);

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];
const MAX_ADDRESSES = 100;
const MAX_ENDPOINTS = 1000;

function validateAddress(addr: string, type: string, field: string): FieldError[] {
  if (type === 'IPv4' && !(isValidIP(addr) && !addr.includes(':'))) return [invalidValue(field, addr, 'must be a valid IPv4 address')];
  if (type === 'IPv6' && !(isValidIP(addr) && addr.includes(':'))) return [invalidValue(field, addr, 'must be a valid IPv6 address')];
  if (type === 'FQDN') return dns1123SubdomainErrors(addr).map((m) => invalidValue(field, addr, m));
  return [];
}

/** The EndpointSlice strategy. */
export const endpointSliceStrategy: Strategy = {
  hasStatusSubresource: false,
  applyDefaults(obj) {
    for (const p of list(obj.ports)) {
      if (p.name === undefined || p.name === null) p.name = '';
      if (!p.protocol) p.protocol = 'TCP';
    }
  },
  validate(obj) {
    const errs = validateObjectMeta(obj);
    const type = typeof obj.addressType === 'string' ? obj.addressType : '';
    if (!type) errs.push(required('addressType'));
    else if (!ADDRESS_TYPES.includes(type)) errs.push(notSupported('addressType', type, ADDRESS_TYPES));
    const endpoints = list(obj.endpoints);
    if (endpoints.length > MAX_ENDPOINTS) errs.push({ type: 'TooMany', field: 'endpoints', detail: `must have at most ${MAX_ENDPOINTS} items` });
    endpoints.forEach((ep, i) => {
      const p = `endpoints[${i}]`;
      const addrs = Array.isArray(ep.addresses) ? (ep.addresses as unknown[]).map(String) : [];
      if (addrs.length === 0) errs.push(required(`${p}.addresses`, 'must contain at least 1 address'));
      else if (addrs.length > MAX_ADDRESSES) errs.push({ type: 'TooMany', field: `${p}.addresses`, detail: `must have at most ${MAX_ADDRESSES} items` });
      addrs.forEach((a, j) => errs.push(...validateAddress(a, type, `${p}.addresses[${j}]`)));
      if (typeof ep.nodeName === 'string' && ep.nodeName) {
        errs.push(...dns1123SubdomainErrors(ep.nodeName).map((m) => invalidValue(`${p}.nodeName`, ep.nodeName, m)));
      }
    });
    const ports = list(obj.ports);
    ports.forEach((port, i) => errs.push(...validateEndpointPort({ ...port, port: port.port ?? 1 }, false, `ports[${i}]`)));
    return dedupe(errs);
  },
  validateUpdate(obj, old) {
    return immutableField(obj.addressType, old.addressType, 'addressType');
  },
};

/** Registers the EndpointSlice strategy. */
export function registerEndpointSliceStrategy(): void {
  registerStrategy('EndpointSlice', endpointSliceStrategy);
}
