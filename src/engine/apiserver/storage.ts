/**
 * Object storage with the indexes controllers need to stay off O(all objects): by kind+namespace, by owner uid,
 * and pods by node. Iteration order is sorted by namespace then name, as a real apiserver lists (etcd key order).
 */
import type { KubeObject } from '../api/types';

interface Table {
  /** namespace ('' for cluster-scoped) -> name -> object */
  byNs: Map<string, Map<string, KubeObject>>;
  count: number;
}

/** The stored objects of every kind. */
export class ObjectStore {
  private readonly tables = new Map<string, Table>();
  /** owner uid -> set of `kind/ns/name` of dependents */
  private readonly owned = new Map<string, Set<string>>();
  /** uid -> `kind/ns/name` of every stored object */
  private readonly uids = new Map<string, string>();
  /** node name -> pod keys `ns/name` */
  private readonly podsByNode = new Map<string, Set<string>>();

  get(kind: string, ns: string | undefined, name: string): KubeObject | undefined {
    return this.tables.get(kind)?.byNs.get(ns ?? '')?.get(name);
  }

  /** Objects of a kind, in one namespace or all, sorted by namespace then name. */
  list(kind: string, ns?: string): KubeObject[] {
    const t = this.tables.get(kind);
    if (!t) return [];
    if (ns !== undefined) return sortedValues(t.byNs.get(ns));
    const out: KubeObject[] = [];
    for (const n of [...t.byNs.keys()].sort()) out.push(...sortedValues(t.byNs.get(n)));
    return out;
  }

  count(kind: string): number {
    return this.tables.get(kind)?.count ?? 0;
  }

  /** Kinds that have at least one object. */
  kinds(): string[] {
    return [...this.tables.entries()].filter(([, t]) => t.count > 0).map(([k]) => k);
  }

  /** Keys (`Kind/ns/name`) of objects whose ownerReferences name `uid`. */
  dependents(uid: string): readonly string[] {
    return [...(this.owned.get(uid) ?? [])];
  }

  /** The stored object with this uid, if any (owner lookups by the garbage collector). */
  byUid(uid: string): KubeObject | undefined {
    const key = this.uids.get(uid);
    if (!key) return undefined;
    const [kind, ns, ...rest] = key.split('/');
    return this.get(kind!, ns || undefined, rest.join('/'));
  }

  /** Pods bound to `node` (any phase). */
  podsOnNode(node: string): KubeObject[] {
    const keys = this.podsByNode.get(node);
    if (!keys) return [];
    const out: KubeObject[] = [];
    for (const k of keys) {
      const i = k.indexOf('/');
      const p = this.get('Pod', k.slice(0, i), k.slice(i + 1));
      if (p) out.push(p);
    }
    return out;
  }

  put(obj: KubeObject): void {
    const kind = obj.kind;
    const ns = obj.metadata.namespace ?? '';
    let t = this.tables.get(kind);
    if (!t) this.tables.set(kind, (t = { byNs: new Map(), count: 0 }));
    let m = t.byNs.get(ns);
    if (!m) t.byNs.set(ns, (m = new Map()));
    const prev = m.get(obj.metadata.name);
    if (prev) this.unindex(prev);
    else t.count++;
    m.set(obj.metadata.name, obj);
    this.index(obj);
  }

  delete(kind: string, ns: string | undefined, name: string): void {
    const t = this.tables.get(kind);
    const m = t?.byNs.get(ns ?? '');
    const prev = m?.get(name);
    if (!prev) return;
    this.unindex(prev);
    m!.delete(name);
    t!.count--;
  }

  private index(obj: KubeObject): void {
    const key = `${obj.kind}/${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
    if (obj.metadata.uid) this.uids.set(obj.metadata.uid, key);
    for (const ref of obj.metadata.ownerReferences ?? []) {
      let s = this.owned.get(ref.uid);
      if (!s) this.owned.set(ref.uid, (s = new Set()));
      s.add(key);
    }
    if (obj.kind === 'Pod') {
      const node = (obj.spec as { nodeName?: string } | undefined)?.nodeName;
      if (node) {
        let s = this.podsByNode.get(node);
        if (!s) this.podsByNode.set(node, (s = new Set()));
        s.add(`${obj.metadata.namespace}/${obj.metadata.name}`);
      }
    }
  }

  private unindex(obj: KubeObject): void {
    const key = `${obj.kind}/${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
    if (obj.metadata.uid) this.uids.delete(obj.metadata.uid);
    for (const ref of obj.metadata.ownerReferences ?? []) {
      const s = this.owned.get(ref.uid);
      s?.delete(key);
      if (s && s.size === 0) this.owned.delete(ref.uid);
    }
    if (obj.kind === 'Pod') {
      const node = (obj.spec as { nodeName?: string } | undefined)?.nodeName;
      if (node) this.podsByNode.get(node)?.delete(`${obj.metadata.namespace}/${obj.metadata.name}`);
    }
  }
}

function sortedValues(m: Map<string, KubeObject> | undefined): KubeObject[] {
  if (!m) return [];
  return [...m.keys()].sort().map((k) => m.get(k)!);
}
