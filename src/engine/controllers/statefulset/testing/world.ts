/**
 * An in-memory stand-in for the cluster around one StatefulSet sync: pods, ControllerRevisions and the set's
 * status live in maps, the pod control and history record what each sync did, and the test plays kubelet
 * (marking pods Running and Ready, finishing deletions) between syncs.
 */
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import { toTimestamp } from '../../../api/meta';
import { updateStatefulSet, type ControllerHistory, type StatefulPodControl, type SyncResult } from '../stateful-set-control';
import type { StatefulPod, StoredStatefulSet } from '../stateful-set-utils';
import type { StoredControllerRevision } from '../history';

/** 2025-01-01T00:00:00Z. */
export const T0 = Date.UTC(2025, 0, 1, 0, 0, 0);

/** A StatefulSet `web` with the apiserver's defaults, selecting app=nginx. */
export function statefulSet(replicas: number, spec: Partial<NonNullable<StatefulSet['spec']>> = {}): StoredStatefulSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default', uid: 'set-uid', generation: 1, creationTimestamp: toTimestamp(T0) },
    spec: {
      replicas,
      serviceName: 'nginx',
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      revisionHistoryLimit: 10,
      selector: { matchLabels: { app: 'nginx' } },
      template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.9.1' }] } },
      ...spec,
    },
    status: { replicas: 0, availableReplicas: 0 },
  } as StoredStatefulSet;
}

/** The fake cluster. */
export class World {
  readonly pods = new Map<string, StatefulPod>();
  revisions: StoredControllerRevision[] = [];
  nowMs = T0;
  private actions: string[] = [];
  private uids = 0;

  constructor(public set: StoredStatefulSet) {}

  readonly podControl: StatefulPodControl = {
    createStatefulPod: (_set, pod) => {
      this.actions.push(`create ${pod.metadata.name}`);
      this.pods.set(pod.metadata.name, { ...pod, metadata: { ...pod.metadata, uid: `pod-${++this.uids}`, creationTimestamp: toTimestamp(this.nowMs) }, status: { phase: 'Pending' } });
      return undefined;
    },
    updateStatefulPod: (_set, pod) => {
      this.actions.push(`update ${pod.metadata.name}`);
      return undefined;
    },
    deleteStatefulPod: (_set, pod) => {
      this.actions.push(`delete ${pod.metadata.name}`);
      const cur = this.pods.get(pod.metadata.name);
      if (!cur) return `pods "${pod.metadata.name}" not found`;
      this.pods.set(pod.metadata.name, { ...cur, metadata: { ...cur.metadata, deletionTimestamp: toTimestamp(this.nowMs) } });
      return undefined;
    },
    podClaimIsStale: () => false,
    createMissingPersistentVolumeClaims: () => undefined,
    claimsMatchRetentionPolicy: () => true,
    updatePodClaimForRetentionPolicy: () => undefined,
  };

  readonly history: ControllerHistory = {
    create: (_set, revision, collisionCount) => {
      this.actions.push(`create revision ${revision.revision}`);
      const stored = { ...revision, metadata: { ...revision.metadata, uid: `rev-${++this.uids}`, creationTimestamp: toTimestamp(this.nowMs) } };
      this.revisions.push(stored);
      return { revision: stored, collisionCount };
    },
    update: (revision, n) => {
      this.actions.push(`renumber revision ${revision.revision} to ${n}`);
      const updated = { ...revision, revision: n };
      this.revisions = this.revisions.map((r) => (r.metadata.name === revision.metadata.name ? updated : r));
      return { revision: updated };
    },
    delete: (revision) => {
      this.actions.push(`delete revision ${revision.revision}`);
      this.revisions = this.revisions.filter((r) => r.metadata.name !== revision.metadata.name);
      return undefined;
    },
  };

  /** Runs one sync; returns the pod and revision writes it made, in order. */
  sync(): string[] {
    this.actions = [];
    this.lastResult = updateStatefulSet(this.set, [...this.pods.values()], this.revisions, {
      podControl: this.podControl,
      history: this.history,
      updateStatus: (set, status) => {
        this.set = { ...set, status };
        return undefined;
      },
      nowMs: this.nowMs,
    });
    return this.actions;
  }

  lastResult: SyncResult | undefined;

  /** Changes the set's spec as a user would (the generation moves on). */
  edit(change: (spec: NonNullable<StatefulSet['spec']>) => void): void {
    const spec = structuredClone(this.set.spec!);
    change(spec);
    this.set = { ...this.set, spec, metadata: { ...this.set.metadata, generation: (this.set.metadata.generation ?? 1) + 1 } };
  }

  /** The kubelet runs the pod: Running, and Ready unless `ready` is false. */
  run(name: string, ready = true): void {
    const pod = this.pods.get(name);
    if (!pod) throw new Error(`no pod ${name}`);
    const now = toTimestamp(this.nowMs);
    this.pods.set(name, { ...pod, status: { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: now }] } });
  }

  /** The pod's containers finished: phase Failed (or Succeeded). */
  finish(name: string, phase: 'Failed' | 'Succeeded'): void {
    const pod = this.pods.get(name)!;
    this.pods.set(name, { ...pod, status: { phase } });
  }

  /** The kubelet runs every Pending pod to Running and Ready, and finishes every graceful deletion. */
  settle(): void {
    for (const [name, pod] of this.pods) {
      if (pod.metadata.deletionTimestamp) this.pods.delete(name);
      else if (pod.status?.phase === 'Pending') this.run(name);
    }
  }

  /** Finishes every graceful deletion. */
  reap(): void {
    for (const [name, pod] of this.pods) if (pod.metadata.deletionTimestamp) this.pods.delete(name);
  }

  /**
   * Syncs and settles until a sync neither writes nor changes the status (a status write triggers another sync in
   * the cluster, through the watch on the set); returns the writes of each sync that made some.
   */
  converge(max = 50): string[][] {
    const log: string[][] = [];
    for (let i = 0; i < max; i++) {
      const before = JSON.stringify(this.set.status);
      const actions = this.sync();
      if (actions.length > 0) log.push(actions);
      else if (JSON.stringify(this.set.status) === before) return log;
      this.settle();
    }
    throw new Error(`no convergence after ${max} syncs: ${JSON.stringify(log.slice(-3))}`);
  }

  /** Live pod names with their revision label, sorted by name. */
  podRevisions(): string[] {
    return [...this.pods.values()].filter((p) => !p.metadata.deletionTimestamp).map((p) => `${p.metadata.name}@${p.metadata.labels?.['controller-revision-hash']}`).sort();
  }
}
