/**
 * CPU and memory bookkeeping for the node cards and the charts: what each pod requests and what each node offers.
 */
import { parseQuantity } from '../../../../engine';
import type { KubeObject } from '../../../../engine';

/** CPU in millicores and memory in bytes. */
export interface CpuMem {
  cpuMilli: number;
  memBytes: number;
}

interface ContainerLike {
  resources?: { requests?: Record<string, string | number> };
  restartPolicy?: string;
}

function quantity(v: string | number | undefined): number {
  if (v === undefined) return 0;
  try {
    return parseQuantity(v);
  } catch {
    return 0;
  }
}

function containerRequests(c: ContainerLike): CpuMem {
  const r = c.resources?.requests ?? {};
  return { cpuMilli: Math.round(quantity(r.cpu) * 1000), memBytes: quantity(r.memory) };
}

const requestCache = new WeakMap<KubeObject, CpuMem>();

/**
 * What a pod asks the scheduler for: the sum of its app containers and sidecars, or the largest ordinary init
 * container if that is more, plus the pod overhead.
 */
// Models pkg/api/v1/resource/helpers.go PodRequests (without in-place resize accounting).
export function podRequests(pod: KubeObject): CpuMem {
  let v = requestCache.get(pod);
  if (v) return v;
  const spec = (pod.spec ?? {}) as { containers?: ContainerLike[]; initContainers?: ContainerLike[]; overhead?: Record<string, string> };
  let cpu = 0;
  let mem = 0;
  for (const c of spec.containers ?? []) {
    const r = containerRequests(c);
    cpu += r.cpuMilli;
    mem += r.memBytes;
  }
  let initCpu = 0;
  let initMem = 0;
  let sidecarCpu = 0;
  let sidecarMem = 0;
  for (const c of spec.initContainers ?? []) {
    const r = containerRequests(c);
    if (c.restartPolicy === 'Always') {
      sidecarCpu += r.cpuMilli;
      sidecarMem += r.memBytes;
      cpu += r.cpuMilli;
      mem += r.memBytes;
    } else {
      // An ordinary init container runs beside the sidecars started before it.
      initCpu = Math.max(initCpu, r.cpuMilli + sidecarCpu);
      initMem = Math.max(initMem, r.memBytes + sidecarMem);
    }
  }
  v = {
    cpuMilli: Math.max(cpu, initCpu) + Math.round(quantity(spec.overhead?.cpu) * 1000),
    memBytes: Math.max(mem, initMem) + quantity(spec.overhead?.memory),
  };
  requestCache.set(pod, v);
  return v;
}

/** True for pods that no longer hold node resources (Succeeded or Failed). */
export function isPodTerminal(pod: KubeObject): boolean {
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** The node's allocatable CPU and memory (what the scheduler may hand out). */
export function nodeAllocatable(node: KubeObject): CpuMem {
  const a = ((node.status as { allocatable?: Record<string, string> } | undefined)?.allocatable) ?? {};
  return { cpuMilli: Math.round(quantity(a.cpu) * 1000), memBytes: quantity(a.memory) };
}

/** The sum of requests of the non-terminal pods in `pods` (the "Allocated resources" of `kubectl describe node`). */
export function sumRequests(pods: readonly KubeObject[]): CpuMem {
  let cpuMilli = 0;
  let memBytes = 0;
  for (const p of pods) {
    if (isPodTerminal(p)) continue;
    const r = podRequests(p);
    cpuMilli += r.cpuMilli;
    memBytes += r.memBytes;
  }
  return { cpuMilli, memBytes };
}

/** A CPU amount for humans: `250m`, `1.5`, `4`. */
export function formatCpu(milli: number): string {
  if (milli < 1000) return `${milli}m`;
  const cores = milli / 1000;
  return Number.isInteger(cores) ? String(cores) : cores.toFixed(cores < 10 ? 2 : 1).replace(/0+$/, '').replace(/\.$/, '');
}

/** A memory amount for humans, in binary units: `128Mi`, `1.5Gi`, `8Gi`. */
export function formatMem(bytes: number): string {
  const units: [string, number][] = [['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]];
  for (const [u, f] of units) {
    if (bytes >= f) {
      const n = bytes / f;
      return `${Number.isInteger(n) ? n : n.toFixed(n < 10 ? 2 : 1).replace(/0+$/, '').replace(/\.$/, '')}${u}`;
    }
  }
  return String(bytes);
}
