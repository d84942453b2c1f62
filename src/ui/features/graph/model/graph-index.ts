/**
 * One pass over the mirrored objects that every view and panel reads from: objects by kind, pods by node, children
 * by controller, events by the object they are about. Built once per store update and shared by all readers.
 */
import type { KubeObject } from '../../../../engine';
import type { ObjectId } from '../../../../protocol/messages';

/** Lookup tables over one version of the store's objects. */
export interface GraphIndex {
  objects: Readonly<Record<ObjectId, KubeObject>>;
  /** Objects per kind, sorted by namespace then name (Events excluded: see `eventsFor`). */
  byKind: ReadonlyMap<string, readonly KubeObject[]>;
  byUid: ReadonlyMap<string, KubeObject>;
  /** Pods per `spec.nodeName` ('' for pods not yet scheduled), sorted by namespace then name. */
  podsByNode: ReadonlyMap<string, readonly KubeObject[]>;
  /** Objects per controller uid (the ownerReference with `controller: true`). */
  childrenOf: ReadonlyMap<string, readonly KubeObject[]>;
  /** Events per involved object, keyed `Kind/namespace/name` (or `Kind/name`), unsorted. */
  eventsFor: ReadonlyMap<string, readonly KubeObject[]>;
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

function push(map: Map<string, KubeObject[]>, key: string, obj: KubeObject): void {
  const list = map.get(key);
  if (list) list.push(obj);
  else map.set(key, [obj]);
}

/** The uid of the object's controller, if it has one. */
export function controllerUid(obj: KubeObject): string | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller)?.uid;
}

/** The key events use for the object they are about (same shape as an ObjectId). */
export function involvedKey(kind: string, namespace: string | undefined, name: string): string {
  return namespace ? `${kind}/${namespace}/${name}` : `${kind}/${name}`;
}

/** Builds the index (use `graphIndex` to share one per store version). */
export function buildGraphIndex(objects: Readonly<Record<ObjectId, KubeObject>>): GraphIndex {
  const byKind = new Map<string, KubeObject[]>();
  const byUid = new Map<string, KubeObject>();
  const podsByNode = new Map<string, KubeObject[]>();
  const childrenOf = new Map<string, KubeObject[]>();
  const eventsFor = new Map<string, KubeObject[]>();
  const namespaces = new Set<string>();
  for (const obj of Object.values(objects)) {
    if (obj.kind === 'Event') {
      const inv = obj.involvedObject as { kind?: string; namespace?: string; name?: string } | undefined;
      if (inv?.kind && inv.name) push(eventsFor, involvedKey(inv.kind, inv.namespace, inv.name), obj);
      continue;
    }
    push(byKind, obj.kind, obj);
    if (obj.metadata.uid) byUid.set(obj.metadata.uid, obj);
    if (obj.metadata.namespace) namespaces.add(obj.metadata.namespace);
    if (obj.kind === 'Namespace') namespaces.add(obj.metadata.name);
    if (obj.kind === 'Pod') push(podsByNode, (obj.spec as { nodeName?: string } | undefined)?.nodeName ?? '', obj);
    const owner = controllerUid(obj);
    if (owner) push(childrenOf, owner, obj);
  }
  for (const list of byKind.values()) list.sort(byNamespaceAndName);
  for (const list of podsByNode.values()) list.sort(byNamespaceAndName);
  for (const list of childrenOf.values()) list.sort(byNamespaceAndName);
  return { objects, byKind, byUid, podsByNode, childrenOf, eventsFor, namespaces: [...namespaces].sort() };
}

let lastObjects: Readonly<Record<ObjectId, KubeObject>> | undefined;
let lastIndex: GraphIndex | undefined;

/** The index of `objects`, built once per store version and shared (the store replaces `objects` on change). */
export function graphIndex(objects: Readonly<Record<ObjectId, KubeObject>>): GraphIndex {
  if (objects !== lastObjects || !lastIndex) {
    lastIndex = buildGraphIndex(objects);
    lastObjects = objects;
  }
  return lastIndex;
}

/** Objects of `kind`, restricted to `namespace` unless it is '' (all namespaces). */
export function ofKind(ix: GraphIndex, kind: string, namespace: string): readonly KubeObject[] {
  const all = ix.byKind.get(kind) ?? EMPTY;
  return namespace === '' ? all : all.filter((o) => o.metadata.namespace === namespace);
}

/** The object's controller, when it has one and it is in the store. */
export function controllerOf(ix: GraphIndex, obj: KubeObject): KubeObject | undefined {
  const uid = controllerUid(obj);
  return uid ? ix.byUid.get(uid) : undefined;
}
