/**
 * The Ingress strategy: ValidateIngress (rules or a default backend, host names, pathType required, absolute
 * paths, service backends with a name and a port name or number).
 * Models pkg/apis/networking/validation/validation.go (ValidateIngressSpec, validateHTTPIngressPath,
 * validateIngressBackend).
 */
import { dns1035LabelErrors, dns1123SubdomainErrors } from '../../api/names';
import { type FieldError, invalidValue, notSupported, required } from '../field-errors';
import { registerStrategy, type Strategy } from '../strategy';
import { dedupe } from './common/errors';
import { validateObjectMeta } from './common/meta';
import { isValidIP, portNameErrors, portNumErrors } from './common/pod-validation';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map((x) => (isObj(x) ? x : {})) : []);

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];
const INVALID_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_SUFFIXES = ['/..', '/.'];

function validateBackend(b: Obj, field: string): FieldError[] {
  const hasResource = isObj(b.resource);
  const svc = b.service;
  if (hasResource && isObj(svc)) return [invalidValue(field, '', 'cannot set both resource and service backends')];
  if (hasResource) return [];
  if (!isObj(svc)) return [invalidValue(field, '', 'resource or service backend is required')];
  const errs: FieldError[] = [];
  const name = typeof svc.name === 'string' ? svc.name : '';
  if (!name) errs.push(required(`${field}.service.name`));
  else errs.push(...dns1035LabelErrors(name).map((m) => invalidValue(`${field}.service.name`, name, m)));
  const port: Obj = isObj(svc.port) ? svc.port : {};
  const portName = typeof port.name === 'string' ? port.name : '';
  const portNumber = typeof port.number === 'number' ? port.number : 0;
  if (portName && portNumber) errs.push(invalidValue(field, '', 'cannot set both port name & port number'));
  else if (portName) errs.push(...portNameErrors(portName).map((m) => invalidValue(`${field}.service.port.name`, portName, m)));
  else if (portNumber) errs.push(...portNumErrors(portNumber).map((m) => invalidValue(`${field}.service.port.number`, portNumber, m)));
  else errs.push(required(field, 'port name or number is required'));
  return errs;
}

function validatePath(p: Obj, field: string): FieldError[] {
  const pathType = p.pathType;
  if (pathType === undefined || pathType === null) return [required(`${field}.pathType`, 'pathType must be specified')];
  const errs: FieldError[] = [];
  const path = typeof p.path === 'string' ? p.path : '';
  if (pathType === 'Exact' || pathType === 'Prefix') {
    if (!path.startsWith('/')) errs.push(invalidValue(`${field}.path`, path, 'must be an absolute path'));
    if (path) {
      for (const seq of INVALID_SEQUENCES) if (path.includes(seq)) errs.push(invalidValue(`${field}.path`, path, `must not contain '${seq}'`));
      for (const suf of INVALID_SUFFIXES) if (path.endsWith(suf)) errs.push(invalidValue(`${field}.path`, path, `cannot end with '${suf}'`));
    }
  } else if (pathType === 'ImplementationSpecific') {
    if (path && !path.startsWith('/')) errs.push(invalidValue(`${field}.path`, path, 'must be an absolute path'));
  } else {
    errs.push(notSupported(`${field}.pathType`, pathType, PATH_TYPES));
  }
  errs.push(...validateBackend(isObj(p.backend) ? p.backend : {}, `${field}.backend`));
  return errs;
}

function validateHost(host: string, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (isValidIP(host)) errs.push(invalidValue(field, host, 'must be a DNS name, not an IP address'));
  const name = host.startsWith('*.') ? host.slice(2) : host;
  if (host.includes('*') && !host.startsWith('*.')) {
    errs.push(invalidValue(field, host, "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"));
  } else {
    errs.push(...dns1123SubdomainErrors(name).map((m) => invalidValue(field, host, m)));
  }
  return errs;
}

/** The Ingress strategy. */
export const ingressStrategy: Strategy = {
  hasStatusSubresource: true,
  prepareForCreate(obj) {
    obj.status = { loadBalancer: {} };
  },
  validate(obj) {
    const errs = validateObjectMeta(obj);
    const spec: Obj = isObj(obj.spec) ? obj.spec : {};
    const rules = list(spec.rules);
    if (rules.length === 0 && !isObj(spec.defaultBackend)) {
      errs.push(invalidValue('spec.rules', '', 'either `defaultBackend` or `rules` must be specified'));
    }
    if (isObj(spec.defaultBackend)) errs.push(...validateBackend(spec.defaultBackend, 'spec.defaultBackend'));
    rules.forEach((r, i) => {
      const p = `spec.rules[${i}]`;
      if (typeof r.host === 'string' && r.host) errs.push(...validateHost(r.host, `${p}.host`));
      if (isObj(r.http)) {
        const paths = list(r.http.paths);
        if (paths.length === 0) errs.push(required(`${p}.http.paths`));
        paths.forEach((path, j) => errs.push(...validatePath(path, `${p}.http.paths[${j}]`)));
      }
    });
    list(spec.tls).forEach((t, i) => {
      for (const [j, h] of (Array.isArray(t.hosts) ? (t.hosts as string[]) : []).entries()) errs.push(...validateHost(String(h), `spec.tls[${i}].hosts[${j}]`));
    });
    if (typeof spec.ingressClassName === 'string' && spec.ingressClassName) {
      errs.push(...dns1123SubdomainErrors(spec.ingressClassName).map((m) => invalidValue('spec.ingressClassName', spec.ingressClassName, m)));
    }
    return dedupe(errs);
  },
};

/** Registers the Ingress strategy. */
export function registerIngressStrategy(): void {
  registerStrategy('Ingress', ingressStrategy);
}
