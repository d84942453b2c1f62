import { beforeEach, describe, expect, it } from 'vitest';
import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/types';
import { fromTimestamp } from '../api/meta';
import { createCluster, type Cluster } from '../cluster/cluster';

type StoredPod = Pod & KubeObject;
interface StoredEvent extends KubeObject {
  reason: string;
  message: string;
  type: string;
  count: number;
  firstTimestamp: string;
  involvedObject: { name: string; fieldPath?: string };
  source: { component: string; host?: string };
}

let cluster: Cluster;
beforeEach(() => {
  cluster = createCluster({ seed: 1, freezeObjects: true });
});

/** Creates a pod in `default` with one container `c` (or the given containers) and returns its name. */
function run(name: string, container: Record<string, unknown>, spec: Record<string, unknown> = {}): string {
  const r = cluster.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers: [{ name: 'c', ...container }], ...spec } });
  if (!r.ok) throw new Error(r.status.message);
  return name;
}

/** Pins a pod to a node through the scheduler (so the Scheduled event still happens). */
const onNode = (node: string) => ({ nodeSelector: { 'kubernetes.io/hostname': node } });

const getPod = (name: string) => cluster.api.get<StoredPod>('Pod', 'default', name);
const status0 = (name: string): ContainerStatus => getPod(name)?.status?.containerStatuses?.[0] ?? {} as ContainerStatus;

/** Advances in small steps until `done` holds; fails after `maxMs` of virtual time. */
function advanceUntil(done: () => boolean, maxMs: number, stepMs = 100): void {
  for (let t = 0; t < maxMs; t += stepMs) {
    if (done()) return;
    cluster.advance(stepMs);
  }
  if (!done()) throw new Error(`condition not met within ${maxMs}ms`);
}

function eventsOf(pod: string): StoredEvent[] {
  return (cluster.api.list('Event', 'default') as StoredEvent[])
    .filter((e) => e.involvedObject.name === pod)
    .sort((a, b) => a.firstTimestamp.localeCompare(b.firstTimestamp) || a.metadata.name.localeCompare(b.metadata.name));
}

const eventLines = (pod: string) => eventsOf(pod).map((e) => `${e.type} ${e.reason} ${e.message}`);

/** Records the container state of a pod after every change: `<ms since start> <state>`. */
function watchStates(pod: string): { at: number; state: string; restarts: number; ready: boolean; phase: string }[] {
  const out: { at: number; state: string; restarts: number; ready: boolean; phase: string }[] = [];
  cluster.api.watch('Pod', (ev) => {
    if (ev.object.metadata.name !== pod || ev.type === 'DELETED') return;
    const p = ev.object as StoredPod;
    const cs = p.status?.containerStatuses?.[0];
    const st = cs?.state;
    const state = st?.running ? 'running' : st?.terminated ? `terminated:${st.terminated.reason}:${st.terminated.exitCode}` : st?.waiting ? `waiting:${st.waiting.reason}` : 'none';
    const last = out[out.length - 1];
    const entry = { at: cluster.nowMs, state, restarts: cs?.restartCount ?? 0, ready: cs?.ready ?? false, phase: p.status?.phase ?? '' };
    if (!last || last.state !== entry.state || last.restarts !== entry.restarts || last.ready !== entry.ready || last.phase !== entry.phase) out.push(entry);
  });
  return out;
}

describe('kubelet: pod start', () => {
  it('takes nginx Pending → ContainerCreating → Running with Scheduled, Pulling, Pulled, Created, Started', () => {
    const states = watchStates('web');
    run('web', { image: 'nginx:1.27' });
    advanceUntil(() => getPod('web')?.status?.phase === 'Running', 30_000);
    expect(states.map((s) => `${s.phase} ${s.state} ready=${s.ready}`)).toEqual([
      'Pending none ready=false',
      'Pending waiting:ContainerCreating ready=false',
      'Running running ready=true',
    ]);
    const node = getPod('web')!.spec!.nodeName!;
    const lines = eventLines('web');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe(`Normal Scheduled Successfully assigned default/web to ${node}`);
    expect(lines[1]).toBe('Normal Pulling Pulling image "nginx:1.27"');
    expect(lines[2]).toMatch(/^Normal Pulled Successfully pulled image "nginx:1\.27" in (\d+ms|\d+(\.\d+)?s) \((\d+ms|\d+(\.\d+)?s) including waiting\)\. Image size: 72195292 bytes\.$/);
    expect(lines.slice(3)).toEqual(['Normal Created Created container: c', 'Normal Started Started container c']);
    const kubeletEvents = eventsOf('web').filter((e) => e.source.component === 'kubelet');
    expect(kubeletEvents.map((e) => [e.source.host, e.involvedObject.fieldPath])).toEqual(Array(4).fill([node, 'spec.containers{c}']));

    const pod = getPod('web')!;
    const cs = status0('web');
    expect(cs).toMatchObject({ name: 'c', image: 'nginx:1.27', ready: true, started: true, restartCount: 0, lastState: {} });
    expect(cs.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(cs.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    const nodeIndex = cluster.nodes.find((n) => n.name === node)!.index;
    expect(pod.status!.podIP).toMatch(new RegExp(`^10\\.244\\.${nodeIndex}\\.\\d+$`));
    expect(pod.status!.hostIP).toBe(cluster.nodes[nodeIndex]!.internalIP);
    expect(pod.status!.conditions!.map((c) => `${c.type}=${c.status}`)).toEqual(['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True']);
  });

  it('reports `already present on machine` for the second pod of an image on a node, and pulls again on another node', () => {
    run('first', { image: 'nginx:1.27' }, onNode('kubeplay-worker'));
    advanceUntil(() => getPod('first')?.status?.phase === 'Running', 30_000);
    run('second', { image: 'nginx:1.27' }, onNode('kubeplay-worker'));
    run('elsewhere', { image: 'nginx:1.27' }, onNode('kubeplay-worker2'));
    advanceUntil(() => getPod('second')?.status?.phase === 'Running' && getPod('elsewhere')?.status?.phase === 'Running', 30_000);
    expect(eventLines('second')).toEqual([
      'Normal Scheduled Successfully assigned default/second to kubeplay-worker',
      'Normal Pulled Container image "nginx:1.27" already present on machine',
      'Normal Created Created container: c',
      'Normal Started Started container c',
    ]);
    expect(eventLines('elsewhere')[1]).toBe('Normal Pulling Pulling image "nginx:1.27"');
  });

  it('pulls again for imagePullPolicy Always (an untagged image) even when the image is present', () => {
    run('a', { image: 'nginx' }, onNode('kubeplay-worker'));
    advanceUntil(() => getPod('a')?.status?.phase === 'Running', 30_000);
    run('b', { image: 'nginx' }, onNode('kubeplay-worker'));
    advanceUntil(() => getPod('b')?.status?.phase === 'Running', 30_000);
    expect(eventLines('b').map((l) => l.split(' ').slice(0, 2).join(' '))).toEqual(['Normal Scheduled', 'Normal Pulling', 'Normal Pulled', 'Normal Created', 'Normal Started']);
  });

  it('fails a missing tag with ErrImagePull, then ImagePullBackOff, with the kubelet events', () => {
    const states = watchStates('bad');
    run('bad', { image: 'nginx:1.91' });
    advanceUntil(() => status0('bad')?.state?.waiting?.reason === 'ImagePullBackOff', 10_000);
    const why = 'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.91": failed to resolve reference "docker.io/library/nginx:1.91": docker.io/library/nginx:1.91: not found';
    expect(states.map((s) => s.state)).toEqual(['none', 'waiting:ContainerCreating', 'waiting:ErrImagePull', 'waiting:ImagePullBackOff']);
    expect(status0('bad').state!.waiting).toEqual({ reason: 'ImagePullBackOff', message: `Back-off pulling image "nginx:1.91": ErrImagePull: ${why}` });
    expect(eventLines('bad').slice(1)).toEqual([
      'Normal Pulling Pulling image "nginx:1.91"',
      `Warning Failed Failed to pull image "nginx:1.91": ${why}`,
      'Warning Failed Error: ErrImagePull',
      'Normal BackOff Back-off pulling image "nginx:1.91"',
      'Warning Failed Error: ImagePullBackOff',
    ]);
    expect(getPod('bad')!.status!.phase).toBe('Pending');
    // The pull is retried after the 10 s backoff, reporting ErrImagePull again, and the events aggregate.
    const retried = watchStates('bad');
    advanceUntil(() => retried.some((s) => s.state === 'waiting:ErrImagePull'), 15_000);
    expect(retried.find((s) => s.state === 'waiting:ErrImagePull')).toBeDefined();
    expect(status0('bad').state!.waiting).toEqual({ reason: 'ErrImagePull', message: why });
    expect(eventsOf('bad').find((e) => e.reason === 'Pulling')!.count).toBe(2);
  });
});

describe('kubelet: exits and restarts', () => {
  it('crash-loops busybox with no command: Completed, then CrashLoopBackOff with waits 0, 10, 20, 40 s', () => {
    const states = watchStates('bb');
    run('bb', { image: 'busybox:1.36' });
    advanceUntil(() => (getPod('bb')?.status?.containerStatuses?.[0]?.restartCount ?? 0) >= 4, 120_000, 250);
    const uid = getPod('bb')!.metadata.uid!;
    // The first exit shows Completed, every later one CrashLoopBackOff until its backoff expires.
    const seq = states.map((s) => s.state).filter((s) => s !== 'none' && s !== 'waiting:ContainerCreating');
    expect(seq.slice(0, 8)).toEqual([
      'running', 'terminated:Completed:0',
      'running', 'terminated:Completed:0', 'waiting:CrashLoopBackOff',
      'running', 'terminated:Completed:0', 'waiting:CrashLoopBackOff',
    ]);
    const cs = status0('bb');
    expect(getPod('bb')!.status!.phase).toBe('Running');
    expect(cs.lastState!.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });

    // Restart waits: from a container's finishedAt to the next container's startedAt, in whole seconds.
    const starts: number[] = [];
    const ends: number[] = [];
    for (const s of states) {
      if (s.state === 'running') starts.push(s.at);
      if (s.state.startsWith('terminated')) ends.push(s.at);
    }
    const waits = ends.slice(0, 4).map((end, i) => Math.floor((starts[i + 1]! - end) / 1000));
    expect(waits).toEqual([0, 10, 20, 40]);

    const backoff = eventsOf('bb').find((e) => e.reason === 'BackOff')!;
    expect(backoff.type).toBe('Warning');
    expect(backoff.message).toBe(`Back-off restarting failed container c in pod bb_default(${uid})`);
    expect(backoff.count).toBe(3);
    advanceUntil(() => status0('bb').state?.waiting?.reason === 'CrashLoopBackOff', 5_000);
    expect(status0('bb').state!.waiting!.message).toBe(`back-off 1m20s restarting failed container=c pod=bb_default(${uid})`);
    expect(eventsOf('bb').find((e) => e.reason === 'Created')!.count).toBe(5);
  });

  it('runs `sleep 5` with restartPolicy Never to Succeeded / Completed', () => {
    run('once', { image: 'busybox:1.36', command: ['sleep', '5'] }, { restartPolicy: 'Never' });
    advanceUntil(() => getPod('once')?.status?.phase === 'Succeeded', 20_000);
    const cs = status0('once');
    const t = cs.state!.terminated!;
    expect([t.reason, t.exitCode, cs.ready, cs.started, cs.restartCount]).toEqual(['Completed', 0, false, false, 0]);
    expect(fromTimestamp(t.finishedAt)! - fromTimestamp(t.startedAt)!).toBe(5_000);
    const ready = getPod('once')!.status!.conditions!.find((c) => c.type === 'Ready')!;
    expect([ready.status, ready.reason]).toEqual(['False', 'PodCompleted']);
    cluster.advance(60_000);
    expect(getPod('once')!.status!.phase).toBe('Succeeded');
  });

  it('restarts a failing container with OnFailure, and fails the pod with Never', () => {
    run('retry', { image: 'busybox:1.36', command: ['sh', '-c', 'echo trying; exit 1'] }, { restartPolicy: 'OnFailure' });
    run('give-up', { image: 'busybox:1.36', command: ['sh', '-c', 'exit 3'] }, { restartPolicy: 'Never' });
    advanceUntil(() => (getPod('retry')?.status?.containerStatuses?.[0]?.restartCount ?? 0) >= 2, 60_000, 250);
    expect(getPod('retry')!.status!.phase).toBe('Running');
    expect(status0('retry').lastState!.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(getPod('give-up')!.status!.phase).toBe('Failed');
    expect(status0('give-up').state!.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
    expect(status0('give-up').restartCount).toBe(0);
  });

  it('completes an OnFailure pod whose command succeeds', () => {
    run('ok', { image: 'busybox:1.36', command: ['true'] }, { restartPolicy: 'OnFailure' });
    advanceUntil(() => getPod('ok')?.status?.phase === 'Succeeded', 20_000);
    expect(status0('ok').restartCount).toBe(0);
  });
});

describe('kubelet: graceful termination', () => {
  /** Deletes the pod when it is Running and returns the ms from deletion until the pod object is gone. */
  function timeToGone(name: string, firstGrace?: number, thenAfterMs?: number, secondGrace?: number): number {
    advanceUntil(() => getPod(name)?.status?.phase === 'Running', 30_000);
    const start = cluster.nowMs;
    const r = cluster.api.delete('Pod', 'default', name, firstGrace === undefined ? {} : { gracePeriodSeconds: firstGrace });
    if (!r.ok) throw new Error(r.status.message);
    if (thenAfterMs !== undefined) {
      cluster.advance(thenAfterMs);
      cluster.api.delete('Pod', 'default', name, { gracePeriodSeconds: secondGrace });
    }
    advanceUntil(() => getPod(name) === undefined, 60_000, 50);
    return cluster.nowMs - start;
  }

  it('stops nginx within a second, emitting Killing', () => {
    run('web', { image: 'nginx:1.27' });
    expect(timeToGone('web')).toBeLessThan(1_000);
    expect(eventLines('web')).toContain('Normal Killing Stopping container c');
  });

  it('keeps busybox `sleep 3600` for the whole 30 s grace period, READY 1/1 until it is killed with 137', () => {
    run('sleeper', { image: 'busybox:1.36', command: ['sleep', '3600'] });
    const states = watchStates('sleeper');
    advanceUntil(() => getPod('sleeper')?.status?.phase === 'Running', 30_000);
    cluster.api.delete('Pod', 'default', 'sleeper');
    cluster.advance(29_000);
    const pod = getPod('sleeper')!;
    expect(pod.metadata.deletionTimestamp).toBeDefined();
    expect(status0('sleeper')).toMatchObject({ ready: true, state: { running: {} } });
    cluster.advance(1_500);
    expect(getPod('sleeper')).toBeUndefined();
    const last = states[states.length - 1]!;
    expect([last.phase, last.state, last.ready]).toEqual(['Failed', 'terminated:Error:137', false]);
  });

  it('honours a shorter grace period, also one given on a second delete', () => {
    run('quick', { image: 'busybox:1.36', command: ['sleep', '3600'] });
    const quick = timeToGone('quick', 5);
    expect(quick).toBeGreaterThanOrEqual(5_000);
    expect(quick).toBeLessThan(5_500);
    run('hurried', { image: 'busybox:1.36', command: ['sleep', '3600'] });
    const hurried = timeToGone('hurried', undefined, 2_000, 3);
    expect(hurried).toBeGreaterThanOrEqual(3_000);
    expect(hurried).toBeLessThan(3_500);
  });

  it('removes a pod at once with grace period 0', () => {
    run('forced', { image: 'busybox:1.36', command: ['sleep', '3600'] });
    advanceUntil(() => getPod('forced')?.status?.phase === 'Running', 30_000);
    cluster.api.delete('Pod', 'default', 'forced', { gracePeriodSeconds: 0 });
    expect(getPod('forced')).toBeUndefined();
    cluster.advance(60_000);
    expect(getPod('forced')).toBeUndefined();
  });
});

describe('kubelet: pod IPs', () => {
  it('allocates sequentially from the node CIDR and does not reuse a freed address at once', () => {
    // The highest host number already handed out on a node (system pods such as CoreDNS hold the first ones).
    const lastHost = (node: string, prefix: string) =>
      Math.max(1, ...cluster.api.list<StoredPod>('Pod').filter((p) => p.spec!.nodeName === node && p.status?.podIP?.startsWith(prefix)).map((p) => Number(p.status!.podIP!.split('.')[3])));
    const base = lastHost('kubeplay-worker', '10.244.1.');
    const base2 = lastHost('kubeplay-worker2', '10.244.2.');
    const names = ['ip-a', 'ip-b', 'ip-c'];
    for (const n of names) run(n, { image: 'nginx:1.27' }, onNode('kubeplay-worker'));
    advanceUntil(() => names.every((n) => getPod(n)?.status?.podIP), 30_000);
    expect(names.map((n) => getPod(n)!.status!.podIP).sort()).toEqual([1, 2, 3].map((i) => `10.244.1.${base + i}`).sort());
    const freed = getPod('ip-a')!.status!.podIP;
    cluster.api.delete('Pod', 'default', 'ip-a', { gracePeriodSeconds: 0 });
    run('ip-d', { image: 'nginx:1.27' }, onNode('kubeplay-worker'));
    run('ip-e', { image: 'nginx:1.27' }, onNode('kubeplay-worker2'));
    advanceUntil(() => !!getPod('ip-d')?.status?.podIP && !!getPod('ip-e')?.status?.podIP, 30_000);
    expect(getPod('ip-d')!.status!.podIP).toBe(`10.244.1.${base + 4}`);
    expect(getPod('ip-d')!.status!.podIP).not.toBe(freed);
    expect(getPod('ip-e')!.status!.podIP).toBe(`10.244.2.${base2 + 1}`);
  });
});

describe('kubelet: logs through cluster.logs()', () => {
  it('serves what the container printed, with tail, and the kubelet errors', () => {
    run('talker', { image: 'busybox:1.36', command: ['sh', '-c', 'echo hello; echo world; sleep 3600'] });
    const waiting = cluster.logs('default', 'talker', 'c');
    expect(!waiting.ok && waiting.status.message).toBe('container "c" in pod "talker" is waiting to start: ContainerCreating');
    advanceUntil(() => getPod('talker')?.status?.phase === 'Running', 30_000);
    expect(cluster.logs('default', 'talker', 'c')).toEqual({ ok: true, value: 'hello\nworld\n' });
    expect(cluster.logs('default', 'talker', 'c', { tailLines: 1 })).toEqual({ ok: true, value: 'world\n' });
    const wrong = cluster.logs('default', 'talker', 'nope');
    expect(!wrong.ok && wrong.status.message).toBe('container nope is not valid for pod talker');
    const prev = cluster.logs('default', 'talker', 'c', { previous: true });
    expect(!prev.ok && prev.status.message).toBe('previous terminated container "c" in pod "talker" not found');
    const missing = cluster.logs('default', 'ghost', 'c');
    expect(!missing.ok && missing.status.message).toBe('pods "ghost" not found');
  });

  it('keeps the previous instance of a restarted container', () => {
    run('crash', { image: 'busybox:1.36', command: ['sh', '-c', 'echo attempt; exit 1'] });
    advanceUntil(() => (getPod('crash')?.status?.containerStatuses?.[0]?.restartCount ?? 0) >= 1 && status0('crash').state?.running !== undefined, 30_000, 20);
    expect(cluster.logs('default', 'crash', 'c', { previous: true })).toEqual({ ok: true, value: 'attempt\n' });
  });

  it('prints π for the perl Job example and the date for `date`', () => {
    run('pi', { image: 'perl:5.34.0', command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(50)'] }, { restartPolicy: 'Never' });
    run('clock', { image: 'busybox:1.36', command: ['sh', '-c', 'date; sleep 3600'] });
    advanceUntil(() => getPod('pi')?.status?.phase === 'Succeeded' && getPod('clock')?.status?.phase === 'Running', 60_000);
    expect(cluster.logs('default', 'pi', 'c')).toEqual({ ok: true, value: '3.1415926535897932384626433832795028841971693993751\n' });
    const started = fromTimestamp(status0('clock').state!.running!.startedAt)!;
    const d = new Date(started);
    const expected = `${d.toUTCString().slice(0, 3)} Jan ${String(d.getUTCDate()).padStart(2, ' ')} ${d.toISOString().slice(11, 19)} UTC 2026\n`;
    expect(cluster.logs('default', 'clock', 'c')).toEqual({ ok: true, value: expected });
  });
});
