/** How the top bar shows virtual time: the cluster's wall clock (UTC) and the time since the cluster started. */

const pad = (n: number) => String(n).padStart(2, '0');

/** `09:01:20` — the cluster clock in UTC, as the cluster's timestamps are. */
export function formatClusterTime(nowMs: number): string {
  const d = new Date(nowMs);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** `2026-01-15 09:01:20 UTC` — the full timestamp for hover text. */
export function formatClusterDateTime(nowMs: number): string {
  const d = new Date(nowMs);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${formatClusterTime(nowMs)} UTC`;
}

/** Elapsed time as a stopwatch: `0:45`, `12:05`, `1:02:03`, `3d 04:05:06`. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const s = total % 60;
  const m = Math.floor(total / 60) % 60;
  const h = Math.floor(total / 3600) % 24;
  const d = Math.floor(total / 86_400);
  if (d > 0) return `${d}d ${pad(h)}:${pad(m)}:${pad(s)}`;
  if (h > 0) return `${h}:${pad(m)}:${pad(s)}`;
  return `${m}:${pad(s)}`;
}
