/**
 * The view models the layouts produce and the graph components draw: positioned boxes and edges with plain data,
 * independent of React Flow so they can be tested without a DOM.
 */
import type { KubeObject } from '../../../../engine';
import type { ObjectId } from '../../../../protocol/messages';
import type { SlotState } from './slots';
import type { StateCounts } from './pod-state';
import type { CpuMem } from './resources';

/** How big pod chips are: named chips when there are few pods, small shapes when there are many. */
export type Density = 'comfortable' | 'compact';

/** A pod placed in a grid cell. */
export interface PodItem {
  id: ObjectId;
  pod: KubeObject;
  slot: number;
}

/** Pods of one controller inside one container (a node lane, a ReplicaSet card, ...). */
export interface PodGroup {
  /** The grid's key inside its container (the controller's uid, or `none`). */
  key: string;
  /** The key collapse choices are stored under (a Deployment's uid covers all its ReplicaSets). */
  collapseKey: string;
  /** The controller, when the pods have one. */
  ownerId?: ObjectId;
  /** What the group header says: the workload's name (empty for pods without a controller). */
  label: string;
  /** The workload kind the label names (`Deployment`, `StatefulSet`, `Node` for static pods, ...). */
  labelKind?: string;
  /** `deployment.kubernetes.io/revision` of the ReplicaSet, when the pods belong to one. */
  revision?: string;
  /** The part of pod names the chips leave out (`web-5d4f8c-`), so chips show only what differs. */
  prefix: string;
  collapsed: boolean;
  /** The pods, sorted by cell. */
  items: PodItem[];
  /** Cells the grid shows (highest occupied cell + 1). */
  cells: number;
  counts: StateCounts;
}

/** Data of a node lane (cluster view) or of the unscheduled tray (`node` undefined). */
export interface LaneData {
  node?: KubeObject;
  groups: PodGroup[];
  density: Density;
  /** Requests of all non-terminal pods on the node, whatever the namespace filter. */
  requested: CpuMem;
  allocatable: CpuMem;
  /** Height of the pod area, equal across lanes so they line up. */
  bodyHeight: number;
}

/** Data of a workload card (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob, or loose pods). */
export interface WorkloadData {
  obj?: KubeObject;
  /** Set on cards that hold pods. */
  groups?: PodGroup[];
  density: Density;
  /** Whether the pod groups show their headers (only when a card holds pods of several owners). */
  showHeaders?: boolean;
  /** Where edges attach: parents connect downwards to their children below. */
  handles?: 'parent' | 'child';
  /** ReplicaSets: revision and whether it is the Deployment's current one. */
  revision?: string;
  isCurrent?: boolean;
  /** Deployments and CronJobs: how many older children are not drawn. */
  hiddenChildren?: number;
  /** Loose pods card: which namespace filter produced it (for its title). */
  title?: 'standalone';
}

/** Data of a Service, Ingress or endpoint box (network view). */
export interface NetworkData {
  obj?: KubeObject;
  /** Endpoint boxes that stand for many endpoints. */
  summary?: { ready: number; notReady: number };
  /** Address endpoints that are not pods (the `kubernetes` Service's apiserver address). */
  address?: string;
  /** Service cards: ready and total endpoints. */
  endpoints?: { ready: number; total: number };
}

/** Data of a Pod, PVC, PV or StorageClass box (storage view). */
export interface StorageData {
  obj: KubeObject;
  /** The chain runs top to bottom (edges attach at the top and bottom). */
  vertical?: boolean;
}

/** A positioned box of a view. `id` is the ObjectId for boxes that stand for one object. */
export interface LayoutNode<T = unknown> {
  id: string;
  type: string;
  x: number;
  y: number;
  width: number;
  height: number;
  data: T;
}

/** How an edge is drawn: ownership, a ready or not-ready endpoint, a binding, a route. */
export type EdgeKind = 'owner' | 'ready' | 'notReady' | 'terminating' | 'bound' | 'pending' | 'route' | 'uses';

/** An edge between two boxes. */
export interface LayoutEdge {
  id: string;
  source: string;
  target: string;
  kind: EdgeKind;
  label?: string;
}

/** A whole view: boxes, edges, and the grid cells to carry into the next layout. */
export interface ViewLayout {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  slots: SlotState;
  /** Cluster view: how many lanes sit side by side (carried into the next layout to avoid flip-flopping). */
  columns?: number;
}

/** Which of the four views is shown. */
export type GraphView = 'cluster' | 'workloads' | 'network' | 'storage';

/** Inputs every layout takes besides the index. */
export interface LayoutOptions {
  /** '' for all namespaces. */
  namespace: string;
  /** Collapse choices the user made (collapseKey → collapsed). */
  collapse: Readonly<Record<string, boolean>>;
  /** Grid cells from the previous layout of the same view. */
  prevSlots?: SlotState;
  /** Size of the canvas in screen pixels, when known: the Cluster view wraps its lanes to fill it best. */
  viewport?: { width: number; height: number };
  /** Lanes per row chosen by the previous layout. */
  prevColumns?: number;
}
