/**
 * Keeps the EndpointSlices of each selector Service: one IPv4 slice (up to 100 endpoints each) with ready /
 * serving / terminating conditions per pod.
 * Models pkg/controller/endpointslice/reconciler.go (reconcileByAddressType), simplified to fill slices in order.
 * Divergence: slices are rebuilt in pod-name order rather than minimally patched; the set of endpoints is the same.
 */
import type { EndpointSlice, Endpoint, EndpointPort } from 'kubernetes-types/discovery/v1';
import type { KubeObject } from '../../api/types';
import { canonicalJson } from '../../api/names';
import { newControllerRef, toTimestamp } from '../../api/meta';
import type { ComponentContext } from '../../cluster/context';
import { WorkQueue, splitKey } from '../runtime';
import { isManagedService, isPodReady, podsForService, resolveTargetPort, enqueueServicesOnChange, type StoredService } from '../endpoint/service-pods';

const MAX_ENDPOINTS_PER_SLICE = 100;
const MANAGED_BY = 'endpointslice-controller.k8s.io';

type StoredSlice = EndpointSlice & KubeObject;

/** Starts the EndpointSlice controller. */
export function startEndpointSliceController(ctx: ComponentContext): void {
  const queue = new WorkQueue(ctx.clock, ctx.rng, 'endpointslice-controller', (key) => sync(key), { minMs: 2, maxMs: 15 });
  enqueueServicesOnChange(ctx.api, queue);

  function sync(key: string): void {
    const [ns, name] = splitKey(key);
    const svc = ctx.api.get<StoredService>('Service', ns, name);
    const slices = ctx.api
      .list<StoredSlice>('EndpointSlice', ns)
      .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === name && s.metadata.labels?.['endpointslice.kubernetes.io/managed-by'] === MANAGED_BY);
    if (!svc || !isManagedService(svc)) {
      for (const s of slices) ctx.api.delete('EndpointSlice', ns, s.metadata.name);
      return;
    }
    const byPorts = new Map<string, { ports: EndpointPort[]; endpoints: Endpoint[] }>();
    for (const pod of podsForService(ctx.api, svc)) {
      const ports: EndpointPort[] = [];
      for (const sp of svc.spec?.ports ?? []) {
        const port = resolveTargetPort(sp, pod);
        if (port === undefined) continue;
        ports.push({ name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP', ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) });
      }
      // Models endpointslice/util podToEndpoint: terminating pods stay listed (serving tells whether they still
      // answer); `ready` is never true for them unless the service publishes not-ready addresses.
      const terminating = pod.metadata.deletionTimestamp !== undefined;
      const serving = isPodReady(pod);
      const ep: Endpoint = {
        addresses: [pod.status!.podIP!],
        conditions: { ready: svc.spec?.publishNotReadyAddresses === true || (serving && !terminating), serving, terminating },
        ...(pod.spec?.hostname && pod.spec.subdomain === name ? { hostname: pod.spec.hostname } : {}),
        nodeName: pod.spec?.nodeName,
        targetRef: { kind: 'Pod', namespace: ns, name: pod.metadata.name, uid: pod.metadata.uid },
      };
      const sig = canonicalJson(ports);
      let g = byPorts.get(sig);
      if (!g) byPorts.set(sig, (g = { ports, endpoints: [] }));
      g.endpoints.push(ep);
    }
    if (byPorts.size === 0) byPorts.set('[]', { ports: [], endpoints: [] });
    const desired: { ports: EndpointPort[]; endpoints: Endpoint[] }[] = [];
    for (const g of byPorts.values()) {
      for (let i = 0; i < Math.max(1, g.endpoints.length); i += MAX_ENDPOINTS_PER_SLICE) desired.push({ ports: g.ports, endpoints: g.endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE) });
    }
    const labels: Record<string, string> = {
      ...(svc.metadata.labels ?? {}),
      'endpointslice.kubernetes.io/managed-by': MANAGED_BY,
      'kubernetes.io/service-name': name,
    };
    if (svc.spec?.clusterIP === 'None') labels['service.kubernetes.io/headless'] = '';
    desired.forEach((d, i) => {
      const existing = slices[i];
      if (!existing) {
        ctx.api.create({
          apiVersion: 'discovery.k8s.io/v1',
          kind: 'EndpointSlice',
          metadata: { generateName: `${name}-`, name: '', namespace: ns, labels, annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': toTimestamp(ctx.clock.nowMs) }, ownerReferences: [newControllerRef(svc)] },
          addressType: 'IPv4',
          endpoints: d.endpoints,
          ports: d.ports,
        });
        return;
      }
      if (canonicalJson(existing.endpoints ?? []) === canonicalJson(d.endpoints) && canonicalJson(existing.ports ?? []) === canonicalJson(d.ports)) return;
      ctx.api.mutate<StoredSlice>('EndpointSlice', ns, existing.metadata.name, (s) => {
        s.endpoints = d.endpoints;
        s.ports = d.ports;
        s.metadata.labels = labels;
        s.metadata.annotations = { ...(s.metadata.annotations ?? {}), 'endpoints.kubernetes.io/last-change-trigger-time': toTimestamp(ctx.clock.nowMs) };
      });
    });
    for (const extra of slices.slice(desired.length)) ctx.api.delete('EndpointSlice', ns, extra.metadata.name);
  }
}
