/**
 * Splits a container's pods into groups by controller (so a lane reads "web: 3 pods, api: 2 pods"), gives each pod
 * its sticky grid cell, and decides which groups show as a counter chip.
 */
import type { KubeObject } from '../../../../engine';
import { objectId, type ObjectId } from '../../../../protocol/messages';
import { AUTO_COLLAPSE_AT } from './geometry';
import { controllerOf, type GraphIndex } from './graph-index';
import { countStates } from './pod-state';
import { assignSlots, slotExtent, type SlotMap } from './slots';
import type { PodGroup, PodItem } from './types';

const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';

/** Who a pod's group is named after. */
interface GroupIdentity {
  key: string;
  collapseKey: string;
  ownerId?: ObjectId;
  label: string;
  labelKind?: string;
  revision?: string;
  prefix: string;
}

interface CachedIdentity {
  owner: KubeObject | undefined;
  grandOwner: KubeObject | undefined;
  identity: GroupIdentity;
}

const identityCache = new WeakMap<KubeObject, CachedIdentity>();

/** The group a pod belongs to: its controller, named after the workload a person created. */
export function groupIdentity(ix: GraphIndex, pod: KubeObject): GroupIdentity {
  const owner = controllerOf(ix, pod);
  const grandOwner = owner ? controllerOf(ix, owner) : undefined;
  const cached = identityCache.get(pod);
  // Valid while the pod, its controller and the controller's controller are the same versions (a ReplicaSet's
  // revision annotation changes on rollback; a ReplicaSet can be adopted by a Deployment).
  if (cached && cached.owner === owner && cached.grandOwner === grandOwner) return cached.identity;
  const identity = computeIdentity(ix, pod, owner);
  identityCache.set(pod, { owner, grandOwner, identity });
  return identity;
}

function computeIdentity(ix: GraphIndex, pod: KubeObject, owner: KubeObject | undefined): GroupIdentity {
  const ref = pod.metadata.ownerReferences?.find((r) => r.controller);
  if (!ref) return { key: 'none', collapseKey: `none/${pod.metadata.namespace ?? ''}`, label: '', prefix: '' };
  if (!owner) {
    // The controller is gone (or not mirrored): name the group from the reference itself.
    return { key: ref.uid, collapseKey: ref.uid, label: ref.name, labelKind: ref.kind, prefix: ref.kind === 'Node' ? '' : `${ref.name}-` };
  }
  if (owner.kind === 'ReplicaSet') {
    const deployment = controllerOf(ix, owner);
    const revision = owner.metadata.annotations?.[REVISION_ANNOTATION];
    if (deployment?.kind === 'Deployment') {
      return {
        key: ref.uid, collapseKey: deployment.metadata.uid ?? ref.uid, ownerId: objectId(owner), label: deployment.metadata.name,
        labelKind: 'Deployment', ...(revision ? { revision } : {}), prefix: `${owner.metadata.name}-`,
      };
    }
    return { key: ref.uid, collapseKey: ref.uid, ownerId: objectId(owner), label: owner.metadata.name, labelKind: 'ReplicaSet', prefix: `${owner.metadata.name}-` };
  }
  // Static pods are owned by their Node and named `<component>-<node>`: keep the whole name.
  const prefix = owner.kind === 'Node' ? '' : `${owner.metadata.name}-`;
  return { key: ref.uid, collapseKey: ref.uid, ownerId: objectId(owner), label: owner.metadata.name, labelKind: owner.kind, prefix };
}

/** StatefulSet pods sit at their ordinal; other pods get sticky cells. */
function ordinalOf(pod: KubeObject, prefix: string): number | undefined {
  const name = pod.metadata.name;
  if (!name.startsWith(prefix)) return undefined;
  const rest = name.slice(prefix.length);
  return /^\d+$/.test(rest) ? Number(rest) : undefined;
}

/** Options of `groupPods`. */
export interface GroupOptions {
  /** Prefix of the grid keys in the slot state (the container's id). */
  container: string;
  prevSlots: ReadonlyMap<string, SlotMap> | undefined;
  /** Receives the grids' new slot maps. */
  slotsOut: Map<string, SlotMap>;
  collapse: Readonly<Record<string, boolean>>;
  /** Place StatefulSet pods at their ordinal (the workloads view) instead of sticky cells. */
  ordinalCells?: boolean;
}

/** Groups `pods` (already filtered and sorted) by controller, in label order. */
export function groupPods(ix: GraphIndex, pods: readonly KubeObject[], opts: GroupOptions): PodGroup[] {
  const byKey = new Map<string, { identity: GroupIdentity; pods: KubeObject[]; ids: ObjectId[] }>();
  for (const pod of pods) {
    const identity = groupIdentity(ix, pod);
    const id = objectId(pod);
    const g = byKey.get(identity.key);
    if (g) {
      g.pods.push(pod);
      g.ids.push(id);
    } else byKey.set(identity.key, { identity, pods: [pod], ids: [id] });
  }
  const groups: PodGroup[] = [];
  for (const { identity, pods: members, ids } of byKey.values()) {
    const gridKey = `${opts.container}|${identity.key}`;
    let slots: SlotMap;
    if (opts.ordinalCells && identity.labelKind === 'StatefulSet') {
      const m = new Map<string, number>();
      const loose: string[] = [];
      members.forEach((p, i) => {
        const ord = ordinalOf(p, identity.prefix);
        if (ord === undefined) loose.push(ids[i]!);
        else m.set(ids[i]!, ord);
      });
      let next = slotExtent(m);
      for (const k of loose.sort()) m.set(k, next++);
      slots = m;
    } else {
      slots = assignSlots(opts.prevSlots?.get(gridKey), ids);
    }
    opts.slotsOut.set(gridKey, slots);
    const items: PodItem[] = members.map((pod, i) => ({ id: ids[i]!, pod, slot: slots.get(ids[i]!)! }));
    items.sort((a, b) => a.slot - b.slot);
    const choice = opts.collapse[identity.collapseKey];
    groups.push({
      key: identity.key,
      collapseKey: identity.collapseKey,
      ...(identity.ownerId ? { ownerId: identity.ownerId } : {}),
      label: identity.label,
      ...(identity.labelKind ? { labelKind: identity.labelKind } : {}),
      ...(identity.revision ? { revision: identity.revision } : {}),
      prefix: identity.prefix,
      collapsed: choice ?? members.length > AUTO_COLLAPSE_AT,
      items,
      cells: slotExtent(slots),
      counts: countStates(members),
    });
  }
  // Pods without a controller last; otherwise by name, then revision (older ReplicaSet first), then key.
  groups.sort((a, b) => {
    if ((a.key === 'none') !== (b.key === 'none')) return a.key === 'none' ? 1 : -1;
    return a.label.localeCompare(b.label) || Number(a.revision ?? 0) - Number(b.revision ?? 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  });
  return groups;
}
