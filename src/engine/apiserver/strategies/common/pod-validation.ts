/**
 * Validation of pod specs and pod templates: volumes, containers (names, images, ports, env, mounts, resources,
 * probes, lifecycle), restart and DNS policies, scheduling fields and tolerations.
 * Models pkg/apis/core/validation/validation.go (ValidatePodSpec, validateContainers, validateInitContainers,
 * ValidateVolumes, ValidateResourceRequirements, ValidateTolerations, ValidatePodTemplateSpec).
 */
import { dns1123LabelErrors, dns1123SubdomainErrors } from '../../../api/names';
import { labelValueError } from '../../../api/labels';
import { type FieldError, duplicate, forbiddenField, invalidValue, notSupported, required } from '../../field-errors';
import { IS_NEGATIVE, invalidRendered, keyPath, nonNegative, notFoundValue } from './errors';
import { validateAnnotations, validateLabelName, validateLabelSelector, validateLabels } from './meta';
import { VOLUME_SOURCE_FIELDS } from './pod-defaults';
import { canonicalQuantity, parseQty, qtyCmp } from './quantity';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map((x) => (isObj(x) ? x : {})) : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const MAX_INT32 = 2147483647;

// ---------------------------------------------------------------------------------------------------------------
// apimachinery/pkg/util/validation helpers

/** IsValidPortNum. */
export function portNumErrors(port: number): string[] {
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? [] : ['must be between 1 and 65535, inclusive'];
}

/** IsValidPortName. */
export function portNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) errs.push('must contain at least one letter (a-z)');
  if (name.includes('--')) errs.push('must not contain consecutive hyphens');
  if (name.length > 0 && (name.startsWith('-') || name.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** ValidatePortNumOrName: numbers are port numbers, strings port names. */
export function validatePortNumOrName(port: unknown, field: string): FieldError[] {
  if (typeof port === 'number') return portNumErrors(port).map((m) => invalidValue(field, port, m));
  if (typeof port === 'string') return portNameErrors(port).map((m) => invalidValue(field, port, m));
  return portNumErrors(0).map((m) => invalidValue(field, 0, m));
}

/** IsRelaxedEnvVarName (RelaxedEnvironmentVariableValidation is GA in v1.34). */
function envVarNameErrors(name: string): string[] {
  for (const ch of name) {
    const c = ch.codePointAt(0)!;
    if (c > 126 || c < 32 || ch === '=') return ["a valid environment variable name must consist only of printable ASCII characters other than '='"];
  }
  return [];
}

function chDirPrefixErrors(value: string): string[] {
  if (value === '.') return ["must not be '.'"];
  if (value === '..') return ["must not be '..'"];
  if (value.startsWith('..')) return ["must not start with '..'"];
  return [];
}

/** IsConfigMapKey (ConfigMap, Secret and env key references). */
export function configMapKeyErrors(key: string): string[] {
  const errs: string[] = [];
  if (key.length > 253) errs.push('must be no more than 253 characters');
  if (!/^[-._a-zA-Z0-9]+$/.test(key)) {
    errs.push("a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')");
  }
  errs.push(...chDirPrefixErrors(key));
  return errs;
}

/** IsValidIP for IPv4 and IPv6 text. */
export function isValidIP(ip: string): boolean {
  if (/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(ip)) return ip.split('.').every((p) => Number(p) <= 255 && (p === '0' || !p.startsWith('0')));
  return ip.includes(':') && /^[0-9a-fA-F:.]+$/.test(ip) && (ip.match(/::/g) ?? []).length <= 1;
}

/** The IsValidIP field error. */
export function validateIP(ip: string, field: string): FieldError[] {
  return isValidIP(ip) ? [] : [invalidValue(field, ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)')];
}

// ---------------------------------------------------------------------------------------------------------------
// Resources

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);
const STANDARD_RESOURCES = new Set([
  'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage', 'limits.cpu',
  'limits.memory', 'limits.ephemeral-storage', 'pods', 'services', 'replicationcontrollers', 'resourcequotas', 'secrets',
  'persistentvolumeclaims', 'configmaps', 'storage', 'requests.storage', 'services.nodeports', 'services.loadbalancers',
]);
const isHugePages = (name: string) => name.startsWith('hugepages-');
const isNative = (name: string) => !name.includes('/') || name.includes('kubernetes.io/');
/** IsOvercommitAllowed: only native, non-hugepage resources may have requests below limits. */
const overcommitAllowed = (name: string) => isNative(name) && !isHugePages(name);

/** validateResourceName + validateContainerResourceName. */
function validateContainerResourceName(name: string, field: string): FieldError[] {
  const keyMsg = validateLabelName(name, field);
  if (keyMsg.length > 0) return keyMsg;
  if (!name.includes('/')) {
    if (!STANDARD_RESOURCES.has(name) && !isHugePages(name)) return [invalidValue(field, name, 'must be a standard resource type or fully qualified')];
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePages(name)) return [invalidValue(field, name, 'must be a standard resource for containers')];
  }
  return [];
}

/** ValidateResourceQuantityValue: non-negative, and whole numbers for integer resources. */
export function validateResourceQuantity(name: string, value: unknown, field: string): FieldError[] {
  const q = parseQty(value);
  if (!q) return [];
  const errs: FieldError[] = [];
  if (q.nanos < 0n) errs.push(invalidValue(field, canonicalQuantity(value), IS_NEGATIVE));
  const integer = !['cpu', 'memory', 'ephemeral-storage', 'storage', 'requests.cpu', 'limits.cpu', 'requests.memory', 'limits.memory', 'requests.storage', 'requests.ephemeral-storage', 'limits.ephemeral-storage'].includes(name) && !isHugePages(name);
  if (integer && q.nanos % 1_000_000_000n !== 0n) errs.push(invalidValue(field, canonicalQuantity(value), 'must be an integer'));
  return errs;
}

/** ValidateResourceRequirements: names, quantities and requests <= limits (keys in sorted order). */
export function validateResourceRequirements(resources: unknown, field: string): FieldError[] {
  const res = isObj(resources) ? resources : {};
  const limits = isObj(res.limits) ? res.limits : {};
  const requests = isObj(res.requests) ? res.requests : {};
  const limPath = `${field}.limits`;
  const reqPath = `${field}.requests`;
  const errs: FieldError[] = [];
  for (const name of Object.keys(limits).sort()) {
    const p = keyPath(limPath, name);
    errs.push(...validateContainerResourceName(name, p));
    errs.push(...validateResourceQuantity(name, limits[name], p));
  }
  for (const name of Object.keys(requests).sort()) {
    const p = keyPath(reqPath, name);
    errs.push(...validateContainerResourceName(name, p));
    errs.push(...validateResourceQuantity(name, requests[name], p));
    const req = parseQty(requests[name]);
    if (name in limits) {
      const lim = parseQty(limits[name]);
      if (req && lim) {
        const reqText = canonicalQuantity(requests[name]);
        const limText = canonicalQuantity(limits[name]);
        if (qtyCmp(req, lim) !== 0 && !overcommitAllowed(name)) {
          errs.push(invalidValue(reqPath, reqText, `must be equal to ${name} limit of ${limText}`));
        } else if (qtyCmp(req, lim) > 0) {
          errs.push(invalidValue(reqPath, reqText, `must be less than or equal to ${name} limit of ${limText}`));
        }
      }
    } else if (!overcommitAllowed(name)) {
      errs.push(required(limPath, 'Limit must be set for non overcommitable resources'));
    }
  }
  return errs;
}

// ---------------------------------------------------------------------------------------------------------------
// Volumes

const HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];
const FILE_MODE_MSG = 'must be a number between 0 and 0777 (octal), both inclusive';

function validateMode(mode: unknown, field: string): FieldError[] {
  return typeof mode === 'number' && (mode > 0o777 || mode < 0) ? [invalidValue(field, mode, FILE_MODE_MSG)] : [];
}

function noBacksteps(path: string, field: string): FieldError[] {
  return path.split('/').includes('..') ? [invalidValue(field, path, "must not contain '..'")] : [];
}

/** ValidateLocalNonReservedPath. */
function localNonReservedPath(path: string, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (path.startsWith('/')) errs.push(invalidValue(field, path, 'must be a relative path'));
  errs.push(...noBacksteps(path, field));
  if (path.startsWith('..') && !path.startsWith('../')) errs.push(invalidValue(field, path, "must not start with '..'"));
  return errs;
}

function validateKeyToPath(items: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  list(items).forEach((kp, i) => {
    const p = `${field}[${i}]`;
    if (!str(kp.key)) errs.push(required(`${p}.key`));
    if (!str(kp.path)) errs.push(required(`${p}.path`));
    errs.push(...localNonReservedPath(str(kp.path), `${p}.path`));
    errs.push(...validateMode(kp.mode, `${p}.mode`));
  });
  return errs;
}

function validateVolumeSource(v: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const f of VOLUME_SOURCE_FIELDS) {
    const src = v[f];
    if (src === undefined || src === null) continue;
    if (count > 0) {
      errs.push(forbiddenField(`${path}.${f}`, 'may not specify more than 1 volume type'));
      continue;
    }
    count++;
    const s = isObj(src) ? src : {};
    const p = `${path}.${f}`;
    switch (f) {
      case 'hostPath':
        if (!str(s.path)) {
          errs.push(required(`${p}.path`));
          break;
        }
        errs.push(...noBacksteps(str(s.path), `${p}.path`));
        if (s.type !== undefined && s.type !== null && !HOST_PATH_TYPES.includes(str(s.type))) errs.push(notSupported(`${p}.type`, s.type, HOST_PATH_TYPES));
        break;
      case 'secret':
        if (!str(s.secretName)) errs.push(required(`${p}.secretName`));
        errs.push(...validateMode(s.defaultMode, `${p}.defaultMode`));
        errs.push(...validateKeyToPath(s.items, `${p}.items`));
        break;
      case 'configMap':
        if (!str(s.name)) errs.push(required(`${p}.name`));
        errs.push(...validateMode(s.defaultMode, `${p}.defaultMode`));
        errs.push(...validateKeyToPath(s.items, `${p}.items`));
        break;
      case 'persistentVolumeClaim':
        if (!str(s.claimName)) errs.push(required(`${p}.claimName`));
        break;
      case 'nfs':
        if (!str(s.server)) errs.push(required(`${p}.server`));
        if (!str(s.path)) errs.push(required(`${p}.path`));
        if (!str(s.path).startsWith('/')) errs.push(invalidValue(`${p}.path`, str(s.path), 'must be an absolute path'));
        break;
      case 'emptyDir': {
        const q = s.sizeLimit === undefined ? undefined : parseQty(s.sizeLimit);
        if (q && q.nanos < 0n) errs.push(forbiddenField(`${p}.sizeLimit`, 'SizeLimit field must be a valid resource quantity'));
        break;
      }
      case 'downwardAPI':
        errs.push(...validateMode(s.defaultMode, `${p}.defaultMode`));
        for (const item of list(s.items)) {
          if (!str(item.path)) errs.push(required(`${p}.path`));
          errs.push(...localNonReservedPath(str(item.path), `${p}.path`));
        }
        break;
      case 'projected':
        errs.push(...validateMode(s.defaultMode, `${p}.defaultMode`));
        list(s.sources).forEach((source, i) => {
          const sp = `${p}.sources[${i}]`;
          const kinds = ['secret', 'configMap', 'downwardAPI', 'serviceAccountToken', 'clusterTrustBundle'].filter((k) => isObj(source[k]));
          if (kinds.length > 1) errs.push(forbiddenField(sp, 'may not specify more than 1 volume type'));
          const token = source.serviceAccountToken;
          if (isObj(token)) {
            const exp = token.expirationSeconds;
            if (typeof exp === 'number' && exp < 600) errs.push(invalidValue(`${sp}.serviceAccountToken.expirationSeconds`, exp, 'may not specify a duration less than 10 minutes'));
            if (!str(token.path)) errs.push(required(`${p}.path`));
          }
          for (const k of ['secret', 'configMap']) {
            const ref = source[k];
            if (isObj(ref) && !str(ref.name)) errs.push(required(`${sp}.${k}.name`));
          }
        });
        break;
      case 'csi':
        if (!str(s.driver)) errs.push(required(`${p}.driver`));
        break;
      default:
        break;
    }
  }
  if (count === 0) errs.push(required(path, 'must specify a volume type'));
  return errs;
}

/** ValidateVolumes: returns the names of the valid volumes and the errors. */
export function validateVolumes(volumes: unknown, field: string): { names: Set<string>; errs: FieldError[] } {
  const names = new Set<string>();
  const errs: FieldError[] = [];
  list(volumes).forEach((v, i) => {
    const p = `${field}[${i}]`;
    const name = str(v.name);
    const el = validateVolumeSource(v, p);
    if (!name) el.push(required(`${p}.name`));
    else el.push(...dns1123LabelErrors(name).map((m) => invalidValue(`${p}.name`, name, m)));
    if (names.has(name)) el.push(duplicate(`${p}.name`, name));
    if (el.length === 0) names.add(name);
    else errs.push(...el);
  });
  return { names, errs };
}

// ---------------------------------------------------------------------------------------------------------------
// Containers

function validateContainerPorts(ports: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  list(ports).forEach((port, i) => {
    const p = `${field}[${i}]`;
    const name = str(port.name);
    if (name) {
      const msgs = portNameErrors(name);
      if (msgs.length > 0) errs.push(...msgs.map((m) => invalidValue(`${p}.name`, name, m)));
      else if (names.has(name)) errs.push(duplicate(`${p}.name`, name));
      else names.add(name);
    }
    const cp = port.containerPort;
    if (cp === undefined || cp === null || cp === 0) errs.push(required(`${p}.containerPort`));
    else errs.push(...portNumErrors(Number(cp)).map((m) => invalidValue(`${p}.containerPort`, cp, m)));
    if (port.hostPort !== undefined && port.hostPort !== null && port.hostPort !== 0) {
      errs.push(...portNumErrors(Number(port.hostPort)).map((m) => invalidValue(`${p}.hostPort`, port.hostPort, m)));
    }
    const proto = str(port.protocol);
    if (!proto) errs.push(required(`${p}.protocol`));
    else if (!['SCTP', 'TCP', 'UDP'].includes(proto)) errs.push(notSupported(`${p}.protocol`, proto, ['SCTP', 'TCP', 'UDP']));
  });
  return errs;
}

const ENV_FIELD_PATHS = ['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs'];
const RESOURCE_FIELD_PATHS = ['limits.cpu', 'limits.ephemeral-storage', 'limits.memory', 'requests.cpu', 'requests.ephemeral-storage', 'requests.memory'];

function validateKeySelector(ref: Obj, field: string): FieldError[] {
  const errs: FieldError[] = dns1123SubdomainErrors(str(ref.name)).map((m) => invalidValue(`${field}.name`, str(ref.name), m));
  const key = str(ref.key);
  if (!key) errs.push(required(`${field}.key`));
  else errs.push(...configMapKeyErrors(key).map((m) => invalidValue(`${field}.key`, key, m)));
  return errs;
}

function validateEnv(env: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  list(env).forEach((ev, i) => {
    const p = `${field}[${i}]`;
    const name = str(ev.name);
    if (!name) errs.push(required(`${p}.name`));
    else errs.push(...envVarNameErrors(name).map((m) => invalidValue(`${p}.name`, name, m)));
    const vf = ev.valueFrom;
    if (!isObj(vf)) return;
    const vp = `${p}.valueFrom`;
    let sources = 0;
    if (isObj(vf.fieldRef)) {
      sources++;
      const fp = `${vp}.fieldRef`;
      const path = str(vf.fieldRef.fieldPath);
      if (!str(vf.fieldRef.apiVersion)) errs.push(required(`${fp}.apiVersion`));
      else if (!path) errs.push(required(`${fp}.fieldPath`));
      else {
        const sub = /^(metadata\.(?:labels|annotations))\['(.*)'\]$/.exec(path);
        if (!sub && !ENV_FIELD_PATHS.includes(path)) errs.push(notSupported(`${fp}.fieldPath`, path, ENV_FIELD_PATHS));
      }
    }
    if (isObj(vf.resourceFieldRef)) {
      sources++;
      const res = str(vf.resourceFieldRef.resource);
      const rp = `${vp}.resourceFieldRef`;
      if (!res) errs.push(required(`${rp}.resource`));
      else if (!RESOURCE_FIELD_PATHS.includes(res) && !res.startsWith('requests.hugepages-') && !res.startsWith('limits.hugepages-')) {
        errs.push(notSupported(`${rp}.resource`, res, RESOURCE_FIELD_PATHS));
      }
    }
    if (isObj(vf.configMapKeyRef)) {
      sources++;
      errs.push(...validateKeySelector(vf.configMapKeyRef, `${vp}.configMapKeyRef`));
    }
    if (isObj(vf.secretKeyRef)) {
      sources++;
      errs.push(...validateKeySelector(vf.secretKeyRef, `${vp}.secretKeyRef`));
    }
    if (sources === 0) errs.push(invalidValue(vp, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
    else if (str(ev.value)) errs.push(invalidValue(vp, '', 'may not be specified when `value` is not empty'));
    else if (sources > 1) errs.push(invalidValue(vp, '', 'may not have more than one field specified at a time'));
  });
  return errs;
}

function validateEnvFrom(envFrom: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  list(envFrom).forEach((ev, i) => {
    const p = `${field}[${i}]`;
    const prefix = str(ev.prefix);
    if (prefix) errs.push(...envVarNameErrors(prefix).map((m) => invalidValue(`${p}.prefix`, prefix, m)));
    let sources = 0;
    for (const k of ['configMapRef', 'secretRef']) {
      const ref = ev[k];
      if (!isObj(ref)) continue;
      sources++;
      const name = str(ref.name);
      if (!name) errs.push(required(`${p}.${k}.name`));
      else errs.push(...dns1123SubdomainErrors(name).map((m) => invalidValue(`${p}.${k}.name`, name, m)));
    }
    if (sources === 0) errs.push(invalidValue(field, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (sources > 1) errs.push(invalidValue(field, '', 'may not have more than one field specified at a time'));
  });
  return errs;
}

function validateVolumeMounts(mounts: unknown, volumes: Set<string>, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const mountPoints = new Set<string>();
  list(mounts).forEach((m, i) => {
    const p = `${field}[${i}]`;
    const name = str(m.name);
    const mountPath = str(m.mountPath);
    if (!name) errs.push(required(`${p}.name`));
    if (!volumes.has(name)) errs.push(notFoundValue(`${p}.name`, name));
    if (!mountPath) errs.push(required(`${p}.mountPath`));
    if (mountPoints.has(mountPath)) errs.push(invalidValue(`${p}.mountPath`, mountPath, 'must be unique'));
    mountPoints.add(mountPath);
    const subPath = str(m.subPath);
    if (subPath) {
      if (subPath.startsWith('/')) errs.push(invalidValue(`${field}.subPath`, subPath, 'must be a relative path'));
      errs.push(...noBacksteps(subPath, `${field}.subPath`));
    }
  });
  return errs;
}

function validateHandler(handler: Obj, grace: number, field: string, allowSleep: boolean): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  const kinds = allowSleep ? ['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep'] : ['exec', 'httpGet', 'tcpSocket', 'grpc'];
  for (const k of kinds) {
    const h = handler[k];
    if (!isObj(h)) continue;
    if (count > 0) {
      errs.push(forbiddenField(`${field}.${k}`, 'may not specify more than 1 handler type'));
      continue;
    }
    count++;
    const p = `${field}.${k}`;
    switch (k) {
      case 'exec':
        if (!Array.isArray(h.command) || h.command.length === 0) errs.push(required(`${p}.command`));
        break;
      case 'httpGet':
        if (!str(h.path)) errs.push(required(`${p}.path`));
        errs.push(...validatePortNumOrName(h.port, `${p}.port`));
        if (!['HTTP', 'HTTPS'].includes(str(h.scheme))) errs.push(notSupported(`${p}.scheme`, str(h.scheme), ['HTTP', 'HTTPS']));
        break;
      case 'tcpSocket':
        errs.push(...validatePortNumOrName(h.port, `${p}.port`));
        break;
      case 'grpc':
        errs.push(...validatePortNumOrName(typeof h.port === 'number' ? h.port : 0, `${p}.port`));
        break;
      case 'sleep': {
        const s = typeof h.seconds === 'number' ? h.seconds : 0;
        if (s <= 0 || s > grace) errs.push(invalidValue(p, s, `must be greater than 0 and less than terminationGracePeriodSeconds (${grace})`));
        break;
      }
    }
  }
  if (count === 0) errs.push(required(field, 'must specify a handler type'));
  return errs;
}

function validateProbe(probe: unknown, grace: number, field: string, kind: 'liveness' | 'readiness' | 'startup'): FieldError[] {
  if (!isObj(probe)) return [];
  const errs = validateHandler(probe, grace, field, false);
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    errs.push(...nonNegative(probe[f], `${field}.${f}`));
  }
  const tgp = probe.terminationGracePeriodSeconds;
  if (typeof tgp === 'number' && tgp <= 0) errs.push(invalidValue(`${field}.terminationGracePeriodSeconds`, tgp, 'must be greater than 0'));
  if (kind !== 'readiness' && probe.successThreshold !== 1) errs.push(invalidValue(`${field}.successThreshold`, probe.successThreshold ?? 0, 'must be 1'));
  if (kind === 'readiness' && tgp !== undefined && tgp !== null) errs.push(invalidValue(`${field}.terminationGracePeriodSeconds`, tgp, 'must not be set for readinessProbes'));
  return errs;
}

function validateLifecycle(lifecycle: unknown, grace: number, field: string): FieldError[] {
  if (!isObj(lifecycle)) return [];
  const errs: FieldError[] = [];
  for (const h of ['postStart', 'preStop']) {
    const handler = lifecycle[h];
    if (isObj(handler)) errs.push(...validateHandler(handler, grace, `${field}.${h}`, true));
  }
  return errs;
}

/** validateContainerCommon: what every container kind must satisfy. */
function validateContainerCommon(c: Obj, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(c.name);
  if (!name) errs.push(required(`${path}.name`));
  else errs.push(...dns1123LabelErrors(name).map((m) => invalidValue(`${path}.name`, name, m)));
  if (!str(c.image)) errs.push(required(`${path}.image`));
  const tmp = str(c.terminationMessagePolicy);
  if (!tmp) errs.push(required(`${path}.terminationMessagePolicy`));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') errs.push(notSupported(`${path}.terminationMessagePolicy`, tmp, ['File', 'FallbackToLogsOnError']));
  errs.push(...validateContainerPorts(c.ports, `${path}.ports`));
  errs.push(...validateEnv(c.env, `${path}.env`));
  errs.push(...validateEnvFrom(c.envFrom, `${path}.envFrom`));
  errs.push(...validateVolumeMounts(c.volumeMounts, volumes, `${path}.volumeMounts`));
  const ipp = str(c.imagePullPolicy);
  if (!ipp) errs.push(required(`${path}.imagePullPolicy`));
  else if (!['Always', 'IfNotPresent', 'Never'].includes(ipp)) errs.push(notSupported(`${path}.imagePullPolicy`, ipp, ['Always', 'IfNotPresent', 'Never']));
  errs.push(...validateResourceRequirements(c.resources, `${path}.resources`));
  return errs;
}

/** AccumulateUniqueHostPorts. */
function hostPortConflicts(containers: Obj[], field: string, seen = new Set<string>()): FieldError[] {
  const errs: FieldError[] = [];
  containers.forEach((c, ci) => {
    list(c.ports).forEach((p, pi) => {
      const hp = Number(p.hostPort ?? 0);
      if (!hp) return;
      const key = `${str(p.protocol)}/${str(p.hostIP)}/${hp}`;
      if (seen.has(key)) errs.push(duplicate(`${field}[${ci}].ports[${pi}].hostPort`, key));
      else seen.add(key);
    });
  });
  return errs;
}

function validateContainers(containers: unknown, volumes: Set<string>, grace: number, field: string): FieldError[] {
  const cs = list(containers);
  if (cs.length === 0) return [required(field)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  cs.forEach((c, i) => {
    const p = `${field}[${i}]`;
    errs.push(...validateContainerCommon(c, volumes, p));
    const name = str(c.name);
    if (names.has(name)) errs.push(duplicate(`${p}.name`, name));
    else names.add(name);
    errs.push(...validateLifecycle(c.lifecycle, grace, `${p}.lifecycle`));
    errs.push(...validateProbe(c.livenessProbe, grace, `${p}.livenessProbe`, 'liveness'));
    errs.push(...validateProbe(c.readinessProbe, grace, `${p}.readinessProbe`, 'readiness'));
    errs.push(...validateProbe(c.startupProbe, grace, `${p}.startupProbe`, 'startup'));
    if (c.restartPolicy !== undefined && c.restartPolicy !== null) errs.push(forbiddenField(`${p}.restartPolicy`, 'may not be set for non-init containers'));
  });
  errs.push(...hostPortConflicts(cs, field));
  return errs;
}

function validateInitContainers(inits: unknown, regular: unknown, volumes: Set<string>, grace: number, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set(list(regular).map((c) => str(c.name)));
  list(inits).forEach((c, i) => {
    const p = `${field}[${i}]`;
    errs.push(...validateContainerCommon(c, volumes, p));
    let restartAlways = false;
    if (c.restartPolicy !== undefined && c.restartPolicy !== null) {
      if (c.restartPolicy !== 'Always') errs.push(notSupported(`${p}.restartPolicy`, c.restartPolicy, ['Always']));
      restartAlways = c.restartPolicy === 'Always';
    }
    const name = str(c.name);
    if (names.has(name)) errs.push(duplicate(`${p}.name`, name));
    else if (name) names.add(name);
    errs.push(...hostPortConflicts([c], field));
    if (restartAlways) {
      errs.push(...validateLifecycle(c.lifecycle, grace, `${p}.lifecycle`));
      errs.push(...validateProbe(c.livenessProbe, grace, `${p}.livenessProbe`, 'liveness'));
      errs.push(...validateProbe(c.readinessProbe, grace, `${p}.readinessProbe`, 'readiness'));
      errs.push(...validateProbe(c.startupProbe, grace, `${p}.startupProbe`, 'startup'));
    } else {
      for (const f of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (c[f] !== undefined && c[f] !== null) errs.push(forbiddenField(`${p}.${f}`, 'may not be set for init containers without restartPolicy=Always'));
      }
    }
  });
  return errs;
}

// ---------------------------------------------------------------------------------------------------------------
// Scheduling

/** Renders a toleration the way %#v prints core.Toleration. */
function goToleration(t: Obj): string {
  const secs = typeof t.tolerationSeconds === 'number' ? `(*int64)(${t.tolerationSeconds})` : '(*int64)(nil)';
  return `core.Toleration{Key:${JSON.stringify(str(t.key))}, Operator:${JSON.stringify(str(t.operator))}, Value:${JSON.stringify(str(t.value))}, Effect:${JSON.stringify(str(t.effect))}, TolerationSeconds:${secs}}`;
}

/** ValidateTolerations. */
export function validateTolerations(tolerations: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  list(tolerations).forEach((t, i) => {
    const p = `${field}[${i}]`;
    const key = str(t.key);
    const op = str(t.operator);
    const effect = str(t.effect);
    if (key) errs.push(...validateLabelName(key, `${p}.key`));
    if (!key && op !== 'Exists') errs.push(invalidValue(`${p}.operator`, op, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null && effect !== 'NoExecute') {
      errs.push(invalidValue(`${p}.effect`, effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (op === 'Equal' || op === '') {
      const msg = labelValueError(str(t.value));
      if (msg) errs.push(invalidValue(`${p}.operator`, str(t.value), msg));
    } else if (op === 'Exists') {
      if (str(t.value)) errs.push(invalidRendered(`${p}.operator`, goToleration(t), "value must be empty when `operator` is 'Exists'"));
    } else {
      errs.push(notSupported(`${p}.operator`, op, ['Equal', 'Exists']));
    }
    if (effect && !['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(effect)) {
      errs.push(notSupported(`${p}.effect`, effect, ['NoSchedule', 'PreferNoSchedule', 'NoExecute']));
    }
  });
  return errs;
}

function validateNodeSelectorTerm(term: Obj, field: string): FieldError[] {
  const errs: FieldError[] = [];
  list(term.matchExpressions).forEach((rq, j) => {
    const p = `${field}.matchExpressions[${j}]`;
    const values = Array.isArray(rq.values) ? rq.values : [];
    switch (rq.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) errs.push(required(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) errs.push(forbiddenField(`${p}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        break;
      case 'Gt':
      case 'Lt':
        if (values.length !== 1) errs.push(required(`${p}.values`, "must be specified single value when `operator` is 'Lt' or 'Gt'"));
        break;
      default:
        errs.push(invalidValue(`${p}.operator`, str(rq.operator), 'not a valid selector operator'));
    }
    errs.push(...validateLabelName(str(rq.key), `${p}.key`));
  });
  return errs;
}

function validatePodAffinityTerm(term: Obj, field: string): FieldError[] {
  const errs = validateLabelSelector(term.labelSelector as never, `${field}.labelSelector`);
  errs.push(...validateLabelSelector(term.namespaceSelector as never, `${field}.namespaceSelector`));
  for (const ns of Array.isArray(term.namespaces) ? term.namespaces : []) {
    errs.push(...dns1123LabelErrors(str(ns)).map((m) => invalidValue(`${field}.namespace`, str(ns), m)));
  }
  if (!str(term.topologyKey)) errs.push(required(`${field}.topologyKey`, 'can not be empty'));
  errs.push(...validateLabelName(str(term.topologyKey), `${field}.topologyKey`));
  return errs;
}

function validateAffinity(affinity: unknown, field: string): FieldError[] {
  if (!isObj(affinity)) return [];
  const errs: FieldError[] = [];
  const na = affinity.nodeAffinity;
  if (isObj(na)) {
    const reqd = na.requiredDuringSchedulingIgnoredDuringExecution;
    const np = `${field}.nodeAffinity`;
    if (isObj(reqd)) {
      const terms = list(reqd.nodeSelectorTerms);
      const tp = `${np}.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms`;
      if (terms.length === 0) errs.push(required(tp, 'must have at least one node selector term'));
      terms.forEach((t, i) => errs.push(...validateNodeSelectorTerm(t, `${tp}[${i}]`)));
    }
    list(na.preferredDuringSchedulingIgnoredDuringExecution).forEach((t, i) => {
      const p = `${np}.preferredDuringSchedulingIgnoredDuringExecution[${i}]`;
      const w = Number(t.weight ?? 0);
      if (w <= 0 || w > 100) errs.push(invalidValue(`${p}.weight`, w, 'must be in the range 1-100'));
      errs.push(...validateNodeSelectorTerm(isObj(t.preference) ? t.preference : {}, `${p}.preference`));
    });
  }
  for (const kind of ['podAffinity', 'podAntiAffinity']) {
    const pa = affinity[kind];
    if (!isObj(pa)) continue;
    const kp = `${field}.${kind}`;
    list(pa.requiredDuringSchedulingIgnoredDuringExecution).forEach((t, i) => {
      errs.push(...validatePodAffinityTerm(t, `${kp}.requiredDuringSchedulingIgnoredDuringExecution[${i}]`));
    });
    list(pa.preferredDuringSchedulingIgnoredDuringExecution).forEach((t, i) => {
      const p = `${kp}.preferredDuringSchedulingIgnoredDuringExecution[${i}]`;
      const w = Number(t.weight ?? 0);
      if (w <= 0 || w > 100) errs.push(invalidValue(`${p}.weight`, w, 'must be in the range 1-100'));
      errs.push(...validatePodAffinityTerm(isObj(t.podAffinityTerm) ? t.podAffinityTerm : {}, `${p}.podAffinityTerm`));
    });
  }
  return errs;
}

function validateTopologySpread(constraints: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const cs = list(constraints);
  cs.forEach((c, i) => {
    const p = `${field}[${i}]`;
    const skew = Number(c.maxSkew ?? 0);
    if (skew <= 0) errs.push(invalidValue(`${p}.maxSkew`, skew, 'must be greater than zero'));
    if (!str(c.topologyKey)) errs.push(required(`${p}.topologyKey`, 'can not be empty'));
    const wu = str(c.whenUnsatisfiable);
    if (!['DoNotSchedule', 'ScheduleAnyway'].includes(wu)) errs.push(notSupported(`${p}.whenUnsatisfiable`, wu, ['DoNotSchedule', 'ScheduleAnyway']));
    if (cs.slice(i + 1).some((o) => str(o.topologyKey) === str(c.topologyKey) && str(o.whenUnsatisfiable) === wu)) {
      errs.push(duplicate(`${p}.{topologyKey, whenUnsatisfiable}`, `{${str(c.topologyKey)}, ${wu}}`));
    }
    errs.push(...validateLabelSelector(c.labelSelector as never, `${p}.labelSelector`));
  });
  return errs;
}

// ---------------------------------------------------------------------------------------------------------------
// Pod spec and templates

/** Where the spec sits: a Pod checks a little more than a template. */
export interface PodSpecValidationOptions {
  isPod: boolean;
}

/** ValidatePodSpec (plus the pod-only container checks when `isPod`). */
export function validatePodSpec(specIn: unknown, field: string, opts: PodSpecValidationOptions): FieldError[] {
  const spec = isObj(specIn) ? specIn : {};
  const errs: FieldError[] = [];
  const graceRaw = spec.terminationGracePeriodSeconds;
  if (graceRaw === undefined || graceRaw === null) errs.push(required(`${field}.terminationGracePeriodSeconds`));
  const grace = typeof graceRaw === 'number' ? graceRaw : 30;
  const { names: volumes, errs: volErrs } = validateVolumes(spec.volumes, `${field}.volumes`);
  errs.push(...volErrs);
  errs.push(...validateContainers(spec.containers, volumes, grace, `${field}.containers`));
  errs.push(...validateInitContainers(spec.initContainers, spec.containers, volumes, grace, `${field}.initContainers`));
  if (spec.hostNetwork === true) {
    list(spec.containers).forEach((c, i) => {
      list(c.ports).forEach((port, j) => {
        const hp = Number(port.hostPort ?? 0);
        const cp = Number(port.containerPort ?? 0);
        if ((opts.isPod || hp !== 0) && hp !== cp) {
          errs.push(invalidValue(`${field}.containers[${i}].ports[${j}].hostPort`, hp, 'must match `containerPort` when `hostNetwork` is true'));
        }
      });
    });
  }
  const rp = str(spec.restartPolicy);
  if (!rp) errs.push(required(`${field}.restartPolicy`));
  else if (!['Always', 'OnFailure', 'Never'].includes(rp)) errs.push(notSupported(`${field}.restartPolicy`, rp, ['Always', 'OnFailure', 'Never']));
  const dp = str(spec.dnsPolicy);
  if (!dp) errs.push(required(`${field}.dnsPolicy`));
  else if (!['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'].includes(dp)) {
    errs.push(notSupported(`${field}.dnsPolicy`, dp, ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']));
  }
  if (dp === 'None' && !isObj(spec.dnsConfig)) errs.push(required(`${field}.dnsConfig`, 'must provide `dnsConfig` when `dnsPolicy` is None'));
  errs.push(...validateLabels(spec.nodeSelector as Record<string, string> | undefined, `${field}.nodeSelector`));
  errs.push(...validateAffinity(spec.affinity, `${field}.affinity`));
  errs.push(...validateTopologySpread(spec.topologySpreadConstraints, `${field}.topologySpreadConstraints`));
  const sa = str(spec.serviceAccountName);
  if (sa) errs.push(...dns1123SubdomainErrors(sa).map((m) => invalidValue(`${field}.serviceAccountName`, sa, m)));
  const nodeName = str(spec.nodeName);
  if (nodeName) errs.push(...dns1123SubdomainErrors(nodeName).map((m) => invalidValue(`${field}.nodeName`, nodeName, m)));
  const ads = spec.activeDeadlineSeconds;
  if (typeof ads === 'number' && (ads < 1 || ads > MAX_INT32)) {
    errs.push(invalidValue(`${field}.activeDeadlineSeconds`, ads, `must be between 1 and ${MAX_INT32}, inclusive`));
  }
  for (const f of ['hostname', 'subdomain']) {
    const v = str(spec[f]);
    if (v) errs.push(...dns1123LabelErrors(v).map((m) => invalidValue(`${field}.${f}`, v, m)));
  }
  errs.push(...validateTolerations(spec.tolerations, `${field}.tolerations`));
  const pc = str(spec.priorityClassName);
  if (pc) errs.push(...dns1123SubdomainErrors(pc).map((m) => invalidValue(`${field}.priorityClassName`, pc, m)));
  const pp = spec.preemptionPolicy;
  if (pp !== undefined && pp !== null && !['PreemptLowerPriority', 'Never'].includes(str(pp))) {
    errs.push(notSupported(`${field}.preemptionPolicy`, str(pp), ['PreemptLowerPriority', 'Never']));
  }
  return errs;
}

/** The pod-only checks of validatePodMetadataAndSpec and ValidatePodCreate: image whitespace, token volumes. */
export function validatePodOnly(specIn: unknown, field: string): FieldError[] {
  const spec = isObj(specIn) ? specIn : {};
  const errs: FieldError[] = [];
  if (!str(spec.serviceAccountName)) {
    list(spec.volumes).forEach((v, vi) => {
      const proj = v.projected;
      if (!isObj(proj)) return;
      list(proj.sources).forEach((s, si) => {
        if (isObj(s.serviceAccountToken)) {
          errs.push(forbiddenField(`${field}.volumes[${vi}].projected.sources[${si}].serviceAccountToken`, 'must not be specified when serviceAccountName is not set'));
        }
      });
    });
  }
  for (const kind of ['containers', 'initContainers']) {
    list(spec[kind]).forEach((c, i) => {
      const image = str(c.image);
      if (image !== image.trim()) errs.push(invalidValue(`${field}.${kind}[${i}].image`, image, 'must not have leading or trailing whitespace'));
    });
  }
  return errs;
}

/** ValidatePodTemplateSpec: template labels, annotations and spec. */
export function validatePodTemplateSpec(template: unknown, field: string): FieldError[] {
  const t = isObj(template) ? template : {};
  const meta = isObj(t.metadata) ? t.metadata : {};
  const errs = validateLabels(meta.labels as Record<string, string> | undefined, `${field}.labels`);
  errs.push(...validateAnnotations(meta.annotations as Record<string, string> | undefined, `${field}.annotations`));
  errs.push(...validatePodSpec(t.spec, `${field}.spec`, { isPod: false }));
  if (isObj(t.spec) && Array.isArray(t.spec.ephemeralContainers) && t.spec.ephemeralContainers.length > 0) {
    errs.push(forbiddenField(`${field}.spec.ephemeralContainers`, 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}
