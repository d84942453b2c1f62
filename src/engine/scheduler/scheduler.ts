/**
 * kube-scheduler: watches Pods and Nodes, keeps its cache and queue current, and runs one scheduling attempt
 * per clock task (a few ms of seeded latency each), binding pods to nodes or reporting why they cannot run.
 * Models pkg/scheduler/scheduler.go, eventhandlers.go and schedule_one.go (ScheduleOne, bind,
 * handleSchedulingFailure).
 * Divergence: binding goes through the apiserver's bind() (the pods/binding subresource without a Binding object) and runs
 * inside the scheduling task instead of a separate binding goroutine.
 */
import type { ComponentContext } from '../cluster/context';
import type { WatchEvent } from '../apiserver/apiserver';
import type { TaskHandle } from '../sim/clock';
import { SchedulerCache } from './cache/cache';
import { DecisionLog, type DecisionRecord, type SchedulingDecision } from './decision';
import { ActionType, EVENT_ASSIGNED_POD_ADD, EVENT_ASSIGNED_POD_DELETE, EVENT_NODE_ADD, STORAGE_EVENT_RESOURCES, nodeUpdateActions, unscheduledPodUpdateActions, type ClusterEvent } from './framework/events';
import { fitErrorMessage } from './framework/fit-error';
import type { FrameworkRunner, Handle, PodNominator } from './framework/interface';
import type { NodeObject } from './framework/node-info';
import type { PodObject } from './framework/pod-info';
import { Framework, type EnabledPlugin } from './framework/runtime';
import type { CycleState } from './framework/cycle-state';
import { Code, Status } from './framework/status';
import { podStatus, updatePodCondition } from './pod-condition';
import { defaultProfilePlugins } from './plugins/registry';
import { DEFAULT_QUEUE_OPTIONS, SchedulingQueue, type QueueLocation, type QueueOptions, type QueuedPodInfo, type RegisteredEvent } from './queue/scheduling-queue';
import { ScheduleAlgorithm, truncateMessage, type ScheduleResult } from './schedule-one';

/** The scheduler name pods select with spec.schedulerName. */
export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';

/** Scheduler configuration (the parts of KubeSchedulerConfiguration KubePlay supports). */
export interface SchedulerOptions {
  /** Profile name; pods with another spec.schedulerName are left alone. */
  schedulerName?: string;
  /** percentageOfNodesToScore; 0 or unset = adaptive. */
  percentageOfNodesToScore?: number;
  /** Virtual time one scheduling attempt takes (uniform in [min, max] ms). Default 1..5 ms. */
  latencyMs?: { min: number; max: number };
  /** Backoff and flush timing (defaults: 1s initial, 10s max, 5 minutes in the unschedulable pool). */
  queue?: Partial<QueueOptions>;
  /** Per-plugin arguments by plugin name (e.g. `{ NodeResourcesFit: { resources: [...] } }`). */
  pluginArgs?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Plugins to leave out of the profile. */
  disabledPlugins?: readonly string[];
  /** How many pods' last decisions to keep for lastDecision(). Default 200. */
  decisionLogSize?: number;
}

/** A running scheduler. */
export interface Scheduler {
  readonly name: string;
  /** The last scheduling decision for `namespace/name` (only the most recent pods are kept). */
  lastDecision(podKey: string): SchedulingDecision | undefined;
  /** Pods per queue location. */
  queueStats(): Record<QueueLocation, number>;
  /** The node snapshot plugins see (read-only use). */
  readonly cache: SchedulerCache;
  /** Unsubscribes from watches and cancels pending work. */
  stop(): void;
}

const ALL_EVENTS: ClusterEvent = { resource: '*', actionType: ActionType.All, label: 'All' };

function isTerminal(pod: PodObject): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

function sameLabels(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  return JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});
}

/** Starts the scheduler: lists current Nodes and Pods, then follows their watches. */
export function startScheduler(ctx: ComponentContext, opts: SchedulerOptions = {}): Scheduler {
  return new KubeScheduler(ctx, opts);
}

class KubeScheduler implements Scheduler {
  readonly name: string;
  readonly cache = new SchedulerCache();
  private readonly fwk: Framework;
  private readonly queue: SchedulingQueue;
  private readonly algorithm: ScheduleAlgorithm;
  private readonly decisions: DecisionLog;
  private readonly latencyRng;
  private readonly latency: { min: number; max: number };
  private readonly source: { component: string };
  private task: TaskHandle | null = null;
  private running = false;
  private stopped = false;
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly ctx: ComponentContext,
    opts: SchedulerOptions,
  ) {
    this.name = opts.schedulerName ?? DEFAULT_SCHEDULER_NAME;
    this.source = { component: this.name };
    const rng = ctx.rng.fork('scheduler');
    this.latencyRng = rng.fork('latency');
    this.latency = opts.latencyMs ?? { min: 1, max: 5 };
    this.decisions = new DecisionLog(opts.decisionLogSize ?? 200);

    // Plugins get the handle before the framework and queue exist; both are read lazily.
    let fwkRef: Framework | null = null;
    let queueRef: SchedulingQueue | null = null;
    const runner: FrameworkRunner = {
      runFilterPluginsWithNominatedPods: (s, p, n) => fwkRef!.runFilterPluginsWithNominatedPods(s, p, n),
      runPreFilterExtensionAddPod: (s, p, a, n) => fwkRef!.runPreFilterExtensionAddPod(s, p, a, n),
      runPreFilterExtensionRemovePod: (s, p, r, n) => fwkRef!.runPreFilterExtensionRemovePod(s, p, r, n),
    };
    const nominator: PodNominator = { nominatedPodsForNode: (n) => queueRef?.nominatedPodsForNode(n) ?? [] };
    const handle: Handle = {
      snapshot: this.cache,
      podIndex: this.cache.podIndex,
      api: ctx.api,
      events: ctx.events,
      rng: rng.fork('plugins'),
      nominator,
      runner,
      schedulerName: this.name,
      nowMs: () => ctx.clock.nowMs,
    };
    const disabled = new Set(opts.disabledPlugins ?? []);
    const enabled: EnabledPlugin[] = defaultProfilePlugins()
      .filter(({ reg }) => !disabled.has(reg.name))
      .map(({ reg, weight }) => ({ plugin: reg.factory(handle, opts.pluginArgs?.[reg.name] ?? {}), weight }));
    this.fwk = fwkRef = new Framework(enabled);

    // Models fillEventToPluginMap: plugins that can reject a pod register their events; a plugin that declares
    // none is woken by every event.
    const registrations: RegisteredEvent[] = [];
    for (const pl of this.fwk.plugins) {
      if (!pl.preFilter && !pl.filter) continue;
      const evs = pl.eventsToRegister?.();
      if (!evs) registrations.push({ plugin: pl.name, event: ALL_EVENTS });
      else for (const e of evs) registrations.push({ plugin: pl.name, event: e.event, ...(e.hint ? { hint: e.hint } : {}) });
    }
    this.queue = queueRef = new SchedulingQueue(ctx.clock, registrations, () => this.pump(), { ...DEFAULT_QUEUE_OPTIONS, ...opts.queue });
    this.fwk.nominator = this.queue;
    this.algorithm = new ScheduleAlgorithm(this.fwk, this.cache, rng.fork('select'), opts.percentageOfNodesToScore);

    // List, then watch (the informers' initial sync).
    for (const n of ctx.api.list<NodeObject>('Node')) this.cache.addNode(n);
    for (const p of ctx.api.list<PodObject>('Pod')) this.onPodAdd(p);
    this.unsubscribe.push(ctx.api.watch('Node', (ev) => this.onNode(ev)));
    this.unsubscribe.push(ctx.api.watch('Pod', (ev) => this.onPod(ev)));
    // Storage kinds are watched only when a plugin (VolumeBinding) registered events for them: their changes
    // may make the pods it rejected schedulable.
    // Models eventhandlers.go addAllEventHandlers (the PersistentVolume, PersistentVolumeClaim and
    // StorageClass informers).
    for (const kind of STORAGE_EVENT_RESOURCES) {
      if (!registrations.some((r) => r.event.resource === kind)) continue;
      this.unsubscribe.push(ctx.api.watch(kind, (ev) => {
        const actionType = ev.type === 'ADDED' ? ActionType.Add : ev.type === 'DELETED' ? ActionType.Delete : ActionType.Update;
        const label = `${kind}${ev.type === 'ADDED' ? 'Add' : ev.type === 'DELETED' ? 'Delete' : 'Update'}`;
        this.queue.moveAllToActiveOrBackoff({ resource: kind, actionType, label }, ev.old, ev.type === 'DELETED' ? undefined : ev.object);
      }));
    }
  }

  lastDecision(podKey: string): SchedulingDecision | undefined {
    return this.decisions.get(podKey);
  }

  queueStats(): Record<QueueLocation, number> {
    return this.queue.stats();
  }

  stop(): void {
    this.stopped = true;
    this.task?.cancel();
    this.task = null;
    this.queue.close();
    for (const u of this.unsubscribe.splice(0)) u();
  }

  // --- event handlers (models eventhandlers.go) ---------------------------------------------------------

  private responsibleFor(pod: PodObject): boolean {
    const n = pod.spec?.schedulerName;
    return !n || n === this.name;
  }

  private onNode(ev: WatchEvent): void {
    const node = ev.object as NodeObject;
    switch (ev.type) {
      case 'ADDED':
        this.cache.addNode(node);
        this.queue.moveAllToActiveOrBackoff(EVENT_NODE_ADD, undefined, node);
        return;
      case 'MODIFIED': {
        const old = ev.old as NodeObject | undefined;
        if (!old) {
          this.cache.addNode(node);
          return;
        }
        this.cache.updateNode(old, node);
        const actions = nodeUpdateActions(old, node);
        if (actions !== 0) this.queue.moveAllToActiveOrBackoff({ resource: 'Node', actionType: actions, label: 'NodeUpdate' }, old, node);
        return;
      }
      case 'DELETED':
        this.cache.removeNode(node);
        this.queue.moveAllToActiveOrBackoff({ resource: 'Node', actionType: ActionType.Delete, label: 'NodeDelete' }, node, undefined);
        return;
    }
  }

  private onPod(ev: WatchEvent): void {
    const pod = ev.object as PodObject;
    switch (ev.type) {
      case 'ADDED':
        this.onPodAdd(pod);
        return;
      case 'MODIFIED':
        this.onPodUpdate(ev.old as PodObject | undefined, pod);
        return;
      case 'DELETED':
        this.onPodDelete(pod);
        return;
    }
  }

  private onPodAdd(pod: PodObject): void {
    if (pod.spec?.nodeName) {
      if (this.cache.addPod(pod)) this.queue.moveAllToActiveOrBackoff(EVENT_ASSIGNED_POD_ADD, undefined, pod);
      return;
    }
    if (this.responsibleFor(pod) && !pod.metadata.deletionTimestamp && !isTerminal(pod)) this.queue.add(pod);
  }

  private onPodUpdate(old: PodObject | undefined, pod: PodObject): void {
    const uid = pod.metadata.uid ?? '';
    if (pod.spec?.nodeName) {
      // Bound now (by us or anyone else): the queue forgets it, the cache accounts it.
      if (!old?.spec?.nodeName) this.queue.delete(pod);
      const was = !!this.cache.podInfo(uid);
      const now = this.cache.updatePod(pod);
      if (!was && now) this.queue.moveAllToActiveOrBackoff(EVENT_ASSIGNED_POD_ADD, old, pod);
      else if (was && !now) this.queue.moveAllToActiveOrBackoff(EVENT_ASSIGNED_POD_DELETE, old ?? pod, undefined);
      else if (was && now && old && !sameLabels(old.metadata.labels, pod.metadata.labels)) {
        this.queue.moveAllToActiveOrBackoff({ resource: 'AssignedPod', actionType: ActionType.UpdatePodLabel, label: 'AssignedPodUpdate' }, old, pod);
      }
      return;
    }
    if (!this.responsibleFor(pod) || pod.metadata.deletionTimestamp || isTerminal(pod)) {
      this.queue.delete(pod);
      return;
    }
    if (!this.queue.has(uid)) {
      this.queue.add(pod);
      return;
    }
    const actions = old ? unscheduledPodUpdateActions(old, pod) : 0;
    this.queue.update(old, pod, actions, actions ? { resource: 'UnscheduledPod', actionType: actions, label: 'UnscheduledPodUpdate' } : undefined);
  }

  private onPodDelete(pod: PodObject): void {
    if (this.cache.removePod(pod)) this.queue.moveAllToActiveOrBackoff(EVENT_ASSIGNED_POD_DELETE, pod, undefined);
    this.queue.delete(pod);
  }

  // --- the scheduling loop ------------------------------------------------------------------------------

  /** Schedules the next attempt as a clock task, unless one is pending or running. */
  private pump(): void {
    if (this.stopped || this.running || this.task || !this.queue.hasReady) return;
    const delay = Math.round(this.latencyRng.range(this.latency.min, this.latency.max));
    this.task = this.ctx.clock.schedule(delay, 'kube-scheduler scheduleOne', () => {
      this.task = null;
      this.running = true;
      try {
        const q = this.queue.pop();
        if (q) this.scheduleOne(q);
      } finally {
        this.running = false;
      }
      this.pump();
    });
  }

  /** Models ScheduleOne. */
  private scheduleOne(q: QueuedPodInfo): void {
    const pi = q.podInfo;
    const live = this.ctx.api.get<PodObject>('Pod', pi.namespace, pi.name);
    // Models skipPodSchedule: gone, replaced, already bound or being deleted.
    if (!live || live.metadata.uid !== pi.pod.metadata.uid || live.spec?.nodeName || live.metadata.deletionTimestamp) {
      this.queue.done(q.uid);
      return;
    }
    const state = this.fwk.newCycleState();
    const result = this.algorithm.schedulePod(state, pi);
    if (result.node) {
      this.bind(q, result);
      return;
    }
    this.handleFailure(q, result, state);
  }

  /** Models bind + finishBinding: spec.nodeName, then PodScheduled=True, then the Scheduled event. */
  private bind(q: QueuedPodInfo, result: ScheduleResult): void {
    const pi = q.podInfo;
    const nodeName = result.node!.name;
    const api = this.ctx.api;
    const bound = api.bind(pi.namespace, pi.name, nodeName);
    if (!bound.ok) {
      if (bound.status.code === 404) {
        this.queue.done(q.uid);
        return;
      }
      this.handleFailure(q, { ...result, node: undefined, error: new Status(Code.Error, [`binding rejected: ${bound.status.message}`]) }, undefined);
      return;
    }
    if ((bound.value.status as { nominatedNodeName?: string } | undefined)?.nominatedNodeName) {
      api.mutate<PodObject>('Pod', pi.namespace, pi.name, (draft) => {
        delete (podStatus(draft) as { nominatedNodeName?: string }).nominatedNodeName;
      }, 'status');
    }
    this.queue.done(q.uid);
    this.record(q, result, 'Scheduled', { selectedNode: nodeName });
    this.ctx.events.record(this.source, bound.value, 'Normal', 'Scheduled', `Successfully assigned ${pi.namespace}/${pi.name} to ${nodeName}`);
  }

  /** Models the FitError branch of schedulingCycle (PostFilter) and handleSchedulingFailure. */
  private handleFailure(q: QueuedPodInfo, result: ScheduleResult, state: CycleState | undefined): void {
    const pi = q.podInfo;
    let status: Status;
    let message: string;
    let nominated: string | undefined;
    const d = result.diagnosis;
    if (!result.error && d) {
      // No node fits: let PostFilter (preemption) try to make room.
      if (this.fwk.hasPostFilterPlugins && state) {
        const pf = this.fwk.runPostFilterPlugins(state, pi, d.nodeToStatus);
        d.postFilterMsg = pf.status?.message ?? '';
        nominated = pf.nominatedNodeName;
      } else {
        nominated = '';
      }
      message = fitErrorMessage(result.numAllNodes, d);
      status = new Status(Code.Unschedulable, [message]);
      q.unschedulablePlugins = d.unschedulablePlugins;
      q.pendingPlugins = d.pendingPlugins;
    } else {
      status = result.error ?? new Status(Code.Error, ['unknown scheduling error']);
      message = status.message;
      nominated = '';
    }
    const reason = status.isRejected ? 'Unschedulable' : 'SchedulerError';

    const live = this.ctx.api.get<PodObject>('Pod', pi.namespace, pi.name);
    if (!live || live.metadata.uid !== pi.pod.metadata.uid || live.spec?.nodeName) {
      this.queue.done(q.uid);
    } else {
      this.queue.addUnschedulableIfNotPresent(q);
    }
    if (nominated !== undefined) this.queue.setNominatedNode(pi, nominated);
    this.record(q, result, status.isRejected ? 'Unschedulable' : 'Error', { message, nominatedNode: nominated });
    if (!live) return;

    this.ctx.events.record(this.source, live, 'Warning', 'FailedScheduling', truncateMessage(message));
    const now = this.ctx.clock.nowMs;
    this.ctx.api.mutate<PodObject>(
      'Pod',
      pi.namespace,
      pi.name,
      (draft) => {
        const st = podStatus(draft);
        updatePodCondition(draft, st, { type: 'PodScheduled', status: 'False', reason, message }, now);
        const cur = (st as { nominatedNodeName?: string }).nominatedNodeName ?? '';
        if (nominated !== undefined && cur !== nominated) {
          if (nominated) (st as { nominatedNodeName?: string }).nominatedNodeName = nominated;
          else delete (st as { nominatedNodeName?: string }).nominatedNodeName;
        }
      },
      'status',
    );
  }

  private record(q: QueuedPodInfo, result: ScheduleResult, outcome: DecisionRecord['result'], extra: { selectedNode?: string; nominatedNode?: string; message?: string }): void {
    const pi = q.podInfo;
    const d = result.diagnosis;
    const rec: DecisionRecord = {
      podKey: pi.key,
      podUid: pi.uid,
      attempt: q.attempts,
      atMs: this.ctx.clock.nowMs,
      result: outcome,
      ...(extra.selectedNode !== undefined ? { selectedNode: extra.selectedNode } : {}),
      ...(extra.nominatedNode ? { nominatedNode: extra.nominatedNode } : {}),
      ...(extra.message !== undefined ? { message: extra.message } : {}),
      numAllNodes: result.numAllNodes,
      feasibleNodes: result.feasible.map((n) => n.name),
      ...(d ? { nodeToStatus: d.nodeToStatus } : {}),
      ...(d?.preFilterMsg ? { preFilterMessage: d.preFilterMsg } : {}),
      ...(d?.postFilterMsg ? { postFilterMessage: d.postFilterMsg } : {}),
      scorePlugins: result.scores?.plugins.map((p) => ({ name: p.name, weight: p.weight })) ?? [],
      pluginScores: result.scores?.plugins.map((p) => Int16Array.from(p.scores)) ?? [],
      ...(result.scores ? { totals: Int32Array.from(result.scores.totals) } : {}),
    };
    this.decisions.put(rec);
  }
}

/** Re-exported for the why panel and tests. */
export type { SchedulingDecision } from './decision';
