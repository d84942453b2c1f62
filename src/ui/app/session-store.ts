/**
 * The app's view of the simulation session: which cluster runs (seed, start time), whether it booted, the last
 * saved snapshot, and a crash report when the worker failed.
 */
import { create } from 'zustand';
import type { Snapshot } from '../../protocol/messages';

/** What the crash banner shows. */
export interface CrashReport {
  message: string;
  recentTasks?: string;
  /** The snapshot the worker sent with its crash, if it could. */
  snapshot?: Snapshot;
}

export interface SessionState {
  seed: number;
  /** Virtual time the cluster was created at (for the elapsed clock). */
  startTimeMs: number | undefined;
  /** True once the worker reported a booted cluster. */
  booted: boolean;
  /** The newest snapshot the autosave took (crash recovery falls back to it). */
  lastSnapshot: Snapshot | undefined;
  crash: CrashReport | undefined;
  /** A message about the workspace (import errors), shown until dismissed. */
  notice: string | undefined;
}

export const useSessionStore = create<SessionState>()(() => ({
  seed: 1,
  startTimeMs: undefined,
  booted: false,
  lastSnapshot: undefined,
  crash: undefined,
  notice: undefined,
}));
