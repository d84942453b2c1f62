/**
 * The Network view: one row per Service with its endpoints to the right, read from the Service's EndpointSlices
 * (ready endpoints drawn solid, not-ready dashed, terminating faded); Ingresses to the left with an edge to each
 * backend Service. Many endpoints collapse into one summary box.
 */
import type { KubeObject } from '../../../../engine';
import { objectId } from '../../../../protocol/messages';
import { ofKind, type GraphIndex } from './graph-index';
import type { EdgeKind, LayoutEdge, LayoutNode, LayoutOptions, NetworkData, ViewLayout } from './types';

export const SERVICE_CARD = { w: 240, h: 104 };
export const INGRESS_CARD = { w: 220, h: 80 };
export const ENDPOINT_BOX = { w: 270, h: 34 };
const ENDPOINT_GAP = 8;
const ROW_GAP = 28;
const COLUMN_GAP = 80;
/** More endpoints than this on one Service show as one summary box. */
export const MAX_ENDPOINT_BOXES = 12;

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

interface SliceEndpoint {
  addresses?: string[];
  conditions?: { ready?: boolean; serving?: boolean; terminating?: boolean };
  targetRef?: { kind?: string; namespace?: string; name?: string };
}

/** One endpoint of a Service as the view draws it. */
interface Endpoint {
  /** The pod's ObjectId, or an address box id. */
  target: string;
  pod?: KubeObject;
  address: string;
  kind: EdgeKind;
}

/** The Service's endpoints from its EndpointSlices, deduplicated by target, in target order. */
export function serviceEndpoints(ix: GraphIndex, svc: KubeObject): Endpoint[] {
  const ns = svc.metadata.namespace ?? '';
  const seen = new Map<string, Endpoint>();
  for (const slice of ix.kind('EndpointSlice')) {
    if (slice.metadata.namespace !== ns || slice.metadata.labels?.[SERVICE_NAME_LABEL] !== svc.metadata.name) continue;
    for (const ep of (slice.endpoints as SliceEndpoint[] | undefined) ?? []) {
      const address = ep.addresses?.[0] ?? '';
      const c = ep.conditions ?? {};
      // EndpointSlice semantics: a nil `ready` means ready; terminating endpoints are on their way out.
      const kind: EdgeKind = c.terminating ? 'terminating' : c.ready === false ? 'notReady' : 'ready';
      const ref = ep.targetRef;
      const pod = ref?.kind === 'Pod' && ref.name ? ix.objects[`Pod/${ref.namespace ?? ns}/${ref.name}`] : undefined;
      const target = pod ? objectId(pod) : `addr:${objectId(svc)}/${address}`;
      if (!seen.has(target)) seen.set(target, { target, ...(pod ? { pod } : {}), address, kind });
    }
  }
  return [...seen.values()].sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
}

interface IngressBackend {
  service?: { name?: string };
}

interface IngressSpec {
  defaultBackend?: IngressBackend;
  rules?: { http?: { paths?: { path?: string; backend?: IngressBackend }[] } }[];
}

/** Names of the Services an Ingress routes to. */
export function ingressServices(ing: KubeObject): string[] {
  const spec = (ing.spec ?? {}) as IngressSpec;
  const names = new Set<string>();
  if (spec.defaultBackend?.service?.name) names.add(spec.defaultBackend.service.name);
  for (const r of spec.rules ?? []) for (const p of r.http?.paths ?? []) if (p.backend?.service?.name) names.add(p.backend.service.name);
  return [...names].sort();
}

/** Lays out the Network view. */
export function layoutNetwork(ix: GraphIndex, opts: LayoutOptions): ViewLayout {
  const services = ofKind(ix, 'Service', opts.namespace);
  const ingresses = ofKind(ix, 'Ingress', opts.namespace);
  const svcX = ingresses.length > 0 ? INGRESS_CARD.w + COLUMN_GAP : 0;
  const epX = svcX + SERVICE_CARD.w + COLUMN_GAP;
  const nodes: LayoutNode[] = [];
  const edges: LayoutEdge[] = [];
  const placed = new Set<string>();
  const rowOf = new Map<string, number>();
  let y = 0;

  for (const svc of services) {
    const svcId = objectId(svc);
    rowOf.set(svcId, y);
    const eps = serviceEndpoints(ix, svc);
    const ready = eps.filter((e) => e.kind === 'ready').length;
    let rowHeight = SERVICE_CARD.h;
    if (eps.length > MAX_ENDPOINT_BOXES) {
      const id = `endpoints:${svcId}`;
      const summary = { ready, notReady: eps.length - ready };
      nodes.push({ id, type: 'endpointSummary', x: epX, y, width: ENDPOINT_BOX.w, height: ENDPOINT_BOX.h * 1.5, data: { summary } satisfies NetworkData });
      if (summary.ready > 0) edges.push({ id: `ep:${svcId}->${id}:ready`, source: svcId, target: id, kind: 'ready', label: String(summary.ready) });
      if (summary.notReady > 0) edges.push({ id: `ep:${svcId}->${id}:notReady`, source: svcId, target: id, kind: 'notReady', label: String(summary.notReady) });
    } else {
      let ey = y;
      for (const ep of eps) {
        if (!placed.has(ep.target)) {
          placed.add(ep.target);
          const data: NetworkData = ep.pod ? { obj: ep.pod } : { address: ep.address };
          nodes.push({ id: ep.target, type: ep.pod ? 'endpoint' : 'address', x: epX, y: ey, width: ENDPOINT_BOX.w, height: ENDPOINT_BOX.h, data });
          ey += ENDPOINT_BOX.h + ENDPOINT_GAP;
        }
        edges.push({ id: `ep:${svcId}->${ep.target}`, source: svcId, target: ep.target, kind: ep.kind });
      }
      rowHeight = Math.max(rowHeight, ey - y - ENDPOINT_GAP);
    }
    const data: NetworkData = { obj: svc, endpoints: { ready, total: eps.length } };
    nodes.push({ id: svcId, type: 'service', x: svcX, y, width: SERVICE_CARD.w, height: SERVICE_CARD.h, data });
    y += rowHeight + ROW_GAP;
  }

  // Each Ingress sits level with the first Service it routes to (or below the Services if none exists).
  let spareY = y;
  const ingressRows = ingresses.map((ing) => {
    const targets = ingressServices(ing).map((n) => `Service/${ing.metadata.namespace}/${n}`);
    const first = targets.map((t) => rowOf.get(t)).find((r) => r !== undefined);
    return { ing, targets, y: first };
  });
  ingressRows.sort((a, b) => (a.y ?? Infinity) - (b.y ?? Infinity));
  let lastY = -Infinity;
  for (const row of ingressRows) {
    // Two Ingresses routing to the same Service must not overlap.
    let iy = row.y ?? spareY;
    if (iy < lastY + INGRESS_CARD.h + ROW_GAP) iy = lastY + INGRESS_CARD.h + ROW_GAP;
    if (row.y === undefined) spareY = iy + INGRESS_CARD.h + ROW_GAP;
    lastY = iy;
    const id = objectId(row.ing);
    nodes.push({ id, type: 'ingress', x: 0, y: iy, width: INGRESS_CARD.w, height: INGRESS_CARD.h, data: { obj: row.ing } satisfies NetworkData });
    for (const t of row.targets) if (rowOf.has(t)) edges.push({ id: `route:${id}->${t}`, source: id, target: t, kind: 'route' });
  }
  return { nodes, edges, slots: new Map() };
}
