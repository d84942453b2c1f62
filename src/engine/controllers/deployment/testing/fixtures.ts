/**
 * Builders for Deployment-controller unit tests: Deployments and ReplicaSets with the fields the arithmetic reads,
 * and an in-memory implementation of the scale/delete writes that records what was asked.
 */
import { deepCopy, toTimestamp } from '../../../api/meta';
import { replicasOf } from '../../replicaset/replica-set-status';
import type { RolloutOps, ScaleOutcome, ScalingOperation } from '../ops';
import type { Fallible, IntOrString } from '../util/int-or-string';
import { deploymentReplicas, maxSurge, setReplicasAnnotations, type StoredDeployment, type StoredReplicaSet } from '../util/deployment-util';

/** Options of a test Deployment; strategy fields left out stay unset, as in upstream's newDeployment helper. */
export interface DeploymentOpts {
  replicas: number;
  maxSurge?: IntOrString;
  maxUnavailable?: IntOrString;
  type?: 'RollingUpdate' | 'Recreate';
  revisionHistoryLimit?: number;
  progressDeadlineSeconds?: number;
  generation?: number;
  status?: StoredDeployment['status'];
}

/** A RollingUpdate Deployment `foo` (surge/unavailable default to 0, like upstream's test helper). */
export function deployment(o: DeploymentOpts): StoredDeployment {
  const type = o.type ?? 'RollingUpdate';
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'foo', namespace: 'default', uid: 'd-uid', generation: o.generation ?? 1, annotations: {} },
    spec: {
      replicas: o.replicas,
      selector: { matchLabels: { foo: 'bar' } },
      template: { metadata: { labels: { foo: 'bar' } }, spec: { containers: [{ name: 'c', image: 'img' }] } },
      strategy: type === 'Recreate' ? { type } : { type, rollingUpdate: { maxSurge: o.maxSurge ?? 0, maxUnavailable: o.maxUnavailable ?? 0 } },
      ...(o.revisionHistoryLimit !== undefined ? { revisionHistoryLimit: o.revisionHistoryLimit } : {}),
      ...(o.progressDeadlineSeconds !== undefined ? { progressDeadlineSeconds: o.progressDeadlineSeconds } : {}),
    },
    ...(o.status ? { status: o.status } : {}),
  };
}

/** Options of a test ReplicaSet. */
export interface RSOpts {
  available?: number;
  statusReplicas?: number;
  createdMs?: number;
  revision?: number;
  generation?: number;
  observedGeneration?: number;
  annotations?: Record<string, string>;
}

const T = Date.UTC(2016, 4, 20, 0, 0, 0);

/** A ReplicaSet with spec.replicas and the given status; created at 2016-05-20 plus `createdMs`. */
export function rs(name: string, replicas: number, o: RSOpts = {}): StoredReplicaSet {
  const annotations = { ...(o.annotations ?? {}), ...(o.revision !== undefined ? { 'deployment.kubernetes.io/revision': String(o.revision) } : {}) };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, creationTimestamp: toTimestamp(T + (o.createdMs ?? 0)), generation: o.generation ?? 1, annotations },
    spec: { replicas, selector: { matchLabels: { foo: 'bar' } }, template: {} },
    status: { replicas: o.statusReplicas ?? replicas, availableReplicas: o.available ?? 0, observedGeneration: o.observedGeneration ?? o.generation ?? 1 },
  };
}

/** Sets the replica annotations as if the ReplicaSet had last been scaled by `d`. */
export function annotateFor(r: StoredReplicaSet, d: StoredDeployment, desired = deploymentReplicas(d)): StoredReplicaSet {
  setReplicasAnnotations(r, desired, desired + maxSurge(d));
  return r;
}

/** Records scale and delete calls; returns updated copies the way the apiserver would. */
export class FakeOps implements RolloutOps {
  /** `name op old->new` for each scale that changed the size, in call order. */
  readonly scaled: string[] = [];
  readonly deleted: string[] = [];
  /** Latest size per ReplicaSet name after every call (annotation-only updates included). */
  readonly sizes = new Map<string, number>();
  /** Names whose writes fail. */
  readonly failing = new Set<string>();

  scaleReplicaSet(r: StoredReplicaSet, newScale: number, d: StoredDeployment, op: ScalingOperation): Fallible<ScaleOutcome> {
    if (this.failing.has(r.metadata.name)) return { ok: false, error: `update of ${r.metadata.name} failed` };
    const copy = deepCopy(r);
    copy.spec!.replicas = newScale;
    setReplicasAnnotations(copy, deploymentReplicas(d), deploymentReplicas(d) + maxSurge(d));
    const scaled = replicasOf(r) !== newScale;
    if (scaled) this.scaled.push(`${r.metadata.name} ${op} ${replicasOf(r)}->${newScale}`);
    this.sizes.set(r.metadata.name, newScale);
    return { ok: true, value: { scaled, rs: copy } };
  }

  deleteReplicaSet(r: StoredReplicaSet): string | undefined {
    this.deleted.push(r.metadata.name);
    return undefined;
  }
}
