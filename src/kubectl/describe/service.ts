/**
 * `kubectl describe service` and `kubectl describe endpoints`.
 */
import type { Endpoints, LoadBalancerIngress, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { KubeObject } from '../../engine';
import { printAnnotationsMultiline, printLabelsMultiline } from './common';
import { eventsOf, type DescribeContext } from './context';
import { describeEvents } from './events';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, tabbedString } from './prefix-writer';
import { formatLabels } from './selectors';

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/**
 * The full describe text of a Service: type, IPs, ports with their endpoints (read from the EndpointSlices
 * labelled with the service name), traffic policies, events.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go ServiceDescriber.Describe, describeService.
 */
export function describeService(obj: KubeObject, ctx: DescribeContext): string {
  const svc = obj as unknown as Service;
  const slices = ctx
    .list('EndpointSlice', obj.metadata.namespace)
    .filter((s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === obj.metadata.name) as unknown as EndpointSlice[];
  const events = eventsOf(ctx, obj);
  return tabbedString((w) => {
    const spec = svc.spec ?? {};
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
    w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`);
    if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
    const families = spec.ipFamilies ?? [];
    w.write(LEVEL_0, `IP Families:\t${families.length > 0 ? families.join(',') : '<none>'}\n`);
    w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
    const ips = spec.clusterIPs ?? [];
    w.write(LEVEL_0, `IPs:\t${ips.length > 0 ? ips.join(',') : '<none>'}\n`);
    if (spec.externalIPs && spec.externalIPs.length > 0) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
    if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
    if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
    const ingress = svc.status?.loadBalancer?.ingress ?? [];
    if (ingress.length > 0) w.write(LEVEL_0, `LoadBalancer Ingress:\t${ingressString(ingress)}\n`);
    for (const p of spec.ports ?? []) {
      const name = p.name || '<unset>';
      const protocol = p.protocol ?? 'TCP';
      w.write(LEVEL_0, `Port:\t${name}\t${p.port}/${protocol}\n`);
      w.write(LEVEL_0, `TargetPort:\t${p.targetPort ?? p.port}/${protocol}\n`);
      if (p.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${p.nodePort}/${protocol}\n`);
      w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, p.name ?? '')}\n`);
    }
    w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
    if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
    if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
    if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
    if (spec.loadBalancerSourceRanges && spec.loadBalancerSourceRanges.length > 0) {
      w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`);
    }
    if (spec.trafficDistribution) w.write(LEVEL_0, `Traffic Distribution:\t${spec.trafficDistribution}\n`);
    describeEvents(events, w, ctx.nowMs);
  });
}

// Models describe.go buildIngressString.
function ingressString(ingress: readonly LoadBalancerIngress[]): string {
  return ingress.map((i) => (i.ip ? `${i.ip}${i.ipMode ? ` (${i.ipMode})` : ''}` : i.hostname ?? '')).join(', ');
}

/**
 * Ready endpoint addresses of one service port as `ip:port,...`, at most three then `+ N more...`;
 * `<none>` when the service has no slices at all.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go formatEndpointSlices.
 */
export function formatEndpointSlices(slices: readonly EndpointSlice[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  const isReady = (ready: boolean | undefined | null) => ready === undefined || ready === null || ready;
  for (const slice of slices) {
    const ports = slice.ports ?? [];
    if (ports.length === 0) {
      // Headless services may have no ports: list the addresses alone.
      for (const ep of slice.endpoints ?? []) {
        if (list.length === max) more = true;
        if (!isReady(ep.conditions?.ready)) continue;
        if (!more) list.push(ep.addresses[0]!);
        count++;
      }
      continue;
    }
    for (const port of ports) {
      if ((port.name ?? '') !== portName) continue;
      for (const ep of slice.endpoints ?? []) {
        if (list.length === max) more = true;
        if (!isReady(ep.conditions?.ready)) continue;
        const addr = ep.addresses[0]!;
        if (!more) list.push(`${addr.includes(':') ? `[${addr}]` : addr}:${port.port}`);
        count++;
      }
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - max} more...` : text;
}

/**
 * The full describe text of an EndpointSlice: address type, ports, and each endpoint's addresses, readiness,
 * hostname, target, node and zone.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go describeEndpointSliceV1.
 */
export function describeEndpointSlice(obj: KubeObject, ctx: DescribeContext): string {
  const eps = obj as unknown as EndpointSlice;
  const events = eventsOf(ctx, obj);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    w.write(LEVEL_0, `AddressType:\t${eps.addressType}\n`);
    const ports = eps.ports ?? [];
    if (ports.length === 0) w.write(LEVEL_0, 'Ports: <unset>\n');
    else {
      w.write(LEVEL_0, 'Ports:\n');
      w.write(LEVEL_1, 'Name\tPort\tProtocol\n');
      w.write(LEVEL_1, '----\t----\t--------\n');
      for (const p of ports) {
        const port = p.port === undefined || p.port === null ? '<unset>' : String(p.port);
        w.write(LEVEL_1, `${p.name || '<unset>'}\t${port}\t${p.protocol ?? 'TCP'}\n`);
      }
    }
    const endpoints = eps.endpoints ?? [];
    if (endpoints.length === 0) w.write(LEVEL_0, 'Endpoints: <none>\n');
    else {
      w.write(LEVEL_0, 'Endpoints:\n');
      for (const ep of endpoints) {
        w.write(LEVEL_1, `- Addresses:\t${ep.addresses.join(', ') || '<none>'}\n`);
        w.write(LEVEL_2, 'Conditions:\n');
        const ready = ep.conditions?.ready;
        w.write(LEVEL_3, `Ready:\t${ready === undefined || ready === null ? '<unset>' : String(ready)}\n`);
        w.write(LEVEL_2, `Hostname:\t${ep.hostname ?? '<unset>'}\n`);
        if (ep.targetRef) w.write(LEVEL_2, `TargetRef:\t${ep.targetRef.kind ?? ''}/${ep.targetRef.name ?? ''}\n`);
        w.write(LEVEL_2, `NodeName:\t${ep.nodeName ?? '<unset>'}\n`);
        w.write(LEVEL_2, `Zone:\t${ep.zone ?? '<unset>'}\n`);
      }
    }
    describeEvents(events, w, ctx.nowMs);
  });
}

/**
 * The full describe text of an Endpoints object: one block of addresses and ports per subset.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go describeEndpoints.
 */
export function describeEndpoints(obj: KubeObject, ctx: DescribeContext): string {
  const ep = obj as unknown as Endpoints;
  const events = eventsOf(ctx, obj);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    w.write(LEVEL_0, 'Subsets:\n');
    for (const subset of ep.subsets ?? []) {
      const ready = (subset.addresses ?? []).map((a) => a.ip).join(',');
      w.write(LEVEL_1, `Addresses:\t${ready || '<none>'}\n`);
      const notReady = (subset.notReadyAddresses ?? []).map((a) => a.ip).join(',');
      w.write(LEVEL_1, `NotReadyAddresses:\t${notReady || '<none>'}\n`);
      const ports = subset.ports ?? [];
      if (ports.length > 0) {
        w.write(LEVEL_1, 'Ports:\n');
        w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
        w.write(LEVEL_2, '----\t----\t--------\n');
        for (const p of ports) w.write(LEVEL_2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? 'TCP'}\n`);
      }
      w.write(LEVEL_0, '\n');
    }
    describeEvents(events, w, ctx.nowMs);
  });
}
