/**
 * Saves the cluster snapshot to the workspace every few seconds while the cluster changes, and on demand.
 * One save at a time: a snapshot request that never returns (a dead worker) blocks nothing but itself.
 */
import type { Snapshot } from '../../protocol/messages';
import { saveWorkspace } from './workspace';

/** What the autosave watches and how it gets a snapshot. */
export interface AutosaveOptions {
  intervalMs: number;
  /** Values of which one changes whenever the cluster may have changed (virtual time, the objects record). */
  changeKey(): readonly unknown[];
  /** False while no snapshot can be taken (booting, crashed). */
  canSave(): boolean;
  takeSnapshot(): Promise<Snapshot>;
  onSaved?(snapshot: Snapshot): void;
}

/** A running autosave. */
export interface Autosave {
  /** Takes and stores a snapshot now (waits for a save already under way first). */
  saveNow(): Promise<void>;
  stop(): void;
}

/** Starts saving; the first save happens after one interval. */
export function startAutosave(opts: AutosaveOptions): Autosave {
  let lastKey: readonly unknown[] | undefined;
  const same = (a: readonly unknown[] | undefined, b: readonly unknown[]) => a !== undefined && a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
  let inFlight: Promise<void> | undefined;
  let stopped = false;

  const save = (force: boolean): Promise<void> => {
    if (stopped || !opts.canSave()) return Promise.resolve();
    const key = opts.changeKey();
    if (!force && same(lastKey, key)) return Promise.resolve();
    const run = async () => {
      const snapshot = await opts.takeSnapshot();
      if (stopped) return;
      await saveWorkspace({ snapshot });
      lastKey = key;
      opts.onSaved?.(snapshot);
    };
    const p = (inFlight ?? Promise.resolve()).then(run, run).catch(() => undefined).finally(() => {
      if (inFlight === p) inFlight = undefined;
    });
    inFlight = p;
    return p;
  };

  const timer = setInterval(() => {
    if (!inFlight) void save(false);
  }, opts.intervalMs);
  const onHide = () => {
    if (document.visibilityState === 'hidden') void save(false);
  };
  document.addEventListener('visibilitychange', onHide);

  return {
    saveNow: () => save(true),
    stop: () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onHide);
    },
  };
}
