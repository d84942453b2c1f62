import { beforeEach, describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { Clock } from '../sim/clock';
import { createRng } from '../sim/rng';
import { ApiServer, type WatchEvent } from './apiserver';
import { ServiceAllocators } from './allocators';
import { registerDefaultAdmission } from './admission';
import { registerAllStrategies } from './strategies';
import type { Result } from './status';

const T0 = Date.UTC(2026, 0, 1);

/** A frozen-object apiserver with the default admission chain and namespaces default and dev. */
function makeServer(seed = 1): { api: ApiServer; clock: Clock } {
  registerAllStrategies();
  const clock = new Clock(T0);
  const api = new ApiServer(clock, createRng(seed), new ServiceAllocators(createRng(7)), true);
  registerDefaultAdmission(api);
  for (const name of ['default', 'dev']) {
    must(api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }));
    must(api.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: name } }));
  }
  return { api, clock };
}

function must<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`unexpected failure: ${r.status.message}`);
  return r.value;
}

function failure(r: Result<unknown>): { reason: string; code: number; message: string } {
  if (r.ok) throw new Error('expected a failure');
  return { reason: r.status.reason, code: r.status.code, message: r.status.message };
}

const configMap = (name: string, data: Record<string, string> = {}, meta: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, ...meta },
  data,
});

const pod = (name: string, spec: Record<string, unknown> = {}, meta: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', ...meta },
  spec: { containers: [{ name: 'app', image: 'nginx:1.25' }], ...spec },
});

const deployment = (name: string, replicas = 1): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: 'default' },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } },
  },
});

function isDeepFrozen(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return true;
  return Object.isFrozen(v) && Object.values(v).every(isDeepFrozen);
}

describe('ApiServer.create', () => {
  let api: ApiServer;
  let clock: Clock;
  beforeEach(() => ({ api, clock } = makeServer()));

  it('fills server metadata: uid, increasing resourceVersions, creationTimestamp, default namespace', () => {
    clock.nowMs = T0 + 90_500;
    const a = must(api.create(configMap('a')));
    const b = must(api.create(configMap('b')));
    expect(a.metadata.namespace).toBe('default');
    expect(a.metadata.creationTimestamp).toBe('2026-01-01T00:01:30Z');
    expect(a.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.metadata.uid).not.toBe(b.metadata.uid);
    expect(Number(b.metadata.resourceVersion)).toBe(Number(a.metadata.resourceVersion) + 1);
    expect(api.resourceVersion).toBe(Number(b.metadata.resourceVersion));
  });

  it('ignores client-set server fields and leaves the input untouched', () => {
    const input = configMap('c', {}, { uid: 'mine', resourceVersion: '5', deletionTimestamp: '2020-01-01T00:00:00Z', generation: 9 });
    const out = must(api.create(input));
    expect(out.metadata.uid).not.toBe('mine');
    expect(out.metadata.deletionTimestamp).toBeUndefined();
    expect(out.metadata.generation).toBeUndefined();
    expect(input.metadata).toEqual({ name: 'c', uid: 'mine', resourceVersion: '5', deletionTimestamp: '2020-01-01T00:00:00Z', generation: 9 });
  });

  it('sets generation 1 only on kinds that keep one (Pod, Deployment), not on Service, Namespace or ConfigMap', () => {
    expect(must(api.create(pod('p'))).metadata.generation).toBe(1);
    expect(must(api.create(deployment('web'))).metadata.generation).toBe(1);
    const svc = must(api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { selector: { app: 's' }, ports: [{ port: 80 }] } }));
    expect(svc.metadata.generation).toBeUndefined();
    expect(must(api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ns1' } })).metadata.generation).toBeUndefined();
    expect(must(api.create(configMap('c'))).metadata.generation).toBeUndefined();
  });

  it('stores deeply frozen objects when freezeObjects is on', () => {
    const d = must(api.create(deployment('web')));
    expect(isDeepFrozen(d)).toBe(true);
    expect(isDeepFrozen(api.get('Deployment', 'default', 'web'))).toBe(true);
  });

  it('generates names from generateName: the prefix plus 5 random characters, deterministic per seed', () => {
    const names = [1, 2, 3].map(() => must(api.create(configMap('', {}, { generateName: 'cfg-' }))).metadata.name);
    for (const n of names) expect(n).toMatch(/^cfg-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(new Set(names).size).toBe(3);
    const again = makeServer().api;
    expect([1, 2, 3].map(() => must(again.create(configMap('', {}, { generateName: 'cfg-' }))).metadata.name)).toEqual(names);
    const other = makeServer(2).api;
    expect(must(other.create(configMap('', {}, { generateName: 'cfg-' }))).metadata.name).not.toBe(names[0]);
  });

  it('answers AlreadyExists, NotFound namespace and Invalid name with the upstream messages', () => {
    must(api.create(configMap('dup')));
    expect(failure(api.create(configMap('dup')))).toEqual({ reason: 'AlreadyExists', code: 409, message: 'configmaps "dup" already exists' });
    must(api.create(deployment('web')));
    expect(failure(api.create(deployment('web'))).message).toBe('deployments.apps "web" already exists');
    expect(failure(api.create(configMap('x', {}, { namespace: 'nope' })))).toEqual({ reason: 'NotFound', code: 404, message: 'namespaces "nope" not found' });
    expect(failure(api.create(configMap('')))).toEqual({ reason: 'Invalid', code: 422, message: 'ConfigMap "" is invalid: metadata.name: Required value: name or generateName is required' });
    expect(failure(api.create(configMap('Bad_Name'))).message).toBe(
      'ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case ' +
        "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for " +
        "validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    );
  });

  it('stores nothing on a dry run', () => {
    const rv = api.resourceVersion;
    const out = must(api.create(configMap('dry'), { dryRun: true }));
    expect(out.metadata.name).toBe('dry');
    expect(api.get('ConfigMap', 'default', 'dry')).toBeUndefined();
    expect(api.resourceVersion).toBe(rv);
  });
});

describe('ApiServer reads', () => {
  it('get, read and list: NotFound message, namespace scoping and namespace/name order', () => {
    const { api } = makeServer();
    for (const [ns, name] of [['dev', 'b'], ['default', 'z'], ['default', 'a'], ['dev', 'a']] as const) {
      must(api.create(configMap(name, {}, { namespace: ns, labels: { tier: name === 'a' ? 'front' : 'back' } })));
    }
    expect(failure(api.read('ConfigMap', 'default', 'missing'))).toEqual({ reason: 'NotFound', code: 404, message: 'configmaps "missing" not found' });
    expect(api.get('ConfigMap', undefined, 'a')?.metadata.namespace).toBe('default');
    expect(api.list('ConfigMap').map((c) => `${c.metadata.namespace}/${c.metadata.name}`)).toEqual(['default/a', 'default/z', 'dev/a', 'dev/b']);
    expect(api.list('ConfigMap', 'dev').map((c) => c.metadata.name)).toEqual(['a', 'b']);
    expect(api.list('ConfigMap', undefined, { labelSelector: [{ key: 'tier', op: 'In', values: ['front'] }] }).map((c) => `${c.metadata.namespace}/${c.metadata.name}`)).toEqual(['default/a', 'dev/a']);
    expect(api.list('ConfigMap', undefined, { fieldSelector: [{ field: 'metadata.namespace', op: '!=', value: 'dev' }] }).map((c) => c.metadata.name)).toEqual(['a', 'z']);
  });
});

describe('ApiServer.update and updateStatus', () => {
  let api: ApiServer;
  beforeEach(() => ({ api } = makeServer()));

  it('bumps resourceVersion on a change and keeps it on a no-op update', () => {
    const c = must(api.create(configMap('c', { a: '1' })));
    const same = must(api.update(c));
    expect(same.metadata.resourceVersion).toBe(c.metadata.resourceVersion);
    const changed = must(api.update({ ...c, data: { a: '2' } }));
    expect(Number(changed.metadata.resourceVersion)).toBeGreaterThan(Number(c.metadata.resourceVersion));
    expect(changed.data).toEqual({ a: '2' });
  });

  it('rejects a stale resourceVersion with Conflict', () => {
    const c = must(api.create(configMap('c', { a: '1' })));
    must(api.update({ ...c, data: { a: '2' } }));
    expect(failure(api.update({ ...c, data: { a: '3' } }))).toEqual({
      reason: 'Conflict',
      code: 409,
      message: 'Operation cannot be fulfilled on configmaps "c": the object has been modified; please apply your changes to the latest version and try again',
    });
    const { resourceVersion: _drop, ...meta } = c.metadata;
    void _drop;
    expect(must(api.update({ ...c, metadata: meta, data: { a: '3' } })).data).toEqual({ a: '3' });
  });

  it('keeps uid and creationTimestamp, and answers NotFound for a missing object', () => {
    const c = must(api.create(configMap('c')));
    const out = must(api.update({ ...c, metadata: { ...c.metadata, uid: undefined, creationTimestamp: '2000-01-01T00:00:00Z', labels: { x: 'y' } } } as KubeObject));
    expect(out.metadata.uid).toBe(c.metadata.uid);
    expect(out.metadata.creationTimestamp).toBe(c.metadata.creationTimestamp);
    expect(failure(api.update(configMap('ghost'))).message).toBe('configmaps "ghost" not found');
  });

  it('bumps generation only on a spec change through the main resource', () => {
    const d = must(api.create(deployment('web')));
    const relabelled = must(api.update({ ...d, metadata: { ...d.metadata, labels: { team: 'a' } } }));
    expect(relabelled.metadata.generation).toBe(1);
    const scaled = must(api.mutate('Deployment', 'default', 'web', (x) => { (x.spec as { replicas: number }).replicas = 3; }));
    expect(scaled.metadata.generation).toBe(2);
    const withStatus = must(api.updateStatus({ ...scaled, status: { observedGeneration: 2, replicas: 3 } }));
    expect(withStatus.metadata.generation).toBe(2);
  });

  it('keeps the stored status on a main-resource update of a kind with a status subresource', () => {
    const d = must(api.create(deployment('web')));
    must(api.updateStatus({ ...d, status: { replicas: 7 } }));
    const cur = api.get('Deployment', 'default', 'web')!;
    const out = must(api.update({ ...cur, status: { replicas: 99 } }));
    expect(out.status).toEqual({ replicas: 7 });
  });

  it('status writes keep the spec and leave the object unchanged when the status is equal', () => {
    const d = must(api.create(deployment('web')));
    const out = must(api.updateStatus({ ...d, spec: { ...(d.spec as object), replicas: 50 }, status: { replicas: 1 } }));
    expect((out.spec as { replicas: number }).replicas).toBe(1);
    expect(out.status).toEqual({ replicas: 1 });
    expect(Number(out.metadata.resourceVersion)).toBe(Number(d.metadata.resourceVersion) + 1);
    const again = must(api.updateStatus({ ...out, status: { replicas: 1 } }));
    expect(again).toBe(out);
  });

  it('mutate edits a private copy of the current object and reports NotFound', () => {
    const c = must(api.create(configMap('c', { a: '1' })));
    const out = must(api.mutate('ConfigMap', 'default', 'c', (x) => { x.data = { a: '2' }; }));
    expect(out.data).toEqual({ a: '2' });
    expect(c.data).toEqual({ a: '1' });
    expect(failure(api.mutate('ConfigMap', 'default', 'ghost', () => {})).message).toBe('configmaps "ghost" not found');
  });
});

describe('ApiServer.delete', () => {
  let api: ApiServer;
  let clock: Clock;
  let events: WatchEvent[];
  beforeEach(() => {
    ({ api, clock } = makeServer());
    events = [];
    api.watch('*', (ev) => events.push(ev));
  });
  const seen = () => events.map((e) => `${e.type} ${e.object.kind}/${e.object.metadata.name}`);

  it('removes an unbound pod at once', () => {
    must(api.create(pod('p')));
    events = [];
    const gone = must(api.delete('Pod', 'default', 'p'));
    expect(api.get('Pod', 'default', 'p')).toBeUndefined();
    expect(seen()).toEqual(['DELETED Pod/p']);
    expect(Number(gone.metadata.resourceVersion)).toBe(api.resourceVersion);
  });

  it('deletes a bound pod gracefully: deletionTimestamp = now + grace, generation bumped, removal on grace 0', () => {
    clock.nowMs = T0 + 10_000;
    must(api.create(pod('p', { nodeName: 'n1' })));
    const terminating = must(api.delete('Pod', 'default', 'p'));
    expect(terminating.metadata.deletionTimestamp).toBe('2026-01-01T00:00:40Z');
    expect(terminating.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(terminating.metadata.generation).toBe(2);
    expect(api.get('Pod', 'default', 'p')).toBe(terminating);
    // A repeated delete with no shorter grace period changes nothing.
    expect(must(api.delete('Pod', 'default', 'p'))).toBe(terminating);
    must(api.delete('Pod', 'default', 'p', { gracePeriodSeconds: 0 }));
    expect(api.get('Pod', 'default', 'p')).toBeUndefined();
  });

  it('uses the pod terminationGracePeriodSeconds, and a negative request means one second', () => {
    must(api.create(pod('long', { nodeName: 'n1', terminationGracePeriodSeconds: 120 })));
    expect(must(api.delete('Pod', 'default', 'long')).metadata.deletionGracePeriodSeconds).toBe(120);
    must(api.create(pod('neg', { nodeName: 'n1' })));
    expect(must(api.delete('Pod', 'default', 'neg', { gracePeriodSeconds: -1 })).metadata.deletionGracePeriodSeconds).toBe(1);
  });

  it('shortens a pending grace period from when the deletion started, never lengthens it', () => {
    must(api.create(pod('p', { nodeName: 'n1' })));
    must(api.delete('Pod', 'default', 'p'));
    clock.nowMs = T0 + 20_000;
    const shorter = must(api.delete('Pod', 'default', 'p', { gracePeriodSeconds: 5 }));
    expect(shorter.metadata.deletionGracePeriodSeconds).toBe(5);
    expect(shorter.metadata.deletionTimestamp).toBe('2026-01-01T00:00:05Z');
    expect(must(api.delete('Pod', 'default', 'p', { gracePeriodSeconds: 60 })).metadata.deletionGracePeriodSeconds).toBe(5);
  });

  it('removes a finished pod at once even when bound', () => {
    const p = must(api.create(pod('done', { nodeName: 'n1', restartPolicy: 'Never' })));
    must(api.updateStatus({ ...p, status: { ...(p.status as object), phase: 'Succeeded' } }));
    must(api.delete('Pod', 'default', 'done'));
    expect(api.get('Pod', 'default', 'done')).toBeUndefined();
  });

  it('keeps an object with finalizers until the last one is removed', () => {
    must(api.create(configMap('held', {}, { finalizers: ['example.com/a', 'example.com/b'] })));
    clock.nowMs = T0 + 3_000;
    const marked = must(api.delete('ConfigMap', 'default', 'held'));
    expect(marked.metadata.deletionTimestamp).toBe('2026-01-01T00:00:03Z');
    expect(marked.metadata.deletionGracePeriodSeconds).toBe(0);
    must(api.removeFinalizer('ConfigMap', 'default', 'held', 'example.com/a'));
    expect(api.get('ConfigMap', 'default', 'held')?.metadata.finalizers).toEqual(['example.com/b']);
    const cur = api.get('ConfigMap', 'default', 'held')!;
    must(api.update({ ...cur, metadata: { ...cur.metadata, finalizers: [] } }));
    expect(api.get('ConfigMap', 'default', 'held')).toBeUndefined();
    expect(seen().slice(-1)).toEqual(['DELETED ConfigMap/held']);
  });

  it('keeps deletionTimestamp through main-resource updates of a terminating object', () => {
    must(api.create(configMap('held', {}, { finalizers: ['example.com/a'] })));
    const marked = must(api.delete('ConfigMap', 'default', 'held'));
    const out = must(api.update({ ...marked, metadata: { ...marked.metadata, deletionTimestamp: undefined, labels: { a: 'b' } } } as KubeObject));
    expect(out.metadata.deletionTimestamp).toBe(marked.metadata.deletionTimestamp);
  });

  it('adds the propagation finalizers and bumps the generation of a kept object', () => {
    must(api.create(deployment('fg')));
    const fg = must(api.delete('Deployment', 'default', 'fg', { propagationPolicy: 'Foreground' }));
    expect(fg.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(fg.metadata.generation).toBe(2);
    must(api.create(deployment('orphaned')));
    expect(must(api.delete('Deployment', 'default', 'orphaned', { propagationPolicy: 'Orphan' })).metadata.finalizers).toEqual(['orphan']);
    must(api.create(deployment('bg')));
    must(api.delete('Deployment', 'default', 'bg'));
    expect(api.get('Deployment', 'default', 'bg')).toBeUndefined();
  });

  it('answers NotFound and a UID precondition Conflict', () => {
    expect(failure(api.delete('ConfigMap', 'default', 'ghost')).message).toBe('configmaps "ghost" not found');
    const c = must(api.create(configMap('c')));
    expect(failure(api.delete('ConfigMap', 'default', 'c', { uid: 'other' }))).toEqual({
      reason: 'Conflict',
      code: 409,
      message: `Operation cannot be fulfilled on configmaps "c": Precondition failed: UID in precondition: other, UID in object meta: ${c.metadata.uid}`,
    });
    must(api.delete('ConfigMap', 'default', 'c', { dryRun: true }));
    expect(api.get('ConfigMap', 'default', 'c')).toBeDefined();
  });

  it('keeps a namespace Terminating until spec.finalizers is emptied, and forbids new content meanwhile', () => {
    must(api.create(configMap('inside', {}, { namespace: 'dev' })));
    const ns = must(api.delete('Namespace', undefined, 'dev'));
    expect(ns.status).toEqual({ phase: 'Terminating' });
    expect(ns.metadata.deletionTimestamp).toBe('2026-01-01T00:00:00Z');
    expect((ns.spec as { finalizers: string[] }).finalizers).toEqual(['kubernetes']);
    expect(failure(api.create(configMap('new', {}, { namespace: 'dev' })))).toEqual({
      reason: 'Forbidden',
      code: 403,
      message: 'configmaps "new" is forbidden: unable to create new content in namespace dev because it is being terminated',
    });
    expect(failure(api.create(configMap('', {}, { namespace: 'dev', generateName: 'web-' }))).message).toBe(
      'configmaps "web-" is forbidden: unable to create new content in namespace dev because it is being terminated',
    );
    must(api.mutate('Namespace', undefined, 'dev', (n) => { (n.spec as { finalizers: string[] }).finalizers = []; }));
    expect(api.get('Namespace', undefined, 'dev')).toBeUndefined();
  });
});

describe('ApiServer.bind', () => {
  it('assigns the node and PodScheduled=True without bumping the generation', () => {
    const { api, clock } = makeServer();
    const p = must(api.create(pod('p')));
    clock.nowMs = T0 + 2_000;
    const bound = must(api.bind('default', 'p', 'n1'));
    expect((bound.spec as { nodeName: string }).nodeName).toBe('n1');
    expect(bound.metadata.generation).toBe(1);
    expect(Number(bound.metadata.resourceVersion)).toBeGreaterThan(Number(p.metadata.resourceVersion));
    expect((bound.status as { conditions: unknown[] }).conditions).toEqual([
      { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-01-01T00:00:02Z', observedGeneration: 1 },
    ]);
  });

  it('answers Conflict on pods/binding for a bound or terminating pod, NotFound for a uid mismatch', () => {
    const { api } = makeServer();
    must(api.create(pod('p')));
    must(api.bind('default', 'p', 'n1'));
    expect(failure(api.bind('default', 'p', 'n2'))).toEqual({
      reason: 'Conflict',
      code: 409,
      message: 'Operation cannot be fulfilled on pods/binding "p": pod p is already assigned to node "n1"',
    });
    must(api.create(pod('held', {}, { finalizers: ['example.com/x'] })));
    must(api.delete('Pod', 'default', 'held'));
    expect(failure(api.bind('default', 'held', 'n1')).message).toBe('Operation cannot be fulfilled on pods/binding "held": pod held is being deleted, cannot be assigned to a host');
    expect(failure(api.bind('default', 'p', 'n1', 'not-the-uid')).reason).toBe('NotFound');
  });
});

describe('ApiServer.watch', () => {
  it('delivers ADDED, MODIFIED (with old) and DELETED to kind and wildcard handlers until unsubscribed', () => {
    const { api } = makeServer();
    const byKind: string[] = [];
    const all: string[] = [];
    const stop = api.watch('ConfigMap', (ev) => byKind.push(`${ev.type} ${ev.object.data ? JSON.stringify(ev.object.data) : ''} old=${ev.old ? JSON.stringify(ev.old.data) : '-'}`));
    api.watch('*', (ev) => all.push(`${ev.type} ${ev.object.kind}`));
    must(api.create(configMap('c', { v: '1' })));
    must(api.mutate('ConfigMap', 'default', 'c', (x) => { x.data = { v: '2' }; }));
    must(api.create(pod('p')));
    must(api.delete('ConfigMap', 'default', 'c'));
    stop();
    must(api.create(configMap('d')));
    expect(byKind).toEqual(['ADDED {"v":"1"} old=-', 'MODIFIED {"v":"2"} old={"v":"1"}', 'DELETED {"v":"2"} old={"v":"2"}']);
    expect(all).toEqual(['ADDED ConfigMap', 'MODIFIED ConfigMap', 'ADDED Pod', 'DELETED ConfigMap', 'ADDED ConfigMap']);
  });
});
