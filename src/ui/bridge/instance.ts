/** The app's single connection to the simulation worker, wired to the cluster store. */
import { Bridge } from './bridge';
import { useClusterStore } from '../store/cluster-store';

type CrashHandler = (message: string, snapshot: unknown, recentTasks?: string) => void;
let crashHandler: CrashHandler | undefined;

type ReadyHandler = (ev: { seed: number; nowMs: number; nodes: number; startTimeMs?: number }) => void;
let readyHandler: ReadyHandler | undefined;

/** Registers what the app does when a cluster (re)boots in the worker (start, reset, import, restart). */
export function onWorkerReady(handler: ReadyHandler): void {
  readyHandler = handler;
}

/** Registers what the app does when the worker crashes (show a message, offer a restart). */
export function onWorkerCrash(handler: CrashHandler): void {
  crashHandler = handler;
}

export const bridge = new Bridge({
  onFrame: (frame) => useClusterStore.getState().applyFrame(frame),
  onCrash: (ev) => crashHandler?.(ev.message, ev.snapshot, ev.recentTasks),
  onReady: (ev) => readyHandler?.(ev),
});
