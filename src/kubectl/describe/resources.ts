/**
 * Pod-level resource arithmetic for describe: effective requests and limits of a pod, and its QoS class.
 */
import type { Container, ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import { addQty, cmpQty, parseQty, type Qty } from './quantity';

/** Resource name -> exact quantity. */
export type QtyList = Map<string, Qty>;

type ResourceMap = Readonly<Record<string, string | number>> | undefined;

function toList(map: ResourceMap): QtyList {
  const out: QtyList = new Map();
  for (const [name, q] of Object.entries(map ?? {})) out.set(name, parseQty(q));
  return out;
}

function addInto(list: QtyList, add: QtyList): void {
  for (const [name, q] of add) {
    const cur = list.get(name);
    list.set(name, cur ? addQty(cur, q) : q);
  }
}

function maxInto(list: QtyList, other: QtyList): void {
  for (const [name, q] of other) {
    const cur = list.get(name);
    if (!cur || cmpQty(q, cur) > 0) list.set(name, q);
  }
}

/** Resource fields of container statuses that kubectl v1.34 reads (in-place resize). */
interface ResizeStatus extends ContainerStatus {
  allocatedResources?: Record<string, string>;
}

function isPodResizeInfeasible(pod: Pod): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'PodResizePending' && c.reason === 'Infeasible');
}

// Models staging/src/k8s.io/kubectl/pkg/util/resource/resource.go determineContainerReqs.
function containerRequests(pod: Pod, c: Container, statuses: Map<string, ResizeStatus>): QtyList {
  const cs = statuses.get(c.name);
  if (!cs?.resources) return toList(c.resources?.requests);
  const out = isPodResizeInfeasible(pod) ? toList(cs.resources.requests) : toList(c.resources?.requests);
  if (!isPodResizeInfeasible(pod)) maxInto(out, toList(cs.resources.requests));
  maxInto(out, toList(cs.allocatedResources));
  return out;
}

/**
 * Summed requests and limits of a pod: regular and sidecar containers add up, plain init containers count by
 * their maximum, pod overhead is added.
 * Models staging/src/k8s.io/kubectl/pkg/util/resource/resource.go PodRequestsAndLimits.
 */
export function podRequestsAndLimits(pod: Pod): { requests: QtyList; limits: QtyList } {
  const statuses = new Map<string, ResizeStatus>();
  for (const s of pod.status?.containerStatuses ?? []) statuses.set(s.name, s);
  for (const s of pod.status?.initContainerStatuses ?? []) statuses.set(s.name, s);

  const requests: QtyList = new Map();
  for (const c of pod.spec?.containers ?? []) addInto(requests, containerRequests(pod, c, statuses));
  const sidecarReqs: QtyList = new Map();
  const initReqs: QtyList = new Map();
  for (const c of pod.spec?.initContainers ?? []) {
    let reqs = toList(c.resources?.requests);
    if (c.restartPolicy === 'Always') {
      reqs = containerRequests(pod, c, statuses);
      addInto(requests, reqs);
      addInto(sidecarReqs, reqs);
      reqs = new Map(sidecarReqs);
    } else {
      const tmp: QtyList = new Map();
      addInto(tmp, reqs);
      addInto(tmp, sidecarReqs);
      reqs = tmp;
    }
    maxInto(initReqs, reqs);
  }
  maxInto(requests, initReqs);
  if (pod.spec?.overhead) addInto(requests, toList(pod.spec.overhead));

  const limits: QtyList = new Map();
  for (const c of pod.spec?.containers ?? []) addInto(limits, toList(c.resources?.limits));
  const sidecarLimits: QtyList = new Map();
  const initLimits: QtyList = new Map();
  for (const c of pod.spec?.initContainers ?? []) {
    let lims = toList(c.resources?.limits);
    if (c.restartPolicy === 'Always') {
      addInto(limits, lims);
      addInto(sidecarLimits, lims);
      lims = new Map(sidecarLimits);
    } else {
      const tmp: QtyList = new Map();
      addInto(tmp, lims);
      addInto(tmp, sidecarLimits);
      lims = tmp;
    }
    maxInto(initLimits, lims);
  }
  maxInto(limits, initLimits);
  // Overhead only raises limits that are set.
  for (const [name, q] of toList(pod.spec?.overhead)) {
    const cur = limits.get(name);
    if (cur && cur.nano !== 0n) limits.set(name, addQty(cur, q));
  }
  return { requests, limits };
}

const QOS_RESOURCES = new Set(['cpu', 'memory']);

/**
 * The pod's QoS class: status.qosClass when set, otherwise computed from container (or pod-level) resources.
 * Models staging/src/k8s.io/kubectl/pkg/util/qos/qos.go GetPodQOS, ComputePodQOS.
 */
export function podQOS(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const requests: QtyList = new Map();
  const limits: QtyList = new Map();
  let isGuaranteed = true;
  const process = (list: QtyList, map: ResourceMap) => {
    for (const [name, q] of toList(map)) {
      if (!QOS_RESOURCES.has(name) || q.nano <= 0n) continue;
      const cur = list.get(name);
      list.set(name, cur ? addQty(q, cur) : q);
    }
  };
  const limitsCoverCpuAndMemory = (map: ResourceMap) => {
    const l = toList(map);
    return (['cpu', 'memory'] as const).every((n) => (l.get(n)?.nano ?? 0n) > 0n);
  };
  const podResources = (pod.spec as { resources?: { requests?: ResourceMap; limits?: ResourceMap } } | undefined)?.resources;
  if (podResources) {
    if (podResources.requests) process(requests, podResources.requests);
    if (podResources.limits) {
      process(limits, podResources.limits);
      if (!limitsCoverCpuAndMemory(podResources.limits)) isGuaranteed = false;
    }
  } else {
    for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
      process(requests, c.resources?.requests);
      process(limits, c.resources?.limits);
      if (!limitsCoverCpuAndMemory(c.resources?.limits)) isGuaranteed = false;
    }
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (isGuaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || cmpQty(lim, req) !== 0) {
        isGuaranteed = false;
        break;
      }
    }
  }
  return isGuaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
