/**
 * The plugin contract. A plugin is one object implementing any subset of the extension points; the framework
 * detects which by the methods present.
 * Models k8s.io/kube-scheduler/framework interface.go (PreFilterPlugin, FilterPlugin, PostFilterPlugin,
 * PreScorePlugin, ScorePlugin, ScoreExtensions, EnqueueExtensions, Handle).
 */
import type { ApiServer } from '../../apiserver/apiserver';
import type { EventRecorder } from '../../apiserver/events';
import type { KubeObject } from '../../api/types';
import type { Rng } from '../../sim/rng';
import type { CycleState } from './cycle-state';
import type { ClusterEvent } from './events';
import type { NodeToStatus } from './fit-error';
import type { NodeInfo } from './node-info';
import type { PodInfo } from './pod-info';
import type { PodIndex } from './pod-index';
import type { Status } from './status';

/** Highest score a plugin may give a node after normalization. */
export const MAX_NODE_SCORE = 100;
export const MIN_NODE_SCORE = 0;

/** PreFilter's answer: a status (null = success) and optionally the only nodes worth filtering. */
export interface PreFilterResult {
  status?: Status | null;
  /** When set, only these nodes are considered (NodeAffinity's `metadata.name` terms). */
  nodeNames?: ReadonlySet<string>;
}

/** PostFilter's answer: whether it made the pod schedulable later, and the node to nominate. */
export interface PostFilterResult {
  status: Status | null;
  /** undefined leaves status.nominatedNodeName as it is; '' clears it. */
  nominatedNodeName?: string;
}

/** Decides whether an event may make `pod` schedulable (true = requeue). */
export type QueueingHintFn = (pod: PodInfo, oldObj: KubeObject | undefined, newObj: KubeObject | undefined) => boolean;

/** An event a plugin cares about, with an optional hint that filters irrelevant occurrences. */
export interface ClusterEventWithHint {
  event: ClusterEvent;
  hint?: QueueingHintFn;
}

/** A scheduler plugin. Every method is optional except `name`. */
export interface SchedulerPlugin {
  /** The upstream plugin name (`NodeResourcesFit`). */
  readonly name: string;
  /** Computes per-pod state; Skip disables this plugin's Filter for the cycle. */
  preFilter?(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): PreFilterResult | null;
  /** PreFilter extension: a pod is (hypothetically) added to a node; update the PreFilter state. */
  addPod?(state: CycleState, podToSchedule: PodInfo, podToAdd: PodInfo, nodeInfo: NodeInfo): Status | null;
  /** PreFilter extension: a pod is (hypothetically) removed from a node. */
  removePod?(state: CycleState, podToSchedule: PodInfo, podToRemove: PodInfo, nodeInfo: NodeInfo): Status | null;
  /** Can the node run the pod? null = yes. Must not allocate on success: it runs for every node. */
  filter?(state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): Status | null;
  /** Runs when no node fits (preemption). */
  postFilter?(state: CycleState, pod: PodInfo, nodeToStatus: NodeToStatus): PostFilterResult;
  /** Prepares scoring over the feasible nodes; Skip disables this plugin's Score for the cycle. */
  preScore?(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): Status | null;
  /** The raw score of a node. */
  score?(state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): number;
  /** Rescales raw scores (aligned with `nodes`) to 0..100 in place. */
  normalizeScore?(state: CycleState, pod: PodInfo, scores: Float64Array, nodes: readonly NodeInfo[]): void;
  /** Events that may make a pod this plugin rejected schedulable. */
  eventsToRegister?(): ClusterEventWithHint[];
}

/** Read access to the scheduler's node snapshot. */
export interface SnapshotLister {
  /** Every node that has a Node object, in the order the scheduler scans them. */
  list(): readonly NodeInfo[];
  get(name: string): NodeInfo | undefined;
  /** Nodes hosting at least one pod with pod (anti-)affinity. */
  havePodsWithAffinityList(): readonly NodeInfo[];
  /** Nodes hosting at least one pod with required pod anti-affinity. */
  havePodsWithRequiredAntiAffinityList(): readonly NodeInfo[];
  /** Values of a node label across nodes (topology domains), with the nodes carrying each value. */
  topologyDomains(key: string): ReadonlyMap<string, ReadonlySet<string>>;
}

/** Pods nominated to nodes by preemption (their status.nominatedNodeName), for the filter's reservation. */
export interface PodNominator {
  nominatedPodsForNode(nodeName: string): readonly PodInfo[];
}

/** The framework operations preemption needs to simulate removing pods. */
export interface FrameworkRunner {
  runFilterPluginsWithNominatedPods(state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): Status | null;
  runPreFilterExtensionAddPod(state: CycleState, podToSchedule: PodInfo, podToAdd: PodInfo, nodeInfo: NodeInfo): Status | null;
  runPreFilterExtensionRemovePod(state: CycleState, podToSchedule: PodInfo, podToRemove: PodInfo, nodeInfo: NodeInfo): Status | null;
}

/** What plugins get at construction: the snapshot, indexes, the API for lookups, randomness, time. */
export interface Handle {
  readonly snapshot: SnapshotLister;
  readonly podIndex: PodIndex;
  readonly api: ApiServer;
  readonly events: EventRecorder;
  /** The scheduler's own RNG stream (plugins fork it by name). */
  readonly rng: Rng;
  readonly nominator: PodNominator;
  /** Set once the framework is built (plugins use it lazily, at PostFilter time). */
  readonly runner: FrameworkRunner;
  readonly schedulerName: string;
  nowMs(): number;
}

/** Builds a plugin from the handle and its arguments. */
export type PluginFactory = (handle: Handle, args: Readonly<Record<string, unknown>>) => SchedulerPlugin;
