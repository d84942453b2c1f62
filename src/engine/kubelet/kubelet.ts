/**
 * The simulated kubelet of one node: runs the pods bound to it through their lifecycle (sandbox, image pulls,
 * init containers, containers, exits and restarts with backoff, graceful termination), reports pod status and
 * events, and keeps the node's Lease fresh.
 * Models pkg/kubelet/pod_workers.go, kuberuntime/kuberuntime_manager.go (SyncPod, computePodActions) and
 * images/image_manager.go (EnsureImageExists) at the level of observable status and events.
 */
import type { Pod, Container } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/types';
import { toTimestamp, fromTimestamp, toMicroTimestamp } from '../api/meta';
import { fnv32a } from '../api/names';
import { goDurationString } from '../api/duration';
import type { ComponentContext } from '../cluster/context';
import type { Rng } from '../sim/rng';
import type { TaskHandle } from '../sim/clock';
import { Backoff } from './backoff';
import { NodeIpam } from './ipam';
import { newContainerRecord, type ContainerRecord } from './container-state';
import { generatePodStatus, podPhase } from './pod-status';
import { parseImage, lookupImage } from './runtime/images';
import { programFor } from './runtime/program';
import { podClaimReadiness } from '../controllers/volume/helpers/claim-readiness';

/** Timing of the simulated node, in ms (seeded jitter is applied within each range). */
export interface KubeletTimings {
  syncMs: [number, number];
  sandboxMs: [number, number];
  createMs: [number, number];
  /** Effective pull bandwidth in bytes per ms. */
  pullBytesPerMs: [number, number];
  leaseRenewMs: number;
}

export const DEFAULT_TIMINGS: KubeletTimings = {
  syncMs: [20, 120],
  sandboxMs: [300, 900],
  createMs: [60, 250],
  pullBytesPerMs: [15_000, 40_000],
  leaseRenewMs: 10_000,
};

interface PodWorker {
  uid: string;
  namespace: string;
  name: string;
  restartPolicy: string;
  containers: ContainerRecord[];
  initContainers: ContainerRecord[];
  sandboxReady: boolean;
  podIP?: string;
  startTimeMs: number;
  terminating: boolean;
  /** Set once deletion starts: when it started, each running container's own exit time after SIGTERM, and the kills. */
  termination?: { startMs: number; graceMs: number; exitsAtMs: Map<ContainerRecord, number>; timers: TaskHandle[] };
  timers: TaskHandle[];
  /** The pod spec this worker runs (containers are immutable except image). */
  spec: Pod['spec'];
  hostNetwork: boolean;
}

const SOURCE_COMPONENT = 'kubelet';

/** One node's kubelet. */
export class Kubelet {
  private readonly workers = new Map<string, PodWorker>();
  /** Images present on the node (containerd's content store), by full name. */
  private readonly images = new Set<string>();
  /** In-flight pulls: image -> time the pull completes. */
  private readonly pulling = new Map<string, number>();
  /** Container logs by `pod uid/container`: the running instance's lines and the previous instance's. */
  private readonly logs = new Map<string, { current: string[]; previous?: string[] }>();
  private readonly restartBackoff = new Backoff();
  private readonly pullBackoff = new Backoff();
  private readonly rng: Rng;
  private readonly ipam: NodeIpam | undefined;

  constructor(
    private readonly ctx: ComponentContext,
    readonly nodeName: string,
    readonly nodeIP: string,
    podCidrPrefix: string | undefined,
    private readonly timings: KubeletTimings = DEFAULT_TIMINGS,
    preloadedImages: readonly string[] = [],
  ) {
    this.rng = ctx.rng.fork(`kubelet:${nodeName}`);
    this.ipam = podCidrPrefix ? new NodeIpam(podCidrPrefix) : undefined;
    for (const img of preloadedImages) this.images.add(parseImage(img).fullName);
  }

  /** Starts the periodic Lease renewal (kube-node-lease/<node>). */
  startHeartbeat(): void {
    const renew = () => {
      const r = this.ctx.api.mutate('Lease', 'kube-node-lease', this.nodeName, (l) => {
        (l.spec as { renewTime?: string }).renewTime = toMicroTimestamp(this.ctx.clock.nowMs);
      });
      if (!r.ok) this.createLease();
      this.ctx.clock.schedule(this.timings.leaseRenewMs, `kubelet:${this.nodeName} lease`, renew);
    };
    this.createLease();
    this.ctx.clock.schedule(this.timings.leaseRenewMs, `kubelet:${this.nodeName} lease`, renew);
  }

  private createLease(): void {
    const node = this.ctx.api.get('Node', undefined, this.nodeName);
    this.ctx.api.create({
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: {
        name: this.nodeName,
        namespace: 'kube-node-lease',
        ...(node ? { ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: this.nodeName, uid: node.metadata.uid! }] } : {}),
      },
      spec: { holderIdentity: this.nodeName, leaseDurationSeconds: 40, renewTime: toMicroTimestamp(this.ctx.clock.nowMs) },
    });
  }

  /** Called for every change of a pod bound to this node. */
  onPod(pod: Pod & KubeObject, deleted: boolean): void {
    const uid = pod.metadata.uid!;
    if (deleted) {
      this.forget(uid);
      return;
    }
    let w = this.workers.get(uid);
    if (!w) {
      const phase = pod.status?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') {
        if (pod.metadata.deletionTimestamp) this.finishDeletion(pod);
        return;
      }
      w = this.newWorker(pod);
      this.workers.set(uid, w);
      this.after(w, this.jitter(this.timings.syncMs), 'sync', () => this.startPod(w!));
    }
    if (pod.metadata.deletionTimestamp) {
      if (!w.terminating) this.beginTermination(w, pod);
      else this.shortenGrace(w, pod);
    }
  }

  private newWorker(pod: Pod & KubeObject): PodWorker {
    const spec = pod.spec!;
    return {
      uid: pod.metadata.uid!,
      namespace: pod.metadata.namespace!,
      name: pod.metadata.name,
      restartPolicy: spec.restartPolicy ?? 'Always',
      containers: spec.containers.map((c) => newContainerRecord(c.name, c.image ?? '', false, spec.initContainers?.length ? 'PodInitializing' : 'ContainerCreating')),
      initContainers: (spec.initContainers ?? []).map((c) => newContainerRecord(c.name, c.image ?? '', true, 'PodInitializing')),
      sandboxReady: false,
      startTimeMs: this.ctx.clock.nowMs,
      terminating: false,
      timers: [],
      spec,
      hostNetwork: spec.hostNetwork === true,
    };
  }

  // ----- lifecycle -------------------------------------------------------------------------------------------

  private startPod(w: PodWorker): void {
    w.startTimeMs = this.ctx.clock.nowMs;
    if (w.initContainers.length > 0) w.initContainers[0]!.state = { kind: 'waiting', reason: 'PodInitializing' };
    this.writeStatus(w);
    // The sandbox starts once the pod's PersistentVolumeClaims can be mounted (see waitForClaims).
    this.waitForClaims(w, this.ctx.clock.nowMs, () => this.after(w, this.jitter(this.timings.sandboxMs), 'sandbox', () => {
      if (w.terminating) return;
      w.podIP = w.hostNetwork ? this.nodeIP : this.ipam?.allocate();
      w.sandboxReady = true;
      this.writeStatus(w);
      this.runNextInit(w);
    }));
  }

  /**
   * Runs `proceed` once every claim the pod mounts is Bound. A claim still being bound for this node is
   * re-checked every 300ms without an event for up to 2 minutes; otherwise (and after that) the kubelet
   * reports FailedMount and retries after the pod worker's 10-15s backoff.
   * Models volumemanager WaitForAttachAndMount (300ms polls, 2m timeout) and the pod worker's retry.
   * Divergence: the quiet wait stands in for the scheduler's PreBind wait, which here follows the binding.
   */
  private waitForClaims(w: PodWorker, sinceMs: number, proceed: () => void): void {
    const pod = this.pod(w);
    if (!pod || w.terminating) return;
    const check = podClaimReadiness(this.ctx.api, pod, this.nodeName);
    if (check.ready) {
      proceed();
      return;
    }
    if (check.binding && this.ctx.clock.nowMs - sinceMs < 120_000) {
      this.after(w, 300, 'volumes', () => this.waitForClaims(w, sinceMs, proceed));
      return;
    }
    this.event(pod, 'Warning', 'FailedMount', check.message);
    this.after(w, this.jitter([10_000, 15_000]), 'volumes', () => this.waitForClaims(w, sinceMs, proceed));
  }

  /** Init containers run one at a time; regular containers start once all have succeeded. */
  private runNextInit(w: PodWorker): void {
    const next = w.initContainers.find((c) => !(c.state.kind === 'terminated' && c.state.exitCode === 0));
    if (!next) {
      for (const c of w.containers) this.startContainer(w, c);
      return;
    }
    if (next.state.kind === 'running') return;
    this.startContainer(w, next);
  }

  private specOf(w: PodWorker, c: ContainerRecord): Container {
    const list = c.isInit ? w.spec!.initContainers ?? [] : w.spec!.containers;
    return list.find((x) => x.name === c.name)!;
  }

  private startContainer(w: PodWorker, c: ContainerRecord): void {
    if (w.terminating) return;
    const spec = this.specOf(w, c);
    const ref = parseImage(spec.image ?? '');
    const { repo, exists } = lookupImage(ref);
    const policy = spec.imagePullPolicy ?? (ref.tag === 'latest' && !ref.digest ? 'Always' : 'IfNotPresent');
    const present = this.images.has(ref.fullName);
    const podObj = this.pod(w);
    if (!podObj) return;
    const fieldPath = `spec.${c.isInit ? 'initContainers' : 'containers'}{${c.name}}`;
    const proceed = () => this.createAndStart(w, c, spec, repo.behaviour, ref.fullName);

    if (present && policy !== 'Always') {
      this.event(podObj, 'Normal', 'Pulled', `Container image "${spec.image}" already present on machine`, fieldPath);
      this.after(w, 1, `start ${c.name}`, proceed);
      return;
    }
    if (policy === 'Never') {
      c.state = { kind: 'waiting', reason: 'ErrImageNeverPull', message: `Container image "${spec.image}" is not present with pull policy of Never` };
      this.event(podObj, 'Warning', 'ErrImageNeverPull', `Container image "${spec.image}" is not present with pull policy of Never`, fieldPath);
      this.event(podObj, 'Warning', 'Failed', 'Error: ErrImageNeverPull', fieldPath);
      this.writeStatus(w);
      return;
    }
    const backoffKey = `${w.uid}/${spec.image}`;
    this.event(podObj, 'Normal', 'Pulling', `Pulling image "${spec.image}"`, fieldPath);
    const startMs = this.ctx.clock.nowMs;
    if (!exists) {
      const delay = this.jitter([400, 1500]);
      this.after(w, delay, `pull ${spec.image}`, () => {
        const p = this.pod(w);
        if (!p) return;
        const why = `rpc error: code = NotFound desc = failed to pull and unpack image "${ref.fullName}": failed to resolve reference "${ref.fullName}": ${ref.fullName}: not found`;
        this.event(p, 'Warning', 'Failed', `Failed to pull image "${spec.image}": ${why}`, fieldPath);
        this.event(p, 'Warning', 'Failed', 'Error: ErrImagePull', fieldPath);
        // The waiting message is the runtime's error text itself, gRPC status prefix included.
        c.state = { kind: 'waiting', reason: 'ErrImagePull', message: why };
        this.writeStatus(w);
        const backoffMs = this.pullBackoff.next(backoffKey, this.ctx.clock.nowMs);
        // The next sync (about a second later) finds the pull in backoff and reports ImagePullBackOff.
        this.after(w, 1000 + this.jitter([0, 500]), `pull-backoff ${spec.image}`, () => {
          const p2 = this.pod(w);
          if (!p2) return;
          c.state = { kind: 'waiting', reason: 'ImagePullBackOff', message: `Back-off pulling image "${spec.image}": ErrImagePull: ${why}` };
          this.event(p2, 'Normal', 'BackOff', `Back-off pulling image "${spec.image}"`, fieldPath);
          this.event(p2, 'Warning', 'Failed', 'Error: ImagePullBackOff', fieldPath);
          this.writeStatus(w);
        });
        this.after(w, backoffMs, `pull-retry ${spec.image}`, () => this.startContainer(w, c));
      });
      return;
    }
    // Pulls of one image on a node are shared: a second pod waits for the first pull and reports the wait.
    const inFlight = this.pulling.get(ref.fullName);
    const pullMs = present ? this.jitter([300, 900]) : Math.round(repo.sizeBytes / this.jitter(this.timings.pullBytesPerMs)) + this.jitter([200, 600]);
    const doneAt = inFlight !== undefined && inFlight > startMs ? inFlight : startMs + pullMs;
    if (inFlight === undefined || inFlight <= startMs) this.pulling.set(ref.fullName, doneAt);
    this.after(w, doneAt - startMs, `pull ${spec.image}`, () => {
      this.images.add(ref.fullName);
      if (this.pulling.get(ref.fullName) === doneAt) this.pulling.delete(ref.fullName);
      const p = this.pod(w);
      if (!p) return;
      // Durations print as Go's time.Duration truncated to milliseconds: `313ms`, `3.741s`, `1m2.5s`.
      const total = goDurationString(Math.trunc(doneAt - startMs));
      const took = inFlight !== undefined && inFlight > startMs ? total : goDurationString(Math.trunc(pullMs));
      this.event(p, 'Normal', 'Pulled', `Successfully pulled image "${spec.image}" in ${took} (${total} including waiting). Image size: ${repo.sizeBytes} bytes.`, fieldPath);
      proceed();
    });
  }

  private createAndStart(w: PodWorker, c: ContainerRecord, spec: Container, behaviour: Parameters<typeof programFor>[0], fullImage: string): void {
    if (w.terminating) return;
    const fieldPath = `spec.${c.isInit ? 'initContainers' : 'containers'}{${c.name}}`;
    this.after(w, this.jitter(this.timings.createMs), `create ${c.name}`, () => {
      const p = this.pod(w);
      if (!p || w.terminating) return;
      c.containerId = `containerd://${this.hex(64)}`;
      c.imageId = `${fullImage.replace(/:[^:/]+$/, '')}@sha256:${stableHex(fullImage, 64)}`;
      this.event(p, 'Normal', 'Created', `Created container: ${c.name}`, fieldPath);
      this.event(p, 'Normal', 'Started', `Started container ${c.name}`, fieldPath);
      const startedAtMs = this.ctx.clock.nowMs;
      c.state = { kind: 'running', startedAtMs };
      c.started = true;
      c.program = programFor(behaviour, spec.command, spec.args);
      this.startLog(w, c, startedAtMs);
      const readiness = spec.readinessProbe;
      if (!c.isInit) {
        if (!readiness) c.ready = true;
        else {
          // Divergence: probes always succeed until the pod-runtime model can make them fail; the first readiness
          // probe runs after initialDelaySeconds and flips the container Ready.
          const delayMs = (readiness.initialDelaySeconds ?? 0) * 1000 + this.jitter([5, 50]);
          c.timers.push(this.after(w, delayMs, `readiness ${c.name}`, () => {
            if (c.state.kind === 'running') {
              c.ready = true;
              this.writeStatus(w);
            }
          }));
        }
      }
      this.writeStatus(w);
      if (Number.isFinite(c.program.runsForMs)) {
        c.timers.push(this.after(w, c.program.runsForMs, `exit ${c.name}`, () => this.onExit(w, c)));
      }
    });
  }

  private onExit(w: PodWorker, c: ContainerRecord): void {
    if (c.state.kind !== 'running' || w.terminating) return;
    const exitCode = c.program?.exitCode ?? 0;
    c.state = { kind: 'terminated', reason: exitCode === 0 ? 'Completed' : 'Error', exitCode, startedAtMs: c.state.startedAtMs, finishedAtMs: this.ctx.clock.nowMs };
    c.ready = false;
    c.started = false;
    const restart = w.restartPolicy === 'Always' || (w.restartPolicy === 'OnFailure' && exitCode !== 0);
    if (c.isInit) {
      if (exitCode === 0) {
        this.writeStatus(w);
        this.runNextInit(w);
        return;
      }
      if (w.restartPolicy === 'Never') {
        this.writeStatus(w);
        return;
      }
    } else if (!restart) {
      this.writeStatus(w);
      return;
    }
    this.scheduleRestart(w, c);
  }

  /** Models kuberuntime doBackOff: first restart at once, then CrashLoopBackOff waits of 10s, 20s, … 300s. */
  private scheduleRestart(w: PodWorker, c: ContainerRecord): void {
    const key = `${w.uid}/${c.name}`;
    const now = this.ctx.clock.nowMs;
    const term = c.state.kind === 'terminated' ? c.state : undefined;
    const waitMs = this.restartBackoff.get(key, now);
    this.restartBackoff.next(key, now);
    const restartNow = () => {
      if (w.terminating) return;
      if (c.state.kind === 'terminated') c.lastTerminated = c.state;
      c.restartCount++;
      this.startContainer(w, c);
    };
    // The exit is reported at once (STATUS Completed / Error) whether or not a backoff follows.
    this.writeStatus(w);
    if (waitMs === 0) {
      this.after(w, this.jitter(this.timings.syncMs), `restart ${c.name}`, restartNow);
      return;
    }
    // After a short sync delay the container shows CrashLoopBackOff until the backoff expires.
    this.after(w, this.jitter([500, 1500]), `backoff ${c.name}`, () => {
      if (w.terminating) return;
      if (term) c.lastTerminated = term;
      c.state = { kind: 'waiting', reason: 'CrashLoopBackOff', message: `back-off ${goDurationString(waitMs)} restarting failed container=${c.name} pod=${w.name}_${w.namespace}(${w.uid})` };
      const p = this.pod(w);
      if (p) this.event(p, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${w.name}_${w.namespace}(${w.uid})`, `spec.containers{${c.name}}`);
      this.writeStatus(w);
    });
    this.after(w, waitMs, `restart ${c.name}`, () => {
      if (w.terminating) return;
      c.restartCount++;
      this.startContainer(w, c);
    });
  }

  private beginTermination(w: PodWorker, pod: Pod & KubeObject): void {
    w.terminating = true;
    for (const t of w.timers) t.cancel();
    w.timers = [];
    const exitsAtMs = new Map<ContainerRecord, number>();
    const now = this.ctx.clock.nowMs;
    for (const c of [...w.containers, ...w.initContainers]) {
      for (const t of c.timers) t.cancel();
      c.timers = [];
      if (c.state.kind !== 'running') continue;
      this.event(pod, 'Normal', 'Killing', `Stopping container ${c.name}`, `spec.${c.isInit ? 'initContainers' : 'containers'}{${c.name}}`);
      const { repo } = lookupImage(parseImage(this.specOf(w, c).image ?? ''));
      // A shell or `sleep` running as PID 1 ignores SIGTERM and is killed when the grace period ends; servers
      // (nginx, redis, ...) exit promptly.
      exitsAtMs.set(c, repo.behaviour === 'server' ? now + repo.stopMs + this.jitter([0, 200]) : Infinity);
    }
    w.termination = { startMs: now, graceMs: (pod.metadata.deletionGracePeriodSeconds ?? 30) * 1000, exitsAtMs, timers: [] };
    this.scheduleKills(w);
    // A running container stays ready until it stops (READY 1/1 Terminating): readiness probes keep running
    // during termination, and endpoints learn of the deletion from deletionTimestamp, not from readiness.
    this.writeStatus(w);
  }

  /** A second delete with a shorter grace period (`kubectl delete --grace-period=N`) brings the SIGKILL forward. */
  private shortenGrace(w: PodWorker, pod: Pod & KubeObject): void {
    const t = w.termination;
    const graceMs = (pod.metadata.deletionGracePeriodSeconds ?? 30) * 1000;
    if (!t || graceMs >= t.graceMs) return;
    t.graceMs = graceMs;
    this.scheduleKills(w);
  }

  /** Stops each running container at its own exit time or when the grace period (counted from the start) ends. */
  private scheduleKills(w: PodWorker): void {
    const t = w.termination!;
    for (const h of t.timers) h.cancel();
    t.timers = [];
    const now = this.ctx.clock.nowMs;
    const deadlineMs = t.startMs + t.graceMs;
    let lastStopMs = now;
    for (const [c, exitsAtMs] of t.exitsAtMs) {
      if (c.state.kind !== 'running') continue;
      const killed = exitsAtMs > deadlineMs;
      const stopAtMs = Math.max(now, killed ? deadlineMs : exitsAtMs);
      lastStopMs = Math.max(lastStopMs, stopAtMs);
      const startedAtMs = c.state.startedAtMs;
      t.timers.push(this.ctx.clock.schedule(stopAtMs - now, `kill ${w.name}/${c.name}`, () => {
        c.state = { kind: 'terminated', reason: killed ? 'Error' : 'Completed', exitCode: killed ? 137 : 0, startedAtMs, finishedAtMs: this.ctx.clock.nowMs };
        c.ready = false;
        c.started = false;
        this.writeStatus(w);
      }));
    }
    t.timers.push(this.ctx.clock.schedule(lastStopMs - now + this.jitter(this.timings.syncMs), `terminated ${w.name}`, () => {
      const p = this.pod(w);
      if (!p) return;
      this.writeStatus(w, true);
      this.finishDeletion(p);
    }));
  }

  /** The kubelet confirms the containers are gone: the pod object is removed (grace period 0). */
  private finishDeletion(pod: KubeObject): void {
    this.ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0, uid: pod.metadata.uid });
  }

  private startLog(w: PodWorker, c: ContainerRecord, startedAtMs: number): void {
    const key = `${w.uid}/${c.name}`;
    const prev = this.logs.get(key);
    const lines = (c.program?.logs ?? []).map((l) => l.replace('$(date)', dateString(startedAtMs)));
    this.logs.set(key, { current: lines, ...(prev && c.restartCount > 0 ? { previous: prev.current } : {}) });
  }

  /** The log of a container of a pod on this node (current or previous instance), or undefined if none. */
  containerLog(podUid: string, container: string, previous: boolean): string[] | undefined {
    const entry = this.logs.get(`${podUid}/${container}`);
    return previous ? entry?.previous : entry?.current;
  }

  private forget(uid: string): void {
    const w = this.workers.get(uid);
    if (!w) return;
    for (const t of w.timers) t.cancel();
    for (const t of w.termination?.timers ?? []) t.cancel();
    for (const c of [...w.containers, ...w.initContainers]) for (const t of c.timers) t.cancel();
    if (w.podIP && !w.hostNetwork) this.ipam?.release(w.podIP);
    this.restartBackoff.clearPrefix(`${uid}/`);
    for (const k of this.logs.keys()) if (k.startsWith(`${uid}/`)) this.logs.delete(k);
    this.pullBackoff.clearPrefix(`${uid}/`);
    this.workers.delete(uid);
  }

  // ----- plumbing --------------------------------------------------------------------------------------------

  private pod(w: PodWorker): (Pod & KubeObject) | undefined {
    const p = this.ctx.api.get<Pod & KubeObject>('Pod', w.namespace, w.name);
    return p && p.metadata.uid === w.uid ? p : undefined;
  }

  private writeStatus(w: PodWorker, terminal = false): void {
    const cur = this.pod(w);
    if (!cur) return;
    const status = generatePodStatus(
      {
        restartPolicy: w.restartPolicy,
        containers: w.containers,
        initContainers: w.initContainers,
        sandboxReady: w.sandboxReady,
        hostIP: this.nodeIP,
        ...(w.podIP ? { podIP: w.podIP } : {}),
        startTimeMs: w.startTimeMs,
        isTerminal: terminal,
        ...(cur.status?.qosClass ? { qosClass: cur.status.qosClass } : {}),
        generation: cur.metadata.generation ?? 1,
      },
      this.ctx.clock.nowMs,
      cur.status,
    );
    this.ctx.api.updateStatus({ ...cur, status } as KubeObject);
    void podPhase;
  }

  private event(pod: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string): void {
    this.ctx.events.record({ component: SOURCE_COMPONENT, host: this.nodeName }, pod, type, reason, message, fieldPath);
  }

  private after(w: PodWorker, delayMs: number, what: string, fn: () => void): TaskHandle {
    const h = this.ctx.clock.schedule(delayMs, `kubelet:${this.nodeName} ${w.name} ${what}`, fn);
    w.timers.push(h);
    return h;
  }

  private jitter([min, max]: [number, number]): number {
    return Math.round(this.rng.range(min, max));
  }

  private hex(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[this.rng.int(16)];
    return s;
  }

  /** Pods this kubelet is running (for node describe and metrics later). */
  get podCount(): number {
    return this.workers.size;
  }

  /** Time a pod has existed per its creationTimestamp (used by tests). */
  static ageMs(pod: KubeObject, nowMs: number): number {
    return nowMs - (fromTimestamp(pod.metadata.creationTimestamp) ?? nowMs);
  }
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `date` as busybox prints it in a UTC container: `Thu Jan 15 09:01:00 UTC 2026`. */
function dateString(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** A deterministic hex string derived from `text` (stable image digests). */
function stableHex(text: string, n: number): string {
  let out = '';
  let seed = fnv32a(text);
  while (out.length < n) {
    seed = fnv32a(`${seed}:${text}`);
    out += seed.toString(16).padStart(8, '0');
  }
  return out.slice(0, n);
}

export { toTimestamp };
