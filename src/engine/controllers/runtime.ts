/**
 * The controller runtime: a deduplicating work queue driven by the virtual clock. Watch handlers enqueue keys;
 * each key is synced once after the controller's reaction latency, however many events arrived meanwhile —
 * level-triggered, like client-go's workqueue.
 */
import type { Clock, TaskHandle } from '../sim/clock';
import type { Rng } from '../sim/rng';

/** Latency model for a controller's reaction to an event (ms), with seeded jitter. */
export interface Latency {
  minMs: number;
  maxMs: number;
}

/** A keyed work queue whose items run as clock tasks. */
export class WorkQueue {
  private readonly queued = new Map<string, TaskHandle>();
  private readonly rng: Rng;

  constructor(
    private readonly clock: Clock,
    rng: Rng,
    readonly name: string,
    private readonly sync: (key: string) => void,
    private readonly latency: Latency = { minMs: 1, maxMs: 5 },
  ) {
    this.rng = rng.fork(`queue:${name}`);
  }

  /** Queues `key` after the reaction latency (or `delayMs`). An earlier pending run wins; a later one is moved up. */
  add(key: string, delayMs?: number): void {
    const delay = delayMs ?? Math.round(this.rng.range(this.latency.minMs, this.latency.maxMs));
    const at = this.clock.nowMs + delay;
    const pending = this.queued.get(key);
    if (pending && pending.atMs <= at) return;
    pending?.cancel();
    const handle = this.clock.schedule(delay, `${this.name} ${key}`, () => {
      this.queued.delete(key);
      this.sync(key);
    });
    this.queued.set(key, handle);
  }

  /** True when `key` waits to be synced. */
  has(key: string): boolean {
    return this.queued.has(key);
  }

  get length(): number {
    return this.queued.size;
  }
}

/** Splits a `namespace/name` key. */
export function splitKey(key: string): [string | undefined, string] {
  const i = key.indexOf('/');
  return i < 0 ? [undefined, key] : [key.slice(0, i), key.slice(i + 1)];
}
