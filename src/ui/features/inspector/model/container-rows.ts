/**
 * A pod's containers as the inspector shows them: init containers (and sidecars) first, then app containers, each
 * with image, current state, readiness, restarts and last termination, from the pod's status.
 */
import { fromTimestamp, humanDuration, type ContainerState, type ContainerStatus, type KubeObject } from '../../../../engine';

/** Which list a container comes from. */
export type ContainerRole = 'init' | 'sidecar' | 'app';

/** The state words are kubectl's (`Running`, `Waiting`, `Terminated`); the detail is the reason or exit code. */
export interface StateSummary {
  state: 'Running' | 'Waiting' | 'Terminated' | 'Unknown';
  /** `CrashLoopBackOff`, `Completed`, `Error`, ... */
  reason?: string;
  message?: string;
  exitCode?: number;
  /** Milliseconds since it started (Running) or finished (Terminated). */
  ageMs?: number;
}

/** One container row. */
export interface ContainerRow {
  name: string;
  role: ContainerRole;
  image: string;
  state: StateSummary;
  ready: boolean;
  restarts: number;
  lastState?: StateSummary;
}

/** Summarises a ContainerState at `nowMs`. */
export function summarizeState(s: ContainerState | undefined, nowMs: number): StateSummary {
  if (s?.running) {
    const started = fromTimestamp(s.running.startedAt);
    return { state: 'Running', ...(started !== undefined ? { ageMs: nowMs - started } : {}) };
  }
  if (s?.terminated) {
    const finished = fromTimestamp(s.terminated.finishedAt);
    return {
      state: 'Terminated',
      ...(s.terminated.reason ? { reason: s.terminated.reason } : {}),
      ...(s.terminated.message ? { message: s.terminated.message } : {}),
      exitCode: s.terminated.exitCode ?? 0,
      ...(finished !== undefined ? { ageMs: nowMs - finished } : {}),
    };
  }
  if (s?.waiting) return { state: 'Waiting', ...(s.waiting.reason ? { reason: s.waiting.reason } : {}), ...(s.waiting.message ? { message: s.waiting.message } : {}) };
  return { state: 'Unknown' };
}

interface PodShape {
  spec?: { initContainers?: { name: string; image?: string; restartPolicy?: string }[]; containers?: { name: string; image?: string }[] };
  status?: { initContainerStatuses?: ContainerStatus[]; containerStatuses?: ContainerStatus[] };
}

/** The container rows of `pod` at `nowMs`. */
export function containerRows(pod: KubeObject, nowMs: number): ContainerRow[] {
  const p = pod as KubeObject & PodShape;
  const rows: ContainerRow[] = [];
  const add = (name: string, image: string, role: ContainerRole, st: ContainerStatus | undefined) => {
    const last = st?.lastState && (st.lastState.terminated || st.lastState.running || st.lastState.waiting) ? summarizeState(st.lastState, nowMs) : undefined;
    rows.push({ name, role, image: st?.image || image, state: summarizeState(st?.state, nowMs), ready: st?.ready === true, restarts: st?.restartCount ?? 0, ...(last ? { lastState: last } : {}) });
  };
  const initStatuses = new Map((p.status?.initContainerStatuses ?? []).map((s) => [s.name, s]));
  for (const c of p.spec?.initContainers ?? []) add(c.name, c.image ?? '', c.restartPolicy === 'Always' ? 'sidecar' : 'init', initStatuses.get(c.name));
  const statuses = new Map((p.status?.containerStatuses ?? []).map((s) => [s.name, s]));
  for (const c of p.spec?.containers ?? []) add(c.name, c.image ?? '', 'app', statuses.get(c.name));
  return rows;
}

/** A state as the inspector words it: Kubernetes' own words, then translatable details. */
export interface StateWords {
  /** `Running`, `Waiting: CrashLoopBackOff`, `Terminated: Completed` (Kubernetes terms, never translated). */
  head: string;
  exitCode?: number;
  /** `5m`: since it started (Running) or finished (Terminated). */
  age?: string;
}

/** The words for a state. */
export function stateWords(s: StateSummary): StateWords {
  const age = s.ageMs !== undefined ? { age: humanDuration(s.ageMs) } : {};
  switch (s.state) {
    case 'Running':
      return { head: 'Running', ...age };
    case 'Waiting':
      return { head: s.reason ? `Waiting: ${s.reason}` : 'Waiting' };
    case 'Terminated':
      return { head: `Terminated: ${s.reason ?? 'Error'}`, exitCode: s.exitCode ?? 0, ...age };
    default:
      return { head: 'Unknown' };
  }
}
