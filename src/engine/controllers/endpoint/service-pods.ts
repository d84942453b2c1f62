/**
 * What the Endpoints and EndpointSlice controllers share: which pods back a Service, whether each one is ready,
 * and how a Service port resolves against a pod's container ports.
 * Models pkg/controller/endpoint/endpoints_controller.go (syncService) and pkg/api/v1/pod FindPort.
 */
import type { Pod, Service, ServicePort } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types';
import { fromMap, matches } from '../../api/labels';
import type { ApiServer } from '../../apiserver/apiserver';
import { getCondition } from '../../api/meta';
import type { WorkQueue } from '../runtime';

export type StoredService = Service & KubeObject;
export type StoredPod = Pod & KubeObject;

/** Pods a Service selects in its namespace, excluding ones without an IP or already finished. */
export function podsForService(api: ApiServer, svc: StoredService): StoredPod[] {
  const sel = fromMap(svc.spec?.selector);
  if (!sel) return [];
  return api
    .list<StoredPod>('Pod', svc.metadata.namespace, { labelSelector: sel })
    .filter((p) => p.status?.podIP && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed');
}

/** Services in `namespace` whose selector matches `labels` (used to map a pod change to services to resync). */
export function servicesSelecting(api: ApiServer, namespace: string, labels: Record<string, string> | undefined): StoredService[] {
  return api.list<StoredService>('Service', namespace).filter((s) => {
    const sel = fromMap(s.spec?.selector);
    return sel !== null && matches(sel, labels);
  });
}

/** True when the pod's Ready condition is True. */
export function isPodReady(pod: StoredPod): boolean {
  return getCondition(pod.status?.conditions, 'Ready')?.status === 'True';
}

/** Resolves a service port's targetPort (number or container port name) for one pod; undefined if the name is unknown. */
export function resolveTargetPort(sp: ServicePort, pod: StoredPod): number | undefined {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === (sp.protocol ?? 'TCP')) return p.containerPort;
  }
  return undefined;
}

/** True when the service is served by controllers (has a selector and is not ExternalName). */
export function isManagedService(svc: StoredService): boolean {
  return svc.spec?.type !== 'ExternalName' && fromMap(svc.spec?.selector) !== null;
}

/**
 * Queues `namespace/name` of a Service whenever it changes or a pod it selects (before or after the change)
 * changes: the trigger both endpoint controllers share.
 */
export function enqueueServicesOnChange(api: ApiServer, queue: WorkQueue): void {
  api.watch('Service', (ev) => queue.add(`${ev.object.metadata.namespace}/${ev.object.metadata.name}`));
  api.watch('Pod', (ev) => {
    const ns = ev.object.metadata.namespace!;
    const names = new Set<string>();
    for (const s of servicesSelecting(api, ns, ev.object.metadata.labels)) names.add(s.metadata.name);
    if (ev.old) for (const s of servicesSelecting(api, ns, ev.old.metadata.labels)) names.add(s.metadata.name);
    for (const n of names) queue.add(`${ns}/${n}`);
  });
}
