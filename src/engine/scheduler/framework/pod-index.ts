/**
 * Indexes over the pods bound to nodes, so label-selector questions ("which pods match app=web?", "how many per
 * node?") cost O(matching pods) instead of O(all pods). Upstream answers them by scanning every NodeInfo in
 * parallel; at 150k pods that scan per scheduling attempt is what this index avoids.
 * Divergence: an implementation aid with no upstream counterpart; results equal the upstream scans.
 */
import { matches, type Selector } from '../../api/labels';
import type { PodInfo } from './pod-info';

/** Per-node counts of the non-terminating pods of one namespace that match one selector. */
export class MatchCounter {
  /** node name -> matching pods on it (only nodes with at least one) */
  readonly byNode = new Map<string, number>();
  lastUsed = 0;

  constructor(
    readonly namespace: string,
    readonly selector: Selector,
  ) {}

  /** Models podtopologyspread countPodsMatchSelector's predicate. */
  counts(pi: PodInfo): boolean {
    return !pi.isTerminating && pi.namespace === this.namespace && matches(this.selector, pi.labels);
  }

  adjust(nodeName: string, delta: number): void {
    const n = (this.byNode.get(nodeName) ?? 0) + delta;
    if (n <= 0) this.byNode.delete(nodeName);
    else this.byNode.set(nodeName, n);
  }

  /** Matching pods on `nodeName`. */
  count(nodeName: string): number {
    return this.byNode.get(nodeName) ?? 0;
  }
}

const MAX_COUNTERS = 512;

/** The index of bound pods. The scheduler cache keeps it in step with its NodeInfos. */
export class PodIndex {
  /** "key\u0000value" -> pods carrying that label */
  private readonly byLabel = new Map<string, Set<PodInfo>>();
  /** namespace -> pods */
  private readonly byNamespace = new Map<string, Set<PodInfo>>();
  private readonly all = new Set<PodInfo>();
  private readonly counters = new Map<string, MatchCounter>();
  /**
   * Counters by namespace, then by one equality requirement of their selector ("key\u0000value"; '' for
   * selectors without one), so a pod event only checks counters that could match it.
   */
  private readonly countersByNs = new Map<string, Map<string, Set<MatchCounter>>>();
  private tick = 0;

  get size(): number {
    return this.all.size;
  }

  add(pi: PodInfo): void {
    this.all.add(pi);
    addTo(this.byNamespace, pi.namespace, pi);
    const labels = pi.labels;
    if (labels) for (const k of Object.keys(labels)) addTo(this.byLabel, `${k}\u0000${labels[k]}`, pi);
    this.forEachCounterOf(pi, (c) => c.adjust(pi.nodeName, 1));
  }

  remove(pi: PodInfo): void {
    if (!this.all.delete(pi)) return;
    removeFrom(this.byNamespace, pi.namespace, pi);
    const labels = pi.labels;
    if (labels) for (const k of Object.keys(labels)) removeFrom(this.byLabel, `${k}\u0000${labels[k]}`, pi);
    this.forEachCounterOf(pi, (c) => c.adjust(pi.nodeName, -1));
  }

  /** Calls `fn` for every counter that counts `pi`. */
  private forEachCounterOf(pi: PodInfo, fn: (c: MatchCounter) => void): void {
    const byReq = this.countersByNs.get(pi.namespace);
    if (!byReq) return;
    const visit = (set: Set<MatchCounter> | undefined) => {
      if (set) for (const c of set) if (c.counts(pi)) fn(c);
    };
    visit(byReq.get(''));
    const labels = pi.labels;
    if (labels) for (const k of Object.keys(labels)) visit(byReq.get(`${k}\u0000${labels[k]}`));
  }

  private counterSlot(c: MatchCounter): string {
    const r = c.selector.find((x) => (x.op === '=' || x.op === 'In') && x.values.length === 1);
    return r ? `${r.key}\u0000${r.values[0]}` : '';
  }

  /**
   * Calls `fn` for every bound pod that could match `selector` (a superset: callers still check namespaces and
   * the full selector). `namespace` narrows the scan when the caller only cares about one namespace.
   */
  forEachCandidate(selector: Selector, namespace: string | undefined, fn: (pi: PodInfo) => void): void {
    let best: Iterable<PodInfo> | null = null;
    let bestSize = Infinity;
    for (const r of selector) {
      if (r.op !== '=' && r.op !== 'In') continue;
      let size = 0;
      for (const v of r.values) size += this.byLabel.get(`${r.key}\u0000${v}`)?.size ?? 0;
      if (size < bestSize) {
        bestSize = size;
        best = r.values.length === 1 ? this.byLabel.get(`${r.key}\u0000${r.values[0]}`) ?? EMPTY : unionOf(r.values.map((v) => this.byLabel.get(`${r.key}\u0000${v}`) ?? EMPTY));
      }
    }
    if (best === null) best = namespace !== undefined ? this.byNamespace.get(namespace) ?? EMPTY : this.all;
    for (const pi of best) fn(pi);
  }

  /** The (cached, incrementally maintained) per-node counter for `selector` in `namespace`. */
  counter(namespace: string, selector: Selector): MatchCounter {
    const key = `${namespace}\u0000${JSON.stringify(selector)}`;
    let c = this.counters.get(key);
    if (!c) {
      c = new MatchCounter(namespace, selector);
      const counter = c;
      this.forEachCandidate(selector, namespace, (pi) => {
        if (counter.counts(pi)) counter.adjust(pi.nodeName, 1);
      });
      this.counters.set(key, c);
      let byReq = this.countersByNs.get(namespace);
      if (!byReq) this.countersByNs.set(namespace, (byReq = new Map()));
      const slot = this.counterSlot(c);
      let set = byReq.get(slot);
      if (!set) byReq.set(slot, (set = new Set()));
      set.add(c);
      if (this.counters.size > MAX_COUNTERS) this.evict();
    }
    c.lastUsed = ++this.tick;
    return c;
  }

  private evict(): void {
    // Drop the least recently used half: counters for selectors nobody schedules against anymore (old ReplicaSets).
    const sorted = [...this.counters.entries()].sort((a, b) => a[1].lastUsed - b[1].lastUsed);
    for (const [key, c] of sorted.slice(0, sorted.length >> 1)) {
      this.counters.delete(key);
      const byReq = this.countersByNs.get(c.namespace);
      const slot = this.counterSlot(c);
      byReq?.get(slot)?.delete(c);
      if (byReq?.get(slot)?.size === 0) byReq.delete(slot);
    }
  }
}

const EMPTY: ReadonlySet<PodInfo> = new Set();

function* unionOf(sets: readonly ReadonlySet<PodInfo>[]): Iterable<PodInfo> {
  for (const s of sets) yield* s;
}

function addTo<K>(m: Map<K, Set<PodInfo>>, k: K, pi: PodInfo): void {
  let s = m.get(k);
  if (!s) m.set(k, (s = new Set()));
  s.add(pi);
}

function removeFrom<K>(m: Map<K, Set<PodInfo>>, k: K, pi: PodInfo): void {
  const s = m.get(k);
  if (!s) return;
  s.delete(pi);
  if (s.size === 0) m.delete(k);
}
