/**
 * Builds a pod's status from the kubelet's container records: phase, conditions and container statuses.
 * Models pkg/kubelet/kubelet_pods.go generateAPIPodStatus / getPhase and pkg/kubelet/status/generate.go.
 */
import type { PodStatus, ContainerStatus, PodCondition, ContainerState } from 'kubernetes-types/core/v1';
import { toTimestamp } from '../api/meta';
import type { ContainerRecord, RuntimeState } from './container-state';

/** Inputs the status is generated from. */
export interface PodRuntimeView {
  restartPolicy: string;
  containers: ContainerRecord[];
  initContainers: ContainerRecord[];
  sandboxReady: boolean;
  hostIP: string;
  podIP?: string;
  startTimeMs: number;
  /** The pod is being deleted and every container has stopped. */
  isTerminal: boolean;
  qosClass?: string;
  /** metadata.generation of the pod the status describes (v1.34 observedGeneration tracking). */
  generation?: number;
}

function toApiState(s: RuntimeState): ContainerState {
  switch (s.kind) {
    case 'waiting':
      return { waiting: { reason: s.reason, ...(s.message ? { message: s.message } : {}) } };
    case 'running':
      return { running: { startedAt: toTimestamp(s.startedAtMs) } };
    case 'terminated':
      return {
        terminated: {
          exitCode: s.exitCode,
          reason: s.reason,
          ...(s.message ? { message: s.message } : {}),
          startedAt: toTimestamp(s.startedAtMs),
          finishedAt: toTimestamp(s.finishedAtMs),
          ...(s.signal ? { signal: s.signal } : {}),
          ...(s.kind === 'terminated' && 'containerID' in s ? {} : {}),
        },
      };
  }
}

function containerStatus(c: ContainerRecord): ContainerStatus {
  return {
    name: c.name,
    image: c.image,
    imageID: c.imageId ?? '',
    ...(c.containerId ? { containerID: c.containerId } : {}),
    ready: c.ready,
    restartCount: c.restartCount,
    started: c.started,
    state: toApiState(c.state),
    lastState: c.lastTerminated ? toApiState(c.lastTerminated) : {},
    ...(c.state.kind !== 'waiting' || c.containerId ? {} : {}),
  };
}

/** Models getPhase: the pod phase from its containers' states and restart policy. */
export function podPhase(v: PodRuntimeView): 'Pending' | 'Running' | 'Succeeded' | 'Failed' {
  const initDone = v.initContainers.every((c) => c.state.kind === 'terminated' && c.state.exitCode === 0);
  if (!initDone) {
    const failed = v.initContainers.some((c) => c.state.kind === 'terminated' && c.state.exitCode !== 0);
    if (failed && v.restartPolicy === 'Never') return 'Failed';
    return 'Pending';
  }
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const c of v.containers) {
    if (c.state.kind === 'running') running++;
    else if (c.state.kind === 'terminated') {
      stopped++;
      if (c.state.exitCode === 0) succeeded++;
    } else if (c.lastTerminated) {
      // Waiting to restart after an exit counts as stopped for the phase.
      stopped++;
      if (c.lastTerminated.exitCode === 0) succeeded++;
    } else waiting++;
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (v.restartPolicy === 'Always' && !v.isTerminal) return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (v.restartPolicy === 'Never' || v.isTerminal) return 'Failed';
    // OnFailure with a failed container that will restart.
    return 'Running';
  }
  return 'Pending';
}

/** Generates the full status the kubelet writes. `prev` supplies lastTransitionTimes of unchanged conditions. */
export function generatePodStatus(v: PodRuntimeView, nowMs: number, prev: PodStatus | undefined): PodStatus {
  const phase = podPhase(v);
  const now = toTimestamp(nowMs);
  const prevConds = prev?.conditions ?? [];
  const cond = (type: string, ok: boolean, reason?: string, message?: string): PodCondition => {
    const status = ok ? 'True' : 'False';
    const old = prevConds.find((c) => c.type === type);
    return {
      type,
      status,
      ...(v.generation !== undefined ? { observedGeneration: v.generation } : {}),
      lastProbeTime: null as unknown as string,
      lastTransitionTime: old && old.status === status ? old.lastTransitionTime! : now,
      ...(reason ? { reason } : {}),
      ...(message ? { message } : {}),
    };
  };
  const initialized = v.initContainers.every((c) => c.state.kind === 'terminated' && c.state.exitCode === 0);
  const notReady = v.containers.filter((c) => !c.ready).map((c) => c.name);
  const completed = phase === 'Succeeded' || phase === 'Failed';
  const containersReady = notReady.length === 0 && !completed;
  const pendingInit = v.initContainers.filter((c) => !(c.state.kind === 'terminated' && c.state.exitCode === 0)).map((c) => c.name);
  // Models status/generate.go: terminal pods are not ready with reason PodCompleted or PodFailed.
  const readyReason = phase === 'Succeeded' ? 'PodCompleted' : phase === 'Failed' ? 'PodFailed' : 'ContainersNotReady';
  const readyMsg = completed ? undefined : `containers with unready status: [${notReady.join(' ')}]`;
  const scheduled = prevConds.find((c) => c.type === 'PodScheduled');
  const conditions: PodCondition[] = [
    // A pod that reached a terminal phase has its sandbox torn down.
    cond('PodReadyToStartContainers', v.sandboxReady && !completed),
    // A Succeeded pod reports Initialized with reason PodCompleted, init containers or not.
    phase === 'Succeeded' ? cond('Initialized', true, 'PodCompleted') : initialized ? cond('Initialized', true) : cond('Initialized', false, 'ContainersNotInitialized', `containers with incomplete status: [${pendingInit.join(' ')}]`),
    containersReady ? cond('Ready', true) : cond('Ready', false, readyReason, readyMsg),
    containersReady ? cond('ContainersReady', true) : cond('ContainersReady', false, readyReason, readyMsg),
    scheduled ?? cond('PodScheduled', true),
  ];
  return {
    ...(v.generation !== undefined ? { observedGeneration: v.generation } : {}),
    phase,
    conditions,
    hostIP: v.hostIP,
    hostIPs: [{ ip: v.hostIP }],
    ...(v.podIP ? { podIP: v.podIP, podIPs: [{ ip: v.podIP }] } : {}),
    startTime: toTimestamp(v.startTimeMs),
    ...(v.initContainers.length > 0 ? { initContainerStatuses: v.initContainers.map(containerStatus) } : {}),
    containerStatuses: v.containers.map(containerStatus),
    ...(v.qosClass ? { qosClass: v.qosClass } : {}),
  };
}
