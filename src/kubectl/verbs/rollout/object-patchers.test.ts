import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../engine';
import { pauseObject, restartObject, resumeObject } from './object-patchers';

const deploy = (paused?: boolean): KubeObject => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { ...(paused ? { paused } : {}), template: { metadata: { labels: { app: 'web' } } } } });
const NOW = Date.UTC(2026, 0, 15, 9, 30, 5, 400);

describe('pause and resume', () => {
  it('toggles spec.paused on Deployments and refuses to repeat', () => {
    const paused = pauseObject(deploy(), 'apps');
    expect(paused.ok && (paused.obj.spec as { paused?: boolean }).paused).toBe(true);
    expect(pauseObject(deploy(true), 'apps')).toEqual({ ok: false, error: 'is already paused' });
    const resumed = resumeObject(deploy(true), 'apps');
    expect(resumed.ok && 'paused' in (resumed.obj.spec as object)).toBe(false);
    expect(resumeObject(deploy(), 'apps')).toEqual({ ok: false, error: 'is not paused' });
  });

  it('supports only Deployments', () => {
    const ds: KubeObject = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'd' }, spec: {} };
    expect(pauseObject(ds, 'apps')).toEqual({ ok: false, error: 'pausing is not supported' });
    expect(resumeObject(ds, 'apps')).toEqual({ ok: false, error: 'resuming is not supported' });
  });
});

describe('restart', () => {
  it('stamps restartedAt on the template with second precision, leaving the input alone', () => {
    const input = deploy();
    const r = restartObject(input, 'apps', NOW);
    expect(r.ok && (r.obj.spec as { template: { metadata: unknown } }).template.metadata).toEqual({ labels: { app: 'web' }, annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-01-15T09:30:05Z' } });
    expect((input.spec as { template: { metadata: { annotations?: unknown } } }).template.metadata.annotations).toBeUndefined();
  });

  it('refuses paused Deployments and kinds without a pod template it knows', () => {
    expect(restartObject(deploy(true), 'apps', NOW)).toEqual({ ok: false, error: "can't restart paused deployment (run rollout resume first)" });
    expect(restartObject({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'r' } }, 'apps', NOW)).toEqual({ ok: false, error: 'restarting is not supported' });
    expect(restartObject({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 's' }, spec: {} }, 'apps', NOW).ok).toBe(true);
  });
});
