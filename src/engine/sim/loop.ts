/**
 * The run loop: advances the clock task by task, with caps that turn a runaway controller into a reported error
 * instead of a hung tab.
 */
import type { Clock, Task } from './clock';

/** Raised when a run exceeds its task cap; names the labels that dominated the last tasks. */
export class RunawayError extends Error {
  constructor(
    readonly tasksRun: number,
    readonly recentLabels: string[],
  ) {
    super(`simulation stopped after ${tasksRun} tasks without settling; most recent: ${summarize(recentLabels)}`);
  }
}

/** Raised when a task throws: the bug is reported with the task that hit it. */
export class TaskFailedError extends Error {
  constructor(
    readonly task: string,
    readonly failure: unknown,
  ) {
    super(`task "${task}" failed: ${failure instanceof Error ? failure.message : String(failure)}`);
  }
}

function summarize(labels: string[]): string {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([l, n]) => `${l} ×${n}`)
    .join(', ');
}

/** Default cap on tasks in one advance; generous enough for 150k pods, small enough to catch loops. */
export const DEFAULT_MAX_TASKS = 50_000_000;

/** Drives a Clock. */
export class RunLoop {
  tasksRun = 0;
  private recent: string[] = [];

  constructor(private readonly clock: Clock) {}

  /** Runs every task due up to now + `durationMs`, then leaves the clock there. Returns tasks run. */
  advance(durationMs: number, maxTasks = DEFAULT_MAX_TASKS): number {
    const target = this.clock.nowMs + Math.max(0, durationMs);
    const n = this.runUntil(target, maxTasks);
    this.clock.nowMs = target;
    return n;
  }

  /** Runs the next due task (advancing the clock to it). Returns false if the queue is empty. */
  step(): boolean {
    const at = this.clock.peekTime();
    if (at === undefined) return false;
    const task = this.clock.popDue(at)!;
    this.runTask(task);
    return true;
  }

  /**
   * Runs tasks until none is due within `horizonMs` of the time of the call, or until the cap; the clock stays at
   * the last task run. Periodic work (lease renewals, resyncs) never goes idle, so the horizon, fixed when the
   * call starts, bounds the wait. Returns tasks run.
   */
  runUntilIdle(horizonMs = 10 * 60_000, maxTasks = DEFAULT_MAX_TASKS): number {
    return this.runUntil(this.clock.nowMs + Math.max(0, horizonMs), maxTasks);
  }

  /** Runs tasks due at or before `limitMs`, moving the clock to each task's time. */
  runUntil(limitMs: number, maxTasks = DEFAULT_MAX_TASKS): number {
    let n = 0;
    for (;;) {
      const at = this.clock.peekTime();
      if (at === undefined || at > limitMs) return n;
      // Checked before taking the task off the queue, so a stopped run loses no work.
      if (n >= maxTasks) throw new RunawayError(n, this.recent);
      this.runTask(this.clock.popDue(limitMs)!);
      n++;
    }
  }

  private runTask(task: Task): void {
    if (task.atMs > this.clock.nowMs) this.clock.nowMs = task.atMs;
    this.tasksRun++;
    if (this.recent.length >= 64) this.recent.shift();
    this.recent.push(task.label);
    try {
      task.run();
    } catch (err) {
      throw new TaskFailedError(task.label, err);
    }
  }
}
