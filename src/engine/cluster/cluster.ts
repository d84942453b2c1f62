/**
 * The composition root: one clock, one seeded RNG, one apiserver, and every control-plane component wired to
 * them. `createCluster()` returns a running cluster that has finished bootstrapping (system pods Running).
 */
import type { KubeObject } from '../api/types';
import type { Pod } from 'kubernetes-types/core/v1';
import { typeForKind } from '../api/registry';
import { badRequest, fail, notFound, ok, type Result } from '../apiserver/status';
import { Clock } from '../sim/clock';
import { createRng, type Rng } from '../sim/rng';
import { RunLoop } from '../sim/loop';
import { ApiServer } from '../apiserver/apiserver';
import { EventRecorder } from '../apiserver/events';
import { ServiceAllocators } from '../apiserver/allocators';
import { registerAllStrategies } from '../apiserver/strategies';
import { registerDefaultAdmission } from '../apiserver/admission';
import { startScheduler, type Scheduler } from '../scheduler/scheduler';
import { startReplicaSetController } from '../controllers/replicaset';
import { startDeploymentController } from '../controllers/deployment';
import { startDaemonSetController } from '../controllers/daemon/daemon-controller';
import { startStatefulSetController } from '../controllers/statefulset';
import { startJobController } from '../controllers/job';
import { startCronJobController } from '../controllers/cronjob';
import { startTTLAfterFinishedController } from '../controllers/ttlafterfinished';
import { startEndpointsController } from '../controllers/endpoint/endpoints-controller';
import { startEndpointSliceController } from '../controllers/endpointslice/endpointslice-controller';
import { startGarbageCollector } from '../controllers/garbagecollector/garbage-collector';
import { startNamespaceController } from '../controllers/namespace/namespace-controller';
import { startServiceAccountsController } from '../controllers/serviceaccount/serviceaccounts-controller';
import { startRootCACertPublisher } from '../controllers/rootcacertpublisher/publisher';
import { Kubelet, DEFAULT_TIMINGS, type KubeletTimings } from '../kubelet/kubelet';
import { KubeletFleet } from '../kubelet/fleet';
import { registerStorageObjectInUseProtection, startVolumeControllers } from '../controllers/volume';
import { registerVolumeBindingPlugin, startVolumeBindingPreBind } from '../scheduler/plugins/volumebinding';
import { createLocalPathStorage, LOCAL_PATH_STORAGE_IMAGES } from './bootstrap';
import type { ComponentContext } from './context';
import { DEFAULT_CONFIG, DEFAULT_CLUSTER_NAME, resolveTopology, validateClusterConfig, type ClusterConfig, type ResolvedNode } from './topology';
import { coreDnsObjects, createKubernetesService, createSystemNamespaces, createSystemPriorityClasses, healthyConditions, nodeDaemonSets, nodeObject, staticPods } from './bootstrap';
import { PRELOADED_IMAGES } from './versions';
import { clusterCaPem } from './ca';

/** Options of a new cluster. Everything has a default; the same options always give the same cluster. */
export interface CreateClusterOptions {
  /** Seed of every random draw (pod suffixes, IPs, latencies). Default 1. */
  seed?: number;
  /** kind-style topology; default one control-plane node and two workers. */
  config?: ClusterConfig;
  /** Virtual time at which the cluster is created (ms since epoch). Default 2026-01-15T09:00:00Z. */
  startTimeMs?: number;
  /** Virtual time run after bootstrap so system pods are up before the first command. Default 60s. */
  settleMs?: number;
  /** Freeze stored objects (tests: catches code that mutates what it read). */
  freezeObjects?: boolean;
  timings?: Partial<KubeletTimings>;
}

export const DEFAULT_START_TIME_MS = Date.UTC(2026, 0, 15, 9, 0, 0);
export const DEFAULT_SEED = 1;

/** A running simulated cluster. */
export class Cluster {
  readonly clock: Clock;
  readonly loop: RunLoop;
  readonly rng: Rng;
  readonly api: ApiServer;
  readonly events: EventRecorder;
  readonly scheduler: Scheduler;
  readonly kubelets: KubeletFleet;
  readonly nodes: readonly ResolvedNode[];
  readonly name: string;
  readonly seed: number;
  private readonly ctx: ComponentContext;

  constructor(opts: CreateClusterOptions = {}) {
    const config = opts.config ?? DEFAULT_CONFIG;
    const problems = validateClusterConfig(config);
    if (problems.length > 0) throw new ClusterConfigError(problems);
    this.seed = opts.seed ?? DEFAULT_SEED;
    this.name = config.name ?? DEFAULT_CLUSTER_NAME;
    this.clock = new Clock(opts.startTimeMs ?? DEFAULT_START_TIME_MS);
    this.loop = new RunLoop(this.clock);
    this.rng = createRng(this.seed);
    registerAllStrategies();
    this.api = new ApiServer(this.clock, this.rng.fork('apiserver'), new ServiceAllocators(this.rng.fork('allocators')), opts.freezeObjects ?? false);
    registerDefaultAdmission(this.api);
    registerStorageObjectInUseProtection(this.api);
    this.events = new EventRecorder(this.api);
    this.ctx = { api: this.api, clock: this.clock, rng: this.rng, events: this.events };
    this.nodes = resolveTopology(config);

    // Controllers start before anything exists, so their watches see every object from the first one on.
    startNamespaceController(this.ctx);
    startServiceAccountsController(this.ctx);
    startRootCACertPublisher(this.ctx, clusterCaPem(this.name));
    startGarbageCollector(this.ctx);
    startReplicaSetController(this.ctx);
    startDeploymentController(this.ctx);
    startDaemonSetController(this.ctx);
    startStatefulSetController(this.ctx);
    startJobController(this.ctx);
    startCronJobController(this.ctx);
    startTTLAfterFinishedController(this.ctx);
    startEndpointsController(this.ctx);
    startEndpointSliceController(this.ctx);
    startVolumeControllers(this.ctx);
    registerVolumeBindingPlugin();
    this.scheduler = startScheduler(this.ctx);
    startVolumeBindingPreBind(this.ctx);
    this.kubelets = new KubeletFleet(this.ctx);

    createSystemNamespaces(this.api);
    createSystemPriorityClasses(this.api);
    const cp = this.nodes.find((n) => n.role === 'control-plane')!;
    createKubernetesService(this.api, cp.internalIP);
    // Service accounts must exist before pods are admitted: let the controllers create them first.
    this.loop.advance(10);
    const timings = { ...DEFAULT_TIMINGS, ...(opts.timings ?? {}) };
    for (const n of this.nodes) this.addNode(n, timings);
    for (const obj of [...coreDnsObjects(), ...nodeDaemonSets()]) this.mustCreate(obj);
    createLocalPathStorage(this.api);
    this.loop.advance(opts.settleMs ?? 60_000);
  }

  /** Registers a node: the Node object, its kubelet (with lease heartbeats) and, on control planes, static pods. */
  private addNode(n: ResolvedNode, timings: KubeletTimings): void {
    const node = this.mustCreate(nodeObject(n, this.name));
    const withStatus = { ...node, status: { ...(nodeObject(n, this.name).status as object), conditions: healthyConditions(this.clock.nowMs) } };
    const r = this.api.updateStatus(withStatus as KubeObject);
    if (!r.ok) throw new Error(`bootstrap: node status for ${n.name}: ${r.status.message}`);
    const kubelet = new Kubelet(this.ctx, n.name, n.internalIP, n.podCidrPrefix, timings, [...PRELOADED_IMAGES, ...LOCAL_PATH_STORAGE_IMAGES]);
    this.kubelets.add(kubelet);
    kubelet.startHeartbeat();
    if (n.role === 'control-plane') for (const pod of staticPods(n, node.metadata.uid!)) this.mustCreate(pod);
  }

  private mustCreate(obj: KubeObject): KubeObject {
    const r = this.api.create(obj);
    if (!r.ok) throw new Error(`bootstrap: cannot create ${obj.kind} ${obj.metadata.name}: ${r.status.message}`);
    return r.value;
  }

  /**
   * A container's log, as the kubelet serves `kubectl logs` (lines joined, each ending in a newline), or the
   * apiserver's error when there is none to show.
   */
  logs(namespace: string, podName: string, container: string, opts: { previous?: boolean; tailLines?: number } = {}): Result<string> {
    const pod = this.api.get<Pod & KubeObject>('Pod', namespace, podName);
    const podType = typeForKind('Pod')!;
    if (!pod) return fail(notFound(podType, podName));
    const all = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
    if (!all.some((c) => c.name === container)) return fail(badRequest(`container ${container} is not valid for pod ${podName}`));
    const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
    const st = statuses.find((s) => s.name === container);
    const kubelet = pod.spec?.nodeName ? this.kubelets.get(pod.spec.nodeName) : undefined;
    if (opts.previous) {
      const prev = kubelet?.containerLog(pod.metadata.uid!, container, true);
      if (!prev) return fail(badRequest(`previous terminated container "${container}" in pod "${podName}" not found`));
      return ok(render(prev, opts.tailLines));
    }
    const lines = kubelet?.containerLog(pod.metadata.uid!, container, false);
    if (!lines) {
      const reason = st?.state?.waiting?.reason ?? 'ContainerCreating';
      return fail(badRequest(`container "${container}" in pod "${podName}" is waiting to start: ${reason}`));
    }
    return ok(render(lines, opts.tailLines));
  }

  /** Virtual now, ms since the epoch. */
  get nowMs(): number {
    return this.clock.nowMs;
  }

  /** Runs the cluster for `ms` of virtual time. */
  advance(ms: number): void {
    this.loop.advance(ms);
  }

  /** Runs the next scheduled task. */
  step(): boolean {
    return this.loop.step();
  }

  /** Runs until nothing is due within the horizon (periodic heartbeats aside, the cluster has settled). */
  runUntilIdle(horizonMs?: number): void {
    this.loop.runUntilIdle(horizonMs);
  }
}

function render(lines: string[], tail?: number): string {
  const shown = tail !== undefined && tail >= 0 ? lines.slice(Math.max(0, lines.length - tail)) : lines;
  return shown.map((l) => `${l}\n`).join('');
}

/** The cluster config is not usable; `problems` lists why, one line each. */
export class ClusterConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid cluster config:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Creates and bootstraps a cluster. */
export function createCluster(opts: CreateClusterOptions = {}): Cluster {
  return new Cluster(opts);
}
