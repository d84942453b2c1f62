/**
 * Resource amounts as the scheduler counts them (milli-CPU, bytes, counts) and the pod-request arithmetic.
 * Models pkg/scheduler/framework/types.go (Resource) and
 * staging/src/k8s.io/component-helpers/resource/helpers.go (PodRequests, AggregateContainerRequests).
 */
import type { Pod, Container } from 'kubernetes-types/core/v1';
import { milliValue, parseQuantity } from '../../api/quantity';

/** Models pkg/scheduler/util/pod_resources.go: what scoring assumes for a container that requests no CPU. */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
/** Models pkg/scheduler/util/pod_resources.go: what scoring assumes for a container that requests no memory (200Mi). */
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

/** A resource list in scheduler units: `cpu` in milli-cores, everything else in base units rounded up. */
export type ResourceList = Map<string, number>;

/** Quantity value in scheduler units; malformed quantities (unvalidated fixtures) count as 0. */
export function quantityValue(name: string, q: string | number | undefined): number {
  if (q === undefined || q === null) return 0;
  try {
    return name === 'cpu' ? milliValue(q) : Math.ceil(parseQuantity(q) - 1e-9);
  } catch {
    return 0;
  }
}

/** Converts an API resource map (`{cpu: '500m', memory: '1Gi'}`) to scheduler units. */
export function toResourceList(raw: Record<string, string | number> | undefined): ResourceList {
  const out: ResourceList = new Map();
  if (!raw) return out;
  for (const k of Object.keys(raw)) out.set(k, quantityValue(k, raw[k]));
  return out;
}

function addInto(list: ResourceList, add: ResourceList): void {
  for (const [k, v] of add) list.set(k, (list.get(k) ?? 0) + v);
}

function maxInto(list: ResourceList, other: ResourceList): void {
  for (const [k, v] of other) {
    const cur = list.get(k);
    if (cur === undefined || v > cur) list.set(k, v);
  }
}

/** Resource names the scheduler tracks as scalars: extended resources, hugepages, attachable volumes. */
export function isScalarResourceName(name: string): boolean {
  if (name === 'cpu' || name === 'memory' || name === 'ephemeral-storage' || name === 'pods') return false;
  return name.startsWith('hugepages-') || name.startsWith('attachable-volumes-') || (name.includes('/') && !name.startsWith('kubernetes.io/') && !name.startsWith('requests.'));
}

/** Options of podRequests. */
export interface PodRequestOptions {
  /** Defaults for containers that omit a key (scoring's non-zero requests). */
  nonMissing?: ResourceList;
}

function containerRequests(c: Container, nonMissing: ResourceList | undefined): ResourceList {
  const reqs = toResourceList(c.resources?.requests as Record<string, string> | undefined);
  if (nonMissing) for (const [k, v] of nonMissing) if (!reqs.has(k)) reqs.set(k, v);
  return reqs;
}

/** Pod-level requests (PodLevelResources, beta and on in v1.34) for the resources that support them. */
function podLevelRequests(pod: Pod): ResourceList | undefined {
  const raw = (pod.spec as { resources?: { requests?: Record<string, string> } } | undefined)?.resources?.requests;
  if (!raw) return undefined;
  const out: ResourceList = new Map();
  for (const k of Object.keys(raw)) if (k === 'cpu' || k === 'memory' || k.startsWith('hugepages-')) out.set(k, quantityValue(k, raw[k]));
  return out.size > 0 ? out : undefined;
}

/**
 * The pod's effective requests: containers summed, init containers as their peak (sidecars counted for the
 * pod's whole life), pod-level requests overriding, overhead added.
 * Models component-helpers/resource PodRequests with the sidecar formula of KEP-753.
 */
// Models staging/src/k8s.io/component-helpers/resource/helpers.go PodRequests
export function podRequests(pod: Pod, opts: PodRequestOptions = {}): ResourceList {
  const spec = pod.spec;
  const reqs: ResourceList = new Map();
  for (const c of spec?.containers ?? []) addInto(reqs, containerRequests(c, opts.nonMissing));
  const restartableSum: ResourceList = new Map();
  const initPeak: ResourceList = new Map();
  for (const c of spec?.initContainers ?? []) {
    const cr = containerRequests(c, opts.nonMissing);
    let use: ResourceList;
    if (c.restartPolicy === 'Always') {
      // A sidecar runs alongside everything after it, so it adds to the steady state too.
      addInto(reqs, cr);
      addInto(restartableSum, cr);
      use = new Map(restartableSum);
    } else {
      use = new Map(cr);
      addInto(use, restartableSum);
    }
    maxInto(initPeak, use);
  }
  maxInto(reqs, initPeak);
  const podLevel = podLevelRequests(pod);
  if (podLevel) for (const [k, v] of podLevel) reqs.set(k, v);
  if (spec?.overhead) addInto(reqs, toResourceList(spec.overhead as Record<string, string>));
  return reqs;
}

/** A mutable bundle of resource amounts (a node's allocatable, its requested total, a pod's request). */
export class Resource {
  milliCPU = 0;
  memory = 0;
  ephemeralStorage = 0;
  /** Only meaningful for allocatable: the node's `pods` capacity. */
  allowedPodNumber = 0;
  /** Extended resources and hugepages; null until one is seen (most pods and nodes have none). */
  scalar: Map<string, number> | null = null;

  /** Builds a Resource from a scheduler-unit list. */
  static from(list: ResourceList): Resource {
    const r = new Resource();
    for (const [k, v] of list) r.addNamed(k, v);
    return r;
  }

  /** Adds `v` of resource `name`. */
  addNamed(name: string, v: number): void {
    switch (name) {
      case 'cpu':
        this.milliCPU += v;
        break;
      case 'memory':
        this.memory += v;
        break;
      case 'ephemeral-storage':
        this.ephemeralStorage += v;
        break;
      case 'pods':
        this.allowedPodNumber += v;
        break;
      default:
        if (isScalarResourceName(name)) {
          if (!this.scalar) this.scalar = new Map();
          this.scalar.set(name, (this.scalar.get(name) ?? 0) + v);
        }
    }
  }

  /** The amount of `name` (0 when absent). */
  get(name: string): number {
    switch (name) {
      case 'cpu':
        return this.milliCPU;
      case 'memory':
        return this.memory;
      case 'ephemeral-storage':
        return this.ephemeralStorage;
      case 'pods':
        return this.allowedPodNumber;
      default:
        return this.scalar?.get(name) ?? 0;
    }
  }

  /** this += other (scaled by `sign`: +1 to add a pod, -1 to remove it). */
  addResource(other: Resource, sign: 1 | -1): void {
    this.milliCPU += sign * other.milliCPU;
    this.memory += sign * other.memory;
    this.ephemeralStorage += sign * other.ephemeralStorage;
    if (other.scalar) {
      if (!this.scalar) this.scalar = new Map();
      for (const [k, v] of other.scalar) this.scalar.set(k, (this.scalar.get(k) ?? 0) + sign * v);
    }
  }

  /** True when nothing is requested (a best-effort pod for the Fit filter). */
  get isZero(): boolean {
    if (this.milliCPU !== 0 || this.memory !== 0 || this.ephemeralStorage !== 0) return false;
    if (this.scalar) for (const v of this.scalar.values()) if (v !== 0) return false;
    return true;
  }

  clone(): Resource {
    const r = new Resource();
    r.milliCPU = this.milliCPU;
    r.memory = this.memory;
    r.ephemeralStorage = this.ephemeralStorage;
    r.allowedPodNumber = this.allowedPodNumber;
    r.scalar = this.scalar ? new Map(this.scalar) : null;
    return r;
  }
}
