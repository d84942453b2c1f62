/**
 * The QoS class of a pod: Guaranteed, Burstable or BestEffort.
 * Models pkg/apis/core/helper/qos/qos.go ComputePodQOS.
 */
import { parseQty, qtyCmp, qtyAdd, type Qty } from './quantity';

type ResourceMap = Record<string, unknown> | undefined;
interface ContainerLike {
  resources?: { requests?: ResourceMap; limits?: ResourceMap };
}
interface PodSpecLike {
  containers?: ContainerLike[];
  initContainers?: ContainerLike[];
}

/** QoS classes as status.qosClass spells them. */
export type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

const QOS_RESOURCES = ['cpu', 'memory'];

/**
 * Sums positive cpu/memory requests and limits over containers and init containers; Guaranteed needs cpu and
 * memory limits on every container and equal request and limit sums; no values at all is BestEffort.
 */
export function computePodQOS(spec: PodSpecLike | undefined): QOSClass {
  const requests = new Map<string, Qty>();
  const limits = new Map<string, Qty>();
  let isGuaranteed = true;
  const add = (into: Map<string, Qty>, name: string, q: Qty) => {
    const cur = into.get(name);
    into.set(name, cur ? qtyAdd(cur, q) : q);
  };
  for (const c of [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])]) {
    for (const name of QOS_RESOURCES) {
      const q = parseQty(c.resources?.requests?.[name]);
      if (q && q.nanos > 0n) add(requests, name, q);
    }
    const found = new Set<string>();
    for (const name of QOS_RESOURCES) {
      const q = parseQty(c.resources?.limits?.[name]);
      if (q && q.nanos > 0n) {
        found.add(name);
        add(limits, name, q);
      }
    }
    if (!found.has('cpu') || !found.has('memory')) isGuaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (isGuaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || qtyCmp(lim, req) !== 0) {
        isGuaranteed = false;
        break;
      }
    }
  }
  return isGuaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
