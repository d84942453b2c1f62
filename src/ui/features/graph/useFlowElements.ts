/**
 * Turns a view layout into React Flow nodes and edges, reusing the previous node object whenever a box did not
 * change, so React Flow re-renders only the boxes whose pods or fields changed in a frame.
 */
import { useMemo, useRef } from 'react';
import type { Edge, Node } from '@xyflow/react';
import type { LayoutEdge, ViewLayout } from './model/types';

/**
 * Structural equality for view data: plain objects and arrays are compared member by member; API objects (anything
 * with `metadata`) by identity, since the store hands out a new object for every new version.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  if ('metadata' in a || 'metadata' in b) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}

function sameEdge(e: Edge, l: LayoutEdge): boolean {
  return e.source === l.source && e.target === l.target && e.className === `kp-edge kp-edge--${l.kind}` && e.label === l.label;
}

/** React Flow elements for `layout`, with unchanged nodes and edges keeping their identity. */
export function useFlowElements(layout: ViewLayout, makeEdge: (e: LayoutEdge) => Edge): { nodes: Node[]; edges: Edge[] } {
  const prevNodes = useRef<Node[]>([]);
  const prevEdges = useRef<Edge[]>([]);
  const nodes = useMemo(() => {
    const byId = new Map(prevNodes.current.map((n) => [n.id, n]));
    let changed = layout.nodes.length !== prevNodes.current.length;
    const out = layout.nodes.map((l, i) => {
      const p = byId.get(l.id);
      const same = p && p.type === l.type && p.position.x === l.x && p.position.y === l.y && p.width === l.width && p.height === l.height && sameData(p.data, l.data);
      const n: Node = same ? p : {
        id: l.id,
        type: l.type,
        position: { x: l.x, y: l.y },
        width: l.width,
        height: l.height,
        data: l.data as Record<string, unknown>,
        draggable: false,
        connectable: false,
        // React Flow's own selection is not used: the UI store holds the selection.
        selectable: false,
        focusable: true,
        // Screen readers announce the object (`Pod/default/web-1`); Enter opens it in the inspector.
        ariaLabel: l.id,
      };
      if (prevNodes.current[i] !== n) changed = true;
      return n;
    });
    if (!changed) return prevNodes.current;
    prevNodes.current = out;
    return out;
  }, [layout]);
  const edges = useMemo(() => {
    const byId = new Map(prevEdges.current.map((e) => [e.id, e]));
    let changed = layout.edges.length !== prevEdges.current.length;
    const out = layout.edges.map((l, i) => {
      const p = byId.get(l.id);
      const e = p && sameEdge(p, l) ? p : makeEdge(l);
      if (prevEdges.current[i] !== e) changed = true;
      return e;
    });
    if (!changed) return prevEdges.current;
    prevEdges.current = out;
    return out;
  }, [layout, makeEdge]);
  return { nodes, edges };
}
