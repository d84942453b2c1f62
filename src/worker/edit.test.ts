import { describe, expect, it } from 'vitest';
import type { CommandOutput, WorkerEvent } from '../protocol/messages';
import { SimulationHost, vocabulary } from './simulation-host';
import { editArgs, withoutResourceVersion } from './edit';

/** A host with every event it posted, and a helper that returns the reply to one command. */
function makeHost() {
  const events: WorkerEvent[] = [];
  const host = new SimulationHost((ev) => events.push(ev), { seed: 1, startTimeMs: Date.UTC(2026, 0, 15, 9, 0, 0), paused: true });
  let id = 100;
  const run = (line: string, stdin?: string): CommandOutput => {
    const myId = ++id;
    host.handle({ type: 'kubectl.run', id: myId, line, ...(stdin !== undefined ? { stdin } : {}) });
    const reply = events.find((e) => e.type === 'reply' && e.id === myId);
    if (!reply || reply.type !== 'reply') throw new Error('no reply');
    if (!reply.ok) throw new Error(reply.error);
    return reply.result as CommandOutput;
  };
  return { host, events, run };
}

describe('editArgs', () => {
  it('finds the edit verb after kubectl, k and global flags', () => {
    expect(editArgs('kubectl edit deploy/web')).toEqual(['deploy/web']);
    expect(editArgs('k -n demo edit deployment web')).toEqual(['-n', 'demo', 'deployment', 'web']);
    expect(editArgs('kubectl get pods')).toBeUndefined();
    expect(editArgs('edit deploy/web')).toBeUndefined();
  });
});

describe('kubectl edit in the simulation host', () => {
  it('returns the object YAML for the editor and prints nothing', () => {
    const { run, host } = makeHost();
    run('kubectl create deployment web --image=nginx --replicas=2');
    host.handle({ type: 'sim.step', ms: 20_000 });
    const before = host.snapshot().log.length;
    const r = run('kubectl edit deployment/web');
    expect(r.exitCode).toBe(0);
    expect(r.output).toBe('');
    expect(r.edit?.objectId).toBe('Deployment/default/web');
    const get = run('kubectl get deployment web -o yaml');
    expect(r.edit?.yaml).toBe(withoutResourceVersion(get.stdout));
    expect(r.edit?.yaml).toContain('  replicas: 2\n');
    expect(r.edit?.yaml).not.toMatch(/^ {2}resourceVersion:/m);
    // Reading for edit does not change the cluster, so it is not part of the replay log.
    expect(host.snapshot().log.length).toBe(before + 1);
  });

  it('the edited YAML applies after the status changed in between', () => {
    const { run, host } = makeHost();
    run('kubectl create deployment web --image=nginx --replicas=2');
    const yaml = run('kubectl edit deploy web').edit!.yaml;
    host.handle({ type: 'sim.step', ms: 30_000 });
    const edited = yaml.replace('  replicas: 2\n', '  replicas: 3\n');
    const r = run('kubectl apply -f -', edited);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('deployment.apps/web configured\n');
    expect(run('kubectl get deploy web -o jsonpath={.spec.replicas}').stdout).toBe('3');
  });

  it('prints kubectl errors for missing objects and arguments', () => {
    const { run } = makeHost();
    expect(run('kubectl edit deploy/nope').output).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    const none = run('kubectl edit');
    expect(none.exitCode).toBe(1);
    expect(none.output).toMatch(/^error: You must provide one or more resources by argument or filename\.\n/);
  });
});

describe('vocabulary', () => {
  it('lists verbs with sub-commands and resources with short names once', () => {
    const v = vocabulary();
    expect(v.verbs.map((x) => x.name)).toEqual(expect.arrayContaining(['get', 'describe', 'edit', 'scale', 'create']));
    expect(v.verbs.find((x) => x.name === 'create')!.subcommands).toContain('deployment');
    const deploy = v.resources.find((r) => r.kind === 'Deployment')!;
    expect(deploy).toEqual({ kind: 'Deployment', resource: 'deployments', singular: 'deployment', shortNames: ['deploy'], namespaced: true });
    expect(v.resources.filter((r) => r.resource === 'events')).toHaveLength(1);
  });
});
