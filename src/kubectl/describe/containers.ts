/**
 * The `Containers:` / `Init Containers:` sections of pods and pod templates: image, ports, command, state,
 * resources, probes, environment and mounts of each container.
 */
import type { Container, ContainerPort, ContainerState, ContainerStatus, EnvVar, Pod, Probe, ResourceRequirements } from 'kubernetes-types/core/v1';
import { goSlice, titleBool, rfc1123z, stringOrNone } from './format';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './prefix-writer';
import { canonicalQuantity, parseQty, milliValueOf, valueOf, ZERO, type Qty } from './quantity';

/** Resolves a fieldRef env var to its value for a pod; absent for pod templates. */
export type EnvResolver = (e: EnvVar) => string;

/**
 * Writes a containers section. Statuses are given for pods (container ID, state, restarts) and omitted for
 * templates; `space` is `"  "` inside a Pod Template, where names get one extra space.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go describeContainers.
 */
export function describeContainers(
  label: string,
  containers: readonly Container[],
  statuses: readonly ContainerStatus[] | undefined,
  resolver: EnvResolver | undefined,
  w: PrefixWriter,
  space: string,
): void {
  const byName = new Map<string, ContainerStatus>();
  for (const s of statuses ?? []) byName.set(s.name, s);
  w.write(LEVEL_0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  for (const c of containers) {
    const status = byName.get(c.name);
    describeContainerBasicInfo(c, status, space, w);
    describeContainerCommand(c, w);
    if (status) describeContainerState(status, w);
    describeResources(c.resources, w, LEVEL_2);
    describeContainerProbes(c, w);
    if (c.envFrom && c.envFrom.length > 0) describeContainerEnvFrom(c, w);
    describeContainerEnvVars(c, resolver, w);
    describeContainerVolumes(c, w);
  }
}

function describeContainerBasicInfo(c: Container, status: ContainerStatus | undefined, space: string, w: PrefixWriter): void {
  w.write(LEVEL_1, `${space ? ' ' : ''}${c.name}:\n`);
  if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`);
  w.write(LEVEL_2, `Image:\t${c.image ?? ''}\n`);
  if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ''}\n`);
  const ports = formatPorts(c.ports, (p) => p.containerPort);
  if (ports.includes(',')) w.write(LEVEL_2, `Ports:\t${ports}\n`);
  else w.write(LEVEL_2, `Port:\t${stringOrNone(ports)}\n`);
  const hostPorts = formatPorts(c.ports, (p) => p.hostPort ?? 0);
  if (hostPorts.includes(',')) w.write(LEVEL_2, `Host Ports:\t${hostPorts}\n`);
  else w.write(LEVEL_2, `Host Port:\t${stringOrNone(hostPorts)}\n`);
  const seccomp = c.securityContext?.seccompProfile;
  if (seccomp) {
    w.write(LEVEL_2, `SeccompProfile:\t${seccomp.type}\n`);
    if (seccomp.type === 'Localhost') w.write(LEVEL_3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
  }
}

// Models describe.go describeContainerPorts / describeContainerHostPorts.
function formatPorts(ports: readonly ContainerPort[] | undefined, num: (p: ContainerPort) => number): string {
  return (ports ?? [])
    .map((p) => `${num(p)}/${p.protocol ?? 'TCP'}${p.name ? ` (${p.name})` : ''}`)
    .join(', ');
}

function describeContainerCommand(c: Container, w: PrefixWriter): void {
  if (c.command && c.command.length > 0) {
    w.write(LEVEL_2, 'Command:\n');
    for (const part of c.command) for (const line of part.split('\n')) w.write(LEVEL_3, `${line}\n`);
  }
  if (c.args && c.args.length > 0) {
    w.write(LEVEL_2, 'Args:\n');
    for (const arg of c.args) for (const line of arg.split('\n')) w.write(LEVEL_3, `${line}\n`);
  }
}

/**
 * `Limits:` / `Requests:` with one canonical quantity per resource, sorted by name.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go describeResources.
 */
export function describeResources(res: ResourceRequirements | undefined, w: PrefixWriter, level: number): void {
  if (!res) return;
  const limits = Object.keys(res.limits ?? {}).sort();
  if (limits.length > 0) w.write(level, 'Limits:\n');
  for (const name of limits) w.write(level + 1, `${name}:\t${canonicalQuantity(res.limits![name])}\n`);
  const requests = Object.keys(res.requests ?? {}).sort();
  if (requests.length > 0) w.write(level, 'Requests:\n');
  for (const name of requests) w.write(level + 1, `${name}:\t${canonicalQuantity(res.requests![name])}\n`);
}

function describeContainerState(status: ContainerStatus, w: PrefixWriter): void {
  describeStatus('State', status.state, w);
  if (status.lastState?.terminated) describeStatus('Last State', status.lastState, w);
  w.write(LEVEL_2, `Ready:\t${titleBool(status.ready)}\n`);
  w.write(LEVEL_2, `Restart Count:\t${status.restartCount ?? 0}\n`);
}

// Models describe.go describeStatus.
function describeStatus(name: string, state: ContainerState | undefined, w: PrefixWriter): void {
  if (state?.running) {
    w.write(LEVEL_2, `${name}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode}\n`);
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
  }
}

function describeContainerProbes(c: Container, w: PrefixWriter): void {
  if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
  if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
  if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
}

/**
 * One probe line: `http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3`.
 * Unset timings read as the apiserver's defaults (timeout 1s, period 10s, success 1, failure 3).
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go DescribeProbe.
 */
export function describeProbe(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s ` +
    `#success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
  if (p.exec) return `exec ${goSlice(p.exec.command)} ${attrs}`;
  if (p.httpGet) {
    const port = p.httpGet.port === undefined ? '' : String(p.httpGet.port);
    const host = port.length > 0 ? joinHostPort(p.httpGet.host ?? '', port) : p.httpGet.host ?? '';
    return `http-get ${urlString((p.httpGet.scheme ?? 'HTTP').toLowerCase(), host, p.httpGet.path ?? '')} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${String(p.tcpSocket.port)} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

// Models go/src/net/ipsock.go JoinHostPort.
function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

// Models go/src/net/url/url.go URL.String for a scheme, host and path (path escaped as EscapedPath does).
function urlString(scheme: string, host: string, path: string): string {
  let out = scheme ? `${scheme}:` : '';
  if (scheme || host) out += `//${host}`;
  let escaped = escapePath(path);
  if (escaped !== '' && escaped[0] !== '/' && host !== '') escaped = `/${escaped}`;
  return out + escaped;
}

function escapePath(path: string): string {
  let out = '';
  for (const ch of path) {
    if (/[A-Za-z0-9\-_.~$&+,/:;=@]/.test(ch)) out += ch;
    else for (const b of utf8Bytes(ch)) out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function utf8Bytes(ch: string): number[] {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 63)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
}

// Models describe.go describeContainerEnvFrom.
function describeContainerEnvFrom(c: Container, w: PrefixWriter): void {
  w.write(LEVEL_2, `Environment Variables from:${c.envFrom && c.envFrom.length > 0 ? '' : '\t<none>'}\n`);
  for (const e of c.envFrom ?? []) {
    let from = '';
    let name = '';
    let optional = false;
    if (e.configMapRef) {
      from = 'ConfigMap';
      name = e.configMapRef.name ?? '';
      optional = e.configMapRef.optional === true;
    } else if (e.secretRef) {
      from = 'Secret';
      name = e.secretRef.name ?? '';
      optional = e.secretRef.optional === true;
    }
    if (!e.prefix) w.write(LEVEL_3, `${name}\t${from}\tOptional: ${optional}\n`);
    else w.write(LEVEL_3, `${name}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n`);
  }
}

// Models describe.go describeContainerEnvVars.
function describeContainerEnvVars(c: Container, resolver: EnvResolver | undefined, w: PrefixWriter): void {
  const env = c.env ?? [];
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    const from = e.valueFrom;
    if (!from) {
      (e.value ?? '').split('\n').forEach((line, i) => {
        w.write(LEVEL_3, i === 0 ? `${e.name}:\t${line}\n` : `\t${line}\n`);
      });
      continue;
    }
    if (from.fieldRef) {
      const value = resolver ? resolver(e) : '';
      w.write(LEVEL_3, `${e.name}:\t${value} (${from.fieldRef.apiVersion ?? 'v1'}:${from.fieldRef.fieldPath})\n`);
    } else if (from.resourceFieldRef) {
      const resource = from.resourceFieldRef.resource;
      let value = containerResourceValue(c, resource, from.resourceFieldRef.divisor);
      if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory')) value = 'node allocatable';
      w.write(LEVEL_3, `${e.name}:\t${value} (${resource})\n`);
    } else if (from.secretKeyRef) {
      const optional = from.secretKeyRef.optional === true;
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${from.secretKeyRef.key}' in secret '${from.secretKeyRef.name ?? ''}'>\tOptional: ${optional}\n`);
    } else if (from.configMapKeyRef) {
      const optional = from.configMapKeyRef.optional === true;
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${from.configMapKeyRef.key}' of config map '${from.configMapKeyRef.name ?? ''}'>\tOptional: ${optional}\n`);
    }
  }
}

/**
 * A container's own resource value for a resourceFieldRef, divided by the divisor and rounded up.
 * Models staging/src/k8s.io/kubectl/pkg/util/resource/resource.go ExtractContainerResourceValue.
 */
function containerResourceValue(c: Container, resource: string, divisorText: string | undefined): string {
  const dot = resource.indexOf('.');
  const kind = resource.slice(0, dot);
  const name = resource.slice(dot + 1);
  const known = name === 'cpu' || name === 'memory' || name === 'ephemeral-storage' || name.startsWith('hugepages-');
  if ((kind !== 'limits' && kind !== 'requests') || !known) return '';
  const map = kind === 'limits' ? c.resources?.limits : c.resources?.requests;
  const value: Qty = map?.[name] !== undefined ? parseQty(map[name]) : ZERO;
  const divisor = divisorText === undefined || parseQty(divisorText).nano === 0n ? parseQty('1') : parseQty(divisorText);
  if (name === 'cpu') return String(Math.ceil(milliValueOf(value) / milliValueOf(divisor)));
  return String(Math.ceil(valueOf(value) / valueOf(divisor)));
}

// Models describe.go describeContainerVolumes.
function describeContainerVolumes(c: Container, w: PrefixWriter): void {
  const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0));
  const none = mounts.length === 0 ? '\t<none>' : '';
  w.write(LEVEL_2, `Mounts:${none}\n`);
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw'];
    if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
  }
  const devices = [...(c.volumeDevices ?? [])].sort((a, b) => (a.devicePath < b.devicePath ? -1 : a.devicePath > b.devicePath ? 1 : 0));
  if (devices.length > 0) {
    w.write(LEVEL_2, `Devices:${none}\n`);
    for (const d of devices) w.write(LEVEL_3, `${d.devicePath} from ${d.name}\n`);
  }
}

/**
 * Resolves `fieldRef` environment values against a pod; kubectl's scheme converts only metadata.name and
 * metadata.namespace, so every other path shows an empty value.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go EnvValueRetriever.
 */
export function envValueRetriever(pod: Pod): EnvResolver {
  return (e) => {
    const path = e.valueFrom?.fieldRef?.fieldPath;
    if (path === 'metadata.name') return pod.metadata?.name ?? '';
    if (path === 'metadata.namespace') return pod.metadata?.namespace ?? '';
    return '';
  };
}
