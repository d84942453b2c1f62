/**
 * The edits `rollout pause`, `rollout resume` and `rollout restart` make to an object: set or clear
 * spec.paused of a Deployment, or stamp `kubectl.kubernetes.io/restartedAt` on the pod template of a Deployment,
 * DaemonSet or StatefulSet. Each returns the edited copy, or the error kubectl reports for that object.
 * Models staging/src/k8s.io/kubectl/pkg/polymorphichelpers/objectpauser.go, objectresumer.go, objectrestarter.go.
 */
import { deepCopy, toTimestamp, type KubeObject } from '../../../engine';

/** The edited object, or the error (`is already paused`, `restarting is not supported`). */
export type PatchOutcome = { ok: true; obj: KubeObject } | { ok: false; error: string };

/** The pod-template annotation whose change makes the controller replace every pod. */
export const RESTARTED_AT_ANNOTATION = 'kubectl.kubernetes.io/restartedAt';

interface PausableSpec {
  paused?: boolean;
  template?: { metadata?: { annotations?: Record<string, string> } };
}

function specOf(obj: KubeObject): PausableSpec {
  return (obj.spec ??= {}) as PausableSpec;
}

const isAppsKind = (obj: KubeObject, group: string, ...kinds: string[]) => (group === 'apps' || group === 'extensions') && kinds.includes(obj.kind);

/** Models defaultObjectPauser. */
export function pauseObject(obj: KubeObject, group: string): PatchOutcome {
  if (!isAppsKind(obj, group, 'Deployment')) return { ok: false, error: 'pausing is not supported' };
  if (specOf(obj).paused) return { ok: false, error: 'is already paused' };
  const copy = deepCopy(obj);
  specOf(copy).paused = true;
  return { ok: true, obj: copy };
}

/** Models defaultObjectResumer. */
export function resumeObject(obj: KubeObject, group: string): PatchOutcome {
  if (!isAppsKind(obj, group, 'Deployment')) return { ok: false, error: 'resuming is not supported' };
  if (!specOf(obj).paused) return { ok: false, error: 'is not paused' };
  const copy = deepCopy(obj);
  // The patch sets paused: false; the apiserver stores a false bool as an absent field.
  delete specOf(copy).paused;
  return { ok: true, obj: copy };
}

/**
 * Models defaultObjectRestarter: the annotation holds the restart time in RFC 3339 with second precision, so two
 * restarts within one second produce the same object.
 * Divergence: kubectl formats the time in the machine's local zone; the simulation has only UTC.
 */
export function restartObject(obj: KubeObject, group: string, nowMs: number): PatchOutcome {
  if (!isAppsKind(obj, group, 'Deployment', 'DaemonSet', 'StatefulSet')) return { ok: false, error: 'restarting is not supported' };
  if (obj.kind === 'Deployment' && specOf(obj).paused) return { ok: false, error: "can't restart paused deployment (run rollout resume first)" };
  const copy = deepCopy(obj);
  const template = (specOf(copy).template ??= {});
  template.metadata = { ...(template.metadata ?? {}), annotations: { ...(template.metadata?.annotations ?? {}), [RESTARTED_AT_ANNOTATION]: toTimestamp(nowMs) } };
  return { ok: true, obj: copy };
}
