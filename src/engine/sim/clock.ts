/**
 * The virtual clock and its timed task queue. Nothing in the engine reads wall-clock time: every delay is a task
 * scheduled here, and tasks due at the same instant run in the order they were scheduled.
 */

/** A unit of simulated work. */
export interface Task {
  readonly atMs: number;
  readonly seq: number;
  readonly label: string;
  readonly run: () => void;
  cancelled: boolean;
}

/** A handle to cancel a scheduled task. */
export interface TaskHandle {
  cancel(): void;
  readonly atMs: number;
}

/** The cluster's clock: `nowMs` is virtual milliseconds since the Unix epoch. */
export class Clock {
  private heap: Task[] = [];
  private seq = 0;
  nowMs: number;

  constructor(startMs: number) {
    this.nowMs = startMs;
  }

  /** Schedules `run` after `delayMs` of virtual time (0 = later at this instant). */
  schedule(delayMs: number, label: string, run: () => void): TaskHandle {
    const task: Task = { atMs: this.nowMs + Math.max(0, delayMs), seq: this.seq++, label, run, cancelled: false };
    this.push(task);
    return { cancel: () => { task.cancelled = true; }, atMs: task.atMs };
  }

  /** The due time of the next live task, or undefined if the queue is empty. */
  peekTime(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.atMs;
  }

  /** Removes and returns the next live task due at or before `limitMs`. */
  popDue(limitMs: number): Task | undefined {
    this.dropCancelled();
    const top = this.heap[0];
    if (!top || top.atMs > limitMs) return undefined;
    this.pop();
    return top;
  }

  /** Number of tasks still queued (cancelled ones included until they surface). */
  get pending(): number {
    return this.heap.length;
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.heap[0]!.cancelled) this.pop();
  }

  private less(x: Task, y: Task): boolean {
    return x.atMs < y.atMs || (x.atMs === y.atMs && x.seq < y.seq);
  }

  private push(t: Task): void {
    const h = this.heap;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop()!;
    if (h.length === 0) return;
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
      if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
}
