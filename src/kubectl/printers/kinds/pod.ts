/**
 * The Pod table: READY, STATUS and RESTARTS derived from container statuses the way `kubectl get pods` shows them.
 * Models pkg/printers/internalversion/printers.go printPod.
 */
import { fromTimestamp, humanDuration } from '../../../engine';
import type { ContainerStatus, KubeObject, Pod, Stored } from '../../../engine';
import { translateTimestampSince } from '../format';
import { AGE_COLUMN, NAME_COLUMN, as, col, wideCol, type KindHandler } from './handler';

/** The three derived Pod columns. */
export interface PodSummary {
  /** `<ready>/<total>`, sidecars (restartable init containers) included in the total. */
  ready: string;
  /** The STATUS column: `Running`, `CrashLoopBackOff`, `Init:0/2`, `Terminating`, ... */
  status: string;
  /** The RESTARTS column: `3` or `3 (10s ago)`. */
  restarts: string;
}

// Models pkg/util/node NodeUnreachablePodReason.
const NODE_UNREACHABLE_REASON = 'NodeLost';

/** READY, STATUS and RESTARTS of a pod at `nowMs`; the UI shows the same STATUS text as the terminal. */
// Models pkg/printers/internalversion/printers.go printPod.
export function podSummary(obj: KubeObject, nowMs: number): PodSummary {
  const pod = as<Stored<Pod>>(obj);
  const spec = pod.spec;
  const status = pod.status ?? {};
  let restarts = 0;
  let sidecarRestarts = 0;
  let total = spec?.containers?.length ?? 0;
  let ready = 0;
  let lastRestartMs: number | undefined;
  let lastSidecarRestartMs: number | undefined;

  let reason = status.reason || status.phase || '';
  if ((status.conditions ?? []).some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) {
    reason = 'SchedulingGated';
  }

  const initSpecs = new Map((spec?.initContainers ?? []).map((c) => [c.name, c]));
  const isSidecar = (name: string) => initSpecs.get(name)?.restartPolicy === 'Always';
  for (const c of spec?.initContainers ?? []) if (c.restartPolicy === 'Always') total++;

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i]!;
    restarts += cs.restartCount ?? 0;
    lastRestartMs = later(lastRestartMs, lastTerminationMs(cs));
    if (isSidecar(cs.name)) {
      sidecarRestarts += cs.restartCount ?? 0;
      lastSidecarRestartMs = later(lastSidecarRestartMs, lastTerminationMs(cs));
    }
    const terminated = cs.state?.terminated;
    const waiting = cs.state?.waiting;
    if (terminated && (terminated.exitCode ?? 0) === 0) continue;
    if (isSidecar(cs.name) && cs.started === true) {
      if (cs.ready) ready++;
      continue;
    }
    if (terminated) {
      // Initialization failed.
      if (terminated.reason) reason = `Init:${terminated.reason}`;
      else if (terminated.signal) reason = `Init:Signal:${terminated.signal}`;
      else reason = `Init:ExitCode:${terminated.exitCode ?? 0}`;
    } else if (waiting && waiting.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${spec?.initContainers?.length ?? 0}`;
    }
    initializing = true;
    break;
  }

  const initialized = (status.conditions ?? []).some((c) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initialized) {
    restarts = sidecarRestarts;
    lastRestartMs = lastSidecarRestartMs;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    // Walk from the last container to the first so that the first container's state wins.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i]!;
      restarts += cs.restartCount ?? 0;
      lastRestartMs = later(lastRestartMs, lastTerminationMs(cs));
      const waiting = cs.state?.waiting;
      const terminated = cs.state?.terminated;
      if (waiting && waiting.reason) {
        reason = waiting.reason;
      } else if (terminated && terminated.reason) {
        reason = terminated.reason;
      } else if (terminated) {
        reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode ?? 0}`;
      } else if (cs.ready && cs.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    // A pod with a completed container and another still running is not "Completed".
    if (reason === 'Completed' && hasRunning) {
      const podReady = (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
      reason = podReady ? 'Running' : 'NotReady';
    }
  }

  const deleting = pod.metadata.deletionTimestamp !== undefined && pod.metadata.deletionTimestamp !== null;
  if (deleting && status.reason === NODE_UNREACHABLE_REASON) {
    reason = 'Unknown';
  } else if (deleting && status.phase !== 'Succeeded' && status.phase !== 'Failed') {
    reason = 'Terminating';
  }

  let restartsText = String(restarts);
  if (restarts !== 0 && lastRestartMs !== undefined) {
    restartsText = `${restarts} (${humanDuration(nowMs - lastRestartMs)} ago)`;
  }
  return { ready: `${ready}/${total}`, status: reason, restarts: restartsText };
}

function lastTerminationMs(cs: ContainerStatus): number | undefined {
  return fromTimestamp(cs.lastState?.terminated?.finishedAt);
}

function later(a: number | undefined, b: number | undefined): number | undefined {
  if (b === undefined) return a;
  if (a === undefined) return b;
  return b > a ? b : a;
}

/** `kubectl get pods`. */
export const podHandler: KindHandler = {
  kinds: ['Pod'],
  columns: [
    NAME_COLUMN, col('READY'), col('STATUS'), col('RESTARTS'), AGE_COLUMN,
    wideCol('IP'), wideCol('NODE'), wideCol('NOMINATED NODE'), wideCol('READINESS GATES'),
  ],
  row(obj, { nowMs }) {
    const pod = as<Stored<Pod>>(obj);
    const s = podSummary(obj, nowMs);
    const status = pod.status ?? {};
    const gates = pod.spec?.readinessGates ?? [];
    let readinessGates = '<none>';
    if (gates.length > 0) {
      let trueCount = 0;
      for (const gate of gates) {
        const cond = (status.conditions ?? []).find((c) => c.type === gate.conditionType);
        if (cond?.status === 'True') trueCount++;
      }
      readinessGates = `${trueCount}/${gates.length}`;
    }
    return [
      pod.metadata.name, s.ready, s.status, s.restarts, translateTimestampSince(pod.metadata.creationTimestamp, nowMs),
      // The v1-to-internal conversion fills podIPs from podIP when only the latter is set.
      status.podIPs?.[0]?.ip || status.podIP || '<none>',
      pod.spec?.nodeName || '<none>',
      status.nominatedNodeName || '<none>',
      readinessGates,
    ];
  },
};
