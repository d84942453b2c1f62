/**
 * Tables of the networking kinds: Service, Endpoints, EndpointSlice, Ingress, IngressClass, NetworkPolicy.
 * Models pkg/printers/internalversion/printers.go printService, printEndpoints, printEndpointSlice, printIngress,
 * printIngressClass, printNetworkPolicy.
 */
import type { EndpointSlice, Endpoints, Service, Stored } from '../../../engine';
import type { Ingress, IngressClass, NetworkPolicy } from 'kubernetes-types/networking/v1';
import { formatLabelSelector, formatLabels, listWithMore, translateTimestampSince } from '../format';
import { AGE_COLUMN, NAME_COLUMN, as, col, wideCol, type KindHandler } from './handler';

interface LoadBalancerIngressLike {
  ip?: string;
  hostname?: string;
}

// Models printers.go loadBalancerStatusStringer / ingressLoadBalancerStatusStringer: a sorted set of IPs or
// hostnames. Upstream clips the text to 16 characters for non-wide tables, but the apiserver always builds
// tables with Wide=true, so `kubectl get` shows it whole; so does this.
function loadBalancerAddresses(ingress: readonly LoadBalancerIngressLike[] | undefined): string {
  const set = new Set<string>();
  for (const i of ingress ?? []) {
    if (i.ip) set.add(i.ip);
    else if (i.hostname) set.add(i.hostname);
  }
  return [...set].sort().join(',');
}

/** The EXTERNAL-IP column of a Service. */
// Models printers.go getServiceExternalIP.
export function serviceExternalIP(svc: Stored<Service>): string {
  const externalIPs = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerAddresses(svc.status?.loadBalancer?.ingress);
      if (externalIPs.length > 0) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
      return lb !== '' ? lb : '<pending>';
    }
    case 'ExternalName':
      return svc.spec?.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** The PORT(S) column: `80/TCP`, `80:30080/TCP`, comma-joined, `<none>` without ports. */
// Models printers.go makePortString.
export function servicePorts(svc: Stored<Service>): string {
  const s = (svc.spec?.ports ?? [])
    .map((p) => {
      // The apiserver defaults the protocol to TCP.
      const proto = p.protocol ?? 'TCP';
      return p.nodePort && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${proto}` : `${p.port}/${proto}`;
    })
    .join(',');
  return s === '' ? '<none>' : s;
}

/** `kubectl get services`. */
export const serviceHandler: KindHandler = {
  kinds: ['Service'],
  columns: [NAME_COLUMN, col('TYPE'), col('CLUSTER-IP'), col('EXTERNAL-IP'), col('PORT(S)'), AGE_COLUMN, wideCol('SELECTOR')],
  row(obj, { nowMs }) {
    const svc = as<Stored<Service>>(obj);
    // The registry fills clusterIPs from clusterIP; read either.
    const clusterIP = svc.spec?.clusterIPs?.[0] ?? svc.spec?.clusterIP;
    return [
      svc.metadata.name, svc.spec?.type ?? 'ClusterIP', clusterIP ? clusterIP : '<none>', serviceExternalIP(svc),
      servicePorts(svc), translateTimestampSince(svc.metadata.creationTimestamp, nowMs), formatLabels(svc.spec?.selector),
    ];
  },
};

// Models net.JoinHostPort: IPv6 addresses are bracketed.
function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

const MAX_ENDPOINTS = 3;

/** The ENDPOINTS column of an Endpoints object: `10.244.1.5:80,10.244.2.3:80,10.244.2.4:80 + 1 more...`. */
// Models printers.go formatEndpoints (all ports, ready addresses only).
export function formatEndpoints(ep: Stored<Endpoints>): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    const ports = ss.ports ?? [];
    if (ports.length === 0) {
      // Headless services may have no ports.
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === MAX_ENDPOINTS) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ports) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === MAX_ENDPOINTS) {
          more = true;
          break;
        }
        list.push(joinHostPort(a.ip, port.port));
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - MAX_ENDPOINTS} more...` : ret;
}

/** `kubectl get endpoints`. */
export const endpointsHandler: KindHandler = {
  kinds: ['Endpoints'],
  columns: [NAME_COLUMN, col('ENDPOINTS'), AGE_COLUMN],
  row(obj, { nowMs }) {
    const ep = as<Stored<Endpoints>>(obj);
    return [ep.metadata.name, formatEndpoints(ep), translateTimestampSince(ep.metadata.creationTimestamp, nowMs)];
  },
};

/** `kubectl get endpointslices`. */
export const endpointSliceHandler: KindHandler = {
  kinds: ['EndpointSlice'],
  columns: [NAME_COLUMN, col('ADDRESSTYPE'), col('PORTS'), col('ENDPOINTS'), AGE_COLUMN],
  row(obj, { nowMs }) {
    const slice = as<Stored<EndpointSlice>>(obj);
    // Models printers.go formatDiscoveryPorts: the port number, else its name, else `*`.
    const ports = (slice.ports ?? []).map((p) =>
      p.port !== undefined && p.port !== null ? String(p.port) : p.name !== undefined && p.name !== null ? p.name : '*');
    // Models printers.go formatDiscoveryEndpoints: every address of every endpoint, ready or not.
    const addresses = (slice.endpoints ?? []).flatMap((e) => e.addresses ?? []);
    return [
      slice.metadata.name, slice.addressType ?? '', listWithMore(ports, MAX_ENDPOINTS),
      listWithMore(addresses, MAX_ENDPOINTS), translateTimestampSince(slice.metadata.creationTimestamp, nowMs),
    ];
  },
};

const MAX_HOSTS = 3;

// Models printers.go formatHosts: rules without a host do not count toward the three shown, but do toward
// the "more" total.
function formatHosts(rules: readonly { host?: string }[] | undefined): string {
  const list: string[] = [];
  let more = false;
  for (const rule of rules ?? []) {
    if (list.length === MAX_HOSTS) more = true;
    if (!more && rule.host) list.push(rule.host);
  }
  if (list.length === 0) return '*';
  const ret = list.join(',');
  return more ? `${ret} + ${(rules?.length ?? 0) - MAX_HOSTS} more...` : ret;
}

/** `kubectl get ingress`. */
export const ingressHandler: KindHandler = {
  kinds: ['Ingress'],
  columns: [NAME_COLUMN, col('CLASS'), col('HOSTS'), col('ADDRESS'), col('PORTS'), AGE_COLUMN],
  row(obj, { nowMs }) {
    const ing = as<Stored<Ingress>>(obj);
    return [
      ing.metadata.name, ing.spec?.ingressClassName ?? '<none>', formatHosts(ing.spec?.rules),
      loadBalancerAddresses(ing.status?.loadBalancer?.ingress),
      (ing.spec?.tls ?? []).length > 0 ? '80, 443' : '80',
      translateTimestampSince(ing.metadata.creationTimestamp, nowMs),
    ];
  },
};

/** `kubectl get ingressclasses`. */
export const ingressClassHandler: KindHandler = {
  kinds: ['IngressClass'],
  columns: [NAME_COLUMN, col('CONTROLLER'), col('PARAMETERS'), AGE_COLUMN],
  row(obj, { nowMs }) {
    const ic = as<Stored<IngressClass>>(obj);
    const p = ic.spec?.parameters;
    let parameters = '<none>';
    if (p) parameters = `${p.kind}${p.apiGroup !== undefined && p.apiGroup !== null ? `.${p.apiGroup}` : ''}/${p.name}`;
    return [ic.metadata.name, ic.spec?.controller ?? '', parameters, translateTimestampSince(ic.metadata.creationTimestamp, nowMs)];
  },
};

/** `kubectl get networkpolicies`. */
export const networkPolicyHandler: KindHandler = {
  kinds: ['NetworkPolicy'],
  columns: [NAME_COLUMN, col('POD-SELECTOR'), AGE_COLUMN],
  row(obj, { nowMs }) {
    const np = as<Stored<NetworkPolicy>>(obj);
    return [np.metadata.name, formatLabelSelector(np.spec?.podSelector), translateTimestampSince(np.metadata.creationTimestamp, nowMs)];
  },
};
