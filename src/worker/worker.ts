/// <reference lib="webworker" />
/**
 * The Web Worker entry: one SimulationHost per worker, started by the UI's first `init` message, ticking with real
 * time. No simulation code runs on the UI thread.
 */
import { DEFAULT_START_TIME_MS, type ClusterConfig } from '../engine';
import type { Speed, UiCommand, WorkerEvent, Snapshot } from '../protocol/messages';
import { SimulationHost } from './simulation-host';

/** The first message: how to start (or restore) the session. */
export interface InitMessage {
  type: 'init';
  seed: number;
  paused: boolean;
  speed: Speed;
  /** Virtual start of the cluster; the engine's fixed default when omitted (so a seed always gives the same names). */
  startTimeMs?: number;
  config?: ClusterConfig;
  snapshot?: Snapshot;
}

const TICK_MS = 33;
const scope = self as unknown as DedicatedWorkerGlobalScope;
let host: SimulationHost | undefined;

function post(ev: WorkerEvent): void {
  scope.postMessage(ev);
}

scope.onmessage = (e: MessageEvent<InitMessage | UiCommand>) => {
  const msg = e.data;
  try {
    if (msg.type === 'init') {
      host = new SimulationHost(post, { seed: msg.seed, startTimeMs: msg.startTimeMs ?? DEFAULT_START_TIME_MS, paused: msg.paused, speed: msg.speed, ...(msg.config ? { config: msg.config } : {}) });
      if (msg.snapshot) host.handle({ type: 'snapshot.import', id: 0, snapshot: msg.snapshot });
      let last = performance.now();
      setInterval(() => {
        const now = performance.now();
        const dt = now - last;
        last = now;
        if (!host) return;
        try {
          host.tick(dt);
        } catch (err) {
          crash(err);
        }
      }, TICK_MS);
      return;
    }
    host?.handle(msg);
  } catch (err) {
    crash(err);
  }
};

function crash(err: unknown): void {
  const snapshot = host?.snapshot();
  post({ type: 'crash', message: err instanceof Error ? err.message : String(err), snapshot: snapshot! });
  host = undefined;
}
