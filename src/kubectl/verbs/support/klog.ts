/**
 * kubectl's klog lines on stderr (`W0115 09:00:00.000000   12345 helpers.go:731] msg`), stamped with the cluster's
 * virtual clock.
 * Models k8s.io/klog/v2 formatHeader (severity, MMDD, hh:mm:ss.uuuuuu, thread id padded to 7, file:line).
 */
import type { CommandContext } from '../../context';

// Divergence: klog prints the process id of the kubectl binary; a fixed one keeps output deterministic.
const KLOG_PID = 12345;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Writes one klog warning line to stderr. `source` is upstream's `file.go:line`. */
export function klogWarning(ctx: CommandContext, source: string, message: string): void {
  ctx.out.err(`${klogHeader('W', ctx.cluster.nowMs, source)}${message}\n`);
}

/** The klog header for a severity letter at virtual time `nowMs` (UTC). */
export function klogHeader(severity: 'I' | 'W' | 'E', nowMs: number, source: string): string {
  const d = new Date(nowMs);
  const date = `${pad(d.getUTCMonth() + 1, 2)}${pad(d.getUTCDate(), 2)}`;
  const time = `${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}.${pad(d.getUTCMilliseconds() * 1000, 6)}`;
  return `${severity}${date} ${time} ${String(KLOG_PID).padStart(7, ' ')} ${source}] `;
}
