/**
 * What the scheduler knows about one node: the Node object, the pods on it, their summed requests, the host
 * ports they hold and the images present. Updated incrementally from watch events, never rebuilt per pod.
 * Models pkg/scheduler/framework/types.go (NodeInfo, HostPortInfo, ImageStateSummary).
 */
import type { Node, Taint } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types';
import type { Labels } from '../../api/labels';
import { Resource, toResourceList } from './resource';
import type { PodInfo } from './pod-info';

/** A node as stored. */
export type NodeObject = KubeObject & Node;

/** How widespread an image is: its size and how many nodes hold it (shared by every NodeInfo with the image). */
export interface ImageStateSummary {
  size: number;
  numNodes: number;
}

const BIND_ALL = '0.0.0.0';

/** Host ports in use on a node, by IP; a 0.0.0.0 binding conflicts with every IP. */
export class HostPortInfo {
  /** ip -> "protocol/port" -> number of pods holding it */
  private readonly byIp = new Map<string, Map<string, number>>();

  add(ip: string, protocol: string, port: number): void {
    if (port <= 0) return;
    const key = `${protocol || 'TCP'}/${port}`;
    const addr = ip || BIND_ALL;
    let m = this.byIp.get(addr);
    if (!m) this.byIp.set(addr, (m = new Map()));
    m.set(key, (m.get(key) ?? 0) + 1);
  }

  remove(ip: string, protocol: string, port: number): void {
    if (port <= 0) return;
    const key = `${protocol || 'TCP'}/${port}`;
    const addr = ip || BIND_ALL;
    const m = this.byIp.get(addr);
    const n = m?.get(key);
    if (!m || n === undefined) return;
    if (n <= 1) m.delete(key);
    else m.set(key, n - 1);
    if (m.size === 0) this.byIp.delete(addr);
  }

  /** Models HostPortInfo.CheckConflict. */
  checkConflict(ip: string, protocol: string, port: number): boolean {
    if (port <= 0) return false;
    const key = `${protocol || 'TCP'}/${port}`;
    const addr = ip || BIND_ALL;
    if (addr === BIND_ALL) {
      for (const m of this.byIp.values()) if (m.has(key)) return true;
      return false;
    }
    return !!this.byIp.get(BIND_ALL)?.has(key) || !!this.byIp.get(addr)?.has(key);
  }

  get size(): number {
    return this.byIp.size;
  }

  clone(): HostPortInfo {
    const c = new HostPortInfo();
    for (const [ip, m] of this.byIp) c.byIp.set(ip, new Map(m));
    return c;
  }
}

let generationCounter = 0;

/** The scheduler's per-node aggregate. */
export class NodeInfo {
  /** The Node object; null while pods reference a node the scheduler has not seen (or that was deleted). */
  node: NodeObject | null = null;
  pods: PodInfo[] = [];
  podsWithAffinity: PodInfo[] = [];
  podsWithRequiredAntiAffinity: PodInfo[] = [];
  usedPorts = new HostPortInfo();
  /** Sum of the pods' requests (Fit filter). */
  requested = new Resource();
  /** Sum of the pods' requests with 100m / 200Mi defaults for unset keys (scoring). */
  nonZeroRequested = new Resource();
  allocatable = new Resource();
  /** Images on the node by normalized name, pointing at cluster-wide summaries. */
  imageStates = new Map<string, ImageStateSummary>();
  /** Bumped on every change (lets caches tell whether a node changed). */
  generation = ++generationCounter;
  private readonly podIndex = new Map<string, number>();

  constructor(readonly name: string) {}

  get labels(): Labels {
    return this.node?.metadata.labels;
  }

  get taints(): readonly Taint[] {
    return this.node?.spec?.taints ?? NO_TAINTS;
  }

  /** Sets or replaces the Node object and recomputes allocatable. Image states are set by the cache. */
  setNode(node: NodeObject): void {
    this.node = node;
    this.allocatable = Resource.from(toResourceList(node.status?.allocatable as Record<string, string> | undefined));
    this.generation = ++generationCounter;
  }

  /** True when the pod (by uid) is accounted on this node. */
  hasPod(uid: string): boolean {
    return this.podIndex.has(uid);
  }

  /** Models NodeInfo.AddPodInfo. */
  addPod(pi: PodInfo): void {
    this.podIndex.set(pi.uid, this.pods.length);
    this.pods.push(pi);
    if (pi.hasAffinity) this.podsWithAffinity.push(pi);
    if (pi.hasRequiredAntiAffinity) this.podsWithRequiredAntiAffinity.push(pi);
    this.update(pi, 1);
  }

  /** Models NodeInfo.RemovePod. Returns false when the pod was not on this node. */
  removePod(uid: string): boolean {
    const i = this.podIndex.get(uid);
    if (i === undefined) return false;
    const pi = this.pods[i]!;
    // Swap-remove keeps removal O(1); pod order on a node carries no meaning.
    const last = this.pods.pop()!;
    if (last !== pi) {
      this.pods[i] = last;
      this.podIndex.set(last.uid, i);
    }
    this.podIndex.delete(uid);
    if (pi.hasAffinity) removeFrom(this.podsWithAffinity, pi);
    if (pi.hasRequiredAntiAffinity) removeFrom(this.podsWithRequiredAntiAffinity, pi);
    this.update(pi, -1);
    return true;
  }

  private update(pi: PodInfo, sign: 1 | -1): void {
    this.requested.addResource(pi.requests, sign);
    this.nonZeroRequested.milliCPU += sign * pi.nonZeroCPU;
    this.nonZeroRequested.memory += sign * pi.nonZeroMemory;
    for (const p of pi.hostPorts) {
      if (sign > 0) this.usedPorts.add(p.ip, p.protocol, p.port);
      else this.usedPorts.remove(p.ip, p.protocol, p.port);
    }
    this.generation = ++generationCounter;
  }

  /** A copy whose pods and sums can be changed without touching this one (preemption dry runs). */
  clone(): NodeInfo {
    const c = new NodeInfo(this.name);
    c.node = this.node;
    c.pods = [...this.pods];
    for (let i = 0; i < c.pods.length; i++) c.podIndex.set(c.pods[i]!.uid, i);
    c.podsWithAffinity = [...this.podsWithAffinity];
    c.podsWithRequiredAntiAffinity = [...this.podsWithRequiredAntiAffinity];
    c.usedPorts = this.usedPorts.clone();
    c.requested = this.requested.clone();
    c.nonZeroRequested = this.nonZeroRequested.clone();
    c.allocatable = this.allocatable;
    c.imageStates = this.imageStates;
    c.generation = this.generation;
    return c;
  }
}

const NO_TAINTS: readonly Taint[] = [];

function removeFrom(list: PodInfo[], pi: PodInfo): void {
  const i = list.findIndex((p) => p.uid === pi.uid);
  if (i >= 0) {
    list[i] = list[list.length - 1]!;
    list.pop();
  }
}
