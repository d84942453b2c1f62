/**
 * The one-line rollout status of a Deployment, DaemonSet or StatefulSet, and whether its rollout is done, exactly
 * as `kubectl rollout status` words them.
 * Models staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go (StatusViewerFor and the Status
 * methods of DeploymentStatusViewer, DaemonSetStatusViewer, StatefulSetStatusViewer).
 */
import type { DaemonSet, Deployment, StatefulSet } from 'kubernetes-types/apps/v1';
import { DeploymentConditionReasons, getDeploymentCondition, replicaSetRevision, statefulSetRolloutStatus, type KubeObject } from '../../../engine';

/** A status line (ending in a newline) and whether the rollout is done, or the error that ends the watch. */
export type RolloutStatus = { ok: true; message: string; done: boolean } | { ok: false; error: string; done: boolean };

/** Computes the status of one object; `revision` > 0 pins a Deployment to that revision. */
export type StatusViewer = (obj: KubeObject, revision: number) => RolloutStatus;

const line = (message: string, done: boolean): RolloutStatus => ({ ok: true, message: `${message}\n`, done });
const failure = (error: string, done = false): RolloutStatus => ({ ok: false, error, done });

/** Models DeploymentStatusViewer.Status. */
export function deploymentStatus(obj: KubeObject, revision: number): RolloutStatus {
  const d = obj as Deployment & KubeObject;
  const name = d.metadata.name;
  if (revision > 0) {
    const raw = d.metadata.annotations?.['deployment.kubernetes.io/revision'];
    const current = raw === undefined ? 0 : replicaSetRevision(d);
    if (current === undefined) return failure(`cannot get the revision of deployment "${name}": strconv.ParseInt: parsing "${raw}": invalid syntax`);
    if (revision !== current) return failure(`desired revision (${revision}) is different from the running revision (${current})`);
  }
  const s = d.status ?? {};
  if ((d.metadata.generation ?? 0) <= (s.observedGeneration ?? 0)) {
    const cond = getDeploymentCondition(s, 'Progressing');
    if (cond?.reason === DeploymentConditionReasons.TimedOut) return failure(`deployment "${name}" exceeded its progress deadline`);
    const replicas = d.spec?.replicas;
    const updated = s.updatedReplicas ?? 0;
    if (replicas !== undefined && updated < replicas) {
      return line(`Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...`, false);
    }
    if ((s.replicas ?? 0) > updated) {
      return line(`Waiting for deployment "${name}" rollout to finish: ${(s.replicas ?? 0) - updated} old replicas are pending termination...`, false);
    }
    if ((s.availableReplicas ?? 0) < updated) {
      return line(`Waiting for deployment "${name}" rollout to finish: ${s.availableReplicas ?? 0} of ${updated} updated replicas are available...`, false);
    }
    return line(`deployment "${name}" successfully rolled out`, true);
  }
  return line('Waiting for deployment spec update to be observed...', false);
}

/** Models DaemonSetStatusViewer.Status (DaemonSets have no pinned revision). */
export function daemonSetStatus(obj: KubeObject): RolloutStatus {
  const ds = obj as DaemonSet & KubeObject;
  const name = ds.metadata.name;
  // The message names the StatefulSet constant, which has the same value.
  if (ds.spec?.updateStrategy?.type !== 'RollingUpdate') return failure('rollout status is only available for RollingUpdate strategy type', true);
  const s = ds.status;
  if ((ds.metadata.generation ?? 0) <= (s?.observedGeneration ?? 0)) {
    const desired = s?.desiredNumberScheduled ?? 0;
    const updated = s?.updatedNumberScheduled ?? 0;
    if (updated < desired) return line(`Waiting for daemon set "${name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...`, false);
    const available = s?.numberAvailable ?? 0;
    if (available < desired) return line(`Waiting for daemon set "${name}" rollout to finish: ${available} of ${desired} updated pods are available...`, false);
    return line(`daemon set "${name}" successfully rolled out`, true);
  }
  return line('Waiting for daemon set spec update to be observed...', false);
}

/** Models StatefulSetStatusViewer.Status, through the StatefulSet controller's helper. */
export function statefulSetStatus(obj: KubeObject): RolloutStatus {
  const s = statefulSetRolloutStatus(obj as StatefulSet & KubeObject);
  return s.error !== undefined ? failure(s.error, s.done) : { ok: true, message: s.message, done: s.done };
}

/** Models StatusViewerFor: the viewer of a kind, or the error kubectl reports for other kinds. */
export function statusViewerFor(kind: string, group: string): StatusViewer | string {
  if (group === 'apps' && kind === 'Deployment') return deploymentStatus;
  if (group === 'apps' && kind === 'DaemonSet') return daemonSetStatus;
  if (group === 'apps' && kind === 'StatefulSet') return statefulSetStatus;
  return `no status viewer has been implemented for ${group ? `${kind}.${group}` : kind}`;
}
