import { describe, expect, it } from 'vitest';
import type { ContainerRecord, RuntimeState } from './container-state';
import { generatePodStatus, podPhase, type PodRuntimeView } from './pod-status';

const T = Date.UTC(2026, 0, 15, 9, 0, 0);

function c(name: string, state: RuntimeState, extra: Partial<ContainerRecord> = {}): ContainerRecord {
  return { name, image: 'busybox:1.36', isInit: false, state, restartCount: 0, ready: false, started: false, timers: [], ...extra };
}

const waiting = (reason = 'ContainerCreating'): RuntimeState => ({ kind: 'waiting', reason });
const running: RuntimeState = { kind: 'running', startedAtMs: T };
const exited = (exitCode: number): Extract<RuntimeState, { kind: 'terminated' }> => ({ kind: 'terminated', reason: exitCode === 0 ? 'Completed' : 'Error', exitCode, startedAtMs: T, finishedAtMs: T + 5_000 });

function view(containers: ContainerRecord[], over: Partial<PodRuntimeView> = {}): PodRuntimeView {
  return { restartPolicy: 'Always', containers, initContainers: [], sandboxReady: true, hostIP: '172.18.0.3', podIP: '10.244.1.2', startTimeMs: T, isTerminal: false, ...over };
}

describe('podPhase', () => {
  it.each<[string, PodRuntimeView, string]>([
    ['a container still waiting to start', view([c('a', running), c('b', waiting())]), 'Pending'],
    ['a running container', view([c('a', running)]), 'Running'],
    ['Always: an exited container restarts', view([c('a', exited(0))]), 'Running'],
    ['Always: waiting in CrashLoopBackOff after an exit', view([c('a', waiting('CrashLoopBackOff'), { lastTerminated: exited(1) })]), 'Running'],
    ['Never: all exited 0', view([c('a', exited(0)), c('b', exited(0))], { restartPolicy: 'Never' }), 'Succeeded'],
    ['Never: one failed', view([c('a', exited(0)), c('b', exited(2))], { restartPolicy: 'Never' }), 'Failed'],
    ['OnFailure: exited 0', view([c('a', exited(0))], { restartPolicy: 'OnFailure' }), 'Succeeded'],
    ['OnFailure: failed and restarting', view([c('a', exited(1))], { restartPolicy: 'OnFailure' }), 'Running'],
    ['Always, deleted and stopped: all exited 0', view([c('a', exited(0))], { isTerminal: true }), 'Succeeded'],
    ['Always, deleted and killed', view([c('a', exited(137))], { isTerminal: true }), 'Failed'],
    ['init container running', view([c('a', waiting('PodInitializing'))], { initContainers: [c('init', running, { isInit: true })] }), 'Pending'],
    ['init container failed, Never', view([c('a', waiting('PodInitializing'))], { restartPolicy: 'Never', initContainers: [c('init', exited(1), { isInit: true })] }), 'Failed'],
  ])('%s', (_name, v, phase) => {
    expect(podPhase(v)).toBe(phase);
  });
});

describe('generatePodStatus', () => {
  it('reports a ContainerCreating pod: not ready, with the containers listed', () => {
    const s = generatePodStatus(view([c('web', waiting())], { sandboxReady: false, podIP: undefined, generation: 1 }), T + 1_000, undefined);
    expect(s).toEqual({
      observedGeneration: 1,
      phase: 'Pending',
      conditions: [
        { type: 'PodReadyToStartContainers', status: 'False', observedGeneration: 1, lastProbeTime: null, lastTransitionTime: '2026-01-15T09:00:01Z' },
        { type: 'Initialized', status: 'True', observedGeneration: 1, lastProbeTime: null, lastTransitionTime: '2026-01-15T09:00:01Z' },
        { type: 'Ready', status: 'False', observedGeneration: 1, lastProbeTime: null, lastTransitionTime: '2026-01-15T09:00:01Z', reason: 'ContainersNotReady', message: 'containers with unready status: [web]' },
        { type: 'ContainersReady', status: 'False', observedGeneration: 1, lastProbeTime: null, lastTransitionTime: '2026-01-15T09:00:01Z', reason: 'ContainersNotReady', message: 'containers with unready status: [web]' },
        { type: 'PodScheduled', status: 'True', observedGeneration: 1, lastProbeTime: null, lastTransitionTime: '2026-01-15T09:00:01Z' },
      ],
      hostIP: '172.18.0.3',
      hostIPs: [{ ip: '172.18.0.3' }],
      startTime: '2026-01-15T09:00:00Z',
      containerStatuses: [{ name: 'web', image: 'busybox:1.36', imageID: '', ready: false, restartCount: 0, started: false, state: { waiting: { reason: 'ContainerCreating' } }, lastState: {} }],
    });
  });

  it('keeps lastTransitionTime of conditions whose status did not change, and the scheduler\'s PodScheduled', () => {
    const first = generatePodStatus(view([c('web', waiting())]), T, { conditions: [{ type: 'PodScheduled', status: 'True', lastTransitionTime: '2026-01-15T08:59:59Z' }] });
    const later = generatePodStatus(view([c('web', running, { ready: true, started: true, containerId: 'containerd://abc', imageId: 'docker.io/library/busybox@sha256:1' })]), T + 5_000, first);
    const when = Object.fromEntries(later.conditions!.map((x) => [x.type, `${x.status}@${x.lastTransitionTime}`]));
    expect(when).toEqual({
      PodReadyToStartContainers: 'True@2026-01-15T09:00:00Z',
      Initialized: 'True@2026-01-15T09:00:00Z',
      Ready: 'True@2026-01-15T09:00:05Z',
      ContainersReady: 'True@2026-01-15T09:00:05Z',
      PodScheduled: 'True@2026-01-15T08:59:59Z',
    });
    expect(later.podIP).toBe('10.244.1.2');
    expect(later.podIPs).toEqual([{ ip: '10.244.1.2' }]);
    expect(later.containerStatuses![0]).toEqual({
      name: 'web', image: 'busybox:1.36', imageID: 'docker.io/library/busybox@sha256:1', containerID: 'containerd://abc', ready: true, restartCount: 0, started: true,
      state: { running: { startedAt: '2026-01-15T09:00:00Z' } }, lastState: {},
    });
  });

  const reasons = (s: ReturnType<typeof generatePodStatus>) => s.conditions!.map((x) => `${x.type}=${x.status}${x.reason ? `/${x.reason}` : ''}`);

  it('marks a Succeeded pod Initialized/PodCompleted and not ready with reason PodCompleted', () => {
    const s = generatePodStatus(view([c('job', exited(0))], { restartPolicy: 'Never' }), T + 6_000, undefined);
    expect(s.phase).toBe('Succeeded');
    expect(reasons(s)).toEqual(['PodReadyToStartContainers=False', 'Initialized=True/PodCompleted', 'Ready=False/PodCompleted', 'ContainersReady=False/PodCompleted', 'PodScheduled=True']);
    expect(s.conditions!.find((x) => x.type === 'Ready')!.message).toBeUndefined();
    expect(s.containerStatuses![0]!.state).toEqual({ terminated: { exitCode: 0, reason: 'Completed', startedAt: '2026-01-15T09:00:00Z', finishedAt: '2026-01-15T09:00:05Z' } });
  });

  it('marks a Failed pod not ready with reason PodFailed', () => {
    const s = generatePodStatus(view([c('job', exited(1))], { restartPolicy: 'Never' }), T + 6_000, undefined);
    expect(s.phase).toBe('Failed');
    expect(reasons(s)).toEqual(['PodReadyToStartContainers=False', 'Initialized=True', 'Ready=False/PodFailed', 'ContainersReady=False/PodFailed', 'PodScheduled=True']);
  });

  it('lists pending init containers in Initialized', () => {
    const s = generatePodStatus(view([c('app', waiting('PodInitializing'))], { initContainers: [c('init-a', exited(0), { isInit: true }), c('init-b', running, { isInit: true })] }), T, undefined);
    const init = s.conditions!.find((x) => x.type === 'Initialized')!;
    expect([init.status, init.reason, init.message]).toEqual(['False', 'ContainersNotInitialized', 'containers with incomplete status: [init-b]']);
    expect(s.initContainerStatuses!.map((x) => Object.keys(x.state!)[0])).toEqual(['terminated', 'running']);
  });
});
