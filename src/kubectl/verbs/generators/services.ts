/**
 * The Services `kubectl create service <type>` and `kubectl expose` (and `run --expose`) generate.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/create/create_service.go (createService, parsePorts) and
 * staging/src/k8s.io/kubectl/pkg/cmd/expose/expose.go (createService).
 */
import type { KubeObject } from '../../../engine';
import { GeneratorError } from './errors';

/** A Service port as generated (Go struct order: name, protocol, port, targetPort, nodePort). */
export interface GeneratedPort {
  name?: string;
  protocol: string;
  port: number;
  targetPort: number | string;
  nodePort?: number;
}

/** Parses `--tcp` `port[:targetPort]`; throws the message kubectl prints for a bad one. */
// Models create_service.go parsePorts (utilsnet.ParsePort, IsValidPortName, IsValidPortNum).
export function parseTcpPort(spec: string): { port: number; targetPort: number | string } {
  const parts = spec.split(':');
  const portText = parts[0]!;
  if (!/^\d+$/.test(portText)) throw new GeneratorError(`strconv.ParseUint: parsing ${JSON.stringify(portText)}: invalid syntax`);
  if (Number(portText) > 65535) throw new GeneratorError(`strconv.ParseUint: parsing ${JSON.stringify(portText)}: value out of range`);
  const port = Number(portText);
  if (parts.length === 1) return { port, targetPort: port };
  const target = parts[1]!;
  if (/^-?\d+$/.test(target)) {
    const n = Number(target);
    if (n < 1 || n > 65535) throw new GeneratorError('must be between 1 and 65535, inclusive');
    return { port, targetPort: n };
  }
  const nameErrors = portNameErrors(target);
  if (nameErrors.length > 0) throw new GeneratorError(nameErrors.join(','));
  return { port, targetPort: target };
}

/** Models validation.IsValidPortName. */
function portNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) errs.push("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
  else if (!/[a-z]/.test(name)) errs.push('must contain at least one letter (a-z)');
  if (name.includes('--')) errs.push('must not contain consecutive hyphens');
  if (/^-|-$/.test(name)) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** Options of `kubectl create service clusterip|nodeport|loadbalancer|externalname`. */
export interface CreateServiceOptions {
  name: string;
  namespace?: string;
  type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
  tcp: string[];
  nodePort: number;
  clusterIP: string;
  externalName: string;
}

/** The Service of `kubectl create service`. Throws with kubectl's message for a bad `--tcp`. */
export function generateCreateService(o: CreateServiceOptions): KubeObject {
  const ports: GeneratedPort[] = o.tcp.map((spec) => {
    const p = parseTcpPort(spec);
    return { name: spec.replace(/:/g, '-'), protocol: 'TCP', port: p.port, targetPort: p.targetPort, ...(o.nodePort ? { nodePort: o.nodePort } : {}) };
  });
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: { name: o.name, ...(o.namespace ? { namespace: o.namespace } : {}), labels: { app: o.name } },
    spec: {
      ...(ports.length > 0 ? { ports } : {}),
      selector: { app: o.name },
      ...(o.clusterIP ? { clusterIP: o.clusterIP } : {}),
      type: o.type,
      ...(o.externalName ? { externalName: o.externalName } : {}),
    },
    status: { loadBalancer: {} },
  };
}

/** Options of `kubectl expose` after introspecting the exposed object. */
export interface ExposeOptions {
  name: string;
  namespace?: string;
  /** Pod selector (`k=v,k2=v2`). */
  selector: Record<string, string>;
  labels?: Record<string, string>;
  /** One port (`--port` or the object's only port) or several (`port-1`, `port-2` names). */
  ports: string[];
  /** Protocol from `--protocol`, else per port from the object. */
  protocol: string;
  protocols: Map<string, string[]>;
  targetPort: string;
  type: string;
  externalIP: string;
  loadBalancerIP: string;
  sessionAffinity: string;
  clusterIP: string;
  portName?: string;
}

/** The Service of `kubectl expose`. Throws with kubectl's message for bad values. */
export function generateExposeService(o: ExposeOptions): KubeObject {
  const ports: GeneratedPort[] = [];
  o.ports.forEach((portText, i) => {
    if (!/^-?\d+$/.test(portText)) throw new GeneratorError(`strconv.Atoi: parsing ${JSON.stringify(portText)}: invalid syntax`);
    const port = Number(portText);
    let name = o.portName ?? '';
    if (o.ports.length > 1) name = `port-${i + 1}`;
    let protocol = o.protocol;
    if (!protocol && o.protocols.size === 0) protocol = 'TCP';
    else if (!protocol) {
      protocol = 'TCP';
      const found = o.protocols.get(portText);
      if (found) {
        if (found.length === 1) protocol = found[0]!;
        else {
          for (const p of found) ports.push({ name: `port-${i + 1}-${p.toLowerCase()}`, protocol: p, port, targetPort: 0 });
          return;
        }
      }
    }
    ports.push({ ...(name ? { name } : {}), protocol, port, targetPort: 0 });
  });
  for (const p of ports) {
    if (o.targetPort) p.targetPort = /^-?\d+$/.test(o.targetPort) ? Number(o.targetPort) : o.targetPort;
    else p.targetPort = p.port;
  }
  if (o.sessionAffinity && o.sessionAffinity !== 'None' && o.sessionAffinity !== 'ClientIP') {
    throw new GeneratorError(`unknown session affinity: ${o.sessionAffinity}`);
  }
  const spec: Record<string, unknown> = {
    ...(ports.length > 0 ? { ports } : {}),
    selector: { ...o.selector },
    ...(o.clusterIP ? { clusterIP: o.clusterIP } : {}),
    ...(o.type ? { type: o.type } : {}),
    ...(o.externalIP ? { externalIPs: [o.externalIP] } : {}),
    ...(o.sessionAffinity ? { sessionAffinity: o.sessionAffinity } : {}),
    ...(o.type === 'LoadBalancer' && o.loadBalancerIP ? { loadBalancerIP: o.loadBalancerIP } : {}),
  };
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: { name: o.name, ...(o.namespace ? { namespace: o.namespace } : {}), ...(o.labels && Object.keys(o.labels).length > 0 ? { labels: { ...o.labels } } : {}) },
    spec,
    status: { loadBalancer: {} },
  };
}

/** Parses `k=v,k2=v2` (expose's and run's label and selector syntax). */
// Models expose.go parseLabels / generate.ParseLabels.
export function parseLabelList(spec: string): Record<string, string> {
  if (spec.length === 0) throw new GeneratorError('no label spec passed');
  const out: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const kv = part.split('=');
    if (kv.length !== 2) throw new GeneratorError(`unexpected label spec: ${part}`);
    if (kv[0]!.length === 0) throw new GeneratorError('unexpected empty label key');
    out[kv[0]!] = kv[1]!;
  }
  return out;
}
