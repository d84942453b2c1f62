import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../engine';
import { daemonSetStatus, deploymentStatus, statefulSetStatus, statusViewerFor } from './status-viewers';

function deployment(generation: number, status: Record<string, unknown>, opts: { replicas?: number; revision?: string } = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', generation, ...(opts.revision ? { annotations: { 'deployment.kubernetes.io/revision': opts.revision } } : {}) },
    spec: { replicas: opts.replicas ?? 3 },
    status,
  };
}

describe('deploymentStatus', () => {
  it.each([
    ['spec not observed yet', deployment(2, { observedGeneration: 1 }), 'Waiting for deployment spec update to be observed...\n', false],
    ['new replicas still coming', deployment(1, { observedGeneration: 1, replicas: 4, updatedReplicas: 1 }), 'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n', false],
    ['old replicas terminating', deployment(1, { observedGeneration: 1, replicas: 4, updatedReplicas: 3 }), 'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...\n', false],
    ['updated replicas not available', deployment(1, { observedGeneration: 1, replicas: 3, updatedReplicas: 3, availableReplicas: 2 }), 'Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...\n', false],
    ['done', deployment(1, { observedGeneration: 1, replicas: 3, updatedReplicas: 3, availableReplicas: 3 }), 'deployment "web" successfully rolled out\n', true],
  ])('%s', (_name, obj, message, done) => {
    expect(deploymentStatus(obj, 0)).toEqual({ ok: true, message, done });
  });

  it('fails on an exceeded progress deadline, and on a revision other than the pinned one', () => {
    const timedOut = deployment(1, { observedGeneration: 1, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] });
    expect(deploymentStatus(timedOut, 0)).toEqual({ ok: false, error: 'deployment "web" exceeded its progress deadline', done: false });
    const rev2 = deployment(1, { observedGeneration: 1, replicas: 3, updatedReplicas: 3, availableReplicas: 3 }, { revision: '2' });
    expect(deploymentStatus(rev2, 2)).toMatchObject({ ok: true, done: true });
    expect(deploymentStatus(rev2, 3)).toEqual({ ok: false, error: 'desired revision (3) is different from the running revision (2)', done: false });
    expect(deploymentStatus(deployment(1, {}), 1)).toEqual({ ok: false, error: 'desired revision (1) is different from the running revision (0)', done: false });
  });
});

describe('daemonSetStatus', () => {
  const ds = (status: Record<string, unknown>, type = 'RollingUpdate', generation = 1): KubeObject => ({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'fluentd', generation }, spec: { updateStrategy: { type } }, status });

  it('reports updated, then available pods', () => {
    expect(daemonSetStatus(ds({ observedGeneration: 1, desiredNumberScheduled: 3, updatedNumberScheduled: 1 }))).toEqual({ ok: true, message: 'Waiting for daemon set "fluentd" rollout to finish: 1 out of 3 new pods have been updated...\n', done: false });
    expect(daemonSetStatus(ds({ observedGeneration: 1, desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 2 }))).toEqual({ ok: true, message: 'Waiting for daemon set "fluentd" rollout to finish: 2 of 3 updated pods are available...\n', done: false });
    expect(daemonSetStatus(ds({ observedGeneration: 1, desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 3 }))).toEqual({ ok: true, message: 'daemon set "fluentd" successfully rolled out\n', done: true });
    expect(daemonSetStatus(ds({ observedGeneration: 1 }, 'RollingUpdate', 2))).toEqual({ ok: true, message: 'Waiting for daemon set spec update to be observed...\n', done: false });
  });

  it('refuses OnDelete', () => {
    expect(daemonSetStatus(ds({}, 'OnDelete'))).toMatchObject({ ok: false, error: 'rollout status is only available for RollingUpdate strategy type' });
  });
});

describe('statefulSetStatus', () => {
  const sts = (status: Record<string, unknown>, partition?: number): KubeObject => ({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', generation: 1 },
    spec: { replicas: 3, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: partition ?? 0 } } },
    status,
  });

  it('uses the partitioned messages a defaulted RollingUpdate set shows', () => {
    expect(statefulSetStatus(sts({ observedGeneration: 1, readyReplicas: 1 }))).toEqual({ ok: true, message: 'Waiting for 2 pods to be ready...\n', done: false });
    expect(statefulSetStatus(sts({ observedGeneration: 1, readyReplicas: 3, updatedReplicas: 1 }, 1))).toEqual({ ok: true, message: 'Waiting for partitioned roll out to finish: 1 out of 2 new pods have been updated...\n', done: false });
    expect(statefulSetStatus(sts({ observedGeneration: 1, readyReplicas: 3, updatedReplicas: 3 }))).toEqual({ ok: true, message: 'partitioned roll out complete: 3 new pods have been updated...\n', done: true });
  });
});

describe('statusViewerFor', () => {
  it('names the kinds without a viewer as kubectl does', () => {
    expect(statusViewerFor('ReplicaSet', 'apps')).toBe('no status viewer has been implemented for ReplicaSet.apps');
    expect(statusViewerFor('Pod', '')).toBe('no status viewer has been implemented for Pod');
    expect(typeof statusViewerFor('Deployment', 'apps')).toBe('function');
  });
});
