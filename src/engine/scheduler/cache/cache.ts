/**
 * The scheduler's view of the cluster: one NodeInfo per node, kept in step with Node and Pod watch events
 * (bound, non-terminal pods only, as the scheduler's pod informer filters out Succeeded/Failed pods).
 * Models pkg/scheduler/backend/cache/cache.go and snapshot.go. Divergence: there is no separate snapshot;
 * a scheduling cycle runs inside one clock task, so the cache cannot change under it.
 */
import type { SnapshotLister } from '../framework/interface';
import { NodeInfo, type ImageStateSummary, type NodeObject } from '../framework/node-info';
import { PodInfo, type PodObject } from '../framework/pod-info';
import { PodIndex } from '../framework/pod-index';
import { NodeTree, zoneKey } from './node-tree';

interface ImageState {
  summary: ImageStateSummary;
  nodes: Set<string>;
}

/** True for pods the scheduler accounts on a node: bound and not Succeeded/Failed. */
export function isAccountedPod(pod: PodObject): boolean {
  const phase = pod.status?.phase;
  return !!pod.spec?.nodeName && phase !== 'Succeeded' && phase !== 'Failed';
}

/** The scheduler cache; also the snapshot plugins read. */
export class SchedulerCache implements SnapshotLister {
  private readonly nodes = new Map<string, NodeInfo>();
  private readonly tree = new NodeTree();
  /** Bound pods by uid, with the PodInfo that is currently accounted. */
  private readonly pods = new Map<string, PodInfo>();
  private readonly images = new Map<string, ImageState>();
  readonly podIndex = new PodIndex();
  /** topology key -> value -> nodes carrying it; built per key on first use, then kept current. */
  private readonly domains = new Map<string, Map<string, Set<string>>>();
  private nodeList: NodeInfo[] | null = null;
  private affinityList: NodeInfo[] | null = null;
  private antiAffinityList: NodeInfo[] | null = null;

  /** Number of nodes with a Node object. */
  get numNodes(): number {
    return this.list().length;
  }

  list(): readonly NodeInfo[] {
    if (!this.nodeList) this.nodeList = this.tree.list().map((n) => this.nodes.get(n)!);
    return this.nodeList;
  }

  get(name: string): NodeInfo | undefined {
    return this.nodes.get(name);
  }

  havePodsWithAffinityList(): readonly NodeInfo[] {
    if (!this.affinityList) this.affinityList = this.list().filter((n) => n.podsWithAffinity.length > 0);
    return this.affinityList;
  }

  havePodsWithRequiredAntiAffinityList(): readonly NodeInfo[] {
    if (!this.antiAffinityList) this.antiAffinityList = this.list().filter((n) => n.podsWithRequiredAntiAffinity.length > 0);
    return this.antiAffinityList;
  }

  /**
   * The values of a node label across the nodes that have it (topology domains), with the nodes in each.
   * Lets topology spreading enumerate domains without scanning every node.
   */
  topologyDomains(key: string): ReadonlyMap<string, ReadonlySet<string>> {
    let m = this.domains.get(key);
    if (!m) {
      m = new Map();
      for (const ni of this.list()) {
        const v = ni.labels?.[key];
        if (v !== undefined) addDomain(m, v, ni.name);
      }
      this.domains.set(key, m);
    }
    return m;
  }

  private indexDomains(node: NodeObject, sign: 1 | -1): void {
    const labels = node.metadata.labels;
    if (!labels) return;
    for (const [key, m] of this.domains) {
      const v = labels[key];
      if (v === undefined) continue;
      if (sign > 0) addDomain(m, v, node.metadata.name);
      else {
        const set = m.get(v);
        set?.delete(node.metadata.name);
        if (set && set.size === 0) m.delete(v);
      }
    }
  }

  /** The PodInfo accounted for a bound pod, if any. */
  podInfo(uid: string): PodInfo | undefined {
    return this.pods.get(uid);
  }

  // --- nodes ---------------------------------------------------------------------------------------------

  addNode(node: NodeObject): NodeInfo {
    const name = node.metadata.name;
    let ni = this.nodes.get(name);
    if (!ni) this.nodes.set(name, (ni = new NodeInfo(name)));
    if (ni.node) {
      this.updateNode(ni.node, node);
      return ni;
    }
    ni.setNode(node);
    this.setImages(ni, node);
    this.tree.add(name, zoneKey(node.metadata.labels));
    this.indexDomains(node, 1);
    this.invalidateLists();
    return ni;
  }

  updateNode(oldNode: NodeObject, node: NodeObject): void {
    const ni = this.nodes.get(node.metadata.name);
    if (!ni || !ni.node) {
      this.addNode(node);
      return;
    }
    const oldZone = zoneKey(oldNode.metadata.labels);
    const newZone = zoneKey(node.metadata.labels);
    // Index from the node we had (the watch's old object may lag behind what we stored).
    this.indexDomains(ni.node, -1);
    ni.setNode(node);
    this.indexDomains(node, 1);
    if (JSON.stringify(oldNode.status?.images ?? null) !== JSON.stringify(node.status?.images ?? null)) {
      this.clearImages(ni);
      this.setImages(ni, node);
    }
    if (oldZone !== newZone) {
      this.tree.remove(ni.name, oldZone);
      this.tree.add(ni.name, newZone);
      this.invalidateLists();
    }
  }

  /** Models cache.RemoveNode: the NodeInfo stays (without a Node) while pods still reference it. */
  removeNode(node: NodeObject): void {
    const ni = this.nodes.get(node.metadata.name);
    if (!ni || !ni.node) return;
    this.tree.remove(ni.name, zoneKey(ni.node.metadata.labels));
    this.indexDomains(ni.node, -1);
    this.clearImages(ni);
    ni.node = null;
    if (ni.pods.length === 0) this.nodes.delete(ni.name);
    this.invalidateLists();
  }

  private setImages(ni: NodeInfo, node: NodeObject): void {
    const sums = new Map<string, ImageStateSummary>();
    for (const img of node.status?.images ?? []) {
      for (const name of img.names ?? []) {
        let st = this.images.get(name);
        if (!st) this.images.set(name, (st = { summary: { size: img.sizeBytes ?? 0, numNodes: 0 }, nodes: new Set() }));
        if (!st.nodes.has(ni.name)) {
          st.nodes.add(ni.name);
          st.summary.numNodes = st.nodes.size;
        }
        sums.set(name, st.summary);
      }
    }
    ni.imageStates = sums;
  }

  private clearImages(ni: NodeInfo): void {
    for (const name of ni.imageStates.keys()) {
      const st = this.images.get(name);
      if (!st) continue;
      st.nodes.delete(ni.name);
      st.summary.numNodes = st.nodes.size;
      if (st.nodes.size === 0) this.images.delete(name);
    }
    ni.imageStates = new Map();
  }

  // --- pods ----------------------------------------------------------------------------------------------

  /** Accounts a bound pod (idempotent per uid: a second add replaces the first). */
  addPod(pod: PodObject): PodInfo | undefined {
    if (!isAccountedPod(pod)) return undefined;
    const uid = pod.metadata.uid ?? `${pod.metadata.namespace}/${pod.metadata.name}`;
    const prev = this.pods.get(uid);
    if (prev) this.forget(prev);
    const pi = PodInfo.of(pod, prev);
    let ni = this.nodes.get(pi.nodeName);
    if (!ni) this.nodes.set(pi.nodeName, (ni = new NodeInfo(pi.nodeName)));
    ni.addPod(pi);
    this.pods.set(uid, pi);
    this.podIndex.add(pi);
    if (pi.hasAffinity) this.affinityList = null;
    if (pi.hasRequiredAntiAffinity) this.antiAffinityList = null;
    return pi;
  }

  /** Applies a new version of a pod: re-accounts it, or drops it once it is terminal or unbound. */
  updatePod(pod: PodObject): PodInfo | undefined {
    if (!isAccountedPod(pod)) {
      this.removePod(pod);
      return undefined;
    }
    return this.addPod(pod);
  }

  /** Drops a pod. Returns the PodInfo that was accounted, if any. */
  removePod(pod: PodObject): PodInfo | undefined {
    const uid = pod.metadata.uid ?? `${pod.metadata.namespace}/${pod.metadata.name}`;
    const prev = this.pods.get(uid);
    if (!prev) return undefined;
    this.forget(prev);
    this.pods.delete(uid);
    return prev;
  }

  private forget(pi: PodInfo): void {
    const ni = this.nodes.get(pi.nodeName);
    if (ni) {
      ni.removePod(pi.uid);
      if (!ni.node && ni.pods.length === 0) this.nodes.delete(ni.name);
    }
    this.podIndex.remove(pi);
    if (pi.hasAffinity) this.affinityList = null;
    if (pi.hasRequiredAntiAffinity) this.antiAffinityList = null;
  }

  private invalidateLists(): void {
    this.nodeList = null;
    this.affinityList = null;
    this.antiAffinityList = null;
  }
}

function addDomain(m: Map<string, Set<string>>, value: string, node: string): void {
  let set = m.get(value);
  if (!set) m.set(value, (set = new Set()));
  set.add(node);
}
