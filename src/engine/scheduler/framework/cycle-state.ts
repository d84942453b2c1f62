/**
 * Per-cycle scratch space that plugins share between extension points (PreFilter -> Filter, PreScore -> Score).
 * Models pkg/scheduler/framework/cycle_state.go.
 */

/** Data a plugin stores in the cycle state. `clone` must copy whatever Filter-time mutation can change. */
export interface StateData {
  clone(): StateData;
}

import type { SchedulerPlugin } from './interface';

/** The cycle state of one scheduling attempt. */
export class CycleState {
  private readonly data = new Map<string, StateData>();
  /** Plugins whose PreFilter returned Skip: their Filter is not run this cycle. */
  skipFilterPlugins: ReadonlySet<string> = EMPTY;
  /** Plugins whose PreScore returned Skip: their Score is not run this cycle. */
  skipScorePlugins: ReadonlySet<string> = EMPTY;
  /** The Filter plugins that run this cycle (all minus skipFilterPlugins), computed once after PreFilter. */
  activeFilterPlugins: readonly SchedulerPlugin[] | null = null;

  read<T extends StateData>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }

  write(key: string, value: StateData): void {
    this.data.set(key, value);
  }

  delete(key: string): void {
    this.data.delete(key);
  }

  /** A deep-enough copy for preemption's dry runs, which add and remove pods on cloned state. */
  clone(): CycleState {
    const c = new CycleState();
    for (const [k, v] of this.data) c.data.set(k, v.clone());
    c.skipFilterPlugins = this.skipFilterPlugins;
    c.skipScorePlugins = this.skipScorePlugins;
    c.activeFilterPlugins = this.activeFilterPlugins;
    return c;
  }
}

const EMPTY: ReadonlySet<string> = new Set();
