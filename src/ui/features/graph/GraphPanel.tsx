/**
 * The stage: a live graph of the cluster in four views (Cluster, Workloads, Network, Storage), filtered by
 * namespace, with zoom, pan and a minimap. It lays out the view from the store's objects on every change, keeps
 * pods in their cells, and fits the picture to the panel until the user pans or zooms.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type MouseEvent as ReactMouseEvent, type RefObject } from 'react';
import {
  Background, BackgroundVariant, ControlButton, Controls, MarkerType, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow,
  type Edge, type Node, type NodeTypes,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './tokens.css';
import './graph.css';
import { useShallow } from 'zustand/react/shallow';
import { useClusterStore } from '../../store/cluster-store';
import { useUiStore } from '../../store/ui-store';
import { useGraphStore } from './graph-store';
import { graphIndex } from './model/graph-index';
import { layoutCluster } from './model/layout-cluster';
import { MAX_FIT_ZOOM } from './model/geometry';
import { layoutWorkloads } from './model/layout-workloads';
import { layoutNetwork } from './model/layout-network';
import { layoutStorage } from './model/layout-storage';
import { STATE_ORDER, type PodVisualState } from './model/pod-state';
import type { SlotState } from './model/slots';
import type { GraphView, LayoutEdge, LayoutOptions, ViewLayout } from './model/types';
import { useGraphT, type GraphMessageKey } from './strings';
import { useFlowElements } from './useFlowElements';
import { LaneNode, TrayNode } from './components/LaneNode';
import { WorkloadNode } from './components/WorkloadNode';
import { AddressNode, EndpointNode, EndpointSummaryNode, IngressNode, ServiceNode } from './components/NetworkNodes';
import { StorageNode } from './components/StorageNode';
import { StateIcon } from './components/StateIcon';
import { useReducedMotion } from './components/useReducedMotion';
import type { GraphIndex } from './model/graph-index';

const NODE_TYPES: NodeTypes = {
  lane: LaneNode,
  tray: TrayNode,
  workload: WorkloadNode,
  service: ServiceNode,
  ingress: IngressNode,
  endpoint: EndpointNode,
  address: AddressNode,
  endpointSummary: EndpointSummaryNode,
  storage: StorageNode,
} as NodeTypes;

const LAYOUTS: Record<GraphView, (ix: GraphIndex, opts: LayoutOptions) => ViewLayout> = {
  cluster: layoutCluster,
  workloads: layoutWorkloads,
  network: layoutNetwork,
  storage: layoutStorage,
};

const VIEWS: readonly GraphView[] = ['cluster', 'workloads', 'network', 'storage'];

/** How the picture is fitted (FIT_PADDING in geometry.ts mirrors these numbers for the layouts' own fitting). */
const FIT = { padding: { top: '16px', right: '16px', bottom: '16px', left: '52px' }, maxZoom: MAX_FIT_ZOOM } as const;

/** True for box ids that stand for one API object (not the tray, the loose-pods card, summaries or addresses). */
function isObjectId(id: string): boolean {
  return !/^(lane|pods|endpoints|addr):/.test(id);
}

function makeEdge(l: LayoutEdge): Edge {
  const arrow = l.kind === 'owner' || l.kind === 'route' || l.kind === 'uses' || l.kind === 'bound';
  return {
    id: l.id,
    source: l.source,
    target: l.target,
    type: l.kind === 'owner' ? 'smoothstep' : 'default',
    className: `kp-edge kp-edge--${l.kind}`,
    ...(l.label !== undefined ? { label: l.label } : {}),
    ...(arrow ? { markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 } } : {}),
    selectable: false,
    focusable: false,
  };
}

/** Lays out the current view on every store change, carrying the pods' cells from one layout to the next. */
function useViewLayout(view: GraphView, namespace: string, viewport: Viewport | undefined): { layout: ViewLayout; ix: GraphIndex } {
  const objects = useClusterStore((s) => s.objects);
  const epoch = useClusterStore((s) => s.epoch);
  const collapse = useGraphStore((s) => s.collapse);
  const carried = useRef<{ key: string; slots: SlotState | undefined; columns: number | undefined }>({ key: '', slots: undefined, columns: undefined });
  const ix = graphIndex(objects);
  const layout = useMemo(() => {
    // Cells are only carried within one view of one namespace of one cluster.
    const key = `${view}|${namespace}|${epoch}`;
    const prev = carried.current.key === key ? carried.current : undefined;
    const out = LAYOUTS[view](ix, {
      namespace,
      collapse,
      ...(prev?.slots ? { prevSlots: prev.slots } : {}),
      ...(prev?.columns ? { prevColumns: prev.columns } : {}),
      ...(viewport ? { viewport } : {}),
    });
    carried.current = { key, slots: out.slots, columns: out.columns };
    return out;
  }, [ix, view, namespace, collapse, epoch, viewport]);
  return { layout, ix };
}

interface Viewport {
  width: number;
  height: number;
}

/** The element's size, rounded to 16 px so dragging a splitter does not relayout on every pixel. */
function useElementSize(ref: RefObject<HTMLElement | null>): Viewport | undefined {
  const [size, setSize] = useState<Viewport | undefined>(undefined);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const width = Math.round(el.clientWidth / 16) * 16;
      const height = Math.round(el.clientHeight / 16) * 16;
      setSize((s) => (s && s.width === width && s.height === height ? s : { width, height }));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return size;
}

function Legend() {
  const t = useGraphT();
  const open = useGraphStore((s) => s.legendOpen);
  const setOpen = useGraphStore((s) => s.setLegendOpen);
  return (
    <div className="kp-legend" role="group" aria-label={t('legend.title')}>
      <button type="button" className="kp-legend__toggle" onClick={() => setOpen(!open)} aria-expanded={open} title={open ? t('legend.hide') : t('legend.show')}>
        {t('legend.title')} {open ? '▾' : '▸'}
      </button>
      {open && STATE_ORDER.map((s: PodVisualState) => (
        <span key={s} className={`kp-legend__item kp-s-${s}`} title={t(`state.${s}.title` as GraphMessageKey)}>
          <StateIcon state={s} size={13} />
          <span>{t(`state.${s}` as GraphMessageKey)}</span>
        </span>
      ))}
    </div>
  );
}

function Toolbar() {
  const t = useGraphT();
  const known = useClusterStore(useShallow((s) => graphIndex(s.objects).namespaces));
  const view = useGraphStore((s) => s.view);
  const setView = useGraphStore((s) => s.setView);
  const namespace = useUiStore((s) => s.namespace);
  const setNamespace = useUiStore((s) => s.setNamespace);
  const namespaces = known.includes(namespace) || namespace === '' ? known : [...known, namespace].sort();
  return (
    <div className="kp-graph__toolbar">
      <div className="kp-segmented" role="tablist" aria-label={t('views.label')}>
        {VIEWS.map((v) => (
          <button key={v} type="button" role="tab" aria-selected={view === v} className={view === v ? 'is-active' : ''} onClick={() => setView(v)} title={t(`view.${v}.hint` as GraphMessageKey)} data-view={v}>
            {t(`view.${v}` as GraphMessageKey)}
          </button>
        ))}
      </div>
      <label className="kp-ns" title={t('namespace.label')}>
        <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true"><rect x="1.5" y="3" width="13" height="10" rx="2" fill="none" stroke="currentColor" strokeWidth="1.4" strokeDasharray="3 2" /></svg>
        <select value={namespace} onChange={(e) => setNamespace(e.target.value)} aria-label={t('namespace.label')}>
          <option value="">{t('namespace.all')}</option>
          {namespaces.map((ns) => (
            <option key={ns} value={ns}>{ns}</option>
          ))}
        </select>
      </label>
    </div>
  );
}

function emptyText(t: ReturnType<typeof useGraphT>, view: GraphView, namespace: string): string {
  const where = namespace === '' ? t('empty.allNamespaces') : t('empty.namespace', { namespace });
  return t(`empty.${view}` as GraphMessageKey, { namespace: where });
}

function Canvas() {
  const t = useGraphT();
  const view = useGraphStore((s) => s.view);
  const namespace = useUiStore((s) => s.namespace);
  const theme = useUiStore((s) => s.theme);
  const select = useUiStore((s) => s.select);
  const reduced = useReducedMotion();
  const canvasRef = useRef<HTMLDivElement>(null);
  const viewport = useElementSize(canvasRef);
  const { layout } = useViewLayout(view, namespace, viewport);
  const { nodes, edges } = useFlowElements(layout, makeEdge);
  const rf = useReactFlow();
  const userMoved = useRef(false);
  // The minimap shows once the user has zoomed or panned away from the fitted picture (or pinned it).
  const [moved, setMoved] = useState(false);
  const [minimapPinned, setMinimapPinned] = useState(false);

  // Fit the picture while the user has not taken over the camera; refit when the picture's extent changes.
  let maxX = 0;
  let maxY = 0;
  for (const n of layout.nodes) {
    maxX = Math.max(maxX, n.x + n.width);
    maxY = Math.max(maxY, n.y + n.height);
  }
  const extentKey = `${view}|${namespace}|${Math.round(maxX / 40)}|${Math.round(maxY / 40)}|${layout.nodes.length > 0}|${viewport?.width}|${viewport?.height}`;
  useEffect(() => {
    userMoved.current = false;
    setMoved(false);
  }, [view, namespace]);
  useEffect(() => {
    if (userMoved.current || layout.nodes.length === 0) return;
    const raf = requestAnimationFrame(() => {
      void rf.fitView({ ...FIT, duration: reduced ? 0 : 200 });
    });
    return () => cancelAnimationFrame(raf);
    // The extent key stands for every layout change that should refit.
  }, [extentKey, rf, reduced, layout.nodes.length]);

  const onNodeClick = useCallback((_e: ReactMouseEvent, node: Node) => {
    if (isObjectId(node.id)) select(node.id);
  }, [select]);
  // Keyboard: a focused box (Tab reaches them) opens in the inspector with Enter or Space, like a click.
  const onKeyDown = useCallback((e: ReactKeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const el = e.target as HTMLElement;
    const id = el.classList.contains('react-flow__node') ? el.getAttribute('data-id') : null;
    if (id && isObjectId(id)) {
      e.preventDefault();
      select(id);
    }
  }, [select]);
  const onMove = useCallback((event: MouseEvent | TouchEvent | null) => {
    // Programmatic moves (fitView) come without an event; a plain click moves nothing and never gets here.
    if (event && !userMoved.current) {
      userMoved.current = true;
      setMoved(true);
    }
  }, []);
  const onFit = useCallback(() => {
    userMoved.current = false;
    setMoved(false);
    setMinimapPinned(false);
  }, []);
  const showMinimap = moved || minimapPinned;
  const toggleMinimap = () => {
    if (showMinimap) {
      setMoved(false);
      setMinimapPinned(false);
    } else {
      setMinimapPinned(true);
    }
  };

  return (
    <div className="kp-graph__canvas" ref={canvasRef} onKeyDown={onKeyDown}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodeClick={onNodeClick}
        onMove={onMove}
        colorMode={theme}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        minZoom={0.15}
        maxZoom={2.5}
        fitView
        fitViewOptions={FIT}
        proOptions={{ hideAttribution: false }}
        aria-label={t('graph.label')}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1} />
        <Controls showInteractive={false} onFitView={onFit} position="bottom-left">
          <ControlButton onClick={toggleMinimap} title={showMinimap ? t('minimap.hide') : t('minimap.show')} aria-label={showMinimap ? t('minimap.hide') : t('minimap.show')} aria-pressed={showMinimap}>
            <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true"><path d="M1.5 3.5 L5.5 2 L10.5 3.5 L14.5 2 V12.5 L10.5 14 L5.5 12.5 L1.5 14 Z M5.5 2 V12.5 M10.5 3.5 V14" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" /></svg>
          </ControlButton>
        </Controls>
        {showMinimap && <MiniMap pannable zoomable position="bottom-right" className="kp-minimap" style={{ width: 160, height: 104 }} nodeClassName={(n) => `kp-mini kp-mini--${n.type ?? ''}`} />}
      </ReactFlow>
      {layout.nodes.length === 0 && <div className="kp-graph__empty" role="status">{emptyText(t, view, namespace)}</div>}
    </div>
  );
}

/** The graph panel (the app's stage). */
export function GraphPanel() {
  const t = useGraphT();
  const theme = useUiStore((s) => s.theme);
  return (
    <section className="kp-graph" data-theme={theme} aria-label={t('graph.label')}>
      <Toolbar />
      <ReactFlowProvider>
        <Canvas />
      </ReactFlowProvider>
      <Legend />
    </section>
  );
}
