/**
 * `rollout undo` for each kind: a Deployment gets the template of an earlier ReplicaSet copied back (without its
 * pod-template-hash label) together with that ReplicaSet's annotations; a DaemonSet or StatefulSet gets the
 * ControllerRevision's patch applied. The controllers then renumber the reused revision.
 * Models staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollback.go (DeploymentRollbacker, DaemonSetRollbacker,
 * StatefulSetRollbacker, deploymentRevision, findHistory, equalIgnoreHash, getDeploymentPatch, daemonSetMatch,
 * statefulsetMatch, printPodTemplate, revisionNotFoundErr).
 */
import type { Deployment, StatefulSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import {
  canonicalJson,
  deepCopy,
  DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY,
  DESIRED_REPLICAS_ANNOTATION,
  equalIgnoreHash,
  LAST_APPLIED_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  planStatefulSetRollback,
  statefulSetRevisionHistory,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  strategicMergePatch,
  type ApiServer,
  type KubeObject,
} from '../../../engine';
import type { DryRunStrategy } from '../support/dry-run';
import { applyRevision, controlledRevisions, deploymentReplicaSets, printTemplate } from './history';

/** What a rollback printed as its operation (`rolled back`, `skipped rollback (...)`), or why it failed. */
export type RollbackResult = { ok: true; operation: string } | { ok: false; error: string };

const ROLLBACK_SUCCESS = 'rolled back';
const ROLLBACK_SKIPPED = 'skipped rollback';

/** Annotations a rollback keeps from the Deployment rather than taking them from the ReplicaSet. */
const ANNOTATIONS_TO_SKIP = new Set([LAST_APPLIED_ANNOTATION, REVISION_ANNOTATION, REVISION_HISTORY_ANNOTATION, DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION, 'deprecated.deployment.rollback.to']);

function revisionNotFound(r: number): RollbackResult {
  return { ok: false, error: `unable to find specified revision ${r} in history` };
}

function revisionOf(obj: KubeObject): number | undefined {
  const raw = obj.metadata.annotations?.[REVISION_ANNOTATION];
  if (raw === undefined || !/^[+-]?\d+$/.test(raw)) return undefined;
  return Number(raw);
}

/** Models deploymentRevision: the ReplicaSet of `toRevision`, or with 0 the one before the latest. */
function deploymentRevision(api: ApiServer, d: KubeObject, toRevision: number): { ok: true; rs: KubeObject } | { ok: false; error: string } {
  let latest: { rs: KubeObject; v: number } | undefined;
  let previous: { rs: KubeObject; v: number } | undefined;
  for (const rs of deploymentReplicaSets(api, d)) {
    const v = revisionOf(rs);
    if (v === undefined) continue;
    if (toRevision === 0) {
      if ((latest?.v ?? -1) < v) {
        previous = latest;
        latest = { rs, v };
      } else if ((previous?.v ?? -1) < v) {
        previous = { rs, v };
      }
    } else if (toRevision === v) {
      return { ok: true, rs };
    }
  }
  if (toRevision > 0) return revisionNotFound(toRevision) as { ok: false; error: string };
  if (!previous) return { ok: false, error: `no rollout history found for deployment "${d.metadata.name}"` };
  return { ok: true, rs: previous.rs };
}

/** Models DeploymentRollbacker.Rollback. */
function rollbackDeployment(api: ApiServer, d: KubeObject, toRevision: number, dryRun: DryRunStrategy): RollbackResult {
  if (toRevision < 0) return revisionNotFound(toRevision);
  const found = deploymentRevision(api, d, toRevision);
  if (!found.ok) return found;
  const rsTemplate = deepCopy((found.rs.spec as { template?: PodTemplateSpec }).template ?? {});
  if (dryRun === 'client') return { ok: true, operation: printTemplate(rsTemplate) };
  const deployment = d as Deployment & KubeObject;
  if (deployment.spec?.paused) return { ok: false, error: "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again" };
  if (equalIgnoreHash(rsTemplate, deployment.spec?.template)) {
    return { ok: true, operation: `${ROLLBACK_SKIPPED} (current template already matches revision ${toRevision})` };
  }
  if (rsTemplate.metadata?.labels) {
    delete rsTemplate.metadata.labels[DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY];
  }
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(found.rs.metadata.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  // The JSON patch replaces /spec/template and /metadata/annotations.
  const next = deepCopy(d);
  (next.spec as { template?: PodTemplateSpec }).template = rsTemplate;
  next.metadata.annotations = annotations;
  const r = api.update(next, { dryRun: dryRun === 'server' });
  if (!r.ok) return { ok: false, error: `failed restoring revision ${toRevision}: ${r.status.message}` };
  return { ok: true, operation: ROLLBACK_SUCCESS };
}

/** Models getDaemonSetPatch / getStatefulSetPatch: the patch that would restore this object's current template. */
export function templatePatchOf(obj: KubeObject): Record<string, unknown> {
  const template = (obj.spec as { template?: Record<string, unknown> } | undefined)?.template ?? {};
  return { spec: { template: { ...template, $patch: 'replace' } } };
}

/** Models DaemonSetRollbacker.Rollback. */
function rollbackWithRevisions(api: ApiServer, obj: KubeObject, toRevision: number, dryRun: DryRunStrategy): RollbackResult {
  if (toRevision < 0) return revisionNotFound(toRevision);
  const history = controlledRevisions(api, obj);
  if (toRevision === 0 && history.length <= 1) return { ok: false, error: 'no last revision to roll back to' };
  // Models findHistory: with 0 the second-highest revision, else the one with that number.
  const sorted = [...history].sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0));
  const to = toRevision === 0 ? sorted[sorted.length - 2] : history.find((h) => h.revision === toRevision);
  if (!to) return revisionNotFound(toRevision);
  if (dryRun === 'client') {
    const applied = applyRevision(obj, to);
    if (!applied) return { ok: false, error: `unable to parse history ${to.metadata.name}` };
    return { ok: true, operation: `will roll back to ${printTemplate((applied.spec as { template?: PodTemplateSpec }).template ?? {})}` };
  }
  // Upstream compares the marshalled patch bytes; equal JSON values compare the same way here.
  if (canonicalJson(templatePatchOf(obj)) === canonicalJson(to.data ?? null)) {
    return { ok: true, operation: `${ROLLBACK_SKIPPED} (current template already matches revision ${toRevision})` };
  }
  const patched = strategicMergePatch(obj, to.data ?? {}, obj.kind, obj.apiVersion);
  if (!patched.ok) return { ok: false, error: `failed restoring revision ${toRevision}: ${patched.failure.message}` };
  const r = api.update(patched.value as KubeObject, { dryRun: dryRun === 'server' });
  if (!r.ok) return { ok: false, error: `failed restoring revision ${toRevision}: ${r.status.message}` };
  return { ok: true, operation: ROLLBACK_SUCCESS };
}

/** Models StatefulSetRollbacker.Rollback, through the StatefulSet controller's rollback plan. */
function rollbackStatefulSet(api: ApiServer, obj: KubeObject, toRevision: number, dryRun: DryRunStrategy): RollbackResult {
  const sts = obj as StatefulSet & KubeObject;
  const revisions = statefulSetRevisionHistory(sts, api.list('ControllerRevision', obj.metadata.namespace) as Parameters<typeof statefulSetRevisionHistory>[1]);
  const plan = planStatefulSetRollback(sts, revisions, toRevision);
  if (plan.kind === 'error') return { ok: false, error: plan.message };
  // A client dry run shows the template it would go back to, even when it already matches.
  if (dryRun === 'client') {
    const target = toRevision === 0 ? [...revisions].sort((a, b) => a.revision - b.revision)[revisions.length - 2] : revisions.find((r) => r.revision === toRevision);
    return { ok: true, operation: `will roll back to ${printTemplate(target?.template ?? {})}` };
  }
  if (plan.kind === 'skip') return { ok: true, operation: plan.message };
  const patched = strategicMergePatch(obj, plan.data, obj.kind, obj.apiVersion);
  if (!patched.ok) return { ok: false, error: `failed restoring revision ${toRevision}: ${patched.failure.message}` };
  const r = api.update(patched.value as KubeObject, { dryRun: dryRun === 'server' });
  if (!r.ok) return { ok: false, error: `failed restoring revision ${toRevision}: ${r.status.message}` };
  return { ok: true, operation: ROLLBACK_SUCCESS };
}

/** Models RollbackerFor + Rollback: rolls `obj` back to `toRevision` (0: the previous revision). */
export function rollback(api: ApiServer, obj: KubeObject, group: string, toRevision: number, dryRun: DryRunStrategy): RollbackResult {
  if (group === 'apps' && obj.kind === 'Deployment') return rollbackDeployment(api, obj, toRevision, dryRun);
  if (group === 'apps' && obj.kind === 'DaemonSet') return rollbackWithRevisions(api, obj, toRevision, dryRun);
  if (group === 'apps' && obj.kind === 'StatefulSet') return rollbackStatefulSet(api, obj, toRevision, dryRun);
  const gk = group ? `${obj.kind}.${group}` : obj.kind;
  if (['ReplicaSet', 'Job', 'Pod', 'ReplicationController', 'CronJob'].includes(obj.kind)) return { ok: false, error: `no rollbacker has been implemented for "${gk}"` };
  return { ok: false, error: `error retrieving rollbacker for "${gk}", no visitor method exists for {${group} ${obj.kind}}` };
}
