/**
 * The Storage view, in four columns: Pods that mount claims → PersistentVolumeClaims → PersistentVolumes →
 * StorageClasses. Each column follows the order of the one to its left (a claim sits level with the first pod
 * that mounts it), so most edges run straight across.
 */
import type { KubeObject } from '../../../../engine';
import { objectId } from '../../../../protocol/messages';
import { ofKind, type GraphIndex } from './graph-index';
import type { LayoutEdge, LayoutNode, LayoutOptions, StorageData, ViewLayout } from './types';
import { FIT_PADDING, MAX_FIT_ZOOM } from './geometry';

export const STORAGE_BOX = {
  Pod: { w: 210, h: 36 },
  PersistentVolumeClaim: { w: 210, h: 78 },
  PersistentVolume: { w: 210, h: 78 },
  StorageClass: { w: 220, h: 60 },
} as const;
const COLUMN_GAP = 48;
const GAP = 14;

/** Vertical gap between stages when the chain runs top to bottom. */
const ROW_GAP = 40;


/**
 * Whether the chain reads better top to bottom than left to right in this viewport (a narrow panel): the
 * orientation whose picture fits at the larger zoom wins; left to right when the viewport is unknown.
 */
export function chooseVertical(stages: readonly { w: number; h: number; n: number }[], viewport: { width: number; height: number } | undefined): boolean {
  if (!viewport || viewport.width <= 0 || viewport.height <= 0 || stages.length === 0) return false;
  const zoom = (w: number, h: number) => Math.min(MAX_FIT_ZOOM, (viewport.width - FIT_PADDING.x) / w, (viewport.height - FIT_PADDING.y) / h);
  const hw = stages.reduce((a, s) => a + s.w, 0) + (stages.length - 1) * COLUMN_GAP;
  const hh = Math.max(...stages.map((s) => s.n * s.h + Math.max(0, s.n - 1) * GAP));
  const vw = Math.max(...stages.map((s) => s.n * s.w + Math.max(0, s.n - 1) * GAP));
  const vh = stages.reduce((a, s) => a + s.h, 0) + (stages.length - 1) * ROW_GAP;
  // Left to right is how the chain is told; only a clearly bigger picture turns it.
  return zoom(vw, vh) > zoom(hw, hh) * 1.15;
}

/** Claim names a pod mounts. */
export function claimsOf(pod: KubeObject): string[] {
  const vols = ((pod.spec as { volumes?: { persistentVolumeClaim?: { claimName?: string } }[] } | undefined)?.volumes) ?? [];
  return vols.map((v) => v.persistentVolumeClaim?.claimName).filter((n): n is string => !!n);
}

function claimClass(pvc: KubeObject): string | undefined {
  return (pvc.spec as { storageClassName?: string } | undefined)?.storageClassName ?? undefined;
}

function volumeOfClaim(pvc: KubeObject): string | undefined {
  return (pvc.spec as { volumeName?: string } | undefined)?.volumeName || undefined;
}

function claimOfVolume(pv: KubeObject): { namespace?: string; name?: string } | undefined {
  return (pv.spec as { claimRef?: { namespace?: string; name?: string } } | undefined)?.claimRef;
}

function volumeClass(pv: KubeObject): string | undefined {
  return (pv.spec as { storageClassName?: string } | undefined)?.storageClassName || undefined;
}

/** Lays out the Storage view. */
export function layoutStorage(ix: GraphIndex, opts: LayoutOptions): ViewLayout {
  const pvcs = ofKind(ix, 'PersistentVolumeClaim', opts.namespace);
  const pods = ofKind(ix, 'Pod', opts.namespace).filter((p) => claimsOf(p).length > 0);
  const allPvs = ix.kind('PersistentVolume');
  const classes = ix.kind('StorageClass');

  // Column orders: claims in order of first use, then unused claims; volumes in order of their claim, then free.
  const claimOrder: KubeObject[] = [];
  const seenClaims = new Set<string>();
  const addClaim = (c: KubeObject | undefined) => {
    if (c && !seenClaims.has(objectId(c))) {
      seenClaims.add(objectId(c));
      claimOrder.push(c);
    }
  };
  for (const p of pods) for (const n of claimsOf(p)) addClaim(ix.objects[`PersistentVolumeClaim/${p.metadata.namespace}/${n}`]);
  for (const c of pvcs) addClaim(c);

  const pvByName = new Map(allPvs.map((pv) => [pv.metadata.name, pv]));
  const volumeOrder: KubeObject[] = [];
  const seenPvs = new Set<string>();
  for (const c of claimOrder) {
    const pv = pvByName.get(volumeOfClaim(c) ?? '');
    if (pv && !seenPvs.has(pv.metadata.name)) {
      seenPvs.add(pv.metadata.name);
      volumeOrder.push(pv);
    }
  }
  for (const pv of allPvs) {
    if (seenPvs.has(pv.metadata.name)) continue;
    // Volumes bound to claims in other namespaces belong to those namespaces' pictures.
    const ref = claimOfVolume(pv);
    if (opts.namespace !== '' && ref?.namespace && ref.namespace !== opts.namespace) continue;
    seenPvs.add(pv.metadata.name);
    volumeOrder.push(pv);
  }

  const classByName = new Map(classes.map((sc) => [sc.metadata.name, sc]));
  const classOrder: KubeObject[] = [];
  const seenClasses = new Set<string>();
  const addClass = (name: string | undefined) => {
    const sc = name ? classByName.get(name) : undefined;
    if (sc && !seenClasses.has(sc.metadata.name)) {
      seenClasses.add(sc.metadata.name);
      classOrder.push(sc);
    }
  };
  for (const c of claimOrder) addClass(claimClass(c));
  for (const pv of volumeOrder) addClass(volumeClass(pv));
  for (const sc of classes) addClass(sc.metadata.name);

  const nodes: LayoutNode[] = [];
  const edges: LayoutEdge[] = [];
  const stages: { objs: readonly KubeObject[]; kind: keyof typeof STORAGE_BOX }[] = [
    { objs: pods, kind: 'Pod' },
    { objs: claimOrder, kind: 'PersistentVolumeClaim' },
    { objs: volumeOrder, kind: 'PersistentVolume' },
    { objs: classOrder, kind: 'StorageClass' },
  ].filter((st) => st.objs.length > 0 || st.kind !== 'Pod') as { objs: readonly KubeObject[]; kind: keyof typeof STORAGE_BOX }[];
  const vertical = chooseVertical(stages.map((st) => ({ w: STORAGE_BOX[st.kind].w, h: STORAGE_BOX[st.kind].h, n: st.objs.length })), opts.viewport);
  let along = 0;
  for (const st of stages) {
    const box = STORAGE_BOX[st.kind];
    let across = 0;
    for (const obj of st.objs) {
      const data: StorageData = { obj, ...(vertical ? { vertical } : {}) };
      nodes.push({ id: objectId(obj), type: 'storage', x: vertical ? across : along, y: vertical ? along : across, width: box.w, height: box.h, data });
      across += (vertical ? box.w : box.h) + GAP;
    }
    along += (vertical ? box.h + ROW_GAP : box.w + COLUMN_GAP);
  }

  for (const p of pods) {
    for (const n of claimsOf(p)) {
      const target = `PersistentVolumeClaim/${p.metadata.namespace}/${n}`;
      if (seenClaims.has(target)) edges.push({ id: `uses:${objectId(p)}->${target}`, source: objectId(p), target, kind: 'uses' });
    }
  }
  for (const c of claimOrder) {
    const id = objectId(c);
    const pv = pvByName.get(volumeOfClaim(c) ?? '');
    const bound = (c.status as { phase?: string } | undefined)?.phase === 'Bound';
    if (pv) edges.push({ id: `bind:${id}->${objectId(pv)}`, source: id, target: objectId(pv), kind: bound ? 'bound' : 'pending' });
    else {
      // A claim still waiting for a volume points at the class that will provision it.
      const sc = claimClass(c);
      if (sc && seenClasses.has(sc)) edges.push({ id: `class:${id}->StorageClass/${sc}`, source: id, target: `StorageClass/${sc}`, kind: 'pending' });
    }
  }
  for (const pv of volumeOrder) {
    const sc = volumeClass(pv);
    if (sc && seenClasses.has(sc)) edges.push({ id: `class:${objectId(pv)}->StorageClass/${sc}`, source: objectId(pv), target: `StorageClass/${sc}`, kind: 'uses' });
  }
  return { nodes, edges, slots: new Map() };
}
