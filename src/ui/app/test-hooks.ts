/**
 * `window.__kubeplay`: a small, stable surface for end-to-end tests and demos, present in every build. It reads
 * state and drives the app the way a user would; it is not an API for features.
 *
 * - `ready()` — true once the cluster has booted and the first frame arrived
 * - `terminalText()` — the terminal's text ('' until the terminal has loaded)
 * - `runInTerminal(line)` — types `line` + Enter into the terminal; resolves when the command has run
 * - `state()` — `{ seed, nowMs, paused, speed, objectIds }` from the mirrored store
 * - `kubectl(line)` — runs a kubectl command through the bridge without typing it (`{ stdout, stderr, output, exitCode }`)
 * - `resetCluster({ seed?, config? })` — replaces the cluster (a kind `Cluster` config sizes it, e.g. more workers)
 * - `saveNow()` — saves the cluster snapshot to the workspace now
 * - `crashWorker()` — makes the simulation worker fail (to exercise the crash banner)
 */
import type { ClusterConfig } from '../../engine';
import type { CommandOutput } from '../../protocol/messages';
import { bridge } from '../bridge/instance';
import { currentTerminal, whenTerminal } from '../features/terminal';
import { useClusterStore } from '../store/cluster-store';
import { saveNow } from './session';
import { useSessionStore } from './session-store';

/** The shape of `window.__kubeplay`. */
export interface KubePlayTestHooks {
  ready(): boolean;
  terminalText(): string;
  runInTerminal(line: string): Promise<void>;
  state(): { seed: number; nowMs: number; paused: boolean; speed: number; objectIds: string[] };
  kubectl(line: string): Promise<CommandOutput>;
  resetCluster(opts: { seed?: number; config?: ClusterConfig }): Promise<void>;
  saveNow(): Promise<void>;
  crashWorker(): void;
}

declare global {
  interface Window {
    __kubeplay?: KubePlayTestHooks;
  }
}

/** Installs `window.__kubeplay`. */
export function installTestHooks(): void {
  window.__kubeplay = {
    ready: () => useSessionStore.getState().booted && useClusterStore.getState().seq > 0,
    terminalText: () => currentTerminal()?.text() ?? '',
    runInTerminal: async (line) => (await whenTerminal()).run(line),
    state: () => {
      const c = useClusterStore.getState();
      return { seed: useSessionStore.getState().seed, nowMs: c.nowMs, paused: c.paused, speed: c.speed, objectIds: Object.keys(c.objects).sort() };
    },
    kubectl: (line) => bridge.kubectl(line),
    resetCluster: async (opts) => {
      await bridge.reset(opts);
    },
    saveNow,
    crashWorker: () => bridge.crashForTest(),
  };
}
