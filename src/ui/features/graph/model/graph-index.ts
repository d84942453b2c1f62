/**
 * Lookup tables over the mirrored objects that every view and panel reads from: objects by kind, pods by node,
 * children by controller, events by the object they are about. Kept up to date incrementally: each store version
 * is compared with the previous one by object identity (the store hands out a new object per new version), and
 * only the buckets that changed are rebuilt, so lists that did not change keep their identity between frames.
 */
import type { KubeObject } from '../../../../engine';
import type { ObjectId } from '../../../../protocol/messages';

/** Read access to one version of the store's objects. Lists are sorted by namespace then name. */
export interface GraphIndex {
  objects: Readonly<Record<ObjectId, KubeObject>>;
  /** Objects of one kind (Events excluded: see `eventsFor`). */
  kind(kind: string): readonly KubeObject[];
  byUid(uid: string): KubeObject | undefined;
  /** Pods whose `spec.nodeName` is `nodeName` ('' for pods not yet scheduled). */
  podsOnNode(nodeName: string): readonly KubeObject[];
  /** Objects whose controller (the ownerReference with `controller: true`) has `uid`. */
  childrenOf(uid: string): readonly KubeObject[];
  /** Events about one object, keyed `Kind/namespace/name` (or `Kind/name`, the same shape as an ObjectId). */
  eventsFor(key: string): readonly KubeObject[];
  /** Every namespace that has an object or a Namespace object, sorted. */
  namespaces: readonly string[];
}

const EMPTY: readonly KubeObject[] = Object.freeze([]);

/** An empty list shared by all readers (a stable identity keeps memoised components from re-rendering). */
export function none(): readonly KubeObject[] {
  return EMPTY;
}

function byNamespaceAndName(a: KubeObject, b: KubeObject): number {
  const na = a.metadata.namespace ?? '';
  const nb = b.metadata.namespace ?? '';
  if (na !== nb) return na < nb ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

/** The uid of the object's controller, if it has one. */
export function controllerUid(obj: KubeObject): string | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller)?.uid;
}

/** The key events use for the object they are about (same shape as an ObjectId). */
export function involvedKey(kind: string, namespace: string | undefined, name: string): string {
  return namespace ? `${kind}/${namespace}/${name}` : `${kind}/${name}`;
}

function eventKey(ev: KubeObject): string | undefined {
  const inv = ev.involvedObject as { kind?: string; namespace?: string; name?: string } | undefined;
  return inv?.kind && inv.name ? involvedKey(inv.kind, inv.namespace, inv.name) : undefined;
}

/** Objects under one key, with their sorted list built on first read after a change. */
class Buckets {
  private readonly items = new Map<string, Map<ObjectId, KubeObject>>();
  private readonly sorted = new Map<string, readonly KubeObject[]>();

  add(key: string, id: ObjectId, obj: KubeObject): void {
    let m = this.items.get(key);
    if (!m) this.items.set(key, (m = new Map()));
    m.set(id, obj);
    this.sorted.delete(key);
  }

  remove(key: string, id: ObjectId): void {
    const m = this.items.get(key);
    if (!m?.delete(id)) return;
    if (m.size === 0) this.items.delete(key);
    this.sorted.delete(key);
  }

  list(key: string): readonly KubeObject[] {
    let l = this.sorted.get(key);
    if (!l) {
      const m = this.items.get(key);
      l = m ? [...m.values()].sort(byNamespaceAndName) : EMPTY;
      this.sorted.set(key, l);
    }
    return l;
  }

  clear(): void {
    this.items.clear();
    this.sorted.clear();
  }
}

/** Keeps the lookup tables in step with successive versions of the store's `objects`. */
export class GraphIndexer {
  private prev: Readonly<Record<ObjectId, KubeObject>> = {};
  private prevCount = 0;
  private readonly kinds = new Buckets();
  private readonly nodes = new Buckets();
  private readonly owners = new Buckets();
  private readonly events = new Buckets();
  private readonly uids = new Map<string, KubeObject>();
  private readonly namespaceCounts = new Map<string, number>();
  private namespaceList: readonly string[] = [];
  private namespacesDirty = false;
  private current: GraphIndex | undefined;

  /** The index of `objects` (the same index object while `objects` is the same record). */
  update(objects: Readonly<Record<ObjectId, KubeObject>>): GraphIndex {
    if (objects === this.prev && this.current) return this.current;
    const prev = this.prev;
    // Object.keys is much faster than for-in on records this large (they are in dictionary mode).
    const ids = Object.keys(objects);
    const count = ids.length;
    let added = 0;
    for (let i = 0; i < count; i++) {
      const id = ids[i]!;
      const obj = objects[id]!;
      const old = prev[id];
      if (old === obj) continue;
      if (old) this.remove(id, old);
      else added++;
      this.add(id, obj);
    }
    // Every id was either kept or added; anything else in the old record was deleted.
    if (count !== this.prevCount + added) {
      const oldIds = Object.keys(prev);
      for (let i = 0; i < oldIds.length; i++) {
        const id = oldIds[i]!;
        if (objects[id] === undefined) this.remove(id, prev[id]!);
      }
    }
    this.prev = objects;
    this.prevCount = count;
    if (this.namespacesDirty) {
      this.namespaceList = [...this.namespaceCounts.keys()].sort();
      this.namespacesDirty = false;
    }
    this.current = {
      objects,
      kind: (k) => this.kinds.list(k),
      byUid: (uid) => this.uids.get(uid),
      podsOnNode: (n) => this.nodes.list(n),
      childrenOf: (uid) => this.owners.list(uid),
      eventsFor: (key) => this.events.list(key),
      namespaces: this.namespaceList,
    };
    return this.current;
  }

  private add(id: ObjectId, obj: KubeObject): void {
    if (obj.kind === 'Event') {
      const key = eventKey(obj);
      if (key) this.events.add(key, id, obj);
      return;
    }
    this.kinds.add(obj.kind, id, obj);
    if (obj.metadata.uid) this.uids.set(obj.metadata.uid, obj);
    this.countNamespace(obj.kind === 'Namespace' ? obj.metadata.name : obj.metadata.namespace, 1);
    if (obj.kind === 'Pod') this.nodes.add((obj.spec as { nodeName?: string } | undefined)?.nodeName ?? '', id, obj);
    const owner = controllerUid(obj);
    if (owner) this.owners.add(owner, id, obj);
  }

  private remove(id: ObjectId, obj: KubeObject): void {
    if (obj.kind === 'Event') {
      const key = eventKey(obj);
      if (key) this.events.remove(key, id);
      return;
    }
    this.kinds.remove(obj.kind, id);
    if (obj.metadata.uid && this.uids.get(obj.metadata.uid) === obj) this.uids.delete(obj.metadata.uid);
    this.countNamespace(obj.kind === 'Namespace' ? obj.metadata.name : obj.metadata.namespace, -1);
    if (obj.kind === 'Pod') this.nodes.remove((obj.spec as { nodeName?: string } | undefined)?.nodeName ?? '', id);
    const owner = controllerUid(obj);
    if (owner) this.owners.remove(owner, id);
  }

  private countNamespace(ns: string | undefined, delta: number): void {
    if (!ns) return;
    const n = (this.namespaceCounts.get(ns) ?? 0) + delta;
    if (n <= 0) {
      this.namespaceCounts.delete(ns);
      this.namespacesDirty = true;
    } else {
      if (!this.namespaceCounts.has(ns)) this.namespacesDirty = true;
      this.namespaceCounts.set(ns, n);
    }
  }
}

/** Builds a fresh index of `objects` (tests; the app shares one through `graphIndex`). */
export function buildGraphIndex(objects: Readonly<Record<ObjectId, KubeObject>>): GraphIndex {
  return new GraphIndexer().update(objects);
}

const shared = new GraphIndexer();

/** The index of `objects`, kept up to date incrementally and shared by every reader of the store. */
export function graphIndex(objects: Readonly<Record<ObjectId, KubeObject>>): GraphIndex {
  return shared.update(objects);
}

/** Objects of `kind`, restricted to `namespace` unless it is '' (all namespaces). */
export function ofKind(ix: GraphIndex, kind: string, namespace: string): readonly KubeObject[] {
  const all = ix.kind(kind);
  return namespace === '' ? all : all.filter((o) => o.metadata.namespace === namespace);
}

/** The object's controller, when it has one and it is in the store. */
export function controllerOf(ix: GraphIndex, obj: KubeObject): KubeObject | undefined {
  const uid = controllerUid(obj);
  return uid ? ix.byUid(uid) : undefined;
}
