/**
 * The Endpoints strategy: port protocol defaults and ValidateEndpoints (addresses required per subset, valid IPs,
 * named ports when there are several).
 * Models pkg/apis/core/v1/defaults.go SetDefaults_EndpointPort and pkg/apis/core/validation/validation.go
 * ValidateEndpoints.
 */
import { dns1123LabelErrors, dns1123SubdomainErrors } from '../../api/names';
import { type FieldError, invalidValue, notSupported, required } from '../field-errors';
import { registerStrategy, type Strategy } from '../strategy';
import { dedupe } from './common/errors';
import { validateObjectMeta } from './common/meta';
import { portNumErrors, validateIP } from './common/pod-validation';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map((x) => (isObj(x) ? x : {})) : []);

/** Validates one endpoint port; shared with EndpointSlices. */
export function validateEndpointPort(port: Obj, requireName: boolean, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = typeof port.name === 'string' ? port.name : '';
  if (requireName && !name) errs.push(required(`${field}.name`));
  else if (name) errs.push(...dns1123LabelErrors(name).map((m) => invalidValue(`${field}.name`, name, m)));
  errs.push(...portNumErrors(Number(port.port ?? 0)).map((m) => invalidValue(`${field}.port`, Number(port.port ?? 0), m)));
  const proto = typeof port.protocol === 'string' ? port.protocol : '';
  if (!proto) errs.push(required(`${field}.protocol`));
  else if (!['SCTP', 'TCP', 'UDP'].includes(proto)) errs.push(notSupported(`${field}.protocol`, proto, ['SCTP', 'TCP', 'UDP']));
  return errs;
}

function validateAddress(a: Obj, field: string): FieldError[] {
  const errs = validateIP(String(a.ip ?? ''), `${field}.ip`);
  if (typeof a.hostname === 'string' && a.hostname) errs.push(...dns1123LabelErrors(a.hostname).map((m) => invalidValue(`${field}.hostname`, a.hostname, m)));
  if (typeof a.nodeName === 'string') errs.push(...dns1123SubdomainErrors(a.nodeName).map((m) => invalidValue(`${field}.nodeName`, a.nodeName, m)));
  return errs;
}

/** The Endpoints strategy. */
export const endpointsStrategy: Strategy = {
  hasStatusSubresource: false,
  applyDefaults(obj) {
    for (const ss of list(obj.subsets)) for (const p of list(ss.ports)) if (!p.protocol) p.protocol = 'TCP';
  },
  validate(obj) {
    const errs = validateObjectMeta(obj);
    list(obj.subsets).forEach((ss, i) => {
      const p = `subsets[${i}]`;
      const addrs = list(ss.addresses);
      const notReady = list(ss.notReadyAddresses);
      if (addrs.length === 0 && notReady.length === 0) errs.push(required(p, 'must specify `addresses` or `notReadyAddresses`'));
      addrs.forEach((a, j) => errs.push(...validateAddress(a, `${p}.addresses[${j}]`)));
      notReady.forEach((a, j) => errs.push(...validateAddress(a, `${p}.notReadyAddresses[${j}]`)));
      const ports = list(ss.ports);
      ports.forEach((port, j) => errs.push(...validateEndpointPort(port, ports.length > 1, `${p}.ports[${j}]`)));
    });
    return dedupe(errs);
  },
};

/** Registers the Endpoints strategy. */
export function registerEndpointsStrategy(): void {
  registerStrategy('Endpoints', endpointsStrategy);
}
