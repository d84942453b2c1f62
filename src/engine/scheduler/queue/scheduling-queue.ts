/**
 * The scheduling queue: activeQ (ordered by priority, then arrival), backoffQ (pods waiting out their backoff),
 * and the unschedulable pool (pods waiting for a cluster event a rejecting plugin cares about, or for the
 * periodic flush). Also the nominator: pods that preemption nominated to a node.
 * Models pkg/scheduler/backend/queue/scheduling_queue.go, active_queue.go, backoff_queue.go, nominator.go
 * with SchedulerQueueingHints and SchedulerPopFromBackoffQ enabled (the v1.34 defaults).
 */
import type { Clock, TaskHandle } from '../../sim/clock';
import type { KubeObject } from '../../api/types';
import { eventMatches, EVENT_UNSCHEDULABLE_TIMEOUT, type ClusterEvent } from '../framework/events';
import type { PodNominator, QueueingHintFn } from '../framework/interface';
import { PodInfo, type PodObject } from '../framework/pod-info';
import { Heap, type HeapItem } from './heap';

/** Where a queued pod currently is. */
export type QueueLocation = 'active' | 'backoff' | 'errorBackoff' | 'unschedulable' | 'gated' | 'inFlight';

/** A pod in the queue with its attempt bookkeeping. */
export class QueuedPodInfo implements HeapItem {
  heapIndex = -1;
  /** Scheduling attempts so far. */
  attempts = 0;
  initialAttemptTimestampMs: number | undefined;
  /** Plugins that rejected the pod in its last attempt. */
  unschedulablePlugins = new Set<string>();
  pendingPlugins = new Set<string>();
  backoffExpirationMs = 0;
  location: QueueLocation = 'active';
  /** Events seen while the pod was being scheduled (they may already have made it schedulable). */
  inFlightEvents: { event: ClusterEvent; oldObj?: KubeObject; newObj?: KubeObject }[] = [];

  constructor(
    public podInfo: PodInfo,
    /** When the pod was added or last failed. */
    public timestampMs: number,
    readonly seq: number,
  ) {}

  get uid(): string {
    return this.podInfo.uid;
  }
}

/** A plugin's registration for one event kind. */
export interface RegisteredEvent {
  plugin: string;
  event: ClusterEvent;
  hint?: QueueingHintFn;
}

/** Queue timing (upstream defaults: 1s, 10s, 5m; flushes every 1s and 30s). */
export interface QueueOptions {
  podInitialBackoffMs: number;
  podMaxBackoffMs: number;
  podMaxInUnschedulablePodsDurationMs: number;
  backoffFlushIntervalMs: number;
  unschedulableFlushIntervalMs: number;
}

/** Upstream defaults. */
export const DEFAULT_QUEUE_OPTIONS: QueueOptions = {
  podInitialBackoffMs: 1000,
  podMaxBackoffMs: 10_000,
  podMaxInUnschedulablePodsDurationMs: 5 * 60_000,
  backoffFlushIntervalMs: 1000,
  unschedulableFlushIntervalMs: 30_000,
};

type Strategy = 'skip' | 'afterBackoff' | 'immediately';

function podKeyUid(pod: PodObject): string {
  return pod.metadata.uid ?? `${pod.metadata.namespace}/${pod.metadata.name}`;
}

/** The priority queue. `onReady` is called when a pod becomes poppable. */
export class SchedulingQueue implements PodNominator {
  private readonly byUid = new Map<string, QueuedPodInfo>();
  private readonly activeQ = new Heap<QueuedPodInfo>((a, b) => {
    const pa = a.podInfo.priority;
    const pb = b.podInfo.priority;
    if (pa !== pb) return pa > pb;
    if (a.timestampMs !== b.timestampMs) return a.timestampMs < b.timestampMs;
    return a.seq < b.seq;
  });
  private readonly backoffQ = new Heap<QueuedPodInfo>(lessBackoff);
  private readonly errorBackoffQ = new Heap<QueuedPodInfo>(lessBackoff);
  /** Unschedulable pods by rejecting plugin ('' = rejected without a plugin: any event may help). */
  private readonly unschedulableByPlugin = new Map<string, Set<QueuedPodInfo>>();
  private readonly unschedulable = new Set<QueuedPodInfo>();
  private readonly gated = new Set<QueuedPodInfo>();
  private inFlight: QueuedPodInfo | null = null;
  private seq = 0;
  private backoffTimer: TaskHandle | null = null;
  private unschedulableTimer: TaskHandle | null = null;
  private readonly startMs: number;
  // Nominator state.
  private readonly nominatedNode = new Map<string, string>();
  private readonly nominatedByNode = new Map<string, PodInfo[]>();

  constructor(
    private readonly clock: Clock,
    private readonly registrations: readonly RegisteredEvent[],
    private readonly onReady: () => void,
    private readonly opts: QueueOptions = DEFAULT_QUEUE_OPTIONS,
  ) {
    this.startMs = clock.nowMs;
  }

  // --- pod lifecycle -------------------------------------------------------------------------------------

  /** Models PriorityQueue.Add: a new pending pod enters activeQ (or waits gated). */
  add(pod: PodObject): void {
    const uid = podKeyUid(pod);
    if (this.byUid.has(uid)) {
      this.update(undefined, pod);
      return;
    }
    const q = new QueuedPodInfo(PodInfo.of(pod), this.clock.nowMs, this.seq++);
    this.byUid.set(uid, q);
    this.syncNomination(q.podInfo);
    if (isGated(pod)) {
      q.location = 'gated';
      this.gated.add(q);
      return;
    }
    this.pushActive(q);
  }

  /**
   * Models PriorityQueue.Update: refreshes the queued copy; an unschedulable pod whose own spec/labels changed
   * in a way a rejecting plugin cares about is moved back. `actions` classifies the change (0 = status only).
   */
  update(oldPod: PodObject | undefined, newPod: PodObject, actions = 0, event?: ClusterEvent): void {
    const q = this.byUid.get(podKeyUid(newPod));
    if (!q) {
      this.add(newPod);
      return;
    }
    q.podInfo = PodInfo.of(newPod, q.podInfo);
    this.syncNomination(q.podInfo);
    switch (q.location) {
      case 'active':
        this.activeQ.fix(q);
        return;
      case 'backoff':
      case 'errorBackoff':
        return;
      case 'inFlight':
        if (event && actions !== 0) q.inFlightEvents.push({ event, oldObj: oldPod, newObj: newPod });
        return;
      case 'gated':
        if (!isGated(newPod)) {
          this.gated.delete(q);
          this.pushActive(q);
        }
        return;
      case 'unschedulable': {
        if (!event || actions === 0) return;
        const s = this.worthRequeuing(q, event, oldPod, newPod);
        if (s !== 'skip') this.requeue(q, s);
        return;
      }
    }
  }

  /** Models PriorityQueue.Delete: the pod was deleted or bound; forget it. */
  delete(pod: PodObject): void {
    const uid = podKeyUid(pod);
    const q = this.byUid.get(uid);
    this.deleteNomination(uid);
    if (!q) return;
    this.detach(q);
    this.byUid.delete(uid);
    if (this.inFlight === q) this.inFlight = null;
  }

  /** True when the queue tracks the pod. */
  has(uid: string): boolean {
    return this.byUid.has(uid);
  }

  /** The queued entry of a pod, if any. */
  get(uid: string): QueuedPodInfo | undefined {
    return this.byUid.get(uid);
  }

  // --- popping -------------------------------------------------------------------------------------------

  /** True when pop() would return a pod. */
  get hasReady(): boolean {
    if (this.activeQ.length > 0 || this.backoffQ.length > 0) return true;
    const e = this.errorBackoffQ.peek();
    return !!e && e.backoffExpirationMs <= this.clock.nowMs;
  }

  /** Models PriorityQueue.Pop: the highest-priority active pod, else (PopFromBackoffQ) the next backoff pod. */
  pop(): QueuedPodInfo | undefined {
    this.flushBackoffCompleted();
    const q = this.activeQ.pop() ?? this.backoffQ.pop();
    if (!q) return undefined;
    q.location = 'inFlight';
    q.attempts++;
    if (q.initialAttemptTimestampMs === undefined) q.initialAttemptTimestampMs = this.clock.nowMs;
    q.unschedulablePlugins = new Set();
    q.pendingPlugins = new Set();
    q.inFlightEvents = [];
    this.inFlight = q;
    return q;
  }

  /** Models PriorityQueue.Done: the in-flight attempt finished (bound, or re-added as unschedulable). */
  done(uid: string): void {
    if (this.inFlight?.uid === uid) this.inFlight = null;
  }

  /**
   * Models AddUnschedulableIfNotPresent: after a failed attempt the pod waits in the unschedulable pool, unless
   * an event during the attempt (or a failure with no rejecting plugin) sends it to backoff right away.
   */
  addUnschedulableIfNotPresent(q: QueuedPodInfo): void {
    if (this.byUid.get(q.uid) !== q) return;
    if (this.inFlight === q) this.inFlight = null;
    q.timestampMs = this.clock.nowMs;
    q.backoffExpirationMs = 0;
    let strategy: Strategy = 'skip';
    if (q.unschedulablePlugins.size === 0 && q.pendingPlugins.size === 0) {
      strategy = 'afterBackoff';
    } else {
      for (const e of q.inFlightEvents) {
        const s = this.worthRequeuing(q, e.event, e.oldObj, e.newObj);
        if (s === 'immediately') {
          strategy = s;
          break;
        }
        if (s === 'afterBackoff') strategy = s;
      }
    }
    q.inFlightEvents = [];
    if (strategy === 'skip') this.pushUnschedulable(q);
    else this.requeue(q, strategy);
  }

  // --- events --------------------------------------------------------------------------------------------

  /**
   * Models MoveAllToActiveOrBackoffQueue: offers a cluster event to the unschedulable pods whose rejecting
   * plugins registered for it (their queueing hints decide), and records it for the pod in flight.
   */
  moveAllToActiveOrBackoff(event: ClusterEvent, oldObj: KubeObject | undefined, newObj: KubeObject | undefined): void {
    if (this.inFlight) this.inFlight.inFlightEvents.push({ event, oldObj, newObj });
    if (this.unschedulable.size === 0) return;
    const candidates = new Set<QueuedPodInfo>(this.unschedulableByPlugin.get('') ?? []);
    const plugins = new Set<string>();
    for (const r of this.registrations) if (eventMatches(r.event, event)) plugins.add(r.plugin);
    for (const p of plugins) for (const q of this.unschedulableByPlugin.get(p) ?? []) candidates.add(q);
    // Visit in arrival order so requeued pods keep a deterministic relative order.
    for (const q of [...candidates].sort((a, b) => a.seq - b.seq)) {
      const s = this.worthRequeuing(q, event, oldObj, newObj);
      if (s !== 'skip') this.requeue(q, s);
    }
  }

  /** Models isPodWorthRequeuing. */
  private worthRequeuing(q: QueuedPodInfo, event: ClusterEvent, oldObj: KubeObject | undefined, newObj: KubeObject | undefined): Strategy {
    const rejectors = q.unschedulablePlugins.size + q.pendingPlugins.size;
    if (rejectors === 0) return 'afterBackoff';
    if (event.resource === '*') return 'afterBackoff';
    let strategy: Strategy = 'skip';
    for (const r of this.registrations) {
      if (!q.unschedulablePlugins.has(r.plugin) && !q.pendingPlugins.has(r.plugin)) continue;
      if (!eventMatches(r.event, event)) continue;
      let queue = true;
      try {
        queue = r.hint ? r.hint(q.podInfo, oldObj, newObj) : true;
      } catch {
        queue = true;
      }
      if (!queue) continue;
      if (q.pendingPlugins.has(r.plugin)) return 'immediately';
      if (q.pendingPlugins.size === 0) return 'afterBackoff';
      strategy = 'afterBackoff';
    }
    return strategy;
  }

  // Models requeuePodWithQueueingStrategy.
  private requeue(q: QueuedPodInfo, strategy: Strategy): void {
    this.detach(q);
    if (strategy === 'afterBackoff' && this.isBackingOff(q)) {
      this.pushBackoff(q);
      return;
    }
    this.pushActive(q);
  }

  // --- internals -----------------------------------------------------------------------------------------

  /** Models calculateBackoffDuration: initial * 2^(attempts-1), capped. */
  backoffDurationMs(q: QueuedPodInfo): number {
    if (q.attempts === 0) return 0;
    let d = this.opts.podInitialBackoffMs;
    for (let i = 1; i < q.attempts; i++) {
      if (d > this.opts.podMaxBackoffMs - d) return this.opts.podMaxBackoffMs;
      d += d;
    }
    return d;
  }

  private backoffExpiration(q: QueuedPodInfo): number {
    if (q.backoffExpirationMs === 0) q.backoffExpirationMs = q.timestampMs + this.backoffDurationMs(q);
    return q.backoffExpirationMs;
  }

  private isBackingOff(q: QueuedPodInfo): boolean {
    return this.backoffExpiration(q) > this.clock.nowMs;
  }

  private pushActive(q: QueuedPodInfo): void {
    q.location = 'active';
    this.activeQ.push(q);
    this.onReady();
  }

  private pushBackoff(q: QueuedPodInfo): void {
    this.backoffExpiration(q);
    // A pod rejected without any plugin failed on an error; it must wait its backoff out.
    const isError = q.unschedulablePlugins.size === 0 && q.pendingPlugins.size === 0;
    q.location = isError ? 'errorBackoff' : 'backoff';
    (isError ? this.errorBackoffQ : this.backoffQ).push(q);
    this.armBackoffTimer();
    if (!isError) this.onReady();
  }

  private pushUnschedulable(q: QueuedPodInfo): void {
    q.location = 'unschedulable';
    this.unschedulable.add(q);
    const plugins = q.unschedulablePlugins.size + q.pendingPlugins.size === 0 ? [''] : [...q.unschedulablePlugins, ...q.pendingPlugins];
    for (const p of plugins) {
      let s = this.unschedulableByPlugin.get(p);
      if (!s) this.unschedulableByPlugin.set(p, (s = new Set()));
      s.add(q);
    }
    this.armUnschedulableTimer();
  }

  /** Takes the pod out of whichever structure holds it. */
  private detach(q: QueuedPodInfo): void {
    switch (q.location) {
      case 'active':
        this.activeQ.remove(q);
        break;
      case 'backoff':
        this.backoffQ.remove(q);
        break;
      case 'errorBackoff':
        this.errorBackoffQ.remove(q);
        break;
      case 'gated':
        this.gated.delete(q);
        break;
      case 'unschedulable':
        this.unschedulable.delete(q);
        for (const [p, s] of this.unschedulableByPlugin) {
          s.delete(q);
          if (s.size === 0) this.unschedulableByPlugin.delete(p);
        }
        break;
      case 'inFlight':
        break;
    }
  }

  /** Models flushBackoffQCompleted. */
  private flushBackoffCompleted(): void {
    const now = this.clock.nowMs;
    for (const h of [this.backoffQ, this.errorBackoffQ]) {
      for (let q = h.peek(); q && q.backoffExpirationMs <= now; q = h.peek()) {
        h.pop();
        this.pushActive(q);
      }
    }
  }

  private nextTick(atMs: number, intervalMs: number): number {
    return this.startMs + Math.ceil((atMs - this.startMs) / intervalMs) * intervalMs;
  }

  private armBackoffTimer(): void {
    const a = this.backoffQ.peek()?.backoffExpirationMs ?? Infinity;
    const b = this.errorBackoffQ.peek()?.backoffExpirationMs ?? Infinity;
    const due = Math.min(a, b);
    if (due === Infinity) return;
    const at = this.nextTick(Math.max(due, this.clock.nowMs), this.opts.backoffFlushIntervalMs);
    if (this.backoffTimer && this.backoffTimer.atMs <= at) return;
    this.backoffTimer?.cancel();
    this.backoffTimer = this.clock.schedule(at - this.clock.nowMs, 'scheduler flushBackoffQCompleted', () => {
      this.backoffTimer = null;
      const before = this.activeQ.length;
      this.flushBackoffCompleted();
      if (this.activeQ.length > before) this.onReady();
      this.armBackoffTimer();
    });
  }

  private armUnschedulableTimer(): void {
    if (this.unschedulableTimer || this.unschedulable.size === 0) return;
    let oldest = Infinity;
    for (const q of this.unschedulable) if (q.timestampMs < oldest) oldest = q.timestampMs;
    // Strictly longer than the limit, checked on the flush period's ticks.
    const at = this.nextTick(Math.max(oldest + this.opts.podMaxInUnschedulablePodsDurationMs + 1, this.clock.nowMs), this.opts.unschedulableFlushIntervalMs);
    this.unschedulableTimer = this.clock.schedule(at - this.clock.nowMs, 'scheduler flushUnschedulablePodsLeftover', () => {
      this.unschedulableTimer = null;
      this.flushUnschedulableLeftover();
      this.armUnschedulableTimer();
    });
  }

  /** Models flushUnschedulablePodsLeftover: pods unschedulable for longer than 5 minutes get another try. */
  private flushUnschedulableLeftover(): void {
    const now = this.clock.nowMs;
    const due = [...this.unschedulable].filter((q) => now - q.timestampMs > this.opts.podMaxInUnschedulablePodsDurationMs).sort((a, b) => a.seq - b.seq);
    for (const q of due) {
      const s = this.worthRequeuing(q, EVENT_UNSCHEDULABLE_TIMEOUT, undefined, undefined);
      if (s !== 'skip') this.requeue(q, s);
    }
  }

  // --- nominator -----------------------------------------------------------------------------------------

  /** Pods nominated to `nodeName` (status.nominatedNodeName). */
  nominatedPodsForNode(nodeName: string): readonly PodInfo[] {
    return this.nominatedByNode.get(nodeName) ?? NONE;
  }

  /** Models AddNominatedPod with an override: '' clears the nomination. */
  setNominatedNode(pi: PodInfo, nodeName: string): void {
    this.deleteNomination(pi.uid);
    if (!nodeName || pi.nodeName) return;
    this.nominatedNode.set(pi.uid, nodeName);
    let list = this.nominatedByNode.get(nodeName);
    if (!list) this.nominatedByNode.set(nodeName, (list = []));
    list.push(pi);
  }

  private syncNomination(pi: PodInfo): void {
    const want = (pi.pod.status as { nominatedNodeName?: string } | undefined)?.nominatedNodeName ?? '';
    const cur = this.nominatedNode.get(pi.uid);
    if (cur === undefined && want === '') return;
    if (cur === want) {
      // Same node: refresh the PodInfo reference (priority or requests may have changed).
      const list = this.nominatedByNode.get(want)!;
      const i = list.findIndex((p) => p.uid === pi.uid);
      if (i >= 0) list[i] = pi;
      return;
    }
    this.setNominatedNode(pi, want);
  }

  private deleteNomination(uid: string): void {
    const node = this.nominatedNode.get(uid);
    if (node === undefined) return;
    this.nominatedNode.delete(uid);
    const list = this.nominatedByNode.get(node);
    if (!list) return;
    const i = list.findIndex((p) => p.uid === uid);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.nominatedByNode.delete(node);
  }

  /** Cancels the flush timers (the scheduler is stopping). */
  close(): void {
    this.backoffTimer?.cancel();
    this.backoffTimer = null;
    this.unschedulableTimer?.cancel();
    this.unschedulableTimer = null;
  }

  // --- introspection -------------------------------------------------------------------------------------

  /** Counts per location (for tests and the UI). */
  stats(): Record<QueueLocation, number> {
    return {
      active: this.activeQ.length,
      backoff: this.backoffQ.length,
      errorBackoff: this.errorBackoffQ.length,
      unschedulable: this.unschedulable.size,
      gated: this.gated.size,
      inFlight: this.inFlight ? 1 : 0,
    };
  }
}

const NONE: readonly PodInfo[] = [];

function lessBackoff(a: QueuedPodInfo, b: QueuedPodInfo): boolean {
  if (a.backoffExpirationMs !== b.backoffExpirationMs) return a.backoffExpirationMs < b.backoffExpirationMs;
  return a.seq < b.seq;
}

function isGated(pod: PodObject): boolean {
  return (pod.spec?.schedulingGates?.length ?? 0) > 0;
}
