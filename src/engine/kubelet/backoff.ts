/**
 * Per-container exponential backoff for restarts and image pulls: 10s doubling to 300s, no jitter, reset after
 * 2 × max without a failure.
 * Models staging/src/k8s.io/client-go/util/flowcontrol/backoff.go as the kubelet configures it
 * (pkg/kubelet/kubelet.go: backOffPeriod 10s, MaxContainerBackOff 300s).
 */

export const INITIAL_BACKOFF_MS = 10_000;
export const MAX_BACKOFF_MS = 300_000;

interface Entry {
  backoffMs: number;
  lastUpdateMs: number;
}

/** Backoff entries keyed by `pod uid/container` (restarts) or `pod uid/image` (pulls). */
export class Backoff {
  private readonly entries = new Map<string, Entry>();

  /** The current delay for `key` (0 when there is no entry or it has expired). */
  get(key: string, nowMs: number): number {
    const e = this.entries.get(key);
    if (!e) return 0;
    if (nowMs - e.lastUpdateMs > 2 * MAX_BACKOFF_MS) {
      this.entries.delete(key);
      return 0;
    }
    return e.backoffMs;
  }

  /** Records a failure: the first sets 10s, later ones double up to 300s. */
  next(key: string, nowMs: number): number {
    const cur = this.get(key, nowMs);
    const backoffMs = cur === 0 ? INITIAL_BACKOFF_MS : Math.min(cur * 2, MAX_BACKOFF_MS);
    this.entries.set(key, { backoffMs, lastUpdateMs: nowMs });
    return backoffMs;
  }

  /** True while `eventMs` + current backoff has not passed. */
  isInBackOff(key: string, eventMs: number, nowMs: number): boolean {
    const cur = this.get(key, nowMs);
    return cur > 0 && nowMs - eventMs < cur;
  }

  /** Forgets every entry with this prefix (the pod is gone). */
  clearPrefix(prefix: string): void {
    for (const k of this.entries.keys()) if (k.startsWith(prefix)) this.entries.delete(k);
  }
}
