/**
 * Test fixtures for the scheduler: node and pod builders, a plugin handle over a bare cache, and a small cluster
 * (ApiServer + Clock + RunLoop + EventRecorder + scheduler) for integration tests.
 */
import type { Taint, Toleration, Container } from 'kubernetes-types/core/v1';
import { ApiServer } from '../../apiserver/apiserver';
import { EventRecorder } from '../../apiserver/events';
import type { Allocators } from '../../apiserver/strategy';
import type { KubeObject } from '../../api/types';
import { Clock } from '../../sim/clock';
import { RunLoop } from '../../sim/loop';
import { createRng } from '../../sim/rng';
import type { ComponentContext } from '../../cluster/context';
import { SchedulerCache } from '../cache/cache';
import type { Handle } from '../framework/interface';
import type { NodeObject } from '../framework/node-info';
import type { PodObject } from '../framework/pod-info';
import { startScheduler, type Scheduler, type SchedulerOptions } from '../scheduler';

/** Options of makeNode. */
export interface NodeSpecLite {
  cpu?: string;
  memory?: string;
  pods?: string;
  labels?: Record<string, string>;
  taints?: Taint[];
  unschedulable?: boolean;
  images?: { names: string[]; sizeBytes: number }[];
  extra?: Record<string, string>;
}

/** A Node with allocatable = capacity. */
export function makeNode(name: string, o: NodeSpecLite = {}): NodeObject {
  const res: Record<string, string> = { cpu: o.cpu ?? '2', memory: o.memory ?? '4Gi', pods: o.pods ?? '110', ...(o.extra ?? {}) };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, uid: `uid-node-${name}`, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', ...(o.labels ?? {}) } },
    spec: { ...(o.taints ? { taints: o.taints } : {}), ...(o.unschedulable ? { unschedulable: true } : {}) },
    status: { capacity: { ...res }, allocatable: { ...res }, ...(o.images ? { images: o.images } : {}) },
  } as NodeObject;
}

/** Options of makePod. */
export interface PodSpecLite {
  namespace?: string;
  uid?: string;
  labels?: Record<string, string>;
  /** One container per entry: requests (omit keys for "no request"). */
  containers?: { cpu?: string; memory?: string; image?: string; hostPort?: number }[];
  initContainers?: { cpu?: string; memory?: string; image?: string; restartPolicy?: string }[];
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  tolerations?: Toleration[];
  affinity?: NonNullable<PodObject['spec']>['affinity'];
  topologySpreadConstraints?: NonNullable<PodObject['spec']>['topologySpreadConstraints'];
  priority?: number;
  preemptionPolicy?: string;
  schedulerName?: string;
  ownerReferences?: NonNullable<KubeObject['metadata']['ownerReferences']>;
  phase?: string;
  startTime?: string;
}

function container(i: number, c: { cpu?: string; memory?: string; image?: string; hostPort?: number; restartPolicy?: string }): Container {
  const requests: Record<string, string> = {};
  if (c.cpu !== undefined) requests.cpu = c.cpu;
  if (c.memory !== undefined) requests.memory = c.memory;
  return {
    name: `c${i}`,
    image: c.image ?? 'registry.k8s.io/pause:3.10',
    ...(Object.keys(requests).length > 0 ? { resources: { requests } } : {}),
    ...(c.hostPort ? { ports: [{ containerPort: c.hostPort, hostPort: c.hostPort, protocol: 'TCP' }] } : {}),
    ...(c.restartPolicy ? { restartPolicy: c.restartPolicy } : {}),
  } as Container;
}

/** A Pod with explicit fields (no apiserver defaulting is assumed). */
export function makePod(name: string, o: PodSpecLite = {}): PodObject {
  const ns = o.namespace ?? 'default';
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: ns,
      uid: o.uid ?? `uid-${ns}-${name}`,
      generation: 1,
      ...(o.labels ? { labels: o.labels } : {}),
      ...(o.ownerReferences ? { ownerReferences: o.ownerReferences } : {}),
    },
    spec: {
      containers: (o.containers ?? [{}]).map((c, i) => container(i, c)),
      ...(o.initContainers ? { initContainers: o.initContainers.map((c, i) => container(i + 100, c)) } : {}),
      ...(o.nodeName ? { nodeName: o.nodeName } : {}),
      ...(o.nodeSelector ? { nodeSelector: o.nodeSelector } : {}),
      ...(o.tolerations ? { tolerations: o.tolerations } : {}),
      ...(o.affinity ? { affinity: o.affinity } : {}),
      ...(o.topologySpreadConstraints ? { topologySpreadConstraints: o.topologySpreadConstraints } : {}),
      ...(o.priority !== undefined ? { priority: o.priority } : {}),
      ...(o.preemptionPolicy ? { preemptionPolicy: o.preemptionPolicy } : {}),
      ...(o.schedulerName ? { schedulerName: o.schedulerName } : {}),
    },
    status: { phase: o.phase ?? 'Pending', ...(o.startTime ? { startTime: o.startTime } : {}) },
  } as PodObject;
}

/** A plugin handle over a bare cache (plugin unit tests). */
export function makeHandle(cache: SchedulerCache, api?: ApiServer): Handle {
  return {
    snapshot: cache,
    podIndex: cache.podIndex,
    api: api ?? newApi(new Clock(Date.UTC(2025, 0, 1))),
    events: undefined as never,
    rng: createRng(1),
    nominator: { nominatedPodsForNode: () => [] },
    runner: undefined as never,
    schedulerName: 'default-scheduler',
    nowMs: () => Date.UTC(2025, 0, 1),
  };
}

/** Allocators that hand out nothing (the scheduler never creates Services). */
export const NO_ALLOCATORS: Allocators = {
  allocateClusterIP: () => undefined,
  claimClusterIP: () => false,
  releaseClusterIP: () => {},
  allocateNodePort: () => undefined,
  claimNodePort: () => false,
  releaseNodePort: () => {},
};

function newApi(clock: Clock): ApiServer {
  const api = new ApiServer(clock, createRng(7).fork('apiserver'), NO_ALLOCATORS, true);
  const r = api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } } as KubeObject);
  if (!r.ok) throw new Error(r.status.message);
  return api;
}

/** A tiny cluster: apiserver, clock, run loop, recorder and a scheduler. */
export interface TestCluster {
  api: ApiServer;
  clock: Clock;
  loop: RunLoop;
  events: EventRecorder;
  scheduler: Scheduler;
  ctx: ComponentContext;
  /** Creates an object (throws on failure). */
  create<T extends KubeObject>(obj: KubeObject): T;
  pod(name: string, namespace?: string): PodObject;
  /** `reason: message` of the events recorded for a pod, oldest first, with counts. */
  eventsFor(name: string, namespace?: string): { type: string; reason: string; message: string; count: number; source: string }[];
}

/** Starts a cluster with the given nodes (created before the scheduler starts) and options. */
export function newTestCluster(nodes: NodeObject[], opts: SchedulerOptions = {}, seed = 42): TestCluster {
  const clock = new Clock(Date.UTC(2025, 0, 1, 12, 0, 0));
  const api = newApi(clock);
  const events = new EventRecorder(api);
  const ctx: ComponentContext = { api, clock, rng: createRng(seed), events };
  const create = <T extends KubeObject>(obj: KubeObject): T => {
    const r = api.create<T>(obj);
    if (!r.ok) throw new Error(r.status.message);
    return r.value;
  };
  for (const n of nodes) create(n);
  const scheduler = startScheduler(ctx, opts);
  return {
    api,
    clock,
    loop: new RunLoop(clock),
    events,
    scheduler,
    ctx,
    create,
    pod: (name, namespace = 'default') => api.get<PodObject>('Pod', namespace, name)!,
    eventsFor: (name, namespace = 'default') =>
      api
        .list('Event', namespace)
        .filter((e) => (e.involvedObject as { name: string }).name === name)
        .sort((a, b) => String(a.firstTimestamp).localeCompare(String(b.firstTimestamp)) || a.metadata.name.localeCompare(b.metadata.name))
        .map((e) => ({ type: e.type as string, reason: e.reason as string, message: e.message as string, count: e.count as number, source: (e.source as { component: string }).component })),
  };
}
