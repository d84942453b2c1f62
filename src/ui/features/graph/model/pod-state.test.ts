import { describe, expect, it } from 'vitest';
import { podVisual, visualStateOf, countStates } from './pod-state';
import { deploymentYaml, testCluster } from './testing';

describe('visualStateOf', () => {
  const cases: [string, boolean, string][] = [
    ['Running', true, 'ready'],
    ['Running', false, 'notReady'],
    ['NotReady', false, 'notReady'],
    ['Pending', false, 'pending'],
    ['ContainerCreating', false, 'pending'],
    ['PodInitializing', false, 'pending'],
    ['Init:0/2', false, 'pending'],
    ['SchedulingGated', false, 'pending'],
    ['Completed', false, 'succeeded'],
    ['Terminating', true, 'terminating'],
    ['CrashLoopBackOff', false, 'failed'],
    ['Error', false, 'failed'],
    ['OOMKilled', false, 'failed'],
    ['ImagePullBackOff', false, 'failed'],
    ['ErrImagePull', false, 'failed'],
    ['Evicted', false, 'failed'],
    ['Init:CrashLoopBackOff', false, 'failed'],
    ['ExitCode:3', false, 'failed'],
  ];
  it.each(cases)('%s (ready=%s) → %s', (status, ready, state) => {
    expect(visualStateOf(status, ready)).toBe(state);
  });
});

describe('podVisual on simulated pods', () => {
  it('follows a pod from ContainerCreating to Running and Ready, as kubectl prints it', () => {
    const c = testCluster();
    c.run('kubectl apply -f -', deploymentYaml('web', 2));
    c.advance(1000);
    const creating = Object.values(c.objects()).filter((o) => o.kind === 'Pod' && o.metadata.namespace === 'default');
    expect(creating.map((p) => podVisual(p))).toEqual([
      { state: 'pending', status: 'ContainerCreating', ready: '0/1', restarts: 0 },
      { state: 'pending', status: 'ContainerCreating', ready: '0/1', restarts: 0 },
    ]);
    c.advance(30_000);
    const running = Object.values(c.objects()).filter((o) => o.kind === 'Pod' && o.metadata.namespace === 'default');
    expect(running.map((p) => podVisual(p).state)).toEqual(['ready', 'ready']);
    expect(countStates(running)).toEqual({ ready: 2, notReady: 0, pending: 0, succeeded: 0, terminating: 0, failed: 0 });
  });

  it('shows a crashing container as failed with its restart count', () => {
    const c = testCluster();
    c.run('kubectl run crash --image=busybox --restart=Always -- sh -c "exit 1"');
    c.advance(120_000);
    const pod = c.objects()['Pod/default/crash']!;
    const v = podVisual(pod);
    expect(v.state).toBe('failed');
    expect(['CrashLoopBackOff', 'Error']).toContain(v.status);
    expect(v.restarts).toBeGreaterThan(0);
  });
});
