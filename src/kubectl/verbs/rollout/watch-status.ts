/**
 * Following one object's rollout the way `kubectl rollout status` does: print the status of the object as it is,
 * then, while watching, the status computed from every ADDED/MODIFIED watch event of that object, until the rollout
 * is done, the viewer reports an error, the object is deleted, or the timeout passes. Virtual time advances in small
 * steps while it waits.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/rollout/rollout_status.go (Run: UntilWithSync with the status viewer as
 * the condition) and client-go tools/watch (UntilWithSync, ContextWithOptionalTimeout).
 */
import type { Cluster, KubeObject } from '../../../engine';
import type { Output } from '../../io';
import { advanceUntil } from '../../wait';
import type { StatusViewer } from './status-viewers';

/** How long to follow a rollout. */
export interface WatchOptions {
  /** Keep watching after the first status (`--watch`, default true). */
  watch: boolean;
  /** `--revision` (0: the latest). */
  revision: number;
  /** `--timeout` in ms; 0 means no timeout. */
  timeoutMs: number;
}

/**
 * Virtual time a watch without `--timeout` may run before giving up.
 * Divergence: a real `rollout status` without a timeout can wait forever (a stalled DaemonSet never ends); the
 * simulation stops after an hour of virtual time and reports the watch's timeout error.
 */
export const UNBOUNDED_WATCH_LIMIT_MS = 60 * 60_000;

/** Step of virtual time between checks while waiting. */
const STEP_MS = 100;

/** The watch's error when the timeout passes (wait.ErrWaitTimeout). */
export const WATCH_TIMEOUT_ERROR = 'timed out waiting for the condition';

/** Follows the rollout of `obj`; prints status lines to `out` and returns the error that ended it, if any. */
export function followRollout(cluster: Cluster, out: Output, obj: KubeObject, viewer: StatusViewer, opts: WatchOptions): string | undefined {
  const first = viewer(obj, opts.revision);
  if (!first.ok) return first.error;
  out.out(first.message);
  if (first.done || !opts.watch) return undefined;

  const { namespace, name, uid } = obj.metadata;
  let finished = false;
  let error: string | undefined;
  const unwatch = cluster.api.watch(obj.kind, (ev) => {
    if (finished || ev.object.metadata.namespace !== namespace || ev.object.metadata.name !== name) return;
    // A watch on a name sees a deleted object's successor as new; kubectl aborts rather than follow it.
    if (ev.type === 'DELETED' || ev.object.metadata.uid !== uid) {
      error = 'object has been deleted';
      finished = true;
      return;
    }
    const s = viewer(ev.object, opts.revision);
    if (!s.ok) {
      error = s.error;
      finished = true;
      return;
    }
    out.out(s.message);
    if (s.done) finished = true;
  });
  try {
    const limit = opts.timeoutMs > 0 ? opts.timeoutMs : UNBOUNDED_WATCH_LIMIT_MS;
    if (!advanceUntil(cluster, () => finished, limit, STEP_MS)) return WATCH_TIMEOUT_ERROR;
  } finally {
    unwatch();
  }
  return error;
}
