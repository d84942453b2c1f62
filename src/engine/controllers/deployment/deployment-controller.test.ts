import { beforeEach, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { computeTemplateHash } from '../../api/names';
import { controllerRef } from '../../api/meta';
import { Harness } from '../replicaset/testing/harness';
import { startReplicaSetController } from '../replicaset/replica-set';
import { startDeploymentController, DEPLOYMENT_CONTROLLER } from './deployment-controller';

interface DeployOpts {
  replicas?: number;
  strategy?: 'RollingUpdate' | 'Recreate';
  image?: string;
  progressDeadlineSeconds?: number;
  revisionHistoryLimit?: number;
  annotations?: Record<string, string>;
}

function deploymentManifest(o: DeployOpts = {}): KubeObject {
  const type = o.strategy ?? 'RollingUpdate';
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', ...(o.annotations ? { annotations: o.annotations } : {}) },
    spec: {
      replicas: o.replicas ?? 3,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: o.image ?? 'nginx:1.27' }] } },
      strategy: type === 'Recreate' ? { type } : { type, rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      revisionHistoryLimit: o.revisionHistoryLimit ?? 10,
      progressDeadlineSeconds: o.progressDeadlineSeconds ?? 600,
    },
  };
}

type Spec = { replicas: number; paused?: boolean; template: { spec: { containers: { image: string }[] } } };

function deploy(h: Harness): KubeObject {
  return h.api.get('Deployment', 'default', 'web')!;
}

function hashOf(h: Harness): string {
  return computeTemplateHash((deploy(h).spec as { template: unknown }).template);
}

function setImage(h: Harness, image: string): void {
  h.update('Deployment', 'web', (d) => {
    (d.spec as Spec).template.spec.containers[0]!.image = image;
  });
}

function replicaSets(h: Harness): Record<string, number> {
  const out: Record<string, number> = {};
  for (const rs of h.api.list('ReplicaSet', 'default')) out[rs.metadata.name] = (rs.spec as { replicas: number }).replicas;
  return out;
}

function conditions(h: Harness): string[] {
  const conds = ((deploy(h).status as { conditions?: { type: string; status: string; reason: string }[] }).conditions ?? []);
  return conds.map((c) => `${c.type}=${c.status}/${c.reason}`);
}

describe('Deployment controller', () => {
  let h: Harness;
  beforeEach(() => {
    h = new Harness();
    startReplicaSetController(h.ctx);
    startDeploymentController(h.ctx);
  });

  it('creates one ReplicaSet <deploy>-<hash> with 3 pods <deploy>-<hash>-<5 chars>, then reports a complete rollout', () => {
    const d = h.create(deploymentManifest());
    h.advance(100);
    const hash = hashOf(h);
    const rs = h.api.get('ReplicaSet', 'default', `web-${hash}`)!;
    expect(Object.keys(replicaSets(h))).toEqual([`web-${hash}`]);
    expect(rs.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.metadata.annotations).toEqual({
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
      'deployment.kubernetes.io/revision': '1',
    });
    expect(rs.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: d.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(rs.spec).toMatchObject({ replicas: 3, selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } } });
    const pods = h.pods(`web-${hash}`);
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      expect(p.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    }
    expect(deploy(h).metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '1' });
    expect(h.events(DEPLOYMENT_CONTROLLER)).toEqual([`ScalingReplicaSet: Scaled up replica set web-${hash} from 0 to 3`]);
    expect(conditions(h)).toEqual(['Available=False/MinimumReplicasUnavailable', 'Progressing=True/ReplicaSetUpdated']);

    h.advance(3000);
    expect(deploy(h).status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect((deploy(h).status as Record<string, unknown>).unavailableReplicas).toBeUndefined();
    expect(conditions(h)).toEqual(['Available=True/MinimumReplicasAvailable', 'Progressing=True/NewReplicaSetAvailable']);
    const progressing = (deploy(h).status as { conditions: { type: string; message: string }[] }).conditions.find((c) => c.type === 'Progressing')!;
    expect(progressing.message).toBe(`ReplicaSet "web-${hash}" has successfully progressed.`);
    // Settled: nothing left to do, no controller keeps requeueing itself.
    expect(h.clock.peekTime()).toBeUndefined();
  });

  it('scales the only ReplicaSet when replicas change', () => {
    h.create(deploymentManifest());
    h.advance(3000);
    const hash = hashOf(h);
    h.update('Deployment', 'web', (d) => {
      (d.spec as Spec).replicas = 4;
    });
    h.advance(3000);
    expect(replicaSets(h)).toEqual({ [`web-${hash}`]: 4 });
    expect(h.pods(`web-${hash}`)).toHaveLength(4);
    expect(h.events(DEPLOYMENT_CONTROLLER).at(-1)).toBe(`ScalingReplicaSet: Scaled up replica set web-${hash} from 3 to 4`);
    expect(h.api.get('ReplicaSet', 'default', `web-${hash}`)!.metadata.annotations!['deployment.kubernetes.io/desired-replicas']).toBe('4');
    expect(deploy(h).status).toMatchObject({ replicas: 4, availableReplicas: 4, observedGeneration: 2 });
  });

  it('rolls out a new image one surge pod at a time, with the events in upstream order', () => {
    h.create(deploymentManifest());
    h.advance(3000);
    const oldHash = hashOf(h);
    setImage(h, 'nginx:1.28');
    h.advance(100);
    const newHash = hashOf(h);
    expect(newHash).not.toBe(oldHash);
    expect(replicaSets(h)).toEqual({ [`web-${oldHash}`]: 3, [`web-${newHash}`]: 1 });
    h.advance(20_000);
    expect(replicaSets(h)).toEqual({ [`web-${oldHash}`]: 0, [`web-${newHash}`]: 3 });
    expect(h.events(DEPLOYMENT_CONTROLLER)).toEqual([
      `ScalingReplicaSet: Scaled up replica set web-${oldHash} from 0 to 3`,
      `ScalingReplicaSet: Scaled up replica set web-${newHash} from 0 to 1`,
      `ScalingReplicaSet: Scaled down replica set web-${oldHash} from 3 to 2`,
      `ScalingReplicaSet: Scaled up replica set web-${newHash} from 1 to 2`,
      `ScalingReplicaSet: Scaled down replica set web-${oldHash} from 2 to 1`,
      `ScalingReplicaSet: Scaled up replica set web-${newHash} from 2 to 3`,
      `ScalingReplicaSet: Scaled down replica set web-${oldHash} from 1 to 0`,
    ]);
    expect(h.pods(`web-${oldHash}`)).toHaveLength(0);
    expect(h.pods(`web-${newHash}`)).toHaveLength(3);
    expect(deploy(h).metadata.annotations!['deployment.kubernetes.io/revision']).toBe('2');
    expect(h.api.get('ReplicaSet', 'default', `web-${newHash}`)!.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('2');
    expect(deploy(h).status).toMatchObject({ observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 3 });
    expect(conditions(h)).toEqual(['Available=True/MinimumReplicasAvailable', 'Progressing=True/NewReplicaSetAvailable']);
  });

  it('rollback reuses the old ReplicaSet with the next revision and records its old number', () => {
    h.create(deploymentManifest({ annotations: { 'kubernetes.io/change-cause': 'v1' } }));
    h.advance(3000);
    const v1 = hashOf(h);
    expect(h.api.get('ReplicaSet', 'default', `web-${v1}`)!.metadata.annotations!['kubernetes.io/change-cause']).toBe('v1');
    h.update('Deployment', 'web', (d) => {
      d.metadata.annotations = { ...d.metadata.annotations, 'kubernetes.io/change-cause': 'v2' };
      (d.spec as Spec).template.spec.containers[0]!.image = 'nginx:1.28';
    });
    h.advance(20_000);
    const v2 = hashOf(h);
    expect(h.api.get('ReplicaSet', 'default', `web-${v2}`)!.metadata.annotations!['kubernetes.io/change-cause']).toBe('v2');
    setImage(h, 'nginx:1.27');
    h.advance(20_000);
    expect(hashOf(h)).toBe(v1);
    expect(replicaSets(h)).toEqual({ [`web-${v1}`]: 3, [`web-${v2}`]: 0 });
    const reused = h.api.get('ReplicaSet', 'default', `web-${v1}`)!;
    expect(reused.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('3');
    expect(reused.metadata.annotations!['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(deploy(h).metadata.annotations!['deployment.kubernetes.io/revision']).toBe('3');
  });

  it('keeps at most revisionHistoryLimit old ReplicaSets', () => {
    h.create(deploymentManifest({ revisionHistoryLimit: 1 }));
    h.advance(3000);
    for (const image of ['nginx:a', 'nginx:b', 'nginx:c']) {
      setImage(h, image);
      h.advance(20_000);
    }
    const names = Object.keys(replicaSets(h));
    expect(names).toHaveLength(2);
    const revisions = h.api.list('ReplicaSet', 'default').map((rs) => rs.metadata.annotations!['deployment.kubernetes.io/revision']).sort();
    expect(revisions).toEqual(['3', '4']);
  });

  it('Recreate scales the old ReplicaSet to zero and creates the new one only after the old pods are gone', () => {
    h.terminationMs = 5000;
    h.create(deploymentManifest({ strategy: 'Recreate' }));
    h.advance(3000);
    const oldHash = hashOf(h);
    setImage(h, 'nginx:1.28');
    h.advance(1000);
    const newHash = hashOf(h);
    // Old pods are terminating for 5s: no new ReplicaSet yet.
    expect(replicaSets(h)).toEqual({ [`web-${oldHash}`]: 0 });
    expect(h.api.list('Pod', 'default').filter((p) => p.metadata.deletionTimestamp)).toHaveLength(3);
    h.advance(5000);
    expect(replicaSets(h)).toEqual({ [`web-${oldHash}`]: 0, [`web-${newHash}`]: 3 });
    h.advance(3000);
    expect(h.events(DEPLOYMENT_CONTROLLER)).toEqual([
      `ScalingReplicaSet: Scaled up replica set web-${oldHash} from 0 to 3`,
      `ScalingReplicaSet: Scaled down replica set web-${oldHash} from 3 to 0`,
      `ScalingReplicaSet: Scaled up replica set web-${newHash} from 0 to 3`,
    ]);
    expect(conditions(h)).toEqual(['Available=True/MinimumReplicasAvailable', 'Progressing=True/NewReplicaSetAvailable']);
  });

  it('pause holds template changes but still scales; resume rolls out', () => {
    h.create(deploymentManifest());
    h.advance(3000);
    const oldHash = hashOf(h);
    h.update('Deployment', 'web', (d) => {
      (d.spec as Spec).paused = true;
    });
    h.advance(100);
    expect(conditions(h)).toEqual(['Available=True/MinimumReplicasAvailable', 'Progressing=Unknown/DeploymentPaused']);
    setImage(h, 'nginx:1.28');
    h.update('Deployment', 'web', (d) => {
      (d.spec as Spec).replicas = 5;
    });
    h.advance(5000);
    expect(replicaSets(h)).toEqual({ [`web-${oldHash}`]: 5 });
    h.update('Deployment', 'web', (d) => {
      (d.spec as Spec).paused = false;
    });
    h.advance(30_000);
    const newHash = hashOf(h);
    expect(replicaSets(h)).toEqual({ [`web-${oldHash}`]: 0, [`web-${newHash}`]: 5 });
    expect(conditions(h)).toEqual(['Available=True/MinimumReplicasAvailable', 'Progressing=True/NewReplicaSetAvailable']);
  });

  it('reports ProgressDeadlineExceeded when new pods never become ready', () => {
    h.create(deploymentManifest({ replicas: 4, progressDeadlineSeconds: 30 }));
    h.advance(3000);
    const oldHash = hashOf(h);
    h.behaviour = () => ({ startMs: 200, readyMs: undefined });
    setImage(h, 'nginx:broken');
    h.advance(2000);
    const newHash = hashOf(h);
    // dep-rollout-seq-07: (4,0) -> (4,1) -> (3,1) -> (3,2), then stalled.
    expect(replicaSets(h)).toEqual({ [`web-${oldHash}`]: 3, [`web-${newHash}`]: 2 });
    expect(conditions(h)).toEqual(['Available=True/MinimumReplicasAvailable', 'Progressing=True/ReplicaSetUpdated']);
    const lastUpdate = Date.parse((deploy(h).status as { conditions: { type: string; lastUpdateTime: string }[] }).conditions.find((c) => c.type === 'Progressing')!.lastUpdateTime);
    // Deadline: lastUpdateTime + 30s, checked one second later.
    h.advance(lastUpdate + 30_000 - h.clock.nowMs);
    expect(conditions(h)).toContain('Progressing=True/ReplicaSetUpdated');
    h.advance(1100);
    expect(conditions(h)).toEqual(['Available=True/MinimumReplicasAvailable', 'Progressing=False/ProgressDeadlineExceeded']);
    const cond = (deploy(h).status as { conditions: { type: string; message: string }[] }).conditions.find((c) => c.type === 'Progressing')!;
    expect(cond.message).toBe(`ReplicaSet "web-${newHash}" has timed out progressing.`);
    expect(replicaSets(h)).toEqual({ [`web-${oldHash}`]: 3, [`web-${newHash}`]: 2 });
  });

  it('adopts a matching orphan ReplicaSet and releases one whose labels stop matching', () => {
    const d = h.create(deploymentManifest());
    h.advance(3000);
    const orphan = h.create({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'stray', namespace: 'default', labels: { app: 'web' } },
      spec: { replicas: 0, selector: { matchLabels: { app: 'web', v: 'old' } }, template: { metadata: { labels: { app: 'web', v: 'old' } }, spec: { containers: [{ name: 'nginx', image: 'old' }] } } },
    });
    h.advance(100);
    expect(controllerRef(h.api.get('ReplicaSet', 'default', orphan.metadata.name)!)?.uid).toBe(d.metadata.uid);
    h.update('ReplicaSet', 'stray', (rs) => {
      rs.metadata.labels = { app: 'other' };
    });
    h.advance(100);
    expect(h.api.get('ReplicaSet', 'default', 'stray')!.metadata.ownerReferences).toBeUndefined();
  });
});
