/**
 * The kubelet's private view of one container: the runtime state it reports in status, plus its timers.
 */
import type { Program } from './runtime/program';

export type RuntimeState =
  | { kind: 'waiting'; reason: string; message?: string }
  | { kind: 'running'; startedAtMs: number }
  | { kind: 'terminated'; reason: string; exitCode: number; startedAtMs: number; finishedAtMs: number; message?: string; signal?: number };

/** One container as the kubelet tracks it. */
export interface ContainerRecord {
  name: string;
  image: string;
  isInit: boolean;
  state: RuntimeState;
  lastTerminated?: Extract<RuntimeState, { kind: 'terminated' }>;
  restartCount: number;
  ready: boolean;
  started: boolean;
  containerId?: string;
  imageId?: string;
  program?: Program;
  /** Pending timers (exit, restart, readiness) for this container, cancelled on kill. */
  timers: { cancel(): void }[];
}

/** A fresh record for a container that has not been created yet. */
export function newContainerRecord(name: string, image: string, isInit: boolean, waitingReason: string): ContainerRecord {
  return { name, image, isInit, state: { kind: 'waiting', reason: waitingReason }, restartCount: 0, ready: false, started: false, timers: [] };
}
