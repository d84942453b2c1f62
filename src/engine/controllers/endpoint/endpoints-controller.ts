/**
 * Keeps one Endpoints object per selector Service: ready pod addresses, not-ready ones, and the resolved ports.
 * Models pkg/controller/endpoint/endpoints_controller.go syncService.
 */
import type { EndpointAddress, EndpointPort, EndpointSubset, Endpoints } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types';
import { canonicalJson } from '../../api/names';
import { toTimestamp } from '../../api/meta';
import type { ComponentContext } from '../../cluster/context';
import { WorkQueue, splitKey } from '../runtime';
import { isManagedService, isPodReady, podsForService, resolveTargetPort, enqueueServicesOnChange, type StoredPod, type StoredService } from './service-pods';

/** Starts the Endpoints controller. */
export function startEndpointsController(ctx: ComponentContext): void {
  const queue = new WorkQueue(ctx.clock, ctx.rng, 'endpoint-controller', (key) => sync(key), { minMs: 2, maxMs: 15 });
  enqueueServicesOnChange(ctx.api, queue);

  function sync(key: string): void {
    const [ns, name] = splitKey(key);
    const svc = ctx.api.get<StoredService>('Service', ns, name);
    const existing = ctx.api.get<Endpoints & KubeObject>('Endpoints', ns, name);
    if (!svc) {
      // Endpoints of a deleted service go with it (unless someone else manages them, e.g. the `kubernetes` service).
      if (existing && existing.metadata.labels?.['endpoints.kubernetes.io/managed-by'] === 'endpoint-controller') ctx.api.delete('Endpoints', ns, name);
      return;
    }
    if (!isManagedService(svc)) return;
    const subsets = computeSubsets(svc, podsForService(ctx.api, svc));
    const labels = { ...(svc.metadata.labels ?? {}), 'endpoints.kubernetes.io/managed-by': 'endpoint-controller' };
    if (svc.spec?.clusterIP === 'None') (labels as Record<string, string>)['service.kubernetes.io/headless'] = '';
    if (!existing) {
      ctx.api.create({
        apiVersion: 'v1',
        kind: 'Endpoints',
        metadata: { name, namespace: ns, labels, annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': toTimestamp(ctx.clock.nowMs) } },
        ...(subsets.length ? { subsets } : {}),
      });
      return;
    }
    if (canonicalJson(existing.subsets ?? []) === canonicalJson(subsets) && canonicalJson(existing.metadata.labels) === canonicalJson(labels)) return;
    ctx.api.mutate('Endpoints', ns, name, (e) => {
      e.metadata.labels = labels;
      e.metadata.annotations = { ...(e.metadata.annotations ?? {}), 'endpoints.kubernetes.io/last-change-trigger-time': toTimestamp(ctx.clock.nowMs) };
      if (subsets.length) e.subsets = subsets;
      else delete e.subsets;
    });
  }
}

/** Groups pods by their resolved port set, as the endpoints controller does (one subset per distinct port list). */
export function computeSubsets(svc: StoredService, pods: StoredPod[]): EndpointSubset[] {
  const bySignature = new Map<string, { ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[] }>();
  const publishNotReady = svc.spec?.publishNotReadyAddresses === true;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp && !publishNotReady) continue;
    const ports: EndpointPort[] = [];
    for (const sp of svc.spec?.ports ?? []) {
      const port = resolveTargetPort(sp, pod);
      if (port === undefined) continue;
      ports.push({ ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol ?? 'TCP', ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) });
    }
    if ((svc.spec?.ports ?? []).length > 0 && ports.length === 0) continue;
    const addr: EndpointAddress = {
      ip: pod.status!.podIP!,
      ...(pod.spec?.hostname && pod.spec.subdomain === svc.metadata.name ? { hostname: pod.spec.hostname } : {}),
      nodeName: pod.spec?.nodeName,
      targetRef: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
    };
    const sig = canonicalJson(ports);
    let g = bySignature.get(sig);
    if (!g) bySignature.set(sig, (g = { ports, ready: [], notReady: [] }));
    if (isPodReady(pod) || publishNotReady) g.ready.push(addr);
    else g.notReady.push(addr);
  }
  const byIp = (a: EndpointAddress, b: EndpointAddress) => ipCompare(a.ip, b.ip);
  return [...bySignature.values()].map((g) => ({
    ...(g.ready.length ? { addresses: g.ready.sort(byIp) } : {}),
    ...(g.notReady.length ? { notReadyAddresses: g.notReady.sort(byIp) } : {}),
    ...(g.ports.length ? { ports: g.ports } : {}),
  }));
}

function ipCompare(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 4; i++) if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
  return 0;
}
