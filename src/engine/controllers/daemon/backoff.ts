/**
 * Per-key exponential backoff on the virtual clock, used to pace the replacement of failed daemon pods on a node.
 * Models staging/src/k8s.io/client-go/util/flowcontrol/backoff.go (Backoff without jitter: Next,
 * IsInBackOffSinceUpdate, Get).
 */

interface Entry {
  backoffMs: number;
  lastUpdateMs: number;
}

/** Delays that start at `initialMs`, double on each failure up to `maxMs`, and reset after 2 x maxMs of quiet. */
export class FailedPodsBackoff {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly initialMs: number,
    private readonly maxMs: number,
  ) {}

  /** The current delay for `key` (0 when it has none). */
  get(key: string): number {
    return this.entries.get(key)?.backoffMs ?? 0;
  }

  /** Records a failure at `nowMs`: the first (or first after a long quiet) gets the initial delay, then it doubles. */
  next(key: string, nowMs: number): void {
    const e = this.entries.get(key);
    if (!e || nowMs - e.lastUpdateMs > 2 * this.maxMs) {
      this.entries.set(key, { backoffMs: this.initialMs, lastUpdateMs: nowMs });
      return;
    }
    e.backoffMs = Math.min(e.backoffMs * 2, this.maxMs);
    e.lastUpdateMs = nowMs;
  }

  /** True while less than the current delay has passed since the last recorded failure. */
  isInBackOffSinceUpdate(key: string, nowMs: number): boolean {
    const e = this.entries.get(key);
    return !!e && nowMs - e.lastUpdateMs < e.backoffMs;
  }
}
